//! Each person's retirement date: the date the law gives (the end of the last day of the month
//! in which the person reaches the age in force that year), a date decided for the person, or
//! an early retirement of the scenario in use, whichever applies.

use serde::Serialize;

use super::roadmap::Roadmap;
use crate::model::{BirthDate, CivilDate, Scenario, ScenarioChange, Sex, StaffMember};

/// Where a person's retirement date comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum RetirementSource {
    /// The roadmap, from the birth date and sex.
    Law,
    /// The `retires_on` decided for the person (early retirement, an extension).
    Decided,
    /// An early retirement of the scenario in use, earlier than the other dates.
    Scenario,
}

impl RetirementSource {
    pub fn label(self, language: crate::language::Language) -> &'static str {
        match self {
            RetirementSource::Law => language.t("theo tuổi nghỉ hưu", "by the retirement age"),
            RetirementSource::Decided => language.t("ngày đã quyết định", "decided date"),
            RetirementSource::Scenario => language.t(
                "nghỉ hưu trước tuổi (kịch bản)",
                "early retirement (scenario)",
            ),
        }
    }
}

/// What is missing for the law to give a date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Unknown {
    BirthDate,
    Sex,
}

/// The date a person retires on (the last day in post), and why; `None` when unknown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Retirement {
    pub date: Option<CivilDate>,
    pub source: Option<RetirementSource>,
    /// Why the law gives no date (no birth date, no sex), when that is the case.
    pub unknown: Option<Unknown>,
}

/// The last day of the month in which a person born `born` reaches the age in force for a
/// retirement that year: the first year `Y` in which the age in force for `Y` is reached during
/// `Y` (ND 135/2020 Art. 4). A birth year alone counts from 1 January.
pub fn retirement_date(roadmap: &Roadmap, born: BirthDate, sex: Sex) -> Option<CivilDate> {
    let from = born.counted_from();
    let birth_month = i64::from(from.year) * 12 + i64::from(from.month) - 1;
    // No age in force is below 50 or above 70: the first year reaching it lies in between.
    let first = i32::from(from.year) + 50;
    for year in first..=first + 20 {
        let age = roadmap.age(sex, year)?;
        let reached = birth_month + i64::from(age.in_months());
        let reached_year = reached.div_euclid(12);
        if reached_year <= i64::from(year) {
            let month = u8::try_from(reached.rem_euclid(12) + 1).ok()?;
            let year = u16::try_from(reached_year).ok()?;
            return last_day_of_month(year, month);
        }
    }
    None
}

fn last_day_of_month(year: u16, month: u8) -> Option<CivilDate> {
    (28..=31)
        .rev()
        .find_map(|day| CivilDate::new(year, month, day))
}

/// A person's retirement: the earliest of a scenario's early retirement and the decided date,
/// else the date the law gives. A decided date wins over the law's even when later (an
/// extension); a scenario's date wins only when earlier than the date that applies otherwise.
pub fn retirement(
    roadmap: &Roadmap,
    member: &StaffMember,
    scenario: Option<&Scenario>,
) -> Retirement {
    let unknown = match (member.birth_date, member.sex) {
        (None, _) => Some(Unknown::BirthDate),
        (Some(_), None) => Some(Unknown::Sex),
        _ => None,
    };
    let law = match (member.birth_date, member.sex) {
        (Some(born), Some(sex)) => retirement_date(roadmap, born, sex),
        _ => None,
    };
    let (mut date, mut source) = match (member.retires_on, law) {
        (Some(decided), _) => (Some(decided), Some(RetirementSource::Decided)),
        (None, Some(law)) => (Some(law), Some(RetirementSource::Law)),
        (None, None) => (None, None),
    };
    let early = scenario
        .into_iter()
        .flat_map(|s| &s.changes)
        .filter_map(|change| match change {
            ScenarioChange::EarlyRetirement { staff_id, on } if *staff_id == member.id => Some(*on),
            _ => None,
        });
    if let Some(early) = early.min()
        && date.is_none_or(|d| early < d)
    {
        date = Some(early);
        source = Some(RetirementSource::Scenario);
    }
    Retirement {
        date,
        source,
        unknown: if date.is_some() { None } else { unknown },
    }
}
