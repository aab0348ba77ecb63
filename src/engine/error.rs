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
