//! Norm findings: each norm figure beside the workload-based figure, and the proposals that
//! exceed a maximum or fall short of a minimum.
//!
//! Per assessment: one `info` finding listing the drivers to fill in when some are missing; per
//! computed figure, one `info` finding with the norm figure, the workload-based figure and the
//! proposal, and a `warning` (an `error` when the plan marks the rule blocking) when the proposal
//! is outside the norm. The compared figures are the engine's roll-up of the unit (whole-unit
//! norms) or the sum of the positions the figure counts, over the posts the instrument counts
//! (biên chế unless its pack counts contracts too); the finding says what it left out.

use crate::engine::PlanResults;
use crate::format::number_in;
use crate::language::{Language, Text};
use crate::model::{CivilDate, Plan};
use crate::rules::{Counted, Finding, Input, Severity};

use super::assessment::{NormAssessment, NormFigure, NormLimit};
use super::{assess_plan, norm_packs};

/// Rule id of the finding reporting norm packs that do not load.
const PACKS_RULE_ID: &str = "norms.packs";

/// The findings of every norm that applies to the plan's units on `at`.
pub fn findings(plan: &Plan, results: &PlanResults, at: CivilDate) -> Vec<Finding> {
    if let Err(error) = norm_packs() {
        return vec![Finding {
            rule_id: PACKS_RULE_ID.into(),
            severity: Severity::Error,
            unit_id: None,
            position_id: None,
            message: Text::new(
                format!("Không đọc được bộ định mức: {error}"),
                format!("The norm packs cannot be read: {error}"),
            ),
            legal_basis: String::new(),
            actual: None,
            limit: None,
            inputs: Vec::new(),
        }];
    }
    let mut out = Vec::new();
    for assessment in assess_plan(plan, at) {
        let blocking = plan.blocking_rules.contains(&assessment.rule_id);
        missing_drivers(&assessment, &mut out);
        for figure in assessment.figures.iter().filter(|f| f.is_computed()) {
            if let Some(counts) = Counts::of(figure, &assessment, results) {
                compare(&assessment, figure, counts, blocking, &mut out);
            }
        }
    }
    out
}

/// The workload-based and proposed headcount a figure is compared with, as the instrument
/// counts them, and the positions it leaves out.
#[derive(Debug, Clone)]
struct Counts {
    required: Counted,
    proposed: Counted,
    /// Positions compared whose posts the instrument does not count (labour contracts).
    left_out: Vec<String>,
}

impl Counts {
    fn of(figure: &NormFigure, assessment: &NormAssessment, results: &PlanResults) -> Option<Self> {
        let basis = assessment.counts;
        let ids = figure.compared_with.position_ids.iter().map(String::as_str);
        let compared = results.positions_among(ids);
        let left_out = compared
            .iter()
            .filter(|p| !basis.includes(p.employment))
            .map(|p| p.id.clone())
            .collect();
        let (required, proposed) = if figure.compared_with.whole_unit {
            let split = &results.unit(&assessment.unit_id)?.by_employment;
            (
                Counted::new(basis, split.map(|f| f.required)),
                Counted::new(basis, split.map(|f| f.proposed)),
            )
        } else {
            let posts = || compared.iter();
            (
                Counted::tally(basis, posts().map(|p| (p.employment, p.required))),
                Counted::tally(basis, posts().map(|p| (p.employment, p.proposed))),
            )
        };
        Some(Counts {
            required,
            proposed,
            left_out,
        })
    }
}

