//! The Staff tab: the roster of the selected unit's subtree, filtered by text and edited in
//! place, in a virtualised table (a province has tens of thousands of people: only the rows
//! in view are laid out, and the filtered rows are kept until the plan or the filter changes).

use std::collections::HashSet;

use eframe::egui;
use egui_extras::Column;

use super::fields::{amount_text, apply_choice, combo_box, commit, parse_amount, text_field};
use super::sheet::{Place, Sheet};
use crate::app::state::AppState;
use crate::editing::{Created, Edit, subtree};
use crate::language::Localized;
use crate::model::{Sex, StaffMember};

/// The personal field holding a person's full name.
const FULL_NAME: &str = "full_name";
const ROW_HEIGHT: f32 = 24.0;

pub fn staff_tab_ui(state: &mut AppState, ui: &mut egui::Ui) {
    toolbar_ui(state, ui);
    ui.add_space(4.0);
    // Taken out while the table is drawn (its cells need the state), then kept for next frame.
    let key = (
        state.view_key(),
        state.selected_unit.clone(),
        state.staff_filter.clone(),
    );
    let rows = match state.memos.staff_rows.take(&key) {
        Some(rows) => rows,
        None => visible_rows(state),
    };
    let count = state.number(rows.len() as f64, 0);
    ui.label(format!("{count} {}", state.t("người", "people")));
    table_ui(state, ui, &rows);
    state.memos.staff_rows.keep(key, rows);
}

fn scroll_target_id() -> egui::Id {
    egui::Id::unique("staff_scroll_to")
}

fn toolbar_ui(state: &mut AppState, ui: &mut egui::Ui) {
    ui.horizontal(|ui| {
        let label = ui.label(state.t("Lọc:", "Filter:"));
        let hint = state
            .t("mã, họ tên, ngạch…", "id, full name, rank…")
            .to_owned();
        ui.add(
            egui::TextEdit::singleline(&mut state.staff_filter)
                .id(egui::Id::unique("staff_filter"))
                .hint_text(hint)
                .desired_width(200.0),
        )
        .labelled_by(label.id);
        ui.separator();
        let unit = state.selected_unit.clone();
        let add = ui
            .add_enabled(
                unit.is_some(),
                egui::Button::new(state.t("Thêm nhân sự", "Add staff")),
            )
            .on_disabled_hover_text(state.t("Chọn một đơn vị trước", "Select a unit first"));
        if add.clicked()
            && let Some(unit_id) = unit
            && let Some(Created::Staff(id)) = apply_choice(state, new_staff(state, unit_id))
        {
            // The new row has no name yet: a filter would hide it.
            state.staff_filter.clear();
            ui.data_mut(|d| d.insert_temp(scroll_target_id(), id));
        }
    });
}

/// A new person in the selected unit, holding the selected position when it is in that unit
/// or below it (and then placed in the position's own unit).
fn new_staff(state: &AppState, unit_id: String) -> Edit {
    let plan = state.document.plan();
    let position = state
        .selected_position
        .as_deref()
        .and_then(|id| plan.position(id))
        .filter(|p| subtree(plan, &unit_id).contains(&p.unit_id));
    match position {
        Some(position) => Edit::AddStaff {
            unit_id: position.unit_id.clone(),
            position_id: Some(position.id.clone()),
        },
        None => Edit::AddStaff {
            unit_id,
            position_id: None,
        },
    }
}

/// The roster rows (indices into the plan's staff) in the selected subtree that match the
/// filter.
fn visible_rows(state: &AppState) -> Vec<usize> {
    let plan = state.document.plan();
    let units: Option<HashSet<String>> = state
        .selected_unit
        .as_deref()
        .map(|id| subtree(plan, id).into_iter().collect());
    let filter = state.staff_filter.trim().to_lowercase();
    plan.staff
        .iter()
        .enumerate()
        .filter(|(_, s)| units.as_ref().is_none_or(|u| u.contains(&s.unit_id)))
        .filter(|(_, s)| {
            filter.is_empty()
                || s.id.to_lowercase().contains(&filter)
                || s.rank_code.to_lowercase().contains(&filter)
                || s.personal
                    .get(FULL_NAME)
                    .is_some_and(|n| n.to_lowercase().contains(&filter))
        })
        .map(|(i, _)| i)
        .collect()
}

