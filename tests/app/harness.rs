//! A headless window on a plan, with the app's fonts (a missing glyph fails the test).

use std::collections::VecDeque;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use eframe::egui;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use vtvl::app::VtvlApp;
use vtvl::app::document::Document;
use vtvl::app::files::{FileDialogs, FileFilter, Files, Picked, Recovery};
use vtvl::app::state::Preferences;
use vtvl::model::Plan;

pub fn harness_with(plan: Plan) -> Harness<'static, VtvlApp> {
    let app = VtvlApp::new(Document::new(plan, None), Preferences::default());
    Harness::builder()
        .with_size(egui::vec2(1400.0, 900.0))
        .with_context_setup(vtvl::app::fonts::install)
        .build_ui_state(|ui, app: &mut VtvlApp| app.ui(ui), app)
}

/// The app on the bundled default plan (the commune sample).
pub fn default_harness() -> Harness<'static, VtvlApp> {
    let plan = vtvl::plan_file::default_plan().expect("bundled plan");
    let mut harness = harness_with(plan);
    harness.run();
    harness
}

/// Answers the app's file dialogs from a script, in order; with nothing scripted it cancels.
/// Clones share the script, so a test keeps one to add answers and see what was asked.
#[derive(Clone, Default)]
pub struct ScriptedDialogs {
    answers: Arc<Mutex<VecDeque<Picked>>>,
    asked: Arc<Mutex<Vec<Asked>>>,
}

/// One dialog shown: its title, the extensions it listed (none for a folder) and the file name
/// it suggested (empty when opening).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Asked {
    pub title: String,
    pub extensions: Vec<String>,
    pub suggested: String,
}

impl ScriptedDialogs {
    pub fn answer(&self, picked: Picked) {
        self.answers.lock().unwrap().push_back(picked);
    }

    pub fn answer_path(&self, path: impl Into<PathBuf>) {
        self.answer(Picked::Path(path.into()));
    }

    /// The titles of the dialogs shown so far.
    pub fn asked(&self) -> Vec<String> {
        self.dialogs().into_iter().map(|a| a.title).collect()
    }

    /// The dialogs shown so far.
    pub fn dialogs(&self) -> Vec<Asked> {
        self.asked.lock().unwrap().clone()
    }

    fn next(&self, title: &str, filter: Option<FileFilter>, suggested: &str) -> Picked {
        self.asked.lock().unwrap().push(Asked {
            title: title.to_owned(),
            extensions: filter
                .map(|f| f.extensions.iter().map(|e| (*e).to_owned()).collect())
                .unwrap_or_default(),
            suggested: suggested.to_owned(),
        });
        self.answers
            .lock()
            .unwrap()
            .pop_front()
            .unwrap_or(Picked::Cancelled)
    }
}

impl FileDialogs for ScriptedDialogs {
    fn pick_file(&mut self, title: &str, _folder: Option<&Path>, filter: FileFilter) -> Picked {
        self.next(title, Some(filter), "")
    }

    fn pick_save(
        &mut self,
        title: &str,
        _folder: Option<&Path>,
        name: &str,
        filter: FileFilter,
    ) -> Picked {
        self.next(title, Some(filter), name)
    }

    fn pick_folder(&mut self, title: &str, _folder: Option<&Path>) -> Picked {
        self.next(title, None, "")
    }
}

/// A window on `document` whose file dialogs answer from `dialogs`; with `recovery`, copies of
/// unsaved changes go to that folder at once (no waiting a minute).
pub fn files_harness(
    document: Document,
    dialogs: &ScriptedDialogs,
    recovery: Option<&Path>,
) -> Harness<'static, VtvlApp> {
    let mut app = VtvlApp::new(document, Preferences::default());
    app.state.files = Files::new(
        Box::new(dialogs.clone()),
        recovery.map(|folder| Recovery::new(folder.to_path_buf()).with_interval(Duration::ZERO)),
    );
    let mut harness = Harness::builder()
        .with_size(egui::vec2(1400.0, 900.0))
        .with_context_setup(vtvl::app::fonts::install)
        .build_ui_state(|ui, app: &mut VtvlApp| app.ui(ui), app);
    harness.run();
    harness
}

/// Clicks the widget labelled `label` and lets the app settle.
pub fn click(harness: &mut Harness<'static, VtvlApp>, label: &str) {
    harness.get_by_label(label).click();
    harness.run();
}

/// The unit named `name` in the unit tree, drawn before the tables (which may show the same
/// name in their unit column).
pub fn unit_in_tree<'h>(
    harness: &'h Harness<'static, VtvlApp>,
    name: &'h str,
) -> egui_kittest::Node<'h> {
    harness
        .get_all_by_label(name)
        .next()
        .unwrap_or_else(|| panic!("no unit {name} in the tree"))
}

/// Selects the unit named `name` in the unit tree and lets the app settle.
pub fn select_unit(harness: &mut Harness<'static, VtvlApp>, name: &str) {
    unit_in_tree(harness, name).click();
    harness.run();
}

/// Sets the text of the field named `label` (the `nth` of that name) as assistive technology
/// does, and lets the app settle.
pub fn set_field(harness: &mut Harness<'static, VtvlApp>, label: &str, nth: usize, text: &str) {
    harness
        .get_all_by_label(label)
        .nth(nth)
        .unwrap_or_else(|| panic!("field {label} #{nth}"))
        .set_text_value_accesskit(text);
    harness.run();
}

/// Opens the choice named `label` and picks `option` from its list.
pub fn pick(harness: &mut Harness<'static, VtvlApp>, label: &str, option: &str) {
    harness
        .get_by_role_and_label(egui::accesskit::Role::ComboBox, label)
        .click();
    harness.run();
    harness
        .get_by_role(egui::accesskit::Role::ListBox)
        .get_by_label(option)
        .click();
    harness.run();
}

pub fn has_label_containing(harness: &Harness<'static, VtvlApp>, text: &str) -> bool {
    harness.query_all_by_label_contains(text).next().is_some()
}
