//! The Dashboard tab: biên chế apart from labour contracts, charts of required against current
//! headcount for the selected subtree (per direct sub-unit, per position category, per rank)
//! and the positions under workload pressure (WISN ratio below 1).
//!
//! Every figure comes from [`engine::breakdown`]; this file only lays bars out. Unit names can
//! be long: the unit chart's axis names each unit cut to the room under its bars (the full name
//! shows on the bars' hover and in the table below), and the pressure chart numbers its
//! positions as its table does.

use eframe::egui::{self, Color32};
use egui_plot::{Bar, BarChart, Corner, GridMark, Legend, Plot, VLine};

use super::figures::{difference_colour, headed_grid, ratio_text, totals_ui};
use super::position_form::{employment_label, employment_words};
use super::positions_tab::category_label;
use crate::app::state::AppState;
use crate::engine::{self, Breakdown, EmploymentFigures, Figures};
use crate::format::{en_number, vi_number};
use crate::language::{Language, Localized as _};
use crate::model::Employment;

const CHART_HEIGHT: f32 = 220.0;
/// Bars drawn in the pressure chart; the table lists more.
const PRESSURE_BARS: usize = 20;
/// Rows listed in the pressure table.
const PRESSURE_ROWS: usize = 100;
/// Half the distance between the two bars of a group, and each bar's width.
const GROUP_OFFSET: f64 = 0.2;
const BAR_WIDTH: f64 = 0.38;

/// A generous width of a character of the axis's text, in points: a label wider than its room
/// is not drawn at all.
const AXIS_CHAR_WIDTH: f32 = 8.5;

const REQUIRED_COLOUR: Color32 = Color32::from_rgb(70, 120, 200);
const CURRENT_COLOUR: Color32 = Color32::from_rgb(230, 150, 40);

pub fn dashboard_tab_ui(state: &mut AppState, ui: &mut egui::Ui) {
    let breakdown = match current_breakdown(state) {
        Some(Ok(breakdown)) => breakdown,
        Some(Err(error)) => {
            ui.colored_label(ui.visuals().error_fg_color, error);
            return;
        }
        None => {
            ui.label(state.t("Chưa có kết quả.", "No results yet."));
            if let Some(error) = state.document.results_error() {
                ui.colored_label(ui.visuals().error_fg_color, error);
            }
            return;
        }
    };
    egui::ScrollArea::vertical()
        .id_salt("dashboard")
        .auto_shrink(false)
        .show(ui, |ui| {
            summary_ui(state, ui, &breakdown);
            ui.add_space(8.0);
            employment_ui(state, ui, &breakdown.total);
            ui.add_space(12.0);
            units_ui(state, ui, &breakdown);
            ui.add_space(12.0);
            categories_ui(state, ui, &breakdown);
            ui.add_space(12.0);
            ranks_ui(state, ui, &breakdown);
            ui.add_space(12.0);
            pressure_ui(state, ui, &breakdown);
        });
}

/// The breakdown for the selected unit, recomputed only when the plan, its results or the
/// selection change. `None` while there are no results.
fn current_breakdown(state: &mut AppState) -> Option<Result<Breakdown, String>> {
    let key = (state.view_key(), state.selected_unit.clone());
    let language = state.language();
    let document = &state.document;
    let unit = state.selected_unit.as_deref();
    state
        .memos
        .breakdown
        .get_or_try_make(key, || {
            let results = document.results()?;
            Some(engine::breakdown(document.plan(), results, unit).map_err(|e| e.message(language)))
        })
        .cloned()
}

fn summary_ui(state: &AppState, ui: &mut egui::Ui, breakdown: &Breakdown) {
    let scope = match &state.selected_unit {
        Some(id) => state
            .document
            .plan()
            .unit(id)
            .map(|u| u.name.clone())
            .unwrap_or_else(|| id.clone()),
        None => state.t("Toàn bộ đề án", "Whole plan").to_owned(),
    };
    ui.heading(format!("{}: {scope}", state.t("Tổng quan", "Overview")));
    totals_ui(ui, state, &breakdown.total);
}

