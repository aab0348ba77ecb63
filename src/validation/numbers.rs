//! Numbers entered by users: amounts of time, volumes and ratios are never negative and
//! always finite.

use super::{Place, Problem, ProblemKind};

/// Reports `value` when it is negative or not finite; true when it is fine.
pub(super) fn check_amount(
    value: f64,
    place: impl FnOnce() -> Place,
    problems: &mut Vec<Problem>,
) -> bool {
    let kind = if !value.is_finite() {
        ProblemKind::NotFinite { value }
    } else if value < 0.0 {
        ProblemKind::Negative { value }
    } else {
        return true;
    };
    problems.push(Problem {
        place: place(),
        kind,
    });
    false
}

/// As [`check_amount`], and zero is refused too: the value divides later.
pub(super) fn check_divisor(
    value: f64,
    place: impl FnOnce() -> Place,
    problems: &mut Vec<Problem>,
) -> bool {
    if value == 0.0 {
        problems.push(Problem {
            place: place(),
            kind: ProblemKind::Zero,
        });
        return false;
    }
    check_amount(value, place, problems)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn place() -> Place {
        Place::Meta { field: "x" }
    }

    #[test]
    fn zero_is_an_amount_but_not_a_divisor() {
        let mut problems = Vec::new();
        assert!(check_amount(0.0, place, &mut problems));
        assert!(check_amount(-0.0, place, &mut problems));
        assert!(problems.is_empty());
        assert!(!check_divisor(0.0, place, &mut problems));
        assert_eq!(problems[0].kind, ProblemKind::Zero);
    }

    #[test]
    fn a_bad_divisor_is_reported_once() {
        let mut problems = Vec::new();
        assert!(!check_divisor(-1.0, place, &mut problems));
        assert!(!check_divisor(f64::NEG_INFINITY, place, &mut problems));
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
