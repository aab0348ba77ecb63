//! Undo and redo: each applied edit kept with what undoes it (the rows it changed, as they
//! were), never a copy of the whole plan.

use super::edit::{Created, Edit, EditError};
use super::undo::Undo;
use crate::model::Plan;
use crate::validation::Touched;

/// How many edits can be undone.
const DEPTH: usize = 200;

/// An applied edit, what undoes it, and the states of the plan before and after it.
#[derive(Debug, Clone)]
struct Done {
    edit: Edit,
    undo: Undo,
    before: u64,
    after: u64,
}

/// An undone edit, to apply again on redo, and the state it led to.
#[derive(Debug, Clone)]
struct Undone {
    edit: Edit,
    before: u64,
    after: u64,
}

/// The edits applied to a plan, to undo and redo, and a number naming the plan's current state:
/// equal numbers mean the same plan (undoing back to a saved state finds the saved number).
#[derive(Debug, Default)]
pub struct History {
    done: Vec<Done>,
    undone: Vec<Undone>,
    state: u64,
    last_state: u64,
}

impl History {
    /// Records an edit just applied to the plan with what undoes it; what could be redone is
    /// forgotten.
    pub fn record(&mut self, edit: Edit, undo: Undo) {
        if self.done.len() == DEPTH {
            self.done.remove(0);
        }
        self.last_state += 1;
        self.done.push(Done {
            edit,
            undo,
            before: self.state,
            after: self.last_state,
        });
        self.state = self.last_state;
        self.undone.clear();
    }

    /// Undoes the last edit on `plan` (the plan as that edit left it) and says what that
    /// touched; `None` when there is nothing to undo.
    pub fn undo(&mut self, plan: &mut Plan) -> Option<Touched> {
        let done = self.done.pop()?;
        let touched = done.undo.touched(plan).reversed();
        done.undo.apply(plan);
        self.state = done.before;
        self.undone.push(Undone {
            edit: done.edit,
            before: done.before,
            after: done.after,
        });
        Some(touched)
    }

    /// Applies the last undone edit again and says what it created and touched; `None` when
    /// there is none.
    pub fn redo(&mut self, plan: &mut Plan) -> Option<Result<(Created, Touched), EditError>> {
        let undone = self.undone.pop()?;
        let undo = Undo::before(&undone.edit, plan);
        match undone.edit.clone().apply(plan) {
            Ok(created) => {
                let touched = undo.touched(plan);
                self.done.push(Done {
                    edit: undone.edit,
                    undo,
                    before: undone.before,
                    after: undone.after,
                });
                self.state = undone.after;
                Some(Ok((created, touched)))
            }
            Err(error) => Some(Err(error)),
        }
    }

    /// What [`History::undo`] would apply now.
    pub fn next_undo(&self) -> Option<&Undo> {
        self.done.last().map(|d| &d.undo)
    }

    /// The edit [`History::redo`] would apply again now.
    pub fn next_redo(&self) -> Option<&Edit> {
        self.undone.last().map(|u| &u.edit)
    }

    pub fn can_undo(&self) -> bool {
        !self.done.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.undone.is_empty()
    }

    /// The number of the plan's current state.
    pub fn state(&self) -> u64 {
        self.state
    }

    /// Forgets every edit; the current state keeps its number.
    pub fn clear(&mut self) {
        self.done.clear();
        self.undone.clear();
    }
}
