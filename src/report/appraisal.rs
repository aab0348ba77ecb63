//! The appraisal table (hiện có / đề xuất / thẩm định): the positions of a plan, or of one
//! unit's subtree, grouped under their units in tree order, each with the staff it has, the
//! agency's proposal and the reviewer's figure, decision and comment, and the two differences;
//! with sums per unit (its own positions) and a total.
//!
//! The app's Thẩm định tab, `vtvl compute` and the dossier's Thẩm định sheet all show this
//! table. Every figure is the engine's ([`crate::engine::compute`]): the proposal is the
//! agency's count or else the computed one, and a line agreed without a figure takes the
//! proposal, a line rejected without one takes 0. A sum is appraised only when some line under
//! it is, and its appraised figure is set against the proposal of its appraised lines alone, so
//! that lines not yet appraised do not show as cuts.

use std::collections::HashMap;

use crate::engine::{EngineError, PlanResults, PositionResult, UnitTree, unit_index};
use crate::model::{Appraisal, Decision, Plan, Position, Review, Unit};

/// Why the table could not be made.
#[derive(Debug, thiserror::Error)]
pub enum AppraisalTableError {
    #[error("no unit \"{0}\" in the plan")]
    UnknownUnit(String),
    #[error(transparent)]
    Engine(#[from] EngineError),
}

/// The three figures of a line or a sum, and their differences.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Comparison {
    /// Staff in post (hiện có), in full-time equivalents.
    pub current: f64,
    /// The agency's proposal (đề xuất).
    pub proposed: i64,
    /// The reviewer's figure (thẩm định); `None` when nothing here is appraised.
    pub appraised: Option<i64>,
    /// The proposal of the appraised lines alone: what `appraised` is set against.
    pub proposed_appraised: i64,
    /// How many positions this sums, and how many of them are appraised.
    pub lines: usize,
    pub appraised_lines: usize,
}

impl Comparison {
    /// The figures of one position.
    pub fn line(current: f64, proposed: i64, appraised: Option<i64>) -> Self {
        Comparison {
            current,
            proposed,
            appraised,
            proposed_appraised: if appraised.is_some() { proposed } else { 0 },
            lines: 1,
            appraised_lines: usize::from(appraised.is_some()),
        }
    }

    /// Đề xuất - hiện có: how many more people the agency asks for than it has.
    pub fn proposed_change(&self) -> f64 {
        self.proposed as f64 - self.current
    }

    /// Thẩm định - đề xuất over the appraised lines: how far the reviewer moves from the
    /// proposal (the sum of the lines' differences).
    pub fn appraised_change(&self) -> Option<i64> {
        self.appraised.map(|a| a - self.proposed_appraised)
    }

    /// Whether some but not all lines summed here are appraised.
    pub fn is_partly_appraised(&self) -> bool {
        self.appraised_lines > 0 && self.appraised_lines < self.lines
    }

    pub fn add(&mut self, other: Comparison) {
        self.current += other.current;
        self.proposed += other.proposed;
        self.appraised = match (self.appraised, other.appraised) {
            (None, None) => None,
            (a, b) => Some(a.unwrap_or(0) + b.unwrap_or(0)),
        };
        self.proposed_appraised += other.proposed_appraised;
        self.lines += other.lines;
        self.appraised_lines += other.appraised_lines;
    }
}

/// One position of the table.
#[derive(Debug, Clone)]
pub struct AppraisalLine<'a> {
    pub position: &'a Position,
    pub result: &'a PositionResult,
    /// The reviewer's line for the position, if there is one.
    pub appraisal: Option<&'a Appraisal>,
    pub figures: Comparison,
}

impl AppraisalLine<'_> {
    /// Why the agency proposes its count (empty when it gives no reason).
    pub fn reason(&self) -> &str {
        self.position
            .proposed
            .as_ref()
            .map_or("", |p| p.reason.as_str())
    }

    pub fn decision(&self) -> Option<Decision> {
        self.appraisal.and_then(|a| a.decision)
    }

    pub fn comment(&self) -> &str {
        self.appraisal.map_or("", |a| a.comment.as_str())
    }

    /// Whether the reviewer wrote the figure (rather than it following from the decision).
    pub fn figure_written(&self) -> bool {
        self.appraisal.is_some_and(|a| a.appraised.is_some())
    }
}

