//! The Thẩm định tab (Appraisal): the Home Affairs reviewer's side of a plan. Who appraises it,
//! for which body, on which date, and the overall conclusion; then the positions of the
//! selected unit's subtree grouped by unit, with hiện có / đề xuất / thẩm định, the two
//! differences and the agency's reason, and per line the appraised figure, the decision and a
//! comment, edited in place; unit and total rows sum them.
//!
//! Every change is an undoable [`Edit`] on the plan's review; the agency's proposal is never
//! touched. The rows come from [`crate::report::appraisal_table`], as in `vtvl compute` and the
//! dossier's Thẩm định sheet, and are kept until the plan, its results or the unit change.
//!
//! Each figure or decision recorded keeps the proposal as the reviewer sees it; when the plan
//! changes after that, a notice above the table names the lines whose proposal changed
//! ([`crate::report::changed_since_appraisal`]), their rows are marked, and the reviewer can
//! keep the appraisal for the new proposals in one step.

use std::sync::Arc;

use eframe::egui;
use egui_extras::Column;

use super::fields::{
    apply_choice, combo_box, commit, field_error, form_field, hinted_field, parse_optional_count,
    pending_field, text_field,
};
use super::figures::difference_colour;
use super::sheet::{Place, Sheet};
use crate::app::state::AppState;
use crate::editing::{Edit, ReviewField};
use crate::model::{Appraisal, CivilDate, Decision, Review, SeenProposal};
use crate::report::{
    ChangedLine, Comparison, appraisal_table, changed_heading, changed_since_appraisal,
    seen_proposal,
};

const ROW_HEIGHT: f32 = 24.0;

/// One row of the table, owned so that cells can edit the plan while the table is drawn.
#[derive(Debug, Clone)]
enum Row {
    /// A unit's heading, with the sums of its own positions.
    Unit {
        name: String,
        depth: usize,
        sums: Comparison,
    },
    Line(Box<Line>),
    Total(Comparison),
}

#[derive(Debug, Clone)]
struct Line {
    position_id: String,
    name: String,
    reason: String,
    figures: Comparison,
    /// The reviewer's line as it stands (a new, empty one when there is none).
    appraisal: Appraisal,
    /// The proposal as the reviewer sees it now, recorded with a figure or a decision.
    seen: SeenProposal,
    /// What changed in the proposal since the line was appraised, if anything.
    changed: Option<String>,
}

/// The rows for a document revision and a selected unit.
#[derive(Clone)]
struct Rows {
    /// The document's generation and revision ([`AppState::generation`]).
    revision: (u64, u64),
    unit: Option<String>,
    rows: Arc<Result<Vec<Row>, String>>,
    reviewed: usize,
    lines: usize,
    /// The positions shown that have no appraisal line yet, with their proposal now.
    silent: Arc<Vec<(String, SeenProposal)>>,
    /// The lines of the whole plan whose proposal changed since they were appraised.
    changed: Arc<Vec<ChangedLine>>,
}

pub fn appraisal_tab_ui(state: &mut AppState, ui: &mut egui::Ui) {
    let rows = rows(state, ui);
    review_form_ui(state, ui, &rows);
    if !rows.changed.is_empty() {
        ui.add_space(4.0);
        changed_notice_ui(state, ui, &rows.changed);
    }
    ui.add_space(4.0);
    match rows.rows.as_ref() {
        Ok(table) => table_ui(state, ui, table),
        Err(reason) => {
            ui.colored_label(ui.visuals().error_fg_color, reason);
        }
    }
}

/// The rows from the last frame when nothing they show has changed, else built anew.
fn rows(state: &AppState, ui: &egui::Ui) -> Rows {
    let id = egui::Id::unique("appraisal_rows");
    let revision = (state.generation, state.document.revision());
    if let Some(cached) = ui.data(|d| d.get_temp::<Rows>(id))
        && cached.revision == revision
        && cached.unit == state.selected_unit
    {
        return cached;
    }
    let built = build_rows(state);
    ui.data_mut(|d| d.insert_temp(id, built.clone()));
    built
}

