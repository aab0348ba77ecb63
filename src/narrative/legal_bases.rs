//! The legal bases of the đề án: the instruments whose review rules or sector norms apply to
//! the plan on its judgement date, from the same packs `vtvl check` reads, each with the rules
//! the plan is held to.

use std::collections::HashSet;

use super::form::date_words;
use crate::engine::PlanResults;
use crate::model::{CivilDate, Employment, Plan};
use crate::norms;
use crate::rules::{Finding, Instrument, ReviewParams, RuleRef, catalogue};

/// One instrument and the rules of it the plan is held to.
#[derive(Debug, Clone, PartialEq)]
pub struct LegalBasis {
    /// The instrument's number as cited, e.g. `Nghị định 150/2025/NĐ-CP`.
    pub code: String,
    /// The citation: number, date signed, and what it rules.
    pub citation: String,
    /// Each rule applied, `Số phó trưởng phòng thuộc sở (Khoản 2 Điều 7)`.
    pub rules: Vec<String>,
}

/// The instruments in force on `at` that bear on the plan, review rules first (in catalogue
/// order), then sector norms. A review rule bears on the plan when a finding cites it or when
/// the plan holds what it looks at: a unit of its types, public employees for career steps,
/// positions of the bases a job-description rule covers, a unit with a quota.
pub fn legal_bases(
    plan: &Plan,
    results: &PlanResults,
    findings: &[Finding],
    at: CivilDate,
) -> Vec<LegalBasis> {
    let cited: HashSet<&str> = findings.iter().map(|f| f.rule_id.as_str()).collect();
    let mut bases: Vec<LegalBasis> = Vec::new();
    if let Ok(catalogue) = catalogue() {
        for rule in catalogue.in_force(at) {
            if cited.contains(rule.rule.id.as_str()) || bears_on(rule, plan, results) {
                add(
                    &mut bases,
                    &rule.pack.instrument,
                    rule.rule.name(),
                    &rule.rule.clause,
                );
            }
        }
    }
    for assessment in norms::assess_plan(plan, at) {
        if let Some((pack, rule)) = norms::norm_rule(&assessment.rule_id) {
            add(&mut bases, &pack.instrument, rule.name(), &rule.clause);
        }
    }
    bases
}

fn add(bases: &mut Vec<LegalBasis>, instrument: &Instrument, name: &str, clause: &str) {
    let clause = clause.trim();
    let rule = if clause.is_empty() {
        name.to_owned()
    } else {
        format!("{name} ({clause})")
    };
    match bases.iter_mut().find(|b| b.code == instrument.code) {
        Some(basis) => {
            if !basis.rules.contains(&rule) {
                basis.rules.push(rule);
            }
        }
        None => bases.push(LegalBasis {
            code: instrument.code.clone(),
            citation: citation(instrument),
            rules: vec![rule],
        }),
    }
}

/// Whether the plan holds what the rule looks at.
fn bears_on(rule: RuleRef<'_>, plan: &Plan, results: &PlanResults) -> bool {
    let params = &rule.rule.params;
    let types = params.unit_types();
    if !types.is_empty() {
        return plan.units.iter().any(|u| types.contains(&u.unit_type));
    }
    let has = |basis: Employment| results.positions.iter().any(|p| p.employment == basis);
    match params {
        ReviewParams::StepCaps { .. } | ReviewParams::StepsSum => has(Employment::PublicEmployee),
        // Concurrent holding is ruled for public service units (ND 106/2020).
        ReviewParams::ConcurrentWork => has(Employment::PublicEmployee),
        ReviewParams::JobDescription { employment, .. } => {
            employment.is_empty() || employment.iter().any(|&basis| has(basis))
        }
        ReviewParams::Quota { .. } => plan.units.iter().any(|u| u.quota.is_some()),
        _ => true,
    }
}

/// `Nghị định 150/2025/NĐ-CP ngày 12 tháng 6 năm 2025 quy định tổ chức ...`: number, date
/// signed when known, and the title joined as Vietnamese citations write it.
pub fn citation(instrument: &Instrument) -> String {
    let mut text = instrument.code.trim().to_owned();
    if let Some(signed) = instrument.signed {
        text.push(' ');
        text.push_str(&date_words(Some(signed)));
    }
    let title = instrument.title.trim();
    if title.is_empty() {
        return text;
    }
    const VERBS: [&str; 4] = ["Quy định", "Hướng dẫn", "Về ", "Sửa đổi"];
    if VERBS.iter().any(|verb| title.starts_with(verb)) {
        let mut chars = title.chars();
        let first: String = chars
            .next()
            .map(|c| c.to_lowercase().collect())
            .unwrap_or_default();
        format!("{text} {first}{}", chars.as_str())
    } else {
        format!("{text}: {title}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn citations_join_number_date_and_title() {
        let instrument = Instrument {
            code: "Nghị định 150/2025/NĐ-CP".to_owned(),
            title: "Quy định tổ chức các cơ quan chuyên môn".to_owned(),
            signed: CivilDate::new(2025, 6, 12),
        };
        assert_eq!(
            citation(&instrument),
            "Nghị định 150/2025/NĐ-CP ngày 12 tháng 6 năm 2025 quy định tổ chức các cơ quan \
             chuyên môn"
        );
        let quota = Instrument {
            code: "Quyết định giao biên chế của cấp có thẩm quyền".to_owned(),
            title: "Biên chế do cấp có thẩm quyền giao".to_owned(),
            signed: None,
        };
        assert_eq!(
            citation(&quota),
            "Quyết định giao biên chế của cấp có thẩm quyền: Biên chế do cấp có thẩm quyền giao"
        );
    }

    #[test]
    fn a_civil_service_plan_cites_no_career_step_rules() {
        let plan = crate::plan_file::BUNDLED
            .iter()
            .find(|b| b.file.ends_with("so-tai-chinh.ron"))
            .unwrap()
            .load()
            .unwrap();
        let results = crate::engine::compute(&plan).unwrap();
        let at = CivilDate::new(2026, 9, 1).unwrap();
        let findings = crate::rules::check(&plan, &results, at);
        let bases = legal_bases(&plan, &results, &findings, at);
        let codes: Vec<&str> = bases.iter().map(|b| b.code.as_str()).collect();
        assert!(!codes.iter().any(|c| c.contains("232/2026")), "{codes:?}");
        assert!(codes.iter().any(|c| c.contains("361/2025")), "{codes:?}");
        assert!(bases.iter().all(|b| !b.rules.is_empty()));
    }
}
