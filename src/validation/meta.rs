//! The plan itself: its format version. (A plan may have no name: an interchange folder
//! without settings.csv gives one.)

use super::{Place, Problem, ProblemKind};
use crate::model::{FORMAT_VERSION, Plan};

pub(super) fn check(plan: &Plan, problems: &mut Vec<Problem>) {
    // Version 0 was never written; a plan built in memory may still carry a wrong number.
    if plan.format_version == 0 || plan.format_version > FORMAT_VERSION {
        problems.push(Problem {
            place: Place::Meta {
                field: "format_version",
            },
            kind: ProblemKind::UnsupportedFormatVersion {
                found: plan.format_version,
                supported: FORMAT_VERSION,
            },
        });
    }
}
