//! The attributes the rules read: school zones, commune classes, norm drivers, career steps
//! and leader roles.

use std::collections::HashSet;

use super::bounds::{DRIVER, MAX_HEADCOUNT};
use super::ids::Ids;
use super::numbers::{check_count, check_within};
use super::{Place, Problem, ProblemKind};
use crate::model::{Category, Plan, Position, Unit};

/// One unit's school zone, commune class, norm drivers and quota.
pub(super) fn check_unit(index: usize, unit: &Unit, problems: &mut Vec<Problem>) {
    let at = |field| Place::Unit {
        index,
        id: unit.id.clone(),
        field,
    };
    let classes = [
        ("school_zone", unit.school_zone),
        ("commune_class", unit.drivers.commune_class),
    ];
    for (field, value) in classes {
        if let Some(value) = value {
            check_range(u32::from(value), 1, 3, at(field), problems);
        }
    }
    let amounts = [
        ("area_km2", unit.drivers.area_km2),
        ("shelf_metres", unit.drivers.shelf_metres),
        ("electronic_mb", unit.drivers.electronic_mb),
        ("audio_visual_hours", unit.drivers.audio_visual_hours),
    ];
    for (field, value) in amounts {
        if let Some(value) = value {
            check_within(value, DRIVER, || at(field), problems);
        }
    }
    if let Some(quota) = unit.quota {
        check_count(quota, 0, MAX_HEADCOUNT, || at("quota"), problems);
    }
}

/// One position's leader role and career steps.
pub(super) fn check_position(index: usize, position: &Position, problems: &mut Vec<Problem>) {
    let at = |field| Place::Position {
        index,
        id: position.id.clone(),
        field,
    };
    if position.role.is_some() && position.category != Category::Leadership {
        problems.push(Problem {
            place: at("role"),
            kind: ProblemKind::RoleOutsideLeadership,
        });
    }
    let mut seen = HashSet::new();
    for step in &position.steps {
        check_range(u32::from(step.step), 1, 5, at("steps"), problems);
        if !seen.insert(step.step) {
            problems.push(Problem {
                place: at("steps"),
                kind: ProblemKind::DuplicateStep { step: step.step },
            });
        }
    }
}

/// Appraisal lines name positions of the plan, each at most once. `lines` are the indices of
/// the lines to check, ascending; the lines naming one position are all checked or none.
pub(super) fn check_review(
    plan: &Plan,
    lines: impl Iterator<Item = usize>,
    ids: &Ids<'_>,
    problems: &mut Vec<Problem>,
) {
    let Some(review) = &plan.review else {
        return;
    };
    let mut seen = HashSet::new();
    for index in lines {
        let Some(line) = review.lines.get(index) else {
            continue;
        };
        if let Some(appraised) = line.appraised {
            let at = || Place::Appraisal {
                index,
                position_id: line.position_id.clone(),
                field: "appraised",
            };
            check_count(appraised, 0, MAX_HEADCOUNT, at, problems);
        }
        let place = Place::Appraisal {
            index,
            position_id: line.position_id.clone(),
            field: "position_id",
        };
        if !ids.positions.contains_key(line.position_id.as_str()) {
            problems.push(Problem {
                place,
                kind: ProblemKind::MissingPosition {
                    id: line.position_id.clone(),
                },
            });
        } else if !seen.insert(line.position_id.as_str()) {
            problems.push(Problem {
                place,
                kind: ProblemKind::DuplicateAppraisal {
                    position_id: line.position_id.clone(),
                },
            });
        }
    }
}

fn check_range(value: u32, min: u32, max: u32, place: Place, problems: &mut Vec<Problem>) {
    if !(min..=max).contains(&value) {
        problems.push(Problem {
            place,
            kind: ProblemKind::OutOfRange { value, min, max },
        });
    }
}
