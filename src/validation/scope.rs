//! What a change to a plan touched, and what validation checks again after it.
//!
//! A [`Touched`] says which rows a change wrote (by id, before and after it), which ids came,
//! went or moved in their table, and how rows moved. The [`Scope`] it gives adds what depends on
//! those rows: the rows that refer to an id that came or went, the staff holding a position
//! that changed, the appraisal lines naming it, and the unit tree when units come, go or change
//! parent. Validation then checks only the rows of the scope, with the same checks as a full
//! validation.

use std::collections::HashSet;

use super::sections::Section;
use super::{Place, Problem, ProblemKind};
use crate::model::Plan;

/// What one change to a plan touched.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Touched {
    /// What every row depends on (the calendars): the whole plan is checked again.
    pub everything: bool,
    /// The plan's own fields, its blocking rules and the fields of the review.
    pub plan: bool,
    /// Every line of the review.
    pub review: bool,
    /// A unit's parent.
    pub unit_tree: bool,
    /// Rows written, by id (the id before and after the change when it changed).
    pub units: HashSet<String>,
    pub positions: HashSet<String>,
    pub staff: HashSet<String>,
    /// Ids of rows added, removed or renamed: their uniqueness, and the rows that refer to them.
    pub unit_ids: HashSet<String>,
    pub position_ids: HashSet<String>,
    /// Component ids of positions whose list of components changed order or members.
    pub component_ids: HashSet<String>,
    pub staff_ids: HashSet<String>,
    /// How the rows of each table moved.
    pub shift: Shift,
}

impl Touched {
    /// What undoing the change touches: the same rows, moved back.
    pub fn reversed(self) -> Touched {
        Touched {
            shift: self.shift.reversed(),
            ..self
        }
    }
}

/// How a change moved the rows of the plan's tables.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Shift {
    pub units: Moves,
    pub positions: Moves,
    pub staff: Moves,
}

/// How the rows of one table moved.
#[derive(Debug, Clone, Default, PartialEq)]
pub enum Moves {
    #[default]
    None,
    /// Rows inserted, at these indices of the table after the change (ascending).
    Inserted(Vec<usize>),
    /// Rows removed, from these indices of the table before the change (ascending).
    Removed(Vec<usize>),
}

impl Moves {
    /// The index after the change of the row at `index` before it (a row that stays).
    fn index(&self, index: usize) -> usize {
        match self {
            Moves::None => index,
            Moves::Inserted(inserted) => inserted
                .iter()
                .fold(index, |at, &i| if i <= at { at + 1 } else { at }),
            Moves::Removed(removed) => index - removed.iter().take_while(|&&i| i < index).count(),
        }
    }

    fn reversed(self) -> Moves {
        match self {
            Moves::None => Moves::None,
            Moves::Inserted(rows) => Moves::Removed(rows),
            Moves::Removed(rows) => Moves::Inserted(rows),
        }
    }
}

impl Shift {
    pub fn reversed(self) -> Shift {
        Shift {
            units: self.units.reversed(),
            positions: self.positions.reversed(),
            staff: self.staff.reversed(),
        }
    }

    /// Moves a problem's place (and the place of the first use of a duplicate id) to where its
    /// row is after the change.
    pub(super) fn move_problem(&self, problem: &mut Problem) {
        self.move_place(&mut problem.place);
        if let ProblemKind::DuplicateId { first, .. } = &mut problem.kind {
            self.move_place(first);
        }
    }

    fn move_place(&self, place: &mut Place) {
        match place {
            Place::Unit { index, .. } => *index = self.units.index(*index),
            Place::Position { index, .. } => *index = self.positions.index(*index),
            Place::Component { position_index, .. } => {
                *position_index = self.positions.index(*position_index);
            }
            Place::Staff { index, .. } => *index = self.staff.index(*index),
            Place::Meta { .. } | Place::Calendar { .. } | Place::Appraisal { .. } => {}
        }
    }
}

/// What validation checks again after a change: see the module's documentation.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Scope {
    everything: bool,
    plan: bool,
    review: bool,
    unit_tree: bool,
    units: HashSet<String>,
    positions: HashSet<String>,
    staff: HashSet<String>,
    unit_ids: HashSet<String>,
    position_ids: HashSet<String>,
    component_ids: HashSet<String>,
    staff_ids: HashSet<String>,
}

impl Scope {
    /// The whole plan.
    pub fn everything() -> Scope {
        Scope {
            everything: true,
            ..Scope::default()
        }
    }

