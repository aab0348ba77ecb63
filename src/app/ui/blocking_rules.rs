//! The Settings section listing the rules whose breaches are errors for this plan (blocking
//! rules): each entry with the rule it names, a button to drop it, and a choice of the rules in
//! force to add. Single findings can also be made blocking from the Kiểm tra panel.

use eframe::egui;

use super::fields::{apply_choice, choice};
use crate::app::state::AppState;
use crate::editing::Edit;
use crate::norms;
use crate::rules;

pub fn blocking_rules_ui(state: &mut AppState, ui: &mut egui::Ui) {
    ui.heading(state.t("Quy tắc chặn", "Blocking rules"));
    ui.weak(state.t(
        "Vi phạm các quy tắc này là lỗi (vtvl check trả mã 3); các quy tắc khác chỉ cảnh báo.",
        "Breaches of these rules are errors (vtvl check exits with 3); other rules only warn.",
    ));
    let blocking = state.document.plan().blocking_rules.clone();
    if blocking.is_empty() {
        ui.label(state.t("Chưa có quy tắc chặn.", "No blocking rules."));
    }
    let mut dropped = None;
    egui::Grid::new("blocking_rules")
        .num_columns(3)
        .striped(true)
        .show(ui, |ui| {
            for entry in &blocking {
                ui.monospace(entry);
                ui.label(rule_title(entry).unwrap_or_default());
                if ui.button(state.t("Bỏ", "Drop")).clicked() {
                    dropped = Some(entry.clone());
                }
                ui.end_row();
            }
        });
    if let Some(entry) = dropped {
        let kept = blocking.iter().filter(|b| **b != entry).cloned().collect();
        apply_choice(state, Edit::SetBlockingRules(kept));
    }
    let options = addable(state, &blocking);
    if options.is_empty() {
        return;
    }
    ui.horizontal(|ui| {
        let label = state.t("Thêm quy tắc chặn", "Add a blocking rule");
        let none = (
            String::new(),
            state.t("(chọn quy tắc)", "(pick a rule)").to_owned(),
        );
        let options: Vec<(String, String)> = std::iter::once(none).chain(options).collect();
        let picked = choice(
            ui,
            label,
            "blocking_rule_add",
            &String::new(),
            &options,
            420.0,
        );
        if let Some(id) = picked.filter(|id| !id.is_empty()) {
            let mut rules = blocking.clone();
            rules.push(id);
            apply_choice(state, Edit::SetBlockingRules(rules));
        }
    });
}

/// The title of the review rule or sector norm an entry names exactly.
fn rule_title(entry: &str) -> Option<String> {
    rules::rule(entry)
        .map(|r| r.rule.name().to_owned())
        .or_else(|| norms::norm_rule(entry).map(|(_, r)| r.name().to_owned()))
}

/// The rules in force on the plan's judgement date that are not blocking yet, as
/// `(id, "id: title")`.
fn addable(state: &AppState, blocking: &[String]) -> Vec<(String, String)> {
    let at = state.document.plan().judgement_date();
    let review = rules::catalogue()
        .into_iter()
        .flat_map(|c| c.in_force(at))
        .map(|r| (r.rule.id.clone(), r.rule.name().to_owned()));
    let norm = norms::norm_packs()
        .into_iter()
        .flatten()
        .flat_map(|pack| &pack.rules)
        .filter(|r| r.in_force(at))
        .map(|r| (r.id.clone(), r.name().to_owned()));
    review
        .chain(norm)
        .filter(|(id, _)| !blocking.contains(id))
        .map(|(id, title)| (id.clone(), format!("{id}: {title}")))
        .collect()
}
