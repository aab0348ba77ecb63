//! The open document: the plan, where it lives, its undo history, its validation problems and
//! its results. Every change goes through [`Document::apply`].

use std::path::{Path, PathBuf};

use super::recompute::{Change, Recompute};
use crate::editing::{Created, Edit, EditError, History, Undo};
use crate::engine::PlanResults;
use crate::language::{Language, Localized as _};
use crate::model::Plan;
use crate::plan_file;
use crate::rules::Finding;
use crate::validation::{Problem, ProblemKind, Scope, Touched, Validation};

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
    /// Never shared (workers compute a copy of their own), so always edited in place.
    plan: Plan,
    path: Option<PathBuf>,
    /// The history's state that is in the file; `None` when no state is (an import, a restored
    /// recovery copy).
    saved: Option<u64>,
    history: History,
    /// Kept up to date edit by edit: each edit checks again only what it touched.
    validation: Validation,
    results: Recompute,
    /// Goes up whenever the plan or its results change: a key for caches of derived views.
    revision: u64,
}

impl Document {
    pub fn new(plan: Plan, path: Option<PathBuf>) -> Self {
        let mut document = Document {
            validation: Validation::of(&plan),
            plan,
            path,
            saved: Some(0),
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

    /// The plan as it is now, to read off the UI thread (a recovery copy): shared without
    /// copying a large plan; `None` while that is not possible yet (results being computed).
    pub fn snapshot(&self) -> Option<std::sync::Arc<Plan>> {
        self.results.snapshot(&self.plan)
    }

    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    /// Whether the plan differs from its file: an edit makes it so, undoing back to the saved
    /// state makes it not.
    pub fn is_dirty(&self) -> bool {
        self.saved != Some(self.history.state())
    }

    /// Marks the plan as not in its file (an import, a restored recovery copy).
    pub fn mark_unsaved(&mut self) {
        self.saved = None;
        self.revision += 1;
    }

    pub fn problems(&self) -> &[Problem] {
        self.validation.problems()
    }

    pub fn results(&self) -> Option<&PlanResults> {
        self.results.results()
    }

    /// The review rules' findings on the latest results (worked out with them).
    pub fn findings(&self) -> Option<&[Finding]> {
        self.results.findings()
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
        self.results.poll(&self.plan);
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
        self.results.wait(&self.plan);
        self.revision += 1;
    }

    /// Applies an edit unless it would add a validation problem; the refusal says why. The
    /// plan is edited in place, the history keeps what undoes the edit, not a copy of it, and
    /// validation checks again what the edit touched, not the whole plan.
    pub fn apply(&mut self, edit: Edit) -> Result<Created, Refusal> {
        let undo = Undo::before(&edit, &self.plan);
        let plan = &mut self.plan;
        let created = edit.clone().apply(plan)?;
        let touched = undo.touched(plan);
        let scope = Scope::of(&touched, plan);
        let found = Validation::within(plan, &scope);
        if let Some(new) = self.validation.first_added(&scope, &found) {
            let kind = new.kind.clone();
            // The workers' copy goes through the same steps, so it stays the same plan.
            self.results.changed(Change::Edit(Box::new(edit)));
            self.results.changed(Change::Undo(undo.clone()));
            undo.apply(plan);
            return Err(Refusal::Problem(kind));
        }
        self.results.changed(Change::Edit(Box::new(edit.clone())));
        self.history.record(edit, undo);
        self.after_change(&touched, scope, found);
        Ok(created)
    }

    pub fn can_undo(&self) -> bool {
        self.history.can_undo()
    }

    pub fn can_redo(&self) -> bool {
        self.history.can_redo()
    }

    pub fn undo(&mut self) -> bool {
        if !self.history.can_undo() {
            return false;
        }
        if let Some(undo) = self.history.next_undo() {
            self.results.changed(Change::Undo(undo.clone()));
        }
        let Some(touched) = self.history.undo(&mut self.plan) else {
            return false;
        };
        self.revalidate(&touched);
        true
    }

    pub fn redo(&mut self) -> bool {
        if !self.history.can_redo() {
            return false;
        }
        let edit = self.history.next_redo().cloned();
        match self.history.redo(&mut self.plan) {
            Some(Ok((_, touched))) => {
                if let Some(edit) = edit {
                    self.results.changed(Change::Edit(Box::new(edit)));
                }
                self.revalidate(&touched);
                true
            }
            // A redo that fails leaves the plan as it was.
            Some(Err(_)) | None => false,
        }
    }

    /// Validates again what a change touched.
    fn revalidate(&mut self, touched: &Touched) {
        let scope = Scope::of(touched, &self.plan);
        let found = Validation::within(&self.plan, &scope);
        self.after_change(touched, scope, found);
    }

    fn after_change(&mut self, touched: &Touched, scope: Scope, found: Validation) {
        self.revision += 1;
        self.validation.update(&scope, &touched.shift, found);
        self.results.request(&self.plan);
    }

    /// Saves to `path` through the engine's atomic save and remembers it as the file.
    pub fn save_as(&mut self, path: &Path) -> Result<(), plan_file::PlanFileError> {
        plan_file::save(&self.plan, path)?;
        self.path = Some(path.to_path_buf());
        self.saved = Some(self.history.state());
        Ok(())
    }

    /// The name shown in the title bar and status line: the file's, or "new plan" for a plan
    /// never saved (the unsaved marker beside it says the rest).
    pub fn display_name(&self, language: Language) -> String {
        self.path
            .as_deref()
            .and_then(Path::file_name)
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| language.t("Đề án mới", "New plan").to_owned())
    }
}
