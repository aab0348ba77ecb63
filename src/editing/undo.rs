//! Undo: what an edit changed, kept as it was before, so that undoing an edit puts back only
//! those rows and fields instead of a copy of the whole plan.

use std::collections::HashSet;

use super::edit::{Edit, subtree};
use crate::model::{
    Calendar, Plan, PlanMeta, Position, Review, Rounding, Scenarios, StaffMember, Unit,
};
use crate::validation::{Moves, Touched};

/// The parts of a plan an edit changes, as they were before it.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Undo {
    steps: Vec<Step>,
}

#[derive(Debug, Clone, PartialEq)]
enum Step {
    Meta(PlanMeta),
    Rounding(Rounding),
    Calendars(Vec<Calendar>),
    BlockingRules(Vec<String>),
    Scenarios(Scenarios),
    Review(Option<Review>),
    Units(Rows<Unit>),
    Positions(Rows<Position>),
    Staff(Rows<StaffMember>),
}

/// Rows of one table as they were.
#[derive(Debug, Clone, PartialEq)]
enum Rows<T> {
    /// Rows changed in place: their indices and old values.
    Changed(Vec<(usize, T)>),
    /// A row the edit inserted at this index.
    Inserted(usize),
    /// Rows the edit removed: their old indices, ascending, and values.
    Removed(Vec<(usize, T)>),
}

impl<T: Clone> Rows<T> {
    /// The rows at `indices` (ascending), copied.
    fn at(table: &[T], indices: impl Iterator<Item = usize>, removed: bool) -> Self {
        let rows: Vec<(usize, T)> = indices
            .filter_map(|i| table.get(i).map(|row| (i, row.clone())))
            .collect();
        if removed {
            Rows::Removed(rows)
        } else {
            Rows::Changed(rows)
        }
    }

    fn restore(self, table: &mut Vec<T>) {
        match self {
            Rows::Changed(rows) => {
                for (index, row) in rows {
                    if let Some(slot) = table.get_mut(index) {
                        *slot = row;
                    }
                }
            }
            Rows::Inserted(index) => {
                if index < table.len() {
                    table.remove(index);
                }
            }
            Rows::Removed(rows) => {
                for (index, row) in rows {
                    table.insert(index.min(table.len()), row);
                }
            }
        }
    }
}

impl<T: Clone> Rows<T> {
    /// How the edit moved the table's rows.
    fn moves(&self) -> Moves {
        match self {
            Rows::Changed(_) => Moves::None,
            Rows::Inserted(index) => Moves::Inserted(vec![*index]),
            Rows::Removed(rows) => Moves::Removed(rows.iter().map(|(i, _)| *i).collect()),
        }
    }

    /// Each row the edit wrote, as it was (`None` for a row it inserted) and as it is in
    /// `edited` (`None` for a row it removed).
    fn pairs<'a>(&'a self, edited: &'a [T]) -> Vec<(Option<&'a T>, Option<&'a T>)> {
        match self {
            Rows::Changed(rows) => rows
                .iter()
                .map(|(index, old)| (Some(old), edited.get(*index)))
                .collect(),
            Rows::Inserted(index) => vec![(None, edited.get(*index))],
            Rows::Removed(rows) => rows.iter().map(|(_, old)| (Some(old), None)).collect(),
        }
    }
}

