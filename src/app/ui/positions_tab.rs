//! The Positions tab: every position of the selected subtree with its figures, sortable and
//! filterable, in a virtualised table (only visible rows are laid out).

use std::cmp::Ordering;
use std::collections::HashSet;

use eframe::egui;
use egui_extras::Column;

use super::figures::{difference_colour, ratio_text};
use super::sheet::{Place, Sheet};
use crate::app::state::{AppState, Notice, PositionColumn};
use crate::editing::{Created, Edit, subtree};
use crate::engine::PositionResult;

const ROW_HEIGHT: f32 = 22.0;

pub fn positions_tab_ui(state: &mut AppState, ui: &mut egui::Ui) {
    toolbar_ui(state, ui);
    ui.add_space(4.0);
    let rows = visible_rows(state);
    // The form sits below the table, in the height it took last frame, so that selecting a
    // row leaves the row under the pointer instead of pushing the table down.
    let form_id = egui::Id::unique("position_form_height");
    let form_height: f32 = ui.data(|d| d.get_temp(form_id)).unwrap_or(0.0);
    let table_height = (ui.available_height() - form_height - 8.0).max(ROW_HEIGHT * 4.0);
    ui.allocate_ui(egui::vec2(ui.available_width(), table_height), |ui| {
        table_ui(state, ui, &rows, table_height);
    });
    ui.add_space(4.0);
    let top = ui.cursor().top();
    super::position_form::position_form_ui(state, ui);
    let height = ui.cursor().top() - top;
    ui.data_mut(|d| d.insert_temp(form_id, height));
}

fn toolbar_ui(state: &mut AppState, ui: &mut egui::Ui) {
    ui.horizontal(|ui| {
        ui.label(state.t("Lọc:", "Filter:"));
        let hint = state.t("tên, mã, ngạch…", "name, id, rank…").to_owned();
        ui.add(
            egui::TextEdit::singleline(&mut state.position_filter)
                .hint_text(hint)
                .desired_width(200.0),
        );
        ui.separator();
        let unit = state.selected_unit.clone();
        let add = ui
            .add_enabled(
                unit.is_some(),
                egui::Button::new(state.t("Thêm vị trí", "Add position")),
            )
            .on_disabled_hover_text(state.t("Chọn một đơn vị trước", "Select a unit first"));
        if add.clicked()
            && let Some(unit_id) = unit
        {
            let name = state.t("Vị trí mới", "New position").to_owned();
            apply(state, Edit::AddPosition { unit_id, name });
        }
        let selected = state.selected_position.clone();
        if ui
            .add_enabled(
                selected.is_some(),
                egui::Button::new(state.t("Nhân bản", "Duplicate")),
            )
            .clicked()
            && let Some(id) = selected.clone()
        {
            apply(state, Edit::DuplicatePosition { id });
        }
        if ui
            .add_enabled(
                selected.is_some(),
                egui::Button::new(state.t("Xóa vị trí", "Delete position")),
            )
            .clicked()
            && let Some(id) = selected
        {
            apply(state, Edit::DeletePosition { id });
            state.selected_position = None;
        }
        ui.separator();
        columns_menu_ui(state, ui);
    });
}

/// Applies an edit, selecting what it created or reporting why it was refused.
pub fn apply(state: &mut AppState, edit: Edit) {
    match state.apply(edit) {
        Ok(Created::Position(id)) => state.selected_position = Some(id),
        Ok(_) => {}
        Err(reason) => state.notice = Some(Notice::Error(reason)),
    }
}

