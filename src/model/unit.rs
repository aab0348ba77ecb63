//! Org units: the agency's tree of departments, divisions and service units.

use serde::{Deserialize, Serialize};

use super::{AutonomyGroup, UnitType};

/// One node of the organisation tree. The tree is stored flat, each unit naming its parent,
/// so that moving a unit is a change of one field.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Unit {
    pub id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent_id: Option<String>,
    pub name: String,
    /// What the unit is, as the rules tell units apart.
    #[serde(default, skip_serializing_if = "is_other")]
    pub unit_type: UnitType,
    /// Headcount quota (biên chế / số lượng người làm việc) assigned to the unit, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quota: Option<u32>,
    /// Financial autonomy group, for public service units.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub autonomy_group: Option<AutonomyGroup>,
    /// School zone 1, 2 or 3 (TT 20/2023/TT-BGDĐT), for schools and kindergartens.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub school_zone: Option<u8>,
    /// The quantities sector norms are computed from.
    #[serde(default, skip_serializing_if = "NormDrivers::is_empty")]
    pub drivers: NormDrivers,
}

impl Default for Unit {
    fn default() -> Self {
        Unit::new("", None, "")
    }
}

impl Unit {
    /// A unit of no particular type with no quota or drivers.
    pub fn new(id: impl Into<String>, parent_id: Option<String>, name: impl Into<String>) -> Self {
        Unit {
            id: id.into(),
            parent_id,
            name: name.into(),
            unit_type: UnitType::Other,
            quota: None,
            autonomy_group: None,
            school_zone: None,
            drivers: NormDrivers::default(),
        }
    }
}

/// Quantities that sector norms (định mức) turn into a staff maximum or minimum. Every field is
/// optional: a norm says which ones it needs and reports those that are missing.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NormDrivers {
    /// Classes of a school (lớp), or kindergarten classes (lớp mẫu giáo).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub classes: Option<u32>,
    /// Nursery groups of a kindergarten (nhóm trẻ).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub nursery_groups: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pupils: Option<u32>,
    /// Primary schools: two sessions a day (true) or one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub two_sessions_a_day: Option<bool>,
    /// People served (a province for a disease-control centre, a commune for a health station).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub population: Option<u64>,
    /// Area served, in square kilometres.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub area_km2: Option<f64>,
    /// International border gates in the area served.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub border_gates: Option<u32>,
    /// The area has an international health-quarantine post.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub international_quarantine: Option<bool>,
    /// The area has industrial zones.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub industrial_zones: Option<bool>,
    /// Mountainous area (miền núi).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mountainous: Option<bool>,
    /// A centrally-run city (thành phố trực thuộc trung ương).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub centrally_run_city: Option<bool>,
    /// Paper records held, in shelf-metres.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub shelf_metres: Option<f64>,
    /// Electronic records held, in megabytes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub electronic_mb: Option<f64>,
    /// Audio-visual records held, in hours.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub audio_visual_hours: Option<f64>,
    /// Commune class 1, 2 or 3 (ND 33/2023).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub commune_class: Option<u8>,
}

impl NormDrivers {
    pub fn is_empty(&self) -> bool {
        *self == NormDrivers::default()
    }
}

fn is_other(kind: &UnitType) -> bool {
    *kind == UnitType::Other
}
