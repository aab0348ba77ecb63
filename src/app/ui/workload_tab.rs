//! The Workload tab: the selected position's workload components, one editable row each with
//! the fields of its kind, and what each contributes as the engine explains it.

use std::collections::HashMap;

use eframe::egui;

use super::fields::{amount_text, apply_choice, choice, commit, form_field, parse_amount};
use super::position_form::method_label;
use crate::app::state::{AppState, WorkloadView};
use crate::editing::{Created, Edit};
use crate::engine::ComponentContribution;
use crate::format::vi_percent;
use crate::model::{Component, ComponentKind, Method, Period, Position, SupportAmount};

pub fn workload_tab_ui(state: &mut AppState, ui: &mut egui::Ui) {
    let position = state.selected_position();
    let Some(position) = position else {
        ui.label(state.t(
            "Chưa chọn vị trí việc làm. Chọn một vị trí ở thẻ Vị trí việc làm để xem và sửa \
             khối lượng công việc của vị trí đó.",
            "No position selected. Select one in the Positions tab to see and edit its \
             workload.",
        ));
        return;
    };
    header_ui(state, ui, &position);
    let added = toolbar_ui(state, ui, &position);
    // With the component just added, so that it can be scrolled to.
    let position = state.selected_position().unwrap_or(position);
    ui.separator();
    let (contributions, available_hours) = contributions(state, &position.id);
    if position.components.is_empty() {
        ui.label(state.t(
            "Vị trí này chưa có công việc nào.",
            "This position has no workload components yet.",
        ));
    }
    if state.preferences.workload_view == WorkloadView::Table {
        super::workload_table::workload_table_ui(
            state,
            ui,
            &position,
            &contributions,
            available_hours,
            added.as_deref(),
        );
        return;
    }
    egui::ScrollArea::vertical()
        .auto_shrink(false)
        .show(ui, |ui| {
            for component in &position.components {
                let contribution = contributions.get(&component.id);
                let card = ui.scope(|ui| {
                    component_ui(
                        state,
                        ui,
                        &position.id,
                        component,
                        contribution,
                        available_hours,
                    )
                });
                if added.as_deref() == Some(component.id.as_str()) {
                    card.response.scroll_to_me(None);
                }
                ui.add_space(4.0);
            }
        });
}

fn header_ui(state: &AppState, ui: &mut egui::Ui, position: &Position) {
    ui.heading(&position.name);
    let plan = state.document.plan();
    let unit = plan
        .unit(&position.unit_id)
        .map_or(position.unit_id.as_str(), |u| u.name.as_str());
    let mut line = format!(
        "{}: {unit} · {}",
        state.t("Đơn vị", "Unit"),
        method_label(state, position.method)
    );
    if let Some(result) = state
        .document
        .results()
        .and_then(|r| r.position(&position.id))
    {
        line.push_str(&format!(
            " · {} {} {} ({} FTE) · {} {}",
            state.t("Cần", "Required"),
            result.required,
            state.t("người", "people"),
            state.number(result.required_fte, 2),
            state.t("hiện có", "current"),
            state.number(result.current, 2),
        ));
    }
    ui.label(line);
    if position.method == Method::Fixed {
        ui.label(state.t(
            "Số lượng của vị trí này cố định theo quy định: khối lượng công việc dưới đây \
             không dùng để tính số người cần có.",
            "This position's number is fixed by regulation: the workload below does not \
             set its headcount.",
        ));
    }
}

