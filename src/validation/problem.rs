//! What can be wrong in a plan, and where.

use std::fmt;

use super::Place;
use super::bounds::{Bounds, shown};
use crate::language::{Language, Localized};

/// One problem in a plan: its place and what is wrong there. Displays as
/// `<place>: <message>`, e.g. `unit "a" (parent_id): unit "x" does not exist`.
#[derive(Debug, Clone, PartialEq)]
pub struct Problem {
    pub place: Place,
    pub kind: ProblemKind,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.place, self.kind)
    }
}

impl Localized for Problem {
    fn message(&self, language: Language) -> String {
        format!(
            "{}: {}",
            self.place.message(language),
            self.kind.message(language)
        )
    }
}

impl Localized for ProblemKind {
    fn message(&self, language: Language) -> String {
        match language {
            Language::English => self.to_string(),
            Language::Vietnamese => self.message_vi(),
        }
    }
}

/// What is wrong. Every kind is an error: a plan with any problem is not computed.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum ProblemKind {
    #[error("plan format version {found} is not supported (this vtvl knows 1 to {supported})")]
    UnsupportedFormatVersion { found: u32, supported: u32 },

    #[error("the id is empty")]
    EmptyId,

    #[error("the name is empty")]
    EmptyName,

    /// Reported on every row after the first that uses the id.
    #[error("duplicate id \"{id}\", already used by {}", .first.row())]
    DuplicateId { id: String, first: Place },

    #[error("unit \"{id}\" does not exist")]
    MissingUnit { id: String },

    #[error("position \"{id}\" does not exist")]
    MissingPosition { id: String },

    #[error("calendar \"{id}\" does not exist")]
    MissingCalendar { id: String },

    /// A staff member holds a position of another unit.
    #[error(
        "position \"{position_id}\" belongs to unit \"{position_unit_id}\", not to \"{unit_id}\""
    )]
    PositionOfOtherUnit {
        position_id: String,
        position_unit_id: String,
        unit_id: String,
    },

    /// A decided retirement date earlier than the person's 15th birthday.
    #[error("retirement date {retires_on} comes before the birth date {born} plus 15 years")]
    RetiresBeforeWorkingAge { retires_on: String, born: String },

    /// Units that are, through their parents, their own ancestors: each unit is followed by
    /// its parent, starting from the one listed first in the plan. Reported once per cycle.
    #[error("the unit tree has a cycle: {}", cycle_path(.units))]
    UnitCycle { units: Vec<String> },

    #[error("must not be negative, found {value}")]
    Negative { value: f64 },

    #[error("must be a finite number, found {value}")]
    NotFinite { value: f64 },

    /// A divisor of later computations is zero.
    #[error("must be greater than zero")]
    Zero,

    /// Holidays and leave take all the days, or the hours fixed by policy are not positive.
    #[error("the calendar leaves no working time ({days} days, {hours} hours a year)")]
    NoWorkingTime { days: f64, hours: f64 },

    /// Support work (a share of everyone's time) takes all the working time or more.
    #[error(
        "support work takes {:.1}% of the working time; it must stay below 100%",
        .share * 100.0
    )]
    SupportTooLarge { share: f64 },

    #[error("min {min} is greater than max {max}")]
    MinAboveMax { min: u32, max: u32 },

    /// A competency level outside the frame's 1 to 5.
    #[error("competency level {level} is not between 1 and 5")]
    LevelOutOfRange { level: u8 },

    #[error("{value} is not between {min} and {max}")]
    OutOfRange { value: u32, min: u32, max: u32 },

    /// A position lists the same career step twice.
    #[error("step {step} is listed twice")]
    DuplicateStep { step: u8 },

    /// Head or deputy is said of a position outside the leadership category.
    #[error("only leadership positions are heads or deputies")]
    RoleOutsideLeadership,

    #[error("position \"{position_id}\" is appraised twice")]
    DuplicateAppraisal { position_id: String },

    /// A number outside its accepted range (see [`super::bounds`]).
    #[error("must be {bounds}, found {}", shown(*.value, Language::English))]
    OutOfBounds { value: f64, bounds: Bounds },

    /// Calendar inputs each within range that together make a year of working time beyond
    /// it (1e-320 hours a day: no hour in the year). `in_days` when the days are the figure.
    #[error(
        "the calendar makes {} available {} a year; they must be {bounds}",
        shown(*.value, Language::English),
        if *.in_days { "days" } else { "hours" }
    )]
    AvailableTimeOutOfBounds {
        value: f64,
        bounds: Bounds,
        in_days: bool,
    },

    /// A text longer than an Excel cell holds.
    #[error(
        "has {} characters; at most {} are accepted",
        shown(*.chars as f64, Language::English),
        shown(*.max as f64, Language::English)
    )]
    TextTooLong { chars: usize, max: usize },
}

