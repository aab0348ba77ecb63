//! Calendars: their numbers, and that they leave some working time.

use super::bounds::{self, AVAILABLE_DAYS, AVAILABLE_HOURS, DAYS_OFF};
use super::numbers::check_within;
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
        let days_per_week = calendar.days_per_week;
        let mut fine = check_within(
            days_per_week,
            bounds::DAYS_PER_WEEK,
            at("days_per_week"),
            problems,
        );
        fine &= check_within(
            calendar.weeks_per_year,
            bounds::WEEKS_PER_YEAR,
            at("weeks_per_year"),
            problems,
        );
        let days_off = [
            ("public_holidays", calendar.public_holidays),
            ("annual_leave", calendar.annual_leave),
            ("sick_leave", calendar.sick_leave),
            ("other_leave", calendar.other_leave),
        ];
        for (field, days) in days_off {
            fine &= check_within(days, DAYS_OFF, at(field), problems);
        }
        fine &= check_within(
            calendar.hours_per_day,
            bounds::HOURS_PER_DAY,
            at("hours_per_day"),
            problems,
        );
        if let Some(hours) = calendar.available_hours {
            // Zero is "no working time" below, with the days it gives.
            if hours != 0.0 {
                fine &= check_within(hours, AVAILABLE_HOURS, at("available_hours"), problems);
            }
        }
        // Bad inputs are reported already; what they would give says nothing more.
        let days = calendar.available_days();
        let hours = calendar.available_hours();
        if fine && (days <= 0.0 || hours <= 0.0) {
            problems.push(Problem {
                place: at("available_hours")(),
                kind: ProblemKind::NoWorkingTime { days, hours },
            });
        } else if fine {
            // Each input is plausible; what they make together may still not fit in a year.
            let derived = [
                (hours, AVAILABLE_HOURS, false),
                (days, AVAILABLE_DAYS, true),
            ];
            if let Some(&(value, bounds, in_days)) =
                derived.iter().find(|(v, b, _)| !b.contains(*v))
            {
                problems.push(Problem {
                    place: at("available_hours")(),
                    kind: ProblemKind::AvailableTimeOutOfBounds {
                        value,
                        bounds,
                        in_days,
                    },
                });
            }
        }
    }
}

/// Whether time amounts can be converted with this calendar: every divisor is positive.
pub(super) fn usable(calendar: &Calendar) -> bool {
    bounds::HOURS_PER_DAY.contains(calendar.hours_per_day)
        && bounds::DAYS_PER_WEEK.contains(calendar.days_per_week)
        && AVAILABLE_HOURS.contains(calendar.available_hours())
}
