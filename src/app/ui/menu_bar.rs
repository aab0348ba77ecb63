//! The menu bar: File, Edit, View, Help.

use eframe::egui;

use crate::app::commands::{self, Command};
use crate::app::files::{self, Export, NewPlan};
use crate::app::state::AppState;
use crate::dossier::ChartKind;
use crate::language::Language;

pub fn menu_bar_ui(state: &mut AppState, ui: &mut egui::Ui) {
    let mut raised = Vec::new();
    egui::MenuBar::new().ui(ui, |ui| {
        ui.menu_button(state.t("Tệp", "File"), |ui| {
            file_menu_ui(state, ui, &mut raised)
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
            if ui
                .selectable_label(state.checks.open, state.t("Bảng kiểm tra", "Checks panel"))
                .clicked()
            {
                raised.push(Command::ToggleChecks);
            }
        });
        ui.menu_button(state.t("Kết quả", "Results"), |ui| {
            for export in [
                Export::ResultsCsv,
                Export::Chart(ChartKind::Units),
                Export::Chart(ChartKind::Ranks),
            ] {
                if ui.button(export_item(state, export)).clicked() {
                    raised.push(Command::Export(export));
                }
            }
        });
        ui.menu_button(state.t("Trợ giúp", "Help"), |ui| {
            if ui
                .button(state.t("Hướng dẫn sử dụng", "User guide"))
                .clicked()
            {
                state.show_help = true;
                ui.close();
            }
            ui.separator();
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

/// File: new (blank or a sample), open, recent files, save, save as, import, quit.
fn file_menu_ui(state: &AppState, ui: &mut egui::Ui, raised: &mut Vec<Command>) {
    ui.menu_button(state.t("Mới", "New"), |ui| {
        if ui
            .button(state.t("Kế hoạch trống (Ctrl+N)", "Blank plan (Ctrl+N)"))
            .clicked()
        {
            raised.push(Command::New(NewPlan::Blank));
        }
        ui.separator();
        ui.label(state.t("Từ tổ chức mẫu:", "From a sample organisation:"));
        for (index, name) in files::sample_names() {
            if ui.button(name).clicked() {
                raised.push(Command::New(NewPlan::Sample(*index)));
            }
        }
    });
    if ui
        .button(state.t("Mở... (Ctrl+O)", "Open... (Ctrl+O)"))
        .clicked()
    {
        raised.push(Command::Open);
    }
    if ui
        .button(state.t("Mở thư mục tổng hợp...", "Open a portfolio folder..."))
        .clicked()
    {
        raised.push(Command::OpenPortfolio);
    }
    ui.menu_button(state.t("Mở gần đây", "Open recent"), |ui| {
        if state.preferences.recent_files.is_empty() {
            ui.label(state.t("(chưa có tệp nào)", "(no files yet)"));
        }
        for path in &state.preferences.recent_files {
            if ui.button(path.display().to_string()).clicked() {
                raised.push(Command::OpenPath(path.clone()));
            }
        }
        if !state.preferences.recent_files.is_empty() {
            ui.separator();
            if ui
                .button(state.t("Xóa danh sách", "Clear the list"))
                .clicked()
            {
                raised.push(Command::ClearRecent);
            }
        }
    });
    ui.separator();
    if ui
        .button(state.t("Lưu (Ctrl+S)", "Save (Ctrl+S)"))
        .clicked()
    {
        raised.push(Command::Save);
    }
    if ui
        .button(state.t("Lưu thành... (Ctrl+Shift+S)", "Save as... (Ctrl+Shift+S)"))
        .clicked()
    {
        raised.push(Command::SaveAs);
    }
    ui.separator();
    if ui
        .button(state.t("Nhập từ thư mục CSV...", "Import a CSV folder..."))
        .clicked()
    {
        raised.push(Command::Import);
    }
    if ui
        .button(state.t("Nhập từ tệp Excel...", "Import an Excel workbook..."))
        .clicked()
    {
        raised.push(Command::ImportWorkbook);
    }
    ui.separator();
    for export in [
        Export::Dossier,
        Export::Narrative,
        Export::PlanWorkbook,
        Export::Template,
    ] {
        if ui.button(export_item(state, export)).clicked() {
            raised.push(Command::Export(export));
        }
    }
    ui.separator();
    if ui
        .button(state.t("Thoát (Ctrl+Q)", "Quit (Ctrl+Q)"))
        .clicked()
    {
        raised.push(Command::Quit);
    }
}

/// An export's menu item: its dialog's title, then dots (it asks where to write).
fn export_item(state: &AppState, export: Export) -> String {
    format!("{}...", export.title(state.language()))
}
