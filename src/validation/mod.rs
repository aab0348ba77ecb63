//! Validation: every problem in a plan at once, each with its place.
//!
//! [`validate`] checks what the typed model cannot: that ids are present and unique, that
//! references resolve, that the unit tree has no cycle, that numbers are within their plausible
//! ranges ([`bounds`]), that texts fit one spreadsheet cell and that support work leaves working
//! time. It reports every problem rather than stopping at the first, each with the row and
//! column to show it at. Each check is a linear pass over the plan with hash lookups, so plans
//! with millions of rows validate in seconds.
//!
//! After an edit, [`Validation::within`] runs the same checks on the rows the edit touched and
//! the rows that depend on them ([`Scope`]), and [`Validation::update`] puts what it finds in
//! place of the problems of those rows: the result is what a full validation gives, at the cost
//! of a few rows. Loading, importing and saving validate the whole plan.

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
mod scope;
mod sections;
mod staff;
mod support;
mod texts;
mod units;

pub use bounds::Bounds;
pub use place::{Place, Row};
pub use problem::{Problem, ProblemKind};
pub use scope::{Moves, Scope, Shift, Touched};
pub use sections::Validation;
pub use support::support_share;

use crate::model::Plan;
use scope::Selection;
use sections::Section;

/// Every problem of `plan`: the ids of all tables first, then each table in plan order.
/// Empty when the plan is valid.
pub fn validate(plan: &Plan) -> Vec<Problem> {
    Validation::of(plan).into_problems()
}

/// The problems of `plan` that `scope` covers, in the order [`validate`] lists them, found by
/// checking only the rows of the scope.
pub fn validate_scope(plan: &Plan, scope: &Scope) -> Vec<Problem> {
    Validation::within(plan, scope).into_problems()
}

/// Runs every check on the rows `selection` names: one pass for a full validation and for a
/// scoped one alike.
fn check(plan: &Plan, selection: &Selection<'_>) -> Validation {
    let mut found = Validation::default();
    if selection.plan {
        meta::check(plan, found.section(Section::Meta));
    }
    let ids = ids::Ids::collect(plan, selection, &mut found);
    if selection.calendars {
        calendars::check(&plan.calendars, found.section(Section::Calendars));
    }
    for (index, unit) in selection.units.rows(&plan.units) {
        units::check(index, unit, &ids, found.section(Section::Units));
    }
    if selection.unit_tree {
        cycles::check(&plan.units, &ids, found.section(Section::Cycles));
    }
    // The calendar of positions without one, resolved once rather than per position.
    let default_calendar = plan.default_calendar();
    for (index, position) in selection.positions.rows(&plan.positions) {
        let problems = found.section(Section::Positions);
        positions::check(plan, index, position, &ids, &default_calendar, problems);
    }
    for (index, member) in selection.staff.rows(&plan.staff) {
        staff::check(plan, index, member, &ids, found.section(Section::Staff));
    }
    for (index, position) in selection.positions.rows(&plan.positions) {
        job_descriptions::check(index, position, found.section(Section::JobDescriptions));
    }
    for (index, unit) in selection.units.rows(&plan.units) {
        attributes::check_unit(index, unit, found.section(Section::UnitAttributes));
    }
    for (index, position) in selection.positions.rows(&plan.positions) {
        attributes::check_position(index, position, found.section(Section::PositionAttributes));
    }
    let lines = plan.review.as_ref().map_or(0, |r| r.lines.len());
    attributes::check_review(
        plan,
        selection.lines.indices(lines),
        &ids,
        found.section(Section::Review),
    );
    if selection.plan {
        texts::check_plan(plan, found.section(Section::PlanTexts));
    }
    if selection.calendars {
        for (index, calendar) in plan.calendars.iter().enumerate() {
            texts::check_calendar(index, calendar, found.section(Section::CalendarTexts));
        }
    }
    for (index, unit) in selection.units.rows(&plan.units) {
        texts::check_unit(index, unit, found.section(Section::UnitTexts));
    }
    for (index, position) in selection.positions.rows(&plan.positions) {
        texts::check_position(index, position, found.section(Section::PositionTexts));
    }
    for (index, member) in selection.staff.rows(&plan.staff) {
        texts::check_staff(index, member, found.section(Section::StaffTexts));
    }
    if let Some(review) = &plan.review {
        if selection.plan {
            texts::check_review(review, found.section(Section::ReviewTexts));
        }
        for (index, line) in selection.lines.rows(&review.lines) {
            texts::check_line(index, line, found.section(Section::LineTexts));
        }
    }
    found.close();
    found
}
