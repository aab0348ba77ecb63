//! The scenario chooser and editor of the Dự báo tab: the scenario in use, new and deleted
//! scenarios, and the changes of the one in use (workload growth, a component's volume from a
//! year, a quota cut target, an early retirement), each added or removed as one undoable edit
//! and refused with its reason when a field does not read.

use eframe::egui;

use super::fields::combo_box;
use crate::app::projection_view;
use crate::app::state::{AppState, Notice};
use crate::editing::Edit;
use crate::format::{number_in, read_number};
use crate::language::Localized as _;
use crate::model::{CivilDate, Plan, Scenario, ScenarioChange, Scenarios};
use crate::projection::{self, assumptions};

/// The scenario in use, the chooser, and the editor of the one in use.
pub(super) fn scenario_ui(state: &mut AppState, ui: &mut egui::Ui) {
    let scenarios = state.document.plan().scenarios.clone();
    let none = state
        .t("(không áp dụng kịch bản)", "(no scenario)")
        .to_owned();
    ui.horizontal(|ui| {
        let label = ui.label(state.t("Kịch bản:", "Scenario:"));
        let shown = scenarios.active.clone().unwrap_or_else(|| none.clone());
        let mut picked: Option<Option<String>> = None;
        let combo = egui::ComboBox::from_id_salt("projection_scenario")
            .selected_text(shown)
            .show_ui(ui, |ui| {
                if ui
                    .selectable_label(scenarios.active.is_none(), none.clone())
                    .clicked()
                {
                    picked = Some(None);
                }
                for scenario in &scenarios.list {
                    let active = scenarios.active.as_deref() == Some(scenario.name.as_str());
                    if ui.selectable_label(active, &scenario.name).clicked() {
                        picked = Some(Some(scenario.name.clone()));
                    }
                }
            });
        combo.response.labelled_by(label.id);
        if let Some(active) = picked {
            let mut changed = scenarios.clone();
            changed.active = active;
            apply(state, changed);
        }
        ui.separator();
        let label = ui.label(state.t("Số năm:", "Years:"));
        let mut years = state.projection.horizon();
        if ui
            .add(egui::DragValue::new(&mut years).range(1..=crate::projection::MAX_YEARS))
            .labelled_by(label.id)
            .changed()
        {
            state.projection.years = years;
            state.projection.year = None;
        }
    });
    ui.horizontal(|ui| {
        labelled_field(
            ui,
            state.t("Kịch bản mới:", "New scenario:"),
            &mut state.projection.new_scenario,
            160.0,
        );
        if ui
            .button(state.t("Thêm kịch bản", "Add scenario"))
            .clicked()
        {
            let name = state.projection.new_scenario.trim().to_owned();
            if name.is_empty() || scenarios.named(&name).is_some() {
                let message = state
                    .t(
                        "Tên kịch bản trống hoặc đã có",
                        "The scenario's name is empty or taken",
                    )
                    .to_owned();
                state.notice = Some(Notice::Error(message));
            } else {
                let mut changed = scenarios.clone();
                changed.list.push(Scenario {
                    name: name.clone(),
                    ..Scenario::default()
                });
                changed.active = Some(name);
                apply(state, changed);
                state.projection.new_scenario.clear();
            }
        }
    });
    let Some(active) = scenarios
        .active
        .as_deref()
        .and_then(|name| scenarios.named(name))
        .cloned()
    else {
        return;
    };
    let lines: Vec<String> = active
        .changes
        .iter()
        .map(|change| describe(state, state.document.plan(), change))
        .collect();
    egui::CollapsingHeader::new(state.t("Giả định của kịch bản", "The scenario's assumptions"))
        .id_salt("projection_assumptions")
        .default_open(true)
        .show(ui, |ui| {
            if !active.description.trim().is_empty() {
                ui.label(active.description.trim());
            }
            let mut removed = None;
            for (index, line) in lines.iter().enumerate() {
                ui.horizontal(|ui| {
                    if ui
                        .small_button("×")
                        .on_hover_text(state.t("Bỏ thay đổi này", "Remove this change"))
                        .clicked()
                    {
                        removed = Some(index);
                    }
                    ui.label(line);
                });
            }
            if let Some(index) = removed {
                let mut changed = scenarios.clone();
                if let Some(scenario) = changed.list.iter_mut().find(|s| s.name == active.name) {
                    scenario.changes.remove(index);
                }
                apply(state, changed);
            }
            ui.horizontal(|ui| {
                labelled_field(
                    ui,
                    state.t("Tăng khối lượng (%/năm):", "Workload growth (%/year):"),
                    &mut state.projection.growth_percent,
                    60.0,
                );
                if ui.button(state.t("Thêm", "Add")).clicked() {
                    match read_number(&state.projection.growth_percent) {
                        Ok(percent) => {
                            let growth = ScenarioChange::Growth {
                                percent,
                                code: None,
                                unit_id: None,
                            };
                            if add_change(state, &scenarios, &active.name, growth) {
                                state.projection.growth_percent.clear();
                            }
                        }
                        Err(_) => refuse(
                            state,
                            "Tỷ lệ tăng phải là một số",
                            "The growth must be a number",
                        ),
                    }
                }
                if ui
                    .button(state.t("Xóa kịch bản", "Delete scenario"))
                    .clicked()
                {
                    let mut changed = scenarios.clone();
                    changed.list.retain(|s| s.name != active.name);
                    changed.active = None;
                    apply(state, changed);
                }
            });
            quota_cut_ui(state, ui, &scenarios, &active.name);
            volume_ui(state, ui, &scenarios, &active.name);
            early_retirement_ui(state, ui, &scenarios, &active.name);
        });
}