fn build_rows(state: &AppState) -> Rows {
    let plan = state.document.plan();
    let mut rows = Rows {
        revision: (state.generation, state.document.revision()),
        unit: state.selected_unit.clone(),
        rows: Arc::new(Ok(Vec::new())),
        reviewed: 0,
        lines: 0,
        silent: Arc::new(Vec::new()),
        changed: Arc::new(Vec::new()),
    };
    let Some(results) = state.document.results() else {
        let reason = state.document.results_error().map_or_else(
            || state.t("Đang tính…", "Computing…").to_owned(),
            str::to_owned,
        );
        rows.rows = Arc::new(Err(reason));
        return rows;
    };
    let table = match appraisal_table(plan, results, state.selected_unit.as_deref()) {
        Ok(table) => table,
        Err(error) => {
            rows.rows = Arc::new(Err(error.to_string()));
            return rows;
        }
    };
    let changed = changed_since_appraisal(plan, results);
    let language = state.language();
    let changes: std::collections::HashMap<&str, String> = changed
        .iter()
        .map(|c| (c.position_id.as_str(), c.changes_text(language)))
        .collect();
    let mut built = Vec::with_capacity(table.line_count + 2 * table.groups.len() + 1);
    for group in &table.groups {
        built.push(Row::Unit {
            name: group.unit.name.clone(),
            depth: group.depth,
            sums: group.sums,
        });
        for line in &group.lines {
            built.push(Row::Line(Box::new(Line {
                position_id: line.position.id.clone(),
                name: line.position.name.clone(),
                reason: line.reason().to_owned(),
                figures: line.figures,
                appraisal: line
                    .appraisal
                    .cloned()
                    .unwrap_or_else(|| Appraisal::new(line.position.id.clone())),
                seen: seen_proposal(line.position, line.result),
                changed: changes.get(line.position.id.as_str()).cloned(),
            })));
        }
    }
    built.push(Row::Total(table.total));
    rows.silent = Arc::new(
        table
            .groups
            .iter()
            .flat_map(|g| &g.lines)
            .filter(|l| l.appraisal.is_none())
            .map(|l| (l.position.id.clone(), seen_proposal(l.position, l.result)))
            .collect(),
    );
    rows.changed = Arc::new(changed);
    rows.reviewed = table.reviewed_lines;
    rows.lines = table.line_count;
    rows.rows = Arc::new(Ok(built));
    rows
}

/// Who appraises, for which body, when, and the conclusion; how far the review has come.
fn review_form_ui(state: &mut AppState, ui: &mut egui::Ui, rows: &Rows) {
    let review = state.document.plan().review.clone().unwrap_or_default();
    egui::Frame::group(ui.style()).show(ui, |ui| {
        egui::Grid::new("review_form")
            .num_columns(4)
            .show(ui, |ui| {
                let label = state.t("Người thẩm định", "Reviewer").to_owned();
                let key = "review/reviewer";
                if let Some(text) = form_field(state, ui, &label, key, &review.reviewer, 220.0) {
                    let edit = Edit::SetReviewField(ReviewField::Reviewer(text.clone()));
                    commit(state, key, &label, text, Ok(edit));
                }
                let label = state.t("Cơ quan thẩm định", "Reviewing body").to_owned();
                let key = "review/organisation";
                let current = &review.organisation;
                if let Some(text) = form_field(state, ui, &label, key, current, 260.0) {
                    let edit = Edit::SetReviewField(ReviewField::Organisation(text.clone()));
                    commit(state, key, &label, text, Ok(edit));
                }
                ui.end_row();

                let label = state.t("Ngày thẩm định", "Date").to_owned();
                let key = "review/date";
                let current = review.date.map(|d| d.to_string()).unwrap_or_default();
                if let Some(text) = form_field(state, ui, &label, key, &current, 100.0) {
                    let edit = parse_date(state, &text)
                        .map(|date| Edit::SetReviewField(ReviewField::Date(date)));
                    commit(state, key, &label, text, edit);
                }
                ui.label(state.t("Tiến độ", "Progress"));
                ui.label(format!(
                    "{} {}/{} {}",
                    state.t("đã xem xét", "reviewed"),
                    rows.reviewed,
                    rows.lines,
                    state.t("vị trí", "positions"),
                ));
                ui.end_row();
            });
        conclusion_ui(state, ui, &review);
        ui.horizontal_wrapped(|ui| {
            agree_remaining_ui(state, ui, &rows.silent);
            clear_button_ui(state, ui);
        });
        ui.weak(state.t(
            "Ý kiến thẩm định được lưu trong tệp đề án, tách khỏi đề xuất của cơ quan: mã \
             kiểm tra của đề án không đổi. Chọn \"Thống nhất\" mà không ghi số thì số thẩm \
             định bằng số đề xuất; \"Không thống nhất\" mà không ghi số thì bằng 0.",
            "The appraisal is kept in the plan file apart from the agency's proposal: the \
             plan's fingerprint does not change. \"Agree\" with no figure appraises the \
             proposed number; \"Reject\" with no figure appraises 0.",
        ));
    });
}

