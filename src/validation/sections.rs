//! A plan's problems kept by the check that found them, so that after a change only the
//! problems of what it touched are found again and the rest stay where they were.
//!
//! Each check (a section) lists its problems in plan order, one table's rows at a time, and
//! every problem of one row of a section is covered by a [`Scope`] or none is. So the problems a
//! scoped check finds slot in between the kept ones by row, and the result is the list a full
//! validation of the changed plan gives, in the same order.

use std::collections::HashSet;

use super::scope::{Scope, Shift};
use super::{Place, Problem};
use crate::model::Plan;

/// The checks, in the order a validation runs them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(super) enum Section {
    Meta,
    IdsCalendars,
    IdsUnits,
    IdsPositions,
    IdsComponents,
    IdsStaff,
    Calendars,
    Units,
    Cycles,
    Positions,
    Staff,
    JobDescriptions,
    UnitAttributes,
    PositionAttributes,
    Review,
    PlanTexts,
    CalendarTexts,
    UnitTexts,
    PositionTexts,
    StaffTexts,
    ReviewTexts,
    LineTexts,
}

const SECTIONS: usize = Section::LineTexts as usize + 1;

impl Section {
    const ALL: [Section; SECTIONS] = [
        Section::Meta,
        Section::IdsCalendars,
        Section::IdsUnits,
        Section::IdsPositions,
        Section::IdsComponents,
        Section::IdsStaff,
        Section::Calendars,
        Section::Units,
        Section::Cycles,
        Section::Positions,
        Section::Staff,
        Section::JobDescriptions,
        Section::UnitAttributes,
        Section::PositionAttributes,
        Section::Review,
        Section::PlanTexts,
        Section::CalendarTexts,
        Section::UnitTexts,
        Section::PositionTexts,
        Section::StaffTexts,
        Section::ReviewTexts,
        Section::LineTexts,
    ];

    /// Where a problem of this section sits among the others: its row (and, for component
    /// ids, the component's row within its position).
    fn row(self, place: &Place) -> (usize, usize) {
        match place {
            Place::Meta { .. } => (0, 0),
            Place::Calendar { index, .. }
            | Place::Unit { index, .. }
            | Place::Position { index, .. }
            | Place::Staff { index, .. }
            | Place::Appraisal { index, .. } => (*index, 0),
            Place::Component {
                position_index,
                component_index,
                ..
            } => match self {
                Section::IdsComponents => (*position_index, *component_index),
                _ => (*position_index, 0),
            },
        }
    }
}

/// A plan's validation problems, each section's in plan order.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Validation {
    problems: Vec<Problem>,
    /// Where each section's problems end in `problems`.
    ends: [usize; SECTIONS],
    /// The next section a check may add to.
    open: usize,
}

impl Validation {
    /// Every problem of `plan`.
    pub fn of(plan: &Plan) -> Validation {
        Self::within(plan, &Scope::everything())
    }

    /// The problems of `plan` that `scope` covers: what [`Validation::of`] finds there, found
    /// by checking only the rows of the scope.
    pub fn within(plan: &Plan, scope: &Scope) -> Validation {
        super::check(plan, &scope.selection(plan))
    }

    pub fn problems(&self) -> &[Problem] {
        &self.problems
    }

    pub fn into_problems(self) -> Vec<Problem> {
        self.problems
    }

    pub fn is_empty(&self) -> bool {
        self.problems.is_empty()
    }

    /// The problems that `scope` covers.
    pub fn covered<'a>(&'a self, scope: &'a Scope) -> impl Iterator<Item = &'a Problem> + 'a {
        self.sections().flat_map(move |(section, problems)| {
            problems.iter().filter(move |p| scope.covers(section, p))
        })
    }

    /// The first problem of `found` (a validation within `scope` of the changed plan) that
    /// this validation did not have there: a problem the change adds.
    pub fn first_added<'a>(&self, scope: &Scope, found: &'a Validation) -> Option<&'a Problem> {
        if found.is_empty() {
            return None;
        }
        let before: HashSet<String> = self.covered(scope).map(ToString::to_string).collect();
        found
            .problems
            .iter()
            .find(|p| !before.contains(&p.to_string()))
    }

    /// Takes in `found`, the validation within `scope` of the plan as a change left it: the
    /// problems `scope` covers are replaced by it, the others stay, moved to their rows'
    /// new places by `shift`.
    pub fn update(&mut self, scope: &Scope, shift: &Shift, found: Validation) {
        let old = std::mem::take(self).into_sections();
        let new = found.into_sections();
        for ((section, old), new) in Section::ALL.into_iter().zip(old).zip(new) {
            let problems = self.section(section);
            if scope.covers_all(section) {
                problems.extend(new);
                continue;
            }
            let mut kept = old
                .into_iter()
                .filter(|p| !scope.covers(section, p))
                .map(|mut p| {
                    shift.move_problem(&mut p);
                    p
                })
                .peekable();
            let mut new = new.into_iter().peekable();
            // Both are in row order and no row is in both: merge them by row.
            loop {
                let take_kept = match (kept.peek(), new.peek()) {
                    (Some(k), Some(n)) => section.row(&k.place) <= section.row(&n.place),
                    (Some(_), None) => true,
                    (None, Some(_)) => false,
                    (None, None) => break,
                };
                let next = if take_kept { kept.next() } else { new.next() };
                problems.extend(next);
            }
        }
        self.close();
    }

    /// The problem list to add `section`'s problems to; sections are filled in order.
    pub(super) fn section(&mut self, section: Section) -> &mut Vec<Problem> {
        let at = section as usize;
        while self.open < at {
            self.ends[self.open] = self.problems.len();
            self.open += 1;
        }
        &mut self.problems
    }

    /// Ends the last sections once every check has run.
    pub(super) fn close(&mut self) {
        while self.open < SECTIONS {
            self.ends[self.open] = self.problems.len();
            self.open += 1;
        }
    }

    fn sections(&self) -> impl Iterator<Item = (Section, &[Problem])> {
        let starts = std::iter::once(0).chain(self.ends);
        Section::ALL
            .into_iter()
            .zip(starts.zip(self.ends))
            .map(|(section, (start, end))| (section, self.problems.get(start..end).unwrap_or(&[])))
    }

    fn into_sections(self) -> Vec<Vec<Problem>> {
        let mut problems = self.problems.into_iter();
        let mut start = 0;
        self.ends
            .iter()
            .map(|&end| {
                let section: Vec<Problem> = problems.by_ref().take(end - start).collect();
                start = end;
                section
            })
            .collect()
    }
}
