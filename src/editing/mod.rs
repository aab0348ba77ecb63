//! Edits: every change the app makes to a plan, as a value that can be applied (and so
//! undone, redone, tested and benchmarked) apart from any widget, and the reading of typed
//! numbers that feed them.

mod appraisal;
mod edit;
mod history;
mod input;
mod undo;

pub use appraisal::decision_for_figure;
pub use edit::{Created, Edit, EditError, ReviewField, UnitContents, nfc, subtree, unit_contents};
pub use history::History;
pub use input::{InputError, input_text, parse_amount, parse_count, parse_optional_count};
pub use undo::Undo;