fn conclusion_ui(state: &mut AppState, ui: &mut egui::Ui, review: &Review) {
    let label = state
        .t("Kết luận thẩm định", "Overall conclusion")
        .to_owned();
    let key = "review/conclusion";
    let heading = ui.label(&label);
    let width = (ui.available_width() - 8.0).clamp(200.0, 900.0);
    let (response, committed) = pending_field(state, ui, key, &review.conclusion, width, Some(3));
    response.labelled_by(heading.id);
    field_error(state, ui, key);
    if let Some(text) = committed {
        let edit = Edit::SetReviewField(ReviewField::Conclusion(text.clone()));
        commit(state, key, &label, text, Ok(edit));
    }
}

/// Agrees, in one step, with every position shown that has no remark yet.
fn agree_remaining_ui(state: &mut AppState, ui: &mut egui::Ui, silent: &[(String, SeenProposal)]) {
    if ui
        .add_enabled(
            !silent.is_empty(),
            egui::Button::new(state.t(
                "Thống nhất các vị trí còn lại",
                "Agree with the remaining positions",
            )),
        )
        .on_hover_text(state.t(
            "Ghi \"Thống nhất\" cho mọi vị trí đang hiện chưa có ý kiến",
            "Mark \"Agree\" on every position shown that has no remark yet",
        ))
        .clicked()
    {
        apply_choice(state, Edit::AgreeRemaining(silent.to_vec()));
    }
}

/// The lines whose proposal changed since they were appraised, what changed, and the step
/// that keeps their appraisal for the proposals as they are now.
fn changed_notice_ui(state: &mut AppState, ui: &mut egui::Ui, changed: &[ChangedLine]) {
    let language = state.language();
    let colour = ui.visuals().warn_fg_color;
    egui::Frame::group(ui.style()).show(ui, |ui| {
        ui.colored_label(colour, changed_heading(changed.len(), language));
        egui::ScrollArea::vertical()
            .id_salt("appraisal_changed")
            .max_height(96.0)
            .show(ui, |ui| {
                for line in changed {
                    ui.label(format!("• {}", line.describe(language)));
                }
            });
        ui.horizontal_wrapped(|ui| {
            if ui
                .button(state.t(
                    "Giữ ý kiến thẩm định cho đề xuất mới",
                    "Keep the appraisal for the new proposals",
                ))
                .on_hover_text(state.t(
                    "Đã xem lại các vị trí trên: ghi nhận đề xuất hiện nay là đề xuất đã thẩm \
                     định (ý kiến tự theo số thẩm định được tính lại)",
                    "The positions above were looked at again: record the proposals as they \
                     are now as the ones appraised (a decision that follows the figure is set \
                     again)",
                ))
                .clicked()
            {
                let lines = changed
                    .iter()
                    .map(|c| (c.position_id.clone(), c.now.clone()))
                    .collect();
                apply_choice(state, Edit::ConfirmAppraisals(lines));
            }
            ui.weak(state.t(
                "Hoặc ghi lại số hay ý kiến thẩm định của từng dòng được đánh dấu (!).",
                "Or write the figure or decision again on each line marked (!).",
            ));
        });
    });
}

/// Removes the whole appraisal (one undo step).
fn clear_button_ui(state: &mut AppState, ui: &mut egui::Ui) {
    let has_review = state.document.plan().review.is_some();
    if ui
        .add_enabled(
            has_review,
            egui::Button::new(state.t("Xóa toàn bộ thẩm định", "Clear the appraisal")),
        )
        .on_hover_text(state.t(
            "Xóa mọi ý kiến thẩm định (hoàn tác được bằng Ctrl+Z)",
            "Remove every appraisal remark (Ctrl+Z undoes it)",
        ))
        .clicked()
    {
        apply_choice(state, Edit::ClearReview);
    }
}

/// A typed date, dd/mm/yyyy or yyyy-mm-dd; empty for none.
fn parse_date(state: &AppState, text: &str) -> Result<Option<CivilDate>, String> {
    if text.trim().is_empty() {
        return Ok(None);
    }
    text.parse::<CivilDate>().map(Some).map_err(|_| {
        format!(
            "\"{}\" {}",
            text.trim(),
            state.t(
                "không phải là ngày: viết ngày/tháng/năm, ví dụ 01/07/2026",
                "is not a date: write day/month/year, e.g. 01/07/2026"
            )
        )
    })
}

