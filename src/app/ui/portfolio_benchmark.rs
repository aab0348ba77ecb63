//! The benchmark on task codes over a whole portfolio (the portfolio tab's third section):
//! [`crate::portfolio::benchmark`]'s figures, one row per agency and code, flagged as the
//! Compare tab flags them.

use eframe::egui;
use egui_extras::Column;

use super::compare_tab::{benchmark_explanation, benchmark_headers, value_flag};
use super::sheet::{Place, Sheet, cell_text, header_text};
use crate::app::state::AppState;

const ROW_HEIGHT: f32 = 22.0;

pub fn benchmark_ui(state: &mut AppState, ui: &mut egui::Ui) {
    let Some(made) = state.portfolio.benchmark.clone() else {
        ui.label(state.t(
            "Đang so sánh các đề án theo mã nhiệm vụ…",
            "Benchmarking the plans on task codes…",
        ));
        return;
    };
    let benchmark = match made.as_ref() {
        Ok(benchmark) => benchmark,
        Err(error) => {
            ui.colored_label(ui.visuals().error_fg_color, error);
            return;
        }
    };
    ui.label(benchmark_explanation(state));
    ui.horizontal(|ui| {
        ui.label(format!(
            "{} {} · {}: {}",
            benchmark.codes.len(),
            state.t("mã nhiệm vụ", "task codes"),
            state.t("Giá trị bất thường", "Flagged values"),
            benchmark.outlier_count()
        ));
        let mut only = state.portfolio.only_outliers;
        ui.checkbox(
            &mut only,
            state.t("Chỉ hiện giá trị bất thường", "Only flagged values"),
        );
        state.portfolio.only_outliers = only;
    });
    if benchmark.codes.is_empty() {
        ui.label(state.t(
            "Không có công việc chính nào mang mã nhiệm vụ.",
            "No service work carries a task code.",
        ));
        return;
    }
    let only = state.portfolio.only_outliers;
    // One row per agency value; the code and its work are written on its first row only.
    let rows: Vec<(usize, usize, bool)> = benchmark
        .codes
        .iter()
        .enumerate()
        .flat_map(|(c, code)| {
            code.values
                .iter()
                .enumerate()
                .filter(move |(_, v)| {
                    !only || v.minutes_outlier.is_some() || v.staff_outlier.is_some()
                })
                .enumerate()
                .map(move |(n, (v, _))| (c, v, n == 0))
        })
        .collect();
    let headers = benchmark_headers(state);
    let rows_key = only.to_string();
    let sheet = Sheet::new("portfolio_benchmark", &rows_key, ROW_HEIGHT)
        .pinned(1)
        .column(Column::initial(90.0).at_least(60.0).clip(true))
        .column(Column::initial(260.0).at_least(100.0).clip(true))
        .column(Column::initial(260.0).at_least(100.0).clip(true))
        .column(Column::initial(140.0).at_least(60.0).clip(true))
        .columns(Column::initial(96.0).at_least(60.0).clip(true), 4);
    sheet.show(ui, rows.len(), |ui, place| {
        let (row, column) = match place {
            Place::Header(column) => return header_text(ui, &headers, column),
            Place::Cell { row, column } => (row, column),
        };
        let Some(&(c, v, first)) = rows.get(row) else {
            return;
        };
        let Some((code, value)) = benchmark
            .codes
            .get(c)
            .and_then(|code| code.values.get(v).map(|value| (code, value)))
        else {
            return;
        };
        let dash = || "-".to_owned();
        match column {
            0 if first => {
                ui.label(&code.code);
            }
            1 if first => {
                cell_text(ui, &code.name).on_hover_text(&code.name);
            }
            2 => {
                cell_text(ui, &value.agency).on_hover_text(&value.agency);
            }
            3 => {
                let colour = if value.minutes_outlier.is_some() || value.staff_outlier.is_some() {
                    ui.visuals().warn_fg_color
                } else {
                    ui.visuals().text_color()
                };
                ui.colored_label(colour, value_flag(state, code, value));
            }
            4 => {
                ui.label(state.number(value.minutes_per_item, 2));
            }
            5 => {
                ui.label(state.number(code.minutes_per_item.median, 2));
            }
            6 => {
                ui.label(
                    value
                        .staff_per_1000
                        .map_or_else(dash, |s| state.number(s, 4)),
                );
            }
            7 => {
                ui.label(
                    code.staff_per_1000
                        .map_or_else(dash, |s| state.number(s.median, 4)),
                );
            }
            _ => {}
        }
    });
}