/// The buttons adding a component of each kind, and the choice of view; returns the id of a
/// component just added.
fn toolbar_ui(state: &mut AppState, ui: &mut egui::Ui, position: &Position) -> Option<String> {
    let kinds = [
        (
            state.t("Thêm công việc chính", "Add service work"),
            ComponentKind::Service {
                volume: 0.0,
                minutes_per_item: 0.0,
                coefficient: 1.0,
            },
        ),
        (
            state.t("Thêm công việc hỗ trợ", "Add support work"),
            ComponentKind::Support(SupportAmount::Percent(0.0)),
        ),
        (
            state.t("Thêm công việc bổ sung", "Add additional work"),
            ComponentKind::Additional {
                minutes: 0.0,
                per: Period::Year,
                staff: 1.0,
            },
        ),
        (
            state.t("Thêm định mức", "Add staffing norm"),
            ComponentKind::Norm {
                volume: 0.0,
                ratio: 0.0,
            },
        ),
    ]
    .map(|(label, kind)| (label.to_owned(), kind));
    let mut added = None;
    let views = [
        (WorkloadView::Cards, state.t("Dạng thẻ", "Cards")),
        (WorkloadView::Table, state.t("Dạng bảng", "Table")),
    ];
    let mut view = state.preferences.workload_view;
    ui.horizontal_wrapped(|ui| {
        for (value, label) in views {
            ui.selectable_value(&mut view, value, label);
        }
        ui.separator();
        for (label, kind) in kinds {
            if ui.button(label).clicked() {
                added = Some(kind);
            }
        }
    });
    state.preferences.workload_view = view;
    let kind = added?;
    let name = state.t("Công việc mới", "New work").to_owned();
    let created = apply_choice(
        state,
        Edit::AddComponent {
            position_id: position.id.clone(),
            name,
            kind,
        },
    );
    match created {
        Some(Created::Component(id)) => Some(id),
        _ => None,
    }
}

/// What each component contributes, by component id, and the position's available hours,
/// from the engine's explanation (shared with the Explain panel's cache).
fn contributions(
    state: &mut AppState,
    position_id: &str,
) -> (HashMap<String, ComponentContribution>, f64) {
    match state.explanation(position_id) {
        Some(Ok(explanation)) => (
            explanation
                .components
                .iter()
                .map(|c| (c.component.id.clone(), c.clone()))
                .collect(),
            explanation.position.available_hours,
        ),
        _ => (HashMap::new(), 0.0),
    }
}

fn kind_label(state: &AppState, kind: &ComponentKind) -> String {
    let kind = kind.component_type();
    state.t(kind.label_vi(), kind.label_en()).to_owned()
}

fn period_label(state: &AppState, period: Period) -> String {
    state.t(period.label_vi(), period.label_en()).to_owned()
}

/// What the component adds, in the figures the engine gives for its kind.
fn contribution_text(
    state: &AppState,
    contribution: &ComponentContribution,
    available_hours: f64,
) -> String {
    let fte = contribution
        .fte(available_hours)
        .map(|f| format!("{} FTE", state.number(f, 4)));
    let text = match contribution.component.kind {
        ComponentKind::Service { .. } => Some(format!(
            "{} {}",
            state.number(contribution.service_hours, 2),
            state.t("giờ/năm", "hours/year")
        )),
        ComponentKind::Support(_) => Some(format!(
            "{} {}",
            vi_percent(contribution.support_share, 2),
            state.t("thời gian làm việc", "of working time")
        )),
        ComponentKind::Additional { .. } => Some(format!(
            "{} {}",
            state.number(contribution.additional_hours, 2),
            state.t("giờ/năm", "hours/year")
        )),
        ComponentKind::Norm { .. } => None,
    };
    let parts: Vec<String> = text.into_iter().chain(fte).collect();
    format!("= {}", parts.join(" · "))
}

