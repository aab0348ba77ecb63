//! Files: new plans, opening, saving, importing an interchange folder or workbook, recent
//! files, dropped files, the unsaved-changes question and recovery copies.
//!
//! Every action that would replace or close the document goes through [`request`], which asks
//! first when there are unsaved changes. File and folder choices go through [`FileDialogs`]
//! (native dialogs, or a script in tests); with no native dialog the user types a path.
//! Errors never panic: they are shown with the file they are about, and the document stays.

pub mod export;
mod picker;
pub mod recent;
pub mod recovery;
mod typed_path;
pub(crate) mod ui;

use crate::language::Localized as _;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;
use std::time::Instant;

use eframe::egui;

pub use export::Export;
pub use picker::{
    CSV_FILES, FileDialogs, FileFilter, NativeDialogs, PLAN_FILES, PNG_FILES, Picked,
    WORKBOOK_FILES, XLSX_FILES,
};
pub use recovery::{OpenElsewhere, Recovery, RecoveryCopy};
pub use typed_path::{Entry, PathPurpose, TypedPath};

use super::document::Document;
use super::state::{AppState, Dialog, Notice};
use crate::interchange;
use crate::language::Language;
use crate::model::{Plan, PlanMeta, Unit};
use crate::plan_file::{self, BUNDLED};

/// How many problems the problems dialog lists before it says how many more there are.
const MAX_PROBLEMS: usize = 200;

/// What a new plan starts from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NewPlan {
    /// One root unit to start from.
    Blank,
    /// One of the sample organisations shipped in the binary (index into [`BUNDLED`]).
    Sample(usize),
}

/// An action that replaces or closes the document, held while the user is asked about
/// unsaved changes (or types a path).
#[derive(Debug, Clone, PartialEq)]
pub enum Pending {
    New(NewPlan),
    Open,
    OpenPath(PathBuf),
    Import,
    /// Import from a workbook (a filled template) chosen in a dialog.
    ImportWorkbook,
    ImportPath(PathBuf),
    Quit,
}

/// The questions and reports of this module, drawn by [`ui`].
#[derive(Debug, Clone, PartialEq)]
pub enum FileDialog {
    /// The document has unsaved changes and `then` would replace or close it.
    UnsavedChanges { then: Pending },
    /// No native dialog could be shown: the user types the path.
    TypePath(TypedPath),
    /// A file or folder could not be read or written: a title naming it, and what was wrong.
    Problems { title: String, lines: Vec<String> },
    /// A recovery copy left by a session that did not end cleanly.
    Recover(RecoveryCopy),
    /// The plan at `path` is open in another window (process `process`): open it here too?
    /// `opened` when this window already has it (it was opened at start).
    OpenElsewhere {
        path: PathBuf,
        process: u32,
        opened: bool,
    },
    /// The file an export was to write exists: replace it?
    ConfirmOverwrite { export: Export, path: PathBuf },
}

/// The answer to "save the changes?".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Answer {
    Save,
    Discard,
    Cancel,
}

/// The file side of the app state: dialogs, the recovery copy, and the way out.
pub struct Files {
    pub dialogs: Box<dyn FileDialogs>,
    /// `None` turns recovery copies off (the default; the real app turns them on).
    pub recovery: Option<Recovery>,
    /// The user agreed to close: the next close request goes through.
    close_allowed: bool,
    /// Quit was chosen: the window is asked to close on the next frame.
    quit: bool,
}

impl Default for Files {
    fn default() -> Self {
        Files::new(Box::new(NativeDialogs), None)
    }
}

impl Files {
    pub fn new(dialogs: Box<dyn FileDialogs>, recovery: Option<Recovery>) -> Self {
        Files {
            dialogs,
            recovery,
            close_allowed: false,
            quit: false,
        }
    }

    /// Whether the window may close now (the user agreed, or quit).
    pub fn close_allowed(&self) -> bool {
        self.close_allowed
    }
}

