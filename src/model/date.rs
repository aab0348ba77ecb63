//! Civil dates: the day a plan is judged at and the day a review was made.
//!
//! Stored as ISO text (`2026-07-01`) so plan files stay readable and diffable; shown
//! dd/mm/yyyy as Vietnamese documents write them.

use std::fmt;
use std::str::FromStr;
use std::time::{SystemTime, UNIX_EPOCH};

use serde::{Deserialize, Serialize};

/// A calendar date without a time zone.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct CivilDate {
    pub year: u16,
    pub month: u8,
    pub day: u8,
}

/// Why a text is not a date.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("\"{text}\" is not a date: write YYYY-MM-DD, e.g. 2026-07-01")]
pub struct DateParseError {
    pub text: String,
}

impl crate::language::Localized for DateParseError {
    fn message(&self, language: crate::language::Language) -> String {
        match language {
            crate::language::Language::English => self.to_string(),
            crate::language::Language::Vietnamese => format!(
                "\"{}\" không phải ngày: viết YYYY-MM-DD, ví dụ 2026-07-01",
                self.text
            ),
        }
    }
}

impl CivilDate {
    /// The date, when `day` exists in that month of that year.
    pub fn new(year: u16, month: u8, day: u8) -> Option<Self> {
        let valid = (1..=12).contains(&month) && day >= 1 && day <= days_in_month(year, month);
        valid.then_some(CivilDate { year, month, day })
    }

    /// Today's date (UTC): no time-zone database is needed to pick the rules in force.
    pub fn today() -> Self {
        let seconds = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map(|d| d.as_secs())
            .unwrap_or(0);
        Self::from_days_since_epoch(i64::try_from(seconds / 86_400).unwrap_or(0))
    }

    /// The civil date `days` after 1970-01-01 (Howard Hinnant's algorithm).
    pub fn from_days_since_epoch(days: i64) -> Self {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z.rem_euclid(146_097);
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = doy - (153 * mp + 2) / 5 + 1;
        let month = if mp < 10 { mp + 3 } else { mp - 9 };
        let year = yoe + era * 400 + i64::from(month <= 2);
        CivilDate {
            year: u16::try_from(year).unwrap_or(1970),
            month: u8::try_from(month).unwrap_or(1),
            day: u8::try_from(day).unwrap_or(1),
        }
    }

    /// ISO form, `2026-07-01`.
    pub fn iso(&self) -> String {
        format!("{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

fn days_in_month(year: u16, month: u8) -> u8 {
    match month {
        4 | 6 | 9 | 11 => 30,
        2 if (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400) => {
            29
        }
        2 => 28,
        _ => 31,
    }
}

impl FromStr for CivilDate {
    type Err = DateParseError;

    /// Accepts `YYYY-MM-DD` and the Vietnamese `dd/mm/yyyy`.
    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let error = || DateParseError {
            text: text.to_owned(),
        };
        let trimmed = text.trim();
        let parts: Vec<&str> = if trimmed.contains('/') {
            trimmed.split('/').rev().collect()
        } else {
            trimmed.split('-').collect()
        };
        let [year, month, day] = parts.as_slice() else {
            return Err(error());
        };
        let year = year.parse().map_err(|_| error())?;
        let month = month.parse().map_err(|_| error())?;
        let day = day.parse().map_err(|_| error())?;
        CivilDate::new(year, month, day).ok_or_else(error)
    }
}

impl TryFrom<String> for CivilDate {
    type Error = DateParseError;

    fn try_from(text: String) -> Result<Self, Self::Error> {
        text.parse()
    }
}

impl From<CivilDate> for String {
    fn from(date: CivilDate) -> String {
        date.iso()
    }
}

/// Vietnamese form, `01/07/2026`.
impl fmt::Display for CivilDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:02}/{:02}/{:04}", self.day, self.month, self.year)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_parse_in_both_forms_and_refuse_impossible_days() {
        let date: CivilDate = "2026-07-01".parse().unwrap();
        assert_eq!(date, CivilDate::new(2026, 7, 1).unwrap());
        assert_eq!("01/07/2026".parse::<CivilDate>().unwrap(), date);
        assert_eq!(date.to_string(), "01/07/2026");
        assert_eq!(date.iso(), "2026-07-01");
        assert!("2026-02-29".parse::<CivilDate>().is_err());
        assert!("2024-02-29".parse::<CivilDate>().is_ok());
        assert!("2026-13-01".parse::<CivilDate>().is_err());
        assert!("yesterday".parse::<CivilDate>().is_err());
        assert_eq!(CivilDate::from_days_since_epoch(0).iso(), "1970-01-01");
        assert!(CivilDate::new(2026, 1, 1).unwrap() < date);
    }
}
