//! The units the quota rules find above the quota they were given: the one answer the dossier's
//! marks and the đề án's notes both read, so that neither counts the quota on its own.

use super::{Finding, QuotaFigure, ReviewParams, rule};

/// A unit whose figure (proposed, or required by workload) exceeds its quota.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct QuotaExcess<'a> {
    pub unit_id: &'a str,
    pub figure: QuotaFigure,
    /// The figure the rule counted (biên chế of the unit with its sub-units).
    pub counted: f64,
    pub quota: f64,
}

/// Every excess a quota rule found, in the order of `findings`.
pub fn quota_excesses(findings: &[Finding]) -> Vec<QuotaExcess<'_>> {
    findings
        .iter()
        .filter_map(|finding| {
            let ReviewParams::Quota { figure, .. } = rule(&finding.rule_id)?.rule.params else {
                return None;
            };
            Some(QuotaExcess {
                unit_id: finding.unit_id.as_deref()?,
                figure,
                counted: finding.actual?,
                quota: finding.limit?,
            })
        })
        .collect()
}
