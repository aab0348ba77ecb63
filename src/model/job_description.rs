//! Job descriptions and competency frames: the content of the ND 232/2026 template for one
//! position (Phụ lục IV), its sections, and the headcount the agency proposes.

use serde::{Deserialize, Serialize};

use super::Category;

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

    /// Whether the description fills `section`. Section I (general information) is always
    /// filled: it comes from the plan itself.
    pub fn has(&self, section: JobSection) -> bool {
        let has_work = |work: WorkSection| self.work_items.iter().any(|item| item.section == work);
        match section {
            JobSection::General => true,
            JobSection::Purpose => !self.purpose.trim().is_empty(),
            JobSection::Professional => has_work(WorkSection::Professional),
            JobSection::Management => has_work(WorkSection::Management),
            JobSection::Support => has_work(WorkSection::Support),
            JobSection::Competency => !self.competencies.is_empty(),
            JobSection::Relationships => !self.relationships.trim().is_empty(),
            JobSection::Authority => !self.authority.trim().is_empty(),
            JobSection::Requirement => !self.requirements.is_empty(),
        }
    }
}

/// The nine sections of the job description template (Phụ lục IV, ND 232/2026), in order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum JobSection {
    /// I. Thông tin chung (from the plan: unit, category, rank, headcount).
    General,
    /// II. Mục tiêu của vị trí việc làm.
    Purpose,
    /// III. Công việc chuyên môn, nghiệp vụ.
    Professional,
    /// IV. Công việc quản lý.
    Management,
    /// V. Công việc hỗ trợ, phục vụ.
    Support,
    /// VI. Khung năng lực.
    Competency,
    /// VII. Các mối quan hệ trong công việc.
    Relationships,
    /// VIII. Phạm vi quyền hạn.
    Authority,
    /// IX. Yêu cầu về trình độ, năng lực, kinh nghiệm.
    Requirement,
}

impl JobSection {
    pub const ALL: [JobSection; 9] = [
        JobSection::General,
        JobSection::Purpose,
        JobSection::Professional,
        JobSection::Management,
        JobSection::Support,
        JobSection::Competency,
        JobSection::Relationships,
        JobSection::Authority,
        JobSection::Requirement,
    ];

    /// The section of a work item.
    pub fn of_work(section: WorkSection) -> Self {
        match section {
            WorkSection::Professional => JobSection::Professional,
            WorkSection::Management => JobSection::Management,
            WorkSection::Support => JobSection::Support,
        }
    }

    /// The work section (III, IV or V) that holds the main work of a position of `category`:
    /// management for leaders, support and service for support positions, else professional.
    pub fn work_of(category: Category) -> WorkSection {
        match category {
            Category::Leadership => WorkSection::Management,
            Category::Support => WorkSection::Support,
            Category::Specialized | Category::Shared => WorkSection::Professional,
        }
    }

    /// Its Roman numeral in the template.
    pub fn numeral(self) -> &'static str {
        match self {
            JobSection::General => "I",
            JobSection::Purpose => "II",
            JobSection::Professional => "III",
            JobSection::Management => "IV",
            JobSection::Support => "V",
            JobSection::Competency => "VI",
            JobSection::Relationships => "VII",
            JobSection::Authority => "VIII",
            JobSection::Requirement => "IX",
        }
    }

    pub fn label_vi(self) -> &'static str {
        match self {
            JobSection::General => "Thông tin chung",
            JobSection::Purpose => "Mục tiêu của vị trí việc làm",
            JobSection::Professional => WorkSection::Professional.label_vi(),
            JobSection::Management => WorkSection::Management.label_vi(),
            JobSection::Support => WorkSection::Support.label_vi(),
            JobSection::Competency => "Khung năng lực",
            JobSection::Relationships => "Các mối quan hệ trong công việc",
            JobSection::Authority => "Phạm vi quyền hạn",
            JobSection::Requirement => "Yêu cầu về trình độ, năng lực, kinh nghiệm",
        }
    }

    pub fn label_en(self) -> &'static str {
        match self {
            JobSection::General => "General information",
            JobSection::Purpose => "Purpose of the position",
            JobSection::Professional => WorkSection::Professional.label_en(),
            JobSection::Management => WorkSection::Management.label_en(),
            JobSection::Support => WorkSection::Support.label_en(),
            JobSection::Competency => "Competency frame",
            JobSection::Relationships => "Working relationships",
            JobSection::Authority => "Scope of authority",
            JobSection::Requirement => "Qualifications, competence, experience",
        }
    }

    /// The label in `language`.
    pub fn label(self, language: crate::language::Language) -> &'static str {
        language.t(self.label_vi(), self.label_en())
    }

    /// `III. Công việc chuyên môn, nghiệp vụ`.
    pub fn title_vi(self) -> String {
        format!("{}. {}", self.numeral(), self.label_vi())
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

    pub fn label_en(self) -> &'static str {
        match self {
            WorkSection::Professional => "Professional work",
            WorkSection::Management => "Management work",
            WorkSection::Support => "Support and service work",
        }
    }

    /// The label in `language`.
    pub fn label(self, language: crate::language::Language) -> &'static str {
        language.t(self.label_vi(), self.label_en())
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

    pub fn label_en(self) -> &'static str {
        match self {
            CompetencyGroup::General => "General",
            CompetencyGroup::Professional => "Professional",
            CompetencyGroup::Management => "Management",
        }
    }
    /// The label in `language`.
    pub fn label(self, language: crate::language::Language) -> &'static str {
        language.t(self.label_vi(), self.label_en())
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sections_are_numbered_and_filled_as_the_template_says() {
        let numerals: Vec<&str> = JobSection::ALL.iter().map(|s| s.numeral()).collect();
        assert_eq!(
            numerals,
            ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX"]
        );
        let empty = JobDescription::default();
        assert!(empty.has(JobSection::General));
        assert!(!empty.has(JobSection::Purpose));
        let mut filled = empty.clone();
        filled.purpose = "  ".to_owned();
        assert!(!filled.has(JobSection::Purpose), "blank text is not filled");
        filled.work_items.push(WorkItem {
            section: WorkSection::Support,
            step: String::new(),
            content: "Trực bảo vệ".to_owned(),
            output: String::new(),
            criterion: String::new(),
        });
        assert!(filled.has(JobSection::Support));
        assert!(!filled.has(JobSection::Professional));
        assert_eq!(
            JobSection::work_of(Category::Leadership),
            WorkSection::Management
        );
        assert_eq!(JobSection::Authority.title_vi(), "VIII. Phạm vi quyền hạn");
    }
}