/// The staff table: the name and the unit stay in view while the rest scrolls sideways.
fn table_ui(state: &mut AppState, ui: &mut egui::Ui, rows: &[usize]) {
    let headers = [
        state.t("Họ và tên", "Full name"),
        state.t("Đơn vị", "Unit"),
        state.t("Mã", "Id"),
        state.t("Vị trí việc làm", "Position"),
        state.t("Mã ngạch", "Rank code"),
        "FTE",
        state.t("Ngày sinh", "Birth date"),
        state.t("Giới tính", "Sex"),
        state.t("Nghỉ hưu (quyết định)", "Retires on (decided)"),
        "",
    ]
    .map(str::to_owned);
    let target: Option<String> = ui.data_mut(|d| d.remove_temp(scroll_target_id()));
    let plan = state.document.plan();
    let target_row = target.and_then(|id| {
        rows.iter()
            .position(|&i| plan.staff.get(i).is_some_and(|s| s.id == id))
    });
    let rows_key = state.selected_unit.clone().unwrap_or_default();
    Sheet::new("staff_table", &rows_key, ROW_HEIGHT)
        .scroll_to(target_row)
        .pinned(2)
        .column(Column::initial(200.0).at_least(120.0).clip(true))
        .column(Column::initial(130.0).at_least(60.0).clip(true))
        .column(Column::auto().at_least(60.0))
        .column(Column::initial(200.0).at_least(100.0).clip(true))
        .column(Column::initial(70.0).at_least(60.0))
        .column(Column::initial(50.0).at_least(40.0))
        .column(Column::initial(90.0).at_least(60.0))
        .column(Column::initial(70.0).at_least(50.0))
        .column(Column::initial(90.0).at_least(60.0))
        .column(Column::remainder().at_least(40.0))
        .show(ui, rows.len(), |ui, place| {
            let (row, column) = match place {
                Place::Header(column) => {
                    if let Some(text) = headers.get(column) {
                        ui.strong(text.as_str());
                    }
                    return;
                }
                Place::Cell { row, column } => (row, column),
            };
            let Some(member) = rows
                .get(row)
                .and_then(|&i| state.document.plan().staff.get(i))
                .cloned()
            else {
                return;
            };
            match column {
                0 => full_name_cell(state, ui, &member),
                1 => {
                    let plan = state.document.plan();
                    let unit = plan
                        .unit(&member.unit_id)
                        .map_or(member.unit_id.as_str(), |u| u.name.as_str());
                    super::sheet::cell_text(ui, unit);
                }
                2 => {
                    ui.label(&member.id);
                }
                3 => position_cell(state, ui, &member),
                4 => rank_cell(state, ui, &member),
                5 => fte_cell(state, ui, &member),
                6 => birth_date_cell(state, ui, &member),
                7 => sex_cell(state, ui, &member),
                8 => retires_on_cell(state, ui, &member),
                _ => {
                    if ui
                        .small_button(state.t("Xóa", "Delete"))
                        .on_hover_text(state.t("Xóa người này", "Delete this person"))
                        .clicked()
                    {
                        apply_choice(
                            state,
                            Edit::DeleteStaff {
                                id: member.id.clone(),
                            },
                        );
                    }
                }
            }
        });
}

fn full_name_cell(state: &mut AppState, ui: &mut egui::Ui, member: &StaffMember) {
    let key = format!("staff/{}/full_name", member.id);
    let name = format!("{} {}", state.t("Họ và tên", "Full name"), member.id);
    let current = member.personal.get(FULL_NAME).cloned().unwrap_or_default();
    let (response, committed) = text_field(state, ui, &key, &current, ui.available_width());
    response.accessible_name(&name);
    if let Some(text) = committed {
        let mut updated = member.clone();
        if text.trim().is_empty() {
            updated.personal.remove(FULL_NAME);
        } else {
            updated
                .personal
                .insert(FULL_NAME.to_owned(), text.trim().to_owned());
        }
        commit(state, &key, &name, text, Ok(Edit::UpdateStaff(updated)));
    }
}

fn rank_cell(state: &mut AppState, ui: &mut egui::Ui, member: &StaffMember) {
    let key = format!("staff/{}/rank", member.id);
    let name = format!("{} {}", state.t("Mã ngạch", "Rank code"), member.id);
    let (response, committed) =
        text_field(state, ui, &key, &member.rank_code, ui.available_width());
    response.accessible_name(&name);
    if let Some(text) = committed {
        let edit = Edit::UpdateStaff(StaffMember {
            rank_code: text.trim().to_owned(),
            ..member.clone()
        });
        commit(state, &key, &name, text, Ok(edit));
    }
}

