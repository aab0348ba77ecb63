//! Commands raised by menus and keyboard shortcuts, handled apart from the widgets.

use std::path::PathBuf;

use eframe::egui::{self, Key, KeyboardShortcut, Modifiers};

use super::files::{self, Export, NewPlan, Pending};
use super::state::{AppState, Notice};
use crate::language::Language;

#[derive(Debug, Clone, PartialEq)]
pub enum Command {
    New(NewPlan),
    Open,
    /// Opens a given plan file (a recent file).
    OpenPath(PathBuf),
    /// Opens a folder of plan files as a portfolio, chosen in a dialog.
    OpenPortfolio,
    Save,
    SaveAs,
    /// Imports an interchange folder chosen in a dialog.
    Import,
    /// Imports a workbook (a filled template) chosen in a dialog.
    ImportWorkbook,
    ImportPath(PathBuf),
    /// Writes an export (the dossier, the results, the plan in the template, the empty
    /// template, a chart) where the user says.
    Export(Export),
    ClearRecent,
    Quit,
    Undo,
    Redo,
    SetLanguage(Language),
    ToggleExplain,
    /// Shows or hides the Checks panel (Kiểm tra), also reached here when the tab row is cut.
    ToggleChecks,
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
    // Text being typed is the field's to undo first; its events are left to it.
    let typing = super::ui::typing_in_focused_field(state, ctx);
    ctx.input_mut(|input| {
        // Ctrl+Shift+Z first: Ctrl+Z would match it too.
        if !typing && (input.consume_shortcut(&REDO) || input.consume_shortcut(&REDO_Y)) {
            commands.push(Command::Redo);
        } else if !typing && input.consume_shortcut(&UNDO) {
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
        Command::OpenPortfolio => super::portfolio::choose(state),
        Command::Save => files::save(state),
        Command::SaveAs => files::save_as(state),
        Command::Import => files::request(state, Pending::Import),
        Command::ImportWorkbook => files::request(state, Pending::ImportWorkbook),
        Command::ImportPath(path) => files::request(state, Pending::ImportPath(path)),
        Command::Export(kind) => files::export::export(state, kind),
        Command::ClearRecent => state.preferences.recent_files.clear(),
        Command::Quit => files::request(state, Pending::Quit),
        Command::SetLanguage(language) => state.preferences.language = language,
        Command::ToggleExplain => state.show_explain = !state.show_explain,
        Command::ToggleChecks => state.checks.open = !state.checks.open,
    }
}