/// Indices of the positions to show: in the selected subtree, matching the filter, sorted.
fn visible_rows(state: &AppState) -> Vec<usize> {
    let plan = state.document.plan();
    let units: Option<HashSet<String>> = state
        .selected_unit
        .as_deref()
        .map(|id| subtree(plan, id).into_iter().collect());
    let filter = state.position_filter.to_lowercase();
    let results = state.document.results();
    let mut rows: Vec<usize> = plan
        .positions
        .iter()
        .enumerate()
        .filter(|(_, p)| units.as_ref().is_none_or(|u| u.contains(&p.unit_id)))
        .filter(|(_, p)| {
            filter.is_empty()
                || p.name.to_lowercase().contains(&filter)
                || p.id.to_lowercase().contains(&filter)
                || p.rank_code.to_lowercase().contains(&filter)
        })
        .map(|(i, _)| i)
        .collect();
    if let Some((column, ascending)) = state.position_sort {
        // Figures by id: before the worker finishes, a new or moved row has none of its own.
        let result = |i: usize| {
            let id = plan.positions.get(i).map(|p| p.id.as_str());
            results.zip(id).and_then(|(r, id)| r.position(id))
        };
        rows.sort_by(|&a, &b| {
            let (pa, pb) = (&plan.positions[a], &plan.positions[b]);
            let by_figure = |f: fn(&PositionResult) -> f64| {
                let fa = result(a).map(f).unwrap_or(0.0);
                let fb = result(b).map(f).unwrap_or(0.0);
                fa.partial_cmp(&fb).unwrap_or(Ordering::Equal)
            };
            let order = match column {
                PositionColumn::Id => pa.id.cmp(&pb.id),
                PositionColumn::Name => pa.name.cmp(&pb.name),
                PositionColumn::Unit => pa.unit_id.cmp(&pb.unit_id),
                PositionColumn::Category => pa.category.cmp(&pb.category),
                PositionColumn::Rank => pa.rank_code.cmp(&pb.rank_code),
                PositionColumn::RequiredFte => by_figure(|r| r.required_fte),
                PositionColumn::Required => by_figure(|r| r.required as f64),
                PositionColumn::Proposed => {
                    let count = |i: usize| {
                        plan.positions[i]
                            .proposed
                            .as_ref()
                            .map(|p| i64::from(p.count))
                            .or_else(|| result(i).map(|r| r.required))
                    };
                    count(a).cmp(&count(b))
                }
                PositionColumn::Appraised => {
                    let appraised = |i: usize| result(i).and_then(|r| r.appraised);
                    appraised(a).cmp(&appraised(b))
                }
                PositionColumn::Remark => {
                    let remark = |i: usize| {
                        result(i).map(|r| (r.decision.map(|d| d.keyword()), r.comment.clone()))
                    };
                    remark(a).cmp(&remark(b))
                }
                PositionColumn::Current => by_figure(|r| r.current),
                PositionColumn::Difference => by_figure(|r| r.difference),
                PositionColumn::Ratio => by_figure(|r| r.ratio.unwrap_or(f64::INFINITY)),
            };
            if ascending { order } else { order.reverse() }
        });
    }
    rows
}

/// The header of a column, in the interface language.
fn column_header(state: &AppState, column: PositionColumn) -> &'static str {
    match column {
        PositionColumn::Name => state.t("Vị trí việc làm", "Position"),
        PositionColumn::RequiredFte => state.t("Cần (FTE)", "Required FTE"),
        PositionColumn::Required => state.t("Cần", "Required"),
        PositionColumn::Proposed => state.t("Đề xuất", "Proposed"),
        PositionColumn::Appraised => state.t("Số thẩm định", "Appraised"),
        PositionColumn::Remark => state.t("Ý kiến thẩm định", "Appraisal remark"),
        PositionColumn::Current => state.t("Hiện có", "Current"),
        PositionColumn::Difference => state.t("Chênh lệch", "Difference"),
        PositionColumn::Ratio => state.t("Tỷ lệ", "Ratio"),
        PositionColumn::Category => state.t("Nhóm", "Category"),
        PositionColumn::Rank => state.t("Ngạch", "Rank"),
        PositionColumn::Unit => state.t("Đơn vị", "Unit"),
        PositionColumn::Id => state.t("Mã", "Id"),
    }
}

/// How wide a column starts and may shrink to; long texts are clipped.
fn column_width(column: PositionColumn) -> Column {
    match column {
        PositionColumn::Name => Column::initial(240.0).at_least(120.0).clip(true),
        PositionColumn::Remark => Column::initial(220.0).at_least(80.0).clip(true),
        PositionColumn::Category => Column::initial(120.0).at_least(60.0).clip(true),
        PositionColumn::Unit => Column::initial(160.0).at_least(60.0).clip(true),
        PositionColumn::Id => Column::auto().at_least(90.0),
        _ => Column::auto().at_least(60.0),
    }
}

/// The columns shown, in order: the name and the figures first, so that they stay visible
/// beside the tree and the Explain panel; the reviewer's remarks beside the figures once the
/// plan has been appraised; where names repeat across units (a province plan's "Trưởng
/// phòng"), the unit right after the name. Columns hidden in the Cột menu are left out.
fn shown_columns(state: &AppState, reviewed: bool, many_units: bool) -> Vec<PositionColumn> {
    let mut columns = vec![PositionColumn::Name];
    columns.extend(PositionColumn::HIDEABLE);
    if !reviewed {
        columns.retain(|c| *c != PositionColumn::Remark);
    }
    if many_units {
        columns.retain(|c| *c != PositionColumn::Unit);
        columns.insert(1, PositionColumn::Unit);
    }
    let hidden = &state.preferences.hidden_position_columns;
    columns.retain(|c| *c == PositionColumn::Name || !hidden.contains(c));
    columns
}

