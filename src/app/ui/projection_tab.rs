//! The Dự báo tab: the workforce projection as a chart (staff in post against required per
//! year, retirements as bars) and a table per unit and position for one year, under the
//! scenario chooser and editor ([`super::scenario_editor`]), and who leaves in a cell, by id,
//! when the user asks for personal data.

use eframe::egui;
use egui_plot::{Bar, BarChart, Corner, Legend, Line, Plot, PlotPoints};

use egui_extras::Column;

use super::scenario_editor;
use super::sheet::{Place, Sheet, cell_text, header_text};
use crate::app::projection_view::{self, ExplainedCell, TableRow};
use crate::app::state::AppState;
use crate::format::number_in;
use crate::projection::{Cell, Figures, Projection, ScenarioColumn};

const CHART_HEIGHT: f32 = 220.0;
const ROW_HEIGHT: f32 = 22.0;

pub fn projection_tab_ui(state: &mut AppState, ui: &mut egui::Ui) {
    egui::ScrollArea::vertical()
        .id_salt("projection")
        .auto_shrink(false)
        .show(ui, |ui| {
            scenario_editor::scenario_ui(state, ui);
            ui.separator();
            let taken = projection_view::take(state);
            if projection_view::is_updating(state) {
                // A worker is making it: look again shortly.
                ui.ctx()
                    .request_repaint_after(std::time::Duration::from_millis(50));
            }
            let Some(taken) = taken else {
                let waiting = if state.document.results().is_some() {
                    state.t("Đang dự báo…", "Projecting…")
                } else {
                    state.t(
                        "Chưa có kết quả: đề án cần hợp lệ để dự báo.",
                        "No results yet: the plan must be valid to be projected.",
                    )
                };
                ui.label(waiting);
                return;
            };
            if !taken.fresh {
                ui.weak(state.t(
                    "Đang cập nhật dự báo theo thay đổi mới…",
                    "Updating the projection to the latest change…",
                ));
            }
            comparison_ui(state, ui);
            match &taken.value {
                Ok(projection) => projection_ui(state, ui, projection),
                Err(error) => {
                    ui.colored_label(ui.visuals().error_fg_color, error);
                }
            }
            projection_view::keep(state, taken);
        });
}

fn projection_ui(state: &mut AppState, ui: &mut egui::Ui, projection: &Projection) {
    let language = state.language();
    let n = |v: f64| number_in(language, v, 2);
    chart_ui(state, ui, projection);
    let undated = &projection.undated;
    if undated.people > 0 {
        let places = undated
            .by_unit
            .iter()
            .map(|(id, count)| format!("{id}: {count}"))
            .collect::<Vec<_>>()
            .join(", ");
        ui.label(match language {
            crate::language::Language::Vietnamese => format!(
                "Chưa rõ ngày nghỉ hưu, tính là tiếp tục làm việc: {} người ({places})",
                undated.people
            ),
            crate::language::Language::English => format!(
                "Retirement date unknown, counted as staying: {} people ({places})",
                undated.people
            ),
        });
    }
    for cut in &projection.quota_cuts {
        let held = cut
            .years
            .iter()
            .find(|y| y.year == cut.by_year)
            .or(cut.years.last());
        let met = match cut.met {
            Some(true) => state.t("đạt", "met"),
            Some(false) => state.t("chưa đạt", "not met"),
            None => state.t("ngoài khoảng dự báo", "beyond the horizon"),
        };
        let held = held.map_or_else(String::new, |y| {
            format!(
                "; {} {}: {}",
                state.t("biên chế giữ năm", "establishment held in"),
                y.year,
                n(y.held)
            )
        });
        ui.label(format!(
            "{} {}%: {} {}{held} ({met})",
            state.t("Tinh giản", "Cut"),
            n(cut.percent),
            state.t("mục tiêu", "target"),
            n(cut.target),
        ));
    }
    ui.separator();
    let years: Vec<i32> = projection.timeline.iter().map(|y| y.year).collect();
    let mut year = state
        .projection
        .year
        .filter(|y| years.contains(y))
        .unwrap_or(projection.from);
    ui.horizontal(|ui| {
        ui.label(state.t("Năm:", "Year:"));
        for y in &years {
            if ui.selectable_label(*y == year, y.to_string()).clicked() {
                year = *y;
            }
        }
        ui.separator();
        let label = state
            .t("Hiện dữ liệu cá nhân", "Show personal data")
            .to_owned();
        ui.checkbox(&mut state.projection.show_personal, label);
    });
    state.projection.year = Some(year);
    let Some(figures) = projection.year(year) else {
        return;
    };
    table_ui(state, ui, figures, year);
    explained_ui(state, ui, projection);
}

