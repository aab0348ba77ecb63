//! The portfolio tab (Tổng hợp): the agencies of a folder of plans, each with its plan's own
//! totals and its check's counts, sortable and filterable, coloured by shortage or surplus as
//! the unit tree is; the portfolio's sums above, overall, by unit type and by employment
//! basis; and, a click away, every plan's findings ([`super::portfolio_findings`]) and the
//! benchmark on task codes ([`super::portfolio_benchmark`]). Clicking an agency opens its plan.

use eframe::egui;
use egui_extras::Column;

use super::figures::difference_colour;
use super::sheet::{Place, Sheet, cell_text};
use crate::app::portfolio::{self, AgencyColumn, Loaded, Section, difference};
use crate::app::state::AppState;
use crate::language::Localized as _;
use crate::model::Employment;
use crate::portfolio::Sums;

const ROW_HEIGHT: f32 = 22.0;

pub fn portfolio_view_ui(state: &mut AppState, ui: &mut egui::Ui) {
    let Some(loaded) = state.portfolio.loaded.clone() else {
        if let Some(root) = state.portfolio.loading() {
            // A still label, not a spinner: the worker's result is polled a few times a second.
            ui.label(format!(
                "{} {}…",
                state.t("Đang mở thư mục tổng hợp", "Opening the portfolio"),
                root.display()
            ));
        }
        if let Some(error) = &state.portfolio.error {
            ui.colored_label(ui.visuals().error_fg_color, error);
        }
        if ui
            .button(state.t("Mở thư mục tổng hợp...", "Open a portfolio folder..."))
            .clicked()
        {
            portfolio::choose(state);
        }
        return;
    };
    toolbar_ui(state, ui, &loaded);
    totals_ui(state, ui, &loaded);
    ui.separator();
    ui.horizontal(|ui| {
        let findings = loaded.portfolio.totals.all.errors + loaded.portfolio.totals.all.warnings;
        let flagged = match state.portfolio.benchmark.as_deref() {
            Some(Ok(benchmark)) => benchmark.outlier_count().to_string(),
            Some(Err(_)) => "!".to_owned(),
            None => "…".to_owned(),
        };
        let sections = [
            (
                Section::Agencies,
                format!(
                    "{} ({})",
                    state.t("Cơ quan, đơn vị", "Agencies"),
                    loaded.portfolio.agencies.len()
                ),
            ),
            (
                Section::Findings,
                format!("{} ({findings})", state.t("Kết quả kiểm tra", "Findings")),
            ),
            (
                Section::Benchmark,
                format!(
                    "{} ({flagged})",
                    state.t("So sánh theo mã nhiệm vụ", "Benchmark on task codes")
                ),
            ),
        ];
        for (section, label) in sections {
            if ui
                .selectable_label(state.portfolio.section == section, label)
                .clicked()
            {
                state.portfolio.section = section;
            }
        }
    });
    match state.portfolio.section {
        Section::Agencies => agencies_ui(state, ui, &loaded),
        Section::Findings => super::portfolio_findings::findings_ui(state, ui, &loaded),
        Section::Benchmark => super::portfolio_benchmark::benchmark_ui(state, ui),
    }
}

fn toolbar_ui(state: &mut AppState, ui: &mut egui::Ui, loaded: &Loaded) {
    ui.horizontal_wrapped(|ui| {
        ui.strong(format!(
            "{} {}",
            state.t("Thư mục:", "Folder:"),
            loaded.portfolio.root.display()
        ));
        if state.portfolio.loading().is_some() {
            ui.label(state.t("Đang tải lại…", "Reloading…"));
        } else if ui.button(state.t("Tải lại", "Reload")).clicked() {
            portfolio::reload(state);
        }
        if ui
            .button(state.t("Mở thư mục khác...", "Open another folder..."))
            .clicked()
        {
            portfolio::choose(state);
        }
    });
    if let Some(error) = &state.portfolio.error {
        ui.colored_label(ui.visuals().error_fg_color, error);
    }
}

/// One line of sums, and the sums by unit type and by employment basis below it.
fn totals_ui(state: &AppState, ui: &mut egui::Ui, loaded: &Loaded) {
    let totals = &loaded.portfolio.totals;
    ui.horizontal_wrapped(|ui| {
        sums_line(state, ui, &totals.all);
        if totals.unreadable > 0 {
            ui.colored_label(
                ui.visuals().error_fg_color,
                format!(
                    "· {} {}",
                    totals.unreadable,
                    state.t("đề án không đọc được", "plans could not be read")
                ),
            );
        }
    });
    egui::CollapsingHeader::new(state.t(
        "Theo loại cơ quan, đơn vị và theo chế độ",
        "By agency type and employment basis",
    ))
    .id_salt("portfolio_breakdown")
    .show(ui, |ui| {
        // Sideways when the window is narrower than both grids.
        egui::ScrollArea::horizontal()
            .id_salt("portfolio_breakdown_scroll")
            .show(ui, |ui| {
                breakdown_ui(state, ui, totals);
            });
    });
}

