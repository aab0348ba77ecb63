//! Undo and redo: snapshots of the plan taken before each edit.

use std::sync::Arc;

use crate::model::Plan;

/// How many edits can be undone.
const DEPTH: usize = 200;

#[derive(Debug, Default)]
pub struct History {
    undo: Vec<Arc<Plan>>,
    redo: Vec<Arc<Plan>>,
}

impl History {
    /// Records the plan as it was before an edit; a new edit clears what could be redone.
    pub fn record(&mut self, before: Arc<Plan>) {
        if self.undo.len() == DEPTH {
            self.undo.remove(0);
        }
        self.undo.push(before);
        self.redo.clear();
    }

    /// The plan to go back to, given the current one.
    pub fn undo(&mut self, current: Arc<Plan>) -> Option<Arc<Plan>> {
        let previous = self.undo.pop()?;
        self.redo.push(current);
        Some(previous)
    }

    pub fn redo(&mut self, current: Arc<Plan>) -> Option<Arc<Plan>> {
        let next = self.redo.pop()?;
        self.undo.push(current);
        Some(next)
    }

    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    pub fn clear(&mut self) {
        self.undo.clear();
        self.redo.clear();
    }
}
