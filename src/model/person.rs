//! What a workforce projection needs to know of a person: the birth date (a full date, or the
//! year alone) and the sex, the two facts the retirement age depends on.
//!
//! Both are personal data: kept in the plan file, never printed per person in the dossier.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use super::CivilDate;

/// A birth date as the records give it: the full date, or only the year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub enum BirthDate {
    Day(CivilDate),
    /// Only the year is known: it counts as 1 January of that year (ND 135/2020).
    Year(u16),
}

/// Why a text is not a birth date.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "\"{text}\" is not a birth date: write YYYY-MM-DD or the year alone, e.g. 1968-04-15 or 1968"
)]
pub struct BirthDateError {
    pub text: String,
}

impl crate::language::Localized for BirthDateError {
    fn message(&self, language: crate::language::Language) -> String {
        match language {
            crate::language::Language::English => self.to_string(),
            crate::language::Language::Vietnamese => format!(
                "\"{}\" không phải ngày sinh: viết YYYY-MM-DD hoặc chỉ năm sinh, ví dụ 1968-04-15 hoặc 1968",
                self.text
            ),
        }
    }
}

impl BirthDate {
    /// Earliest and latest birth year accepted: people in post today were born in this range.
    pub const YEARS: std::ops::RangeInclusive<u16> = 1900..=2100;

    /// The date the retirement age is counted from: the day, or 1 January of the year.
    pub fn counted_from(self) -> CivilDate {
        match self {
            BirthDate::Day(date) => date,
            BirthDate::Year(year) => CivilDate {
                year,
                month: 1,
                day: 1,
            },
        }
    }

    pub fn year(self) -> u16 {
        match self {
            BirthDate::Day(date) => date.year,
            BirthDate::Year(year) => year,
        }
    }

    /// As written in files: `1968-04-15` or `1968`.
    pub fn iso(self) -> String {
        match self {
            BirthDate::Day(date) => date.iso(),
            BirthDate::Year(year) => format!("{year:04}"),
        }
    }
}

impl FromStr for BirthDate {
    type Err = BirthDateError;

    /// Accepts `YYYY-MM-DD`, `dd/mm/yyyy` and a year alone (`1968`).
    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let error = || BirthDateError {
            text: text.to_owned(),
        };
        let trimmed = text.trim();
        // A year typed in a spreadsheet may come back as `1968.0`.
        let year_text = trimmed.strip_suffix(".0").unwrap_or(trimmed);
        let birth = if year_text.len() == 4 && year_text.bytes().all(|b| b.is_ascii_digit()) {
            BirthDate::Year(year_text.parse().map_err(|_| error())?)
        } else {
            BirthDate::Day(trimmed.parse().map_err(|_| error())?)
        };
        if Self::YEARS.contains(&birth.year()) {
            Ok(birth)
        } else {
            Err(error())
        }
    }
}

impl TryFrom<String> for BirthDate {
    type Error = BirthDateError;

    fn try_from(text: String) -> Result<Self, Self::Error> {
        text.parse()
    }
}

impl From<BirthDate> for String {
    fn from(date: BirthDate) -> String {
        date.iso()
    }
}

/// Vietnamese form: `15/04/1968`, or the year alone.
impl fmt::Display for BirthDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            BirthDate::Day(date) => write!(f, "{date}"),
            BirthDate::Year(year) => write!(f, "{year}"),
        }
    }
}

/// Sex, as the retirement age differs for men and women (Labour Code 2019 Art. 169).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Sex {
    Male,
    Female,
}

impl Sex {
    pub const ALL: [Sex; 2] = [Sex::Male, Sex::Female];

    /// The keyword written in plan and interchange files.
    pub fn keyword(self) -> &'static str {
        match self {
            Sex::Male => "male",
            Sex::Female => "female",
        }
    }

    pub fn label_vi(self) -> &'static str {
        match self {
            Sex::Male => "nam",
            Sex::Female => "nữ",
        }
    }

    pub fn label_en(self) -> &'static str {
        match self {
            Sex::Male => "male",
            Sex::Female => "female",
        }
    }

    /// The label in `language`.
    pub fn label(self, language: crate::language::Language) -> &'static str {
        language.t(self.label_vi(), self.label_en())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn birth_dates_read_a_day_or_a_year() {
        let day: BirthDate = "1961-10-05".parse().unwrap();
        assert_eq!(day, BirthDate::Day(CivilDate::new(1961, 10, 5).unwrap()));
        assert_eq!("05/10/1961".parse::<BirthDate>().unwrap(), day);
        assert_eq!(day.iso(), "1961-10-05");
        let year: BirthDate = " 1966 ".parse().unwrap();
        assert_eq!(year, BirthDate::Year(1966));
        assert_eq!(year.counted_from(), CivilDate::new(1966, 1, 1).unwrap());
        assert_eq!("1966.0".parse::<BirthDate>().unwrap(), year);
        assert_eq!(year.iso(), "1966");
        assert!("66".parse::<BirthDate>().is_err());
        assert!("1850".parse::<BirthDate>().is_err());
        assert!("1966-02-30".parse::<BirthDate>().is_err());
        assert!("unknown".parse::<BirthDate>().is_err());
    }
}
