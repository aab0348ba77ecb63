//! Comparing proposals: two versions of one plan, and several agencies' plans side by side.
//!
//! [`compare_versions`] matches the units, positions and workload components of an older plan
//! with a newer one ([`matching`]: by id, else by name within the matched parent, said so) and
//! reports each as added, removed, changed or unchanged with its old and new required, proposed
//! and current headcount, the fields that changed, and the workload changes that explain a
//! difference ([`workload`]). [`benchmark`] sets the minutes per item and staff per 1,000 items
//! of service components sharing a task code side by side across agencies and flags outliers.
//!
//! Every figure is the engine's ([`crate::engine::compute`], [`crate::engine::all_contributions`]):
//! nothing here recomputes a headcount. The results are plain serde values, printed as JSON by
//! `vtvl compare` and drawn by the app's Compare view.

mod benchmark;
mod matching;
mod names;
mod versions;
mod workload;

pub use benchmark::{
    AgencyValue, Benchmark, BenchmarkPlan, CodeBenchmark, Outlier, Spread, benchmark,
    benchmark_computed,
};
pub use names::name_key;
pub use versions::{
    Field, FieldChange, Headcount, PlanLabel, PositionComparison, PositionSide, Status,
    StatusCounts, Summary, TotalComparison, UnitComparison, UnitSide, VersionComparison,
    compare_versions,
};
pub use workload::{ComponentChange, ComponentSide, HoursChange, Input, InputValue};

use serde::Serialize;
use thiserror::Error;

use crate::engine::EngineError;

/// "3 -> 5" when the values differ, else the value; a missing side as "-". Shared by the
/// table of `vtvl compare` and the app's Compare view.
pub fn old_new(old: Option<String>, new: Option<String>) -> String {
    match (old, new) {
        (Some(o), Some(n)) if o == n => n,
        (o, n) => format!(
            "{} -> {}",
            o.unwrap_or_else(|| "-".to_owned()),
            n.unwrap_or_else(|| "-".to_owned())
        ),
    }
}

/// How an old item was paired with a new one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum MatchedBy {
    /// The same id in both plans.
    Id,
    /// The same task code (workload components only).
    Code,
    /// Different ids, the same name (normalised, case-insensitive) within the matched parent.
    Name,
}

impl MatchedBy {
    pub fn label_vi(self) -> &'static str {
        match self {
            MatchedBy::Id => "theo mã",
            MatchedBy::Code => "theo mã nhiệm vụ",
            MatchedBy::Name => "theo tên",
        }
    }

    pub fn label_en(self) -> &'static str {
        match self {
            MatchedBy::Id => "by id",
            MatchedBy::Code => "by task code",
            MatchedBy::Name => "by name",
        }
    }

    /// The label in `language`.
    pub fn label(self, language: crate::language::Language) -> &'static str {
        language.t(self.label_vi(), self.label_en())
    }
}

/// Why plans could not be compared.
#[derive(Debug, Error)]
pub enum CompareError {
    #[error("{plan}: {source}")]
    Engine {
        /// Which plan: its name, or its place in the list.
        plan: String,
        source: EngineError,
    },
    #[error("benchmark table computation failed: {0}")]
    Polars(#[from] polars::error::PolarsError),
}

impl crate::language::Localized for CompareError {
    fn message(&self, language: crate::language::Language) -> String {
        match (self, language) {
            (_, crate::language::Language::English) => self.to_string(),
            (CompareError::Engine { plan, source }, language) => {
                format!(
                    "{plan}: {}",
                    crate::language::Localized::message(source, language)
                )
            }
            (CompareError::Polars(error), _) => {
                format!("tính bảng so sánh không thành công: {error}")
            }
        }
    }
}
