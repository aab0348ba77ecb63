//! Calendars: their numbers, and that they leave some working time.

use super::numbers::{check_amount, check_divisor};
use super::{Place, Problem, ProblemKind};
use crate::model::Calendar;

pub(super) fn check(calendars: &[Calendar], problems: &mut Vec<Problem>) {
    for (index, calendar) in calendars.iter().enumerate() {
        let at = |field| {
            move || Place::Calendar {
                index,
                id: calendar.id.clone(),
                field,
            }
        };
        // `&=` runs every check, so that every bad field is reported.
        let mut fine = check_divisor(calendar.days_per_week, at("days_per_week"), problems);
        fine &= check_amount(calendar.weeks_per_year, at("weeks_per_year"), problems);
        fine &= check_amount(calendar.public_holidays, at("public_holidays"), problems);
        fine &= check_amount(calendar.annual_leave, at("annual_leave"), problems);
        fine &= check_amount(calendar.sick_leave, at("sick_leave"), problems);
        fine &= check_amount(calendar.other_leave, at("other_leave"), problems);
        fine &= check_divisor(calendar.hours_per_day, at("hours_per_day"), problems);
        if let Some(hours) = calendar.available_hours {
            fine &= check_amount(hours, at("available_hours"), problems);
        }
        // Bad inputs are reported already; what they would give says nothing more.
        let days = calendar.available_days();
        let hours = calendar.available_hours();
        if fine && (days <= 0.0 || hours <= 0.0) {
            problems.push(Problem {
                place: at("available_hours")(),
                kind: ProblemKind::NoWorkingTime { days, hours },
            });
        }
    }
}

/// Whether time amounts can be converted with this calendar: every divisor is positive.
pub(super) fn usable(calendar: &Calendar) -> bool {
    let positive = |value: f64| value.is_finite() && value > 0.0;
    positive(calendar.hours_per_day)
        && positive(calendar.days_per_week)
        && positive(calendar.available_hours())
}
