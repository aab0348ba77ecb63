//! The sample plans shipped inside the binary, so the app opens on one from any folder.

use std::path::Path;

use super::{PlanFileError, from_ron_str};
use crate::model::Plan;

/// A plan shipped in `plans/`.
#[derive(Debug, Clone, Copy)]
pub struct BundledPlan {
    /// File name in `plans/`, also the sample folder's name in `sample-orgs/`.
    pub file: &'static str,
    pub text: &'static str,
}

impl BundledPlan {
    pub fn load(&self) -> Result<Plan, PlanFileError> {
        from_ron_str(self.text, Path::new(self.file))
    }
}

/// The sample organisations' plans; the first is the default.
pub const BUNDLED: [BundledPlan; 4] = [
    BundledPlan {
        file: "plans/ubnd-xa-tan-hoa.ron",
        text: include_str!("../../plans/ubnd-xa-tan-hoa.ron"),
    },
    BundledPlan {
        file: "plans/so-tai-chinh.ron",
        text: include_str!("../../plans/so-tai-chinh.ron"),
    },
    BundledPlan {
        file: "plans/truong-thcs-nguyen-du.ron",
        text: include_str!("../../plans/truong-thcs-nguyen-du.ron"),
    },
    BundledPlan {
        file: "plans/trung-tam-y-te-huyen.ron",
        text: include_str!("../../plans/trung-tam-y-te-huyen.ron"),
    },
];

/// The plan the app opens with no file: the commune sample.
pub fn default_plan() -> Result<Plan, PlanFileError> {
    BUNDLED[0].load()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_bundled_plan_loads() {
        for plan in BUNDLED {
            assert!(plan.load().is_ok(), "{}", plan.file);
        }
    }
}
