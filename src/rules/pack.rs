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
    /// The day it was signed; `None` where it could not be confirmed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub signed: Option<CivilDate>,
}

/// One rule of an instrument.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rule<P> {
    /// Stable id, e.g. `nd107-2020.deputies.division`; plans name it to make it blocking.
    pub id: String,
    /// A short Vietnamese name for lists, e.g. `Số phó trưởng phòng thuộc sở`.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub title: String,
    /// Where in the instrument, e.g. `Khoản 2 Điều 7`; empty where it could not be confirmed
    /// (the rule's text says so).
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

    /// The short name, or the id when the rule has none.
    pub fn name(&self) -> &str {
        if self.title.is_empty() {
            &self.id
        } else {
            &self.title
        }
    }

    /// The dates in force as Vietnamese documents write them: `từ 01/03/2025 đến 30/06/2025`.
    pub fn dates_vi(&self) -> String {
        self.dates(crate::language::Language::Vietnamese)
    }

    /// When the rule applies, in `language`: `từ 25/11/2020 đến 28/02/2025`.
    pub fn dates(&self, language: crate::language::Language) -> String {
        let from = language.t("từ", "from");
        match self.applies_to {
            Some(last) => format!(
                "{from} {} {} {last}",
                self.applies_from,
                language.t("đến", "to")
            ),
            None => format!("{from} {}", self.applies_from),
        }
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
    /// The citation of a rule of this pack: `Khoản 2 Điều 7 Nghị định 107/2020/NĐ-CP`, or the
    /// instrument alone when the clause is not known.
    pub fn legal_basis(&self, rule: &Rule<P>) -> String {
        if rule.clause.trim().is_empty() {
            self.instrument.code.clone()
        } else {
            format!("{} {}", rule.clause, self.instrument.code)
        }
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
