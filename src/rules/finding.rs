//! Findings: what a check says about a plan, where, and under which rule.

use serde::Serialize;

use crate::language::{Language, Text};
use crate::model::PlanIndex;

/// How much a finding weighs. Rules warn by default; a plan lists the rules that block.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    Error,
    Warning,
    Info,
}

impl Severity {
    pub fn keyword(self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        }
    }

    pub fn label_vi(self) -> &'static str {
        match self {
            Severity::Error => "Lỗi",
            Severity::Warning => "Cảnh báo",
            Severity::Info => "Thông tin",
        }
    }

    pub fn label_en(self) -> &'static str {
        match self {
            Severity::Error => "Error",
            Severity::Warning => "Warning",
            Severity::Info => "Info",
        }
    }

    /// The label in `language`.
    pub fn label(self, language: crate::language::Language) -> &'static str {
        language.t(self.label_vi(), self.label_en())
    }
}

/// One finding. [`Finding::json`] gives the JSON contract of `vtvl check`:
/// `{rule_id, severity, unit_id, position_id, message, legal_basis, actual, limit}`, the message
/// in one language.
#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    pub rule_id: String,
    pub severity: Severity,
    pub unit_id: Option<String>,
    pub position_id: Option<String>,
    /// What is found, in both languages.
    pub message: Text,
    /// Clause and instrument, e.g. `Khoản 2 Điều 7 Nghị định 107/2020/NĐ-CP`.
    pub legal_basis: String,
    /// The figure found in the plan.
    pub actual: Option<f64>,
    /// The figure the rule allows or requires.
    pub limit: Option<f64>,
    /// The figures compared and the parameters used, for the explanation (not in the JSON).
    pub inputs: Vec<Input>,
}

/// A finding as `vtvl check --format json` writes it: its message in one language.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FindingJson<'a> {
    pub rule_id: &'a str,
    pub severity: Severity,
    pub unit_id: Option<&'a str>,
    pub position_id: Option<&'a str>,
    pub message: &'a str,
    pub legal_basis: &'a str,
    pub actual: Option<f64>,
    pub limit: Option<f64>,
}

impl Finding {
    /// The finding for the JSON contract, its message in `language`.
    pub fn json(&self, language: Language) -> FindingJson<'_> {
        FindingJson {
            rule_id: &self.rule_id,
            severity: self.severity,
            unit_id: self.unit_id.as_deref(),
            position_id: self.position_id.as_deref(),
            message: self.message.get(language),
            legal_basis: &self.legal_basis,
            actual: self.actual,
            limit: self.limit,
        }
    }
}

impl Finding {
    /// Where the finding is, by name and id: "Phòng Quản lý ngân sách (ns)", "Trưởng phòng
    /// (tp) - Phòng ... (ns)", or "Toàn đề án" for the whole plan.
    pub fn place(&self, plan: &PlanIndex<'_>, language: Language) -> String {
        let unit = self.unit_id.as_deref().map(|id| {
            let name = plan.unit(id).map(|u| u.name.as_str()).unwrap_or("?");
            format!("{name} ({id})")
        });
        let position = self.position_id.as_deref().map(|id| {
            let name = plan.position(id).map(|p| p.name.as_str()).unwrap_or("?");
            format!("{name} ({id})")
        });
        match (position, unit) {
            (Some(position), Some(unit)) => format!("{position} - {unit}"),
            (Some(position), None) => position,
            (None, Some(unit)) => unit,
            (None, None) => language.t("Toàn đề án", "Whole plan").to_owned(),
        }
    }
}

/// One labelled figure behind a finding: `Số người của phòng (đề xuất) = 12`. The value is a
/// figure or a list of names, or words in both languages.
#[derive(Debug, Clone, PartialEq)]
pub struct Input {
    pub label: Text,
    pub value: Text,
}

impl Input {
    /// A label in both languages and a value that reads the same in both (a figure, names).
    pub fn new(label: Text, value: impl Into<String>) -> Self {
        Input {
            label,
            value: Text::same(value),
        }
    }

    /// A label and a value in both languages.
    pub fn words(label: Text, value: Text) -> Self {
        Input { label, value }
    }
}