impl Undo {
    /// What `edit` will change in `plan`, taken before it is applied. Edits that change
    /// nothing of a table take nothing of it.
    pub fn before(edit: &Edit, plan: &Plan) -> Undo {
        let position_index = |id: &str| plan.positions.iter().position(|p| p.id == id);
        let one = |index: Option<usize>| index.into_iter();
        let steps = match edit {
            Edit::SetMeta(_) => vec![Step::Meta(plan.meta.clone())],
            Edit::SetRounding(_) => vec![Step::Rounding(plan.rounding)],
            Edit::SetCalendars(_) => vec![Step::Calendars(plan.calendars.clone())],
            Edit::SetBlockingRules(_) => vec![Step::BlockingRules(plan.blocking_rules.clone())],
            Edit::SetScenarios(_) => vec![Step::Scenarios(plan.scenarios.clone())],
            Edit::AddUnit { .. } => vec![Step::Units(Rows::Inserted(plan.units.len()))],
            Edit::UpdateUnit(unit) => {
                let index = plan.units.iter().position(|u| u.id == unit.id);
                vec![Step::Units(Rows::at(&plan.units, one(index), false))]
            }
            Edit::MoveUnit { id, .. } => {
                let index = plan.units.iter().position(|u| &u.id == id);
                vec![Step::Units(Rows::at(&plan.units, one(index), false))]
            }
            Edit::DeleteUnit { id } => {
                let gone: HashSet<String> = subtree(plan, id).into_iter().collect();
                let positions: HashSet<&str> = plan
                    .positions
                    .iter()
                    .filter(|p| gone.contains(&p.unit_id))
                    .map(|p| p.id.as_str())
                    .collect();
                let units = (0..plan.units.len())
                    .filter(|&i| plan.units.get(i).is_some_and(|u| gone.contains(&u.id)));
                let removed_positions = (0..plan.positions.len()).filter(|&i| {
                    plan.positions
                        .get(i)
                        .is_some_and(|p| gone.contains(&p.unit_id))
                });
                let staff = (0..plan.staff.len()).filter(|&i| {
                    plan.staff.get(i).is_some_and(|s| {
                        gone.contains(&s.unit_id)
                            || s.position_id
                                .as_deref()
                                .is_some_and(|p| positions.contains(p))
                    })
                });
                vec![
                    Step::Units(Rows::at(&plan.units, units, true)),
                    Step::Positions(Rows::at(&plan.positions, removed_positions, true)),
                    Step::Staff(Rows::at(&plan.staff, staff, true)),
                    Step::Review(plan.review.clone()),
                ]
            }
            Edit::AddPosition { .. } => {
                vec![Step::Positions(Rows::Inserted(plan.positions.len()))]
            }
            Edit::UpdatePosition(position) => {
                let index = position_index(&position.id);
                vec![Step::Positions(Rows::at(
                    &plan.positions,
                    one(index),
                    false,
                ))]
            }
            Edit::DuplicatePosition { id } => match position_index(id) {
                Some(index) => vec![Step::Positions(Rows::Inserted(index + 1))],
                None => Vec::new(),
            },
            Edit::DeletePosition { id } => {
                let index = position_index(id);
                let holders = (0..plan.staff.len()).filter(|&i| {
                    plan.staff
                        .get(i)
                        .is_some_and(|s| s.position_id.as_deref() == Some(id.as_str()))
                });
                vec![
                    Step::Positions(Rows::at(&plan.positions, one(index), true)),
                    Step::Staff(Rows::at(&plan.staff, holders, false)),
                    Step::Review(plan.review.clone()),
                ]
            }
            Edit::AddComponent { position_id, .. }
            | Edit::UpdateComponent { position_id, .. }
            | Edit::DeleteComponent { position_id, .. }
            | Edit::DuplicateComponent { position_id, .. } => {
                let index = position_index(position_id);
                vec![Step::Positions(Rows::at(
                    &plan.positions,
                    one(index),
                    false,
                ))]
            }
            Edit::AddStaff { .. } => vec![Step::Staff(Rows::Inserted(plan.staff.len()))],
            Edit::UpdateStaff(member) => {
                let index = plan.staff.iter().position(|s| s.id == member.id);
                vec![Step::Staff(Rows::at(&plan.staff, one(index), false))]
            }
            Edit::DeleteStaff { id } => {
                let index = plan.staff.iter().position(|s| &s.id == id);
                vec![Step::Staff(Rows::at(&plan.staff, one(index), true))]
            }
            Edit::SetReviewField(_)
            | Edit::SetAppraisal(_)
            | Edit::SetAppraisedFigure { .. }
            | Edit::SetDecision { .. }
            | Edit::AgreeRemaining(_)
            | Edit::ConfirmAppraisals(_)
            | Edit::ClearReview => vec![Step::Review(plan.review.clone())],
        };
        Undo { steps }
    }

