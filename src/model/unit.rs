//! Org units: the agency's tree of departments, divisions and service units.

use serde::{Deserialize, Serialize};

/// One node of the organisation tree. The tree is stored flat, each unit naming its parent,
/// so that moving a unit is a change of one field.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Unit {
    pub id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent_id: Option<String>,
    pub name: String,
    /// Kind of unit (sở, phòng, thanh tra, văn phòng, trường, trạm y tế...), free text for now.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub unit_type: String,
    /// Headcount quota (biên chế / số lượng người làm việc) assigned to the unit, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quota: Option<u32>,
}