fn fte_cell(state: &mut AppState, ui: &mut egui::Ui, member: &StaffMember) {
    let key = format!("staff/{}/fte", member.id);
    let name = format!("FTE {}", member.id);
    let current = amount_text(state, member.fte);
    let (response, committed) = text_field(state, ui, &key, &current, ui.available_width());
    response.accessible_name(&name);
    if let Some(text) = committed {
        let edit = parse_amount(state, &text).map(|fte| {
            Edit::UpdateStaff(StaffMember {
                fte,
                ..member.clone()
            })
        });
        commit(state, &key, &name, text, edit);
    }
}

/// The birth date, typed `dd/mm/yyyy`, `YYYY-MM-DD` or the year alone; empty clears it.
fn birth_date_cell(state: &mut AppState, ui: &mut egui::Ui, member: &StaffMember) {
    let label = state.t("Ngày sinh", "Birth date").to_owned();
    optional_date_cell(
        state,
        ui,
        member,
        "birth_date",
        &label,
        member.birth_date,
        |m, date| {
            m.birth_date = date;
        },
    );
}

/// A date field of a person, typed as the model reads it; empty clears it.
fn optional_date_cell<T>(
    state: &mut AppState,
    ui: &mut egui::Ui,
    member: &StaffMember,
    field: &str,
    label: &str,
    value: Option<T>,
    set: impl FnOnce(&mut StaffMember, Option<T>),
) where
    T: std::str::FromStr + std::fmt::Display,
    T::Err: Localized,
{
    let key = format!("staff/{}/{field}", member.id);
    let name = format!("{label} {}", member.id);
    let current = value.map(|d| d.to_string()).unwrap_or_default();
    let (response, committed) = text_field(state, ui, &key, &current, ui.available_width());
    response.accessible_name(&name);
    if let Some(text) = committed {
        let language = state.language();
        let parsed = if text.trim().is_empty() {
            Ok(None)
        } else {
            text.trim()
                .parse::<T>()
                .map(Some)
                .map_err(|error| error.message(language))
        };
        let edit = parsed.map(|date| {
            let mut updated = member.clone();
            set(&mut updated, date);
            Edit::UpdateStaff(updated)
        });
        commit(state, &key, &name, text, edit);
    }
}

fn sex_cell(state: &mut AppState, ui: &mut egui::Ui, member: &StaffMember) {
    let mut options = vec![(None, String::new())];
    options.extend(
        Sex::ALL
            .iter()
            .map(|&sex| (Some(sex), sex.label(state.language()).to_owned())),
    );
    let width = ui.available_width();
    let (response, picked) = combo_box(ui, ("staff_sex", &member.id), &member.sex, &options, width);
    let name = format!("{} {}", state.t("Giới tính", "Sex"), member.id);
    response.accessible_name(&name);
    if let Some(sex) = picked {
        apply_choice(
            state,
            Edit::UpdateStaff(StaffMember {
                sex,
                ..member.clone()
            }),
        );
    }
}

/// A retirement date decided for the person (it wins over the law's); empty clears it.
fn retires_on_cell(state: &mut AppState, ui: &mut egui::Ui, member: &StaffMember) {
    let label = state.t("Ngày nghỉ hưu", "Retires on").to_owned();
    optional_date_cell(
        state,
        ui,
        member,
        "retires_on",
        &label,
        member.retires_on,
        |m, date| {
            m.retires_on = date;
        },
    );
}

/// A choice among the positions of the person's unit (the shared drop-down: a long list opens
/// with a find field).
fn position_cell(state: &mut AppState, ui: &mut egui::Ui, member: &StaffMember) {
    let unassigned = state.t("(chưa xếp vị trí)", "(no position)").to_owned();
    let plan = state.document.plan();
    let mut options = vec![(None, unassigned)];
    options.extend(
        plan.positions
            .iter()
            .filter(|p| p.unit_id == member.unit_id)
            .map(|p| (Some(p.id.clone()), p.name.clone())),
    );
    // A position of another unit (from an import) still shows by its name.
    if let Some(id) = &member.position_id
        && !options.iter().any(|(value, _)| value.as_ref() == Some(id))
    {
        let name = plan.position(id).map_or(id.as_str(), |p| p.name.as_str());
        options.push((Some(id.clone()), name.to_owned()));
    }
    let width = ui.available_width();
    let (response, picked) = combo_box(
        ui,
        ("staff_position", &member.id),
        &member.position_id,
        &options,
        width,
    );
    let name = format!("{} {}", state.t("Vị trí việc làm", "Position"), member.id);
    response.accessible_name(&name);
    if let Some(position_id) = picked {
        apply_choice(
            state,
            Edit::UpdateStaff(StaffMember {
                position_id,
                ..member.clone()
            }),
        );
    }
}
