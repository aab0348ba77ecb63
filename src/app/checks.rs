//! What the Checks panel (Kiểm tra) remembers: whether it is open, which severities it shows
//! and the finding selected.
//!
//! Findings come from [`crate::rules::check`], the same function `vtvl check` prints, run with
//! each computation of the results (off the UI thread for large plans), at the plan's judgement
//! date.

use super::document::Document;
use crate::language::Text;
use crate::rules::{Finding, Severity};

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
}

impl Default for ChecksPanel {
    fn default() -> Self {
        ChecksPanel {
            open: false,
            show_errors: true,
            show_warnings: true,
            show_info: true,
            selected: None,
        }
    }
}

impl ChecksPanel {
    /// The findings of the document's latest results; `None` while there are none.
    pub fn findings<'a>(&self, document: &'a Document) -> Option<&'a [Finding]> {
        document.findings()
    }

    /// Forgets the selection (a new document).
    pub fn forget(&mut self) {
        self.selected = None;
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
    pub fn selected_finding(&mut self, document: &Document) -> Option<Finding> {
        let key = self.selected.clone()?;
        let findings = self.findings(document)?;
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