/// The sums by agency type, and beside them by employment basis.
fn breakdown_ui(state: &AppState, ui: &mut egui::Ui, totals: &crate::portfolio::Totals) {
    ui.horizontal_top(|ui| {
        super::figures::headed_grid(
            ui,
            "portfolio_by_type",
            &[
                state.t("Loại", "Type"),
                state.t("Đề án", "Plans"),
                state.t("Biên chế giao", "Quota"),
                state.t("Hiện có", "Current"),
                state.t("Cần có", "Required"),
                state.t("Đề nghị", "Proposed"),
                state.t("Chênh lệch", "Difference"),
            ],
            |ui| {
                for type_sums in &totals.by_unit_type {
                    let s = &type_sums.sums;
                    ui.label(type_sums.unit_type.label(state.language()));
                    ui.label(s.plans.to_string());
                    ui.label(state.number(s.quota as f64, 0));
                    ui.label(state.number(s.current, 2));
                    ui.label(state.number(s.required as f64, 0));
                    ui.label(state.number(s.proposed as f64, 0));
                    let gap = s.current - s.required as f64;
                    ui.colored_label(difference_colour(ui, gap), state.number(gap, 2));
                    ui.end_row();
                }
            },
        );
        ui.add_space(24.0);
        super::figures::headed_grid(
            ui,
            "portfolio_by_employment",
            &[
                state.t("Chế độ", "Basis"),
                state.t("Hiện có", "Current"),
                state.t("Cần có", "Required"),
                state.t("Đề nghị", "Proposed"),
            ],
            |ui| {
                for employment in Employment::ALL {
                    let figures = totals.by_employment.get(employment);
                    ui.label(employment.label(state.language()));
                    ui.label(state.number(figures.current, 2));
                    ui.label(state.number(figures.required as f64, 0));
                    ui.label(state.number(figures.proposed as f64, 0));
                    ui.end_row();
                }
            },
        );
    });
}

fn sums_line(state: &AppState, ui: &mut egui::Ui, sums: &Sums) {
    let gap = sums.current - sums.required as f64;
    let appraised = sums
        .appraised
        .map(|a| state.number(a as f64, 0))
        .unwrap_or_else(|| "–".to_owned());
    let whole = |n: i64| state.number(n as f64, 0);
    ui.label(format!(
        "{} {} · {} {} · {} {} · {} {} · {} {} · {} {}",
        sums.plans,
        state.t("đề án", "plans"),
        state.t("biên chế giao", "quota"),
        state.number(sums.quota as f64, 0),
        state.t("hiện có", "current"),
        state.number(sums.current, 2),
        state.t("cần có", "required"),
        whole(sums.required),
        state.t("đề nghị", "proposed"),
        whole(sums.proposed),
        state.t("thẩm định", "appraised"),
        appraised,
    ));
    ui.colored_label(
        difference_colour(ui, gap),
        format!(
            "· {} {}",
            state.t("chênh lệch", "difference"),
            state.number(gap, 2)
        ),
    );
    let colour = if sums.errors > 0 {
        ui.visuals().error_fg_color
    } else if sums.warnings > 0 {
        ui.visuals().warn_fg_color
    } else {
        ui.visuals().weak_text_color()
    };
    ui.colored_label(
        colour,
        format!(
            "· {} {} · {} {}",
            sums.errors,
            state.t("lỗi", "errors"),
            sums.warnings,
            state.t("cảnh báo", "warnings")
        ),
    );
}

fn column_width(column: AgencyColumn) -> Column {
    match column {
        AgencyColumn::Agency => Column::initial(260.0).at_least(120.0).clip(true),
        AgencyColumn::UnitType => Column::initial(150.0).at_least(60.0).clip(true),
        AgencyColumn::File => Column::initial(260.0).at_least(80.0).clip(true),
        AgencyColumn::Errors | AgencyColumn::Warnings => {
            Column::initial(80.0).at_least(48.0).clip(true)
        }
        _ => Column::initial(104.0).at_least(48.0).clip(true),
    }
}

