//! The staff roster: the people the agency has today.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// One person on the roster (or one post held, for part-time staff).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StaffMember {
    pub id: String,
    pub unit_id: String,
    /// The position the person holds; `None` for someone not yet assigned to a position.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub position_id: Option<String>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub rank_code: String,
    /// Full-time equivalent this person contributes (1 for a full-time post).
    #[serde(default = "one")]
    pub fte: f64,
    /// Personal fields (name, birth year, qualification...), kept as the user entered them.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub personal: BTreeMap<String, String>,
}

fn one() -> f64 {
    1.0
}
