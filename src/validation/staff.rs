//! The staff roster: each person's unit and position exist and agree.

use super::bounds::FTE;
use super::ids::Ids;
use super::numbers::check_within;
use super::{Place, Problem, ProblemKind};
use crate::model::{CivilDate, Plan, StaffMember};

/// One staff member, the `index`th of the plan.
pub(super) fn check(
    plan: &Plan,
    index: usize,
    member: &StaffMember,
    ids: &Ids<'_>,
    problems: &mut Vec<Problem>,
) {
    let at = |field| Place::Staff {
        index,
        id: member.id.clone(),
        field,
    };
    let unit_exists = ids.units.contains_key(member.unit_id.as_str());
    if !unit_exists {
        problems.push(Problem {
            place: at("unit_id"),
            kind: ProblemKind::MissingUnit {
                id: member.unit_id.clone(),
            },
        });
    }
    if let Some(position_id) = &member.position_id {
        match ids
            .positions
            .get(position_id.as_str())
            .and_then(|&i| plan.positions.get(i))
        {
            None => problems.push(Problem {
                place: at("position_id"),
                kind: ProblemKind::MissingPosition {
                    id: position_id.clone(),
                },
            }),
            Some(position) => {
                // With the unit itself missing, the mismatch adds nothing.
                if unit_exists && position.unit_id != member.unit_id {
                    problems.push(Problem {
                        place: at("position_id"),
                        kind: ProblemKind::PositionOfOtherUnit {
                            position_id: position_id.clone(),
                            position_unit_id: position.unit_id.clone(),
                            unit_id: member.unit_id.clone(),
                        },
                    });
                }
            }
        }
    }
    check_within(member.fte, FTE, || at("fte"), problems);
    if let (Some(retires_on), Some(born)) = (member.retires_on, member.birth_date) {
        let born_on = born.counted_from();
        let working_age = CivilDate {
            year: born_on.year.saturating_add(15),
            ..born_on
        };
        if retires_on < working_age {
            problems.push(Problem {
                place: at("retires_on"),
                kind: ProblemKind::RetiresBeforeWorkingAge {
                    retires_on: retires_on.to_string(),
                    born: born.to_string(),
                },
            });
        }
    }
}
