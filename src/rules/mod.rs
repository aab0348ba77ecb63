//! Review rules: the law as versioned data, and the checks that hold a plan against it.
//!
//! Rules live in RON packs, one per legal instrument ([`pack`], [`catalogue`]), with typed
//! parameters ([`params`]) and a catalogue of rank codes ([`ranks`]); who a rule counts (biên chế
//! or every post) is one of its parameters ([`counting`]); [`check()`] picks the
//! rules in force on the plan's judgement date and reports [`Finding`]s with their legal basis.

mod catalogue;
mod check;
mod counting;
mod finding;
mod pack;
mod params;
mod quota;
mod ranks;

pub use catalogue::{Catalogue, PACKS, ReviewPack, ReviewRule, RuleRef, catalogue, rule};
pub use check::{blocking_entry_matches, check, family_of, is_blocking};
pub use counting::{CountBasis, Counted};
pub use finding::{Finding, FindingJson, Input, Severity};
pub use pack::{Instrument, PackError, Rule, RulePack, parse_pack};
pub use params::{
    Band, ByClass, HighestStepCaps, QuotaFigure, ReviewParams, ShareBase, StepCap, band_for,
    bands_text,
};
pub use quota::{QuotaExcess, quota_excesses};
pub use ranks::{RankCatalogue, RankEntry, RankKind, RankTier};