/// Biên chế (civil servants and public employees) apart from labour contracts: required,
/// current and proposed of each, from the engine's split of the subtree's figures.
fn employment_ui(state: &AppState, ui: &mut egui::Ui, total: &Figures) {
    ui.heading(state.t(
        "Biên chế và hợp đồng lao động",
        "Establishment and labour contracts",
    ));
    let split = &total.by_employment;
    let establishment = split.establishment();
    // Công chức and viên chức are listed apart only when the subtree has both.
    let parts = split.establishment_parts();
    let mut rows: Vec<(String, EmploymentFigures, bool)> = Vec::new();
    if parts.len() > 1 {
        rows.extend(
            parts
                .iter()
                .map(|(e, f)| (format!("  {}", employment_label(state, *e)), *f, false)),
        );
    }
    let establishment_name = match parts.as_slice() {
        [(only, _)] => format!(
            "{} ({})",
            state.t("Biên chế", "Establishment"),
            employment_words(state, *only)
        ),
        _ => state.t("Biên chế", "Establishment").to_owned(),
    };
    rows.push((establishment_name, establishment, true));
    rows.push((
        employment_label(state, Employment::Contract),
        split.contract,
        false,
    ));
    let headers = [
        state.t("Chế độ", "Employment basis"),
        state.t("Cần", "Required"),
        state.t("Hiện có", "Current"),
        state.t("Chênh lệch", "Difference"),
        state.t("Đề xuất", "Proposed"),
    ];
    headed_grid(ui, "dashboard_employment", &headers, |ui| {
        for (name, figures, strong) in &rows {
            if *strong {
                ui.strong(name);
            } else {
                ui.label(name);
            }
            ui.label(figures.required.to_string());
            ui.label(state.number(figures.current, 2));
            let difference = figures.current - figures.required as f64;
            ui.colored_label(
                difference_colour(ui, difference),
                state.number(difference, 2),
            );
            ui.label(figures.proposed.to_string());
            ui.end_row();
        }
    });
    if total.required > 0 {
        let share = split.contract.required as f64 / total.required as f64;
        ui.label(format!(
            "{}: {} %",
            state.t(
                "Hợp đồng lao động trong số cần có",
                "Labour contracts in the required headcount"
            ),
            state.number(share * 100.0, 1)
        ));
    }
}

/// One group of two bars (required, current) with its name in the table.
struct Group {
    /// Text on the axis under the group.
    axis: String,
    /// Name in the table and in the bars' hover text.
    name: String,
    figures: Figures,
}

fn units_ui(state: &AppState, ui: &mut egui::Ui, breakdown: &Breakdown) {
    ui.heading(state.t(
        "Cần có và hiện có theo đơn vị",
        "Required and current by unit",
    ));
    let mut groups: Vec<Group> = breakdown
        .units
        .iter()
        .map(|u| Group {
            axis: String::new(),
            name: u.name.clone(),
            figures: u.figures,
        })
        .collect();
    if let Some(own) = breakdown.own {
        let unit_name = breakdown
            .unit_id
            .as_deref()
            .and_then(|id| state.document.plan().unit(id))
            .map(|u| u.name.clone())
            .unwrap_or_default();
        groups.insert(
            0,
            Group {
                axis: String::new(),
                name: format!("{} {unit_name}", state.t("Trực tiếp tại", "Directly in")),
                figures: own,
            },
        );
    }
    if groups.is_empty() {
        ui.label(state.t("Không có đơn vị trực thuộc.", "There are no sub-units."));
        return;
    }
    // Long unit names do not fit under a pair of bars: each is cut to its room on the axis.
    let room = (ui.available_width() - 40.0) / groups.len() as f32 - 8.0;
    let chars = ((room / AXIS_CHAR_WIDTH) as usize).max(4);
    let names: Vec<&str> = groups.iter().map(|g| g.name.as_str()).collect();
    let axes = axis_names(&names, chars);
    for (group, axis) in groups.iter_mut().zip(axes) {
        group.axis = axis;
    }
    chart_and_table(
        state,
        ui,
        "dashboard_units",
        state.t("Đơn vị", "Unit"),
        &groups,
    );
}

fn categories_ui(state: &AppState, ui: &mut egui::Ui, breakdown: &Breakdown) {
    ui.heading(state.t(
        "Cần có và hiện có theo nhóm vị trí",
        "Required and current by position category",
    ));
    if breakdown.categories.is_empty() {
        ui.label(state.t("Chưa có vị trí việc làm.", "There are no positions."));
        return;
    }
    let groups: Vec<Group> = breakdown
        .categories
        .iter()
        .map(|c| Group {
            axis: category_label(state, c.category),
            name: category_label(state, c.category),
            figures: c.figures,
        })
        .collect();
    chart_and_table(
        state,
        ui,
        "dashboard_categories",
        state.t("Nhóm vị trí", "Category"),
        &groups,
    );
    if breakdown.unassigned_current > 0.0 {
        ui.label(format!(
            "{}: {}",
            state.t(
                "Nhân sự chưa gắn với vị trí việc làm (không thuộc nhóm nào)",
                "Staff holding no position (in no category)"
            ),
            state.number(breakdown.unassigned_current, 2)
        ));
    }
}

