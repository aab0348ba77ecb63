//! The figures the dossier groups differently from the engine: per unit's own positions and per
//! rank, each a sum of the engine's per-position results.

use std::collections::HashMap;

use super::DossierError;
use crate::engine::{PlanResults, PositionResult, UnitTree, breakdown};
use crate::model::{Plan, Position, Unit};

/// The headcount the agency asks for: its proposal, else the computed figure.
pub fn proposed_count(position: &Position, result: &PositionResult) -> f64 {
    position
        .proposed
        .as_ref()
        .map_or(result.required as f64, |p| f64::from(p.count))
}

/// One unit with its own positions (not its sub-units') and their sums.
#[derive(Debug, Clone)]
pub struct UnitFigures<'a> {
    pub unit: &'a Unit,
    pub positions: Vec<(&'a Position, &'a PositionResult)>,
    pub current: f64,
    pub required: i64,
    pub proposed: f64,
}

/// The units that hold positions, in tree order (parents before children).
pub fn unit_figures<'a>(
    plan: &'a Plan,
    results: &'a PlanResults,
) -> Result<Vec<UnitFigures<'a>>, DossierError> {
    let tree = UnitTree::build(&plan.units)?;
    let by_id: HashMap<&str, &PositionResult> = results
        .positions
        .iter()
        .map(|r| (r.id.as_str(), r))
        .collect();
    let mut rows = Vec::new();
    for index in tree.depth_first() {
        let Some(unit) = plan.units.get(index) else {
            continue;
        };
        let positions: Vec<(&Position, &PositionResult)> = plan
            .positions
            .iter()
            .filter(|p| p.unit_id == unit.id)
            .filter_map(|p| by_id.get(p.id.as_str()).map(|r| (p, *r)))
            .collect();
        if positions.is_empty() {
            continue;
        }
        rows.push(UnitFigures {
            unit,
            current: positions.iter().map(|(_, r)| r.current).sum(),
            required: positions.iter().map(|(_, r)| r.required).sum(),
            proposed: positions.iter().map(|(p, r)| proposed_count(p, r)).sum(),
            positions,
        });
    }
    Ok(rows)
}

/// One rank: staff holding it today, and the headcount computed and proposed for positions of it.
#[derive(Debug, Clone, PartialEq)]
pub struct RankFigures {
    /// The rank code; empty for staff or positions without one.
    pub rank_code: String,
    pub current: f64,
    pub required: i64,
    pub proposed: f64,
}

/// The rank structure of the whole plan: the engine's breakdown by rank, with the proposal added.
pub fn rank_structure(
    plan: &Plan,
    results: &PlanResults,
) -> Result<Vec<RankFigures>, DossierError> {
    let whole = breakdown(plan, results, None)?;
    let mut proposed: HashMap<&str, f64> = HashMap::new();
    for position in &plan.positions {
        if let Some(result) = results.position(&position.id) {
            *proposed.entry(position.rank_code.as_str()).or_default() +=
                proposed_count(position, result);
        }
    }
    Ok(whole
        .ranks
        .iter()
        .map(|row| RankFigures {
            rank_code: row.rank_code.clone(),
            current: row.figures.current,
            required: row.figures.required,
            proposed: proposed.get(row.rank_code.as_str()).copied().unwrap_or(0.0),
        })
        .collect())
}