fn missing_drivers(assessment: &NormAssessment, out: &mut Vec<Finding>) {
    let missing = assessment.missing();
    if missing.is_empty() {
        return;
    }
    let figures = |l: Language| {
        assessment
            .figures
            .iter()
            .filter(|f| !f.missing.is_empty())
            .map(|f| f.label.get(l))
            .collect::<Vec<_>>()
            .join(", ")
            .to_lowercase()
    };
    let labels = |l: Language| {
        missing
            .iter()
            .map(|d| d.label(l).to_lowercase())
            .collect::<Vec<_>>()
            .join(", ")
    };
    let mut inputs: Vec<Input> = missing
        .iter()
        .map(|d| {
            Input::words(
                Text::new(d.label_vi(), d.label_en()),
                Text::new(
                    format!("chưa nhập (trường {})", d.keyword()),
                    format!("not given (field {})", d.keyword()),
                ),
            )
        })
        .collect();
    inputs.push(Input::new(rule_label(), assessment.rule_text.clone()));
    let (unit, instrument) = (&assessment.unit_name, &assessment.instrument);
    out.push(Finding {
        rule_id: assessment.rule_id.clone(),
        severity: Severity::Info,
        unit_id: Some(assessment.unit_id.clone()),
        position_id: None,
        message: Text::new(
            format!(
                "{unit}: chưa tính được định mức {} theo {instrument} vì còn thiếu {}; nhập các số liệu này để so sánh.",
                figures(Language::Vietnamese),
                labels(Language::Vietnamese)
            ),
            format!(
                "{unit}: the norm for {} under {instrument} cannot be computed: {} not given; fill them in to compare.",
                figures(Language::English),
                labels(Language::English)
            ),
        ),
        legal_basis: assessment.legal_basis.clone(),
        actual: None,
        limit: None,
        inputs,
    });
}

fn compare(
    assessment: &NormAssessment,
    figure: &NormFigure,
    counts: Counts,
    blocking: bool,
    out: &mut Vec<Finding>,
) {
    let people = |n: u32| Text::from_fn(|l| people(l, n));
    let (required, proposed) = (counts.required.value(), counts.proposed.value());
    let headline = figure
        .maximum
        .or(figure.minimum)
        .map(|l| f64::from(l.allowed));
    let position_id = match figure.compared_with.position_ids.as_slice() {
        [only] => Some(only.clone()),
        _ => None,
    };
    let inputs = explanation(assessment, figure, &counts);
    let base = Finding {
        rule_id: assessment.rule_id.clone(),
        severity: Severity::Info,
        unit_id: Some(assessment.unit_id.clone()),
        position_id,
        message: Text::default(),
        legal_basis: figure.legal_basis.clone(),
        actual: Some(required as f64),
        limit: headline,
        inputs,
    };
    out.push(Finding {
        message: Text::from_fn(|l| {
            let (unit, label, limits, required, proposed, formula) = (
                &assessment.unit_name,
                figure.label.get(l),
                limits_text(figure, l),
                counts.required.people_text(),
                counts.proposed.people_text(),
                figure.formula.get(l),
            );
            let (required, proposed) = (required.get(l), proposed.get(l));
            match l {
                Language::Vietnamese => format!(
                    "{unit} - {label}: định mức {limits}; theo khối lượng công việc {required}; đề xuất {proposed}. Cách tính: {formula}."
                ),
                Language::English => format!(
                    "{unit} - {label}: norm {limits}; by workload {required}; proposed {proposed}. Computed: {formula}."
                ),
            }
        }),
        ..base.clone()
    });
    let severity = if blocking {
        Severity::Error
    } else {
        Severity::Warning
    };
    if let Some(max) = figure.maximum
        && proposed > i64::from(max.allowed)
    {
        out.push(Finding {
            severity,
            message: {
                let (unit, label, proposed, max, formula) = (
                    &assessment.unit_name,
                    &figure.label,
                    counts.proposed.people_text(),
                    people(max.allowed),
                    &figure.formula,
                );
                Text::new(
                    format!(
                        "{unit} - {}: đề xuất {}, vượt định mức tối đa {}. Cách tính: {}.",
                        label.vi, proposed.vi, max.vi, formula.vi
                    ),
                    format!(
                        "{unit} - {}: proposed {}, above the maximum norm of {}. Computed: {}.",
                        label.en, proposed.en, max.en, formula.en
                    ),
                )
            },
            actual: Some(proposed as f64),
            limit: Some(f64::from(max.allowed)),
            ..base.clone()
        });
    }
    if let Some(min) = figure.minimum
        && proposed < i64::from(min.allowed)
    {
        out.push(Finding {
            severity,
            message: {
                let (unit, label, proposed, min, formula) = (
                    &assessment.unit_name,
                    &figure.label,
                    counts.proposed.people_text(),
                    people(min.allowed),
                    &figure.formula,
                );
                Text::new(
                    format!(
                        "{unit} - {}: đề xuất {}, thấp hơn định mức tối thiểu {}. Cách tính: {}.",
                        label.vi, proposed.vi, min.vi, formula.vi
                    ),
                    format!(
                        "{unit} - {}: proposed {}, below the minimum norm of {}. Computed: {}.",
                        label.en, proposed.en, min.en, formula.en
                    ),
                )
            },
            actual: Some(proposed as f64),
            limit: Some(f64::from(min.allowed)),
            ..base
        });
    }
}

