//! Modal questions: the app asks before it does something that cannot be seen at once.

use eframe::egui;

use crate::app::state::{AppState, Dialog, Notice};
use crate::editing::Edit;

pub fn dialogs_ui(state: &mut AppState, ui: &mut egui::Ui) {
    let Some(dialog) = state.dialog.clone() else {
        return;
    };
    match dialog {
        Dialog::ConfirmDeleteUnit { id, summary } => {
            let mut answer = None;
            egui::Modal::new(egui::Id::unique("confirm_delete_unit")).show(ui.ctx(), |ui| {
                ui.heading(state.t("Xóa đơn vị?", "Delete unit?"));
                ui.label(&summary);
                ui.horizontal(|ui| {
                    if ui.button(state.t("Xóa", "Delete")).clicked() {
                        answer = Some(true);
                    }
                    if ui.button(state.t("Hủy", "Cancel")).clicked() {
                        answer = Some(false);
                    }
                });
            });
            match answer {
                Some(true) => {
                    state.dialog = None;
                    match state.apply(Edit::DeleteUnit { id: id.clone() }) {
                        Ok(_) => {
                            if state.selected_unit.as_deref() == Some(id.as_str()) {
                                state.selected_unit = None;
                            }
                        }
                        Err(reason) => state.notice = Some(Notice::Error(reason)),
                    }
                }
                Some(false) => state.dialog = None,
                None => {}
            }
        }
        Dialog::File(dialog) => crate::app::files::ui::file_dialog_ui(state, ui, dialog),
    }
}