    /// What the edit touched, for validation to check again: `edited` is the plan as the edit
    /// left it. Undoing the edit touches the same ([`Touched::reversed`]).
    pub fn touched(&self, edited: &Plan) -> Touched {
        let mut touched = Touched::default();
        for step in &self.steps {
            match step {
                Step::Meta(_) | Step::BlockingRules(_) | Step::Scenarios(_) => touched.plan = true,
                Step::Rounding(_) => {}
                Step::Calendars(_) => touched.everything = true,
                Step::Review(_) => {
                    touched.plan = true;
                    touched.review = true;
                }
                Step::Units(rows) => {
                    touched.shift.units = rows.moves();
                    for (old, new) in rows.pairs(&edited.units) {
                        let ids = [old, new].into_iter().flatten().map(|u| &u.id);
                        touched.units.extend(ids.cloned());
                        match (old, new) {
                            (Some(old), Some(new)) => {
                                if old.id != new.id {
                                    touched.unit_ids.extend([old.id.clone(), new.id.clone()]);
                                }
                                touched.unit_tree |= old.parent_id != new.parent_id;
                            }
                            (Some(only), None) | (None, Some(only)) => {
                                touched.unit_ids.insert(only.id.clone());
                            }
                            (None, None) => {}
                        }
                    }
                }
                Step::Positions(rows) => {
                    touched.shift.positions = rows.moves();
                    for (old, new) in rows.pairs(&edited.positions) {
                        let both = [old, new].into_iter().flatten();
                        touched.positions.extend(both.clone().map(|p| p.id.clone()));
                        let ids_changed = match (old, new) {
                            (Some(old), Some(new)) => old.id != new.id,
                            _ => true,
                        };
                        if ids_changed {
                            touched
                                .position_ids
                                .extend(both.clone().map(|p| p.id.clone()));
                        }
                        let same_components = match (old, new) {
                            (Some(old), Some(new)) => same_component_ids(old, new),
                            _ => false,
                        };
                        if !same_components {
                            let components = both.flat_map(|p| &p.components);
                            touched
                                .component_ids
                                .extend(components.map(|c| c.id.clone()));
                        }
                    }
                }
                Step::Staff(rows) => {
                    touched.shift.staff = rows.moves();
                    for (old, new) in rows.pairs(&edited.staff) {
                        let both = [old, new].into_iter().flatten();
                        touched.staff.extend(both.clone().map(|s| s.id.clone()));
                        let ids_changed = match (old, new) {
                            (Some(old), Some(new)) => old.id != new.id,
                            _ => true,
                        };
                        if ids_changed {
                            touched.staff_ids.extend(both.map(|s| s.id.clone()));
                        }
                    }
                }
            }
        }
        touched
    }

    /// Puts the plan back as it was before the edit (the plan must be as the edit left it).
    pub fn apply(self, plan: &mut Plan) {
        for step in self.steps.into_iter().rev() {
            match step {
                Step::Meta(meta) => plan.meta = meta,
                Step::Rounding(rounding) => plan.rounding = rounding,
                Step::Calendars(calendars) => plan.calendars = calendars,
                Step::BlockingRules(rules) => plan.blocking_rules = rules,
                Step::Scenarios(scenarios) => plan.scenarios = scenarios,
                Step::Review(review) => plan.review = review,
                Step::Units(rows) => rows.restore(&mut plan.units),
                Step::Positions(rows) => rows.restore(&mut plan.positions),
                Step::Staff(rows) => rows.restore(&mut plan.staff),
            }
        }
    }
}

