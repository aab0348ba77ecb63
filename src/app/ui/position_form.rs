//! Editing in place: the form for the selected position (above the positions table), and the
//! typed fields and choices every editing panel uses.
//!
//! A field keeps the text being typed; when the user presses Enter or leaves the field, the
//! text becomes an [`Edit`] applied at once, or is refused: the field turns red with the reason
//! (beside it in forms, on hover in tables, and in the status line) and the plan is unchanged.

use eframe::egui;

use super::positions_tab::category_label;
use super::steps_editor;
use crate::app::state::{AppState, Notice, PendingCell};
use crate::editing::{self, Created, Edit};
use crate::format::capitalised;
use crate::language::Language;
use crate::model::{Category, Employment, LeaderRole, Method, Plan, Position, Proposal};

/// Draws a typed field showing `current` (or the text being typed). Returns the text to commit
/// once the user has finished typing a change: Enter, leaving the field, or a value set by
/// assistive technology. Escape drops what was typed.
pub(super) fn text_field(
    state: &mut AppState,
    ui: &mut egui::Ui,
    key: &str,
    current: &str,
    width: f32,
) -> (egui::Response, Option<String>) {
    pending_field(state, ui, key, current, width, None)
}

/// A typed field on one line (`rows` is `None`) or several (Enter then starts a new line, so
/// the text applies when the field loses focus). A refused value stays red with its reason.
pub(super) fn pending_field(
    state: &mut AppState,
    ui: &mut egui::Ui,
    key: &str,
    current: &str,
    width: f32,
    rows: Option<usize>,
) -> (egui::Response, Option<String>) {
    hinted_field(state, ui, key, current, width, rows, "")
}

/// As [`pending_field`], showing `hint` in grey while the field is empty.
pub(super) fn hinted_field(
    state: &mut AppState,
    ui: &mut egui::Ui,
    key: &str,
    current: &str,
    width: f32,
    rows: Option<usize>,
    hint: &str,
) -> (egui::Response, Option<String>) {
    let pending = state.cells.get(key).cloned();
    let mut text = pending
        .as_ref()
        .map_or_else(|| current.to_owned(), |p| p.text.clone());
    let error = pending.and_then(|p| p.error);
    let error_colour = ui.visuals().error_fg_color;
    let mut field = match rows {
        None => egui::TextEdit::singleline(&mut text),
        Some(rows) => egui::TextEdit::multiline(&mut text).desired_rows(rows),
    }
    .id(egui::Id::unique(("field", key)))
    .hint_text(hint)
    .desired_width(width)
    .min_size(egui::vec2(width, 0.0));
    if error.is_some() {
        field = field.text_color(error_colour);
    }
    let mut response = ui.add(field);
    if let Some(error) = &error {
        ui.painter().rect_stroke(
            response.rect.expand(1.0),
            2.0,
            egui::Stroke::new(1.5, error_colour),
            egui::StrokeKind::Outside,
        );
        response = response.on_hover_text(error);
    }
    if response.changed() {
        state.cells.entry(key.to_owned()).or_default().text = text.clone();
    }
    if response.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Escape)) {
        state.cells.remove(key);
        return (response, None);
    }
    let finished = response.lost_focus() || (response.changed() && !response.has_focus());
    if !finished || !state.cells.contains_key(key) {
        return (response, None);
    }
    ui.ctx().request_repaint();
    if text == current {
        state.cells.remove(key);
        return (response, None);
    }
    (response, Some(text))
}

/// Applies the edit made from a field's text; a refusal stays on the field with its reason and
/// is repeated in the status line as `name: reason`.
pub(super) fn commit(
    state: &mut AppState,
    key: &str,
    name: &str,
    text: String,
    edit: Result<Edit, String>,
) -> Option<Created> {
    match edit.and_then(|e| state.apply(e)) {
        Ok(created) => {
            if let Some(PendingCell {
                error: Some(error), ..
            }) = state.cells.remove(key)
                && state.notice == Some(Notice::Error(format!("{name}: {error}")))
            {
                state.notice = None;
            }
            Some(created)
        }
        Err(reason) => {
            state.notice = Some(Notice::Error(format!("{name}: {reason}")));
            state.cells.insert(
                key.to_owned(),
                PendingCell {
                    text,
                    error: Some(reason),
                },
            );
            None
        }
    }
}

