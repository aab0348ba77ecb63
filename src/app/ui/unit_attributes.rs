//! The attributes of the selected unit that the rules read, in the unit form: the autonomy
//! group of a public service unit, the zone of a school, and a collapsible section of norm
//! drivers showing those the unit's type uses, the others one level further down.
//!
//! Each value is applied as an [`Edit::UpdateUnit`] as soon as it is picked or typed, and is
//! refused with its reason like every other field.

use crate::language::Localized;
use eframe::egui;

use super::fields::{apply_choice, choice, commit, form_field, parse_amount};
use crate::app::state::{AppState, Notice};
use crate::editing::Edit;
use crate::model::{AutonomyGroup, DriverKind, DriverValue, DriverValueError, NormDriver, Unit};

/// Rows of the unit form's grid: the autonomy group (public service units) and the school zone
/// (schools). A value set on a unit of another type stays shown so that it can be cleared.
pub(super) fn attribute_rows_ui(state: &mut AppState, ui: &mut egui::Ui, unit: &Unit, wide: f32) {
    let key = |field: &str| format!("unit/{}/{field}", unit.id);
    if unit.unit_type.is_public_service_unit() || unit.autonomy_group.is_some() {
        let mut options = vec![(None, state.t("(chưa xác định)", "(not set)").to_owned())];
        options.extend(
            AutonomyGroup::ALL
                .into_iter()
                .map(|g| (Some(g), autonomy_label(state, g))),
        );
        let label = state.t("Nhóm tự chủ", "Autonomy group").to_owned();
        let picked = choice(
            ui,
            &label,
            key("autonomy_group"),
            &unit.autonomy_group,
            &options,
            wide,
        );
        if let Some(group) = picked {
            let mut updated = unit.clone();
            updated.autonomy_group = group;
            apply_choice(state, Edit::UpdateUnit(updated));
        }
        ui.end_row();
    }
    if unit.unit_type.is_school() || unit.school_zone.is_some() {
        let mut options = vec![(None, state.t("(chưa xác định)", "(not set)").to_owned())];
        options.extend((1..=3).map(|zone| {
            let text = format!("{} {zone}", state.t("Vùng", "Zone"));
            (Some(zone), text)
        }));
        let label = state.t("Vùng trường học", "School zone").to_owned();
        let picked = choice(
            ui,
            &label,
            key("school_zone"),
            &unit.school_zone,
            &options,
            wide,
        );
        if let Some(zone) = picked {
            let mut updated = unit.clone();
            updated.school_zone = zone;
            apply_choice(state, Edit::UpdateUnit(updated));
        }
        ui.end_row();
    }
}

fn autonomy_label(state: &AppState, group: AutonomyGroup) -> String {
    let text = match group {
        AutonomyGroup::Group1 => state.t(
            "Nhóm 1: tự bảo đảm chi thường xuyên và chi đầu tư",
            "Group 1: covers recurrent and investment spending",
        ),
        AutonomyGroup::Group2 => state.t(
            "Nhóm 2: tự bảo đảm chi thường xuyên",
            "Group 2: covers recurrent spending",
        ),
        AutonomyGroup::Group3 => state.t(
            "Nhóm 3: tự bảo đảm một phần chi thường xuyên",
            "Group 3: covers part of recurrent spending",
        ),
        AutonomyGroup::Group4 => state.t(
            "Nhóm 4: nhà nước bảo đảm chi thường xuyên",
            "Group 4: state-funded",
        ),
    };
    text.to_owned()
}

/// The collapsible section of norm drivers: those the unit's type uses (and any other with a
/// value), then the rest in a nested section.
pub(super) fn drivers_ui(state: &mut AppState, ui: &mut egui::Ui, unit: &Unit) {
    let title = state
        .t("Chỉ tiêu tính định mức", "Figures for sector norms")
        .to_owned();
    egui::CollapsingHeader::new(title)
        .id_salt(("unit_drivers", &unit.id))
        .show(ui, |ui| {
            let (shown, rest): (Vec<NormDriver>, Vec<NormDriver>) =
                NormDriver::ALL.iter().copied().partition(|driver| {
                    driver.matters_for(unit.unit_type) || driver.get(&unit.drivers).is_some()
                });
            if shown.is_empty() {
                ui.weak(state.t(
                    "Định mức của loại đơn vị này không dùng chỉ tiêu nào.",
                    "The norms of this type of unit use no figures.",
                ));
            } else {
                driver_grid_ui(state, ui, unit, &shown, "main");
            }
            if !rest.is_empty() {
                let title = state.t("Chỉ tiêu khác", "Other figures").to_owned();
                egui::CollapsingHeader::new(title)
                    .id_salt(("unit_drivers_rest", &unit.id))
                    .show(ui, |ui| {
                        // Scrolled, so that the unit tree above keeps its room.
                        egui::ScrollArea::vertical()
                            .id_salt(("unit_drivers_rest_scroll", &unit.id))
                            .max_height(220.0)
                            .show(ui, |ui| driver_grid_ui(state, ui, unit, &rest, "rest"));
                    });
            }
        });
}

