//! Scenarios of the workforce projection: named variations kept in the plan file, each a list
//! of changes applied on top of the plan for the years ahead.

use serde::{Deserialize, Serialize};

use super::CivilDate;

/// The plan's scenarios and the one the projection and the dossier use.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Scenarios {
    /// The name of the scenario in use; `None` projects the plan as it is.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub active: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub list: Vec<Scenario>,
}

impl Scenarios {
    pub fn is_empty(&self) -> bool {
        self.active.is_none() && self.list.is_empty()
    }

    /// The scenario of this name, if the plan has one.
    pub fn named(&self, name: &str) -> Option<&Scenario> {
        self.list.iter().find(|s| s.name == name)
    }
}

/// One named variation.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Scenario {
    pub name: String,
    /// What the scenario assumes, in the planner's words.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub description: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub changes: Vec<ScenarioChange>,
}

/// One change a scenario makes to the plan.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ScenarioChange {
    /// Workload grows by `percent` a year after the first year of the projection, compounding:
    /// the yearly volume of service work and the driver quantity of norm components. Limited to
    /// the components of a task code, or to the positions of a unit and its sub-units, when
    /// given.
    Growth {
        percent: f64,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        code: Option<String>,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        unit_id: Option<String>,
    },
    /// A component's yearly volume (or driver quantity) from `from_year` on, in place of the
    /// plan's and of any growth.
    Volume {
        component_id: String,
        volume: f64,
        from_year: i32,
    },
    /// A target: biên chế cut by `percent` of the quota of the projection's first year by
    /// `by_year` (the whole plan, or one unit with its sub-units). Shown against the projection;
    /// it changes no requirement.
    QuotaCut {
        percent: f64,
        by_year: i32,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        unit_id: Option<String>,
    },
    /// A person leaves on `on` (early retirement, an ND 178/2024 package), or on their own
    /// retirement date if that comes first.
    EarlyRetirement { staff_id: String, on: CivilDate },
}

impl ScenarioChange {
    /// The keyword of the kind of change, as written in the plan file.
    pub fn keyword(&self) -> &'static str {
        match self {
            ScenarioChange::Growth { .. } => "growth",
            ScenarioChange::Volume { .. } => "volume",
            ScenarioChange::QuotaCut { .. } => "quota_cut",
            ScenarioChange::EarlyRetirement { .. } => "early_retirement",
        }
    }
}
