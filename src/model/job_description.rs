//! Job descriptions and competency frames: the content of the ND 232/2026 template for one
//! position (Phụ lục IV), and the headcount the agency proposes.

use serde::{Deserialize, Serialize};

/// What a position does and what it takes (Phụ lục IV, sections II to IX).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct JobDescription {
    /// II. Mục tiêu vị trí việc làm.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub purpose: String,
    /// III-V. Professional, management and support work, per step or rank.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub work_items: Vec<WorkItem>,
    /// VI. Khung năng lực.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub competencies: Vec<Competency>,
    /// VII. Các mối quan hệ công việc.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub relationships: String,
    /// VIII. Phạm vi quyền hạn.
    #[serde(skip_serializing_if = "String::is_empty")]
    pub authority: String,
    /// IX. Yêu cầu về trình độ, năng lực.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub requirements: Vec<Requirement>,
}

impl JobDescription {
    pub fn is_empty(&self) -> bool {
        *self == JobDescription::default()
    }
}

/// Sections III, IV and V of the template.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum WorkSection {
    /// III. Công việc chuyên môn, nghiệp vụ.
    Professional,
    /// IV. Công việc quản lý.
    Management,
    /// V. Công việc hỗ trợ, phục vụ.
    Support,
}

impl WorkSection {
    pub const ALL: [WorkSection; 3] = [
        WorkSection::Professional,
        WorkSection::Management,
        WorkSection::Support,
    ];

    pub fn keyword(self) -> &'static str {
        match self {
            WorkSection::Professional => "professional",
            WorkSection::Management => "management",
            WorkSection::Support => "support",
        }
    }

    pub fn from_keyword(text: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.keyword() == text)
    }

    pub fn label_vi(self) -> &'static str {
        match self {
            WorkSection::Professional => "Công việc chuyên môn, nghiệp vụ",
            WorkSection::Management => "Công việc quản lý",
            WorkSection::Support => "Công việc hỗ trợ, phục vụ",
        }
    }
}

/// One row of sections III-V: *Bậc | Nội dung công việc | Sản phẩm, kết quả đầu ra | Tiêu chí
/// đánh giá*.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct WorkItem {
    pub section: WorkSection,
    /// The step (bậc 1-5) or rank the work belongs to; empty when it applies to all.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub step: String,
    pub content: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub output: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub criterion: String,
}

/// The three groups of the competency frame (section VI).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CompetencyGroup {
    /// Năng lực chung.
    General,
    /// Năng lực chuyên môn.
    Professional,
    /// Năng lực quản lý.
    Management,
}

impl CompetencyGroup {
    pub const ALL: [CompetencyGroup; 3] = [
        CompetencyGroup::General,
        CompetencyGroup::Professional,
        CompetencyGroup::Management,
    ];

    pub fn keyword(self) -> &'static str {
        match self {
            CompetencyGroup::General => "general",
            CompetencyGroup::Professional => "professional",
            CompetencyGroup::Management => "management",
        }
    }

    pub fn from_keyword(text: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|g| g.keyword() == text)
    }

    pub fn label_vi(self) -> &'static str {
        match self {
            CompetencyGroup::General => "Năng lực chung",
            CompetencyGroup::Professional => "Năng lực chuyên môn",
            CompetencyGroup::Management => "Năng lực quản lý",
        }
    }
}

/// One competency with the level (1-5) the position needs.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Competency {
    pub group: CompetencyGroup,
    pub name: String,
    /// Level 1 to 5.
    pub level: u8,
    /// The step the level applies to; empty when it applies to all.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub step: String,
}

/// One row of section IX: *Nhóm yêu cầu | Yêu cầu cụ thể* (training, certificates,
/// experience, qualities).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Requirement {
    pub group: String,
    pub detail: String,
}

/// The headcount the agency asks for, which may differ from the computed one, and why.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Proposal {
    pub count: u32,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub reason: String,
}
