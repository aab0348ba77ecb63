//! The plan itself: its format version and the years of its dates. (A plan may have no
//! name: an interchange folder without settings.csv gives one.)

use super::bounds::YEAR;
use super::numbers::check_within;
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
    let years = [
        ("year", plan.meta.year),
        ("judged_at", plan.meta.judged_at.map(|d| i32::from(d.year))),
        (
            "document_date",
            plan.meta.document.date.map(|d| i32::from(d.year)),
        ),
        (
            "review_date",
            plan.review
                .as_ref()
                .and_then(|r| r.date)
                .map(|d| i32::from(d.year)),
        ),
    ];
    for (field, year) in years {
        if let Some(year) = year {
            check_within(f64::from(year), YEAR, || Place::Meta { field }, problems);
        }
    }
}
