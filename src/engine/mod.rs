//! The engine: derives required headcount from workload with polars lazy queries.
//!
//! The plan's tables become polars frames ([`tables`]); one lazy query ([`query`]) derives every
//! position's figures, rolls them up the unit tree and totals them, and is collected once. The
//! results ([`results`]) keep the intermediate figures, so each number can explain itself
//! ([`explain`]).

mod breakdown;
mod buckets;
mod employment;
mod error;
mod explain;
mod query;
mod results;
mod tables;
mod tree;

pub use breakdown::{
    Breakdown, BreakdownError, CategoryRow, Figures, PressureRow, RankRow, UnitRow, breakdown,
};
pub use employment::{employment_basis, unit_defaults as unit_employment_defaults};
pub use error::EngineError;
pub use explain::{ComponentContribution, Explanation, Said, all_contributions, explain};
pub use results::{EmploymentFigures, PlanResults, PositionResult, Totals, UnitResult};
pub use tree::{UnitTree, unit_index};

use crate::model::Plan;

/// A value within this distance of a whole number counts as that number when rounding, so that
/// float noise (2.0000000001) never adds a person.
pub const WHOLE_NUMBER_TOLERANCE: f64 = 1e-9;

/// Derives every position's and unit's figures for a plan.
///
/// The plan's references must resolve (run [`crate::validation::validate`] first); an unresolved
/// reference or a cycle in the unit tree is reported as an error, never a panic.
pub fn compute(plan: &Plan) -> Result<PlanResults, EngineError> {
    let tables = tables::PlanTables::build(plan)?;
    let frames = query::run(&tables, plan.rounding)?;
    results::PlanResults::from_frames(plan, frames, &tables.employment, &tables.unit_employment)
}
