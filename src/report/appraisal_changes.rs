//! Appraisal lines whose proposal changed after the reviewer recorded them: for each, the
//! position, what the appraisal saw ([`SeenProposal`]) and what the plan says now.
//!
//! The app's Thẩm định tab, `vtvl compute` and the dossier's Thẩm định sheet name these lines,
//! so that neither side reads an appraisal against a proposal it was not made on. A line with
//! nothing seen (a comment alone, or a file written before lines kept it) is not listed.

use serde::{Deserialize, Serialize};

use crate::engine::{PlanResults, PositionResult};
use crate::format::{en_number, vi_number};
use crate::language::Language;
use crate::model::{Plan, Position, ProposalChange, SeenProposal};

/// One appraisal line whose proposal changed.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ChangedLine {
    pub position_id: String,
    /// The position's name now.
    pub name: String,
    /// The proposal as the appraisal saw it.
    pub seen: SeenProposal,
    /// The proposal as the plan says now.
    pub now: SeenProposal,
    /// What differs, in the order of [`ProposalChange`].
    pub changes: Vec<ProposalChange>,
    /// The units' names, as seen and now (their ids when the unit is gone).
    #[serde(skip)]
    unit_names: (String, String),
}

/// The proposal of a position as a reviewer sees it now: its figures from the engine's
/// `result` for it, its rank and unit from the plan.
pub fn seen_proposal(position: &Position, result: &PositionResult) -> SeenProposal {
    SeenProposal {
        proposed: result.proposed,
        required: result.required,
        current: result.current,
        rank_code: position.rank_code.clone(),
        unit_id: position.unit_id.clone(),
    }
}

/// The appraisal lines of `plan` whose proposal differs now from what they saw, in the order
/// of the review. `results` must come from [`crate::engine::compute`] on `plan`; a position
/// missing from them is left out.
pub fn changed_since_appraisal(plan: &Plan, results: &PlanResults) -> Vec<ChangedLine> {
    changed_lines(&watched_lines(plan), results)
}

/// An appraisal line that recorded what it saw, with what the plan says now of its position
/// apart from the engine's figures: with the results, enough to tell whether its proposal
/// changed (kept with a large plan's frames, which have no plan to ask).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct WatchedLine {
    position_id: String,
    name: String,
    seen: SeenProposal,
    rank_code: String,
    unit_id: String,
    unit_names: (String, String),
}

/// The lines of the plan's review that recorded what they saw, in the order of the review; a
/// line whose position is gone is left out.
pub fn watched_lines(plan: &Plan) -> Vec<WatchedLine> {
    let Some(review) = &plan.review else {
        return Vec::new();
    };
    let index = plan.index();
    let unit_name = |id: &str| index.unit(id).map_or(id, |u| u.name.as_str()).to_owned();
    review
        .lines
        .iter()
        .filter_map(|line| {
            let seen = line.seen.as_ref()?;
            let position = index.position(&line.position_id)?;
            Some(WatchedLine {
                position_id: position.id.clone(),
                name: position.name.clone(),
                seen: seen.clone(),
                rank_code: position.rank_code.clone(),
                unit_id: position.unit_id.clone(),
                unit_names: (unit_name(&seen.unit_id), unit_name(&position.unit_id)),
            })
        })
        .collect()
}

/// The watched lines whose proposal differs now, by `results` (those of the plan they were
/// taken from); a position missing from the results is left out.
pub fn changed_lines(watched: &[WatchedLine], results: &PlanResults) -> Vec<ChangedLine> {
    watched
        .iter()
        .filter_map(|line| {
            let result = results.position(&line.position_id)?;
            let now = SeenProposal {
                proposed: result.proposed,
                required: result.required,
                current: result.current,
                rank_code: line.rank_code.clone(),
                unit_id: line.unit_id.clone(),
            };
            let changes = line.seen.changes(&now);
            if changes.is_empty() {
                return None;
            }
            Some(ChangedLine {
                position_id: line.position_id.clone(),
                name: line.name.clone(),
                unit_names: line.unit_names.clone(),
                seen: line.seen.clone(),
                now,
                changes,
            })
        })
        .collect()
}

impl ChangedLine {
    /// What changed, "đề xuất từ 3 thành 4; hiện có từ 2 thành 2,5", in `language`.
    pub fn changes_text(&self, language: Language) -> String {
        let number = |value: f64| match language {
            Language::Vietnamese => vi_number(value, 2),
            Language::English => en_number(value, 2),
        };
        let blank = |code: &str| {
            if code.is_empty() {
                language.t("(không có)", "(none)").to_owned()
            } else {
                code.to_owned()
            }
        };
        self.changes
            .iter()
            .map(|change| {
                let (then, now) = match change {
                    ProposalChange::Proposed => (
                        self.seen.proposed.to_string(),
                        self.now.proposed.to_string(),
                    ),
                    ProposalChange::Required => (
                        self.seen.required.to_string(),
                        self.now.required.to_string(),
                    ),
                    ProposalChange::Current => {
                        (number(self.seen.current), number(self.now.current))
                    }
                    ProposalChange::Rank => {
                        (blank(&self.seen.rank_code), blank(&self.now.rank_code))
                    }
                    ProposalChange::Unit => self.unit_names.clone(),
                };
                match language {
                    Language::Vietnamese => {
                        format!("{} từ {then} thành {now}", change.label(language))
                    }
                    Language::English => format!("{} from {then} to {now}", change.label(language)),
                }
            })
            .collect::<Vec<_>>()
            .join("; ")
    }

