//! Rule packs: one RON file per legal instrument, embedded in the binary.
//!
//! A pack names its instrument (number, title, date signed) and lists rules, each with an id,
//! the clause it comes from, the text a reviewer reads, the dates it applies from and to, and
//! its parameters. The parameter type `P` is the pack's own: review rules and sector norms keep
//! different parameters in the same frame.

use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::model::CivilDate;

/// A legal instrument (nghị định, thông tư, công văn).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Instrument {
    /// Its number as cited, e.g. `Nghị định 107/2020/NĐ-CP`.
    pub code: String,
    pub title: String,
    pub signed: CivilDate,
}

/// One rule of an instrument.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rule<P> {
    /// Stable id, e.g. `nd107-2020.deputies.division`; plans name it to make it blocking.
    pub id: String,
    /// Where in the instrument, e.g. `Khoản 2 Điều 7`.
    pub clause: String,
    /// What the rule says, in Vietnamese, for the reviewer.
    pub text: String,
    /// First day the rule applies.
    pub applies_from: CivilDate,
    /// Last day the rule applies; `None` while in force.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub applies_to: Option<CivilDate>,
    pub params: P,
}

impl<P> Rule<P> {
    /// Whether the rule applies on `date`.
    pub fn in_force(&self, date: CivilDate) -> bool {
        self.applies_from <= date && self.applies_to.is_none_or(|last| date <= last)
    }
}

/// The rules of one instrument.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RulePack<P> {
    pub instrument: Instrument,
    pub rules: Vec<Rule<P>>,
}

impl<P> RulePack<P> {
    /// The citation of a rule of this pack: `Khoản 2 Điều 7 Nghị định 107/2020/NĐ-CP`.
    pub fn legal_basis(&self, rule: &Rule<P>) -> String {
        format!("{} {}", rule.clause, self.instrument.code)
    }
}

/// A pack file that does not parse, with its place.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("{file}:{line}:{column}: {message}")]
pub struct PackError {
    pub file: String,
    pub line: usize,
    pub column: usize,
    pub message: String,
}

/// Parses one pack's RON text; `file` names it in errors.
pub fn parse_pack<P: for<'de> Deserialize<'de>>(
    text: &str,
    file: &Path,
) -> Result<RulePack<P>, PackError> {
    ron::Options::default()
        .with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME)
        .from_str(text)
        .map_err(|error: ron::error::SpannedError| PackError {
            file: file.display().to_string(),
            line: error.span.start.line,
            column: error.span.start.col,
            message: error.code.to_string(),
        })
}