/// Applies an edit made by a choice (a combo or a button), reporting a refusal in the status
/// line.
pub(super) fn apply_choice(state: &mut AppState, edit: Edit) -> Option<Created> {
    match state.apply(edit) {
        Ok(created) => Some(created),
        Err(reason) => {
            state.notice = Some(Notice::Error(reason));
            None
        }
    }
}

/// The reason a field's text was refused, in red, when it was.
pub(super) fn field_error(state: &AppState, ui: &mut egui::Ui, key: &str) {
    if let Some(error) = state.cells.get(key).and_then(|c| c.error.as_deref()) {
        ui.colored_label(ui.visuals().error_fg_color, error);
    }
}

/// A labelled field of a form: the label, then the field with the reason beside it when
/// refused. Made for a [`egui::Grid`]: the label and the field are one cell each.
pub(super) fn form_field(
    state: &mut AppState,
    ui: &mut egui::Ui,
    label: &str,
    key: &str,
    current: &str,
    width: f32,
) -> Option<String> {
    let label = ui.label(label);
    ui.horizontal(|ui| {
        let (response, committed) = text_field(state, ui, key, current, width);
        response.labelled_by(label.id);
        field_error(state, ui, key);
        committed
    })
    .inner
}

/// A labelled choice among `options` (label and choice one cell each, as [`form_field`]);
/// returns the option picked when it differs from `current`.
pub(super) fn choice<T: PartialEq + Clone>(
    ui: &mut egui::Ui,
    label: &str,
    id_salt: impl egui::AsIdSalt,
    current: &T,
    options: &[(T, String)],
    width: f32,
) -> Option<T> {
    let label = ui.label(label);
    let (response, picked) = combo_box(ui, id_salt, current, options, width);
    response.labelled_by(label.id);
    picked
}

/// A drop-down of `options` showing `current` (its full text on hover); returns the response
/// and the option picked this frame, if it differs from `current`.
pub(super) fn combo_box<T: PartialEq + Clone>(
    ui: &mut egui::Ui,
    id_salt: impl egui::AsIdSalt,
    current: &T,
    options: &[(T, String)],
    width: f32,
) -> (egui::Response, Option<T>) {
    let selected = options
        .iter()
        .find(|(value, _)| value == current)
        .map(|(_, text)| text.clone())
        .unwrap_or_default();
    let mut picked = None;
    let response = egui::ComboBox::from_id_salt(id_salt)
        .selected_text(selected.as_str())
        .width(width)
        .truncate()
        .show_ui(ui, |ui| {
            for (value, text) in options {
                if ui.selectable_label(value == current, text).clicked() && value != current {
                    picked = Some(value.clone());
                }
            }
        })
        .response
        .on_hover_text(selected);
    (response, picked)
}

/// A number as typed in the interface language (no grouping: it must parse back the same).
pub(super) fn amount_text(state: &AppState, value: f64) -> String {
    let mark = match state.language() {
        Language::Vietnamese => ',',
        Language::English => '.',
    };
    editing::input_text(value, mark)
}

pub(super) fn parse_amount(state: &AppState, text: &str) -> Result<f64, String> {
    editing::parse_amount(text).map_err(|e| e.message(state.language()))
}

pub(super) fn parse_count(state: &AppState, text: &str) -> Result<u32, String> {
    editing::parse_count(text).map_err(|e| e.message(state.language()))
}

pub(super) fn parse_optional_count(state: &AppState, text: &str) -> Result<Option<u32>, String> {
    editing::parse_optional_count(text).map_err(|e| e.message(state.language()))
}

fn count_text(count: Option<u32>) -> String {
    count.map(|c| c.to_string()).unwrap_or_default()
}

pub(super) fn method_label(state: &AppState, method: Method) -> String {
    state.t(method.label_vi(), method.label_en()).to_owned()
}

/// The calendars a position can work under: the default (the plan's first) and each one.
fn calendar_options(state: &AppState, plan: &Plan) -> Vec<(Option<String>, String)> {
    let default = plan.default_calendar();
    let default_name = if default.name.is_empty() {
        default.id.clone()
    } else {
        default.name.clone()
    };
    let mut options = vec![(
        None,
        format!("{}: {default_name}", state.t("Mặc định", "Default")),
    )];
    options.extend(plan.calendars.iter().map(|c| {
        let name = if c.name.is_empty() { &c.id } else { &c.name };
        (Some(c.id.clone()), name.clone())
    }));
    options
}