    /// The line, "Kế toán (ke-toan): đề xuất từ 3 thành 4", in `language`.
    pub fn describe(&self, language: Language) -> String {
        format!(
            "{} ({}): {}",
            self.name,
            self.position_id,
            self.changes_text(language)
        )
    }
}

/// The heading over the changed lines, "Đề xuất của 2 vị trí đã thay đổi sau khi thẩm
/// định", in `language`.
pub fn changed_heading(count: usize, language: Language) -> String {
    match language {
        Language::Vietnamese => format!(
            "Đề xuất của {count} vị trí đã thay đổi sau khi thẩm định: ý kiến thẩm định của các \
             vị trí này được ghi trên đề xuất cũ"
        ),
        Language::English => {
            let positions = if count == 1 { "position" } else { "positions" };
            format!(
                "The proposal of {count} {positions} changed after the appraisal: their \
                 appraisal was made on the earlier proposal"
            )
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::editing::Edit;
    use crate::engine;
    use crate::model::{Method, Proposal, StaffMember, Unit};

    fn plan() -> Plan {
        let mut plan = Plan {
            units: vec![
                Unit::new("u", None, "Phòng A"),
                Unit::new("v", None, "Phòng B"),
            ],
            ..Plan::default()
        };
        for (id, count) in [("a", 2), ("b", 3), ("c", 1)] {
            let mut position = Position::new(id, "u", id.to_uppercase());
            position.method = Method::Fixed;
            position.count = count;
            position.rank_code = "01.003".into();
            plan.positions.push(position);
        }
        plan
    }

    /// Appraises every position as it stands now.
    fn appraise(plan: &mut Plan) {
        let results = engine::compute(plan).unwrap();
        for position in plan.positions.clone() {
            let seen = seen_proposal(&position, results.position(&position.id).unwrap());
            Edit::SetAppraisedFigure {
                position_id: position.id.clone(),
                appraised: Some(1),
                seen,
            }
            .apply(plan)
            .unwrap();
        }
    }

    #[test]
    fn lines_whose_proposal_changed_are_named_with_what_they_saw() {
        let mut plan = plan();
        appraise(&mut plan);
        let results = engine::compute(&plan).unwrap();
        assert!(changed_since_appraisal(&plan, &results).is_empty());

        // a: the agency proposes 4 instead of the computed 2; b: moves to Phòng B, gets a
        // half-time member of staff and a new name; c: only renamed.
        plan.positions[0].proposed = Some(Proposal {
            count: 4,
            reason: "Thêm việc".into(),
        });
        plan.positions[1].unit_id = "v".into();
        plan.positions[1].name = "B mới".into();
        plan.staff.push(StaffMember {
            id: "s".into(),
            unit_id: "v".into(),
            position_id: Some("b".into()),
            rank_code: "01.003".into(),
            fte: 0.5,
            birth_date: None,
            sex: None,
            retires_on: None,
            personal: Default::default(),
        });
        plan.positions[2].name = "C mới".into();
        let results = engine::compute(&plan).unwrap();
        let changed = changed_since_appraisal(&plan, &results);
        let ids: Vec<&str> = changed.iter().map(|c| c.position_id.as_str()).collect();
        assert_eq!(
            ids,
            ["a", "b"],
            "a new name alone changes nothing appraised"
        );
        assert_eq!(changed[0].changes, [ProposalChange::Proposed]);
        assert_eq!((changed[0].seen.proposed, changed[0].now.proposed), (2, 4));
        assert_eq!(
            changed[0].describe(Language::Vietnamese),
            "A (a): đề xuất từ 2 thành 4"
        );
        assert_eq!(
            changed[1].changes,
            [ProposalChange::Current, ProposalChange::Unit]
        );
        assert_eq!(
            changed[1].describe(Language::Vietnamese),
            "B mới (b): hiện có từ 0 thành 0,5; đơn vị từ Phòng A thành Phòng B"
        );
        assert_eq!(
            changed[1].describe(Language::English),
            "B mới (b): current from 0 to 0.5; unit from Phòng A to Phòng B"
        );

        // Confirmed by the reviewer, a line rests on the proposal as it is.
        let now = changed[0].now.clone();
        Edit::ConfirmAppraisals(vec![("a".into(), now)])
            .apply(&mut plan)
            .unwrap();
        let ids: Vec<String> = changed_since_appraisal(&plan, &results)
            .into_iter()
            .map(|c| c.position_id)
            .collect();
        assert_eq!(ids, ["b"]);
    }

    #[test]
    fn lines_without_what_they_saw_are_not_listed() {
        let mut plan = plan();
        Edit::SetAppraisal(crate::model::Appraisal {
            appraised: Some(1),
            ..crate::model::Appraisal::new("a")
        })
        .apply(&mut plan)
        .unwrap();
        plan.positions[0].count = 5;
        let results = engine::compute(&plan).unwrap();
        assert!(changed_since_appraisal(&plan, &results).is_empty());
    }
}
