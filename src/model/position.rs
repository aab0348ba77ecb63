//! Job positions (vị trí việc làm) and how their headcount is set.

use serde::{Deserialize, Serialize};

use super::{Component, JobDescription, Proposal};

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
}

fn is_zero(value: &u32) -> bool {
    *value == 0
}
