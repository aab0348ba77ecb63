//! Ids: every row needs a non-empty id, unique within its table (components across the plan).
//! The lookups built here serve the reference checks.

use std::collections::HashMap;
use std::collections::hash_map::Entry;

use super::{Place, Problem, ProblemKind};
use crate::model::Plan;

/// Row index by id, for the tables other rows refer to. For an id used twice, the first row
/// wins, as in [`Plan::calendar_for`] and [`Plan::unit`].
pub(super) struct Ids<'a> {
    pub calendars: HashMap<&'a str, usize>,
    pub units: HashMap<&'a str, usize>,
    pub positions: HashMap<&'a str, usize>,
}

impl<'a> Ids<'a> {
    /// Indexes the plan, reporting empty and duplicate ids.
    pub fn collect(plan: &'a Plan, problems: &mut Vec<Problem>) -> Self {
        let calendars = unique(
            plan.calendars.iter().map(|c| c.id.as_str()),
            |index, id| Place::Calendar {
                index,
                id: id.to_owned(),
                field: "id",
            },
            problems,
        );
        let units = unique(
            plan.units.iter().map(|u| u.id.as_str()),
            |index, id| Place::Unit {
                index,
                id: id.to_owned(),
                field: "id",
            },
            problems,
        );
        let positions = unique(
            plan.positions.iter().map(|p| p.id.as_str()),
            |index, id| Place::Position {
                index,
                id: id.to_owned(),
                field: "id",
            },
            problems,
        );
        unique_components(plan, problems);
        unique(
            plan.staff.iter().map(|s| s.id.as_str()),
            |index, id| Place::Staff {
                index,
                id: id.to_owned(),
                field: "id",
            },
            problems,
        );
        Ids {
            calendars,
            units,
            positions,
        }
    }
}

/// Maps each non-empty id to its first row; reports empty ids and later uses of an id.
fn unique<'a>(
    ids: impl ExactSizeIterator<Item = &'a str>,
    place: impl Fn(usize, &str) -> Place,
    problems: &mut Vec<Problem>,
) -> HashMap<&'a str, usize> {
    let mut first_rows = HashMap::with_capacity(ids.len());
    for (index, id) in ids.enumerate() {
        if id.trim().is_empty() {
            problems.push(Problem {
                place: place(index, id),
                kind: ProblemKind::EmptyId,
            });
            continue;
        }
        match first_rows.entry(id) {
            Entry::Vacant(entry) => {
                entry.insert(index);
            }
            Entry::Occupied(entry) => problems.push(Problem {
                place: place(index, id),
                kind: ProblemKind::DuplicateId {
                    id: id.to_owned(),
                    first: place(*entry.get(), id),
                },
            }),
        }
    }
    first_rows
}

/// Component ids are unique across the whole plan, since the interchange format lists all
/// components in one table.
fn unique_components(plan: &Plan, problems: &mut Vec<Problem>) {
    let place = |position_index: usize, component_index: usize| {
        let position = &plan.positions[position_index];
        Place::Component {
            position_index,
            component_index,
            position_id: position.id.clone(),
            component_id: position.components[component_index].id.clone(),
            field: "id",
        }
    };
    let count = plan.positions.iter().map(|p| p.components.len()).sum();
    let mut first_rows: HashMap<&str, (usize, usize)> = HashMap::with_capacity(count);
    for (position_index, position) in plan.positions.iter().enumerate() {
        for (component_index, component) in position.components.iter().enumerate() {
            let id = component.id.as_str();
            if id.trim().is_empty() {
                problems.push(Problem {
                    place: place(position_index, component_index),
                    kind: ProblemKind::EmptyId,
                });
                continue;
            }
            match first_rows.entry(id) {
                Entry::Vacant(entry) => {
                    entry.insert((position_index, component_index));
                }
                Entry::Occupied(entry) => {
                    let (first_position, first_component) = *entry.get();
                    problems.push(Problem {
                        place: place(position_index, component_index),
                        kind: ProblemKind::DuplicateId {
                            id: id.to_owned(),
                            first: place(first_position, first_component),
                        },
                    });
                }
            }
        }
    }
}
