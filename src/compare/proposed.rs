//! The proposed headcount: the agency's proposal for a position, else its required figure;
//! a unit's is the sum over its whole subtree, like its required figure.

use crate::engine::{EngineError, PlanResults, UnitTree};
use crate::model::Plan;

/// Proposed headcount per position and per unit (in plan order), and the plan's total.
pub struct Proposed {
    pub positions: Vec<i64>,
    pub units: Vec<i64>,
    pub total: i64,
}

pub fn proposed(plan: &Plan, results: &PlanResults) -> Result<Proposed, EngineError> {
    let positions: Vec<i64> = plan
        .positions
        .iter()
        .zip(&results.positions)
        .map(|(position, result)| {
            position
                .proposed
                .as_ref()
                .map_or(result.required, |p| i64::from(p.count))
        })
        .collect();
    let tree = UnitTree::build(&plan.units)?;
    let index: std::collections::HashMap<&str, usize> = plan
        .units
        .iter()
        .enumerate()
        .map(|(i, u)| (u.id.as_str(), i))
        .collect();
    let mut units = vec![0; plan.units.len()];
    for (position, count) in plan.positions.iter().zip(&positions) {
        let mut at = index.get(position.unit_id.as_str()).copied();
        while let Some(unit) = at {
            if let Some(sum) = units.get_mut(unit) {
                *sum += count;
            }
            at = tree.parent(unit);
        }
    }
    Ok(Proposed {
        total: positions.iter().sum(),
        positions,
        units,
    })
}
