//! The built-in stand-in for a file dialog: a path typed by the user, with the entries of the
//! folder it points into listed to pick from.

use std::fs;
use std::path::{Path, PathBuf};

use super::picker::{PLAN_FILES, WORKBOOK_FILES};
use super::{Export, FileFilter, Pending};

/// How many entries of a folder are listed.
const MAX_LISTED: usize = 200;

/// What the typed path is for.
#[derive(Debug, Clone, PartialEq)]
pub enum PathPurpose {
    Open,
    /// A workbook or a folder of CSV files to import.
    Import,
    /// Save the plan there, then go on with `then`, if anything.
    SaveAs {
        then: Option<Pending>,
    },
    /// Write an export there.
    Export(Export),
    /// A folder of plan files to open as a portfolio.
    Portfolio,
}

impl PathPurpose {
    /// The files listed besides folders.
    fn files(&self) -> FileFilter {
        match self {
            PathPurpose::Open | PathPurpose::SaveAs { .. } => PLAN_FILES,
            PathPurpose::Import => WORKBOOK_FILES,
            PathPurpose::Export(export) => export.filter(),
            // The plans show which folder is which.
            PathPurpose::Portfolio => PLAN_FILES,
        }
    }
}

/// One entry of the listed folder.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    pub name: String,
    pub path: PathBuf,
    pub is_folder: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct TypedPath {
    pub purpose: PathPurpose,
    pub text: String,
    /// The folder listed and what it holds, refreshed when the text points elsewhere.
    pub folder: PathBuf,
    pub entries: Vec<Entry>,
}

impl TypedPath {
    /// Starts in `folder` (the current folder when `None`), with `file_name` filled in.
    pub fn new(purpose: PathPurpose, folder: Option<&Path>, file_name: &str) -> Self {
        let folder = folder
            .map(Path::to_path_buf)
            .or_else(|| std::env::current_dir().ok())
            .unwrap_or_default();
        let mut text = folder.to_string_lossy().into_owned();
        if !text.is_empty() && !text.ends_with(std::path::MAIN_SEPARATOR) {
            text.push(std::path::MAIN_SEPARATOR);
        }
        text.push_str(file_name);
        let mut typed = TypedPath {
            purpose,
            text,
            folder: PathBuf::new(),
            entries: Vec::new(),
        };
        typed.refresh();
        typed
    }

    /// The path typed, trimmed; `None` while nothing is typed.
    pub fn path(&self) -> Option<PathBuf> {
        let text = self.text.trim();
        (!text.is_empty()).then(|| PathBuf::from(text))
    }

    /// Lists the folder the text points into, when it changed.
    pub fn refresh(&mut self) {
        let typed = PathBuf::from(self.text.trim());
        let folder = if typed.is_dir() {
            typed
        } else {
            match typed.parent() {
                Some(parent) if parent.is_dir() => parent.to_path_buf(),
                _ => return,
            }
        };
        if folder == self.folder && !self.entries.is_empty() {
            return;
        }
        self.entries = list(&folder, &self.purpose);
        self.folder = folder;
    }

    /// Puts an entry's path in the text (a folder with a trailing separator, to go inside).
    pub fn choose(&mut self, entry: &Entry) {
        self.text = entry.path.to_string_lossy().into_owned();
        if entry.is_folder && !matches!(self.purpose, PathPurpose::Import | PathPurpose::Portfolio)
        {
            self.text.push(std::path::MAIN_SEPARATOR);
        }
        self.refresh();
    }
}

/// Sub-folders and the files of the purpose's kind (plans, workbooks to import, the kind an
/// export writes), folders first, sorted by name; hidden entries left out.
fn list(folder: &Path, purpose: &PathPurpose) -> Vec<Entry> {
    let Ok(read) = fs::read_dir(folder) else {
        return Vec::new();
    };
    let files = purpose.files();
    let mut entries: Vec<Entry> = read
        .filter_map(Result::ok)
        .filter_map(|entry| {
            let path = entry.path();
            let name = entry.file_name().to_string_lossy().into_owned();
            let is_folder = path.is_dir();
            let shown = !name.starts_with('.') && (is_folder || files.matches(&path));
            shown.then_some(Entry {
                name,
                path,
                is_folder,
            })
        })
        .collect();
    entries.sort_by(|a, b| b.is_folder.cmp(&a.is_folder).then(a.name.cmp(&b.name)));
    entries.truncate(MAX_LISTED);
    entries
}