/// Whether two versions of a position list the same component ids in the same order.
fn same_component_ids(old: &Position, new: &Position) -> bool {
    old.components.len() == new.components.len()
        && old
            .components
            .iter()
            .zip(&new.components)
            .all(|(a, b)| a.id == b.id)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::editing::{Created, ReviewField};
    use crate::model::{Appraisal, ComponentKind, Decision, SeenProposal};

    fn seen(proposed: i64) -> SeenProposal {
        SeenProposal {
            proposed,
            required: proposed,
            current: 1.0,
            rank_code: String::new(),
            unit_id: "u".into(),
        }
    }

    /// Every kind of edit, applied then undone, leaves the plan exactly as it was.
    #[test]
    fn undoing_an_edit_restores_the_plan_exactly() {
        let plan = crate::plan_file::default_plan().unwrap();
        let position = plan
            .positions
            .iter()
            .find(|p| !p.components.is_empty())
            .unwrap()
            .clone();
        let unit = plan.units.last().unwrap().clone();
        let member = plan
            .staff
            .iter()
            .find(|s| s.position_id.is_some())
            .unwrap()
            .clone();
        let held = member.position_id.clone().unwrap();
        let mut renamed = position.clone();
        renamed.name = "Tên khác".into();
        // A unit with a position and staff of its own, none of which the other edits use.
        let doomed = plan
            .units
            .iter()
            .map(|u| u.id.clone())
            .find(|u| {
                *u != unit.id
                    && *u != position.unit_id
                    && *u != member.unit_id
                    && plan.units.iter().all(|c| c.parent_id.as_ref() != Some(u))
                    && plan.positions.iter().any(|p| &p.unit_id == u)
                    && plan.staff.iter().any(|s| &s.unit_id == u)
            })
            .unwrap();
        let mut moved_unit = unit.clone();
        moved_unit.name = "Phòng khác".into();
        let mut meta = plan.meta.clone();
        meta.name = "Đề án khác".into();
        let mut component = position.components[0].clone();
        component.name = "Việc khác".into();
        let edits = vec![
            Edit::SetMeta(meta),
            Edit::SetBlockingRules(vec!["a".into()]),
            Edit::AddUnit {
                parent: Some(unit.id.clone()),
                name: "Tổ mới".into(),
            },
            Edit::UpdateUnit(moved_unit),
            Edit::MoveUnit {
                id: unit.id.clone(),
                parent: None,
            },
            Edit::DeleteUnit { id: doomed.clone() },
            Edit::AddPosition {
                unit_id: unit.id.clone(),
                name: "Vị trí mới".into(),
            },
            Edit::UpdatePosition(Box::new(renamed)),
            Edit::DuplicatePosition {
                id: position.id.clone(),
            },
            Edit::DeletePosition { id: held.clone() },
            Edit::AddComponent {
                position_id: position.id.clone(),
                name: "Việc mới".into(),
                kind: ComponentKind::Norm {
                    volume: 1.0,
                    ratio: 1.0,
                },
            },
            Edit::UpdateComponent {
                position_id: position.id.clone(),
                component: component.clone(),
            },
            Edit::DuplicateComponent {
                position_id: position.id.clone(),
                component_id: component.id.clone(),
            },
            Edit::DeleteComponent {
                position_id: position.id.clone(),
                component_id: component.id.clone(),
            },
            Edit::AddStaff {
                unit_id: unit.id.clone(),
                position_id: None,
            },
            Edit::DeleteStaff {
                id: member.id.clone(),
            },
            Edit::SetReviewField(ReviewField::Reviewer("Lê Thị Hạnh".into())),
            Edit::SetAppraisal(Appraisal {
                appraised: Some(1),
                decision: Some(Decision::Adjust),
                comment: "Giảm".into(),
                ..Appraisal::new(held)
            }),
            Edit::SetAppraisedFigure {
                position_id: position.id.clone(),
                appraised: Some(7),
                seen: seen(3),
            },
            Edit::SetDecision {
                position_id: position.id.clone(),
                decision: Some(Decision::Reject),
                seen: seen(3),
            },
            Edit::ConfirmAppraisals(vec![(position.id.clone(), seen(4))]),
            Edit::AgreeRemaining(
                plan.positions
                    .iter()
                    .map(|p| (p.id.clone(), seen(1)))
                    .collect(),
            ),
            Edit::ClearReview,
        ];
        // Each edit undone on the plan as the edits before it left it, then all of them undone
        // in reverse. (Plans are compared with `==`: a failure names the edit, not the plan.)
        let mut stacked = plan.clone();
        let mut undos = Vec::new();
        for edit in edits {
            let before = stacked.clone();
            let undo = Undo::before(&edit, &stacked);
            edit.clone().apply(&mut stacked).unwrap();
            assert!(stacked != before, "{edit:?} changed nothing");
            let mut undone = stacked.clone();
            undo.clone().apply(&mut undone);
            assert!(undone == before, "{edit:?} was not undone exactly");
            undos.push(undo);
        }
        assert!(undos.len() > 15);
        for undo in undos.into_iter().rev() {
            undo.apply(&mut stacked);
        }
        assert!(stacked == plan, "the edits undone in reverse");
    }

    #[test]
    fn history_numbers_states_so_undo_finds_the_saved_one() {
        let mut plan = crate::plan_file::default_plan().unwrap();
        let original = plan.clone();
        let mut history = super::super::History::default();
        let saved = history.state();
        let edit = Edit::AddPosition {
            unit_id: plan.units[0].id.clone(),
            name: "Mới".into(),
        };
        let undo = Undo::before(&edit, &plan);
        let Ok(Created::Position(id)) = edit.clone().apply(&mut plan) else {
            panic!("added")
        };
        history.record(edit, undo);
        assert_ne!(history.state(), saved);
        let after = history.state();
        assert!(history.undo(&mut plan).is_some());
        assert_eq!(history.state(), saved);
        assert_eq!(plan, original);
        assert!(
            matches!(history.redo(&mut plan), Some(Ok((Created::Position(again), _))) if again == id)
        );
        assert_eq!(history.state(), after);
        assert!(plan.position(&id).is_some());
        assert!(history.redo(&mut plan).is_none());
    }
}