    /// What `touched` and what depends on it covers in `plan`, the plan as the change left it.
    pub fn of(touched: &Touched, plan: &Plan) -> Scope {
        if touched.everything {
            return Scope::everything();
        }
        let union = |a: &HashSet<String>, b: &HashSet<String>| -> HashSet<String> {
            a.union(b).cloned().collect()
        };
        let mut scope = Scope {
            everything: false,
            plan: touched.plan,
            review: touched.review,
            unit_tree: touched.unit_tree || !touched.unit_ids.is_empty(),
            units: union(&touched.units, &touched.unit_ids),
            positions: union(&touched.positions, &touched.position_ids),
            staff: union(&touched.staff, &touched.staff_ids),
            unit_ids: touched.unit_ids.clone(),
            position_ids: touched.position_ids.clone(),
            component_ids: touched.component_ids.clone(),
            staff_ids: touched.staff_ids.clone(),
        };
        // Rows naming a unit that came or went.
        let came_or_went = Filter::only(touched.unit_ids.iter().map(String::as_str));
        let unit_came_or_went = |id: &str| came_or_went.contains(id);
        if !touched.unit_ids.is_empty() {
            for unit in &plan.units {
                if unit.parent_id.as_deref().is_some_and(unit_came_or_went) {
                    scope.units.insert(unit.id.clone());
                }
            }
            for position in &plan.positions {
                if unit_came_or_went(&position.unit_id) {
                    scope.positions.insert(position.id.clone());
                }
            }
        }
        // Staff of such a unit, and staff holding a position checked again (its unit may have
        // changed, or it may have come or gone).
        if !touched.unit_ids.is_empty() || !scope.positions.is_empty() {
            let checked = Filter::only(scope.positions.iter().map(String::as_str));
            let mut holders = Vec::new();
            for member in &plan.staff {
                let holds = member
                    .position_id
                    .as_deref()
                    .is_some_and(|p| checked.contains(p));
                if holds || unit_came_or_went(&member.unit_id) {
                    holders.push(member.id.clone());
                }
            }
            scope.staff.extend(holders);
        }
        scope
    }

    /// Whether the scope covers every problem of `section`.
    pub(super) fn covers_all(&self, section: Section) -> bool {
        self.everything
            || match section {
                Section::Meta | Section::PlanTexts | Section::ReviewTexts => self.plan,
                Section::Cycles => self.unit_tree,
                Section::Review | Section::LineTexts => self.review,
                _ => false,
            }
    }

    /// Whether the scope covers `problem`, found by `section`.
    pub(super) fn covers(&self, section: Section, problem: &Problem) -> bool {
        if self.covers_all(section) {
            return true;
        }
        let place = &problem.place;
        match section {
            Section::Meta
            | Section::PlanTexts
            | Section::ReviewTexts
            | Section::Cycles
            | Section::IdsCalendars
            | Section::Calendars
            | Section::CalendarTexts => false,
            Section::IdsUnits => {
                matches!(place, Place::Unit { id, .. } if self.unit_ids.contains(id))
            }
            Section::IdsPositions => {
                matches!(place, Place::Position { id, .. } if self.position_ids.contains(id))
            }
            Section::IdsComponents => matches!(
                place,
                Place::Component { component_id, .. } if self.component_ids.contains(component_id)
            ),
            Section::IdsStaff => {
                matches!(place, Place::Staff { id, .. } if self.staff_ids.contains(id))
            }
            Section::Units | Section::UnitAttributes | Section::UnitTexts => {
                matches!(place, Place::Unit { id, .. } if self.units.contains(id))
            }
            Section::Positions
            | Section::JobDescriptions
            | Section::PositionAttributes
            | Section::PositionTexts => match place {
                Place::Position { id, .. }
                | Place::Component {
                    position_id: id, ..
                } => self.positions.contains(id),
                _ => false,
            },
            Section::Staff | Section::StaffTexts => {
                matches!(place, Place::Staff { id, .. } if self.staff.contains(id))
            }
            Section::Review | Section::LineTexts => matches!(
                place,
                Place::Appraisal { position_id, .. } if self.positions.contains(position_id)
            ),
        }
    }