fn table_ui(state: &mut AppState, ui: &mut egui::Ui, rows: &[Row]) {
    let headers = [
        (state.t("Đơn vị / Vị trí việc làm", "Unit / position"), ""),
        (state.t("Hiện có", "Current"), ""),
        (state.t("Đề xuất", "Proposed"), ""),
        (state.t("Thẩm định", "Appraised"), ""),
        (
            "ĐX - HC",
            state.t("Đề xuất trừ hiện có", "Proposed minus current"),
        ),
        (
            "TĐ - ĐX",
            state.t("Thẩm định trừ đề xuất", "Appraised minus proposed"),
        ),
        (state.t("Ý kiến thẩm định", "Decision"), ""),
        (state.t("Nhận xét", "Comment"), ""),
        (state.t("Lý do đề xuất", "Reason for the proposal"), ""),
    ]
    .map(|(text, hover)| (text.to_owned(), hover.to_owned()));
    // Wider than the panel on small screens: the figures scroll sideways, the names stay.
    let rows_key = state.selected_unit.clone().unwrap_or_default();
    Sheet::new("appraisal_table", &rows_key, ROW_HEIGHT)
        .pinned(1)
        .column(Column::initial(200.0).at_least(120.0).clip(true))
        .columns(Column::auto().at_least(52.0), 2)
        .column(Column::initial(60.0).at_least(52.0))
        .columns(Column::auto().at_least(52.0), 2)
        .column(Column::initial(130.0).at_least(100.0))
        .column(Column::initial(240.0).at_least(120.0).clip(true))
        .column(Column::initial(220.0).at_least(120.0).clip(true))
        .show(ui, rows.len(), |ui, place| match place {
            Place::Header(column) => {
                if let Some((text, hover)) = headers.get(column) {
                    let label = ui.strong(text.as_str());
                    if !hover.is_empty() {
                        label.on_hover_text(hover.as_str());
                    }
                }
            }
            Place::Cell { row, column } => match rows.get(row) {
                Some(Row::Unit { name, depth, sums }) => match column {
                    0 => {
                        ui.add_space(12.0 * *depth as f32);
                        ui.add(egui::Label::new(egui::RichText::new(name).strong()).truncate());
                    }
                    _ => figure_cell(state, ui, sums, column, true),
                },
                Some(Row::Total(figures)) => match column {
                    0 => {
                        ui.strong(state.t("Tổng cộng", "Total"));
                    }
                    _ => figure_cell(state, ui, figures, column, true),
                },
                Some(Row::Line(line)) => line_cell(state, ui, line, column),
                None => {}
            },
        });
}

/// Hiện có, đề xuất, thẩm định and the two differences (columns 1 to 5), as text; a line's
/// appraised figure is a field, drawn by the caller, when `sums` is false.
fn figure_cell(
    state: &AppState,
    ui: &mut egui::Ui,
    figures: &Comparison,
    column: usize,
    sums: bool,
) {
    let strong = |ui: &mut egui::Ui, text: String| {
        if sums {
            ui.strong(text);
        } else {
            ui.label(text);
        }
    };
    match column {
        1 => strong(ui, state.number(figures.current, 2)),
        2 => strong(ui, figures.proposed.to_string()),
        3 if sums => {
            let response = ui.strong(count_text(figures.appraised));
            if figures.is_partly_appraised() {
                response.on_hover_text(format!(
                    "{} {}/{} {}",
                    state.t("Mới thẩm định", "Appraised so far:"),
                    figures.appraised_lines,
                    figures.lines,
                    state.t("vị trí", "positions"),
                ));
            }
        }
        4 => strong(ui, signed(state, figures.proposed_change())),
        5 => change_ui(state, ui, figures.appraised_change(), sums),
        _ => {}
    }
}

/// Thẩm định - đề xuất, red for a cut and amber for a rise (as shortage and surplus elsewhere).
fn change_ui(state: &AppState, ui: &mut egui::Ui, change: Option<i64>, strong: bool) {
    let Some(change) = change else {
        return;
    };
    let mut text = egui::RichText::new(signed(state, change as f64));
    if change != 0 {
        text = text.color(difference_colour(ui, change as f64));
    }
    if strong {
        text = text.strong();
    }
    ui.label(text);
}

