//! The accepted ranges of every number and text a plan holds: one home for each bound.
//!
//! Calendar bounds come from the calendar itself (a week has 7 days, a year 53 weeks and at
//! most 8,784 hours). Amounts of work have bounds no real plan reaches, chosen so that no
//! figure the engine derives can overflow: the largest service workload one component can
//! state is `VOLUME.max x MINUTES.max x COEFFICIENT.max / 60` = 1.7e17 hours, far inside an
//! `f64`, and the engine refuses any required FTE above [`MAX_REQUIRED_FTE`] before it turns
//! figures into whole people, so no integer wraps.

use std::fmt;

use crate::format::{en_number, vi_number};
use crate::language::Language;

/// A closed range of accepted values, or one open at its lower end (`(0, 1]`).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Bounds {
    pub min: f64,
    pub max: f64,
    /// The minimum itself is refused: values must be greater than it.
    pub min_exclusive: bool,
}

impl Bounds {
    /// `[min, max]`.
    pub const fn closed(min: f64, max: f64) -> Self {
        Bounds {
            min,
            max,
            min_exclusive: false,
        }
    }

    /// `(min, max]`.
    pub const fn above(min: f64, max: f64) -> Self {
        Bounds {
            min,
            max,
            min_exclusive: true,
        }
    }

    /// Whether `value` is finite and within the range.
    pub fn contains(self, value: f64) -> bool {
        let above_min = if self.min_exclusive {
            value > self.min
        } else {
            value >= self.min
        };
        value.is_finite() && above_min && value <= self.max
    }

    /// The range in words: "between 0 and 7", "greater than 0 and at most 1".
    pub fn describe(self, language: Language) -> String {
        let number = |value: f64| shown(value, language);
        let (min, max) = (number(self.min), number(self.max));
        match (language, self.min_exclusive) {
            (Language::English, false) => format!("between {min} and {max}"),
            (Language::English, true) => format!("greater than {min} and at most {max}"),
            (Language::Vietnamese, false) => format!("trong khoảng từ {min} đến {max}"),
            (Language::Vietnamese, true) => format!("lớn hơn {min} và không quá {max}"),
        }
    }
}

/// A value as a message shows it: grouped digits, or scientific notation when very large or
/// very small (`1e308`, `1e-320`), so that a mistyped number stays readable.
pub fn shown(value: f64, language: Language) -> String {
    let magnitude = value.abs();
    if !value.is_finite() || (magnitude != 0.0 && !(1e-6..1e15).contains(&magnitude)) {
        return format!("{value:e}");
    }
    match language {
        Language::Vietnamese => vi_number(value, 6),
        Language::English => en_number(value, 6),
    }
}

impl fmt::Display for Bounds {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.describe(Language::English))
    }
}

/// Working days a week.
pub const DAYS_PER_WEEK: Bounds = Bounds::above(0.0, 7.0);
/// Working weeks a year.
pub const WEEKS_PER_YEAR: Bounds = Bounds::closed(0.0, 53.0);
/// Working hours a day.
pub const HOURS_PER_DAY: Bounds = Bounds::above(0.0, 24.0);
/// Public holidays, and each kind of leave, in days a year.
pub const DAYS_OFF: Bounds = Bounds::closed(0.0, 366.0);
/// Available working hours a year, fixed by policy or computed: at least one hour, at most
/// every hour of a leap year.
pub const AVAILABLE_HOURS: Bounds = Bounds::closed(1.0, 8_784.0);
/// Available working days a year (computed, or a fixed yearly figure over the hours of a day).
pub const AVAILABLE_DAYS: Bounds = Bounds::above(0.0, 366.0);
/// A person's share of a full-time post.
pub const FTE: Bounds = Bounds::above(0.0, 1.0);
/// The plan's year, and the years of its dates.
pub const YEAR: Bounds = Bounds::closed(1_900.0, 2_200.0);
/// Items of work a year (a service or norm component's volume).
pub const VOLUME: Bounds = Bounds::closed(0.0, 1e9);
/// Minutes of work: per item of a service, or per period of support or additional work.
pub const MINUTES: Bounds = Bounds::closed(0.0, 1e7);
/// A service component's complexity coefficient.
pub const COEFFICIENT: Bounds = Bounds::closed(0.0, 1e3);
/// Staff per item of a norm component.
pub const RATIO: Bounds = Bounds::closed(0.0, 1e3);
/// Support work as a share of working time, in percent.
pub const PERCENT: Bounds = Bounds::closed(0.0, 100.0);
/// People sharing an additional duty.
pub const STAFF: Bounds = Bounds::closed(0.0, 1e6);
/// A unit's norm drivers measured in amounts (km², shelf metres, MB, hours).
pub const DRIVER: Bounds = Bounds::closed(0.0, 1e12);
/// Headcounts stated by hand: a position's count, min and max, a unit's quota, a proposal and
/// an appraised figure.
pub const MAX_HEADCOUNT: u32 = 1_000_000;
/// The largest required FTE the engine turns into whole people for one position; a larger one
/// is an error naming the position rather than a figure.
pub const MAX_REQUIRED_FTE: f64 = 1e9;
/// Characters of one text field: an Excel cell's limit, so every plan exports.
pub const MAX_TEXT_CHARS: usize = 32_767;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bounds_accept_their_ends_and_refuse_beyond() {
        assert!(DAYS_PER_WEEK.contains(7.0));
        assert!(!DAYS_PER_WEEK.contains(7.000_001));
        assert!(!DAYS_PER_WEEK.contains(0.0), "the minimum is open");
        assert!(DAYS_PER_WEEK.contains(0.5));
        assert!(WEEKS_PER_YEAR.contains(0.0));
        assert!(!WEEKS_PER_YEAR.contains(-0.1));
        assert!(!VOLUME.contains(f64::NAN));
        assert!(!VOLUME.contains(f64::INFINITY));
    }

    #[test]
    fn extreme_values_show_in_scientific_notation() {
        assert_eq!(shown(1e308, Language::English), "1e308");
        assert_eq!(shown(1e-320, Language::English), "1e-320");
        assert_eq!(shown(11_425.5, Language::Vietnamese), "11.425,5");
        assert_eq!(shown(-1.0, Language::English), "−1");
    }

    #[test]
    fn ranges_read_in_both_languages() {
        assert_eq!(FTE.to_string(), "greater than 0 and at most 1");
        assert_eq!(
            AVAILABLE_HOURS.describe(Language::Vietnamese),
            "trong khoảng từ 1 đến 8.784"
        );
        assert_eq!(
            AVAILABLE_HOURS.describe(Language::English),
            "between 1 and 8,784"
        );
    }
}
