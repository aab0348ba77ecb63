//! The status line: file name, unsaved marker, totals, validation state, and the last notice.

use crate::language::Localized as _;
use eframe::egui;

use super::figures::{difference_colour, totals_ui};
use crate::app::state::{AppState, Notice};

pub fn status_bar_ui(state: &mut AppState, ui: &mut egui::Ui) {
    ui.horizontal(|ui| {
        let name = state.document.display_name(state.language());
        let marker = if state.document.is_dirty() {
            state.t(" • chưa lưu", " • unsaved")
        } else {
            ""
        };
        ui.label(format!("{name}{marker}"));
        ui.separator();
        if let Some(results) = state.document.results() {
            totals_ui(ui, state, &results.total);
        }
        if state.document.is_updating() {
            ui.separator();
            ui.spinner();
            ui.label(state.t("đang cập nhật kết quả…", "updating results…"));
        }
        ui.separator();
        let problems = state.document.problems().len();
        if problems == 0 {
            ui.colored_label(difference_colour(ui, 0.0), state.t("Hợp lệ", "Valid"));
        } else {
            ui.colored_label(
                ui.visuals().error_fg_color,
                format!("{problems} {}", state.t("lỗi dữ liệu", "problems")),
            )
            .on_hover_text(
                state
                    .document
                    .problems()
                    .iter()
                    .take(20)
                    .map(|problem| problem.message(state.language()))
                    .collect::<Vec<_>>()
                    .join("\n"),
            );
        }
        if let Some(notice) = &state.notice {
            ui.separator();
            match notice {
                Notice::Info(text) => ui.label(text),
                Notice::Error(text) => ui.colored_label(ui.visuals().error_fg_color, text),
            };
        }
    });
}