/// A unit with its own positions (not its sub-units') and their sums.
#[derive(Debug, Clone)]
pub struct AppraisalGroup<'a> {
    pub unit: &'a Unit,
    /// How deep the unit sits below the table's top (0 for the top).
    pub depth: usize,
    pub lines: Vec<AppraisalLine<'a>>,
    pub sums: Comparison,
}

/// The whole table.
#[derive(Debug, Clone)]
pub struct AppraisalTable<'a> {
    /// Units holding positions, parents before their sub-units.
    pub groups: Vec<AppraisalGroup<'a>>,
    pub total: Comparison,
    /// How many lines the reviewer has given a figure, a decision or a comment.
    pub reviewed_lines: usize,
    pub line_count: usize,
}

/// The table of the subtree of `unit_id`, or of the whole plan when `None`.
///
/// `results` must come from [`crate::engine::compute`] on `plan`; positions missing from them
/// are left out.
pub fn appraisal_table<'a>(
    plan: &'a Plan,
    results: &'a PlanResults,
    unit_id: Option<&str>,
) -> Result<AppraisalTable<'a>, AppraisalTableError> {
    let tree = UnitTree::build(&plan.units)?;
    let order = match unit_id {
        Some(id) => {
            let root = plan
                .units
                .iter()
                .position(|u| u.id == id)
                .ok_or_else(|| AppraisalTableError::UnknownUnit(id.to_owned()))?;
            tree.subtree_with_depth(root)
        }
        None => tree.with_depth(),
    };
    let by_id: HashMap<&str, &PositionResult> = results
        .positions
        .iter()
        .map(|r| (r.id.as_str(), r))
        .collect();
    let mut by_unit: HashMap<&str, Vec<&Position>> = HashMap::new();
    for position in &plan.positions {
        by_unit
            .entry(position.unit_id.as_str())
            .or_default()
            .push(position);
    }
    let appraisals = plan
        .review
        .as_ref()
        .map(Review::by_position)
        .unwrap_or_default();
    let mut table = AppraisalTable {
        groups: Vec::new(),
        total: Comparison::default(),
        reviewed_lines: 0,
        line_count: 0,
    };
    for (index, depth) in order {
        let Some(unit) = plan.units.get(index) else {
            continue;
        };
        let lines: Vec<AppraisalLine<'a>> = by_unit
            .get(unit.id.as_str())
            .into_iter()
            .flatten()
            .filter_map(|&position| {
                let result = *by_id.get(position.id.as_str())?;
                Some(AppraisalLine {
                    position,
                    result,
                    appraisal: appraisals.get(position.id.as_str()).copied(),
                    figures: Comparison::line(result.current, result.proposed, result.appraised),
                })
            })
            .collect();
        if lines.is_empty() {
            continue;
        }
        let mut sums = Comparison::default();
        for line in &lines {
            sums.add(line.figures);
        }
        table.total.add(sums);
        table.line_count += lines.len();
        table.reviewed_lines += lines.iter().filter(|l| l.appraisal.is_some()).count();
        table.groups.push(AppraisalGroup {
            unit,
            depth,
            lines,
            sums,
        });
    }
    Ok(table)
}

/// Each unit's whole subtree (the unit and every unit below it), in the plan's unit order, as
/// `vtvl compute` lists units.
///
/// `results` must come from [`crate::engine::compute`] on `plan`; the sums are its roll-ups.
pub fn subtree_comparisons(
    plan: &Plan,
    results: &PlanResults,
) -> Result<Vec<Comparison>, AppraisalTableError> {
    let tree = UnitTree::build(&plan.units)?;
    let index = unit_index(&plan.units);
    let mut sums = vec![Comparison::default(); plan.units.len()];
    for result in &results.positions {
        let line = Comparison::line(result.current, result.proposed, result.appraised);
        let Some(&unit) = index.get(result.unit_id.as_str()) else {
            continue;
        };
        for ancestor in tree.ancestors_or_self(unit) {
            if let Some(sum) = sums.get_mut(ancestor) {
                sum.add(line);
            }
        }
    }
    Ok(sums)
}

