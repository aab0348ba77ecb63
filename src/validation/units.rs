//! Units: names and parents.

use super::ids::Ids;
use super::{Place, Problem, ProblemKind};
use crate::model::Unit;

pub(super) fn check(units: &[Unit], ids: &Ids<'_>, problems: &mut Vec<Problem>) {
    for (index, unit) in units.iter().enumerate() {
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
}