/// `a -> b -> c -> a`.
fn cycle_path(units: &[String]) -> String {
    let mut path = units.join(" -> ");
    if let Some(first) = units.first() {
        path.push_str(" -> ");
        path.push_str(first);
    }
    path
}

impl ProblemKind {
    /// The message in Vietnamese, for the app's default language.
    pub fn message_vi(&self) -> String {
        match self {
            ProblemKind::UnsupportedFormatVersion { found, supported } => format!(
                "phiên bản định dạng {found} không được hỗ trợ (bản vtvl này đọc từ 1 đến {supported})"
            ),
            ProblemKind::EmptyId => "mã đang để trống".to_owned(),
            ProblemKind::EmptyName => "tên đang để trống".to_owned(),
            ProblemKind::DuplicateId { id, first } => {
                format!(
                    "mã \"{id}\" bị trùng, đã dùng ở {}",
                    first.row_in(Language::Vietnamese)
                )
            }
            ProblemKind::MissingUnit { id } => format!("không có đơn vị \"{id}\""),
            ProblemKind::MissingPosition { id } => format!("không có vị trí \"{id}\""),
            ProblemKind::MissingCalendar { id } => format!("không có lịch làm việc \"{id}\""),
            ProblemKind::PositionOfOtherUnit {
                position_id,
                position_unit_id,
                unit_id,
            } => format!(
                "vị trí \"{position_id}\" thuộc đơn vị \"{position_unit_id}\", không thuộc \"{unit_id}\""
            ),
            ProblemKind::RetiresBeforeWorkingAge { retires_on, born } => {
                format!("ngày nghỉ hưu {retires_on} sớm hơn ngày sinh {born} cộng 15 năm")
            }
            ProblemKind::UnitCycle { units } => {
                format!("cây đơn vị bị vòng lặp: {}", cycle_path(units))
            }
            ProblemKind::Negative { value } => format!("không được âm (đang là {value})"),
            ProblemKind::NotFinite { value } => format!("phải là một số hữu hạn (đang là {value})"),
            ProblemKind::Zero => "phải lớn hơn 0".to_owned(),
            ProblemKind::NoWorkingTime { days, hours } => {
                format!("lịch không còn thời gian làm việc ({days} ngày, {hours} giờ/năm)")
            }
            ProblemKind::SupportTooLarge { share } => format!(
                "công việc hỗ trợ chiếm {:.1}% thời gian làm việc; phải dưới 100%",
                share * 100.0
            ),
            ProblemKind::MinAboveMax { min, max } => {
                format!("tối thiểu {min} lớn hơn tối đa {max}")
            }
            ProblemKind::LevelOutOfRange { level } => {
                format!("cấp độ năng lực {level} không nằm trong khoảng 1 đến 5")
            }
            ProblemKind::OutOfRange { value, min, max } => {
                format!("{value} không nằm trong khoảng {min} đến {max}")
            }
            ProblemKind::DuplicateStep { step } => format!("bậc {step} được kê hai lần"),
            ProblemKind::RoleOutsideLeadership => {
                "chỉ vị trí lãnh đạo, quản lý mới là cấp trưởng hoặc cấp phó".to_owned()
            }
            ProblemKind::DuplicateAppraisal { position_id } => {
                format!("vị trí \"{position_id}\" được thẩm định hai lần")
            }
            ProblemKind::OutOfBounds { value, bounds } => format!(
                "phải {}, đang là {}",
                bounds.describe(Language::Vietnamese),
                shown(*value, Language::Vietnamese)
            ),
            ProblemKind::AvailableTimeOutOfBounds {
                value,
                bounds,
                in_days,
            } => format!(
                "lịch này cho {} {} làm việc có được trong năm; phải {}",
                shown(*value, Language::Vietnamese),
                if *in_days { "ngày" } else { "giờ" },
                bounds.describe(Language::Vietnamese)
            ),
            ProblemKind::TextTooLong { chars, max } => {
                let (chars, max) = (*chars as f64, *max as f64);
                format!(
                    "dài {} ký tự; tối đa {} ký tự",
                    shown(chars, Language::Vietnamese),
                    shown(max, Language::Vietnamese)
                )
            }
        }
    }
}
