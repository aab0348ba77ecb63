//! The figures the dossier groups differently from the engine: per unit's own positions, the
//! unit tree as the sheets print it (numbered sections, each totalled over its whole subtree as
//! the engine rolls it up) and per rank, each from the engine's results.

use std::collections::HashMap;

use super::DossierError;
use crate::engine::{PlanResults, PositionResult, UnitResult, UnitTree, breakdown};
use crate::format::outline_number;
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
    let mut own = own_positions(plan, results);
    let mut rows = Vec::new();
    for index in tree.depth_first() {
        let (Some(unit), Some(positions)) = (plan.units.get(index), own.get_mut(index)) else {
            continue;
        };
        if positions.is_empty() {
            continue;
        }
        let positions = std::mem::take(positions);
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

/// Each unit's own positions with their results, in plan order, by the unit's index in
/// `plan.units`: one pass over the positions (looking each unit's up among all of them would
/// cost units x positions comparisons, six million on a province).
fn own_positions<'a>(
    plan: &'a Plan,
    results: &'a PlanResults,
) -> Vec<Vec<(&'a Position, &'a PositionResult)>> {
    let index = crate::engine::unit_index(&plan.units);
    let mut own: Vec<Vec<(&Position, &PositionResult)>> = vec![Vec::new(); plan.units.len()];
    for position in &plan.positions {
        if let (Some(&unit), Some(result)) = (
            index.get(position.unit_id.as_str()),
            results.position(&position.id),
        ) && let Some(list) = own.get_mut(unit)
        {
            list.push((position, result));
        }
    }
    own
}

/// One unit of the printed tree: its heading, its own positions, and the engine's figures of
/// its whole subtree (what its "Cộng" row totals).
#[derive(Debug, Clone)]
pub struct UnitSection<'a> {
    pub unit: &'a Unit,
    /// The unit's index in `plan.units`.
    pub index: usize,
    /// 0 for a top-level unit.
    pub depth: usize,
    /// "I", "II" for top-level units; "1", "2" below them; "1.1", "1.2" further down.
    pub number: String,
    /// The unit's own positions, in plan order.
    pub positions: Vec<(&'a Position, &'a PositionResult)>,
    /// `vtvl compute`'s figures of the unit with its whole subtree.
    pub rolled_up: &'a UnitResult,
}

/// The units whose subtree holds a position, depth first (parents before their sub-units),
/// numbered as an outline.
pub fn unit_sections<'a>(
    plan: &'a Plan,
    results: &'a PlanResults,
) -> Result<Vec<UnitSection<'a>>, DossierError> {
    let tree = UnitTree::build(&plan.units)?;
    let mut own = own_positions(plan, results);
    let mut holds = vec![false; plan.units.len()];
    for (unit, _) in own.iter().enumerate().filter(|(_, list)| !list.is_empty()) {
        for ancestor in tree.ancestors_or_self(unit) {
            if let Some(flag) = holds.get_mut(ancestor) {
                *flag = true;
            }
        }
    }
    let mut sections = Vec::new();
    for (unit_index, number) in tree.outline(|u| holds.get(u).copied().unwrap_or(false)) {
        let (Some(unit), Some(positions)) = (plan.units.get(unit_index), own.get_mut(unit_index))
        else {
            continue;
        };
        let Some(rolled_up) = results.unit(&unit.id) else {
            continue;
        };
        sections.push(UnitSection {
            unit,
            index: unit_index,
            depth: number.len().saturating_sub(1),
            number: outline_number(&number),
            positions: std::mem::take(positions),
            rolled_up,
        });
    }
    Ok(sections)
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

#[cfg(test)]
mod tests {
    use super::*;

    /// Each position's index in `plan.positions`.
    fn plan_indices(plan: &Plan, positions: &[(&Position, &PositionResult)]) -> Vec<usize> {
        positions
            .iter()
            .filter_map(|(p, _)| plan.positions.iter().position(|q| q.id == p.id))
            .collect()
    }

    #[test]
    fn each_unit_lists_its_own_positions_once_in_plan_order_and_units_in_tree_order() {
        let plan = crate::generate::generate(crate::generate::Spec {
            units: 30,
            seed: 7,
            staff: None,
        });
        let results = crate::engine::compute(&plan).expect("a generated plan computes");
        let tree = UnitTree::build(&plan.units).expect("a generated tree");
        let depth_first = tree.depth_first();
        let place = |unit: &Unit| {
            let index = plan.units.iter().position(|u| u.id == unit.id);
            depth_first.iter().position(|&i| Some(i) == index)
        };
        let check = |units: Vec<(&Unit, Vec<(&Position, &PositionResult)>)>| {
            let places: Vec<_> = units.iter().map(|(unit, _)| place(unit)).collect();
            assert!(
                places.windows(2).all(|w| w[0] < w[1]),
                "tree order: {places:?}"
            );
            let mut listed = 0;
            for (unit, positions) in &units {
                assert!(
                    positions
                        .iter()
                        .all(|(p, r)| p.unit_id == unit.id && r.id == p.id)
                );
                let indices = plan_indices(&plan, positions);
                assert!(
                    indices.windows(2).all(|w| w[0] < w[1]),
                    "{}: {indices:?}",
                    unit.id
                );
                listed += positions.len();
            }
            assert_eq!(listed, plan.positions.len());
        };
        let figures = unit_figures(&plan, &results).expect("figures");
        assert!(figures.len() > 1);
        check(figures.into_iter().map(|u| (u.unit, u.positions)).collect());
        let sections = unit_sections(&plan, &results).expect("sections");
        check(
            sections
                .into_iter()
                .filter(|s| !s.positions.is_empty())
                .map(|s| (s.unit, s.positions))
                .collect(),
        );
    }

    #[test]
    fn outline_numbers_read_as_in_administrative_tables() {
        assert_eq!(outline_number(&[2]), "II");
        assert_eq!(outline_number(&[2, 3]), "3");
        assert_eq!(outline_number(&[2, 3, 1]), "3.1");
    }
}
