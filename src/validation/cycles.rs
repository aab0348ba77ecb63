//! Cycles in the unit tree, found in one linear walk.
//!
//! Each unit has at most one parent, so the parent links form a graph where every cycle is
//! reached by following parents from any of its units. Units are coloured as the walk goes:
//! a unit met again while on the current path closes a cycle; a unit finished earlier leads
//! nowhere new. Every unit is visited once, and every cycle found once.

use super::ids::Ids;
use super::{Place, Problem, ProblemKind};
use crate::model::Unit;

#[derive(Clone, Copy, PartialEq)]
enum Colour {
    Unvisited,
    OnPath,
    Done,
}

pub(super) fn check(units: &[Unit], ids: &Ids<'_>, problems: &mut Vec<Problem>) {
    // Parents by row; a missing parent (reported elsewhere) ends the walk like a root.
    let parents: Vec<Option<usize>> = units
        .iter()
        .map(|unit| {
            let parent = unit.parent_id.as_deref()?;
            ids.units.get(parent).copied()
        })
        .collect();
    let mut colours = vec![Colour::Unvisited; units.len()];
    let mut path = Vec::new();
    for start in 0..units.len() {
        let mut current = Some(start);
        while let Some(unit) = current {
            match colours[unit] {
                Colour::Done => break,
                Colour::OnPath => {
                    // The path from the first visit of `unit` to its end is a cycle.
                    if let Some(from) = path.iter().position(|&on_path| on_path == unit) {
                        problems.push(cycle_problem(units, &path[from..]));
                    }
                    break;
                }
                Colour::Unvisited => {
                    colours[unit] = Colour::OnPath;
                    path.push(unit);
                    current = parents[unit];
                }
            }
        }
        for &unit in &path {
            colours[unit] = Colour::Done;
        }
        path.clear();
    }
}

/// The cycle as ids in parent order, starting from the unit listed first in the plan so that
/// the report does not depend on where the walk entered it.
fn cycle_problem(units: &[Unit], cycle: &[usize]) -> Problem {
    let start = cycle
        .iter()
        .enumerate()
        .min_by_key(|&(_, &unit)| unit)
        .map_or(0, |(at, _)| at);
    let ordered: Vec<String> = cycle[start..]
        .iter()
        .chain(&cycle[..start])
        .map(|&unit| units[unit].id.clone())
        .collect();
    let first = cycle[start];
    Problem {
        place: Place::Unit {
            index: first,
            id: units[first].id.clone(),
            field: "parent_id",
        },
        kind: ProblemKind::UnitCycle { units: ordered },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Plan;

    fn cycles_of(parents: &[(&str, Option<&str>)]) -> Vec<Vec<String>> {
        let plan = Plan {
            units: parents
                .iter()
                .map(|&(id, parent)| Unit {
                    id: id.into(),
                    parent_id: parent.map(Into::into),
                    name: id.into(),
                    ..Default::default()
                })
                .collect(),
            ..Plan::default()
        };
        let mut found = crate::validation::Validation::default();
        let scope = crate::validation::Scope::everything();
        let ids = Ids::collect(&plan, &scope.selection(&plan), &mut found);
        let mut problems = Vec::new();
        check(&plan.units, &ids, &mut problems);
        problems
            .into_iter()
            .filter_map(|p| match p.kind {
                ProblemKind::UnitCycle { units } => Some(units),
                _ => None,
            })
            .collect()
    }

    #[test]
    fn a_forest_has_no_cycle() {
        let units = [("a", None), ("b", Some("a")), ("c", Some("b")), ("d", None)];
        assert!(cycles_of(&units).is_empty());
    }

    #[test]
    fn branches_into_a_cycle_do_not_repeat_it() {
        // Two branches lead into the cycle b -> c -> b; it is reported once, from b.
        let units = [
            ("x", Some("c")),
            ("b", Some("c")),
            ("c", Some("b")),
            ("y", Some("x")),
            ("z", Some("b")),
        ];
        assert_eq!(cycles_of(&units), [["b", "c"]]);
    }

    #[test]
    fn a_missing_parent_ends_the_walk() {
        let units = [("a", Some("b")), ("b", Some("khong-co"))];
        assert!(cycles_of(&units).is_empty());
    }
}
