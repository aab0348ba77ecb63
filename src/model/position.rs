//! Job positions (vị trí việc làm) and how their headcount is set.

use serde::{Deserialize, Serialize};

use super::{Component, Employment, JobDescription, Proposal};

/// A job position within a unit, with its workload components.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Position {
    pub id: String,
    pub unit_id: String,
    pub name: String,
    pub category: Category,
    /// Civil-servant rank code (ngạch, e.g. 01.003 chuyên viên) or professional title code.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub rank_code: String,
    pub method: Method,
    /// The statutory number for `fixed` positions (ignored for `workload`).
    #[serde(default, skip_serializing_if = "is_zero")]
    pub count: u32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max: Option<u32>,
    /// Calendar id; `None` means the plan's first calendar.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub calendar: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub components: Vec<Component>,
    /// The headcount the agency proposes; `None` means it proposes the computed one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub proposed: Option<Proposal>,
    #[serde(default, skip_serializing_if = "JobDescription::is_empty")]
    pub job_description: JobDescription,
    /// Head (trưởng) or deputy (phó) of its unit, for leadership positions.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<LeaderRole>,
    /// How the position's headcount is spread over career steps (viên chức, ND 232/2026).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub steps: Vec<StepCount>,
    /// Civil servant, public employee or labour contract; `None` follows the unit's type.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub employment: Option<Employment>,
}

impl Default for Position {
    fn default() -> Self {
        Position::new("", "", "")
    }
}

impl Position {
    /// A workload-based specialised position with nothing filled in yet.
    pub fn new(id: impl Into<String>, unit_id: impl Into<String>, name: impl Into<String>) -> Self {
        Position {
            id: id.into(),
            unit_id: unit_id.into(),
            name: name.into(),
            category: Category::Specialized,
            rank_code: String::new(),
            method: Method::Workload,
            count: 0,
            min: None,
            max: None,
            calendar: None,
            components: Vec::new(),
            proposed: None,
            job_description: JobDescription::default(),
            role: None,
            steps: Vec::new(),
            employment: None,
        }
    }
}

/// Whether a leadership position heads its unit or deputises.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum LeaderRole {
    Head,
    Deputy,
}

impl LeaderRole {
    pub const ALL: [LeaderRole; 2] = [LeaderRole::Head, LeaderRole::Deputy];

    pub fn keyword(self) -> &'static str {
        match self {
            LeaderRole::Head => "head",
            LeaderRole::Deputy => "deputy",
        }
    }

    pub fn from_keyword(text: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|r| r.keyword() == text.trim())
    }

    pub fn label_vi(self) -> &'static str {
        match self {
            LeaderRole::Head => "Cấp trưởng",
            LeaderRole::Deputy => "Cấp phó",
        }
    }

    pub fn label_en(self) -> &'static str {
        match self {
            LeaderRole::Head => "Head",
            LeaderRole::Deputy => "Deputy",
        }
    }

    /// The label in `language`.
    pub fn label(self, language: crate::language::Language) -> &'static str {
        language.t(self.label_vi(), self.label_en())
    }
}

/// People of a position at one career step (bậc 1-5).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StepCount {
    pub step: u8,
    pub count: u32,
}

/// People per career step (steps with nobody left out, a step listed twice added up), lowest
/// step first.
pub fn people_by_step(steps: &[StepCount]) -> std::collections::BTreeMap<u8, i64> {
    let mut by_step = std::collections::BTreeMap::new();
    for step in steps.iter().filter(|s| s.count > 0) {
        *by_step.entry(step.step).or_insert(0) += i64::from(step.count);
    }
    by_step
}

/// Steps as written in interchange files: `5:2;4:3;3:5` (step:count, highest first).
pub fn steps_to_text(steps: &[StepCount]) -> String {
    steps
        .iter()
        .map(|s| format!("{}:{}", s.step, s.count))
        .collect::<Vec<_>>()
        .join(";")
}

/// Parses `5:2;4:3`; `None` when a part is not `step:count` with whole numbers.
pub fn steps_from_text(text: &str) -> Option<Vec<StepCount>> {
    text.split(';')
        .map(str::trim)
        .filter(|part| !part.is_empty())
        .map(|part| {
            let (step, count) = part.split_once(':')?;
            Some(StepCount {
                step: step.trim().parse().ok()?,
                count: count.trim().parse().ok()?,
            })
        })
        .collect()
}

/// The four categories of job positions (ND 62/2020 Art. 5; ND 106/2020 Art. 5).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Category {
    /// Lãnh đạo, quản lý.
    Leadership,
    /// Nghiệp vụ chuyên ngành.
    Specialized,
    /// Nghiệp vụ chuyên môn dùng chung.
    Shared,
    /// Hỗ trợ, phục vụ.
    Support,
}

impl Category {
    pub const ALL: [Category; 4] = [
        Category::Leadership,
        Category::Specialized,
        Category::Shared,
        Category::Support,
    ];

    pub fn keyword(self) -> &'static str {
        match self {
            Category::Leadership => "leadership",
            Category::Specialized => "specialized",
            Category::Shared => "shared",
            Category::Support => "support",
        }
    }

    pub fn from_keyword(text: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|c| c.keyword() == text)
    }

    pub fn label_vi(self) -> &'static str {
        match self {
            Category::Leadership => "Lãnh đạo, quản lý",
            Category::Specialized => "Nghiệp vụ chuyên ngành",
            Category::Shared => "Nghiệp vụ chuyên môn dùng chung",
            Category::Support => "Hỗ trợ, phục vụ",
        }
    }

    pub fn label_en(self) -> &'static str {
        match self {
            Category::Leadership => "Leadership",
            Category::Specialized => "Specialised",
            Category::Shared => "Shared",
            Category::Support => "Support",
        }
    }
    /// The label in `language`.
    pub fn label(self, language: crate::language::Language) -> &'static str {
        language.t(self.label_vi(), self.label_en())
    }
}

/// How a position's headcount is set.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Method {
    /// Derived from the workload components.
    Workload,
    /// A fixed statutory number (leadership positions).
    Fixed,
}

impl Method {
    pub const ALL: [Method; 2] = [Method::Workload, Method::Fixed];

    pub fn keyword(self) -> &'static str {
        match self {
            Method::Workload => "workload",
            Method::Fixed => "fixed",
        }
    }

    pub fn from_keyword(text: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|m| m.keyword() == text)
    }

    pub fn label_vi(self) -> &'static str {
        match self {
            Method::Workload => "Theo khối lượng công việc",
            Method::Fixed => "Cố định theo quy định",
        }
    }

    pub fn label_en(self) -> &'static str {
        match self {
            Method::Workload => "From workload",
            Method::Fixed => "Fixed by regulation",
        }
    }
}

fn is_zero(value: &u32) -> bool {
    *value == 0
}