/// The form for the selected position: every field of it, each applied as it is entered; the
/// head-or-deputy choice for leadership positions and the steps of viên chức positions.
pub(super) fn position_form_ui(state: &mut AppState, ui: &mut egui::Ui) {
    let Some(id) = state.selected_position.clone() else {
        return;
    };
    let Some(position) = state.document.plan().position(&id).cloned() else {
        return;
    };
    let key = |field: &str| format!("position/{id}/{field}");
    let update = |change: &dyn Fn(&mut Position)| {
        let mut updated = position.clone();
        change(&mut updated);
        Edit::UpdatePosition(Box::new(updated))
    };
    egui::Frame::group(ui.style()).show(ui, |ui| {
        egui::Grid::new(("position_form", &id))
            .num_columns(4)
            .show(ui, |ui| {
                let label = state.t("Tên vị trí", "Position name").to_owned();
                let name = form_field(state, ui, &label, &key("name"), &position.name, 260.0);
                if let Some(text) = name {
                    let edit = update(&|p| p.name = text.clone());
                    commit(state, &key("name"), &label, text, Ok(edit));
                }
                let options: Vec<(Category, String)> = Category::ALL
                    .into_iter()
                    .map(|c| (c, category_label(state, c)))
                    .collect();
                let label = state.t("Nhóm", "Category").to_owned();
                let picked = choice(
                    ui,
                    &label,
                    key("category"),
                    &position.category,
                    &options,
                    180.0,
                );
                if let Some(category) = picked {
                    apply_choice(state, update(&|p| p.category = category));
                }
                ui.end_row();

                let label = state.t("Mã ngạch", "Rank code").to_owned();
                let rank = form_field(state, ui, &label, &key("rank"), &position.rank_code, 80.0);
                if let Some(text) = rank {
                    let edit = update(&|p| p.rank_code = text.trim().to_owned());
                    commit(state, &key("rank"), &label, text, Ok(edit));
                }
                let options: Vec<(Method, String)> = Method::ALL
                    .into_iter()
                    .map(|m| (m, method_label(state, m)))
                    .collect();
                let label = state.t("Cách xác định", "Method").to_owned();
                let picked = choice(ui, &label, key("method"), &position.method, &options, 180.0);
                if let Some(method) = picked {
                    apply_choice(state, update(&|p| p.method = method));
                }
                ui.end_row();

                let label = state.t("Số cố định", "Fixed count").to_owned();
                let current = position.count.to_string();
                if let Some(text) = form_field(state, ui, &label, &key("count"), &current, 50.0) {
                    let edit = parse_count(state, &text).map(|n| update(&|p| p.count = n));
                    commit(state, &key("count"), &label, text, edit);
                }
                let options = calendar_options(state, state.document.plan());
                let label = state.t("Lịch làm việc", "Calendar").to_owned();
                let picked = choice(
                    ui,
                    &label,
                    key("calendar"),
                    &position.calendar,
                    &options,
                    180.0,
                );
                if let Some(calendar) = picked {
                    apply_choice(state, update(&|p| p.calendar = calendar.clone()));
                }
                ui.end_row();

                let label = state.t("Tối thiểu", "Minimum").to_owned();
                let current = count_text(position.min);
                if let Some(text) = form_field(state, ui, &label, &key("min"), &current, 50.0) {
                    let edit = parse_optional_count(state, &text).map(|n| update(&|p| p.min = n));
                    commit(state, &key("min"), &label, text, edit);
                }
                let label = state.t("Tối đa", "Maximum").to_owned();
                let current = count_text(position.max);
                if let Some(text) = form_field(state, ui, &label, &key("max"), &current, 50.0) {
                    let edit = parse_optional_count(state, &text).map(|n| update(&|p| p.max = n));
                    commit(state, &key("max"), &label, text, edit);
                }
                ui.end_row();

                proposal_fields_ui(state, ui, &position);
                ui.end_row();

                let options = employment_options(state, &position);
                let label = state.t("Chế độ", "Employment basis").to_owned();
                let picked = choice(
                    ui,
                    &label,
                    key("employment"),
                    &position.employment,
                    &options,
                    260.0,
                );
                if let Some(employment) = picked {
                    apply_choice(state, update(&|p| p.employment = employment));
                }
                ui.end_row();

                if position.category == Category::Leadership || position.role.is_some() {
                    let mut options = vec![(None, state.t("(không)", "(none)").to_owned())];
                    options.extend(
                        LeaderRole::ALL
                            .into_iter()
                            .map(|r| (Some(r), role_label(state, r))),
                    );
                    let label = state.t("Cấp trưởng/phó", "Head or deputy").to_owned();
                    let picked = choice(ui, &label, key("role"), &position.role, &options, 180.0);
                    if let Some(role) = picked {
                        apply_choice(state, update(&|p| p.role = role));
                    }
                    ui.end_row();
                }
            });
        if steps_editor::applies_to(state.document.plan(), &position) {
            steps_editor::steps_editor_ui(state, ui, &position);
        }
        ui.weak(state.t(
            "Để trống số đề xuất: đề xuất đúng số cần có theo tính toán.",
            "An empty proposed count proposes the computed number.",
        ));
    });
}