/// A cell of a position's line: its name, figures, the appraised figure, decision and comment
/// typed in place, and the reason for the proposal.
fn line_cell(state: &mut AppState, ui: &mut egui::Ui, line: &Line, column: usize) {
    let id = &line.position_id;
    match column {
        0 => {
            ui.add_space(12.0);
            match &line.changed {
                Some(changes) => {
                    let text = egui::RichText::new(format!("(!) {}", line.name))
                        .color(ui.visuals().warn_fg_color);
                    ui.add(egui::Label::new(text).truncate())
                        .on_hover_text(format!(
                            "{} ({id})\n{}: {changes}",
                            line.name,
                            state.t(
                                "Đề xuất đã đổi sau thẩm định",
                                "Changed since the appraisal"
                            ),
                        ));
                }
                None => {
                    ui.add(egui::Label::new(&line.name).truncate())
                        .on_hover_text(format!("{} ({id})", line.name));
                }
            }
        }
        2 => {
            let label = ui.label(line.figures.proposed.to_string());
            if !line.reason.is_empty() {
                label.on_hover_text(&line.reason);
            }
        }
        3 => figure_field_ui(state, ui, line),
        6 => decision_ui(state, ui, line),
        7 => comment_ui(state, ui, line),
        8 => {
            let label = ui.add(egui::Label::new(&line.reason).truncate());
            if !line.reason.is_empty() {
                label.on_hover_text(&line.reason);
            }
        }
        figure => figure_cell(state, ui, &line.figures, figure, false),
    }
}

/// The appraised figure as typed; empty shows in grey the figure the decision gives.
fn figure_field_ui(state: &mut AppState, ui: &mut egui::Ui, line: &Line) {
    let key = format!("appraisal/{}/figure", line.position_id);
    let name = format!(
        "{} {}",
        state.t("Số thẩm định", "Appraised"),
        line.position_id
    );
    let current = count_text(line.appraisal.appraised.map(i64::from));
    let hint = if line.appraisal.appraised.is_none() {
        count_text(line.figures.appraised)
    } else {
        String::new()
    };
    let width = ui.available_width();
    let (response, committed) = hinted_field(state, ui, &key, &current, width, None, &hint);
    let response = response.accessible_name(&name);
    if !hint.is_empty() {
        response.on_hover_text(state.t(
            "Theo ý kiến thẩm định (chưa ghi số)",
            "Follows from the decision (no figure written)",
        ));
    }
    if let Some(text) = committed {
        let edit = parse_optional_count(state, &text).map(|appraised| Edit::SetAppraisedFigure {
            position_id: line.position_id.clone(),
            appraised,
            seen: line.seen.clone(),
        });
        commit(state, &key, &name, text, edit);
    }
}

fn decision_ui(state: &mut AppState, ui: &mut egui::Ui, line: &Line) {
    let mut options = vec![(None, state.t("(chưa có)", "(none)").to_owned())];
    options.extend(
        Decision::ALL
            .into_iter()
            .map(|d| (Some(d), decision_label(state, d).to_owned())),
    );
    let width = ui.available_width();
    let salt = ("appraisal_decision", &line.position_id);
    let (response, picked) = combo_box(ui, salt, &line.appraisal.decision, &options, width);
    response.accessible_name(format!(
        "{} {}",
        state.t("Ý kiến thẩm định", "Decision"),
        line.position_id
    ));
    if let Some(decision) = picked {
        apply_choice(
            state,
            Edit::SetDecision {
                position_id: line.position_id.clone(),
                decision,
                seen: line.seen.clone(),
            },
        );
    }
}

fn comment_ui(state: &mut AppState, ui: &mut egui::Ui, line: &Line) {
    let key = format!("appraisal/{}/comment", line.position_id);
    let name = format!("{} {}", state.t("Nhận xét", "Comment"), line.position_id);
    let width = ui.available_width();
    let (response, committed) = text_field(state, ui, &key, &line.appraisal.comment, width);
    let response = response.accessible_name(&name);
    if !line.appraisal.comment.is_empty() {
        response.on_hover_text(&line.appraisal.comment);
    }
    if let Some(text) = committed {
        let edit = Edit::SetAppraisal(Appraisal {
            comment: text.clone(),
            ..line.appraisal.clone()
        });
        commit(state, &key, &name, text, Ok(edit));
    }
}

/// A decision in the interface language.
pub(super) fn decision_label(state: &AppState, decision: Decision) -> &'static str {
    state.t(decision.label_vi(), decision.label_en())
}

/// A change with its sign, "+2" or "-1" ("0" when none), in the interface's notation.
pub(super) fn signed(state: &AppState, value: f64) -> String {
    let text = state.number(value, 2).replace('\u{2212}', "-");
    if value > 0.0 && text != "0" {
        format!("+{text}")
    } else {
        text
    }
}

fn count_text(count: Option<i64>) -> String {
    count.map(|c| c.to_string()).unwrap_or_default()
}
