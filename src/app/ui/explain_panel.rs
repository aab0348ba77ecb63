//! The Explain panel: how the selected position's figure was reached, with its actual inputs.

use eframe::egui;

use crate::app::state::AppState;

pub fn explain_panel_ui(state: &mut AppState, ui: &mut egui::Ui) {
    ui.horizontal(|ui| {
        ui.heading(state.t("Giải thích", "Explain"));
        if ui
            .small_button("×")
            .on_hover_text(state.t("Đóng", "Close"))
            .clicked()
        {
            state.show_explain = false;
        }
    });
    ui.separator();
    let Some(position_id) = state.selected_position.clone() else {
        ui.label(state.t(
            "Chọn một vị trí để xem cách tính số người cần có.",
            "Select a position to see how its headcount was computed.",
        ));
        return;
    };
    // Made once per view key, then read in place.
    let _ = state.explanation(&position_id);
    let key = (state.view_key(), position_id);
    let Some(explanation) = state.memos.explanation.get(&key) else {
        ui.label(state.t("Chưa có kết quả.", "No results yet."));
        return;
    };
    match explanation {
        Ok(explanation) => {
            egui::ScrollArea::vertical()
                .auto_shrink(false)
                .show(ui, |ui| {
                    ui.label(egui::RichText::new(explanation.formula(state.language())).strong());
                    ui.add_space(6.0);
                    for line in explanation.said(state.language()).to_string().lines() {
                        ui.label(line);
                    }
                });
        }
        Err(error) => {
            ui.colored_label(ui.visuals().error_fg_color, error);
        }
    }
}
