//! Checking a plan against the rules in force on a date.
//!
//! [`check`] picks the catalogue's rules in force on the date, runs each kind of check
//! ([`leaders`]: deputies and minimum staff; [`rank_structure`]: rank shares; [`steps`]: career
//! steps; [`headcount`]: category shares and quotas; [`concurrent`]: workloads that round to no
//! whole person) and returns the findings, each with its place, legal basis, the figures
//! compared and the inputs behind them. Sizes count the posts each rule's instrument counts
//! (biên chế unless it says otherwise: `counts` in the packs), and say what was left out.
//!
//! **Severity.** A breach of a rule is a warning unless the plan lists the rule as blocking
//! ([`is_blocking`]), then an error. Facts worth knowing (a rule not applied because the
//! province class, an autonomy group or a leader's role is missing; rank codes not in the
//! catalogue; work to be held concurrently; step ratios a self-financing unit sets itself) are
//! `info` and never block.
//!
//! **Blocking entries** in `plan.blocking_rules` match rule ids as follows:
//! - the exact id, e.g. `nd370-2025.deputies.division`;
//! - a prefix ending at a dot: `nd370-2025` blocks every rule of that instrument,
//!   `nd370-2025.deputies` its deputy rules;
//! - a family in every version, written `*.` and the id without its instrument:
//!   `*.deputies.division` blocks the division deputy caps of ND 107/2020, ND 45/2025,
//!   ND 150/2025 and ND 370/2025 alike, `*.ranks` every rank-share rule.
//!
//! Findings come sorted by severity, then in plan order (plan-wide findings first, then by
//! unit, then by position).

mod concurrent;
mod facts;
mod headcount;
mod job_description;
mod leaders;
mod rank_structure;
mod steps;

use std::collections::{HashMap, HashSet};

use super::catalogue::{RuleRef, catalogue};
use super::params::ReviewParams;
use super::{Finding, Input, Severity};
use crate::engine::{PlanResults, unit_index};
use crate::language::{Language, Text};
use crate::model::{CivilDate, Plan};
use facts::Facts;

/// Every finding of the rules and sector norms in force on `at`, with
/// blocking rules as errors, sorted by severity then plan order.
pub fn check(plan: &Plan, results: &PlanResults, at: CivilDate) -> Vec<Finding> {
    let catalogue = match catalogue() {
        Ok(catalogue) => catalogue,
        Err(error) => {
            return vec![Finding {
                rule_id: "vtvl.packs".to_owned(),
                severity: Severity::Error,
                unit_id: None,
                position_id: None,
                message: Text::new(
                    format!("Bộ quy tắc đóng gói không đọc được: {error}"),
                    format!("The bundled rule packs cannot be read: {error}"),
                ),
                legal_basis: String::new(),
                actual: None,
                limit: None,
                inputs: Vec::new(),
            }];
        }
    };
    let facts = Facts::new(plan, results, &catalogue.ranks);
    let mut ctx = Ctx::new(&facts, at);
    let in_force: Vec<RuleRef<'_>> = catalogue.in_force(at).collect();
    for &rule in &in_force {
        match &rule.rule.params {
            ReviewParams::DeputyCap {
                units,
                autonomy_groups,
                scale,
                counts,
            } => leaders::deputy_cap(&mut ctx, rule, units, autonomy_groups, scale, *counts),
            ReviewParams::MinimumStaff {
                units,
                autonomy_groups,
                minimum,
                counts,
            } => leaders::minimum_staff(&mut ctx, rule, units, autonomy_groups, minimum, *counts),
            ReviewParams::AverageDeputies {
                units,
                average,
                special_extra_total,
            } => leaders::average_deputies(&mut ctx, rule, units, *average, *special_extra_total),
            ReviewParams::ParentDeputies { units } => {
                leaders::parent_deputies(&mut ctx, rule, units)
            }
            ReviewParams::RankShare {
                units,
                autonomy_groups,
                tiers,
                max_percent,
                base,
                counts,
            } => rank_structure::rank_share(
                &mut ctx,
                rule,
                rank_structure::Share {
                    units,
                    autonomy_groups,
                    tiers,
                    max_percent: *max_percent,
                    base: *base,
                    counts: *counts,
                },
            ),
            ReviewParams::DeputyRankShare {
                units,
                tiers,
                max_percent,
            } => rank_structure::deputy_rank_share(&mut ctx, rule, units, tiers, *max_percent),
            ReviewParams::HeadRank { units, tiers } => {
                rank_structure::head_rank(&mut ctx, rule, units, tiers)
            }
            ReviewParams::StepCaps {
                by_highest,
                two_steps_higher_percent,
                own_ratios_groups,
                counts,
            } => steps::step_caps(
                &mut ctx,
                rule,
                steps::Caps {
                    by_highest,
                    two_steps_higher_percent: *two_steps_higher_percent,
                    own_ratios_groups,
                    counts: *counts,
                },
            ),
            ReviewParams::StepsSum => steps::steps_sum(&mut ctx, rule),
            ReviewParams::CategoryShare {
                units,
                categories,
                min_percent,
                counts,
            } => {
                headcount::category_share(&mut ctx, rule, units, categories, *min_percent, *counts)
            }
            ReviewParams::Quota { figure, counts } => {
                headcount::quota(&mut ctx, rule, *figure, *counts)
            }
            ReviewParams::ConcurrentWork => concurrent::concurrent_work(&mut ctx, rule),
            ReviewParams::JobDescription {
                sections,
                category_work,
                employment,
            } => job_description::missing_sections(
                &mut ctx,
                rule,
                results,
                job_description::Required {
                    sections,
                    category_work: *category_work,
                    employment,
                },
            ),
        }
    }
    leaders::missing_roles(&mut ctx, &in_force);
    let mut findings = ctx.findings;

    // Sector norms (schools, disease-control centres, archives, communes) join here, so that
    // blocking and sorting below treat them like every other finding.
    findings.extend(crate::norms::findings(plan, results, at));

    for finding in &mut findings {
        if finding.severity == Severity::Warning && is_blocking(&finding.rule_id, plan) {
            finding.severity = Severity::Error;
        }
    }
    sort_findings(plan, &mut findings);
    findings
}

