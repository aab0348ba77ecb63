//! Ids: every row needs a non-empty id, unique within its table (components across the plan).
//! The lookups built here serve the reference checks.

use std::collections::HashMap;
use std::collections::hash_map::Entry;

use super::scope::{Filter, Selection};
use super::sections::{Section, Validation};
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
    /// Indexes the plan, reporting empty and duplicate ids. In a scoped check, only the ids
    /// `selection` needs are indexed and only the ids it names are reported.
    pub fn collect(plan: &'a Plan, selection: &Selection<'a>, found: &mut Validation) -> Self {
        let calendars = unique(
            plan.calendars.iter().map(|c| c.id.as_str()),
            |index, id| Place::Calendar {
                index,
                id: id.to_owned(),
                field: "id",
            },
            &Filter::All,
            &selection.calendar_ids,
            found.section(Section::IdsCalendars),
        );
        let units = unique(
            plan.units.iter().map(|u| u.id.as_str()),
            |index, id| Place::Unit {
                index,
                id: id.to_owned(),
                field: "id",
            },
            &selection.unit_lookup,
            &selection.unit_ids,
            found.section(Section::IdsUnits),
        );
        let positions = unique(
            plan.positions.iter().map(|p| p.id.as_str()),
            |index, id| Place::Position {
                index,
                id: id.to_owned(),
                field: "id",
            },
            &selection.position_lookup,
            &selection.position_ids,
            found.section(Section::IdsPositions),
        );
        unique_components(
            plan,
            &selection.component_ids,
            found.section(Section::IdsComponents),
        );
        unique(
            plan.staff.iter().map(|s| s.id.as_str()),
            |index, id| Place::Staff {
                index,
                id: id.to_owned(),
                field: "id",
            },
            &Filter::none(),
            &selection.staff_ids,
            found.section(Section::IdsStaff),
        );
        Ids {
            calendars,
            units,
            positions,
        }
    }
}

/// Maps each non-empty id that `keep` or `report` holds to its first row; reports empty ids
/// and later uses of an id that `report` holds. The rows of one id are all looked at or none,
/// so a scoped check reports of an id exactly what a full one does.
fn unique<'a>(
    ids: impl ExactSizeIterator<Item = &'a str>,
    place: impl Fn(usize, &str) -> Place,
    keep: &Filter<'_>,
    report: &Filter<'_>,
    problems: &mut Vec<Problem>,
) -> HashMap<&'a str, usize> {
    if keep.is_empty() && report.is_empty() {
        return HashMap::new();
    }
    let capacity = if keep.is_all() { ids.len() } else { 0 };
    let mut first_rows = HashMap::with_capacity(capacity);
    for (index, id) in ids.enumerate() {
        let reported = report.contains(id);
        if !reported && !keep.contains(id) {
            continue;
        }
        if id.trim().is_empty() {
            if reported {
                problems.push(Problem {
                    place: place(index, id),
                    kind: ProblemKind::EmptyId,
                });
            }
            continue;
        }
        match first_rows.entry(id) {
            Entry::Vacant(entry) => {
                entry.insert(index);
            }
            Entry::Occupied(entry) if reported => problems.push(Problem {
                place: place(index, id),
                kind: ProblemKind::DuplicateId {
                    id: id.to_owned(),
                    first: place(*entry.get(), id),
                },
            }),
            Entry::Occupied(_) => {}
        }
    }
    first_rows
}

/// Component ids are unique across the whole plan, since the interchange format lists all
/// components in one table.
fn unique_components(plan: &Plan, report: &Filter<'_>, problems: &mut Vec<Problem>) {
    if report.is_empty() {
        return;
    }
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
    let count = if report.is_all() {
        plan.positions.iter().map(|p| p.components.len()).sum()
    } else {
        0
    };
    let mut first_rows: HashMap<&str, (usize, usize)> = HashMap::with_capacity(count);
    for (position_index, position) in plan.positions.iter().enumerate() {
        for (component_index, component) in position.components.iter().enumerate() {
            let id = component.id.as_str();
            if !report.contains(id) {
                continue;
            }
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
