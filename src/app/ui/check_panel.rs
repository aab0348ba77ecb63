//! The Checks panel (Kiểm tra): the plan held against the review rules in force on its
//! judgement date, the same findings `vtvl check` prints, live as the plan changes.
//!
//! Findings are listed by severity (each severity can be hidden); clicking one selects its
//! unit or position and shows the Positions tab, and the right of the panel explains it: the
//! rule's text, legal basis, dates in force and parameters, and the figures compared. From
//! there a rule (or its family in every version) can be made blocking; the toolbar sets the
//! judgement date and the province class the rules depend on. Both are undoable edits.

use eframe::egui::{self, Color32};

use super::fields::{apply_choice, choice, commit, form_field};
use crate::app::checks::{FindingKey, counts};
use crate::app::state::{AppState, Tab};
use crate::editing::Edit;
use crate::model::{CivilDate, PlanMeta, ProvinceClass};
use crate::norms;
use crate::rules::{self, Finding, Severity, blocking_entry_matches, family_of};

const DATE_KEY: &str = "checks:date";

/// The toggle at the right end of the tab row, always in view however narrow the window:
/// "Kiểm tra" and how many errors and warnings there are. It is drawn in a right-to-left row,
/// so the count comes first.
pub fn checks_toggle_ui(state: &mut AppState, ui: &mut egui::Ui) {
    if let Some((errors, warnings, _)) = state.checks.findings(&state.document).map(counts) {
        let text = format!(
            "{errors} {} · {warnings} {}",
            state.t("lỗi", "errors"),
            state.t("cảnh báo", "warnings")
        );
        let colour = if errors > 0 {
            ui.visuals().error_fg_color
        } else if warnings > 0 {
            ui.visuals().warn_fg_color
        } else {
            ui.visuals().weak_text_color()
        };
        ui.colored_label(colour, text);
    }
    let label = state.t("Kiểm tra", "Checks").to_owned();
    if ui.selectable_label(state.checks.open, label).clicked() {
        state.checks.open = !state.checks.open;
    }
    ui.separator();
}

pub fn check_panel_ui(state: &mut AppState, ui: &mut egui::Ui) {
    toolbar_ui(state, ui);
    ui.separator();
    let Some(findings) = state
        .checks
        .findings(&state.document)
        .map(<[Finding]>::to_vec)
    else {
        ui.label(state.t("Chưa có kết quả.", "No results yet."));
        return;
    };
    // Capped so that a long formula wraps instead of pushing the panel over the list.
    let widest = (ui.available_width() * 0.6).max(300.0);
    egui::Panel::right("check_explain")
        .resizable(true)
        .default_size(520.0_f32.min(widest))
        .size_range(280.0..=widest)
        .show(ui, |ui| explanation_ui(state, ui));
    list_ui(state, ui, &findings);
}

fn toolbar_ui(state: &mut AppState, ui: &mut egui::Ui) {
    let revision = state.document.revision();
    ui.horizontal_wrapped(|ui| {
        ui.heading(state.t("Kiểm tra", "Checks"));
        ui.separator();
        date_ui(state, ui);
        ui.separator();
        class_ui(state, ui);
        ui.separator();
        let (errors, warnings, info) = state
            .checks
            .findings(&state.document)
            .map(counts)
            .unwrap_or_default();
        let labels = [
            format!("{} ({errors})", state.t("Lỗi", "Errors")),
            format!("{} ({warnings})", state.t("Cảnh báo", "Warnings")),
            format!("{} ({info})", state.t("Thông tin", "Info")),
        ];
        let [errors_label, warnings_label, info_label] = labels;
        ui.checkbox(&mut state.checks.show_errors, errors_label);
        ui.checkbox(&mut state.checks.show_warnings, warnings_label);
        ui.checkbox(&mut state.checks.show_info, info_label);
        ui.separator();
        if ui
            .small_button("×")
            .on_hover_text(state.t("Đóng", "Close"))
            .clicked()
        {
            state.checks.open = false;
        }
    });
    if state.document.revision() != revision {
        ui.ctx().request_repaint();
    }
}

/// The judgement date: empty means today.
fn date_ui(state: &mut AppState, ui: &mut egui::Ui) {
    let meta = state.document.plan().meta.clone();
    let current = meta.judged_at.map(|d| d.to_string()).unwrap_or_default();
    let label = state.t("Ngày xét", "Judged at").to_owned();
    if let Some(text) = form_field(state, ui, &label, DATE_KEY, &current, 90.0) {
        let edit = if text.trim().is_empty() {
            Ok(None)
        } else {
            text.parse::<CivilDate>().map(Some).map_err(|_| {
                state
                    .t(
                        "không phải ngày: viết dd/mm/yyyy",
                        "not a date: write dd/mm/yyyy",
                    )
                    .to_owned()
            })
        }
        .map(|judged_at| Edit::SetMeta(PlanMeta { judged_at, ..meta }));
        commit(state, DATE_KEY, &label, text, edit);
    }
    let today = format!(
        "({} {})",
        state.t("để trống: hôm nay,", "empty: today,"),
        CivilDate::today()
    );
    ui.weak(today);
}

