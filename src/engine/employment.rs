//! Each position's employment basis: its own, else the one its unit's type implies, else the
//! nearest typed ancestor's, else civil servant (an agency of no stated type is administrative).

use super::{UnitTree, unit_index};
use crate::model::{Employment, Plan};

/// The basis every unit gives a position that states none (index-aligned with `plan.units`).
pub fn unit_defaults(plan: &Plan, tree: &UnitTree) -> Vec<Employment> {
    (0..plan.units.len())
        .map(|unit| {
            tree.ancestors_or_self(unit)
                .find_map(|u| {
                    plan.units
                        .get(u)
                        .and_then(|unit| Employment::default_for(unit.unit_type))
                })
                .unwrap_or(Employment::CivilServant)
        })
        .collect()
}

/// The basis of every position (index-aligned with `plan.positions`).
pub fn employment_basis(plan: &Plan, tree: &UnitTree) -> Vec<Employment> {
    let defaults = unit_defaults(plan, tree);
    let index = unit_index(&plan.units);
    plan.positions
        .iter()
        .map(|position| {
            position.employment.unwrap_or_else(|| {
                index
                    .get(position.unit_id.as_str())
                    .and_then(|&u| defaults.get(u).copied())
                    .unwrap_or(Employment::CivilServant)
            })
        })
        .collect()
}