/// `22 người` / `22 people`, `1 person`.
fn people(language: Language, n: u32) -> String {
    let number = number_in(language, f64::from(n), 0);
    match language {
        Language::Vietnamese => format!("{number} người"),
        Language::English if n == 1 => format!("{number} person"),
        Language::English => format!("{number} people"),
    }
}

/// `tối đa 22 người (22,8 làm tròn xuống)` / `tối thiểu 15 người, tối đa 19 người`.
fn limits_text(figure: &NormFigure, language: Language) -> String {
    let one = |word: &str, limit: NormLimit| {
        let mut text = format!("{word} {}", people(language, limit.allowed));
        if limit.was_rounded() {
            let rounded = match (language, limit.rounded) {
                (Language::Vietnamese, rounded) => rounded.short_vi(),
                (Language::English, super::assessment::Rounded::Down) => "rounded down",
                (Language::English, super::assessment::Rounded::Up) => "rounded up",
            };
            let exact = number_in(language, limit.exact, 4);
            text.push_str(&format!(" ({exact} {rounded})"));
        }
        text
    };
    [
        figure
            .minimum
            .map(|l| one(language.t("tối thiểu", "at least"), l)),
        figure
            .maximum
            .map(|l| one(language.t("tối đa", "at most"), l)),
    ]
    .into_iter()
    .flatten()
    .collect::<Vec<_>>()
    .join(", ")
}

/// The figures compared and how the norm was reached, for the explanation panel.
fn explanation(assessment: &NormAssessment, figure: &NormFigure, counts: &Counts) -> Vec<Input> {
    let t = |vi: &str, en: &str| Text::new(vi, en);
    let mut inputs = vec![Input::words(
        t("Công thức", "Formula"),
        figure.formula.clone(),
    )];
    let rounded = [figure.minimum, figure.maximum].into_iter().flatten();
    for limit in rounded.filter(NormLimit::was_rounded) {
        inputs.push(Input::words(
            t("Làm tròn", "Rounding"),
            Text::from_fn(|l| {
                let exact = number_in(l, limit.exact, 4);
                format!("{exact} -> {} ({})", limit.allowed, limit.rounded.label(l))
            }),
        ));
    }
    inputs.extend(figure.inputs.iter().cloned());
    inputs.push(Input::words(
        t("So sánh với", "Compared with"),
        figure.compared_with.description.clone(),
    ));
    if !figure.compared_with.whole_unit {
        let ids = if figure.compared_with.position_ids.is_empty() {
            t("không có vị trí nào", "no position")
        } else {
            Text::same(figure.compared_with.position_ids.join(", "))
        };
        inputs.push(Input::words(
            t("Các vị trí được tính", "Positions counted"),
            ids,
        ));
    }
    inputs.push(Input::words(
        t("Số người tính", "People counted"),
        assessment.counts.describe(),
    ));
    if !counts.left_out.is_empty() {
        inputs.push(Input::new(
            t(
                "Vị trí hợp đồng lao động không tính",
                "Labour-contract positions not counted",
            ),
            counts.left_out.join(", "),
        ));
    }
    inputs.push(Input::words(
        t("Theo khối lượng công việc", "By workload"),
        counts.required.text(),
    ));
    inputs.push(Input::words(
        t("Đề xuất", "Proposed"),
        counts.proposed.text(),
    ));
    inputs.push(Input::new(
        t("Ngày áp dụng", "Date applied"),
        assessment.at.to_string(),
    ));
    inputs.push(Input::new(rule_label(), assessment.rule_text.clone()));
    inputs
}

/// The label of the rule's text, quoted from its instrument.
fn rule_label() -> Text {
    Text::new("Quy định", "Rule (as the instrument words it)")
}
