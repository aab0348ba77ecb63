//! Pairing the items of an old plan with those of a new one, in passes: first by id, then, for
//! what is left, by other keys (a task code, a name within the matched parent). Each pass takes,
//! for every new item still unpaired, the first unpaired old item with the same key.

use std::collections::{HashMap, VecDeque};

use super::MatchedBy;
use super::names::name_key;
use crate::engine::{EngineError, UnitTree, unit_index};
use crate::model::{Component, Plan};

/// One old item, one new item, or both, by index into their lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Pair {
    pub old: Option<usize>,
    pub new: Option<usize>,
    /// How the two were paired; `None` when one side is missing.
    pub by: Option<MatchedBy>,
}

/// The old item each new item is paired with so far, and how.
pub type Paired = [Option<(usize, MatchedBy)>];

/// A key two items are paired by: a scope (e.g. the old index of the parent unit; `None` for
/// the top level or no scope) and a text.
type Key = (Option<usize>, String);

/// The key of an old item by its index.
type OldKey<'a> = Box<dyn Fn(usize) -> Option<Key> + 'a>;
/// The key of a new item by its index, given the pairs made so far.
type NewKey<'a> = Box<dyn Fn(usize, &Paired) -> Option<Key> + 'a>;

/// One matching pass: the key of an old item, and the key of a new item given the pairs made
/// so far (a child's key can name its parent's partner).
pub struct Pass<'a> {
    pub by: MatchedBy,
    pub old_key: OldKey<'a>,
    pub new_key: NewKey<'a>,
}

/// Runs the passes over the new items in `new_order` and lists the pairs: the new items in
/// their plan order (paired or added), then the unpaired old items in theirs (removed).
pub fn pair_up(
    old_count: usize,
    new_count: usize,
    new_order: &[usize],
    passes: &[Pass],
) -> Vec<Pair> {
    let mut paired: Vec<Option<(usize, MatchedBy)>> = vec![None; new_count];
    let mut old_taken = vec![false; old_count];
    for pass in passes {
        let mut waiting: HashMap<Key, VecDeque<usize>> = HashMap::new();
        for old in (0..old_count).filter(|&o| !old_taken[o]) {
            if let Some(key) = (pass.old_key)(old) {
                waiting.entry(key).or_default().push_back(old);
            }
        }
        for &new in new_order {
            if paired.get(new).is_none_or(Option::is_some) {
                continue;
            }
            let Some(key) = (pass.new_key)(new, &paired) else {
                continue;
            };
            if let Some(old) = waiting.get_mut(&key).and_then(VecDeque::pop_front) {
                old_taken[old] = true;
                paired[new] = Some((old, pass.by));
            }
        }
    }
    let mut pairs: Vec<Pair> = paired
        .iter()
        .enumerate()
        .map(|(new, found)| Pair {
            old: found.map(|(old, _)| old),
            new: Some(new),
            by: found.map(|(_, by)| by),
        })
        .collect();
    pairs.extend((0..old_count).filter(|&o| !old_taken[o]).map(|old| Pair {
        old: Some(old),
        new: None,
        by: None,
    }));
    pairs
}

fn by_text(text: &str) -> Option<Key> {
    let text = text.trim();
    (!text.is_empty()).then(|| (None, text.to_owned()))
}

/// Pairs units: by id, then by name among the children of paired parents (or among roots).
/// New units are visited parents first, so a unit renamed and re-keyed can still pair its
/// children by name.
pub fn pair_units(old: &Plan, new: &Plan) -> Result<Vec<Pair>, EngineError> {
    let old_index = unit_index(&old.units);
    let new_index = unit_index(&new.units);
    let order = UnitTree::build(&new.units)?.depth_first();
    let passes = [
        Pass {
            by: MatchedBy::Id,
            old_key: Box::new(|o| old.units.get(o).and_then(|u| by_text(&u.id))),
            new_key: Box::new(|n, _| new.units.get(n).and_then(|u| by_text(&u.id))),
        },
        Pass {
            by: MatchedBy::Name,
            old_key: Box::new(|o| {
                let unit = old.units.get(o)?;
                let parent = match &unit.parent_id {
                    None => None,
                    Some(id) => Some(*old_index.get(id.as_str())?),
                };
                Some((parent, name_key(&unit.name)))
            }),
            new_key: Box::new(|n, paired| {
                let unit = new.units.get(n)?;
                let parent = match &unit.parent_id {
                    None => None,
                    // The parent must be paired: its old partner is the scope.
                    Some(id) => Some(paired.get(*new_index.get(id.as_str())?)?.as_ref()?.0),
                };
                Some((parent, name_key(&unit.name)))
            }),
        },
    ];
    Ok(pair_up(old.units.len(), new.units.len(), &order, &passes))
}

/// Pairs positions: by id, then by name within paired units.
pub fn pair_positions(old: &Plan, new: &Plan, units: &[Pair]) -> Vec<Pair> {
    let old_unit = unit_index(&old.units);
    // The old partner of each new unit, by the new unit's id.
    let partner: HashMap<&str, usize> = units
        .iter()
        .filter_map(|pair| {
            let new_unit = new.units.get(pair.new?)?;
            Some((new_unit.id.as_str(), pair.old?))
        })
        .collect();
    let order: Vec<usize> = (0..new.positions.len()).collect();
    let passes = [
        Pass {
            by: MatchedBy::Id,
            old_key: Box::new(|o| old.positions.get(o).and_then(|p| by_text(&p.id))),
            new_key: Box::new(|n, _| new.positions.get(n).and_then(|p| by_text(&p.id))),
        },
        Pass {
            by: MatchedBy::Name,
            old_key: Box::new(|o| {
                let position = old.positions.get(o)?;
                let unit = *old_unit.get(position.unit_id.as_str())?;
                Some((Some(unit), name_key(&position.name)))
            }),
            new_key: Box::new(|n, _| {
                let position = new.positions.get(n)?;
                let unit = *partner.get(position.unit_id.as_str())?;
                Some((Some(unit), name_key(&position.name)))
            }),
        },
    ];
    pair_up(old.positions.len(), new.positions.len(), &order, &passes)
}

