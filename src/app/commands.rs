//! Commands raised by menus and keyboard shortcuts, handled apart from the widgets.

use eframe::egui::{self, Key, KeyboardShortcut, Modifiers};

use super::i18n::Language;
use super::state::{AppState, Notice};

#[derive(Debug, Clone, PartialEq)]
pub enum Command {
    Save,
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
        if input.consume_shortcut(&SAVE) {
            commands.push(Command::Save);
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
        Command::Save => save(state),
        Command::SetLanguage(language) => state.preferences.language = language,
        Command::ToggleExplain => state.show_explain = !state.show_explain,
    }
}

fn save(state: &mut AppState) {
    let Some(path) = state.document.path().map(ToOwned::to_owned) else {
        state.notice = Some(Notice::Error(
            state
                .t(
                    "Tệp chưa có tên: hãy dùng Lưu thành...",
                    "The plan has no file yet: use Save As...",
                )
                .to_owned(),
        ));
        return;
    };
    state.notice = Some(match state.document.save_as(&path) {
        Ok(()) => Notice::Info(format!("{} {}", state.t("Đã lưu", "Saved"), path.display())),
        Err(error) => Notice::Error(error.to_string()),
    });
}