/// The Cột menu: a check box for each column but the name; what is hidden is remembered.
fn columns_menu_ui(state: &mut AppState, ui: &mut egui::Ui) {
    let label = state.t("Cột…", "Columns…").to_owned();
    ui.menu_button(label, |ui| {
        for column in PositionColumn::HIDEABLE {
            let mut shown = !state.preferences.hidden_position_columns.contains(&column);
            let header = column_header(state, column);
            if ui.checkbox(&mut shown, header).changed() {
                let hidden = &mut state.preferences.hidden_position_columns;
                hidden.retain(|c| *c != column);
                if !shown {
                    hidden.push(column);
                }
            }
        }
    });
}

fn table_ui(state: &mut AppState, ui: &mut egui::Ui, rows: &[usize], height: f32) {
    let reviewed = state.document.plan().review.is_some();
    let mut sort_clicked = None;
    let mut row_clicked = None;
    let mut explain_clicked = None;
    // Names repeat across units on a province plan ("Trưởng phòng"): the unit then sits
    // beside the name.
    let many_units = {
        let plan = state.document.plan();
        let mut names = HashSet::new();
        !rows
            .iter()
            .filter_map(|&i| plan.positions.get(i))
            .all(|p| names.insert(p.name.as_str()))
    };
    let columns = shown_columns(state, reviewed, many_units);
    let rows_key = state.selected_unit.clone().unwrap_or_default();
    // A position newly selected (added, duplicated, or picked from the Checks panel) is
    // scrolled into view; a row already in view stays where it is.
    let selection_id = egui::Id::unique("positions_table_selection");
    let previous: Option<String> = ui
        .data(|d| d.get_temp::<Option<String>>(selection_id))
        .flatten();
    ui.data_mut(|d| d.insert_temp(selection_id, state.selected_position.clone()));
    let scroll_to = match &state.selected_position {
        Some(id) if previous.as_ref() != Some(id) => {
            let plan = state.document.plan();
            rows.iter()
                .position(|&i| plan.positions.get(i).is_some_and(|p| &p.id == id))
        }
        _ => None,
    };
    // The name, and the unit beside it when shown there (it can be hidden from the Cột menu).
    let pinned = if many_units && columns.get(1) == Some(&PositionColumn::Unit) {
        2
    } else {
        1
    };
    let selected = state.selected_position.as_deref().and_then(|id| {
        let plan = state.document.plan();
        rows.iter()
            .position(|&i| plan.positions.get(i).is_some_and(|p| p.id == id))
    });
    let mut sheet = Sheet::new("positions_table", &rows_key, ROW_HEIGHT)
        .scroll_to(scroll_to)
        .pinned(pinned)
        .selected(selected)
        .clickable()
        .max_height(height - 32.0);
    for column in &columns {
        sheet = sheet.column(column_width(*column));
    }
    let response = sheet.show(ui, rows.len(), |ui, place| {
        let (row, column) = match place {
            Place::Header(column) => {
                let Some(&column) = columns.get(column) else {
                    return;
                };
                // The arrows come from the monospace font, which has them.
                let arrow = match state.position_sort {
                    Some((c, true)) if c == column => "▲",
                    Some((c, false)) if c == column => "▼",
                    _ => "",
                };
                if ui.button(column_header(state, column)).clicked() {
                    sort_clicked = Some(column);
                }
                if !arrow.is_empty() {
                    ui.label(egui::RichText::new(arrow).monospace());
                }
                return;
            }
            Place::Cell { row, column } => (row, column),
        };
        let (Some(&index), Some(column)) = (rows.get(row), columns.get(column)) else {
            return;
        };
        let plan = state.document.plan();
        let Some(position) = plan.positions.get(index) else {
            return;
        };
        // Paired by id, never by place: after a duplicate or a delete, until the worker
        // finishes, the row shows its own figures or none.
        let result = state
            .document
            .results()
            .and_then(|r| r.position(&position.id));
        match column {
            PositionColumn::Name => {
                let selected = selected == Some(row);
                let name = egui::Button::selectable(selected, &position.name).truncate();
                if ui.add(name).on_hover_text(&position.name).clicked() {
                    row_clicked = Some(position.id.clone());
                }
            }
            PositionColumn::Unit => {
                // Only the rows in view are drawn: a search per cell costs less than an index
                // built every frame.
                let plan = state.document.plan();
                let name = plan
                    .unit(&position.unit_id)
                    .map_or(position.unit_id.as_str(), |u| u.name.as_str());
                super::sheet::cell_text(ui, name);
            }
            PositionColumn::Category => {
                super::sheet::cell_text(ui, category_label(state, position.category));
            }
            PositionColumn::Rank => {
                let label = ui.label(&position.rank_code);
                if !position.rank_code.is_empty() {
                    label.on_hover_text(state.rank_label(&position.rank_code));
                }
            }
            PositionColumn::Id => {
                ui.label(&position.id);
            }
            PositionColumn::Proposed => proposed_cell(
                state,
                ui,
                position,
                result.map(|r| r.required.to_string()).as_deref(),
            ),
            PositionColumn::Remark => remark_cell(state, ui, result),
            figure => {
                if let Some(result) = result {
                    figure_cell(state, ui, *figure, result, &mut explain_clicked);
                } else {
                    ui.label("…");
                }
            }
        }
    });
    if let Some(row) = response.clicked_row
        && let Some(position) = rows
            .get(row)
            .and_then(|&i| state.document.plan().positions.get(i))
    {
        row_clicked = Some(position.id.clone());
    }
    if let Some(column) = sort_clicked {
        state.position_sort = match state.position_sort {
            Some((c, true)) if c == column => Some((column, false)),
            Some((c, false)) if c == column => None,
            _ => Some((column, true)),
        };
    }
    if let Some(id) = row_clicked {
        state.selected_position = Some(id);
    }
    if let Some(id) = explain_clicked {
        state.selected_position = Some(id);
        state.show_explain = true;
    }
}

