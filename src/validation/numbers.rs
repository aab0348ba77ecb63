//! Numbers entered by users: amounts of time, volumes and ratios are never negative, always
//! finite, and within the plausible ranges of [`super::bounds`].

use super::bounds::Bounds;
use super::{Place, Problem, ProblemKind};

/// Reports `value` when it is outside `bounds`: not finite, negative, zero where the minimum
/// is an open zero, or else out of the range; true when it is fine.
pub(super) fn check_within(
    value: f64,
    bounds: Bounds,
    place: impl FnOnce() -> Place,
    problems: &mut Vec<Problem>,
) -> bool {
    if bounds.contains(value) {
        return true;
    }
    let kind = if !value.is_finite() {
        ProblemKind::NotFinite { value }
    } else if value < 0.0 && bounds.min == 0.0 {
        ProblemKind::Negative { value }
    } else if value == 0.0 && bounds.min == 0.0 && bounds.min_exclusive {
        ProblemKind::Zero
    } else {
        ProblemKind::OutOfBounds { value, bounds }
    };
    problems.push(Problem {
        place: place(),
        kind,
    });
    false
}

/// Reports a whole number outside `min..=max`; true when it is fine.
pub(super) fn check_count(
    value: u32,
    min: u32,
    max: u32,
    place: impl FnOnce() -> Place,
    problems: &mut Vec<Problem>,
) -> bool {
    if (min..=max).contains(&value) {
        return true;
    }
    problems.push(Problem {
        place: place(),
        kind: ProblemKind::OutOfRange { value, min, max },
    });
    false
}

#[cfg(test)]
mod tests {
    use super::*;

    fn place() -> Place {
        Place::Meta { field: "x" }
    }

    #[test]
    fn zero_is_refused_only_where_the_minimum_is_open() {
        use crate::validation::bounds::{HOURS_PER_DAY, VOLUME};
        let mut problems = Vec::new();
        assert!(check_within(0.0, VOLUME, place, &mut problems));
        assert!(check_within(-0.0, VOLUME, place, &mut problems));
        assert!(problems.is_empty());
        assert!(!check_within(0.0, HOURS_PER_DAY, place, &mut problems));
        assert_eq!(problems[0].kind, ProblemKind::Zero);
    }

    #[test]
    fn a_value_beyond_its_range_names_the_range() {
        use crate::validation::bounds::{DAYS_PER_WEEK, FTE};
        let mut problems = Vec::new();
        assert!(check_within(1.0, FTE, place, &mut problems));
        assert!(!check_within(50.0, FTE, place, &mut problems));
        assert!(!check_within(0.0, FTE, place, &mut problems));
        assert!(!check_within(8.0, DAYS_PER_WEEK, place, &mut problems));
        let kinds: Vec<_> = problems.into_iter().map(|p| p.kind).collect();
        assert_eq!(
            kinds,
            [
                ProblemKind::OutOfBounds {
                    value: 50.0,
                    bounds: FTE
                },
                ProblemKind::Zero,
                ProblemKind::OutOfBounds {
                    value: 8.0,
                    bounds: DAYS_PER_WEEK
                },
            ]
        );
    }

    #[test]
    fn a_bad_divisor_is_reported_once() {
        let mut problems = Vec::new();
        let hours = crate::validation::bounds::HOURS_PER_DAY;
        assert!(!check_within(-1.0, hours, place, &mut problems));
        assert!(!check_within(
            f64::NEG_INFINITY,
            hours,
            place,
            &mut problems
        ));
        let kinds: Vec<_> = problems.into_iter().map(|p| p.kind).collect();
        assert_eq!(
            kinds,
            [
                ProblemKind::Negative { value: -1.0 },
                ProblemKind::NotFinite {
                    value: f64::NEG_INFINITY
                }
            ]
        );
    }
}
