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

/// The kind of file a dialog offers: a name and the extensions it lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FileFilter {
    pub name: &'static str,
    pub extensions: &'static [&'static str],
}

impl FileFilter {
    /// Whether `path` has one of the filter's extensions (ignoring case).
    pub fn matches(&self, path: &Path) -> bool {
        path.extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| self.extensions.iter().any(|x| x.eq_ignore_ascii_case(e)))
    }
}

/// Plan files.
pub const PLAN_FILES: FileFilter = FileFilter {
    name: "vtvl (.ron)",
    extensions: &["ron"],
};
/// Workbooks an import reads: Excel's and LibreOffice's.
pub const WORKBOOK_FILES: FileFilter = FileFilter {
    name: "Excel, LibreOffice (.xlsx, .xlsm, .ods)",
    extensions: &["xlsx", "xlsm", "ods"],
};
/// Workbooks the app writes.
pub const XLSX_FILES: FileFilter = FileFilter {
    name: "Excel (.xlsx)",
    extensions: &["xlsx"],
};
pub const CSV_FILES: FileFilter = FileFilter {
    name: "CSV (.csv)",
    extensions: &["csv"],
};
pub const PNG_FILES: FileFilter = FileFilter {
    name: "PNG (.png)",
    extensions: &["png"],
};

/// The file dialogs the app needs. `title` is shown by the dialog; `folder` is where it opens;
/// `filter` the kind of file it lists.
pub trait FileDialogs {
    /// A file to open or import.
    fn pick_file(&mut self, title: &str, folder: Option<&Path>, filter: FileFilter) -> Picked;
    /// Where to write a file, suggesting `file_name`. The app asks itself before replacing an
    /// existing file, whatever the dialog did.
    fn pick_save(
        &mut self,
        title: &str,
        folder: Option<&Path>,
        file_name: &str,
        filter: FileFilter,
    ) -> Picked;
    /// A folder (an interchange folder of CSV files).
    fn pick_folder(&mut self, title: &str, folder: Option<&Path>) -> Picked;
    /// A plan file (`.ron`) to open.
    fn pick_plan(&mut self, title: &str, folder: Option<&Path>) -> Picked {
        self.pick_file(title, folder, PLAN_FILES)
    }
    /// Where to save the plan, suggesting `file_name`.
    fn pick_save_path(&mut self, title: &str, folder: Option<&Path>, file_name: &str) -> Picked {
        self.pick_save(title, folder, file_name, PLAN_FILES)
    }
    /// A workbook (`.xlsx`, `.xlsm`, `.ods`) to import.
    fn pick_workbook(&mut self, title: &str, folder: Option<&Path>) -> Picked {
        self.pick_file(title, folder, WORKBOOK_FILES)
    }
    /// Where to write a CSV file, suggesting `file_name`.
    fn pick_save_csv(&mut self, title: &str, folder: Option<&Path>, file_name: &str) -> Picked {
        self.pick_save(title, folder, file_name, CSV_FILES)
    }
    /// Where to write a workbook, suggesting `file_name`.
    fn pick_save_workbook(
        &mut self,
        title: &str,
        folder: Option<&Path>,
        file_name: &str,
    ) -> Picked {
        self.pick_save(title, folder, file_name, XLSX_FILES)
    }
}

/// The desktop's own dialogs through `rfd` (the XDG portal, else zenity).
#[derive(Debug, Default, Clone, Copy)]
pub struct NativeDialogs;

/// rfd answers "nothing chosen" both when the user cancels and when no dialog service exists.
/// No person cancels this fast, so a quicker answer means there was no dialog to show.
const NO_DIALOG_WITHIN: Duration = Duration::from_millis(150);

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
    fn pick_file(&mut self, title: &str, folder: Option<&Path>, filter: FileFilter) -> Picked {
        Self::run(|| {
            Self::dialog(title, folder)
                .add_filter(filter.name, filter.extensions)
                .pick_file()
        })
    }

    fn pick_save(
        &mut self,
        title: &str,
        folder: Option<&Path>,
        file_name: &str,
        filter: FileFilter,
    ) -> Picked {
        Self::run(|| {
            Self::dialog(title, folder)
                .add_filter(filter.name, filter.extensions)
                .set_file_name(file_name)
                .save_file()
        })
    }

    fn pick_folder(&mut self, title: &str, folder: Option<&Path>) -> Picked {
        Self::run(|| Self::dialog(title, folder).pick_folder())
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