/// The sample plans' names, for the New menu (read once from the binary).
pub fn sample_names() -> &'static [(usize, String)] {
    static NAMES: OnceLock<Vec<(usize, String)>> = OnceLock::new();
    NAMES.get_or_init(|| {
        BUNDLED
            .iter()
            .enumerate()
            .filter_map(|(index, bundled)| bundled.load().ok().map(|p| (index, p.meta.name)))
            .collect()
    })
}

/// A plan with one root unit to start from.
pub fn blank_plan(language: Language) -> Plan {
    Plan {
        meta: PlanMeta {
            name: language
                .t("Đề án vị trí việc làm mới", "New job-position plan")
                .to_owned(),
            ..PlanMeta::default()
        },
        units: vec![Unit::new(
            "don-vi-1",
            None,
            language.t("Đơn vị mới", "New unit"),
        )],
        ..Plan::default()
    }
}

/// Starts an action that replaces or closes the document, asking first about unsaved changes.
/// Ignored while another question is open.
pub fn request(state: &mut AppState, pending: Pending) {
    if state.dialog.is_some() {
        return;
    }
    if state.document.is_dirty() {
        state.dialog = Some(Dialog::File(FileDialog::UnsavedChanges { then: pending }));
    } else {
        proceed(state, pending);
    }
}

/// Acts on the answer to the unsaved-changes question.
pub fn answer_unsaved(state: &mut AppState, then: Pending, answer: Answer) {
    state.dialog = None;
    match answer {
        Answer::Save => save_then(state, Some(then)),
        Answer::Discard => proceed(state, then),
        Answer::Cancel => {}
    }
}

/// Does `pending` without asking.
fn proceed(state: &mut AppState, pending: Pending) {
    match pending {
        Pending::New(kind) => new_plan(state, kind),
        Pending::Open => {
            let title = state.t("Mở kế hoạch", "Open plan").to_owned();
            let folder = start_folder(state);
            match state.files.dialogs.pick_plan(&title, folder.as_deref()) {
                Picked::Path(path) => open_path(state, &path),
                Picked::Cancelled => {}
                Picked::Unavailable => type_path(state, PathPurpose::Open, folder, ""),
            }
        }
        Pending::OpenPath(path) => open_path(state, &path),
        Pending::Import => {
            let title = state
                .t("Chọn thư mục CSV để nhập", "Choose a CSV folder to import")
                .to_owned();
            let folder = start_folder(state);
            match state.files.dialogs.pick_folder(&title, folder.as_deref()) {
                Picked::Path(path) => import_path(state, &path),
                Picked::Cancelled => {}
                Picked::Unavailable => type_path(state, PathPurpose::Import, folder, ""),
            }
        }
        Pending::ImportWorkbook => {
            let title = state
                .t(
                    "Chọn tệp Excel để nhập",
                    "Choose an Excel workbook to import",
                )
                .to_owned();
            let folder = start_folder(state);
            match state.files.dialogs.pick_workbook(&title, folder.as_deref()) {
                Picked::Path(path) => import_path(state, &path),
                Picked::Cancelled => {}
                Picked::Unavailable => type_path(state, PathPurpose::Import, folder, ""),
            }
        }
        Pending::ImportPath(path) => import_path(state, &path),
        Pending::Quit => {
            state.files.close_allowed = true;
            state.files.quit = true;
        }
    }
}

fn type_path(state: &mut AppState, purpose: PathPurpose, folder: Option<PathBuf>, name: &str) {
    let typed = TypedPath::new(purpose, folder.as_deref(), name);
    state.dialog = Some(Dialog::File(FileDialog::TypePath(typed)));
}

/// Acts on a typed path (the built-in dialog's confirm button).
pub fn confirm_typed(state: &mut AppState, typed: TypedPath) {
    let Some(path) = typed.path() else {
        return;
    };
    state.dialog = None;
    match typed.purpose {
        PathPurpose::Open => open_path(state, &path),
        PathPurpose::Import => import_path(state, &path),
        PathPurpose::Export(kind) => export::chosen(state, kind, path),
        PathPurpose::Portfolio => super::portfolio::open(state, &path),
        PathPurpose::SaveAs { then } => {
            if save_to(state, &with_plan_extension(path))
                && let Some(then) = then
            {
                proceed(state, then);
            }
        }
    }
}