/// Whether `plan.blocking_rules` makes the rule's breaches errors (see the module notes for
/// how entries match ids).
pub fn is_blocking(rule_id: &str, plan: &Plan) -> bool {
    plan.blocking_rules
        .iter()
        .any(|entry| blocking_entry_matches(entry.trim(), rule_id))
}

/// Whether one blocking entry matches a rule id.
pub fn blocking_entry_matches(entry: &str, rule_id: &str) -> bool {
    if entry.is_empty() {
        return false;
    }
    let prefix_of = |id: &str, prefix: &str| {
        id == prefix
            || id
                .strip_prefix(prefix)
                .is_some_and(|rest| rest.starts_with('.'))
    };
    match entry.strip_prefix("*.") {
        Some(family) => rule_id
            .split_once('.')
            .is_some_and(|(_, rest)| prefix_of(rest, family)),
        None => prefix_of(rule_id, entry),
    }
}

/// The family entry that blocks a rule in every version: `*.deputies.division` for
/// `nd370-2025.deputies.division`.
pub fn family_of(rule_id: &str) -> Option<String> {
    rule_id.split_once('.').map(|(_, rest)| format!("*.{rest}"))
}

/// Severity first, then plan-wide findings, then by unit and position in plan order.
fn sort_findings(plan: &Plan, findings: &mut [Finding]) {
    let units = unit_index(&plan.units);
    let positions: HashMap<&str, (usize, &str)> = plan
        .positions
        .iter()
        .enumerate()
        .map(|(i, p)| (p.id.as_str(), (i, p.unit_id.as_str())))
        .collect();
    findings.sort_by_cached_key(|f| {
        let position = f
            .position_id
            .as_deref()
            .and_then(|id| positions.get(id).copied());
        let unit_id = f.unit_id.as_deref().or(position.map(|(_, unit)| unit));
        let unit = unit_id.and_then(|id| units.get(id).copied());
        (f.severity, unit, position.map(|(i, _)| i))
    });
}

/// Where findings are gathered while the rules run.
pub(super) struct Ctx<'a> {
    pub facts: &'a Facts<'a>,
    pub at: CivilDate,
    pub findings: Vec<Finding>,
    /// Facts already reported (a key per fact), so that two rules do not repeat them.
    reported: HashSet<String>,
}