/// A figure of the engine's results for the position: the required FTE (a link to how it was
/// computed), the required, appraised and current numbers, the difference and the ratio.
fn figure_cell(
    state: &AppState,
    ui: &mut egui::Ui,
    column: PositionColumn,
    result: &PositionResult,
    explain_clicked: &mut Option<String>,
) {
    match column {
        PositionColumn::RequiredFte => {
            let link = ui
                .link(state.number(result.required_fte, 2))
                .on_hover_text(state.t("Xem cách tính", "How it was computed"));
            if link.clicked() {
                *explain_clicked = Some(result.id.clone());
            }
        }
        PositionColumn::Required => {
            ui.label(result.required.to_string());
        }
        PositionColumn::Appraised => {
            ui.label(result.appraised.map_or_else(String::new, |a| a.to_string()));
        }
        PositionColumn::Current => {
            ui.label(state.number(result.current, 2));
        }
        PositionColumn::Difference => {
            ui.colored_label(
                difference_colour(ui, result.difference),
                state.number(result.difference, 2),
            );
        }
        PositionColumn::Ratio => {
            ui.label(ratio_text(state, result.ratio));
        }
        _ => {}
    }
}

/// The reviewer's decision and comment on a position, as the agency reads them.
fn remark_cell(state: &AppState, ui: &mut egui::Ui, result: Option<&PositionResult>) {
    let Some(result) = result else {
        return;
    };
    let decision = result
        .decision
        .map(|d| super::appraisal_tab::decision_label(state, d));
    let text = match (decision, result.comment.as_deref()) {
        (Some(decision), Some(comment)) => format!("{decision}: {comment}"),
        (Some(decision), None) => decision.to_owned(),
        (None, Some(comment)) => comment.to_owned(),
        (None, None) => return,
    };
    super::sheet::cell_text(ui, &text);
}

/// The proposed count, or the computed one (`required`) in grey when nothing is proposed.
fn proposed_cell(
    state: &AppState,
    ui: &mut egui::Ui,
    position: &crate::model::Position,
    required: Option<&str>,
) {
    match (&position.proposed, required) {
        (Some(proposal), _) => {
            let label = ui.label(proposal.count.to_string());
            if !proposal.reason.is_empty() {
                label.on_hover_text(&proposal.reason);
            }
        }
        (None, Some(required)) => {
            ui.weak(required).on_hover_text(state.t(
                "Chưa đề xuất: bằng số cần theo tính toán",
                "Nothing proposed: the computed number",
            ));
        }
        (None, None) => {
            ui.label("…");
        }
    }
}

pub fn category_label(state: &AppState, category: crate::model::Category) -> String {
    state.t(category.label_vi(), category.label_en()).to_owned()
}
