//! Commands raised by menus and keyboard shortcuts, handled apart from the widgets.

use std::path::PathBuf;

use eframe::egui::{self, Key, KeyboardShortcut, Modifiers};

use super::files::{self, NewPlan, Pending};
use super::state::{AppState, Notice};
use crate::language::{Language, Localized as _};

#[derive(Debug, Clone, PartialEq)]
pub enum Command {
    New(NewPlan),
    Open,
    /// Opens a given plan file (a recent file).
    OpenPath(PathBuf),
    Save,
    SaveAs,
    /// Imports an interchange folder chosen in a dialog.
    Import,
    /// Imports a workbook (a filled template) chosen in a dialog.
    ImportWorkbook,
    ImportPath(PathBuf),
    /// Writes the approval dossier (an Excel workbook) to a file chosen in a dialog.
    ExportDossier,
    /// Results > Export CSV.
    ExportResultsCsv,
    ClearRecent,
    Quit,
    Undo,
    Redo,
    SetLanguage(Language),
    ToggleExplain,
}

const UNDO: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::Z);
const REDO: KeyboardShortcut =
    KeyboardShortcut::new(Modifiers::COMMAND.plus(Modifiers::SHIFT), Key::Z);
const REDO_Y: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::Y);
const SAVE: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::S);
const SAVE_AS: KeyboardShortcut =
    KeyboardShortcut::new(Modifiers::COMMAND.plus(Modifiers::SHIFT), Key::S);
const NEW: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::N);
const OPEN: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::O);
const QUIT: KeyboardShortcut = KeyboardShortcut::new(Modifiers::COMMAND, Key::Q);

/// Turns this frame's shortcuts into commands.
pub fn handle_shortcuts(state: &mut AppState, ctx: &egui::Context) {
    let mut commands = Vec::new();
    ctx.input_mut(|input| {
        // Ctrl+Shift+Z first: Ctrl+Z would match it too.
        if input.consume_shortcut(&REDO) || input.consume_shortcut(&REDO_Y) {
            commands.push(Command::Redo);
        } else if input.consume_shortcut(&UNDO) {
            commands.push(Command::Undo);
        }
        // Ctrl+Shift+S first, as for redo.
        if input.consume_shortcut(&SAVE_AS) {
            commands.push(Command::SaveAs);
        } else if input.consume_shortcut(&SAVE) {
            commands.push(Command::Save);
        }
        if input.consume_shortcut(&NEW) {
            commands.push(Command::New(NewPlan::Blank));
        }
        if input.consume_shortcut(&OPEN) {
            commands.push(Command::Open);
        }
        if input.consume_shortcut(&QUIT) {
            commands.push(Command::Quit);
        }
    });
    for command in commands {
        handle(state, command);
    }
}

pub fn handle(state: &mut AppState, command: Command) {
    match command {
        Command::Undo => {
            if !state.document.undo() {
                state.notice = Some(Notice::Info(
                    state
                        .t("Không còn gì để hoàn tác", "Nothing to undo")
                        .to_owned(),
                ));
            }
        }
        Command::Redo => {
            if !state.document.redo() {
                state.notice = Some(Notice::Info(
                    state
                        .t("Không còn gì để làm lại", "Nothing to redo")
                        .to_owned(),
                ));
            }
        }
        Command::New(kind) => files::request(state, Pending::New(kind)),
        Command::Open => files::request(state, Pending::Open),
        Command::OpenPath(path) => files::request(state, Pending::OpenPath(path)),
        Command::Save => files::save(state),
        Command::SaveAs => files::save_as(state),
        Command::Import => files::request(state, Pending::Import),
        Command::ImportWorkbook => files::request(state, Pending::ImportWorkbook),
        Command::ImportPath(path) => files::request(state, Pending::ImportPath(path)),
        Command::ExportDossier => export_dossier(state),
        Command::ExportResultsCsv => export_results_csv(state),
        Command::ClearRecent => state.preferences.recent_files.clear(),
        Command::Quit => files::request(state, Pending::Quit),
        Command::SetLanguage(language) => state.preferences.language = language,
        Command::ToggleExplain => state.show_explain = !state.show_explain,
    }
}

