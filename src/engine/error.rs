//! Errors the engine reports instead of panicking.

use thiserror::Error;

use super::query::out;
use crate::language::Language;
use crate::validation::bounds::{MAX_REQUIRED_FTE, shown};

#[derive(Debug, Error)]
pub enum EngineError {
    #[error("position \"{position}\" names unit \"{unit}\", which does not exist")]
    MissingUnit { position: String, unit: String },
    #[error("unit \"{unit}\" names parent \"{parent}\", which does not exist")]
    MissingParent { unit: String, parent: String },
    #[error("position \"{position}\" names calendar \"{calendar}\", which does not exist")]
    MissingCalendar { position: String, calendar: String },
    #[error("staff member \"{staff}\" names {table} \"{id}\", which does not exist")]
    MissingStaffReference {
        staff: String,
        table: &'static str,
        id: String,
    },
    #[error("the unit tree has a cycle through \"{unit}\"")]
    Cycle { unit: String },
    /// A figure the plan's numbers make infinite, undefined or too large to count in people.
    /// `figure` is the engine's column (`service_fte`); messages name it in words.
    #[error("{}", not_computable(position, figure, *value, Language::English))]
    NotComputable {
        position: String,
        figure: &'static str,
        value: f64,
    },
    #[error("no position \"{0}\" in the plan")]
    UnknownPosition(String),
    #[error("table computation failed: {0}")]
    Polars(#[from] polars::error::PolarsError),
}

/// "position "p": the FTE required by services comes to 8.98e10, beyond the 1,000,000,000 a
/// position can count; check ...", or "is not a number" when undefined.
fn not_computable(position: &str, figure: &str, value: f64, language: Language) -> String {
    let english = language == Language::English;
    let name = figure_name(figure, language);
    let limit = shown(MAX_REQUIRED_FTE, language);
    // Whole people: the fraction of a figure this large says nothing.
    let amount = shown(value.round(), language);
    let outcome = match (english, value.is_nan(), value.is_infinite()) {
        (true, true, _) => "is not a number".to_owned(),
        (true, _, true) => "is infinite".to_owned(),
        (true, _, _) => format!("comes to {amount}, beyond the {limit} a position can count"),
        (false, true, _) => "không xác định".to_owned(),
        (false, _, true) => "ra vô hạn".to_owned(),
        (false, _, _) => {
            format!("ra {amount}, vượt quá {limit}, mức lớn nhất một vị trí có thể có")
        }
    };
    if english {
        format!(
            "position \"{position}\": {name} cannot be computed: it {outcome}; check the \
             volumes, minutes and calendar of this position"
        )
    } else {
        format!(
            "vị trí \"{position}\": không tính được {name}: {outcome}; hãy kiểm tra khối lượng, \
             số phút và lịch làm việc của vị trí này"
        )
    }
}

/// An engine figure in words.
fn figure_name(figure: &str, language: Language) -> String {
    let (vi, en) = match figure {
        out::AVAILABLE_HOURS => (
            "số giờ làm việc có được trong năm",
            "the available hours a year",
        ),
        out::AWT_DAYS => (
            "số ngày làm việc có được trong năm",
            "the available days a year",
        ),
        out::SERVICE_FTE => (
            "số người cần cho công việc chính",
            "the staff needed for service work",
        ),
        out::CAF => ("hệ số hỗ trợ (CAF)", "the support allowance (CAF)"),
        out::IAF => ("hệ số bổ sung (IAF)", "the additional allowance (IAF)"),
        out::NORM_FTE => ("số người theo định mức", "the staff by norm"),
        out::REQUIRED_FTE | out::UNBOUNDED => ("số người cần có", "the required staff"),
        out::CURRENT => ("số người hiện có", "the current staff"),
        other => (other, other),
    };
    language.t(vi, en).to_owned()
}

impl crate::language::Localized for EngineError {
    fn message(&self, language: crate::language::Language) -> String {
        if language == Language::English {
            return self.to_string();
        }
        match self {
            EngineError::MissingUnit { position, unit } => {
                format!("vị trí \"{position}\" ghi đơn vị \"{unit}\" không tồn tại")
            }
            EngineError::MissingParent { unit, parent } => {
                format!("đơn vị \"{unit}\" ghi đơn vị cấp trên \"{parent}\" không tồn tại")
            }
            EngineError::MissingCalendar { position, calendar } => {
                format!("vị trí \"{position}\" ghi lịch làm việc \"{calendar}\" không tồn tại")
            }
            EngineError::MissingStaffReference { staff, table, id } => {
                let table = match *table {
                    "unit" => "đơn vị",
                    "position" => "vị trí",
                    other => other,
                };
                format!("nhân sự \"{staff}\" ghi {table} \"{id}\" không tồn tại")
            }
            EngineError::Cycle { unit } => {
                format!("cây đơn vị bị vòng lặp qua \"{unit}\"")
            }
            EngineError::NotComputable {
                position,
                figure,
                value,
            } => not_computable(position, figure, *value, language),
            EngineError::UnknownPosition(id) => format!("đề án không có vị trí \"{id}\""),
            EngineError::Polars(error) => format!("tính bảng không thành công: {error}"),
        }
    }
}
