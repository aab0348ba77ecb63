//! A plan's fingerprint: SHA-256 of its canonical text, so the agency and the reviewer can both
//! check that the proposal they hold is the same.

use sha2::{Digest, Sha256};

use super::{PlanFileError, to_ron_string};
use crate::model::Plan;

/// The full SHA-256 of the plan's canonical RON text, in hexadecimal.
pub fn fingerprint(plan: &Plan) -> Result<String, PlanFileError> {
    let text = to_ron_string(plan)?;
    let digest = Sha256::digest(text.as_bytes());
    Ok(digest.iter().map(|byte| format!("{byte:02x}")).collect())
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
            &to_ron_string(&plan).unwrap(),
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
}