/// Asks where to write an export next to the plan (`<plan>-<suffix>.<extension>`), with the
/// extension enforced. With no dialog available, the file goes next to the plan file (or into
/// the current folder). `None` when the user cancels.
fn pick_output(
    state: &mut AppState,
    title: &str,
    suffix: &str,
    extension: &str,
) -> Option<std::path::PathBuf> {
    let plan_path = state.document.path().map(std::path::Path::to_path_buf);
    let stem = plan_path
        .as_deref()
        .and_then(std::path::Path::file_stem)
        .map_or_else(|| "de-an".to_owned(), |s| s.to_string_lossy().into_owned());
    let file_name = format!("{stem}-{suffix}.{extension}");
    let folder = plan_path
        .as_deref()
        .and_then(std::path::Path::parent)
        .filter(|p| p.is_dir())
        .map(std::path::Path::to_path_buf);
    let dialogs = &mut state.files.dialogs;
    let picked = if extension == "xlsx" {
        dialogs.pick_save_workbook(title, folder.as_deref(), &file_name)
    } else {
        dialogs.pick_save_csv(title, folder.as_deref(), &file_name)
    };
    let mut path = match picked {
        files::Picked::Path(path) => path,
        files::Picked::Cancelled => return None,
        files::Picked::Unavailable => folder
            .or_else(|| std::env::current_dir().ok())
            .unwrap_or_default()
            .join(&file_name),
    };
    if !path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case(extension))
    {
        path.set_extension(extension);
    }
    Some(path)
}

/// Results > Export CSV: the results as `vtvl compute --format csv` prints them.
fn export_results_csv(state: &mut AppState) {
    let title = state
        .t("Xuất kết quả CSV", "Export results as CSV")
        .to_owned();
    let Some(path) = pick_output(state, &title, "ket-qua", "csv") else {
        return;
    };
    let language = state.language();
    let written = crate::engine::compute(state.document.plan())
        .map_err(|e| e.message(language))
        .and_then(|results| crate::report::results_csv(&results).map_err(|e| e.message(language)))
        .and_then(|text| std::fs::write(&path, text).map_err(|e| e.to_string()));
    state.notice = Some(match written {
        Ok(()) => Notice::Info(format!(
            "{} {}",
            state.t("Đã xuất kết quả", "Results exported to"),
            path.display()
        )),
        Err(error) => Notice::Error(format!(
            "{} {}: {error}",
            state.t("Không xuất được kết quả", "Cannot export the results"),
            path.display()
        )),
    });
}

/// File > Export: asks where, then writes the dossier workbook of the plan as it is now. With no
/// dialog available, the workbook goes next to the plan file (or into the current folder).
fn export_dossier(state: &mut AppState) {
    // A dossier of a plan with problems would carry wrong figures to the approver.
    let problems = state.document.problems().len();
    if problems > 0 {
        state.notice = Some(Notice::Error(format!(
            "{} {problems} {}",
            state.t("Kế hoạch còn", "The plan has"),
            state.t(
                "vấn đề; hãy sửa trước khi xuất hồ sơ",
                "problems; fix them before exporting the dossier"
            )
        )));
        return;
    }
    let title = state
        .t("Xuất hồ sơ Excel", "Export the dossier workbook")
        .to_owned();
    let Some(path) = pick_output(state, &title, "ho-so", "xlsx") else {
        return;
    };
    let plan = state.document.plan();
    let language = state.language();
    let written = crate::engine::compute(plan)
        .map_err(|e| e.message(language))
        .and_then(|results| {
            crate::dossier::write_workbook(plan, &results, &path, crate::model::CivilDate::today())
                .map_err(|e| e.message(language))
        });
    state.notice = Some(match written {
        Ok(()) => Notice::Info(format!(
            "{} {}",
            state.t("Đã xuất hồ sơ", "Dossier exported to"),
            path.display()
        )),
        Err(error) => Notice::Error(format!(
            "{} {}: {error}",
            state.t("Không xuất được hồ sơ", "Cannot export the dossier"),
            path.display()
        )),
    });
}