fn component_ui(
    state: &mut AppState,
    ui: &mut egui::Ui,
    position_id: &str,
    component: &Component,
    contribution: Option<&ComponentContribution>,
    available_hours: f64,
) {
    let key = |field: &str| format!("component/{position_id}/{}/{field}", component.id);
    let update = |kind: ComponentKind| Edit::UpdateComponent {
        position_id: position_id.to_owned(),
        component: Component {
            kind,
            ..component.clone()
        },
    };
    egui::Frame::group(ui.style()).show(ui, |ui| {
        ui.set_width(ui.available_width());
        ui.horizontal_wrapped(|ui| {
            ui.strong(kind_label(state, &component.kind));
            match contribution {
                Some(c) => ui.strong(contribution_text(state, c, available_hours)),
                None => ui.label("–"),
            };
        });
        ui.horizontal(|ui| {
            let label = state.t("Tên công việc", "Name").to_owned();
            let width = (ui.available_width() - 140.0).max(160.0);
            if let Some(text) = form_field(state, ui, &label, &key("name"), &component.name, width)
            {
                let edit = Edit::UpdateComponent {
                    position_id: position_id.to_owned(),
                    component: Component {
                        name: text.clone(),
                        ..component.clone()
                    },
                };
                commit(state, &key("name"), &label, text, Ok(edit));
            }
        });
        egui::Grid::new(("component_fields", &component.id))
            .num_columns(4)
            .show(ui, |ui| {
                let label = state.t("Mã nhiệm vụ", "Task code").to_owned();
                let code = component.code.clone().unwrap_or_default();
                if let Some(text) = form_field(state, ui, &label, &key("code"), &code, 90.0) {
                    let code = Some(text.trim().to_owned()).filter(|c| !c.is_empty());
                    let edit = Edit::UpdateComponent {
                        position_id: position_id.to_owned(),
                        component: Component {
                            code,
                            ..component.clone()
                        },
                    };
                    commit(state, &key("code"), &label, text, Ok(edit));
                }
                let mut placed = 1;
                kind_fields_ui(state, ui, component, &key, &update, &mut placed);
                if !placed.is_multiple_of(2) {
                    ui.end_row();
                }
            });
        ui.horizontal(|ui| {
            if ui
                .small_button(state.t("Nhân bản công việc", "Duplicate work"))
                .clicked()
            {
                apply_choice(
                    state,
                    Edit::DuplicateComponent {
                        position_id: position_id.to_owned(),
                        component_id: component.id.clone(),
                    },
                );
            }
            if ui
                .small_button(state.t("Xóa công việc", "Delete work"))
                .clicked()
            {
                apply_choice(
                    state,
                    Edit::DeleteComponent {
                        position_id: position_id.to_owned(),
                        component_id: component.id.clone(),
                    },
                );
            }
        });
    });
}