impl crate::language::Localized for AppraisalTableError {
    fn message(&self, language: crate::language::Language) -> String {
        match self {
            AppraisalTableError::UnknownUnit(id) => match language {
                crate::language::Language::Vietnamese => format!("đề án không có đơn vị \"{id}\""),
                crate::language::Language::English => self.to_string(),
            },
            AppraisalTableError::Engine(error) => {
                crate::language::Localized::message(error, language)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine;
    use crate::model::{Proposal, Review};

    fn plan() -> Plan {
        let mut plan = Plan {
            units: vec![
                Unit::new("root", None, "Sở"),
                Unit::new("a", Some("root".to_owned()), "Phòng A"),
                Unit::new("b", Some("a".to_owned()), "Tổ B"),
                Unit::new("c", Some("root".to_owned()), "Phòng C"),
            ],
            positions: vec![
                fixed("p-root", "root", 1),
                fixed("p-b", "b", 2),
                fixed("p-c1", "c", 3),
                fixed("p-c2", "c", 1),
            ],
            ..Plan::default()
        };
        plan.positions[2].proposed = Some(Proposal {
            count: 5,
            reason: "Thêm nhiệm vụ".into(),
        });
        plan
    }

    fn fixed(id: &str, unit: &str, count: u32) -> Position {
        let mut position = Position::new(id, unit, id.to_uppercase());
        position.method = crate::model::Method::Fixed;
        position.count = count;
        position
    }

    fn line(id: &str, appraised: Option<u32>, decision: Option<Decision>) -> Appraisal {
        Appraisal {
            appraised,
            decision,
            comment: format!("ý kiến {id}"),
            ..Appraisal::new(id)
        }
    }

    #[test]
    fn groups_follow_the_tree_and_sums_are_appraised_only_when_a_line_is() {
        let mut plan = plan();
        plan.review = Some(Review {
            lines: vec![
                line("p-c1", Some(4), Some(Decision::Adjust)),
                line("p-c2", None, Some(Decision::Agree)),
            ],
            ..Review::default()
        });
        let results = engine::compute(&plan).unwrap();
        let table = appraisal_table(&plan, &results, None).unwrap();
        let units: Vec<(&str, usize)> = table
            .groups
            .iter()
            .map(|g| (g.unit.id.as_str(), g.depth))
            .collect();
        // Phòng A holds no position of its own: it is left out, its sub-unit is not.
        assert_eq!(units, [("root", 0), ("b", 2), ("c", 1)]);
        let c = &table.groups[2];
        assert_eq!(c.lines[0].reason(), "Thêm nhiệm vụ");
        assert_eq!(c.lines[0].figures.appraised_change(), Some(4 - 5));
        assert!(c.lines[0].figure_written());
        // Agreed without a figure: the proposal (the computed 1).
        assert_eq!(c.lines[1].figures.appraised, Some(1));
        assert!(!c.lines[1].figure_written());
        assert_eq!(c.lines[1].comment(), "ý kiến p-c2");
        assert_eq!(c.sums.proposed, 6);
        assert_eq!(c.sums.appraised, Some(5));
        assert_eq!(table.groups[1].sums.appraised, None);
        assert_eq!(
            (
                table.total.current,
                table.total.proposed,
                table.total.appraised
            ),
            (0.0, 1 + 2 + 5 + 1, Some(5))
        );
        assert_eq!(table.total.proposed_change(), 9.0);
        // Against the proposal of the two appraised lines (5 + 1), not of all four.
        assert_eq!(table.total.appraised_change(), Some(5 - 6));
        assert!(table.total.is_partly_appraised());
        assert!(!c.sums.is_partly_appraised());
        assert_eq!((table.reviewed_lines, table.line_count), (2, 4));
        assert_eq!(table.total.appraised, results.total.appraised);

        // Whole subtrees: the engine's roll-ups, with the same differences.
        let subtrees = subtree_comparisons(&plan, &results).unwrap();
        for (sum, unit) in subtrees.iter().zip(&results.units) {
            assert_eq!(
                (sum.proposed, sum.appraised),
                (unit.proposed, unit.appraised)
            );
        }
        assert_eq!(subtrees[0].appraised_change(), Some(-1));
        assert_eq!(subtrees[1].lines, 1, "Phòng A holds Tổ B's position");
        assert_eq!(subtrees[1].appraised_change(), None);
    }

    #[test]
    fn a_subtree_starts_at_depth_0_and_an_unknown_unit_is_an_error() {
        let plan = plan();
        let results = engine::compute(&plan).unwrap();
        let table = appraisal_table(&plan, &results, Some("a")).unwrap();
        assert_eq!(table.groups.len(), 1);
        assert_eq!(
            (table.groups[0].unit.id.as_str(), table.groups[0].depth),
            ("b", 1)
        );
        assert_eq!(table.total.appraised, None);
        assert_eq!(table.total.appraised_change(), None);
        assert!(matches!(
            appraisal_table(&plan, &results, Some("zz")),
            Err(AppraisalTableError::UnknownUnit(_))
        ));
    }
}
