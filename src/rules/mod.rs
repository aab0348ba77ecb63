//! Review rules: the law as versioned data, and the checks that hold a plan against it.
//!
//! Rules live in RON packs, one per legal instrument ([`pack`]); a check picks the rules in
//! force on the plan's judgement date and reports [`Finding`]s with their legal basis.

mod finding;
mod pack;

pub use finding::{Finding, Input, Severity};
pub use pack::{Instrument, PackError, Rule, RulePack, parse_pack};
