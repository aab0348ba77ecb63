//! The Workload tab's table view: one row per component of the selected position, in the
//! shared table of [`super::sheet`]. Name, task code and the figures of service work and of
//! staffing norms are typed in place; the hours and FTE each component adds are read from the
//! engine's explanation by component id. Support and additional work show their setting as
//! text here and are edited in the card view.

use std::collections::HashMap;

use eframe::egui;
use egui_extras::Column;

use super::fields::{amount_text, apply_choice, commit, parse_amount, text_field};
use super::sheet::{Place, Sheet};
use crate::app::state::AppState;
use crate::editing::Edit;
use crate::engine::ComponentContribution;
use crate::model::{Component, ComponentKind, Position, SupportAmount};

const ROW_HEIGHT: f32 = 26.0;

/// A component's kind with one figure replaced.
type WithFigure = Box<dyn Fn(f64) -> ComponentKind>;

/// The columns whose cells are typed in: each names the field it edits.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Figure {
    Volume,
    Minutes,
    Coefficient,
}

impl Figure {
    /// The key of the field, shared with the card view so typed text follows a switch.
    fn field(self, kind: &ComponentKind) -> &'static str {
        match (self, kind) {
            (Figure::Volume, _) => "volume",
            (Figure::Minutes, _) => "minutes_per_item",
            (Figure::Coefficient, ComponentKind::Norm { .. }) => "ratio",
            (Figure::Coefficient, _) => "coefficient",
        }
    }

    fn header(self, state: &AppState) -> &'static str {
        match self {
            Figure::Volume => state.t("Khối lượng/năm", "Volume/year"),
            Figure::Minutes => state.t("Phút/lần", "Minutes/item"),
            Figure::Coefficient => state.t("Hệ số", "Coefficient"),
        }
    }

    /// The figure of `kind` this column shows, and the kind with that figure replaced; `None`
    /// when the kind has no such figure.
    fn of(self, kind: &ComponentKind) -> Option<(f64, WithFigure)> {
        match (self, kind.clone()) {
            (
                Figure::Volume,
                ComponentKind::Service {
                    volume,
                    minutes_per_item,
                    coefficient,
                },
            ) => Some((
                volume,
                Box::new(move |volume| ComponentKind::Service {
                    volume,
                    minutes_per_item,
                    coefficient,
                }),
            )),
            (
                Figure::Minutes,
                ComponentKind::Service {
                    volume,
                    minutes_per_item,
                    coefficient,
                },
            ) => Some((
                minutes_per_item,
                Box::new(move |minutes_per_item| ComponentKind::Service {
                    volume,
                    minutes_per_item,
                    coefficient,
                }),
            )),
            (
                Figure::Coefficient,
                ComponentKind::Service {
                    volume,
                    minutes_per_item,
                    coefficient,
                },
            ) => Some((
                coefficient,
                Box::new(move |coefficient| ComponentKind::Service {
                    volume,
                    minutes_per_item,
                    coefficient,
                }),
            )),
            (Figure::Volume, ComponentKind::Norm { volume, ratio }) => Some((
                volume,
                Box::new(move |volume| ComponentKind::Norm { volume, ratio }),
            )),
            (Figure::Coefficient, ComponentKind::Norm { volume, ratio }) => Some((
                ratio,
                Box::new(move |ratio| ComponentKind::Norm { volume, ratio }),
            )),
            _ => None,
        }
    }
}

/// The table of `position`'s components; `contributions` by component id, `scroll_to` a
/// component to bring into view (one just added).
pub(super) fn workload_table_ui(
    state: &mut AppState,
    ui: &mut egui::Ui,
    position: &Position,
    contributions: &HashMap<String, ComponentContribution>,
    available_hours: f64,
    scroll_to: Option<&str>,
) {
    // The figures first after the name, so that they show in a narrow window.
    let headers = [
        state.t("Tên công việc", "Name"),
        state.t("Loại", "Kind"),
        Figure::Volume.header(state),
        Figure::Minutes.header(state),
        Figure::Coefficient.header(state),
        state.t("Giờ/năm", "Hours/year"),
        "FTE",
        state.t("Mã nhiệm vụ", "Task code"),
        "",
    ]
    .map(str::to_owned);
    let scroll_row = scroll_to.and_then(|id| position.components.iter().position(|c| c.id == id));
    let mut clicked: Option<Edit> = None;
    let figures = [Figure::Volume, Figure::Minutes, Figure::Coefficient];
    Sheet::new("workload_table", &position.id, ROW_HEIGHT)
        .scroll_to(scroll_row)
        .pinned(1)
        .column(Column::initial(240.0).at_least(120.0).clip(true))
        .column(Column::initial(110.0).at_least(60.0).clip(true))
        .columns(Column::initial(90.0).at_least(60.0), 3)
        .columns(Column::initial(80.0).at_least(60.0), 2)
        .column(Column::initial(90.0).at_least(50.0).clip(true))
        .column(Column::auto().at_least(120.0))
        .show(ui, position.components.len(), |ui, place| {
            let (row, column) = match place {
                Place::Header(column) => {
                    if let Some(text) = headers.get(column) {
                        ui.strong(text.as_str());
                    }
                    return;
                }
                Place::Cell { row, column } => (row, column),
            };
            let Some(component) = position.components.get(row) else {
                return;
            };
            let contribution = contributions.get(&component.id);
            match column {
                0 => text_cell(state, ui, position, component, TextColumn::Name),
                1 => {
                    let kind = component.kind.component_type();
                    super::sheet::cell_text(ui, state.t(kind.label_vi(), kind.label_en()));
                }
                2..=4 => {
                    if let Some(&figure) = figures.get(column - 2) {
                        figure_cell(state, ui, position, component, figure);
                    }
                }
                5 => {
                    if let Some(hours) = contribution.and_then(hours) {
                        ui.label(state.number(hours, 2));
                    }
                }
                6 => {
                    if let Some(fte) = contribution.and_then(|c| c.fte(available_hours)) {
                        ui.label(state.number(fte, 4));
                    }
                }
                7 => text_cell(state, ui, position, component, TextColumn::Code),
                _ => {
                    let duplicate = state.t("Nhân bản", "Duplicate");
                    if ui.small_button(duplicate).clicked() {
                        clicked = Some(Edit::DuplicateComponent {
                            position_id: position.id.clone(),
                            component_id: component.id.clone(),
                        });
                    }
                    if ui.small_button(state.t("Xóa", "Delete")).clicked() {
                        clicked = Some(Edit::DeleteComponent {
                            position_id: position.id.clone(),
                            component_id: component.id.clone(),
                        });
                    }
                }
            }
        });
    if let Some(edit) = clicked {
        apply_choice(state, edit);
    }
}