fn ranks_ui(state: &AppState, ui: &mut egui::Ui, breakdown: &Breakdown) {
    ui.heading(state.t(
        "Cần có và hiện có theo ngạch",
        "Required and current by rank",
    ));
    ui.label(state.t(
        "Cần có theo ngạch của vị trí; hiện có theo ngạch của từng người.",
        "Required by the position's rank; current by each person's own rank.",
    ));
    if breakdown.ranks.is_empty() {
        ui.label(state.t("Chưa có dữ liệu ngạch.", "No rank data."));
        return;
    }
    let groups: Vec<Group> = breakdown
        .ranks
        .iter()
        .map(|r| {
            // The axis keeps the short code; the table beside it names the rank.
            let (axis, name) = if r.rank_code.is_empty() {
                let none = state.t("chưa ghi ngạch", "no rank").to_owned();
                (none.clone(), none)
            } else {
                (r.rank_code.clone(), state.rank_label(&r.rank_code))
            };
            Group {
                axis,
                name,
                figures: r.figures,
            }
        })
        .collect();
    chart_and_table(
        state,
        ui,
        "dashboard_ranks",
        state.t("Ngạch", "Rank"),
        &groups,
    );
}

fn pressure_ui(state: &AppState, ui: &mut egui::Ui, breakdown: &Breakdown) {
    ui.heading(state.t(
        "Vị trí chịu áp lực công việc (tỷ lệ WISN dưới 1)",
        "Positions under workload pressure (WISN ratio below 1)",
    ));
    ui.label(state.t(
        "Tỷ lệ = hiện có / cần có (FTE); dưới 1 là thiếu người so với khối lượng công việc.",
        "Ratio = current / required FTE; below 1 means fewer staff than the workload needs.",
    ));
    if breakdown.pressure.is_empty() {
        ui.colored_label(
            difference_colour(ui, 0.0),
            state.t(
                "Không có vị trí nào có tỷ lệ dưới 1.",
                "No position has a ratio below 1.",
            ),
        );
        return;
    }
    pressure_chart(state, ui, breakdown);
    let shown = breakdown.pressure.len().min(PRESSURE_ROWS);
    if shown < breakdown.pressure.len() {
        ui.label(format!(
            "{} {shown} / {} {}",
            state.t("Hiển thị", "Showing"),
            breakdown.pressure.len(),
            state.t(
                "vị trí có tỷ lệ thấp nhất",
                "positions with the lowest ratios"
            ),
        ));
    }
    let shortage = difference_colour(ui, -1.0);
    let text_width = name_width(ui);
    headed_grid(
        ui,
        "dashboard_pressure_table",
        &[
            state.t("Số", "No."),
            state.t("Vị trí việc làm", "Position"),
            state.t("Đơn vị", "Unit"),
            state.t("Cần (FTE)", "Required FTE"),
            state.t("Cần", "Required"),
            state.t("Hiện có", "Current"),
            state.t("Chênh lệch", "Difference"),
            state.t("Tỷ lệ", "Ratio"),
        ],
        |ui| {
            for (number, row) in (1..).zip(breakdown.pressure.iter().take(PRESSURE_ROWS)) {
                let figures = &row.figures;
                ui.label(format!("{number}"));
                name_label(ui, &row.name, text_width);
                name_label(ui, &row.unit_name, text_width);
                ui.label(state.number(figures.required_fte, 2));
                ui.label(figures.required.to_string());
                ui.label(state.number(figures.current, 2));
                ui.colored_label(
                    difference_colour(ui, figures.difference),
                    state.number(figures.difference, 2),
                );
                ui.colored_label(shortage, state.number(row.ratio, 2));
                ui.end_row();
            }
        },
    );
}

