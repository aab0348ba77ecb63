//! The menu bar: File, Edit, View, Help.

use eframe::egui;

use crate::app::commands::{self, Command};
use crate::app::i18n::Language;
use crate::app::state::AppState;

pub fn menu_bar_ui(state: &mut AppState, ui: &mut egui::Ui) {
    let mut raised = Vec::new();
    egui::MenuBar::new().ui(ui, |ui| {
        ui.menu_button(state.t("Tệp", "File"), |ui| {
            if ui
                .button(state.t("Lưu (Ctrl+S)", "Save (Ctrl+S)"))
                .clicked()
            {
                raised.push(Command::Save);
            }
        });
        ui.menu_button(state.t("Sửa", "Edit"), |ui| {
            if ui
                .add_enabled(
                    state.document.can_undo(),
                    egui::Button::new(state.t("Hoàn tác (Ctrl+Z)", "Undo (Ctrl+Z)")),
                )
                .clicked()
            {
                raised.push(Command::Undo);
            }
            if ui
                .add_enabled(
                    state.document.can_redo(),
                    egui::Button::new(state.t("Làm lại (Ctrl+Y)", "Redo (Ctrl+Y)")),
                )
                .clicked()
            {
                raised.push(Command::Redo);
            }
        });
        ui.menu_button(state.t("Xem", "View"), |ui| {
            for language in [Language::Vietnamese, Language::English] {
                if ui
                    .selectable_label(state.language() == language, language.name())
                    .clicked()
                {
                    raised.push(Command::SetLanguage(language));
                }
            }
            ui.separator();
            if ui
                .selectable_label(
                    state.show_explain,
                    state.t("Bảng giải thích", "Explain panel"),
                )
                .clicked()
            {
                raised.push(Command::ToggleExplain);
            }
        });
        ui.menu_button(state.t("Trợ giúp", "Help"), |ui| {
            ui.label(state.t(
                "vtvl: lập và thẩm định đề án vị trí việc làm.",
                "vtvl: plan and appraise job-position plans.",
            ));
            ui.label(format!(
                "{} {}",
                state.t("Phiên bản", "Version"),
                env!("CARGO_PKG_VERSION")
            ));
        });
    });
    for command in raised {
        commands::handle(state, command);
    }
}