fn class_ui(state: &mut AppState, ui: &mut egui::Ui) {
    let meta = state.document.plan().meta.clone();
    let mut options = vec![(None, state.t("Chưa ghi", "Not given").to_owned())];
    options.extend(
        ProvinceClass::ALL
            .into_iter()
            .map(|class| (Some(class), class.label(state.language()).to_owned())),
    );
    let label = state.t("Loại tỉnh", "Province class").to_owned();
    if let Some(province_class) = choice(
        ui,
        &label,
        "checks:province-class",
        &meta.province_class,
        &options,
        190.0,
    ) {
        apply_choice(
            state,
            Edit::SetMeta(PlanMeta {
                province_class,
                ..meta
            }),
        );
    }
}

pub(super) fn severity_colour(ui: &egui::Ui, severity: Severity) -> Color32 {
    match severity {
        Severity::Error => ui.visuals().error_fg_color,
        Severity::Warning => ui.visuals().warn_fg_color,
        Severity::Info => ui.visuals().weak_text_color(),
    }
}

pub(super) fn severity_label(state: &AppState, severity: Severity) -> &'static str {
    match severity {
        Severity::Error => state.t("Lỗi", "Error"),
        Severity::Warning => state.t("Cảnh báo", "Warning"),
        Severity::Info => state.t("Thông tin", "Info"),
    }
}

fn list_ui(state: &mut AppState, ui: &mut egui::Ui, findings: &[Finding]) {
    let shown: Vec<&Finding> = findings
        .iter()
        .filter(|f| state.checks.shows(f.severity))
        .collect();
    if findings.is_empty() {
        ui.label(state.t(
            "Không có phát hiện nào theo các quy định đang có hiệu lực.",
            "Nothing found under the rules in force.",
        ));
        return;
    }
    let mut clicked = None;
    egui::ScrollArea::vertical()
        .id_salt("check_list")
        .auto_shrink(false)
        .show(ui, |ui| {
            for finding in shown {
                let selected = state
                    .checks
                    .selected
                    .as_ref()
                    .is_some_and(|key| key.matches(finding));
                ui.horizontal(|ui| {
                    let colour = severity_colour(ui, finding.severity);
                    ui.add_sized(
                        [72.0, 18.0],
                        egui::Label::new(
                            egui::RichText::new(severity_label(state, finding.severity))
                                .color(colour),
                        ),
                    );
                    let response = ui
                        .add(
                            egui::Button::selectable(
                                selected,
                                finding.message.get(state.language()),
                            )
                            .wrap(),
                        )
                        .on_hover_text(&finding.legal_basis);
                    if response.clicked() {
                        clicked = Some(finding.clone());
                    }
                });
            }
        });
    if let Some(finding) = clicked {
        state.checks.selected = Some(FindingKey::of(&finding));
        jump_to(state, &finding);
    }
}

/// Selects the finding's position (and its unit) or unit, and shows the Positions tab.
fn jump_to(state: &mut AppState, finding: &Finding) {
    let plan = state.document.plan();
    if let Some(position) = finding
        .position_id
        .as_deref()
        .and_then(|id| plan.position(id))
    {
        state.selected_unit = Some(position.unit_id.clone());
        state.selected_position = Some(position.id.clone());
        state.tab = Tab::Positions;
    } else if let Some(unit) = finding.unit_id.as_deref().and_then(|id| plan.unit(id)) {
        state.selected_unit = Some(unit.id.clone());
        state.selected_position = None;
        state.tab = Tab::Positions;
    }
}