/// Horizontal bars of the lowest ratios, with the balance line at 1.
fn pressure_chart(state: &AppState, ui: &mut egui::Ui, breakdown: &Breakdown) {
    let language = state.language();
    let shortage = difference_colour(ui, -1.0);
    let rows: Vec<_> = breakdown.pressure.iter().take(PRESSURE_BARS).collect();
    let count = rows.len();
    // The lowest ratio on top: row i sits at height count - 1 - i.
    let bars: Vec<Bar> = rows
        .iter()
        .enumerate()
        .map(|(i, row)| {
            Bar::new((count - 1 - i) as f64, row.ratio)
                .width(0.7)
                .fill(shortage)
                .name(format!(
                    "{}. {}\n{} {}",
                    i + 1,
                    row.name,
                    state.t("Tỷ lệ", "Ratio"),
                    state.number(row.ratio, 2)
                ))
        })
        .collect();
    let chart = BarChart::new(
        state.t("Tỷ lệ hiện có / cần có", "Current / required"),
        bars,
    )
    .horizontal()
    .color(shortage)
    .element_formatter(Box::new(|bar, _| bar.name.clone()));
    let balanced = difference_colour(ui, 0.0);
    let balance = state
        .t("Cân bằng (tỷ lệ 1)", "Balanced (ratio 1)")
        .to_owned();
    super::figures::still(
        Plot::new("dashboard_pressure")
            .height(CHART_HEIGHT.max(count as f32 * 18.0))
            .legend(Legend::default().position(Corner::RightBottom))
            .include_x(0.0)
            .include_x(1.1)
            .include_y(-0.6)
            .include_y(count as f64 - 0.4)
            .y_grid_spacer(whole_marks)
            .y_axis_formatter(move |mark, _| {
                axis_number(mark, count).map_or_else(String::new, |k| (count - k).to_string())
            })
            .x_axis_formatter(move |mark, _| number_in(language, mark.value, 2))
            .show_x(false)
            .show_y(false),
    )
    .show(ui, |plot| {
        plot.bar_chart(chart);
        plot.vline(VLine::new(balance, 1.0).color(balanced));
    });
}

/// Two bars per group: required (whole people) and current.
/// The grouped bars of `groups` and, under them, the table of their figures.
fn chart_and_table(state: &AppState, ui: &mut egui::Ui, id: &str, first: &str, groups: &[Group]) {
    grouped_chart(state, ui, id, groups);
    figures_table(state, ui, &format!("{id}_table"), first, groups);
}

fn grouped_chart(state: &AppState, ui: &mut egui::Ui, id: &str, groups: &[Group]) {
    let language = state.language();
    let required_name = state.t("Cần có", "Required").to_owned();
    let current_name = state.t("Hiện có", "Current").to_owned();
    let bar = |at: usize, offset: f64, value: f64, label: &str, group: &Group| {
        let colour = if offset < 0.0 {
            REQUIRED_COLOUR
        } else {
            CURRENT_COLOUR
        };
        Bar::new(at as f64 + offset, value)
            .width(BAR_WIDTH)
            .fill(colour.gamma_multiply(0.75))
            .name(format!(
                "{}\n{label}: {}",
                group.name,
                number_in(language, value, 2)
            ))
    };
    let required: Vec<Bar> = groups
        .iter()
        .enumerate()
        .map(|(i, g)| {
            bar(
                i,
                -GROUP_OFFSET,
                g.figures.required as f64,
                &required_name,
                g,
            )
        })
        .collect();
    let current: Vec<Bar> = groups
        .iter()
        .enumerate()
        .map(|(i, g)| bar(i, GROUP_OFFSET, g.figures.current, &current_name, g))
        .collect();
    let axis: Vec<String> = groups.iter().map(|g| g.axis.clone()).collect();
    let count = groups.len();
    super::figures::still(
        Plot::new(id)
            .height(CHART_HEIGHT)
            .legend(Legend::default().position(Corner::RightTop))
            .include_y(0.0)
            .include_x(-0.6)
            .include_x(count as f64 - 0.4)
            .x_grid_spacer(whole_marks)
            .x_axis_formatter(move |mark, _| {
                axis_number(mark, count)
                    .and_then(|k| axis.get(k))
                    .cloned()
                    .unwrap_or_default()
            })
            .y_axis_formatter(move |mark, _| number_in(language, mark.value, 2))
            .show_x(false)
            .show_y(false),
    )
    .show(ui, |plot| {
        plot.bar_chart(
            BarChart::new(required_name.clone(), required)
                .color(REQUIRED_COLOUR)
                .element_formatter(Box::new(|bar, _| bar.name.clone())),
        );
        plot.bar_chart(
            BarChart::new(current_name.clone(), current)
                .color(CURRENT_COLOUR)
                .element_formatter(Box::new(|bar, _| bar.name.clone())),
        );
    });
}

