//! The open document: the plan, where it lives, its undo history, its validation problems and
//! its results. Every change goes through [`Document::apply`].

use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::history::History;
use super::recompute::Recompute;
use crate::editing::{Created, Edit, EditError};
use crate::engine::PlanResults;
use crate::language::{Language, Localized as _};
use crate::model::Plan;
use crate::plan_file;
use crate::validation::{self, Problem, ProblemKind};

/// Why an edit was not applied.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum Refusal {
    #[error(transparent)]
    Edit(#[from] EditError),
    /// The edit would add this validation problem.
    #[error("{0}")]
    Problem(ProblemKind),
}

impl Refusal {
    /// The reason in the interface language.
    pub fn message(&self, language: Language) -> String {
        match (self, language) {
            (Refusal::Problem(kind), language) => kind.message(language),
            (Refusal::Edit(EditError::MoveIntoOwnSubtree), Language::Vietnamese) => {
                "không thể chuyển một đơn vị vào chính nó hoặc đơn vị con của nó".to_owned()
            }
            _ => self.to_string(),
        }
    }
}

pub struct Document {
    /// Shared with the undo history and the worker computing results, so neither copies it.
    plan: Arc<Plan>,
    path: Option<PathBuf>,
    dirty: bool,
    history: History,
    problems: Vec<Problem>,
    results: Recompute,
    /// Goes up whenever the plan or its results change: a key for caches of derived views.
    revision: u64,
}

impl Document {
    pub fn new(plan: Plan, path: Option<PathBuf>) -> Self {
        let mut document = Document {
            problems: validation::validate(&plan),
            plan: Arc::new(plan),
            path,
            dirty: false,
            history: History::default(),
            results: Recompute::default(),
            revision: 0,
        };
        document.results.request(&document.plan);
        document
    }

    pub fn open(path: &Path) -> Result<Self, plan_file::PlanFileError> {
        Ok(Self::new(plan_file::load(path)?, Some(path.to_path_buf())))
    }

    pub fn plan(&self) -> &Plan {
        &self.plan
    }

    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    pub fn is_dirty(&self) -> bool {
        self.dirty
    }

    /// Marks the plan as not in its file (an import, a restored recovery copy).
    pub fn mark_unsaved(&mut self) {
        self.dirty = true;
        self.revision += 1;
    }

    pub fn problems(&self) -> &[Problem] {
        &self.problems
    }

    pub fn results(&self) -> Option<&PlanResults> {
        self.results.results()
    }

    pub fn results_error(&self) -> Option<&str> {
        self.results.error()
    }

    pub fn is_updating(&self) -> bool {
        self.results.is_updating()
    }

    /// Picks up results computed off the UI thread.
    pub fn poll(&mut self) {
        let was_updating = self.results.is_updating();
        self.results.poll();
        if was_updating && !self.results.is_updating() {
            self.revision += 1;
        }
    }

    /// Changes whenever the plan or its results change.
    pub fn revision(&self) -> u64 {
        self.revision
    }

    /// Waits for results computed off the UI thread.
    pub fn wait_for_results(&mut self) {
        self.results.wait();
        self.revision += 1;
    }

    /// Applies an edit unless it would add a validation problem; the refusal says why.
    pub fn apply(&mut self, edit: Edit) -> Result<Created, Refusal> {
        let mut next = Plan::clone(&self.plan);
        let created = edit.apply(&mut next)?;
        let problems = validation::validate(&next);
        let before: Vec<String> = self.problems.iter().map(ToString::to_string).collect();
        if let Some(new) = problems.iter().find(|p| !before.contains(&p.to_string())) {
            return Err(Refusal::Problem(new.kind.clone()));
        }
        let previous = std::mem::replace(&mut self.plan, Arc::new(next));
        self.history.record(previous);
        self.after_change(problems);
        Ok(created)
    }

    pub fn can_undo(&self) -> bool {
        self.history.can_undo()
    }

    pub fn can_redo(&self) -> bool {
        self.history.can_redo()
    }

    pub fn undo(&mut self) -> bool {
        let Some(previous) = self.history.undo(Arc::clone(&self.plan)) else {
            return false;
        };
        self.plan = previous;
        let problems = validation::validate(&self.plan);
        self.after_change(problems);
        true
    }

    pub fn redo(&mut self) -> bool {
        let Some(next) = self.history.redo(Arc::clone(&self.plan)) else {
            return false;
        };
        self.plan = next;
        let problems = validation::validate(&self.plan);
        self.after_change(problems);
        true
    }

    fn after_change(&mut self, problems: Vec<Problem>) {
        self.revision += 1;
        self.problems = problems;
        self.dirty = true;
        self.results.request(&self.plan);
    }

    /// Saves to `path` through the engine's atomic save and remembers it as the file.
    pub fn save_as(&mut self, path: &Path) -> Result<(), plan_file::PlanFileError> {
        plan_file::save(&self.plan, path)?;
        self.path = Some(path.to_path_buf());
        self.dirty = false;
        Ok(())
    }

    /// The name shown in the title bar and status line.
    pub fn display_name(&self, language: Language) -> String {
        self.path
            .as_deref()
            .and_then(Path::file_name)
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| language.t("(chưa lưu)", "(not saved)").to_owned())
    }
}