fn agencies_ui(state: &mut AppState, ui: &mut egui::Ui, loaded: &Loaded) {
    ui.horizontal(|ui| {
        let label = ui.label(state.t("Lọc:", "Filter:"));
        let hint = state.t("tên cơ quan hoặc tệp", "agency or file name");
        ui.add(
            egui::TextEdit::singleline(&mut state.portfolio.filter)
                .desired_width(260.0)
                .hint_text(hint),
        )
        .labelled_by(label.id);
        ui.label(state.t(
            "Nhấn vào một cơ quan để mở đề án của cơ quan đó.",
            "Click an agency to open its plan.",
        ));
    });
    let language = state.language();
    let rows = state.portfolio.rows(language);
    let agencies = &loaded.portfolio.agencies;
    let mut sort_clicked = None;
    let mut open = None;
    let mut sheet = Sheet::new("portfolio_agencies", "", ROW_HEIGHT)
        .pinned(1)
        .clickable();
    for column in AgencyColumn::ALL {
        sheet = sheet.column(column_width(column));
    }
    let response = sheet.show(ui, rows.len(), |ui, place| {
        let (row, column) = match place {
            Place::Header(column) => {
                let Some(&column) = AgencyColumn::ALL.get(column) else {
                    return;
                };
                let arrow = match state.portfolio.sort {
                    Some((c, true)) if c == column => "▲",
                    Some((c, false)) if c == column => "▼",
                    _ => "",
                };
                if ui.button(column.title(language)).clicked() {
                    sort_clicked = Some(column);
                }
                if !arrow.is_empty() {
                    ui.label(egui::RichText::new(arrow).monospace());
                }
                return;
            }
            Place::Cell { row, column } => (row, column),
        };
        let (Some(agency), Some(&column)) = (
            rows.get(row).and_then(|&i| agencies.get(i)),
            AgencyColumn::ALL.get(column),
        ) else {
            return;
        };
        let figures = match &agency.outcome {
            Ok(checked) => &checked.figures,
            Err(error) => {
                match column {
                    AgencyColumn::Agency => {
                        let text = egui::RichText::new(&agency.relative)
                            .color(ui.visuals().error_fg_color);
                        let button = egui::Button::selectable(false, text).truncate();
                        let message = error.message(language);
                        if ui.add(button).on_hover_text(&message).clicked() {
                            open = Some(agency.file.clone());
                        }
                    }
                    AgencyColumn::UnitType => {
                        ui.colored_label(
                            ui.visuals().error_fg_color,
                            state.t("không đọc được", "unreadable"),
                        );
                    }
                    AgencyColumn::File => {
                        let message = error.message(language);
                        ui.add(
                            egui::Label::new(
                                egui::RichText::new(&message).color(ui.visuals().error_fg_color),
                            )
                            .truncate(),
                        )
                        .on_hover_text(&message);
                    }
                    _ => {}
                }
                return;
            }
        };
        let gap = difference(agency).unwrap_or(0.0);
        match column {
            AgencyColumn::Agency => {
                let button = egui::Button::selectable(false, &figures.agency).truncate();
                if ui.add(button).on_hover_text(&figures.agency).clicked() {
                    open = Some(agency.file.clone());
                }
            }
            AgencyColumn::UnitType => {
                cell_text(ui, figures.unit_type.label(language));
            }
            AgencyColumn::Quota => {
                ui.label(figures.quota.map(|q| q.to_string()).unwrap_or_default());
            }
            AgencyColumn::Current => {
                ui.colored_label(difference_colour(ui, gap), state.number(figures.current, 2));
            }
            AgencyColumn::Required => {
                ui.colored_label(difference_colour(ui, gap), figures.required.to_string());
            }
            AgencyColumn::Proposed => {
                ui.label(figures.proposed.to_string());
            }
            AgencyColumn::Appraised => {
                ui.label(figures.appraised.map(|a| a.to_string()).unwrap_or_default());
            }
            AgencyColumn::Difference => {
                ui.colored_label(difference_colour(ui, gap), state.number(gap, 2));
            }
            AgencyColumn::Errors => {
                let colour = if figures.errors > 0 {
                    ui.visuals().error_fg_color
                } else {
                    ui.visuals().weak_text_color()
                };
                ui.colored_label(colour, figures.errors.to_string());
            }
            AgencyColumn::Warnings => {
                let colour = if figures.warnings > 0 {
                    ui.visuals().warn_fg_color
                } else {
                    ui.visuals().weak_text_color()
                };
                ui.colored_label(colour, figures.warnings.to_string());
            }
            AgencyColumn::File => {
                cell_text(ui, &agency.relative).on_hover_text(agency.file.display().to_string());
            }
        }
    });
    if let Some(row) = response.clicked_row
        && let Some(agency) = rows.get(row).and_then(|&i| agencies.get(i))
    {
        open = Some(agency.file.clone());
    }
    if let Some(column) = sort_clicked {
        state.portfolio.sort = match state.portfolio.sort {
            Some((c, true)) if c == column => Some((column, false)),
            Some((c, false)) if c == column => None,
            _ => Some((column, true)),
        };
    }
    if let Some(file) = open {
        portfolio::open_agency(state, &file);
    }
}