fn describe(state: &AppState, plan: &Plan, change: &ScenarioChange) -> String {
    match change {
        // Who retires early is personal data: named only when asked.
        ScenarioChange::EarlyRetirement { staff_id, on } if state.projection.show_personal => {
            format!(
                "{} {staff_id}: {on}",
                state.t("Nghỉ hưu trước tuổi", "Early retirement")
            )
        }
        _ => assumptions::describe_change(plan, change, state.language()),
    }
}

/// The row that adds a quota cut target to the scenario: a percentage of the first year's
/// quota, due by a year.
fn quota_cut_ui(state: &mut AppState, ui: &mut egui::Ui, scenarios: &Scenarios, active: &str) {
    ui.horizontal(|ui| {
        labelled_field(
            ui,
            state.t("Tinh giản biên chế (%):", "Quota cut (%):"),
            &mut state.projection.cut_percent,
            60.0,
        );
        labelled_field(
            ui,
            state.t("đến năm:", "by year:"),
            &mut state.projection.cut_year,
            60.0,
        );
        if !ui
            .button(state.t("Thêm tinh giản", "Add the cut"))
            .clicked()
        {
            return;
        }
        let percent = read_number(&state.projection.cut_percent).ok();
        let year = read_year(&state.projection.cut_year);
        match (percent, year) {
            (Some(percent), Some(by_year)) => {
                let cut = ScenarioChange::QuotaCut {
                    percent,
                    by_year,
                    unit_id: None,
                };
                if add_change(state, scenarios, active, cut) {
                    state.projection.cut_percent.clear();
                    state.projection.cut_year.clear();
                }
            }
            (None, _) => refuse(
                state,
                "Tỷ lệ tinh giản phải là một số",
                "The cut must be a number",
            ),
            (_, None) => refuse(state, YEAR_VI, YEAR_EN),
        }
    });
}

/// The row that sets a workload component's yearly volume from a year on: the position, its
/// component (those with a volume), the volume and the year.
fn volume_ui(state: &mut AppState, ui: &mut egui::Ui, scenarios: &Scenarios, active: &str) {
    let positions = projection_view::position_choices(state);
    ui.horizontal(|ui| {
        ui.label(state.t("Khối lượng mới", "New volume"));
        let label = ui.label(state.t("vị trí:", "position:"));
        let (response, picked) = combo_box(
            ui,
            "scenario_volume_position",
            &state.projection.volume_position,
            &positions,
            220.0,
        );
        response.labelled_by(label.id);
        if let Some(position) = picked {
            state.projection.volume_position = position;
            state.projection.volume_component = None;
        }
        let plan = state.document.plan();
        let mut components = vec![(
            None,
            state.t("(chọn công việc)", "(choose a task)").to_owned(),
        )];
        if let Some(position) = state
            .projection
            .volume_position
            .as_deref()
            .and_then(|id| plan.position(id))
        {
            let language = state.language();
            components.extend(position.components.iter().filter_map(|c| {
                let volume = c.kind.volume()?;
                let text = format!("{}: {}", c.name, number_in(language, volume, 2));
                Some((Some(c.id.clone()), text))
            }));
        }
        let label = ui.label(state.t("công việc:", "task:"));
        let (response, picked) = combo_box(
            ui,
            "scenario_volume_component",
            &state.projection.volume_component,
            &components,
            220.0,
        );
        response.labelled_by(label.id);
        if let Some(component) = picked {
            state.projection.volume_component = component;
        }
    });
    ui.horizontal(|ui| {
        // Under the choices, indented as their continuation.
        ui.add_space(24.0);
        labelled_field(
            ui,
            state.t("khối lượng/năm:", "volume a year:"),
            &mut state.projection.volume_value,
            70.0,
        );
        labelled_field(
            ui,
            state.t("từ năm:", "from year:"),
            &mut state.projection.volume_year,
            50.0,
        );
        if !ui
            .button(state.t("Thêm khối lượng", "Add the volume"))
            .clicked()
        {
            return;
        }
        let volume = read_number(&state.projection.volume_value).ok();
        let year = read_year(&state.projection.volume_year);
        match (state.projection.volume_component.clone(), volume, year) {
            (None, _, _) => refuse(
                state,
                "Chọn vị trí và công việc cần đổi khối lượng",
                "Choose the position and the task whose volume changes",
            ),
            (_, None, _) => refuse(
                state,
                "Khối lượng phải là một số",
                "The volume must be a number",
            ),
            (_, _, None) => refuse(state, YEAR_VI, YEAR_EN),
            (Some(component_id), Some(volume), Some(from_year)) => {
                let change = ScenarioChange::Volume {
                    component_id,
                    volume,
                    from_year,
                };
                if add_change(state, scenarios, active, change) {
                    state.projection.volume_value.clear();
                    state.projection.volume_year.clear();
                }
            }
        }
    });
}

