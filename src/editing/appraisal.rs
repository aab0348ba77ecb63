//! The reviewer's edits on one appraisal line: writing the figure, choosing the decision,
//! agreeing with the lines not yet appraised, and confirming a line after its proposal
//! changed. Each records what the reviewer saw of the position ([`SeenProposal`]).
//!
//! The decision follows the figure: a figure different from the proposal makes the line
//! Điều chỉnh (adjust), a figure equal to it Thống nhất (agree), unless the reviewer chose
//! the line's decision; a decision set this way goes again when the figure is cleared.

use crate::model::{Appraisal, Decision, Plan, SeenProposal};

/// The decision a written figure gives against the proposal it was written against.
pub fn decision_for_figure(appraised: u32, proposed: i64) -> Decision {
    if i64::from(appraised) == proposed {
        Decision::Agree
    } else {
        Decision::Adjust
    }
}

/// The line of `position_id`, or a new, empty one.
fn line_of(plan: &Plan, position_id: &str) -> Appraisal {
    let position_id = position_id.trim();
    plan.review
        .as_ref()
        .and_then(|r| r.line(position_id))
        .cloned()
        .unwrap_or_else(|| Appraisal::new(position_id))
}

/// Re-derives a decision that follows the figure (one the reviewer did not choose).
fn follow_figure(line: &mut Appraisal, proposed: i64) {
    if line.decision.is_some() && !line.decision_follows_figure {
        return;
    }
    line.decision = line.appraised.map(|a| decision_for_figure(a, proposed));
    line.decision_follows_figure = line.decision.is_some();
}

/// The line with the figure written (or cleared) against the proposal seen now.
pub(super) fn with_figure(
    plan: &Plan,
    position_id: &str,
    appraised: Option<u32>,
    seen: SeenProposal,
) -> Appraisal {
    let mut line = line_of(plan, position_id);
    line.appraised = appraised;
    follow_figure(&mut line, seen.proposed);
    line.seen = Some(seen);
    line
}

/// The line with the decision the reviewer chose (none makes the decision follow the figure
/// again at the next figure written).
pub(super) fn with_decision(
    plan: &Plan,
    position_id: &str,
    decision: Option<Decision>,
    seen: SeenProposal,
) -> Appraisal {
    let mut line = line_of(plan, position_id);
    line.decision = decision;
    line.decision_follows_figure = false;
    line.seen = Some(seen);
    line
}

/// The line confirmed against the proposal as it is now: what was seen is replaced, and a
/// decision that follows the figure is set against the new proposal. `None` when the position
/// has no line.
pub(super) fn confirmed(plan: &Plan, position_id: &str, seen: SeenProposal) -> Option<Appraisal> {
    let mut line = plan.review.as_ref()?.line(position_id.trim())?.clone();
    follow_figure(&mut line, seen.proposed);
    line.seen = Some(seen);
    Some(line)
}

/// A new line agreeing with the proposal seen, for a position with no line yet; the decision
/// follows the figure, since the reviewer agreed with the lines in bulk, not with this one.
pub(super) fn agreed(position_id: String, seen: SeenProposal) -> Appraisal {
    Appraisal {
        decision: Some(Decision::Agree),
        decision_follows_figure: true,
        seen: Some(seen),
        ..Appraisal::new(position_id)
    }
}

#[cfg(test)]
mod tests {
    use super::super::Edit;
    use super::*;
    use crate::model::{Position, Unit};

    fn plan() -> Plan {
        Plan {
            units: vec![Unit::new("u", None, "Phòng")],
            positions: vec![Position::new("a", "u", "A"), Position::new("b", "u", "B")],
            ..Plan::default()
        }
    }

    fn seen(proposed: i64) -> SeenProposal {
        SeenProposal {
            proposed,
            required: proposed,
            current: 2.0,
            rank_code: "01.003".into(),
            unit_id: "u".into(),
        }
    }

