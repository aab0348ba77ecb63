//! Units: names and parents.

use super::ids::Ids;
use super::{Place, Problem, ProblemKind};
use crate::model::Unit;

/// One unit, the `index`th of the plan.
pub(super) fn check(index: usize, unit: &Unit, ids: &Ids<'_>, problems: &mut Vec<Problem>) {
    let at = |field| Place::Unit {
        index,
        id: unit.id.clone(),
        field,
    };
    if unit.name.trim().is_empty() {
        problems.push(Problem {
            place: at("name"),
            kind: ProblemKind::EmptyName,
        });
    }
    if let Some(parent) = &unit.parent_id
        && !ids.units.contains_key(parent.as_str())
    {
        problems.push(Problem {
            place: at("parent_id"),
            kind: ProblemKind::MissingUnit { id: parent.clone() },
        });
    }
}