/// Where a finding points: a unit, a position, or the plan as a whole.
#[derive(Debug, Clone, Default)]
pub(super) struct Place {
    pub unit_id: Option<String>,
    pub position_id: Option<String>,
}

impl Place {
    pub fn plan() -> Self {
        Place::default()
    }

    pub fn unit(id: &str) -> Self {
        Place {
            unit_id: Some(id.to_owned()),
            position_id: None,
        }
    }

    pub fn position(unit_id: &str, position_id: &str) -> Self {
        Place {
            unit_id: Some(unit_id.to_owned()),
            position_id: Some(position_id.to_owned()),
        }
    }
}

/// The figures a breach compares.
pub(super) struct Compared {
    pub actual: f64,
    pub limit: f64,
}

impl<'a> Ctx<'a> {
    fn new(facts: &'a Facts<'a>, at: CivilDate) -> Self {
        Ctx {
            facts,
            at,
            findings: Vec::new(),
            reported: HashSet::new(),
        }
    }

    /// A breach of `rule` (a warning until blocking is applied).
    pub fn breach(
        &mut self,
        rule: RuleRef<'_>,
        place: Place,
        message: Text,
        compared: Option<Compared>,
        inputs: Vec<Input>,
    ) {
        self.push(rule, Severity::Warning, place, message, compared, inputs);
    }

    /// Information under `rule` with the figures it compares: above a figure the rule sets for
    /// others, say, that this unit may exceed.
    pub fn info(
        &mut self,
        rule: RuleRef<'_>,
        place: Place,
        message: Text,
        compared: Option<Compared>,
        inputs: Vec<Input>,
    ) {
        self.push(rule, Severity::Info, place, message, compared, inputs);
    }

    /// A fact worth knowing about `rule`, reported once per `key`.
    pub fn fact(
        &mut self,
        rule: RuleRef<'_>,
        key: String,
        place: Place,
        message: Text,
        inputs: Vec<Input>,
    ) {
        if self.reported.insert(key) {
            self.push(rule, Severity::Info, place, message, None, inputs);
        }
    }

    fn push(
        &mut self,
        rule: RuleRef<'_>,
        severity: Severity,
        place: Place,
        message: Text,
        compared: Option<Compared>,
        mut inputs: Vec<Input>,
    ) {
        inputs.push(Input::new(
            Text::new(
                "Ngày xét (quy định có hiệu lực)",
                "Date judged at (rules in force)",
            ),
            self.at.to_string(),
        ));
        self.findings.push(Finding {
            rule_id: rule.rule.id.clone(),
            severity,
            unit_id: place.unit_id,
            position_id: place.position_id,
            message,
            legal_basis: rule.legal_basis(),
            actual: compared.as_ref().map(|c| c.actual),
            limit: compared.as_ref().map(|c| c.limit),
            inputs,
        });
    }
}

/// At most five names, then how many more: "A, B, C, D, E và 3 đơn vị khác".
pub(super) fn names_text(names: &[String], language: Language) -> String {
    const SHOWN: usize = 5;
    let mut text = names
        .iter()
        .take(SHOWN)
        .cloned()
        .collect::<Vec<_>>()
        .join(", ");
    if names.len() > SHOWN {
        let more = names.len() - SHOWN;
        text.push_str(&match language {
            Language::Vietnamese => format!(" và {more} đơn vị khác"),
            Language::English => format!(" and {more} other units"),
        });
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blocking_entries_match_ids_prefixes_and_families() {
        let id = "nd370-2025.deputies.division";
        assert!(blocking_entry_matches(id, id));
        assert!(blocking_entry_matches("nd370-2025", id));
        assert!(blocking_entry_matches("nd370-2025.deputies", id));
        assert!(!blocking_entry_matches("nd370-2025.dep", id));
        assert!(!blocking_entry_matches("nd370", id));
        assert!(blocking_entry_matches("*.deputies.division", id));
        assert!(blocking_entry_matches(
            "*.deputies",
            "nd107-2020.deputies.inspectorate"
        ));
        assert!(!blocking_entry_matches("*.deputies.div", id));
        assert!(!blocking_entry_matches("*.minimum", id));
        assert!(!blocking_entry_matches("", id));
        assert_eq!(family_of(id).as_deref(), Some("*.deputies.division"));
    }
}
