//! Drawing of the file questions: unsaved changes, a typed path, problems found in a file or
//! folder, and the offer to restore a recovery copy. What the answers do lives in the parent
//! module.

use eframe::egui;

use super::{Answer, FileDialog, PathPurpose, TypedPath};
use crate::app::state::{AppState, Dialog};

pub(crate) fn file_dialog_ui(state: &mut AppState, ui: &mut egui::Ui, dialog: FileDialog) {
    match dialog {
        FileDialog::UnsavedChanges { then } => {
            if let Some(answer) = unsaved_ui(state, ui) {
                super::answer_unsaved(state, then, answer);
            }
        }
        FileDialog::TypePath(typed) => typed_path_ui(state, ui, typed),
        FileDialog::Problems { title, lines } => {
            let mut close = false;
            egui::Modal::new(egui::Id::unique("file_problems")).show(ui.ctx(), |ui| {
                ui.set_max_width(720.0);
                ui.heading(&title);
                egui::ScrollArea::vertical()
                    .max_height(360.0)
                    .show(ui, |ui| {
                        for line in &lines {
                            ui.label(line);
                        }
                    });
                ui.separator();
                close = ui.button(state.t("Đóng", "Close")).clicked();
            });
            if close {
                state.dialog = None;
            }
        }
        FileDialog::ConfirmOverwrite { export, path } => {
            let mut answer = None;
            egui::Modal::new(egui::Id::unique("file_overwrite")).show(ui.ctx(), |ui| {
                ui.set_max_width(640.0);
                ui.heading(state.t("Ghi đè tệp đã có?", "Replace the existing file?"));
                ui.label(format!(
                    "{} {}",
                    state.t("Tệp này đã có:", "This file exists:"),
                    path.display()
                ));
                ui.label(state.t(
                    "Ghi đè sẽ thay nội dung cũ của tệp.",
                    "Replacing it overwrites what it holds.",
                ));
                ui.horizontal(|ui| {
                    if ui.button(state.t("Ghi đè", "Replace")).clicked() {
                        answer = Some(true);
                    }
                    if ui.button(state.t("Hủy", "Cancel")).clicked() {
                        answer = Some(false);
                    }
                });
            });
            if let Some(replace) = answer {
                super::export::answer_overwrite(state, export, &path, replace);
            }
        }
        FileDialog::Recover(copy) => {
            let mut answer = None;
            egui::Modal::new(egui::Id::unique("file_recover")).show(ui.ctx(), |ui| {
                ui.heading(state.t("Khôi phục thay đổi chưa lưu?", "Restore unsaved changes?"));
                ui.label(state.t(
                    "Lần trước vtvl không đóng đúng cách. Có một bản lưu tự động:",
                    "vtvl did not close properly last time. A recovery copy was found:",
                ));
                if let Some(name) = &copy.plan_name {
                    ui.label(name);
                }
                let origin = match &copy.original {
                    Some(path) => path.display().to_string(),
                    None => state.t("(chưa lưu lần nào)", "(never saved)").to_owned(),
                };
                ui.label(format!("{} {origin}", state.t("Tệp:", "File:")));
                ui.horizontal(|ui| {
                    if ui.button(state.t("Khôi phục", "Restore")).clicked() {
                        answer = Some(true);
                    }
                    if ui.button(state.t("Bỏ qua", "Discard")).clicked() {
                        answer = Some(false);
                    }
                });
            });
            match answer {
                Some(true) => super::restore(state, copy),
                Some(false) => super::skip_recovery(state, copy),
                None => {}
            }
        }
        FileDialog::OpenElsewhere {
            path,
            process,
            opened,
        } => {
            let mut answer = None;
            egui::Modal::new(egui::Id::unique("file_open_elsewhere")).show(ui.ctx(), |ui| {
                ui.set_max_width(640.0);
                ui.heading(state.t(
                    "Đề án đang mở ở cửa sổ khác",
                    "The plan is open in another window",
                ));
                ui.label(format!(
                    "{} {} ({} {process}).",
                    path.display(),
                    state.t(
                        "đang được mở trong một cửa sổ vtvl khác",
                        "is open in another vtvl window"
                    ),
                    state.t("tiến trình", "process"),
                ));
                ui.label(state.t(
                    "Nếu mở ở cả hai cửa sổ, khi lưu cửa sổ này có thể ghi đè thay đổi của cửa \
                     sổ kia. Bản lưu tự động của cửa sổ kia vẫn là của nó.",
                    "Open in both, one window may overwrite the other's changes when saving. \
                     The other window's recovery copy stays its own.",
                ));
                ui.horizontal(|ui| {
                    let open = if opened {
                        state.t("Vẫn dùng ở đây", "Keep it here")
                    } else {
                        state.t("Vẫn mở", "Open anyway")
                    };
                    if ui.button(open).clicked() {
                        answer = Some(true);
                    }
                    let close = if opened {
                        state.t("Đóng, mở đề án mặc định", "Close it, open the default plan")
                    } else {
                        state.t("Không mở", "Don't open")
                    };
                    if ui.button(close).clicked() {
                        answer = Some(false);
                    }
                });
            });
            if let Some(open) = answer {
                super::answer_open_elsewhere(state, &path, opened, open);
            }
        }
    }
}