/// Where file dialogs open: the plan's folder, else the most recent file's.
fn start_folder(state: &AppState) -> Option<PathBuf> {
    state
        .document
        .path()
        .or(state.preferences.recent_files.first().map(PathBuf::as_path))
        .and_then(Path::parent)
        .filter(|p| p.is_dir())
        .map(Path::to_path_buf)
}

fn new_plan(state: &mut AppState, kind: NewPlan) {
    let plan = match kind {
        NewPlan::Blank => Ok(blank_plan(state.language())),
        NewPlan::Sample(index) => match BUNDLED.get(index) {
            Some(bundled) => bundled.load().map_err(|e| e.message(state.language())),
            None => Err(format!("no sample plan {index}")),
        },
    };
    match plan {
        Ok(plan) => {
            let name = plan.meta.name.clone();
            state.replace_document(Document::new(plan, None));
            state.notice = Some(Notice::Info(format!(
                "{}: {name}",
                state.t("Kế hoạch mới", "New plan")
            )));
        }
        Err(error) => show_problems(
            state,
            state.t("Không tạo được kế hoạch mới", "Cannot create the new plan"),
            vec![error],
        ),
    }
}

/// Opens a plan file, replacing the document (the question about unsaved changes is asked
/// before). A missing file is dropped from the recent files; a plan open in another window is
/// opened only if the user says so.
pub fn open_path(state: &mut AppState, path: &Path) {
    if let Some(elsewhere) = state
        .files
        .recovery
        .as_ref()
        .and_then(|r| r.open_elsewhere(path))
    {
        state.dialog = Some(Dialog::File(FileDialog::OpenElsewhere {
            path: path.to_path_buf(),
            process: elsewhere.process,
            opened: false,
        }));
        return;
    }
    open_path_here(state, path);
}

/// At start: asks whether to keep the plan opened from the command line when another window
/// has it open.
pub fn check_open_elsewhere(state: &mut AppState) {
    let Some(path) = state.document.path().map(Path::to_path_buf) else {
        return;
    };
    if state.dialog.is_some() {
        return;
    }
    if let Some(elsewhere) = state
        .files
        .recovery
        .as_ref()
        .and_then(|r| r.open_elsewhere(&path))
    {
        state.dialog = Some(Dialog::File(FileDialog::OpenElsewhere {
            path,
            process: elsewhere.process,
            opened: true,
        }));
    }
}

/// Acts on the answer to "the plan is open in another window": `open` opens (or keeps) it
/// here; otherwise a plan opened at start gives way to the default plan. Then any recovery
/// copy waiting is offered.
pub fn answer_open_elsewhere(state: &mut AppState, path: &Path, opened: bool, open: bool) {
    state.dialog = None;
    match (open, opened) {
        (true, false) => open_path_here(state, path),
        (false, true) => match plan_file::default_plan() {
            Ok(plan) => state.replace_document(Document::new(plan, None)),
            Err(error) => {
                let title = state
                    .t(
                        "Không mở được đề án mặc định",
                        "Cannot open the default plan",
                    )
                    .to_owned();
                show_problems(state, &title, vec![error.message(state.language())]);
            }
        },
        _ => {}
    }
    offer_recovery(state);
}

fn open_path_here(state: &mut AppState, path: &Path) {
    if !path.exists() {
        let in_recent = recent::forget(&mut state.preferences.recent_files, path);
        let mut text = format!(
            "{} {}",
            state.t("Không tìm thấy tệp", "File not found:"),
            path.display()
        );
        if in_recent {
            text.push_str(state.t(
                "; đã bỏ khỏi danh sách mở gần đây",
                "; removed from the recent files",
            ));
        }
        state.notice = Some(Notice::Error(text));
        return;
    }
    match Document::open(path) {
        Ok(document) => {
            recent::remember(&mut state.preferences.recent_files, path);
            state.replace_document(document);
            state.notice = Some(Notice::Info(format!(
                "{} {}",
                state.t("Đã mở", "Opened"),
                path.display()
            )));
        }
        Err(error) => {
            let title = format!(
                "{} {}",
                state.t("Không mở được tệp", "Cannot open"),
                file_name(path)
            );
            show_problems(state, &title, vec![error.message(state.language())]);
        }
    }
}

