//! The Positions tab: every position of the selected subtree with its figures, sortable and
//! filterable, in a virtualised table (only visible rows are laid out).

use std::cmp::Ordering;
use std::collections::HashSet;

use eframe::egui;
use egui_extras::{Column, TableBuilder};

use super::figures::{difference_colour, ratio_text};
use crate::app::state::{AppState, Notice, PositionColumn};
use crate::editing::{Created, Edit, subtree};
use crate::engine::PositionResult;

const ROW_HEIGHT: f32 = 22.0;

pub fn positions_tab_ui(state: &mut AppState, ui: &mut egui::Ui) {
    toolbar_ui(state, ui);
    ui.add_space(4.0);
    super::position_form::position_form_ui(state, ui);
    ui.add_space(4.0);
    let rows = visible_rows(state);
    table_ui(state, ui, &rows);
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
        let result = |i: usize| results.and_then(|r| r.positions.get(i));
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

fn table_ui(state: &mut AppState, ui: &mut egui::Ui, rows: &[usize]) {
    // Name and figures first, so they stay visible beside the tree and the Explain panel.
    // The reviewer's remarks sit beside the figures once the plan has been appraised.
    let reviewed = state.document.plan().review.is_some();
    let mut headers = vec![
        (PositionColumn::Name, state.t("Vị trí việc làm", "Position")),
        (
            PositionColumn::RequiredFte,
            state.t("Cần (FTE)", "Required FTE"),
        ),
        (PositionColumn::Required, state.t("Cần", "Required")),
        (PositionColumn::Proposed, state.t("Đề xuất", "Proposed")),
        (
            PositionColumn::Appraised,
            state.t("Số thẩm định", "Appraised"),
        ),
        (PositionColumn::Current, state.t("Hiện có", "Current")),
        (
            PositionColumn::Difference,
            state.t("Chênh lệch", "Difference"),
        ),
        (PositionColumn::Ratio, state.t("Tỷ lệ", "Ratio")),
        (PositionColumn::Category, state.t("Nhóm", "Category")),
        (PositionColumn::Rank, state.t("Ngạch", "Rank")),
        (PositionColumn::Unit, state.t("Đơn vị", "Unit")),
        (PositionColumn::Id, state.t("Mã", "Id")),
    ];
    if reviewed {
        let remark = state.t("Ý kiến thẩm định", "Appraisal remark");
        headers.insert(5, (PositionColumn::Remark, remark));
    }
    let headers: Vec<(PositionColumn, String)> = headers
        .into_iter()
        .map(|(c, t)| (c, t.to_owned()))
        .collect();
    let mut sort_clicked = None;
    let mut row_clicked = None;
    let mut explain_clicked = None;
    let mut table = TableBuilder::new(ui)
        .striped(true)
        .resizable(true)
        .sense(egui::Sense::click())
        .cell_layout(egui::Layout::left_to_right(egui::Align::Center))
        .column(Column::initial(240.0).at_least(120.0).clip(true))
        .columns(Column::auto().at_least(60.0), 4);
    if reviewed {
        table = table.column(Column::initial(220.0).clip(true));
    }
    table
        .columns(Column::auto().at_least(60.0), 3)
        .column(Column::initial(120.0).clip(true))
        .column(Column::auto().at_least(60.0))
        .column(Column::initial(90.0).clip(true))
        .column(Column::auto().at_least(90.0))
        .header(24.0, |mut header| {
            for (column, text) in &headers {
                header.col(|ui| {
                    // The arrows come from the monospace font, which has them.
                    let arrow = match state.position_sort {
                        Some((c, true)) if c == *column => "▲",
                        Some((c, false)) if c == *column => "▼",
                        _ => "",
                    };
                    if ui.button(text.as_str()).clicked() {
                        sort_clicked = Some(*column);
                    }
                    if !arrow.is_empty() {
                        ui.label(egui::RichText::new(arrow).monospace());
                    }
                });
            }
        })
        .body(|body| {
            body.rows(ROW_HEIGHT, rows.len(), |mut row| {
                let Some(&index) = rows.get(row.index()) else {
                    return;
                };
                let plan = state.document.plan();
                let Some(position) = plan.positions.get(index) else {
                    return;
                };
                let result = state
                    .document
                    .results()
                    .and_then(|r| r.positions.get(index));
                let selected = state.selected_position.as_deref() == Some(position.id.as_str());
                row.set_selected(selected);
                row.col(|ui| {
                    if ui.selectable_label(selected, &position.name).clicked() {
                        row_clicked = Some(position.id.clone());
                    }
                });
                let figures = result.map(|r| {
                    (
                        state.number(r.required_fte, 2),
                        r.required.to_string(),
                        state.number(r.current, 2),
                        r.difference,
                        ratio_text(state, r.ratio),
                    )
                });
                if let Some((required_fte, required, current, difference, ratio)) = figures {
                    row.col(|ui| {
                        if ui
                            .link(&required_fte)
                            .on_hover_text(state.t("Xem cách tính", "How it was computed"))
                            .clicked()
                        {
                            explain_clicked = Some(position.id.clone());
                        }
                    });
                    row.col(|ui| {
                        ui.label(&required);
                    });
                    row.col(|ui| proposed_cell(state, ui, position, Some(&required)));
                    row.col(|ui| {
                        ui.label(
                            result
                                .and_then(|r| r.appraised)
                                .map_or_else(String::new, |a| a.to_string()),
                        );
                    });
                    if reviewed {
                        row.col(|ui| remark_cell(state, ui, result));
                    }
                    row.col(|ui| {
                        ui.label(current);
                    });
                    row.col(|ui| {
                        ui.colored_label(
                            difference_colour(ui, difference),
                            state.number(difference, 2),
                        );
                    });
                    row.col(|ui| {
                        ui.label(ratio);
                    });
                } else {
                    let columns = if reviewed { 8 } else { 7 };
                    for column in 0..columns {
                        row.col(|ui| {
                            if column == 2 {
                                proposed_cell(state, ui, position, None);
                            } else if !(reviewed && column == 4) {
                                ui.label("…");
                            }
                        });
                    }
                }
                row.col(|ui| {
                    ui.label(category_label(state, position.category));
                });
                row.col(|ui| {
                    let label = ui.label(&position.rank_code);
                    if !position.rank_code.is_empty() {
                        label.on_hover_text(state.rank_label(&position.rank_code));
                    }
                });
                row.col(|ui| {
                    ui.label(&position.unit_id);
                });
                row.col(|ui| {
                    ui.label(&position.id);
                });
                if row.response().clicked() {
                    row_clicked = Some(position.id.clone());
                }
            });
        });
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
    ui.label(&text).on_hover_text(&text);
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
