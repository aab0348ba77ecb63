//! The agency's units as the đề án lists them: the tree depth first, each unit numbered by its
//! place in the tree (1, 1.1, 1.1.2) with the engine's figures of its whole subtree.

use std::collections::HashMap;

use crate::engine::{EmploymentFigures, EngineError, PlanResults, UnitResult, UnitTree};
use crate::model::{Employment, Plan, Unit};

/// One unit in tree order.
#[derive(Debug, Clone)]
pub struct UnitLine<'a> {
    /// `1.2.1`; empty for the single root of a plan, which stands for the whole agency.
    pub number: String,
    /// Depth below the numbered level: 0 for the root of a one-root plan and for top units.
    pub depth: usize,
    pub unit: &'a Unit,
    /// The engine's figures of the unit with its whole subtree.
    pub result: &'a UnitResult,
    /// Whether the unit has sub-units, so that its figures are a subtotal.
    pub has_children: bool,
}

/// Every unit depth first with its number and the engine's figures.
pub fn unit_lines<'a>(
    plan: &'a Plan,
    results: &'a PlanResults,
) -> Result<Vec<UnitLine<'a>>, EngineError> {
    let tree = UnitTree::build(&plan.units)?;
    let by_id: HashMap<&str, &UnitResult> =
        results.units.iter().map(|u| (u.id.as_str(), u)).collect();
    let one_root = tree.roots().len() == 1;
    // The path of sibling positions from the numbered level down to the unit.
    let mut path: Vec<usize> = Vec::new();
    let mut lines = Vec::with_capacity(plan.units.len());
    for (index, depth) in tree.with_depth() {
        let Some(unit) = plan.units.get(index) else {
            continue;
        };
        let Some(result) = by_id.get(unit.id.as_str()).copied() else {
            continue;
        };
        let number = if one_root && depth == 0 {
            String::new()
        } else {
            let level = if one_root { depth - 1 } else { depth };
            path.truncate(level + 1);
            if path.len() == level + 1 {
                if let Some(last) = path.last_mut() {
                    *last += 1;
                }
            } else {
                path.push(1);
            }
            path.iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join(".")
        };
        lines.push(UnitLine {
            number,
            depth: if one_root {
                depth.saturating_sub(1)
            } else {
                depth
            },
            unit,
            result,
            has_children: !tree.children(index).is_empty(),
        });
    }
    Ok(lines)
}

/// The employment bases the plan has posts or staff of, in statutory order.
pub fn present_bases(results: &PlanResults) -> Vec<Employment> {
    Employment::ALL
        .into_iter()
        .filter(|&e| results.total.by_employment.get(e) != EmploymentFigures::default())
        .collect()
}

/// A column heading for a basis: "Công chức".
pub fn basis_heading(basis: Employment) -> String {
    crate::format::capitalised(basis.label_vi())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Unit;

    #[test]
    fn units_are_numbered_by_their_place_in_the_tree() {
        let plan = Plan {
            units: vec![
                Unit::new("root", None, "Sở"),
                Unit::new("a", Some("root".into()), "Phòng A"),
                Unit::new("a1", Some("a".into()), "Tổ A1"),
                Unit::new("a2", Some("a".into()), "Tổ A2"),
                Unit::new("b", Some("root".into()), "Phòng B"),
            ],
            ..Plan::default()
        };
        let results = crate::engine::compute(&plan).unwrap();
        let lines = unit_lines(&plan, &results).unwrap();
        let numbers: Vec<(&str, &str, usize)> = lines
            .iter()
            .map(|l| (l.unit.id.as_str(), l.number.as_str(), l.depth))
            .collect();
        assert_eq!(
            numbers,
            [
                ("root", "", 0),
                ("a", "1", 0),
                ("a1", "1.1", 1),
                ("a2", "1.2", 1),
                ("b", "2", 0)
            ]
        );
    }
}
