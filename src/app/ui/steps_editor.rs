//! The career-step editor of the position form (viên chức, ND 232/2026): how many of the
//! position's people sit at each step from 5 down to 1, and their sum against the count the
//! agency proposes, which they should add up to.

use eframe::egui;

use super::fields::{commit, field_error, parse_optional_count, text_field};
use crate::app::state::AppState;
use crate::editing::Edit;
use crate::engine::UnitTree;
use crate::model::{Plan, Position, StepCount};

/// Whether the editor is shown for `position`: viên chức work in public service units, so it
/// is shown for positions of such a unit (or of a unit under one), and for any position that
/// already has steps.
pub(super) fn applies_to(plan: &Plan, position: &Position) -> bool {
    if !position.steps.is_empty() {
        return true;
    }
    // The unit tree's walk up from the position's unit; a cycle ends it.
    let Some(unit) = plan.units.iter().position(|u| u.id == position.unit_id) else {
        return false;
    };
    UnitTree::lenient(&plan.units)
        .ancestors_or_self(unit)
        .filter_map(|u| plan.units.get(u))
        .any(|u| u.unit_type.is_public_service_unit())
}

/// One line: a field per step, highest first, then the sum against the proposed count.
pub(super) fn steps_editor_ui(state: &mut AppState, ui: &mut egui::Ui, position: &Position) {
    let key = |step: u8| format!("position/{}/steps/{step}", position.id);
    ui.horizontal_wrapped(|ui| {
        ui.label(state.t("Số người theo bậc", "People by step"));
        for step in (1..=5u8).rev() {
            let label = ui.label(format!("{} {step}", state.t("Bậc", "Step")));
            let current = position
                .steps
                .iter()
                .find(|s| s.step == step)
                .map(|s| s.count.to_string())
                .unwrap_or_default();
            let (response, typed) = text_field(state, ui, &key(step), &current, 32.0);
            response.labelled_by(label.id);
            if let Some(text) = typed {
                let edit = parse_optional_count(state, &text).map(|count| {
                    let mut updated = position.clone();
                    updated.steps = with_step(&position.steps, step, count.unwrap_or(0));
                    Edit::UpdatePosition(Box::new(updated))
                });
                let name = format!("{} {step}", state.t("Bậc", "Step"));
                commit(state, &key(step), &name, text, edit);
            }
        }
        sum_ui(state, ui, position);
        for step in (1..=5u8).rev() {
            field_error(state, ui, &key(step));
        }
    });
}

/// The steps with `step` set to `count` (removed at 0), highest step first.
fn with_step(steps: &[StepCount], step: u8, count: u32) -> Vec<StepCount> {
    let mut steps: Vec<StepCount> = steps.iter().copied().filter(|s| s.step != step).collect();
    if count > 0 {
        steps.push(StepCount { step, count });
    }
    steps.sort_by_key(|s| std::cmp::Reverse(s.step));
    steps
}

/// `Tổng 9 / đề xuất 9`, in the error colour when the two differ.
fn sum_ui(state: &AppState, ui: &mut egui::Ui, position: &Position) {
    if position.steps.is_empty() {
        return;
    }
    let sum: u64 = position.steps.iter().map(|s| u64::from(s.count)).sum();
    let proposed = match &position.proposed {
        Some(proposal) => Some(i64::from(proposal.count)),
        None => state
            .document
            .results()
            .and_then(|results| results.position(&position.id))
            .map(|result| result.required),
    };
    let total = format!("{} {sum}", state.t("Tổng", "Total"));
    match proposed {
        Some(proposed) => {
            let text = format!("{total} / {} {proposed}", state.t("đề xuất", "proposed"));
            if i64::try_from(sum).ok() == Some(proposed) {
                ui.label(text);
            } else {
                ui.colored_label(ui.visuals().error_fg_color, text)
                    .on_hover_text(state.t(
                        "Tổng số người theo bậc nên bằng số đề xuất",
                        "The people by step should add up to the proposed count",
                    ));
            }
        }
        None => {
            ui.label(total);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_step_is_set_replaced_or_removed_and_steps_stay_highest_first() {
        let steps = with_step(&[], 3, 6);
        let steps = with_step(&steps, 4, 3);
        assert_eq!(
            steps,
            [
                StepCount { step: 4, count: 3 },
                StepCount { step: 3, count: 6 }
            ]
        );
        let steps = with_step(&steps, 3, 5);
        assert_eq!(steps[1], StepCount { step: 3, count: 5 });
        assert_eq!(with_step(&steps, 4, 0), [StepCount { step: 3, count: 5 }]);
    }
}