fn explanation_ui(state: &mut AppState, ui: &mut egui::Ui) {
    let Some(finding) = state.checks.selected_finding(&state.document) else {
        ui.label(state.t(
            "Chọn một phát hiện để xem quy định và số liệu so sánh.",
            "Select a finding to see the rule and the figures compared.",
        ));
        return;
    };
    let rule = rules::rule(&finding.rule_id);
    let norm = norms::norm_rule(&finding.rule_id);
    let language = state.language();
    egui::ScrollArea::vertical()
        .id_salt("check_explain_scroll")
        .auto_shrink(false)
        .show(ui, |ui| {
            let title = rule
                .map(|r| r.rule.name().to_owned())
                .or_else(|| norm.map(|(_, r)| r.name().to_owned()))
                .unwrap_or_else(|| finding.rule_id.clone());
            ui.heading(title);
            ui.horizontal_wrapped(|ui| {
                let colour = severity_colour(ui, finding.severity);
                ui.colored_label(colour, severity_label(state, finding.severity));
                ui.weak(format!("· {}", finding.rule_id));
            });
            ui.label(egui::RichText::new(finding.message.get(state.language())).strong());
            if rule.is_some() || norm.is_some() {
                blocking_ui(state, ui, &finding.rule_id);
            }
            ui.add_space(6.0);
            compared_ui(state, ui, &finding);
            ui.add_space(6.0);
            ui.label(egui::RichText::new(state.t("Căn cứ pháp lý", "Legal basis")).strong());
            ui.label(&finding.legal_basis);
            // Sector norms explain their parameters in the figures compared (the formula).
            let source = rule
                .map(|r| (&r.pack.instrument, r.rule.dates(language), &r.rule.text))
                .or_else(|| norm.map(|(pack, r)| (&pack.instrument, r.dates(language), &r.text)));
            if let Some((instrument, dates, text)) = source {
                ui.weak(&instrument.title);
                ui.label(format!("{}: {dates}", state.t("Hiệu lực", "In force")));
                ui.add_space(6.0);
                ui.label(egui::RichText::new(state.t("Nội dung quy định", "The rule")).strong());
                ui.label(text);
            }
            if let Some(rule) = rule {
                ui.add_space(6.0);
                ui.label(egui::RichText::new(state.t("Tham số", "Parameters")).strong());
                egui::Grid::new("check_params")
                    .num_columns(2)
                    .striped(true)
                    .show(ui, |ui| {
                        for line in rule.rule.params.describe() {
                            ui.label(line.label.get(state.language()));
                            ui.label(line.value.get(state.language()));
                            ui.end_row();
                        }
                    });
            }
        });
}

/// The figures compared: actual, limit and the inputs behind them, one wrapped line each so that
/// a long formula stays inside the panel.
fn compared_ui(state: &AppState, ui: &mut egui::Ui, finding: &Finding) {
    ui.label(egui::RichText::new(state.t("Số liệu so sánh", "Figures compared")).strong());
    let line = |ui: &mut egui::Ui, label: &str, value: &str| {
        ui.horizontal_wrapped(|ui| {
            ui.weak(format!("{label}:"));
            ui.label(value);
        });
    };
    if let Some(actual) = finding.actual {
        line(ui, state.t("Thực tế", "Actual"), &state.number(actual, 2));
    }
    if let Some(limit) = finding.limit {
        line(ui, state.t("Giới hạn", "Limit"), &state.number(limit, 2));
    }
    let language = state.language();
    for input in &finding.inputs {
        line(ui, input.label.get(language), input.value.get(language));
    }
}

/// Marking the rule, or its family in every version, as blocking (an undoable edit).
fn blocking_ui(state: &mut AppState, ui: &mut egui::Ui, rule_id: &str) {
    let blocking = state.document.plan().blocking_rules.clone();
    let mut toggled = None;
    let mut exact = blocking.iter().any(|b| b == rule_id);
    let label = state.t(
        "Chặn: vi phạm quy tắc này là lỗi",
        "Blocking: a breach of this rule is an error",
    );
    if ui.checkbox(&mut exact, label).changed() {
        toggled = Some(rule_id.to_owned());
    }
    // A family only means something when the rule has other versions.
    let versions = |family: &str| {
        rules::catalogue()
            .map(|c| {
                c.rules()
                    .filter(|r| blocking_entry_matches(family, &r.rule.id))
                    .count()
            })
            .unwrap_or(0)
    };
    if let Some(family) = family_of(rule_id).filter(|f| versions(f) > 1) {
        let mut on = blocking.contains(&family);
        let label = format!(
            "{} ({family})",
            state.t("Chặn ở mọi phiên bản", "Blocking in every version")
        );
        if ui.checkbox(&mut on, label).changed() {
            toggled = Some(family);
        }
    }
    let others: Vec<&String> = blocking
        .iter()
        .filter(|b| blocking_entry_matches(b, rule_id))
        .filter(|b| b.as_str() != rule_id && Some(b.to_string()) != family_of(rule_id))
        .collect();
    if !others.is_empty() {
        let names: Vec<&str> = others.iter().map(|s| s.as_str()).collect();
        ui.weak(format!(
            "{} {}",
            state.t("Đang chặn theo mục:", "Blocked by the entry:"),
            names.join(", ")
        ));
    }
    if let Some(entry) = toggled {
        let mut rules = blocking;
        if let Some(at) = rules.iter().position(|b| *b == entry) {
            rules.remove(at);
        } else {
            rules.push(entry);
        }
        apply_choice(state, Edit::SetBlockingRules(rules));
    }
}