/// Imports an interchange folder or workbook. When it cannot be read or does not validate,
/// the problems are shown and the document stays as it was.
pub fn import_path(state: &mut AppState, dir: &Path) {
    let title = if dir.is_dir() {
        state.t("Không nhập được thư mục", "Cannot import the folder")
    } else {
        state.t("Không nhập được tệp", "Cannot import the file")
    };
    let title = format!("{title} {}", dir.display());
    // Problems found after reading (a unit that does not exist, a duplicate id) come with the
    // reading problems, each at its file or sheet, row and column.
    let plan = match interchange::import_valid(dir) {
        Ok(plan) => plan,
        Err(error) => {
            let language = state.language();
            let lines = match error.problems() {
                [] => vec![error.message(language)],
                problems => problems.iter().map(|p| p.message(language)).collect(),
            };
            show_problems(state, &title, lines);
            return;
        }
    };
    let summary = format!(
        "{} {}: {} {}, {} {}, {} {}",
        state.t("Đã nhập", "Imported"),
        dir.display(),
        plan.units.len(),
        state.t("đơn vị", "units"),
        plan.positions.len(),
        state.t("vị trí", "positions"),
        plan.staff.len(),
        state.t("người", "staff"),
    );
    let mut document = Document::new(plan, None);
    // The imported plan lives in no plan file yet.
    document.mark_unsaved();
    state.replace_document(document);
    state.notice = Some(Notice::Info(summary));
}

/// Ctrl+S: saves to the plan's file, or asks where when it has none.
pub fn save(state: &mut AppState) {
    save_then(state, None);
}

/// Save As: asks where, then saves there.
pub fn save_as(state: &mut AppState) {
    save_as_then(state, None);
}

fn save_then(state: &mut AppState, then: Option<Pending>) {
    match state.document.path().map(Path::to_path_buf) {
        Some(path) => {
            if save_to(state, &path)
                && let Some(then) = then
            {
                proceed(state, then);
            }
        }
        None => save_as_then(state, then),
    }
}

fn save_as_then(state: &mut AppState, then: Option<Pending>) {
    let title = state.t("Lưu kế hoạch thành", "Save plan as").to_owned();
    let folder = start_folder(state);
    let name = suggested_file_name(state.document.path(), state.document.plan());
    match state
        .files
        .dialogs
        .pick_save_path(&title, folder.as_deref(), &name)
    {
        Picked::Path(path) => {
            if save_to(state, &with_plan_extension(path))
                && let Some(then) = then
            {
                proceed(state, then);
            }
        }
        Picked::Cancelled => {}
        Picked::Unavailable => type_path(state, PathPurpose::SaveAs { then }, folder, &name),
    }
}

/// Saves through the atomic plan save; tells whether it worked.
fn save_to(state: &mut AppState, path: &Path) -> bool {
    match state.document.save_as(path) {
        Ok(()) => {
            recent::remember(&mut state.preferences.recent_files, path);
            if let Some(recovery) = &mut state.files.recovery {
                recovery.discard();
            }
            state.notice = Some(Notice::Info(format!(
                "{} {}",
                state.t("Đã lưu", "Saved"),
                path.display()
            )));
            true
        }
        Err(error) => {
            let title = format!(
                "{} {}",
                state.t("Không lưu được tệp", "Cannot save"),
                file_name(path)
            );
            show_problems(state, &title, vec![error.message(state.language())]);
            false
        }
    }
}

