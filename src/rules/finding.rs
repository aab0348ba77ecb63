//! Findings: what a check says about a plan, where, and under which rule.

use serde::Serialize;

use crate::model::Plan;

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
}

/// One finding. Serialises to the JSON contract of `vtvl check`:
/// `{rule_id, severity, unit_id, position_id, message, legal_basis, actual, limit}`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Finding {
    pub rule_id: String,
    pub severity: Severity,
    pub unit_id: Option<String>,
    pub position_id: Option<String>,
    /// What is found, in Vietnamese.
    pub message: String,
    /// Clause and instrument, e.g. `Khoản 2 Điều 7 Nghị định 107/2020/NĐ-CP`.
    pub legal_basis: String,
    /// The figure found in the plan.
    pub actual: Option<f64>,
    /// The figure the rule allows or requires.
    pub limit: Option<f64>,
    /// The figures compared and the parameters used, for the explanation (not in the JSON).
    #[serde(skip)]
    pub inputs: Vec<Input>,
}

impl Finding {
    /// Where the finding is, by name and id: "Phòng Quản lý ngân sách (ns)", "Trưởng phòng
    /// (tp) - Phòng ... (ns)", or "Toàn đề án" for the whole plan.
    pub fn place(&self, plan: &Plan) -> String {
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
            (None, None) => "Toàn đề án".to_owned(),
        }
    }
}

/// One labelled figure behind a finding: `Số người của phòng (đề xuất) = 12`.
#[derive(Debug, Clone, PartialEq)]
pub struct Input {
    pub label: String,
    pub value: String,
}

impl Input {
    pub fn new(label: impl Into<String>, value: impl Into<String>) -> Self {
        Input {
            label: label.into(),
            value: value.into(),
        }
    }
}
