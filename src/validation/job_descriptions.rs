//! Job descriptions: competency levels stay within the frame's 1 to 5.

use super::{Place, Problem, ProblemKind};
use crate::model::Position;

/// The levels of the competency frame (ND 232/2026, Phụ lục IV, section VI).
const LEVELS: std::ops::RangeInclusive<u8> = 1..=5;

/// The job description of one position, the `index`th of the plan.
pub(super) fn check(index: usize, position: &Position, problems: &mut Vec<Problem>) {
    for competency in &position.job_description.competencies {
        if !LEVELS.contains(&competency.level) {
            problems.push(Problem {
                place: Place::Position {
                    index,
                    id: position.id.clone(),
                    field: "level",
                },
                kind: ProblemKind::LevelOutOfRange {
                    level: competency.level,
                },
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::model::{Competency, CompetencyGroup};
    use crate::validation::{ProblemKind, validate};

    #[test]
    fn competency_levels_are_one_to_five() {
        let mut plan = crate::plan_file::default_plan().expect("bundled plan");
        let competency = |level| Competency {
            group: CompetencyGroup::General,
            name: "Giao tiếp".into(),
            level,
            step: String::new(),
        };
        plan.positions[0].job_description.competencies = vec![competency(1), competency(5)];
        assert!(validate(&plan).is_empty());
        plan.positions[0]
            .job_description
            .competencies
            .extend([competency(0), competency(6)]);
        let kinds: Vec<ProblemKind> = validate(&plan).into_iter().map(|p| p.kind).collect();
        assert_eq!(
            kinds,
            [
                ProblemKind::LevelOutOfRange { level: 0 },
                ProblemKind::LevelOutOfRange { level: 6 }
            ]
        );
    }
}
