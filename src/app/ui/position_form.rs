//! The form for the selected position, below the positions table: every field of it applied as
//! it is entered, with the shared fields of [`super::fields`].

use eframe::egui;

use super::fields::{apply_choice, choice, commit, form_field, parse_count, parse_optional_count};
use super::positions_tab::category_label;
use super::steps_editor;
use crate::app::state::AppState;
use crate::editing::Edit;
use crate::format::capitalised;
use crate::model::{Category, Employment, LeaderRole, Method, Plan, Position, Proposal};

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

                // A count set by hand means something only for a fixed position.
                if position.method == Method::Fixed {
                    let label = state.t("Số cố định", "Fixed count").to_owned();
                    let current = position.count.to_string();
                    if let Some(text) = form_field(state, ui, &label, &key("count"), &current, 50.0)
                    {
                        let edit = parse_count(state, &text).map(|n| update(&|p| p.count = n));
                        commit(state, &key("count"), &label, text, edit);
                    }
                } else {
                    ui.label("");
                    ui.label("");
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