/// The basis as a choice or a row heading: "Hợp đồng lao động", "Labour contract".
pub(super) fn employment_label(state: &AppState, employment: Employment) -> String {
    capitalised(employment_words(state, employment))
}

/// The basis inside a sentence: "hợp đồng lao động", "labour contract".
pub(super) fn employment_words(state: &AppState, employment: Employment) -> &'static str {
    state.t(employment.label_vi(), employment.label_en())
}

/// The bases a position can state, after "follows the unit" naming the basis its unit gives
/// (from the results; unnamed while they are being computed).
fn employment_options(state: &AppState, position: &Position) -> Vec<(Option<Employment>, String)> {
    let inherited = state
        .document
        .results()
        .and_then(|results| results.unit(&position.unit_id))
        .map(|unit| employment_words(state, unit.default_employment));
    let follows = match inherited {
        Some(basis) => format!("({}: {basis})", state.t("theo đơn vị", "follows the unit")),
        None => format!("({})", state.t("theo đơn vị", "follows the unit")),
    };
    let mut options = vec![(None, follows)];
    options.extend(
        Employment::ALL
            .into_iter()
            .map(|e| (Some(e), employment_label(state, e))),
    );
    options
}

fn role_label(state: &AppState, role: LeaderRole) -> String {
    state.t(role.label_vi(), role.label_en()).to_owned()
}

/// The headcount the agency proposes and why: an empty count proposes the computed one, and a
/// reason needs a count.
fn proposal_fields_ui(state: &mut AppState, ui: &mut egui::Ui, position: &Position) {
    let key = |field: &str| format!("position/{}/{field}", position.id);
    let update = |change: &dyn Fn(&mut Position)| {
        let mut updated = position.clone();
        change(&mut updated);
        Edit::UpdatePosition(Box::new(updated))
    };
    let reason = position
        .proposed
        .as_ref()
        .map(|p| p.reason.clone())
        .unwrap_or_default();
    let label = state.t("Số đề xuất", "Proposed count").to_owned();
    let current = count_text(position.proposed.as_ref().map(|p| p.count));
    if let Some(text) = form_field(state, ui, &label, &key("proposed"), &current, 50.0) {
        let edit = parse_optional_count(state, &text).map(|count| {
            update(&|p| {
                p.proposed = count.map(|count| Proposal {
                    count,
                    reason: reason.clone(),
                })
            })
        });
        commit(state, &key("proposed"), &label, text, edit);
    }
    let label = state
        .t("Lý do đề xuất", "Reason for the proposal")
        .to_owned();
    let field = key("proposed_reason");
    if let Some(text) = form_field(state, ui, &label, &field, &reason, 260.0) {
        let edit = match position.proposed {
            Some(_) => Ok(update(&|p| {
                if let Some(proposal) = &mut p.proposed {
                    proposal.reason = text.trim().to_owned();
                }
            })),
            None => Err(state
                .t("nhập số đề xuất trước", "enter the proposed count first")
                .to_owned()),
        };
        commit(state, &field, &label, text, edit);
    }
}