fn unsaved_ui(state: &AppState, ui: &mut egui::Ui) -> Option<Answer> {
    let mut answer = None;
    egui::Modal::new(egui::Id::unique("file_unsaved")).show(ui.ctx(), |ui| {
        ui.heading(state.t("Lưu thay đổi?", "Save changes?"));
        ui.label(format!(
            "{} {} {}",
            state.t("Kế hoạch", "The plan"),
            state.document.display_name(state.language()),
            state.t("có thay đổi chưa lưu.", "has unsaved changes."),
        ));
        ui.horizontal(|ui| {
            if ui.button(state.t("Lưu", "Save")).clicked() {
                answer = Some(Answer::Save);
            }
            if ui.button(state.t("Không lưu", "Don't save")).clicked() {
                answer = Some(Answer::Discard);
            }
            if ui.button(state.t("Hủy", "Cancel")).clicked() {
                answer = Some(Answer::Cancel);
            }
        });
    });
    answer
}

fn typed_path_ui(state: &mut AppState, ui: &mut egui::Ui, mut typed: TypedPath) {
    let (heading, confirm) = match typed.purpose {
        PathPurpose::Open => (state.t("Mở kế hoạch", "Open plan"), state.t("Mở", "Open")),
        PathPurpose::Import => (
            state.t(
                "Nhập từ tệp Excel hoặc thư mục CSV",
                "Import an Excel workbook or a CSV folder",
            ),
            state.t("Nhập", "Import"),
        ),
        PathPurpose::Export(export) => (export.title(state.language()), state.t("Xuất", "Export")),
        PathPurpose::Portfolio => (
            state.t("Mở thư mục tổng hợp", "Open a portfolio folder"),
            state.t("Mở thư mục", "Open the folder"),
        ),
        PathPurpose::SaveAs { .. } => (
            state.t("Lưu kế hoạch thành", "Save plan as"),
            state.t("Lưu", "Save"),
        ),
    };
    let mut confirmed = false;
    let mut cancelled = false;
    let mut chosen = None;
    egui::Modal::new(egui::Id::unique("file_typed_path")).show(ui.ctx(), |ui| {
        ui.set_width(640.0);
        ui.heading(heading);
        ui.label(state.t(
            "Không mở được hộp chọn tệp của hệ thống; hãy gõ đường dẫn hoặc chọn bên dưới.",
            "The system file dialog is not available; type a path or pick one below.",
        ));
        ui.horizontal(|ui| {
            let label = ui.label(state.t("Đường dẫn:", "Path:"));
            let response = ui.add(
                egui::TextEdit::singleline(&mut typed.text)
                    .desired_width(f32::INFINITY)
                    .id_salt("typed_path_text"),
            );
            let response = response.labelled_by(label.id);
            if response.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter)) {
                confirmed = true;
            }
        });
        ui.label(format!(
            "{} {}",
            state.t("Thư mục:", "Folder:"),
            typed.folder.display()
        ));
        egui::ScrollArea::vertical()
            .max_height(260.0)
            .show(ui, |ui| {
                if let Some(parent) = typed.folder.parent()
                    && ui
                        .button(state.t("(thư mục cha)", "(parent folder)"))
                        .clicked()
                {
                    chosen = Some(super::Entry {
                        name: String::new(),
                        path: parent.to_path_buf(),
                        is_folder: true,
                    });
                }
                for entry in &typed.entries {
                    let text = if entry.is_folder {
                        format!("{}/", entry.name)
                    } else {
                        entry.name.clone()
                    };
                    if ui.selectable_label(false, text).clicked() {
                        chosen = Some(entry.clone());
                    }
                }
            });
        ui.separator();
        ui.horizontal(|ui| {
            if ui
                .add_enabled(typed.path().is_some(), egui::Button::new(confirm))
                .clicked()
            {
                confirmed = true;
            }
            if ui.button(state.t("Hủy", "Cancel")).clicked() {
                cancelled = true;
            }
        });
    });
    if let Some(entry) = chosen {
        typed.choose(&entry);
    } else {
        typed.refresh();
    }
    if cancelled {
        state.dialog = None;
    } else if confirmed {
        super::confirm_typed(state, typed);
    } else {
        state.dialog = Some(Dialog::File(super::FileDialog::TypePath(typed)));
    }
}