    /// The rows to check and the ids to look at.
    pub(super) fn selection<'a>(&'a self, plan: &'a Plan) -> Selection<'a> {
        if self.everything {
            return Selection {
                plan: true,
                calendars: true,
                unit_tree: true,
                units: Rows::All,
                positions: Rows::All,
                staff: Rows::All,
                lines: Rows::All,
                calendar_ids: Filter::All,
                unit_lookup: Filter::All,
                position_lookup: Filter::All,
                unit_ids: Filter::All,
                position_ids: Filter::All,
                component_ids: Filter::All,
                staff_ids: Filter::All,
            };
        }
        let units = Rows::with_ids(plan.units.iter().map(|u| u.id.as_str()), &self.units);
        let positions = Rows::with_ids(
            plan.positions.iter().map(|p| p.id.as_str()),
            &self.positions,
        );
        let staff = Rows::with_ids(plan.staff.iter().map(|s| s.id.as_str()), &self.staff);
        let lines = plan.review.as_ref().map(|r| &r.lines[..]).unwrap_or(&[]);
        let lines = if self.review {
            Rows::All
        } else {
            Rows::with_ids(
                lines.iter().map(|l| l.position_id.as_str()),
                &self.positions,
            )
        };
        // The ids the rows checked refer to.
        let unit_lookup = if self.unit_tree {
            Filter::All
        } else {
            let parents = units.of(&plan.units).filter_map(|u| u.parent_id.as_deref());
            let of_positions = positions.of(&plan.positions).map(|p| p.unit_id.as_str());
            let of_staff = staff.of(&plan.staff).map(|s| s.unit_id.as_str());
            Filter::only(parents.chain(of_positions).chain(of_staff))
        };
        let held = staff
            .of(&plan.staff)
            .filter_map(|s| s.position_id.as_deref());
        let appraised = plan
            .review
            .iter()
            .flat_map(|r| lines.of(&r.lines))
            .map(|l| l.position_id.as_str());
        let position_lookup = Filter::only(held.chain(appraised));
        let only = |ids: &'a HashSet<String>| Filter::only(ids.iter().map(String::as_str));
        Selection {
            plan: self.plan,
            calendars: false,
            unit_tree: self.unit_tree,
            units,
            positions,
            staff,
            lines,
            calendar_ids: Filter::none(),
            unit_lookup,
            position_lookup,
            unit_ids: only(&self.unit_ids),
            position_ids: only(&self.position_ids),
            component_ids: only(&self.component_ids),
            staff_ids: only(&self.staff_ids),
        }
    }
}

/// What one validation pass looks at: the rows of each table to check and the ids to index
/// and to report.
pub(super) struct Selection<'a> {
    pub plan: bool,
    pub calendars: bool,
    pub unit_tree: bool,
    pub units: Rows,
    pub positions: Rows,
    pub staff: Rows,
    pub lines: Rows,
    pub calendar_ids: Filter<'a>,
    pub unit_lookup: Filter<'a>,
    pub position_lookup: Filter<'a>,
    pub unit_ids: Filter<'a>,
    pub position_ids: Filter<'a>,
    pub component_ids: Filter<'a>,
    pub staff_ids: Filter<'a>,
}

/// Ids a pass looks at. A few ids are compared one by one: cheaper than hashing every id of a
/// table to find them.
pub(super) enum Filter<'a> {
    All,
    Few(Vec<&'a str>),
    Many(HashSet<&'a str>),
}

/// Up to this many ids are compared one by one.
const FEW: usize = 8;

impl<'a> Filter<'a> {
    pub fn none() -> Self {
        Filter::Few(Vec::new())
    }

    /// Only `ids`.
    pub fn only(ids: impl Iterator<Item = &'a str>) -> Self {
        let ids: HashSet<&str> = ids.collect();
        if ids.len() <= FEW {
            Filter::Few(ids.into_iter().collect())
        } else {
            Filter::Many(ids)
        }
    }

    pub fn contains(&self, id: &str) -> bool {
        match self {
            Filter::All => true,
            Filter::Few(ids) => ids.contains(&id),
            Filter::Many(ids) => ids.contains(id),
        }
    }

    pub fn is_all(&self) -> bool {
        matches!(self, Filter::All)
    }

    pub fn is_empty(&self) -> bool {
        match self {
            Filter::All => false,
            Filter::Few(ids) => ids.is_empty(),
            Filter::Many(ids) => ids.is_empty(),
        }
    }
}

/// Rows of a table a pass checks, ascending.
pub(super) enum Rows {
    All,
    Only(Vec<usize>),
}

impl Rows {
    /// The rows whose id is one of `wanted`.
    fn with_ids<'a>(ids: impl Iterator<Item = &'a str>, wanted: &HashSet<String>) -> Rows {
        if wanted.is_empty() {
            return Rows::Only(Vec::new());
        }
        let wanted = Filter::only(wanted.iter().map(String::as_str));
        Rows::Only(
            ids.enumerate()
                .filter(|(_, id)| wanted.contains(id))
                .map(|(index, _)| index)
                .collect(),
        )
    }

    /// The indices of the rows of a table of `len` rows.
    pub fn indices(&self, len: usize) -> RowIndices<'_> {
        match self {
            Rows::All => RowIndices::All(0..len),
            Rows::Only(rows) => RowIndices::Only(rows.iter()),
        }
    }

    /// The rows of `table`, with their indices.
    pub fn rows<'t, T>(&self, table: &'t [T]) -> impl Iterator<Item = (usize, &'t T)> {
        self.indices(table.len())
            .filter_map(move |i| table.get(i).map(|row| (i, row)))
    }

    fn of<'t, T>(&self, table: &'t [T]) -> impl Iterator<Item = &'t T> {
        self.rows(table).map(|(_, row)| row)
    }
}

pub(super) enum RowIndices<'r> {
    All(std::ops::Range<usize>),
    Only(std::slice::Iter<'r, usize>),
}

impl Iterator for RowIndices<'_> {
    type Item = usize;

    fn next(&mut self) -> Option<usize> {
        match self {
            RowIndices::All(range) => range.next(),
            RowIndices::Only(rows) => rows.next().copied(),
        }
    }
}