/// The groups' figures, each group by its full name.
fn figures_table(state: &AppState, ui: &mut egui::Ui, id: &str, first: &str, groups: &[Group]) {
    let text_width = name_width(ui);
    egui::Grid::new(id).striped(true).show(ui, |ui| {
        for header in [
            first,
            state.t("Cần (FTE)", "Required FTE"),
            state.t("Cần", "Required"),
            state.t("Hiện có", "Current"),
            state.t("Chênh lệch", "Difference"),
            state.t("Tỷ lệ", "Ratio"),
        ] {
            ui.strong(header);
        }
        ui.end_row();
        for group in groups {
            let figures = &group.figures;
            name_label(ui, &group.name, text_width);
            ui.label(state.number(figures.required_fte, 2));
            ui.label(figures.required.to_string());
            ui.label(state.number(figures.current, 2));
            ui.colored_label(
                difference_colour(ui, figures.difference),
                state.number(figures.difference, 2),
            );
            let ratio = ratio_text(state, figures.ratio);
            match figures.ratio {
                Some(r) if r < 1.0 => ui.colored_label(difference_colour(ui, -1.0), ratio),
                _ => ui.label(ratio),
            };
            ui.end_row();
        }
    });
}

/// Widest a name column may grow, so that the figures after it stay in view.
fn name_width(ui: &egui::Ui) -> f32 {
    (ui.available_width() * 0.3).clamp(140.0, 420.0)
}

/// A name cut to `width` with an ellipsis; the full name shows on hover.
fn name_label(ui: &mut egui::Ui, name: &str, width: f32) {
    ui.scope(|ui| {
        ui.set_max_width(width);
        ui.add(egui::Label::new(name).truncate());
    });
}

/// Grid marks on whole numbers only, where the groups sit.
fn whole_marks(input: egui_plot::GridInput) -> Vec<GridMark> {
    let (low, high) = input.bounds;
    let (first, last) = (low.ceil() as i64, high.floor() as i64);
    (first..=last)
        .map(|value| GridMark {
            value: value as f64,
            step_size: 1.0,
        })
        .collect()
}

/// The group index a grid mark stands on, if it stands on one.
fn axis_number(mark: GridMark, count: usize) -> Option<usize> {
    let index = mark.value.round();
    ((mark.value - index).abs() < 1e-6 && index >= 0.0 && (index as usize) < count)
        .then_some(index as usize)
}

fn number_in(language: Language, value: f64, decimals: usize) -> String {
    match language {
        Language::Vietnamese => vi_number(value, decimals),
        Language::English => en_number(value, decimals),
    }
}

/// Names for an axis, each at most `chars` characters: cut after a whole word where one fits,
/// with "…". Names that would read alike are told apart by their place ("2. Phòng…").
fn axis_names(names: &[&str], chars: usize) -> Vec<String> {
    let short: Vec<String> = names.iter().map(|name| shortened(name, chars)).collect();
    short
        .iter()
        .enumerate()
        .map(|(i, text)| {
            if short.iter().filter(|other| *other == text).count() > 1 {
                shortened(&format!("{}. {}", i + 1, names[i]), chars)
            } else {
                text.clone()
            }
        })
        .collect()
}

/// `name` cut to `chars` characters, "…" included.
fn shortened(name: &str, chars: usize) -> String {
    if name.chars().count() <= chars {
        return name.to_owned();
    }
    let room = chars.saturating_sub(1).max(1);
    let cut: String = name.chars().take(room).collect();
    // After the last whole word when that keeps at least half the room.
    let whole_words = name.chars().nth(room) == Some(' ');
    let kept = match cut.rfind(' ') {
        _ if whole_words => cut.as_str(),
        Some(space) if cut[..space].chars().count() * 2 >= room => &cut[..space],
        _ => cut.as_str(),
    };
    format!("{}…", kept.trim_end_matches([' ', ',', '-']))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn axis_names_are_cut_after_a_word_and_told_apart() {
        let names = [
            "Trực tiếp tại Ủy ban nhân dân xã Tân Hòa",
            "Văn phòng HĐND và UBND",
            "Phòng Kinh tế",
            "Phòng Văn hóa - Xã hội",
            "Phòng Văn hóa - Thông tin",
        ];
        let short = axis_names(&names, 14);
        assert_eq!(
            short,
            [
                "Trực tiếp tại…",
                "Văn phòng…",
                "Phòng Kinh tế",
                "4. Phòng Văn…",
                "5. Phòng Văn…",
            ]
        );
        assert!(short.iter().all(|s| s.chars().count() <= 14));
        // A long single word is cut inside it.
        assert_eq!(shortened("Abcdefghijklmnop", 6), "Abcde…");
    }
}