fn driver_grid_ui(
    state: &mut AppState,
    ui: &mut egui::Ui,
    unit: &Unit,
    drivers: &[NormDriver],
    part: &str,
) {
    let column = super::fields::form_column_width(ui);
    egui::Grid::new(("unit_driver_grid", &unit.id, part))
        .num_columns(2)
        .max_col_width(column)
        .show(ui, |ui| {
            ui.style_mut().wrap_mode = Some(egui::TextWrapMode::Wrap);
            for driver in drivers {
                driver_row_ui(state, ui, unit, *driver, column);
                ui.end_row();
            }
        });
}

fn driver_label(state: &AppState, driver: NormDriver) -> String {
    state.t(driver.label_vi(), driver.label_en()).to_owned()
}

fn driver_row_ui(
    state: &mut AppState,
    ui: &mut egui::Ui,
    unit: &Unit,
    driver: NormDriver,
    column: f32,
) {
    let label = driver_label(state, driver);
    let key = format!("unit/{}/driver/{}", unit.id, driver.keyword());
    let current = driver.get(&unit.drivers);
    let not_set = state.t("(trống)", "(not set)").to_owned();
    match driver.kind() {
        DriverKind::Flag => {
            let current = match current {
                Some(DriverValue::Flag(flag)) => Some(flag),
                _ => None,
            };
            let options = [
                (None, not_set),
                (Some(true), state.t("Có", "Yes").to_owned()),
                (Some(false), state.t("Không", "No").to_owned()),
            ];
            if let Some(picked) =
                choice(ui, &label, &key, &current, &options, 120.0_f32.min(column))
            {
                apply_driver(state, unit, driver, picked.map(DriverValue::Flag));
            }
        }
        DriverKind::Class => {
            let current = match current {
                Some(DriverValue::Count(class)) => Some(class),
                _ => None,
            };
            let mut options = vec![(None, not_set)];
            options.extend(
                [(1, "I"), (2, "II"), (3, "III")]
                    .map(|(n, roman)| (Some(n), format!("{} {roman}", state.t("Loại", "Class")))),
            );
            if let Some(picked) =
                choice(ui, &label, &key, &current, &options, 120.0_f32.min(column))
            {
                apply_driver(state, unit, driver, picked.map(DriverValue::Count));
            }
        }
        DriverKind::Choice(choices) => {
            let current = match current {
                Some(DriverValue::Choice(keyword)) => Some(keyword),
                _ => None,
            };
            let mut options = vec![(None, not_set)];
            options.extend(
                choices
                    .iter()
                    .map(|c| (Some(c.keyword), state.t(c.label_vi, c.label_en).to_owned())),
            );
            if let Some(picked) =
                choice(ui, &label, &key, &current, &options, 190.0_f32.min(column))
            {
                apply_driver(state, unit, driver, picked.map(DriverValue::Choice));
            }
        }
        DriverKind::Count | DriverKind::Amount => {
            let shown = match current {
                Some(DriverValue::Count(count)) => count.to_string(),
                Some(DriverValue::Amount(amount)) => super::fields::amount_text(state, amount),
                Some(DriverValue::Flag(_) | DriverValue::Choice(_)) | None => String::new(),
            };
            if let Some(text) = form_field(state, ui, &label, &key, &shown, 90.0_f32.min(column)) {
                let edit = parse_driver(state, driver.kind(), &text)
                    .and_then(|value| driver_edit(state, unit, driver, value));
                commit(state, &key, &label, text, edit);
            }
        }
    }
}

/// Applies a driver picked from a list; a refusal goes to the status line.
fn apply_driver(state: &mut AppState, unit: &Unit, driver: NormDriver, value: Option<DriverValue>) {
    match driver_edit(state, unit, driver, value) {
        Ok(edit) => {
            apply_choice(state, edit);
        }
        Err(reason) => state.notice = Some(Notice::Error(reason)),
    }
}

/// A typed count or amount; empty clears the driver.
fn parse_driver(
    state: &AppState,
    kind: DriverKind,
    text: &str,
) -> Result<Option<DriverValue>, String> {
    if text.trim().is_empty() {
        return Ok(None);
    }
    let value = parse_amount(state, text)?;
    if kind == DriverKind::Amount {
        return Ok(Some(DriverValue::Amount(value)));
    }
    if value.fract() != 0.0 {
        return Err(format!(
            "\"{}\" {}",
            text.trim(),
            state.t("không phải là số nguyên", "is not a whole number")
        ));
    }
    // Whole numbers up to 2^53 are exact as floats; beyond that they are not counts of anything.
    if value > 9_007_199_254_740_992.0 {
        return Err(too_large(state, text));
    }
    Ok(Some(DriverValue::Count(value as u64)))
}

fn too_large(state: &AppState, text: &str) -> String {
    format!("\"{}\" {}", text.trim(), state.t("quá lớn", "is too large"))
}

/// The unit with one driver changed, as an edit.
fn driver_edit(
    state: &AppState,
    unit: &Unit,
    driver: NormDriver,
    value: Option<DriverValue>,
) -> Result<Edit, String> {
    let mut updated = unit.clone();
    match driver.set(&mut updated.drivers, value) {
        Ok(()) => Ok(Edit::UpdateUnit(updated)),
        Err(DriverValueError::OutOfRange { value, .. }) => {
            Err(too_large(state, &value.to_string()))
        }
        Err(error) => Err(error.message(state.language())),
    }
}
