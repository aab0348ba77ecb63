//! What the Checks panel (Kiểm tra) remembers: whether it is open, which severities it shows,
//! the finding selected, and the findings of the current plan, recomputed only when the
//! document (plan or results) or the judgement date changes.
//!
//! Findings come from [`rules::check`], the same function `vtvl check` prints.

use super::document::Document;
use super::memo::{Memo, ViewKey};
use crate::language::Text;
use crate::model::CivilDate;
use crate::rules::{self, Finding, Severity};

/// A finding named by its rule and place, so that the selection survives a recomputation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FindingKey {
    pub rule_id: String,
    pub unit_id: Option<String>,
    pub position_id: Option<String>,
    /// One rule may say several things of one place (a school's teachers and its clerks).
    pub message: Text,
}

impl FindingKey {
    pub fn of(finding: &Finding) -> Self {
        FindingKey {
            rule_id: finding.rule_id.clone(),
            unit_id: finding.unit_id.clone(),
            position_id: finding.position_id.clone(),
            message: finding.message.clone(),
        }
    }

    /// The same finding: same rule, place and message.
    pub fn matches(&self, finding: &Finding) -> bool {
        self.same_place(finding) && self.message == finding.message
    }

    /// The same rule at the same place, whatever its figures now say.
    fn same_place(&self, finding: &Finding) -> bool {
        self.rule_id == finding.rule_id
            && self.unit_id == finding.unit_id
            && self.position_id == finding.position_id
    }
}

#[derive(Debug, Clone)]
pub struct ChecksPanel {
    pub open: bool,
    pub show_errors: bool,
    pub show_warnings: bool,
    pub show_info: bool,
    pub selected: Option<FindingKey>,
    /// The findings of one document state at one date.
    findings: Memo<(ViewKey, CivilDate), Vec<Finding>>,
}

impl Default for ChecksPanel {
    fn default() -> Self {
        ChecksPanel {
            open: false,
            show_errors: true,
            show_warnings: true,
            show_info: true,
            selected: None,
            findings: Memo::default(),
        }
    }
}

impl ChecksPanel {
    /// The findings of the document's plan and results at the plan's judgement date, for the
    /// document state `key` ([`AppState::view_key`](super::state::AppState::view_key)); `None`
    /// while there are no results.
    pub fn findings(&mut self, key: ViewKey, document: &Document) -> Option<&[Finding]> {
        let at = document.plan().judgement_date();
        self.findings
            .get_or_try_make((key, at), || {
                let results = document.results()?;
                Some(rules::check(document.plan(), results, at))
            })
            .map(Vec::as_slice)
    }

    pub fn shows(&self, severity: Severity) -> bool {
        match severity {
            Severity::Error => self.show_errors,
            Severity::Warning => self.show_warnings,
            Severity::Info => self.show_info,
        }
    }

    /// The selected finding, if it is still among the findings. After an edit changed its
    /// figures, the finding of the same rule at the same place stands in, and is selected.
    pub fn selected_finding(&mut self, view: ViewKey, document: &Document) -> Option<Finding> {
        let key = self.selected.clone()?;
        let findings = self.findings(view, document)?;
        let found = findings
            .iter()
            .find(|f| key.matches(f))
            .or_else(|| findings.iter().find(|f| key.same_place(f)))
            .cloned()?;
        self.selected = Some(FindingKey::of(&found));
        Some(found)
    }
}

/// Errors, warnings and info among `findings`.
pub fn counts(findings: &[Finding]) -> (usize, usize, usize) {
    let count = |s: Severity| findings.iter().filter(|f| f.severity == s).count();
    (
        count(Severity::Error),
        count(Severity::Warning),
        count(Severity::Info),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn finding(message: &str) -> Finding {
        Finding {
            rule_id: "tt20-2023.norms.lower-secondary".into(),
            severity: Severity::Info,
            unit_id: Some("truong".into()),
            position_id: None,
            message: Text::same(message),
            legal_basis: String::new(),
            actual: None,
            limit: None,
            inputs: Vec::new(),
        }
    }

    #[test]
    fn two_findings_of_one_rule_at_one_place_are_told_apart_by_their_message() {
        let teachers = finding("Giáo viên: định mức tối đa 53 người");
        let clerks = finding("Văn thư, thủ quỹ, kế toán: định mức tối đa 2 người");
        let key = FindingKey::of(&teachers);
        assert!(key.matches(&teachers));
        assert!(!key.matches(&clerks));
        assert!(key.same_place(&clerks));
    }
}
