//! The agency's units as the đề án lists them: the tree depth first, each unit numbered by its
//! place in the tree as the dossier numbers it (I, 1, 1.1) with the engine's figures of its whole
//! subtree.

use std::collections::HashMap;

use crate::engine::{EmploymentFigures, EngineError, PlanResults, UnitResult, UnitTree};
use crate::format::outline_number;
use crate::model::{Employment, Plan, Unit};

/// One unit in tree order.
#[derive(Debug, Clone)]
pub struct UnitLine<'a> {
    /// The outline number as the dossier prints it: "I", "II" for top-level units, "1", "2"
    /// below them, "1.1" further down.
    pub number: String,
    /// 0 for a top-level unit.
    pub depth: usize,
    pub unit: &'a Unit,
    /// The engine's figures of the unit with its whole subtree.
    pub result: &'a UnitResult,
    /// Whether the unit has sub-units, so that its figures are a subtotal.
    pub has_children: bool,
}

/// Every unit depth first with its outline number and the engine's figures.
pub fn unit_lines<'a>(
    plan: &'a Plan,
    results: &'a PlanResults,
) -> Result<Vec<UnitLine<'a>>, EngineError> {
    let tree = UnitTree::build(&plan.units)?;
    let by_id: HashMap<&str, &UnitResult> =
        results.units.iter().map(|u| (u.id.as_str(), u)).collect();
    let mut lines = Vec::with_capacity(plan.units.len());
    for (index, number) in tree.outline(|_| true) {
        let Some(unit) = plan.units.get(index) else {
            continue;
        };
        let Some(result) = by_id.get(unit.id.as_str()).copied() else {
            continue;
        };
        lines.push(UnitLine {
            number: outline_number(&number),
            depth: number.len().saturating_sub(1),
            unit,
            result,
            has_children: !tree.children(index).is_empty(),
        });
    }
    Ok(lines)
}

/// Whether the lines have more than one top-level unit, so that a total row is needed.
pub fn several_roots(lines: &[UnitLine<'_>]) -> bool {
    lines.iter().filter(|l| l.depth == 0).count() > 1
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
                ("root", "I", 0),
                ("a", "1", 1),
                ("a1", "1.1", 2),
                ("a2", "1.2", 2),
                ("b", "2", 1)
            ]
        );
    }
}