fn show_problems(state: &mut AppState, title: &str, mut lines: Vec<String>) {
    if lines.len() > MAX_PROBLEMS {
        let more = lines.len() - MAX_PROBLEMS;
        lines.truncate(MAX_PROBLEMS);
        lines.push(format!(
            "{} {more} {}",
            state.t("... và", "... and"),
            state.t("lỗi khác", "more")
        ));
    }
    state.notice = Some(Notice::Error(title.to_owned()));
    state.dialog = Some(Dialog::File(FileDialog::Problems {
        title: title.to_owned(),
        lines,
    }));
}

/// `plan` becomes `plan.ron`; a path that already ends in `.ron` stays.
fn with_plan_extension(path: PathBuf) -> PathBuf {
    if path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("ron"))
    {
        path
    } else {
        let mut name = path.into_os_string();
        name.push(".ron");
        PathBuf::from(name)
    }
}

/// The plan's file name, else its name without diacritics (`so-tai-chinh.ron`).
fn suggested_file_name(path: Option<&Path>, plan: &Plan) -> String {
    if let Some(name) = path.and_then(Path::file_name) {
        return name.to_string_lossy().into_owned();
    }
    use unicode_normalization::UnicodeNormalization as _;
    let mut slug = String::new();
    for c in plan.meta.name.nfd() {
        let c = match c {
            'đ' | 'Đ' => 'd',
            c if unicode_normalization::char::is_combining_mark(c) => continue,
            c => c.to_ascii_lowercase(),
        };
        if c.is_ascii_alphanumeric() {
            slug.push(c);
        } else if !slug.is_empty() && !slug.ends_with('-') {
            slug.push('-');
        }
    }
    let slug = slug.trim_end_matches('-');
    if slug.is_empty() {
        "ke-hoach.ron".to_owned()
    } else {
        format!("{slug}.ron")
    }
}

fn file_name(path: &Path) -> String {
    path.file_name()
        .unwrap_or(path.as_os_str())
        .to_string_lossy()
        .into_owned()
}

/// What a dropped path is: a folder or workbook is imported, a `.ron` file opened.
fn dropped(state: &mut AppState, path: &Path) {
    if path.is_dir() || interchange::is_workbook(path) {
        request(state, Pending::ImportPath(path.to_path_buf()));
    } else if path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("ron"))
    {
        request(state, Pending::OpenPath(path.to_path_buf()));
    } else {
        state.notice = Some(Notice::Error(format!(
            "{} {}",
            state.t(
                "Chỉ mở được tệp .ron, tệp Excel hoặc thư mục CSV, không mở được",
                "Only .ron files, Excel workbooks or CSV folders can be opened, not"
            ),
            file_name(path)
        )));
    }
}

/// Once per frame, after drawing: dropped files, the window's close button, Quit, and the
/// recovery copy. What it changes is drawn in the next frame, which it asks for.
pub fn frame(state: &mut AppState, ctx: &egui::Context) {
    let dropped_paths: Vec<PathBuf> = ctx.input(|i| {
        i.raw
            .dropped_files
            .iter()
            .map(|f| f.path().to_path_buf())
            .filter(|p| !p.as_os_str().is_empty())
            .collect()
    });
    if let Some(path) = dropped_paths.first() {
        if state.dialog.is_some() {
            state.notice = Some(Notice::Error(
                state
                    .t(
                        "Hãy trả lời câu hỏi đang mở trước khi thả tệp",
                        "Answer the open question before dropping a file",
                    )
                    .to_owned(),
            ));
        } else {
            dropped(state, path);
        }
        ctx.request_repaint();
    }

    if ctx.input(|i| i.viewport().close_requested())
        && !state.files.close_allowed
        && state.document.is_dirty()
    {
        ctx.send_viewport_cmd(egui::ViewportCommand::CancelClose);
        let asking = matches!(
            state.dialog,
            Some(Dialog::File(FileDialog::UnsavedChanges { .. }))
        );
        if !asking {
            state.dialog = Some(Dialog::File(FileDialog::UnsavedChanges {
                then: Pending::Quit,
            }));
            ctx.request_repaint();
        }
    }
    if std::mem::take(&mut state.files.quit) {
        ctx.send_viewport_cmd(egui::ViewportCommand::Close);
    }

    if let Some(recovery) = &mut state.files.recovery {
        match recovery.tick(&state.document, Instant::now()) {
            Ok(Some(due)) => ctx.request_repaint_after(due),
            Ok(None) => {}
            Err(error) => {
                state.notice = Some(Notice::Error(format!(
                    "{}: {error}",
                    state.t(
                        "Không ghi được bản lưu tự động",
                        "Cannot write the recovery copy"
                    )
                )))
            }
        }
    }
}