fn chart_ui(state: &AppState, ui: &mut egui::Ui, projection: &Projection) {
    let required_name = state.t("Cần có", "Required").to_owned();
    let end_name = state.t("Có mặt cuối năm", "In post at year end").to_owned();
    let retiring_name = state.t("Nghỉ hưu", "Retiring").to_owned();
    let point = |f: fn(&Figures) -> f64| -> Vec<[f64; 2]> {
        projection
            .timeline
            .iter()
            .map(|y| [f64::from(y.year), f(&y.total)])
            .collect()
    };
    let required = point(|f| f.required as f64);
    let end = point(|f| f.staff_end);
    let bars: Vec<Bar> = projection
        .timeline
        .iter()
        .map(|y| Bar::new(f64::from(y.year), y.total.retiring).width(0.5))
        .collect();
    super::figures::still(
        Plot::new("projection_chart")
            .height(CHART_HEIGHT)
            .legend(Legend::default().position(Corner::RightTop))
            .include_y(0.0),
    )
    .show(ui, |plot| {
        plot.bar_chart(
            BarChart::new(retiring_name, bars).color(egui::Color32::from_rgb(230, 160, 60)),
        );
        plot.line(
            Line::new(required_name, PlotPoints::from(required))
                .color(egui::Color32::from_rgb(200, 60, 60)),
        );
        plot.line(
            Line::new(end_name, PlotPoints::from(end)).color(egui::Color32::from_rgb(60, 110, 200)),
        );
    });
}

/// The year's figures for the selected unit's subtree (or the whole plan): the total, each
/// unit, each position, all of them (only the rows in view are drawn); a click on a retiring
/// figure lists who leaves.
fn table_ui(state: &mut AppState, ui: &mut egui::Ui, figures: &crate::projection::Year, year: i32) {
    let rows = projection_view::table_rows(state);
    let language = state.language();
    let n = |v: f64| number_in(language, v, 2);
    let headers = [
        state.t("Đơn vị, vị trí", "Unit, position"),
        state.t("Cần có", "Required"),
        state.t("Đầu năm", "Start"),
        state.t("Nghỉ hưu", "Retiring"),
        state.t("Cuối năm", "End"),
        state.t("Cần tuyển", "Needed"),
    ];
    let who = state.t("Ai nghỉ hưu?", "Who retires?");
    let whole_plan = state.t("Toàn đề án", "Whole plan");
    let plan = state.document.plan();
    let rows_key = state.selected_unit.clone().unwrap_or_default();
    let mut explain = None;
    // The page scrolls; the table keeps a height of its own within it and scrolls its rows.
    let height = (ui.ctx().content_rect().height() * 0.6).max(200.0);
    let size = egui::vec2(ui.available_width(), height);
    ui.allocate_ui_with_layout(size, egui::Layout::top_down(egui::Align::Min), |ui| {
        Sheet::new("projection_table", &rows_key, ROW_HEIGHT)
            .column(Column::initial(320.0).at_least(120.0).clip(true))
            .columns(Column::initial(90.0).at_least(60.0), headers.len() - 1)
            .pinned(1)
            .max_height(height)
            .show(ui, rows.len(), |ui, place| {
                let (row, column) = match place {
                    Place::Header(column) => return header_text(ui, &headers, column),
                    Place::Cell { row, column } => (row, column),
                };
                let Some(&row) = rows.get(row) else {
                    return;
                };
                let (name, cell, f) = match row {
                    TableRow::Total => (whole_plan.to_owned(), ExplainedCell::Total, figures.total),
                    TableRow::Unit { index, depth } => {
                        // A projection shown while the next is made may predate an edit: the
                        // row counts only when it is the same unit's.
                        let Some(unit) = plan.units.get(index) else {
                            return;
                        };
                        let Some(figures) = figures.units.get(index).filter(|r| r.id == unit.id)
                        else {
                            return;
                        };
                        (
                            format!("{}{}", "   ".repeat(depth), unit.name),
                            ExplainedCell::Unit(unit.id.clone()),
                            figures.figures,
                        )
                    }
                    TableRow::Position(index) => {
                        let Some(position) = plan.positions.get(index) else {
                            return;
                        };
                        let Some(figures) =
                            figures.positions.get(index).filter(|r| r.id == position.id)
                        else {
                            return;
                        };
                        (
                            format!("• {} ({})", position.name, position.unit_id),
                            ExplainedCell::Position(position.id.clone()),
                            figures.figures,
                        )
                    }
                };
                match column {
                    0 => {
                        cell_text(ui, name);
                    }
                    1 => {
                        ui.label(f.required.to_string());
                    }
                    2 => {
                        ui.label(n(f.staff_start));
                    }
                    3 => {
                        if ui.link(n(f.retiring)).on_hover_text(who).clicked() {
                            explain = Some(cell);
                        }
                    }
                    4 => {
                        ui.label(n(f.staff_end));
                    }
                    _ => {
                        ui.label(n(f.needed));
                    }
                }
            });
    });
    if let Some(cell) = explain {
        state.projection.explained = Some((year, cell));
    }
}

