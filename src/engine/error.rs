//! Errors the engine reports instead of panicking.

use thiserror::Error;

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
    #[error(
        "position \"{position}\": {figure} cannot be computed (it comes to {value}); check \
         the volumes, minutes and calendar of this position"
    )]
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

impl crate::language::Localized for EngineError {
    fn message(&self, language: crate::language::Language) -> String {
        use crate::language::Language;
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
            } => format!(
                "vị trí \"{position}\": không tính được {figure} (ra {value}); hãy kiểm tra khối \
                 lượng, số phút và lịch làm việc của vị trí này"
            ),
            EngineError::UnknownPosition(id) => format!("đề án không có vị trí \"{id}\""),
            EngineError::Polars(error) => format!("tính bảng không thành công: {error}"),
        }
    }
}
