//! A plan's fingerprint: SHA-256 of the canonical text of its proposal, so the agency and the
//! reviewer can both check that the proposal they hold is the same. The reviewer's appraisal is
//! left out: returning an appraised plan does not change its fingerprint.

use serde::Serialize;
use sha2::{Digest, Sha256};

use super::PlanFileError;
use super::ron_text::write_ron;
use crate::model::{Calendar, Plan, PlanMeta, Position, Rounding, Scenarios, StaffMember, Unit};

/// The full SHA-256 of the canonical RON text of the plan's proposal, in hexadecimal.
pub fn fingerprint(plan: &Plan) -> Result<String, PlanFileError> {
    // The text goes straight into the hasher: a province plan's 20 MB are never held.
    let mut sink = HashingSink(Sha256::new());
    write_ron(&Proposal::of(plan), &mut sink)?;
    let digest = sink.0.finalize();
    Ok(digest.iter().map(|byte| format!("{byte:02x}")).collect())
}

/// A text sink that hashes what is written to it.
struct HashingSink(Sha256);

impl std::fmt::Write for HashingSink {
    fn write_str(&mut self, text: &str) -> std::fmt::Result {
        self.0.update(text.as_bytes());
        Ok(())
    }
}

/// Every part of a plan but its review, serialised exactly as the plan file writes them.
#[derive(Serialize)]
struct Proposal<'a> {
    format_version: u32,
    meta: &'a PlanMeta,
    rounding: &'a Rounding,
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    calendars: &'a [Calendar],
    units: &'a [Unit],
    positions: &'a [Position],
    staff: &'a [StaffMember],
    #[serde(skip_serializing_if = "<[_]>::is_empty")]
    blocking_rules: &'a [String],
    #[serde(skip_serializing_if = "Scenarios::is_empty")]
    scenarios: &'a Scenarios,
}

impl<'a> Proposal<'a> {
    fn of(plan: &'a Plan) -> Self {
        // Destructured so that a new plan field cannot be forgotten here.
        let Plan {
            format_version,
            meta,
            rounding,
            calendars,
            units,
            positions,
            staff,
            blocking_rules,
            scenarios,
            review: _,
        } = plan;
        Proposal {
            format_version: *format_version,
            meta,
            rounding,
            calendars,
            units,
            positions,
            staff,
            blocking_rules,
            scenarios,
        }
    }
}

/// The first 16 hexadecimal digits of the fingerprint, grouped by four for reading aloud:
/// `3f2a-9c41-07be-d512`.
pub fn short_fingerprint(plan: &Plan) -> Result<String, PlanFileError> {
    let full = fingerprint(plan)?;
    let head: Vec<&str> = (0..4).filter_map(|i| full.get(i * 4..i * 4 + 4)).collect();
    Ok(head.join("-"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn equal_plans_share_a_fingerprint_and_any_change_alters_it() {
        let plan = crate::plan_file::default_plan().unwrap();
        let same = crate::plan_file::from_ron_str(
            &super::super::to_ron_string(&plan).unwrap(),
            std::path::Path::new("copy.ron"),
        )
        .unwrap();
        assert_eq!(fingerprint(&plan).unwrap(), fingerprint(&same).unwrap());
        assert_eq!(fingerprint(&plan).unwrap().len(), 64);
        let short = short_fingerprint(&plan).unwrap();
        assert_eq!(short.len(), 19);
        assert!(fingerprint(&plan).unwrap().starts_with(&short[..4]));
        let mut changed = plan.clone();
        changed.staff[0].fte = 0.5;
        assert_ne!(fingerprint(&plan).unwrap(), fingerprint(&changed).unwrap());
    }

    #[test]
    fn the_proposal_text_is_the_plan_text_and_a_review_leaves_it_alone() {
        let plan = crate::plan_file::default_plan().unwrap();
        let whole = super::super::to_ron_string(&plan).unwrap();
        let digest = Sha256::digest(whole.as_bytes());
        let expected: String = digest.iter().map(|byte| format!("{byte:02x}")).collect();
        assert_eq!(fingerprint(&plan).unwrap(), expected);
        let mut reviewed = plan.clone();
        reviewed.review = Some(crate::model::Review {
            reviewer: "Nguyễn Văn A".to_owned(),
            conclusion: "Thống nhất".to_owned(),
            ..Default::default()
        });
        assert_eq!(fingerprint(&plan).unwrap(), fingerprint(&reviewed).unwrap());
    }
}
