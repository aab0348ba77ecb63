//! The retirement-age roadmap as data: the age in force for a retirement in a given year, for
//! men and women, from embedded packs with their citations (Labour Code 2019 Art. 169 and
//! ND 135/2020 Art. 3-4 from 2021; Labour Code 2012 Art. 187 before), versioned by the dates
//! they apply.

use std::path::Path;
use std::sync::OnceLock;

use serde::{Deserialize, Serialize};

use super::ProjectionError;
use crate::model::{CivilDate, Sex};
use crate::rules::{PackError, Rule, RulePack, parse_pack};

/// The embedded packs: file name and text.
pub const PACKS: &[(&str, &str)] = &[
    ("blld2012.ron", include_str!("packs/blld2012.ron")),
    ("blld2019.ron", include_str!("packs/blld2019.ron")),
];

/// An age in whole years and months.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Age {
    pub years: u32,
    pub months: u32,
}

impl Age {
    pub fn in_months(self) -> u32 {
        self.years * 12 + self.months
    }

    fn from_months(months: u32) -> Self {
        Age {
            years: months / 12,
            months: months % 12,
        }
    }

    /// `60 tuổi 3 tháng` / `60 years 3 months`.
    pub fn describe(self, language: crate::language::Language) -> String {
        let (years, months) = (language.t("tuổi", "years"), language.t("tháng", "months"));
        if self.months == 0 {
            format!("{} {years}", self.years)
        } else {
            format!("{} {years} {} {months}", self.years, self.months)
        }
    }
}

/// One sex's path: `start` in the rule's first year, `step_months` more each later year, never
/// above `until`.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AgePath {
    pub start: Age,
    pub step_months: u32,
    pub until: Age,
}

/// The parameters of a retirement-age rule: one path per sex.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RetirementAge {
    pub male: AgePath,
    pub female: AgePath,
}

/// A pack of retirement-age rules.
pub type RetirementPack = RulePack<RetirementAge>;

/// Every retirement-age rule, oldest first.
#[derive(Debug, Clone, PartialEq)]
pub struct Roadmap {
    pub packs: Vec<RetirementPack>,
}

impl Roadmap {
    /// Parses the embedded packs.
    pub fn embedded() -> Result<Self, PackError> {
        let packs = PACKS
            .iter()
            .map(|(name, text)| parse_pack(text, Path::new(name)))
            .collect::<Result<Vec<_>, _>>()?;
        Ok(Roadmap { packs })
    }

    /// The rule for a retirement in `year` with the pack it belongs to: the one in force on
    /// 1 January of that year; before the earliest rule, the earliest (the age was the same).
    pub fn rule_for(&self, year: i32) -> Option<(&RetirementPack, &Rule<RetirementAge>)> {
        let rules = || {
            self.packs
                .iter()
                .flat_map(|pack| pack.rules.iter().map(move |rule| (pack, rule)))
        };
        let first_day = u16::try_from(year)
            .ok()
            .and_then(|y| CivilDate::new(y, 1, 1));
        first_day
            .and_then(|day| rules().find(|(_, rule)| rule.in_force(day)))
            .or_else(|| {
                let earliest = rules().min_by_key(|(_, rule)| rule.applies_from)?;
                let before = first_day.is_none_or(|day| day < earliest.1.applies_from);
                before.then_some(earliest)
            })
    }

    /// The age in force for a retirement in `year`.
    pub fn age(&self, sex: Sex, year: i32) -> Option<Age> {
        let (_, rule) = self.rule_for(year)?;
        let path = match sex {
            Sex::Male => rule.params.male,
            Sex::Female => rule.params.female,
        };
        let since = u32::try_from(year - i32::from(rule.applies_from.year)).unwrap_or(0);
        let months = path
            .start
            .in_months()
            .saturating_add(path.step_months.saturating_mul(since))
            .min(path.until.in_months().max(path.start.in_months()));
        Some(Age::from_months(months))
    }
}

/// The embedded roadmap, parsed on first use.
pub fn roadmap() -> Result<&'static Roadmap, ProjectionError> {
    static ROADMAP: OnceLock<Result<Roadmap, PackError>> = OnceLock::new();
    ROADMAP
        .get_or_init(Roadmap::embedded)
        .as_ref()
        .map_err(|error| ProjectionError::Pack(error.clone()))
}
