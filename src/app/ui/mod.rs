//! Drawing: one file per panel, each a function taking `&mut egui::Ui` and the app state.

mod appraisal_tab;
mod blocking_rules;
mod check_panel;
mod compare_tab;
mod dashboard_tab;
mod dialogs;
mod explain_panel;
mod figures;
mod job_description_tab;
mod menu_bar;
mod position_form;
pub(crate) use position_form::typing_in_focused_field;
mod positions_tab;
mod settings_tab;
mod staff_tab;
mod status_bar;
mod steps_editor;
mod unit_attributes;
mod unit_tree;
mod workload_tab;

use eframe::egui;

use super::state::{AppState, Tab};

/// The whole window: menu bar, status line, unit tree, the centre tabs and, on demand, the
/// explanation of the selected figure and the Checks panel.
pub fn app_ui(state: &mut AppState, ui: &mut egui::Ui) {
    egui::Panel::top("menu_bar").show(ui, |ui| menu_bar::menu_bar_ui(state, ui));
    egui::Panel::bottom("status_bar").show(ui, |ui| status_bar::status_bar_ui(state, ui));
    if state.checks.open {
        egui::Panel::bottom("checks")
            .resizable(true)
            .default_size(280.0)
            .show(ui, |ui| check_panel::check_panel_ui(state, ui));
    }
    egui::Panel::left("unit_tree")
        .resizable(true)
        .default_size(300.0)
        .show(ui, |ui| unit_tree::unit_tree_ui(state, ui));
    if state.show_explain {
        egui::Panel::right("explain")
            .resizable(true)
            .default_size(380.0)
            .show(ui, |ui| explain_panel::explain_panel_ui(state, ui));
    }
    egui::CentralPanel::default().show(ui, |ui| {
        tabs_ui(state, ui);
        ui.separator();
        match state.tab {
            Tab::Positions => positions_tab::positions_tab_ui(state, ui),
            Tab::Workload => workload_tab::workload_tab_ui(state, ui),
            Tab::Staff => staff_tab::staff_tab_ui(state, ui),
            Tab::JobDescription => job_description_tab::job_description_tab_ui(state, ui),
            Tab::Dashboard => dashboard_tab::dashboard_tab_ui(state, ui),
            Tab::Compare => compare_tab::compare_tab_ui(state, ui),
            Tab::Settings => settings_tab::settings_tab_ui(state, ui),
            Tab::Appraisal => appraisal_tab::appraisal_tab_ui(state, ui),
        }
    });
    dialogs::dialogs_ui(state, ui);
}

fn tabs_ui(state: &mut AppState, ui: &mut egui::Ui) {
    // Wrapping: a row wider than the panel would widen everything below it.
    ui.horizontal_wrapped(|ui| {
        for (tab, vietnamese, english) in [
            (Tab::Positions, "Vị trí việc làm", "Positions"),
            (Tab::Workload, "Khối lượng công việc", "Workload"),
            (Tab::Staff, "Nhân sự", "Staff"),
            (Tab::JobDescription, "Mô tả công việc", "Job description"),
            (Tab::Dashboard, "Biểu đồ", "Dashboard"),
            (Tab::Compare, "So sánh", "Compare"),
            (Tab::Settings, "Thiết lập", "Settings"),
            (Tab::Appraisal, "Thẩm định", "Appraisal"),
        ] {
            let label = state.t(vietnamese, english).to_owned();
            if ui.selectable_label(state.tab == tab, label).clicked() {
                state.tab = tab;
            }
        }
        check_panel::checks_toggle_ui(state, ui);
    });
}
