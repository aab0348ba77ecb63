//! Drawing: one file per panel, each a function taking `&mut egui::Ui` and the app state.

mod appraisal_tab;
mod blocking_rules;
mod check_panel;
mod compare_tab;
mod dashboard_tab;
mod dialogs;
mod explain_panel;
mod fields;
mod figures;
mod help;
mod job_description_tab;
mod menu_bar;
mod portfolio_benchmark;
mod portfolio_findings;
mod portfolio_view;
mod position_form;
pub(crate) use fields::typing_in_focused_field;
mod positions_tab;
mod projection_tab;
mod scenario_editor;
mod settings_tab;
mod sheet;
mod staff_tab;
mod status_bar;
mod steps_editor;
mod unit_attributes;
mod unit_tree;
mod workload_tab;
mod workload_table;

use eframe::egui;

use super::state::{AppState, Tab};

/// The whole window: menu bar, status line, unit tree, the centre tabs and, on demand, the
/// explanation of the selected figure and the Checks panel.
pub fn app_ui(state: &mut AppState, ui: &mut egui::Ui) {
    fields::set_language(ui.ctx(), state.language());
    egui::Panel::top("menu_bar").show(ui, |ui| menu_bar::menu_bar_ui(state, ui));
    egui::Panel::bottom("status_bar").show(ui, |ui| status_bar::status_bar_ui(state, ui));
    if state.checks.open {
        egui::Panel::bottom("checks")
            .resizable(true)
            .default_size(280.0)
            .show(ui, |ui| check_panel::check_panel_ui(state, ui));
    }
    // Side panels keep to a share of the window, so that the tables keep room at 1024 x 700.
    let width = ui.available_width();
    egui::Panel::left("unit_tree")
        .resizable(true)
        .default_size((width * 0.25).clamp(180.0, 300.0))
        .size_range(160.0..=(width * 0.3).max(200.0))
        .show(ui, |ui| unit_tree::unit_tree_ui(state, ui));
    if state.show_explain {
        egui::Panel::right("explain")
            .resizable(true)
            .default_size((width * 0.3).clamp(240.0, 380.0))
            .size_range(200.0..=(width * 0.45).max(240.0))
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
            Tab::Portfolio => portfolio_view::portfolio_view_ui(state, ui),
            Tab::Projection => projection_tab::projection_tab_ui(state, ui),
        }
    });
    help::help_window_ui(state, ui);
    dialogs::dialogs_ui(state, ui);
}

/// The centre tabs, their names in both languages. The last, the portfolio, is shown once a
/// portfolio is opened.
const TABS: [(Tab, &str, &str); 10] = [
    (Tab::Positions, "Vị trí việc làm", "Positions"),
    (Tab::Workload, "Khối lượng công việc", "Workload"),
    (Tab::Staff, "Nhân sự", "Staff"),
    (Tab::JobDescription, "Mô tả công việc", "Job description"),
    (Tab::Dashboard, "Biểu đồ", "Dashboard"),
    (Tab::Projection, "Dự báo", "Projection"),
    (Tab::Compare, "So sánh", "Compare"),
    (Tab::Settings, "Thiết lập", "Settings"),
    (Tab::Appraisal, "Thẩm định", "Appraisal"),
    (Tab::Portfolio, "Tổng hợp", "Portfolio"),
];

/// The tabs shown now.
fn shown_tabs(state: &AppState) -> impl Iterator<Item = (Tab, &'static str, &'static str)> + use<> {
    let portfolio = state.portfolio.is_open();
    TABS.into_iter()
        .filter(move |(tab, _, _)| *tab != Tab::Portfolio || portfolio)
}

/// The tab row: one line that never wraps. When the panel is too narrow it scrolls sideways,
/// and the menu at its end lists every tab.
fn tabs_ui(state: &mut AppState, ui: &mut egui::Ui) {
    ui.horizontal(|ui| {
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            let mut picked = None;
            let more = state.t("Các thẻ", "All tabs").to_owned();
            ui.menu_button("»", |ui| {
                for (tab, vietnamese, english) in shown_tabs(state) {
                    let label = state.t(vietnamese, english).to_owned();
                    if ui.selectable_label(state.tab == tab, label).clicked() {
                        picked = Some(tab);
                        ui.close();
                    }
                }
            })
            .response
            .on_hover_text(more);
            check_panel::checks_toggle_ui(state, ui);
            egui::ScrollArea::horizontal()
                .id_salt("tab_row")
                .auto_shrink([false, true])
                .scroll_bar_visibility(egui::scroll_area::ScrollBarVisibility::AlwaysHidden)
                .show(ui, |ui| {
                    let row = egui::Layout::left_to_right(egui::Align::Center);
                    ui.with_layout(row, |ui| {
                        for (tab, vietnamese, english) in shown_tabs(state) {
                            let label = state.t(vietnamese, english).to_owned();
                            let response = ui.selectable_label(state.tab == tab, label);
                            if response.clicked() {
                                state.tab = tab;
                            }
                            if picked == Some(tab) {
                                response.scroll_to_me(None);
                            }
                        }
                    });
                });
            if let Some(tab) = picked {
                state.tab = tab;
            }
        });
    });
}
