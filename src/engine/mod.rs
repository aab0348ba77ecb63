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
mod frames;
mod labels;
mod query;
mod results;
mod tables;
mod tree;

pub use breakdown::{
    Breakdown, BreakdownError, CategoryRow, Figures, PressureRow, RankRow, UnitRow, breakdown,
};
pub use employment::{employment_basis, unit_defaults as unit_employment_defaults};
pub use error::EngineError;
pub use explain::{
    ComponentContribution, Explanation, Said, all_contributions, contributions_by_position, explain,
};
pub use frames::{FRAME_NAMES, PlanFrames};
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
    let frames = query::run(&tables)?;
    results::PlanResults::from_frames(
        &mut labels::PlanLabels::of(plan),
        frames,
        &tables.employment,
        &tables.unit_employment,
    )
}

/// Volumes that replace some service or norm components' own, keyed by (position index,
/// component index) in the plan.
pub type WorkloadVolumes = polars::prelude::PlHashMap<(usize, usize), f64>;

/// [`compute`] for one plan under several workloads (a scenario's years), in the order given.
/// The plan's tables are built once and only the workload table again for each; the workloads
/// are computed side by side.
pub fn compute_with_volumes(
    plan: &Plan,
    workloads: &[WorkloadVolumes],
) -> Result<Vec<PlanResults>, EngineError> {
    let tables = tables::PlanTables::build(plan)?;
    std::thread::scope(|scope| {
        let handles: Vec<_> = workloads
            .iter()
            .map(|volumes| {
                let tables = &tables;
                scope.spawn(move || {
                    let tables = tables.with_volumes(plan, volumes)?;
                    let frames = query::run(&tables)?;
                    results::PlanResults::from_frames(
                        &mut labels::PlanLabels::of(plan),
                        frames,
                        &tables.employment,
                        &tables.unit_employment,
                    )
                })
            })
            .collect();
        handles
            .into_iter()
            .map(|handle| {
                handle
                    .join()
                    .unwrap_or_else(|panic| std::panic::resume_unwind(panic))
            })
            .collect()
    })
}

/// [`compute`] for many plans at once, in one query: the figures are each plan's own, and the
/// results come back in the order of `plans`, each plan's failure its own. Polars' fixed cost
/// per query is paid once rather than once per plan, which is what a portfolio of a thousand
/// small plans spends most of its time on otherwise.
pub fn compute_many(plans: &[&Plan]) -> Vec<Result<PlanResults, EngineError>> {
    let (tables, failures) = tables::PlanTables::build_many(plans);
    let frames = tables.and_then(|tables| Ok((query::run(&tables)?, tables)));
    let (frames, tables) = match frames {
        Ok(done) => done,
        // The shared query failed: each plan on its own says whether it was its doing.
        Err(_) => return plans.iter().map(|plan| compute(plan)).collect(),
    };
    let total_rows = total_rows(&frames.total);
    let mut spans = tables.spans.iter().peekable();
    plans
        .iter()
        .zip(failures)
        .enumerate()
        .map(|(index, (plan, failure))| {
            if let Some(error) = failure {
                return Err(error);
            }
            let span = spans
                .next_if(|span| span.plan as usize == index)
                .ok_or_else(|| {
                    EngineError::Polars(polars::error::polars_err!(
                        ComputeError: "plan {index} has no rows"
                    ))
                })?;
            let part = query::ResultFrames {
                positions: slice(&frames.positions, &span.positions),
                units: slice(&frames.units, &span.units),
                total: match total_rows.get(&span.plan) {
                    Some(&row) => frames.total.slice(row as i64, 1),
                    None => frames.total.slice(0, 0),
                },
            };
            results::PlanResults::from_frames(
                &mut labels::PlanLabels::of(plan),
                part,
                tables
                    .employment
                    .get(span.positions.clone())
                    .unwrap_or_default(),
                tables
                    .unit_employment
                    .get(span.units.clone())
                    .unwrap_or_default(),
            )
        })
        .collect()
}

fn slice(
    frame: &polars::prelude::DataFrame,
    rows: &std::ops::Range<usize>,
) -> polars::prelude::DataFrame {
    frame.slice(rows.start as i64, rows.len())
}

/// The row of each plan's total.
fn total_rows(total: &polars::prelude::DataFrame) -> std::collections::HashMap<u32, usize> {
    let Ok(plans) = total
        .column(tables::column::PLAN)
        .and_then(|c| c.u32().cloned())
    else {
        return std::collections::HashMap::new();
    };
    plans
        .iter()
        .enumerate()
        .filter_map(|(row, plan)| plan.map(|p| (p, row)))
        .collect()
}
