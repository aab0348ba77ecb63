//! Choosing files and folders: the native dialogs behind a small trait, so that tests answer
//! from a script and a machine without a dialog service never blocks.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

/// What a file dialog gave back.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Picked {
    Path(PathBuf),
    /// The user closed the dialog without choosing.
    Cancelled,
    /// No dialog could be shown: the app asks for a typed path instead.
    Unavailable,
}

/// The file dialogs the app needs. `title` is shown by the dialog; `folder` is where it opens.
pub trait FileDialogs {
    /// A plan file (`.ron`) to open.
    fn pick_plan(&mut self, title: &str, folder: Option<&Path>) -> Picked;
    /// Where to save the plan, suggesting `file_name`.
    fn pick_save_path(&mut self, title: &str, folder: Option<&Path>, file_name: &str) -> Picked;
    /// A folder (an interchange folder of CSV files).
    fn pick_folder(&mut self, title: &str, folder: Option<&Path>) -> Picked;
    /// A workbook (`.xlsx`) to import. Dialogs that cannot filter by kind answer as for a plan.
    fn pick_workbook(&mut self, title: &str, folder: Option<&Path>) -> Picked {
        self.pick_plan(title, folder)
    }
    /// Where to write a CSV file, suggesting `file_name`. Dialogs that cannot filter by kind
    /// answer as for a plan.
    fn pick_save_csv(&mut self, title: &str, folder: Option<&Path>, file_name: &str) -> Picked {
        self.pick_save_path(title, folder, file_name)
    }
    /// Where to write a workbook, suggesting `file_name`. Dialogs that cannot filter by kind
    /// answer as for a plan.
    fn pick_save_workbook(
        &mut self,
        title: &str,
        folder: Option<&Path>,
        file_name: &str,
    ) -> Picked {
        self.pick_save_path(title, folder, file_name)
    }
    /// Where to write a Word document, suggesting `file_name`. Dialogs that cannot filter by
    /// kind answer as for a plan.
    fn pick_save_document(
        &mut self,
        title: &str,
        folder: Option<&Path>,
        file_name: &str,
    ) -> Picked {
        self.pick_save_path(title, folder, file_name)
    }
}

/// The desktop's own dialogs through `rfd` (the XDG portal, else zenity).
#[derive(Debug, Default, Clone, Copy)]
pub struct NativeDialogs;

/// rfd answers "nothing chosen" both when the user cancels and when no dialog service exists.
/// No person cancels this fast, so a quicker answer means there was no dialog to show.
const NO_DIALOG_WITHIN: Duration = Duration::from_millis(150);

const PLAN_FILTER: (&str, &[&str]) = ("vtvl (.ron)", &["ron"]);
const WORKBOOK_FILTER: (&str, &[&str]) = ("Excel (.xlsx)", &["xlsx", "xlsm", "ods"]);
const CSV_FILTER: (&str, &[&str]) = ("CSV (.csv)", &["csv"]);
const DOCUMENT_FILTER: (&str, &[&str]) = ("Word (.docx)", &["docx"]);

impl NativeDialogs {
    fn dialog(title: &str, folder: Option<&Path>) -> rfd::FileDialog {
        let dialog = rfd::FileDialog::new().set_title(title);
        match folder {
            Some(folder) if folder.is_dir() => dialog.set_directory(folder),
            _ => dialog,
        }
    }

    fn run(show: impl FnOnce() -> Option<PathBuf>) -> Picked {
        if !service_likely() {
            return Picked::Unavailable;
        }
        let started = Instant::now();
        match show() {
            Some(path) => Picked::Path(path),
            None if started.elapsed() < NO_DIALOG_WITHIN => Picked::Unavailable,
            None => Picked::Cancelled,
        }
    }
}

impl FileDialogs for NativeDialogs {
    fn pick_plan(&mut self, title: &str, folder: Option<&Path>) -> Picked {
        Self::run(|| {
            Self::dialog(title, folder)
                .add_filter(PLAN_FILTER.0, PLAN_FILTER.1)
                .pick_file()
        })
    }

    fn pick_save_path(&mut self, title: &str, folder: Option<&Path>, file_name: &str) -> Picked {
        Self::run(|| {
            Self::dialog(title, folder)
                .add_filter(PLAN_FILTER.0, PLAN_FILTER.1)
                .set_file_name(file_name)
                .save_file()
        })
    }

    fn pick_folder(&mut self, title: &str, folder: Option<&Path>) -> Picked {
        Self::run(|| Self::dialog(title, folder).pick_folder())
    }

    fn pick_save_workbook(
        &mut self,
        title: &str,
        folder: Option<&Path>,
        file_name: &str,
    ) -> Picked {
        Self::run(|| {
            Self::dialog(title, folder)
                .add_filter(WORKBOOK_FILTER.0, WORKBOOK_FILTER.1)
                .set_file_name(file_name)
                .save_file()
        })
    }

    fn pick_save_csv(&mut self, title: &str, folder: Option<&Path>, file_name: &str) -> Picked {
        Self::run(|| {
            Self::dialog(title, folder)
                .add_filter(CSV_FILTER.0, CSV_FILTER.1)
                .set_file_name(file_name)
                .save_file()
        })
    }

    fn pick_save_document(
        &mut self,
        title: &str,
        folder: Option<&Path>,
        file_name: &str,
    ) -> Picked {
        Self::run(|| {
            Self::dialog(title, folder)
                .add_filter(DOCUMENT_FILTER.0, DOCUMENT_FILTER.1)
                .set_file_name(file_name)
                .save_file()
        })
    }

    fn pick_workbook(&mut self, title: &str, folder: Option<&Path>) -> Picked {
        Self::run(|| {
            Self::dialog(title, folder)
                .add_filter(WORKBOOK_FILTER.0, WORKBOOK_FILTER.1)
                .pick_file()
        })
    }
}

/// Whether a dialog service may exist. On Linux and the BSDs rfd needs a session bus (for the
/// desktop portal) or zenity; without either it fails at once, so the typed path is offered
/// without trying.
fn service_likely() -> bool {
    if cfg!(any(target_os = "windows", target_os = "macos")) {
        return true;
    }
    let bus = std::env::var_os("DBUS_SESSION_BUS_ADDRESS").is_some_and(|v| !v.is_empty());
    // libdbus also finds the user's bus at $XDG_RUNTIME_DIR/bus when the variable is unset.
    let runtime_bus = std::env::var_os("XDG_RUNTIME_DIR")
        .is_some_and(|dir| !dir.is_empty() && Path::new(&dir).join("bus").exists());
    bus || runtime_bus || on_path("zenity")
}

fn on_path(program: &str) -> bool {
    std::env::var_os("PATH")
        .is_some_and(|paths| std::env::split_paths(&paths).any(|dir| dir.join(program).is_file()))
}
