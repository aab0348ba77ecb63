//! The org-unit tree on the left: each unit with required / current, coloured by shortage or
//! surplus. Selecting a unit filters the centre to its subtree.

use std::collections::{HashMap, HashSet};

use eframe::egui;

use super::fields::{
    apply_choice, choice, commit, form_column_width, form_field, parse_optional_count,
};
use super::figures::difference_colour;
use super::unit_attributes;
use crate::app::state::{AppState, Dialog};
use crate::editing::{Created, Edit, subtree, unit_contents};
use crate::engine::{UnitResult, UnitTree};
use crate::model::{Unit, UnitType};

pub fn unit_tree_ui(state: &mut AppState, ui: &mut egui::Ui) {
    ui.heading(state.t("Cơ cấu tổ chức", "Organisation"));
    let all_label = state.t("Tất cả đơn vị", "All units").to_owned();
    if ui
        .selectable_label(state.selected_unit.is_none(), all_label)
        .clicked()
    {
        state.selected_unit = None;
    }
    ui.separator();
    // The form keeps to the lower part of the panel and scrolls when taller, so the tree
    // stays in view above it.
    let form_height = (ui.available_height() * 0.6).max(120.0);
    egui::Panel::bottom("unit_form").show(ui, |ui| {
        egui::ScrollArea::vertical()
            .id_salt("unit_form_scroll")
            .max_height(form_height)
            .min_scrolled_height(form_height)
            .show(ui, |ui| unit_form_ui(state, ui));
    });
    let tree = UnitTree::lenient(&state.document.plan().units);
    let results: HashMap<&str, &UnitResult> = state
        .document
        .results()
        .map(|r| r.units.iter().map(|u| (u.id.as_str(), u)).collect())
        .unwrap_or_default();
    let mut clicked = None;
    egui::ScrollArea::vertical()
        .auto_shrink(false)
        .show(ui, |ui| {
            for &root in tree.roots() {
                node_ui(state, ui, &tree, &results, root, 0, &mut clicked);
            }
        });
    if let Some(id) = clicked {
        state.selected_unit = Some(id);
    }
}

fn node_ui(
    state: &AppState,
    ui: &mut egui::Ui,
    tree: &UnitTree,
    results: &HashMap<&str, &UnitResult>,
    index: usize,
    depth: usize,
    clicked: &mut Option<String>,
) {
    let Some(unit) = state.document.plan().units.get(index) else {
        return;
    };
    let kids = tree.children(index);
    let selected = state.selected_unit.as_deref() == Some(unit.id.as_str());
    let figures = results.get(unit.id.as_str()).map(|r| {
        (
            format!("{} / {}", r.required, state.number(r.current, 1)),
            r.difference,
        )
    });
    let mut header = |ui: &mut egui::Ui| {
        // A long name is cut with "…" (whole on hover), leaving room for the figures after it.
        let font = egui::TextStyle::Body.resolve(ui.style());
        let width = |ui: &egui::Ui, text: &str| {
            ui.painter()
                .layout_no_wrap(text.to_owned(), font.clone(), egui::Color32::WHITE)
                .size()
                .x
        };
        let figures_width = figures.as_ref().map_or(0.0, |(text, _)| {
            width(ui, text) + ui.spacing().item_spacing.x
        });
        let room = (ui.available_width() - figures_width).max(40.0);
        let padding = 2.0 * ui.spacing().button_padding.x;
        let cut = width(ui, &unit.name) + padding > room;
        let mut response = ui
            .scope(|ui| {
                ui.set_max_width(room);
                ui.add(egui::Button::selectable(selected, &unit.name).truncate())
            })
            .inner;
        if cut {
            response = response.on_hover_text(&unit.name);
        }
        if let Some((text, difference)) = &figures {
            ui.colored_label(difference_colour(ui, *difference), text)
                .on_hover_text(state.t("cần / hiện có", "required / current"));
        }
        if response.clicked() {
            *clicked = Some(unit.id.clone());
        }
    };
    match kids {
        kids if !kids.is_empty() => {
            let id = ui.make_persistent_id(("unit", &unit.id));
            egui::collapsing_header::CollapsingState::load_with_default_open(
                ui.ctx(),
                id,
                depth < 2,
            )
            .show_header(ui, header)
            .body(|ui| {
                for kid in kids {
                    node_ui(state, ui, tree, results, *kid, depth + 1, clicked);
                }
            });
        }
        _ => {
            ui.horizontal(|ui| {
                ui.add_space(ui.spacing().indent);
                header(ui);
            });
        }
    }
}