/// The hours a year a component adds: service and additional work.
fn hours(contribution: &ComponentContribution) -> Option<f64> {
    match contribution.component.kind {
        ComponentKind::Service { .. } => Some(contribution.service_hours),
        ComponentKind::Additional { .. } => Some(contribution.additional_hours),
        _ => None,
    }
}

#[derive(Clone, Copy)]
enum TextColumn {
    Name,
    Code,
}

/// The name or the task code, typed in place.
fn text_cell(
    state: &mut AppState,
    ui: &mut egui::Ui,
    position: &Position,
    component: &Component,
    column: TextColumn,
) {
    let (field, header, current) = match column {
        TextColumn::Name => (
            "name",
            state.t("Tên công việc", "Name"),
            component.name.clone(),
        ),
        TextColumn::Code => (
            "code",
            state.t("Mã nhiệm vụ", "Task code"),
            component.code.clone().unwrap_or_default(),
        ),
    };
    let key = format!("component/{}/{}/{field}", position.id, component.id);
    let name = format!("{header} {}", component.id);
    let (response, committed) = text_field(state, ui, &key, &current, ui.available_width());
    let response = response.accessible_name(&name);
    if matches!(column, TextColumn::Name) && !component.name.is_empty() {
        response.on_hover_text(&component.name);
    }
    if let Some(text) = committed {
        let updated = match column {
            TextColumn::Name => Component {
                name: text.clone(),
                ..component.clone()
            },
            TextColumn::Code => Component {
                code: Some(text.trim().to_owned()).filter(|c| !c.is_empty()),
                ..component.clone()
            },
        };
        let edit = Edit::UpdateComponent {
            position_id: position.id.clone(),
            component: updated,
        };
        commit(state, &key, &name, text, Ok(edit));
    }
}

/// A figure of the component typed in place, or what its kind has instead as text.
fn figure_cell(
    state: &mut AppState,
    ui: &mut egui::Ui,
    position: &Position,
    component: &Component,
    figure: Figure,
) {
    let Some((value, with)) = figure.of(&component.kind) else {
        if figure == Figure::Volume {
            other_kind_cell(state, ui, &component.kind);
        }
        return;
    };
    let field = figure.field(&component.kind);
    let key = format!("component/{}/{}/{field}", position.id, component.id);
    let name = format!("{} {}", figure.header(state), component.id);
    let current = amount_text(state, value);
    let (response, committed) = text_field(state, ui, &key, &current, ui.available_width());
    let response = response.accessible_name(&name);
    if matches!(component.kind, ComponentKind::Norm { .. }) {
        let meaning = match figure {
            Figure::Coefficient => state.t("Người trên một đơn vị", "Staff per unit"),
            _ => state.t("Số lượng", "Quantity"),
        };
        response.on_hover_text(meaning);
    }
    if let Some(text) = committed {
        let edit = parse_amount(state, &text).map(|v| Edit::UpdateComponent {
            position_id: position.id.clone(),
            component: Component {
                kind: with(v),
                ..component.clone()
            },
        });
        commit(state, &key, &name, text, edit);
    }
}

/// Support and additional work: their setting in words ("15% thời gian", "60 phút/tuần, 2
/// người"), edited in the card view.
fn other_kind_cell(state: &AppState, ui: &mut egui::Ui, kind: &ComponentKind) {
    let per = |period: crate::model::Period| state.t(period.label_vi(), period.label_en());
    let text = match kind {
        ComponentKind::Support(SupportAmount::Percent(percent)) => format!(
            "{}% {}",
            state.number(*percent, 2),
            state.t("thời gian", "of time")
        ),
        ComponentKind::Support(SupportAmount::Time { minutes, per: p }) => {
            format!(
                "{} {}/{}",
                state.number(*minutes, 2),
                state.t("phút", "min"),
                per(*p)
            )
        }
        ComponentKind::Additional {
            minutes,
            per: p,
            staff,
        } => format!(
            "{} {}/{}, {} {}",
            state.number(*minutes, 2),
            state.t("phút", "min"),
            per(*p),
            state.number(*staff, 2),
            state.t("người", "people")
        ),
        _ => return,
    };
    super::sheet::cell_text(ui, text)
        .on_hover_text(state.t("Sửa ở dạng thẻ", "Edited in the card view"));
}
