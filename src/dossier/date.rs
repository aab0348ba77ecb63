//! The date a dossier is made, shown dd/mm/yyyy.

use std::fmt;
use std::time::{SystemTime, UNIX_EPOCH};

/// A calendar date (day, month, year).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DossierDate {
    pub day: u8,
    pub month: u8,
    pub year: u16,
}

impl DossierDate {
    pub fn new(day: u8, month: u8, year: u16) -> Self {
        DossierDate { day, month, year }
    }

    /// Today's date (UTC): no time-zone database is needed for a date on a cover sheet.
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
        DossierDate {
            day: u8::try_from(day).unwrap_or(1),
            month: u8::try_from(month).unwrap_or(1),
            year: u16::try_from(year).unwrap_or(1970),
        }
    }
}

impl fmt::Display for DossierDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:02}/{:02}/{:04}", self.day, self.month, self.year)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_since_epoch_give_civil_dates() {
        assert_eq!(
            DossierDate::from_days_since_epoch(0).to_string(),
            "01/01/1970"
        );
        assert_eq!(
            DossierDate::from_days_since_epoch(11_016).to_string(),
            "29/02/2000"
        );
        assert_eq!(
            DossierDate::from_days_since_epoch(20_786).to_string(),
            "29/11/2026"
        );
    }
}
