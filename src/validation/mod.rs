//! Validation: every problem in a plan at once, each with its place.
//!
//! [`validate`] checks what the typed model cannot: that ids are present and unique, that
//! references resolve, that the unit tree has no cycle, that numbers are within their plausible ranges
//! ([`bounds`]), that texts fit one spreadsheet cell and that support work leaves working time. It reports every problem rather than stopping at the
//! first, each with the row and column to show it at. Each check is a linear pass over the
//! plan with hash lookups, so plans with millions of rows validate in seconds.

mod attributes;
pub mod bounds;
mod calendars;
mod cycles;
mod ids;
mod job_descriptions;
mod meta;
mod numbers;
mod place;
mod positions;
mod problem;
mod staff;
mod support;
mod texts;
mod units;

pub use bounds::Bounds;
pub use place::{Place, Row};
pub use problem::{Problem, ProblemKind};
pub use support::support_share;

use crate::model::Plan;

/// Every problem of `plan`: the ids of all tables first, then each table in plan order.
/// Empty when the plan is valid.
pub fn validate(plan: &Plan) -> Vec<Problem> {
    let mut problems = Vec::new();
    meta::check(plan, &mut problems);
    let ids = ids::Ids::collect(plan, &mut problems);
    calendars::check(&plan.calendars, &mut problems);
    units::check(&plan.units, &ids, &mut problems);
    cycles::check(&plan.units, &ids, &mut problems);
    positions::check(plan, &ids, &mut problems);
    staff::check(plan, &ids, &mut problems);
    job_descriptions::check(plan, &mut problems);
    attributes::check(plan, &mut problems);
    attributes::check_review(plan, &mut problems);
    texts::check(plan, &mut problems);
    problems
}
