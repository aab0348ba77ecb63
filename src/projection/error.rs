//! Errors of the projection: a scenario that does not exist or names what the plan lacks, a
//! horizon out of range, or the engine's own errors, each naming its place.

use thiserror::Error;

use crate::engine::EngineError;
use crate::language::{Language, Localized};
use crate::rules::PackError;

#[derive(Debug, Error)]
pub enum ProjectionError {
    #[error("no scenario \"{0}\" in the plan")]
    UnknownScenario(String),
    /// A change of a scenario names a unit, component or staff member the plan does not have.
    #[error("scenario \"{scenario}\", change {change} ({field}): {what} \"{id}\" does not exist")]
    MissingReference {
        scenario: String,
        /// Counted from 1, as the scenario lists its changes.
        change: usize,
        field: &'static str,
        what: &'static str,
        id: String,
    },
    /// A percentage that is not finite or takes away the whole workload or quota.
    #[error(
        "scenario \"{scenario}\", change {change} (percent): {value} must be a finite number above -100"
    )]
    BadPercent {
        scenario: String,
        change: usize,
        value: f64,
    },
    /// A cut of the quota that is not finite or more than the whole quota.
    #[error(
        "scenario \"{scenario}\", change {change} (percent): {value} must be a finite number from -100 to 100"
    )]
    BadCut {
        scenario: String,
        change: usize,
        value: f64,
    },
    /// A volume that is negative or not finite.
    #[error(
        "scenario \"{scenario}\", change {change} (volume): {value} must be a finite number, not negative"
    )]
    BadVolume {
        scenario: String,
        change: usize,
        value: f64,
    },
    /// A volume change of a component that has no volume (support or additional work).
    #[error(
        "scenario \"{scenario}\", change {change} (component_id): component \"{id}\" has no yearly volume (only service and norm components have one)"
    )]
    NoVolume {
        scenario: String,
        change: usize,
        id: String,
    },
    #[error("the projection covers 1 to {max} years, not {years}")]
    BadYears { years: u32, max: u32 },
    #[error("the first year {0} is outside 1900 to 2200")]
    BadFrom(i32),
    #[error("retirement-age pack {0}")]
    Pack(PackError),
    #[error(transparent)]
    Engine(#[from] EngineError),
}

impl Localized for ProjectionError {
    fn message(&self, language: Language) -> String {
        if language == Language::English {
            return self.to_string();
        }
        match self {
            ProjectionError::UnknownScenario(name) => {
                format!("đề án không có kịch bản \"{name}\"")
            }
            ProjectionError::MissingReference {
                scenario,
                change,
                field,
                what,
                id,
            } => {
                let what = match *what {
                    "unit" => "đơn vị",
                    "component" => "công việc",
                    _ => "nhân sự",
                };
                format!(
                    "kịch bản \"{scenario}\", thay đổi {change} ({field}): không có {what} \"{id}\""
                )
            }
            ProjectionError::BadPercent {
                scenario,
                change,
                value,
            } => format!(
                "kịch bản \"{scenario}\", thay đổi {change} (percent): {value} phải là số hữu hạn lớn hơn -100"
            ),
            ProjectionError::BadCut {
                scenario,
                change,
                value,
            } => format!(
                "kịch bản \"{scenario}\", thay đổi {change} (percent): {value} phải là số hữu hạn từ -100 đến 100"
            ),
            ProjectionError::BadVolume {
                scenario,
                change,
                value,
            } => format!(
                "kịch bản \"{scenario}\", thay đổi {change} (volume): {value} phải là số hữu hạn, không âm"
            ),
            ProjectionError::NoVolume {
                scenario,
                change,
                id,
            } => format!(
                "kịch bản \"{scenario}\", thay đổi {change} (component_id): công việc \"{id}\" không có khối lượng hằng năm (chỉ công việc chính và định mức có)"
            ),
            ProjectionError::BadYears { years, max } => {
                format!("dự báo gồm từ 1 đến {max} năm, không phải {years}")
            }
            ProjectionError::BadFrom(year) => {
                format!("năm bắt đầu {year} nằm ngoài khoảng 1900 đến 2200")
            }
            ProjectionError::Pack(error) => format!("gói tuổi nghỉ hưu {error}"),
            ProjectionError::Engine(error) => error.message(language),
        }
    }
}
