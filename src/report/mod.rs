//! Reports of results: in plain formats other tools read, and the appraisal table the app, the
//! command line and the dossier show alike.

mod appraisal;
mod appraisal_changes;
mod results_csv;
mod results_json;

pub use appraisal::{
    AppraisalGroup, AppraisalLine, AppraisalTable, AppraisalTableError, Comparison,
    appraisal_table, subtree_comparisons,
};
pub use appraisal_changes::{
    ChangedLine, WatchedLine, changed_heading, changed_lines, changed_since_appraisal,
    seen_proposal, watched_lines,
};
pub use results_csv::{ResultsCsvError, results_csv};
pub use results_json::write_results_json;
