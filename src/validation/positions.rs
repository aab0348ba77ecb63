//! Positions and their workload components: references, names, numbers, limits.

use super::bounds::{COEFFICIENT, MAX_HEADCOUNT, MINUTES, PERCENT, RATIO, STAFF, VOLUME};
use super::calendars::usable;
use super::ids::Ids;
use super::numbers::{check_count, check_within};
use super::support::support_share;
use super::{Place, Problem, ProblemKind};
use crate::model::{Calendar, ComponentKind, Method, Plan, Position, SupportAmount};

/// One position with its workload components, the `index`th of the plan; positions without a
/// calendar of their own work under `default_calendar`.
pub(super) fn check(
    plan: &Plan,
    index: usize,
    position: &Position,
    ids: &Ids<'_>,
    default_calendar: &Calendar,
    problems: &mut Vec<Problem>,
) {
    let at = |field| Place::Position {
        index,
        id: position.id.clone(),
        field,
    };
    if position.name.trim().is_empty() {
        problems.push(Problem {
            place: at("name"),
            kind: ProblemKind::EmptyName,
        });
    }
    if !ids.units.contains_key(position.unit_id.as_str()) {
        problems.push(Problem {
            place: at("unit_id"),
            kind: ProblemKind::MissingUnit {
                id: position.unit_id.clone(),
            },
        });
    }
    // Same resolution as `Plan::calendar_for`, through the index.
    let calendar = match &position.calendar {
        None => Some(default_calendar),
        Some(id) => {
            let found = ids
                .calendars
                .get(id.as_str())
                .and_then(|&i| plan.calendars.get(i));
            if found.is_none() {
                problems.push(Problem {
                    place: at("calendar"),
                    kind: ProblemKind::MissingCalendar { id: id.clone() },
                });
            }
            found
        }
    };
    let headcounts = [
        ("count", Some(position.count)),
        ("min", position.min),
        ("max", position.max),
        ("proposed", position.proposed.as_ref().map(|p| p.count)),
    ];
    for (field, value) in headcounts {
        if let Some(value) = value {
            check_count(value, 0, MAX_HEADCOUNT, || at(field), problems);
        }
    }
    if let (Some(min), Some(max)) = (position.min, position.max)
        && min > max
    {
        problems.push(Problem {
            place: at("min"),
            kind: ProblemKind::MinAboveMax { min, max },
        });
    }
    check_components(index, position, problems);
    // Fixed positions ignore their components, so support cannot break them.
    if position.method == Method::Workload {
        check_support_share(position, calendar, at, problems);
    }
}

fn check_components(position_index: usize, position: &Position, problems: &mut Vec<Problem>) {
    for (component_index, component) in position.components.iter().enumerate() {
        let at = |field| {
            move || Place::Component {
                position_index,
                component_index,
                position_id: position.id.clone(),
                component_id: component.id.clone(),
                field,
            }
        };
        if component.name.trim().is_empty() {
            problems.push(Problem {
                place: at("name")(),
                kind: ProblemKind::EmptyName,
            });
        }
        match component.kind {
            ComponentKind::Service {
                volume,
                minutes_per_item,
                coefficient,
            } => {
                check_within(volume, VOLUME, at("volume"), problems);
                check_within(minutes_per_item, MINUTES, at("minutes_per_item"), problems);
                check_within(coefficient, COEFFICIENT, at("coefficient"), problems);
            }
            ComponentKind::Support(SupportAmount::Percent(percent)) => {
                check_within(percent, PERCENT, at("percent"), problems);
            }
            ComponentKind::Support(SupportAmount::Time { minutes, .. }) => {
                check_within(minutes, MINUTES, at("minutes"), problems);
            }
            ComponentKind::Additional { minutes, staff, .. } => {
                check_within(minutes, MINUTES, at("minutes"), problems);
                check_within(staff, STAFF, at("staff"), problems);
            }
            ComponentKind::Norm { volume, ratio } => {
                check_within(volume, VOLUME, at("volume"), problems);
                check_within(ratio, RATIO, at("ratio"), problems);
            }
        }
    }
}

/// Support work must leave some working time: the engine divides by `1 - share`.
fn check_support_share(
    position: &Position,
    calendar: Option<&Calendar>,
    at: impl Fn(&'static str) -> Place,
    problems: &mut Vec<Problem>,
) {
    let has_support = position
        .components
        .iter()
        .any(|c| matches!(c.kind, ComponentKind::Support(_)));
    if !has_support {
        return;
    }
    // A missing or broken calendar is reported on its own; the share would mean nothing.
    let Some(calendar) = calendar.filter(|c| usable(c)) else {
        return;
    };
    let share = support_share(&position.components, calendar);
    // A non-finite share comes from a non-finite amount, which is reported already.
    if share.is_finite() && share >= 1.0 {
        problems.push(Problem {
            place: at("duties"),
            kind: ProblemKind::SupportTooLarge { share },
        });
    }
}
