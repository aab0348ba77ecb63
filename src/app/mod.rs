//! The desktop app (egui/eframe): a thin face over the library. Everything it shows comes from
//! the engine's functions; every change goes through [`crate::editing::Edit`] and [`document::Document`].
//!
//! State ([`state`]) is kept apart from drawing ([`ui`], one file per panel), and commands from
//! menus and shortcuts ([`commands`]) apart from the widgets that raise them.

pub mod background;
pub mod checks;
pub mod commands;
pub mod comparison;
pub mod document;
/// The edits of the plan, [`crate::editing`], also reachable as `app::edit`.
pub use crate::editing as edit;
pub mod files;
pub mod fonts;
pub mod headless;
pub mod memo;
pub mod portfolio;
pub mod projection_view;
pub mod recompute;
pub mod state;
pub mod ui;

use std::path::Path;

use eframe::egui;

use crate::language::{InLanguage as _, Language};
use crate::plan_file::default_plan;
use document::Document;
use state::{AppState, Preferences};

/// Key under which preferences are stored by eframe.
const PREFERENCES_KEY: &str = "vtvl-preferences";

/// The app: its state, drawn by [`ui::app_ui`].
pub struct VtvlApp {
    pub state: AppState,
    title: String,
}

impl VtvlApp {
    pub fn new(document: Document, preferences: Preferences) -> Self {
        VtvlApp {
            state: AppState::new(document, preferences),
            title: String::new(),
        }
    }

    /// The app on the bundled default plan (embedded in the binary).
    pub fn with_default_plan() -> anyhow::Result<Self> {
        Ok(Self::new(
            Document::new(default_plan()?, None),
            Preferences::default(),
        ))
    }

    /// Draws one frame. Tests drive this through egui_kittest, without eframe.
    pub fn ui(&mut self, ui: &mut egui::Ui) {
        self.state.document.poll();
        if portfolio::poll(&mut self.state) {
            // The worker's portfolio is looked for again shortly.
            ui.ctx()
                .request_repaint_after(std::time::Duration::from_millis(50));
        }
        commands::handle_shortcuts(&mut self.state, ui.ctx());
        ui::app_ui(&mut self.state, ui);
        // After drawing, so that Quit chosen in this frame closes the window at once.
        files::frame(&mut self.state, ui.ctx());
        if self.state.document.is_updating() {
            ui.ctx().request_repaint();
        }
        let title = window_title(&self.state);
        if title != self.title {
            ui.ctx()
                .send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.title = title;
        }
    }
}

/// "vtvl — file.ron •" with a dot while there are unsaved changes.
pub fn window_title(state: &AppState) -> String {
    let marker = if state.document.is_dirty() {
        " •"
    } else {
        ""
    };
    format!(
        "vtvl — {}{marker}",
        state.document.display_name(state.language())
    )
}

impl eframe::App for VtvlApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        VtvlApp::ui(self, ui);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, PREFERENCES_KEY, &self.state.preferences);
    }

    fn on_exit(&mut self, _gl: Option<&eframe::glow::Context>) {
        files::on_exit(&mut self.state);
    }
}

/// Opens the main window on `plan` (or the bundled default plan) and runs until it closes. A
/// folder is opened as a portfolio, beside the bundled default plan. A plan that cannot be
/// read is said in `language` (the command line's: the app's own is not read yet).
pub fn run(plan: Option<&Path>, language: Language) -> anyhow::Result<()> {
    let folder = plan.filter(|p| p.is_dir()).map(Path::to_path_buf);
    let plan = plan.filter(|p| !p.is_dir());
    let document = match plan {
        Some(path) => Document::open(path).in_language(language)?,
        None => Document::new(default_plan()?, None),
    };
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_inner_size([1280.0, 800.0])
            .with_min_inner_size([800.0, 500.0])
            .with_title("vtvl"),
        ..Default::default()
    };
    let opened = plan.map(Path::to_path_buf);
    eframe::run_native(
        "vtvl",
        options,
        Box::new(move |cc| {
            fonts::install(&cc.egui_ctx);
            let preferences: Preferences = cc
                .storage
                .and_then(|s| eframe::get_value(s, PREFERENCES_KEY))
                .unwrap_or_default();
            let mut app = VtvlApp::new(document, preferences);
            if let Some(path) = &opened {
                files::recent::remember(&mut app.state.preferences.recent_files, path);
            }
            app.state.files.recovery = files::recovery::default_folder()
                .map(|folder| files::Recovery::new(folder).in_background());
            // A plan open in another window is asked about first; recovery is offered after.
            files::check_open_elsewhere(&mut app.state);
            files::offer_recovery(&mut app.state);
            if let Some(folder) = &folder {
                portfolio::open(&mut app.state, folder);
            }
            Ok(Box::new(app))
        }),
    )
    .map_err(|e| {
        let cannot = language.t("không mở được cửa sổ", "the window could not be opened");
        anyhow::anyhow!("{cannot}: {e}")
    })
}