/// The selected unit's form under the tree: name, type, quota, the attributes the rules read
/// and parent, each applied as it is entered; adding a sub-unit; deleting (after a question
/// when something goes with it).
fn unit_form_ui(state: &mut AppState, ui: &mut egui::Ui) {
    ui.add_space(4.0);
    let unit = state
        .selected_unit
        .as_deref()
        .and_then(|id| state.document.plan().unit(id))
        .cloned();
    let Some(unit) = unit else {
        if ui
            .button(state.t("Thêm đơn vị gốc", "Add root unit"))
            .clicked()
        {
            add_unit(state, None);
        }
        return;
    };
    let key = |field: &str| format!("unit/{}/{field}", unit.id);
    let update = |change: &dyn Fn(&mut Unit)| {
        let mut updated = unit.clone();
        change(&mut updated);
        Edit::UpdateUnit(updated)
    };
    let column = form_column_width(ui);
    let wide = 190.0_f32.min(column);
    egui::Grid::new("unit_form")
        .num_columns(2)
        .max_col_width(column)
        .show(ui, |ui| {
            ui.style_mut().wrap_mode = Some(egui::TextWrapMode::Wrap);
            let label = state.t("Tên đơn vị", "Unit name").to_owned();
            if let Some(text) = form_field(state, ui, &label, &key("name"), &unit.name, wide) {
                let edit = update(&|u| u.name = text.clone());
                commit(state, &key("name"), &label, text, Ok(edit));
            }
            ui.end_row();
            let label = state.t("Loại", "Type").to_owned();
            let types: Vec<(UnitType, String)> = UnitType::ALL
                .iter()
                .map(|t| (*t, t.label(state.language()).to_owned()))
                .collect();
            if let Some(picked) = choice(ui, &label, key("type"), &unit.unit_type, &types, wide) {
                apply_choice(state, update(&|u| u.unit_type = picked));
            }
            ui.end_row();
            let label = state.t("Biên chế giao", "Quota").to_owned();
            let quota = unit.quota.map(|q| q.to_string()).unwrap_or_default();
            if let Some(text) =
                form_field(state, ui, &label, &key("quota"), &quota, 50.0_f32.min(wide))
            {
                let edit = parse_optional_count(state, &text).map(|q| update(&|u| u.quota = q));
                commit(state, &key("quota"), &label, text, edit);
            }
            ui.end_row();
            unit_attributes::attribute_rows_ui(state, ui, &unit, wide);
            let plan = state.document.plan();
            let own: HashSet<String> = subtree(plan, &unit.id).into_iter().collect();
            let mut options = vec![(None, state.t("(đơn vị gốc)", "(root unit)").to_owned())];
            options.extend(
                plan.units
                    .iter()
                    .filter(|u| !own.contains(&u.id))
                    .map(|u| (Some(u.id.clone()), u.name.clone())),
            );
            let label = state.t("Thuộc", "Parent").to_owned();
            if let Some(parent) = choice(ui, &label, key("parent"), &unit.parent_id, &options, wide)
            {
                let id = unit.id.clone();
                apply_choice(state, Edit::MoveUnit { id, parent });
            }
            ui.end_row();
        });
    unit_attributes::drivers_ui(state, ui, &unit);
    ui.horizontal_wrapped(|ui| {
        if ui
            .button(state.t("Thêm đơn vị con", "Add sub-unit"))
            .clicked()
        {
            add_unit(state, Some(unit.id.clone()));
        }
        if ui
            .button(state.t("Thêm đơn vị gốc", "Add root unit"))
            .clicked()
        {
            add_unit(state, None);
        }
        if ui.button(state.t("Xóa đơn vị", "Delete unit")).clicked() {
            delete_unit(state, &unit);
        }
    });
}

fn add_unit(state: &mut AppState, parent: Option<String>) {
    let name = state.t("Đơn vị mới", "New unit").to_owned();
    if let Some(Created::Unit(id)) = apply_choice(state, Edit::AddUnit { parent, name }) {
        state.selected_unit = Some(id);
    }
}

/// Deletes an empty unit at once; asks first when sub-units, positions or staff go with it.
fn delete_unit(state: &mut AppState, unit: &Unit) {
    let contents = unit_contents(state.document.plan(), &unit.id);
    if contents.is_empty() {
        if apply_choice(
            state,
            Edit::DeleteUnit {
                id: unit.id.clone(),
            },
        )
        .is_some()
        {
            state.selected_unit = None;
        }
        return;
    }
    let summary = match state.language() {
        crate::language::Language::Vietnamese => format!(
            "Xóa \"{}\" cùng {} đơn vị con, {} vị trí việc làm và {} người.",
            unit.name, contents.sub_units, contents.positions, contents.staff
        ),
        crate::language::Language::English => format!(
            "Delete \"{}\" with {} sub-units, {} positions and {} staff.",
            unit.name, contents.sub_units, contents.positions, contents.staff
        ),
    };
    state.dialog = Some(Dialog::ConfirmDeleteUnit {
        id: unit.id.clone(),
        summary,
    });
}