    fn figure(plan: &mut Plan, id: &str, appraised: Option<u32>, proposed: i64) {
        Edit::SetAppraisedFigure {
            position_id: id.into(),
            appraised,
            seen: seen(proposed),
        }
        .apply(plan)
        .unwrap();
    }

    fn decision(plan: &mut Plan, id: &str, decision: Option<Decision>, proposed: i64) {
        Edit::SetDecision {
            position_id: id.into(),
            decision,
            seen: seen(proposed),
        }
        .apply(plan)
        .unwrap();
    }

    fn line(plan: &Plan, id: &str) -> Appraisal {
        plan.review.as_ref().unwrap().line(id).unwrap().clone()
    }

    #[test]
    fn the_decision_follows_the_figure_until_the_reviewer_chooses_one() {
        let mut plan = plan();
        figure(&mut plan, "a", Some(2), 3);
        let a = line(&plan, "a");
        assert_eq!((a.appraised, a.decision), (Some(2), Some(Decision::Adjust)));
        assert!(a.decision_follows_figure);
        assert_eq!(a.seen, Some(seen(3)));
        figure(&mut plan, "a", Some(3), 3);
        assert_eq!(line(&plan, "a").decision, Some(Decision::Agree));

        // Chosen by the reviewer, the decision stays whatever the figure.
        decision(&mut plan, "a", Some(Decision::Agree), 3);
        figure(&mut plan, "a", Some(1), 3);
        let a = line(&plan, "a");
        assert_eq!((a.appraised, a.decision), (Some(1), Some(Decision::Agree)));
        assert!(!a.decision_follows_figure);
        decision(&mut plan, "a", Some(Decision::Reject), 3);
        figure(&mut plan, "a", Some(3), 3);
        assert_eq!(line(&plan, "a").decision, Some(Decision::Reject));

        // Back to no decision: the next figure sets it again.
        decision(&mut plan, "a", None, 3);
        figure(&mut plan, "a", Some(4), 3);
        assert_eq!(line(&plan, "a").decision, Some(Decision::Adjust));
        // Clearing the figure takes the decision it gave, and the empty line goes.
        figure(&mut plan, "a", None, 3);
        assert_eq!(plan.review, None);
    }

    #[test]
    fn lines_agreed_in_bulk_follow_a_figure_written_later() {
        let mut plan = plan();
        Edit::AgreeRemaining(vec![("a".into(), seen(3)), ("b".into(), seen(1))])
            .apply(&mut plan)
            .unwrap();
        assert_eq!(line(&plan, "b").seen, Some(seen(1)));
        figure(&mut plan, "a", Some(5), 3);
        assert_eq!(line(&plan, "a").decision, Some(Decision::Adjust));
        // A decision older than the field counts as chosen.
        let mut old = line(&plan, "b");
        old.decision_follows_figure = false;
        Edit::SetAppraisal(old).apply(&mut plan).unwrap();
        figure(&mut plan, "b", Some(0), 1);
        assert_eq!(line(&plan, "b").decision, Some(Decision::Agree));
    }

    #[test]
    fn confirming_takes_the_new_proposal_and_moves_a_following_decision() {
        let mut plan = plan();
        figure(&mut plan, "a", Some(3), 3);
        decision(&mut plan, "b", Some(Decision::Agree), 1);
        Edit::ConfirmAppraisals(vec![
            ("a".into(), seen(4)),
            ("b".into(), seen(2)),
            ("zz".into(), seen(9)),
        ])
        .apply(&mut plan)
        .unwrap();
        let a = line(&plan, "a");
        assert_eq!(
            (a.decision, a.seen),
            (Some(Decision::Adjust), Some(seen(4)))
        );
        let b = line(&plan, "b");
        assert_eq!((b.decision, b.seen), (Some(Decision::Agree), Some(seen(2))));
        assert_eq!(plan.review.as_ref().unwrap().lines.len(), 2, "no line made");
    }
}