/// When the app ends: a copy of unsaved changes the user did not give up stays for the next
/// start; otherwise the copy goes.
pub fn on_exit(state: &mut AppState) {
    let keep = state.document.is_dirty() && !state.files.close_allowed;
    let Some(recovery) = &mut state.files.recovery else {
        return;
    };
    if keep {
        // Nothing to do on failure: the app is ending, and the last copy is still there.
        let _ = recovery.write(&state.document);
    } else {
        recovery.end();
    }
}

/// Offers the newest recovery copy left by another session, if any.
pub fn offer_recovery(state: &mut AppState) {
    if state.dialog.is_some() {
        return;
    }
    let Some(copy) = state
        .files
        .recovery
        .as_ref()
        .and_then(|r| r.find().into_iter().next())
    else {
        return;
    };
    state.dialog = Some(Dialog::File(FileDialog::Recover(copy)));
}

/// Restores a recovery copy as a document with unsaved changes, under its original file name.
/// The copy is replaced by this session's own before it is removed, so nothing is lost.
pub fn restore(state: &mut AppState, copy: RecoveryCopy) {
    state.dialog = None;
    let plan = match plan_file::load(&copy.file) {
        Ok(plan) => plan,
        Err(error) => {
            let title = state
                .t(
                    "Không đọc được bản lưu tự động",
                    "Cannot read the recovery copy",
                )
                .to_owned();
            show_problems(state, &title, vec![error.message(state.language())]);
            return;
        }
    };
    let mut document = Document::new(plan, copy.original.clone());
    document.mark_unsaved();
    state.replace_document(document);
    let kept = match &mut state.files.recovery {
        Some(recovery) => recovery.write(&state.document).is_ok(),
        None => false,
    };
    if kept {
        recovery::remove_copy(&copy);
    }
    state.notice = Some(Notice::Info(
        state
            .t(
                "Đã khôi phục các thay đổi chưa lưu",
                "Unsaved changes restored",
            )
            .to_owned(),
    ));
}

/// Declines a recovery copy: it is removed, and the next one, if any, is offered.
pub fn skip_recovery(state: &mut AppState, copy: RecoveryCopy) {
    state.dialog = None;
    recovery::remove_copy(&copy);
    offer_recovery(state);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plan_extension_is_added_once() {
        assert_eq!(
            with_plan_extension(PathBuf::from("/a/b")),
            PathBuf::from("/a/b.ron")
        );
        assert_eq!(
            with_plan_extension(PathBuf::from("/a/b.RON")),
            PathBuf::from("/a/b.RON")
        );
        assert_eq!(
            with_plan_extension(PathBuf::from("/a/b.v2")),
            PathBuf::from("/a/b.v2.ron")
        );
    }

    #[test]
    fn suggested_names_drop_diacritics() {
        let mut plan = Plan::default();
        plan.meta.name = "Đề án Sở Tài chính 2025".to_owned();
        assert_eq!(
            suggested_file_name(None, &plan),
            "de-an-so-tai-chinh-2025.ron"
        );
        plan.meta.name = "  ".to_owned();
        assert_eq!(suggested_file_name(None, &plan), "ke-hoach.ron");
        assert_eq!(
            suggested_file_name(Some(Path::new("/x/y.ron")), &plan),
            "y.ron"
        );
    }

    #[test]
    fn the_blank_plan_is_valid() {
        assert!(crate::validation::validate(&blank_plan(Language::Vietnamese)).is_empty());
    }
}