/// The row that retires a person early, on a date: personal data, so shown only once the user
/// asked for it.
fn early_retirement_ui(
    state: &mut AppState,
    ui: &mut egui::Ui,
    scenarios: &Scenarios,
    active: &str,
) {
    if !state.projection.show_personal {
        ui.weak(state.t(
            "Bật \"Hiện dữ liệu cá nhân\" để thêm người nghỉ hưu trước tuổi.",
            "Tick \"Show personal data\" to add an early retirement.",
        ));
        return;
    }
    let staff = projection_view::staff_choices(state);
    ui.horizontal(|ui| {
        let label = ui.label(state.t("Nghỉ hưu trước tuổi:", "Early retirement:"));
        let (response, picked) = combo_box(
            ui,
            "scenario_retiring_staff",
            &state.projection.retiring_staff,
            &staff,
            220.0,
        );
        response.labelled_by(label.id);
        if let Some(staff) = picked {
            state.projection.retiring_staff = staff;
        }
        let label = ui.label(state.t("ngày nghỉ:", "on:"));
        ui.add(
            egui::TextEdit::singleline(&mut state.projection.retiring_on)
                .hint_text("dd/mm/yyyy")
                .desired_width(90.0),
        )
        .labelled_by(label.id);
        if !ui
            .button(state.t("Thêm người nghỉ", "Add the retirement"))
            .clicked()
        {
            return;
        }
        let on: Option<CivilDate> = state.projection.retiring_on.parse().ok();
        match (state.projection.retiring_staff.clone(), on) {
            (None, _) => refuse(state, "Chọn người nghỉ hưu", "Choose who retires"),
            (_, None) => refuse(
                state,
                "Ngày phải viết dd/mm/yyyy hoặc yyyy-mm-dd, ví dụ 30/06/2027",
                "The date must read dd/mm/yyyy or yyyy-mm-dd, such as 30/06/2027",
            ),
            (Some(staff_id), Some(on)) => {
                let change = ScenarioChange::EarlyRetirement { staff_id, on };
                if add_change(state, scenarios, active, change) {
                    state.projection.retiring_on.clear();
                }
            }
        }
    });
}

const YEAR_VI: &str = "Năm phải là số nguyên, ví dụ 2030";
const YEAR_EN: &str = "The year must be a whole number, such as 2030";

/// A one-line text field with its label before it.
fn labelled_field(ui: &mut egui::Ui, label: &str, text: &mut String, width: f32) {
    let label = ui.label(label);
    ui.add(egui::TextEdit::singleline(text).desired_width(width))
        .labelled_by(label.id);
}

/// A year typed in a field: a whole number within reason.
fn read_year(text: &str) -> Option<i32> {
    let year = read_number(text).ok()?;
    // In range and whole, so the conversion is exact.
    (year.fract() == 0.0 && (1900.0..=2200.0).contains(&year)).then_some(year as i32)
}

/// Adds `change` to the scenario named `active`, as one undoable edit.
/// Whether it was added: a change the projection could not apply (a growth of -100 % or
/// less, a negative volume, a cut beyond the quota...) is refused with the library's reason.
fn add_change(
    state: &mut AppState,
    scenarios: &Scenarios,
    active: &str,
    change: ScenarioChange,
) -> bool {
    let mut changed = scenarios.clone();
    let Some(scenario) = changed.list.iter_mut().find(|s| s.name == active) else {
        return false;
    };
    scenario.changes.push(change);
    if let Some(problem) = projection::problems_of(state.document.plan(), scenario)
        .into_iter()
        .next()
    {
        state.notice = Some(Notice::Error(problem.message(state.language())));
        return false;
    }
    apply(state, changed);
    true
}

fn refuse(state: &mut AppState, vietnamese: &str, english: &str) {
    let message = state.t(vietnamese, english).to_owned();
    state.notice = Some(Notice::Error(message));
}

/// Applies new scenarios as one undoable edit.
fn apply(state: &mut AppState, scenarios: Scenarios) {
    if let Err(message) = state.apply(Edit::SetScenarios(scenarios)) {
        state.notice = Some(Notice::Error(message));
    }
}
