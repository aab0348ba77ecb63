//! Reports of results in plain formats other tools read.

mod results_csv;

pub use results_csv::{ResultsCsvError, results_csv};