/// Who leaves in the explained cell: counted always, by id and date only when asked.
fn explained_ui(state: &mut AppState, ui: &mut egui::Ui, projection: &Projection) {
    let Some((year, cell)) = state.projection.explained.clone() else {
        return;
    };
    let plan = state.document.plan();
    let query = match &cell {
        ExplainedCell::Total => Cell::Total,
        ExplainedCell::Unit(id) => Cell::Unit(id),
        ExplainedCell::Position(id) => Cell::Position(id),
    };
    let leaving = projection.retiring(plan, year, query);
    ui.separator();
    let whose = match &cell {
        ExplainedCell::Total => state.t("toàn đề án", "the whole plan").to_owned(),
        ExplainedCell::Unit(id) | ExplainedCell::Position(id) => id.clone(),
    };
    ui.strong(match state.language() {
        crate::language::Language::Vietnamese => {
            format!("Nghỉ hưu năm {year} ({whose}): {} người", leaving.len())
        }
        crate::language::Language::English => {
            format!("Retiring in {year} ({whose}): {} people", leaving.len())
        }
    });
    if !state.projection.show_personal {
        ui.label(state.t(
            "Bật \"Hiện dữ liệu cá nhân\" để xem mã và ngày nghỉ hưu của từng người.",
            "Turn on \"Show personal data\" to see each person's id and retirement date.",
        ));
        return;
    }
    let language = state.language();
    for person in leaving {
        let date = person.retires_on.map(|d| d.to_string()).unwrap_or_default();
        let source = person.source.map(|s| s.label(language)).unwrap_or_default();
        ui.label(format!("{}: {date} ({source})", person.id));
    }
}

/// The plan as it is and each scenario side by side, per year: required, needed and the cut
/// of biên chế achieved against the first year's quota; made only when asked for.
fn comparison_ui(state: &mut AppState, ui: &mut egui::Ui) {
    let label = state
        .t("So sánh các kịch bản", "Compare the scenarios")
        .to_owned();
    ui.checkbox(&mut state.projection.show_comparison, label);
    if !state.projection.show_comparison {
        return;
    }
    let Some(taken) = projection_view::take_comparison(state) else {
        return;
    };
    match &taken.value {
        Ok(columns) => comparison_grid(state, ui, columns),
        Err(error) => {
            ui.colored_label(ui.visuals().error_fg_color, error);
        }
    }
    projection_view::keep_comparison(state, taken);
    ui.separator();
}

fn comparison_grid(state: &AppState, ui: &mut egui::Ui, columns: &[ScenarioColumn]) {
    let language = state.language();
    let n = |v: f64| number_in(language, v, 2);
    egui::Grid::new("projection_comparison")
        .striped(true)
        .show(ui, |ui| {
            ui.strong(state.t("Kịch bản", "Scenario"));
            ui.strong(state.t("Năm", "Year"));
            ui.strong(state.t("Cần có", "Required"));
            ui.strong(state.t("Cần tuyển", "Needed"));
            ui.strong(state.t(
                "Giảm so với biên chế năm đầu",
                "Cut from the first year's quota",
            ));
            ui.end_row();
            for column in columns {
                let name = column.scenario.clone().unwrap_or_else(|| {
                    state
                        .t("(đề án như hiện tại)", "(the plan as it is)")
                        .to_owned()
                });
                for year in &column.years {
                    ui.label(&name);
                    ui.label(year.year.to_string());
                    ui.label(year.required.to_string());
                    ui.label(n(year.needed));
                    let percent = year
                        .cut_percent
                        .map(|p| format!(" ({}%)", n(p)))
                        .unwrap_or_default();
                    ui.label(format!("{}{percent}", n(year.cut_achieved)));
                    ui.end_row();
                }
            }
        });
}
