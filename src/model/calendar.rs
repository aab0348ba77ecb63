//! Working calendars: how many hours one person can actually work in a year (AWT).

use serde::{Deserialize, Serialize};

/// A working calendar. Different staff groups may work under different calendars
/// (doctors' leave differs from clerks'), so a plan can hold several.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Calendar {
    pub id: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub name: String,
    pub days_per_week: f64,
    pub weeks_per_year: f64,
    pub public_holidays: f64,
    pub annual_leave: f64,
    #[serde(default)]
    pub sick_leave: f64,
    #[serde(default)]
    pub other_leave: f64,
    pub hours_per_day: f64,
    /// A fixed available-hours figure set by policy (e.g. 1,200 h), replacing the computed one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub available_hours: Option<f64>,
}

impl Calendar {
    /// Id of the built-in Vietnamese default calendar.
    pub const DEFAULT_ID: &'static str = "mac-dinh";

    /// The Vietnamese default: 5 days a week, 52 weeks, 11 public holidays (Labour Code 2019
    /// Art. 112), 12 days of annual leave (Art. 113), 8 hours a day: 237 days, 1,896 hours.
    pub fn vietnamese_default() -> Self {
        Calendar {
            id: Self::DEFAULT_ID.to_owned(),
            name: "Lịch làm việc mặc định (Bộ luật Lao động 2019)".to_owned(),
            days_per_week: 5.0,
            weeks_per_year: 52.0,
            public_holidays: 11.0,
            annual_leave: 12.0,
            sick_leave: 0.0,
            other_leave: 0.0,
            hours_per_day: 8.0,
            available_hours: None,
        }
    }

    /// Working days counted from the week: days a week x weeks, less holidays and leave.
    pub fn counted_days(&self) -> f64 {
        self.days_per_week * self.weeks_per_year
            - (self.public_holidays + self.annual_leave + self.sick_leave + self.other_leave)
    }

    /// Available working days per year: with a fixed yearly figure, that figure over the
    /// hours of a day (so that days and hours agree: 1,200 h at 7.5 h a day is 160 days);
    /// else the counted days. Work per day or week is turned into hours with these days.
    pub fn available_days(&self) -> f64 {
        match self.available_hours {
            Some(hours) => hours / self.hours_per_day,
            None => self.counted_days(),
        }
    }

    /// Available working hours per year: the override when set, else days x hours per day.
    pub fn available_hours(&self) -> f64 {
        self.available_hours
            .unwrap_or_else(|| self.available_days() * self.hours_per_day)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vietnamese_default_gives_237_days_and_1896_hours() {
        let cal = Calendar::vietnamese_default();
        assert_eq!(cal.available_days(), 237.0);
        assert_eq!(cal.available_hours(), 1896.0);
    }

    #[test]
    fn override_replaces_computed_hours() {
        let cal = Calendar {
            available_hours: Some(1200.0),
            ..Calendar::vietnamese_default()
        };
        assert_eq!(cal.available_hours(), 1200.0);
        assert_eq!(cal.available_days(), 150.0, "1,200 h / 8 h a day");
        assert_eq!(cal.counted_days(), 237.0);
    }
}