/// Pairs the workload components of two paired positions: by id, then by task code, then by
/// name.
pub fn pair_components(old: &[Component], new: &[Component]) -> Vec<Pair> {
    let order: Vec<usize> = (0..new.len()).collect();
    let code = |c: &Component| c.code.as_deref().and_then(by_text);
    let name = |c: &Component| {
        let key = name_key(&c.name);
        (!key.is_empty()).then_some((None, key))
    };
    let passes = [
        Pass {
            by: MatchedBy::Id,
            old_key: Box::new(|o| old.get(o).and_then(|c| by_text(&c.id))),
            new_key: Box::new(|n, _| new.get(n).and_then(|c| by_text(&c.id))),
        },
        Pass {
            by: MatchedBy::Code,
            old_key: Box::new(|o| old.get(o).and_then(code)),
            new_key: Box::new(|n, _| new.get(n).and_then(code)),
        },
        Pass {
            by: MatchedBy::Name,
            old_key: Box::new(|o| old.get(o).and_then(name)),
            new_key: Box::new(|n, _| new.get(n).and_then(name)),
        },
    ];
    pair_up(old.len(), new.len(), &order, &passes)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{ComponentKind, Position, Unit};

    fn plan(units: &[(&str, Option<&str>, &str)], positions: &[(&str, &str, &str)]) -> Plan {
        Plan {
            units: units
                .iter()
                .map(|(id, parent, name)| Unit::new(*id, parent.map(str::to_owned), *name))
                .collect(),
            positions: positions
                .iter()
                .map(|(id, unit, name)| Position::new(*id, *unit, *name))
                .collect(),
            ..Plan::default()
        }
    }

    #[test]
    fn units_pair_by_id_then_by_name_under_a_paired_parent() {
        let old = plan(
            &[
                ("so", None, "Sở"),
                ("p1", Some("so"), "Phòng Kế hoạch"),
                ("p1a", Some("p1"), "Tổ Tổng hợp"),
                ("p2", Some("so"), "Phòng Cũ"),
            ],
            &[],
        );
        let new = plan(
            &[
                ("so", None, "Sở"),
                ("phong-kh", Some("so"), "phòng  kế hoạch"),
                ("to-th", Some("phong-kh"), "Tổ tổng hợp"),
                ("p3", Some("so"), "Phòng Mới"),
            ],
            &[],
        );
        let pairs = pair_units(&old, &new).unwrap();
        let seen: Vec<(Option<usize>, Option<usize>, Option<MatchedBy>)> =
            pairs.iter().map(|p| (p.old, p.new, p.by)).collect();
        assert_eq!(
            seen,
            vec![
                (Some(0), Some(0), Some(MatchedBy::Id)),
                (Some(1), Some(1), Some(MatchedBy::Name)),
                (Some(2), Some(2), Some(MatchedBy::Name)),
                (None, Some(3), None),
                (Some(3), None, None),
            ]
        );
    }

    #[test]
    fn a_name_pairs_only_within_the_paired_unit() {
        let units = [("a", None, "A"), ("b", None, "B")];
        let old = plan(&units, &[("x", "a", "Văn thư")]);
        let new = plan(&units, &[("y", "b", "Văn thư"), ("z", "a", "VĂN THƯ")]);
        let unit_pairs = pair_units(&old, &new).unwrap();
        let pairs = pair_positions(&old, &new, &unit_pairs);
        let seen: Vec<(Option<usize>, Option<usize>, Option<MatchedBy>)> =
            pairs.iter().map(|p| (p.old, p.new, p.by)).collect();
        assert_eq!(
            seen,
            vec![
                (None, Some(0), None),
                (Some(0), Some(1), Some(MatchedBy::Name))
            ]
        );
    }

    #[test]
    fn components_pair_by_id_then_code_then_name() {
        let component = |id: &str, code: Option<&str>, name: &str| Component {
            id: id.to_owned(),
            name: name.to_owned(),
            code: code.map(str::to_owned),
            kind: ComponentKind::Norm {
                volume: 1.0,
                ratio: 1.0,
            },
        };
        let old = [
            component("d1", None, "Một"),
            component("d2", Some("1.001"), "Hai"),
            component("d3", None, "Ba"),
            component("d4", None, "Bốn"),
        ];
        let new = [
            component("x3", None, "ba"),
            component("x2", Some("1.001"), "Hai (sửa)"),
            component("d1", None, "Một khác"),
        ];
        let pairs = pair_components(&old, &new);
        let seen: Vec<(Option<usize>, Option<usize>, Option<MatchedBy>)> =
            pairs.iter().map(|p| (p.old, p.new, p.by)).collect();
        assert_eq!(
            seen,
            vec![
                (Some(2), Some(0), Some(MatchedBy::Name)),
                (Some(1), Some(1), Some(MatchedBy::Code)),
                (Some(0), Some(2), Some(MatchedBy::Id)),
                (Some(3), None, None),
            ]
        );
    }
}
