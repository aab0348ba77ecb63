//! The org-unit tree on the left: each unit with required / current, coloured by shortage or
//! surplus. Selecting a unit filters the centre to its subtree.

use std::collections::HashMap;

use eframe::egui;

use super::figures::difference_colour;
use crate::app::state::AppState;
use crate::engine::UnitResult;

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
    let plan = state.document.plan();
    let mut children: HashMap<Option<&str>, Vec<usize>> = HashMap::new();
    for (index, unit) in plan.units.iter().enumerate() {
        children
            .entry(unit.parent_id.as_deref())
            .or_default()
            .push(index);
    }
    let results: HashMap<&str, &UnitResult> = state
        .document
        .results()
        .map(|r| r.units.iter().map(|u| (u.id.as_str(), u)).collect())
        .unwrap_or_default();
    let roots = children.get(&None).cloned().unwrap_or_default();
    let mut clicked = None;
    egui::ScrollArea::vertical()
        .auto_shrink(false)
        .show(ui, |ui| {
            for root in roots {
                node_ui(state, ui, &children, &results, root, 0, &mut clicked);
            }
        });
    if let Some(id) = clicked {
        state.selected_unit = Some(id);
    }
}

fn node_ui(
    state: &AppState,
    ui: &mut egui::Ui,
    children: &HashMap<Option<&str>, Vec<usize>>,
    results: &HashMap<&str, &UnitResult>,
    index: usize,
    depth: usize,
    clicked: &mut Option<String>,
) {
    let Some(unit) = state.document.plan().units.get(index) else {
        return;
    };
    let kids = children.get(&Some(unit.id.as_str()));
    let selected = state.selected_unit.as_deref() == Some(unit.id.as_str());
    let figures = results.get(unit.id.as_str()).map(|r| {
        (
            format!("{} / {}", r.required, state.number(r.current, 1)),
            r.difference,
        )
    });
    let mut header = |ui: &mut egui::Ui| {
        let response = ui.selectable_label(selected, &unit.name);
        if let Some((text, difference)) = &figures {
            ui.colored_label(difference_colour(ui, *difference), text)
                .on_hover_text(state.t("cần / hiện có", "required / current"));
        }
        if response.clicked() {
            *clicked = Some(unit.id.clone());
        }
    };
    match kids {
        Some(kids) if !kids.is_empty() => {
            let id = ui.make_persistent_id(("unit", &unit.id));
            egui::collapsing_header::CollapsingState::load_with_default_open(
                ui.ctx(),
                id,
                depth < 2,
            )
            .show_header(ui, header)
            .body(|ui| {
                for kid in kids {
                    node_ui(state, ui, children, results, *kid, depth + 1, clicked);
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