/// The fields of the component's kind, each applied as it is entered.
fn kind_fields_ui(
    state: &mut AppState,
    ui: &mut egui::Ui,
    component: &Component,
    key: &dyn Fn(&str) -> String,
    update: &dyn Fn(ComponentKind) -> Edit,
    placed: &mut usize,
) {
    // Two label-and-field pairs to a row of the grid.
    let next = |ui: &mut egui::Ui, placed: &mut usize| {
        *placed += 1;
        if placed.is_multiple_of(2) {
            ui.end_row();
        }
    };
    let amount = |state: &mut AppState,
                  ui: &mut egui::Ui,
                  placed: &mut usize,
                  label: &str,
                  field: &str,
                  value: f64,
                  make: &dyn Fn(f64) -> ComponentKind| {
        let label = label.to_owned();
        let current = amount_text(state, value);
        if let Some(text) = form_field(state, ui, &label, &key(field), &current, 70.0) {
            let edit = parse_amount(state, &text).map(|v| update(make(v)));
            commit(state, &key(field), &label, text, edit);
        }
        next(ui, placed);
    };
    let periods: Vec<(Period, String)> = Period::ALL
        .into_iter()
        .map(|p| (p, period_label(state, p)))
        .collect();
    match component.kind.clone() {
        ComponentKind::Service {
            volume,
            minutes_per_item,
            coefficient,
        } => {
            let label = state.t("Khối lượng/năm", "Volume/year").to_owned();
            amount(state, ui, placed, &label, "volume", volume, &|volume| {
                ComponentKind::Service {
                    volume,
                    minutes_per_item,
                    coefficient,
                }
            });
            let label = state.t("Phút/lần", "Minutes/item").to_owned();
            amount(
                state,
                ui,
                placed,
                &label,
                "minutes_per_item",
                minutes_per_item,
                &|minutes_per_item| ComponentKind::Service {
                    volume,
                    minutes_per_item,
                    coefficient,
                },
            );
            let label = state.t("Hệ số", "Coefficient").to_owned();
            amount(
                state,
                ui,
                placed,
                &label,
                "coefficient",
                coefficient,
                &|coefficient| ComponentKind::Service {
                    volume,
                    minutes_per_item,
                    coefficient,
                },
            );
        }
        ComponentKind::Support(support) => {
            let by_percent = matches!(support, SupportAmount::Percent(_));
            let options = [
                (
                    true,
                    state.t("Theo phần trăm", "As a percentage").to_owned(),
                ),
                (false, state.t("Theo thời gian", "As time").to_owned()),
            ];
            let label = state.t("Cách tính", "Given as").to_owned();
            let picked = choice(ui, &label, key("support_by"), &by_percent, &options, 150.0);
            next(ui, placed);
            if let Some(percent) = picked {
                let kind = if percent {
                    SupportAmount::Percent(0.0)
                } else {
                    SupportAmount::Time {
                        minutes: 0.0,
                        per: Period::Week,
                    }
                };
                apply_choice(state, update(ComponentKind::Support(kind)));
            }
            match support {
                SupportAmount::Percent(percent) => {
                    let label = state.t("Phần trăm thời gian", "Percent of time").to_owned();
                    amount(state, ui, placed, &label, "percent", percent, &|p| {
                        ComponentKind::Support(SupportAmount::Percent(p))
                    });
                }
                SupportAmount::Time { minutes, per } => {
                    let label = state.t("Số phút", "Minutes").to_owned();
                    amount(state, ui, placed, &label, "minutes", minutes, &|minutes| {
                        ComponentKind::Support(SupportAmount::Time { minutes, per })
                    });
                    let label = state.t("mỗi", "per").to_owned();
                    let picked = choice(ui, &label, key("per"), &per, &periods, 80.0);
                    next(ui, placed);
                    if let Some(per) = picked {
                        apply_choice(
                            state,
                            update(ComponentKind::Support(SupportAmount::Time { minutes, per })),
                        );
                    }
                }
            }
        }
        ComponentKind::Additional {
            minutes,
            per,
            staff,
        } => {
            let label = state.t("Số phút", "Minutes").to_owned();
            amount(state, ui, placed, &label, "minutes", minutes, &|minutes| {
                ComponentKind::Additional {
                    minutes,
                    per,
                    staff,
                }
            });
            let label = state.t("mỗi", "per").to_owned();
            let picked = choice(ui, &label, key("per"), &per, &periods, 80.0);
            next(ui, placed);
            if let Some(per) = picked {
                apply_choice(
                    state,
                    update(ComponentKind::Additional {
                        minutes,
                        per,
                        staff,
                    }),
                );
            }
            let label = state.t("Số người làm", "Staff doing it").to_owned();
            amount(state, ui, placed, &label, "staff", staff, &|staff| {
                ComponentKind::Additional {
                    minutes,
                    per,
                    staff,
                }
            });
        }
        ComponentKind::Norm { volume, ratio } => {
            let label = state.t("Số lượng", "Quantity").to_owned();
            amount(state, ui, placed, &label, "volume", volume, &|volume| {
                ComponentKind::Norm { volume, ratio }
            });
            let label = state
                .t("Người trên một đơn vị", "Staff per unit")
                .to_owned();
            amount(state, ui, placed, &label, "ratio", ratio, &|ratio| {
                ComponentKind::Norm { volume, ratio }
            });
        }
    }
}
