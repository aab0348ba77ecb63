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
    /// Where a commune, township or ward sits (a ward of an urban district, of a town...): it
    /// sets the population standard above which ND 33/2023 adds civil servants.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub commune_setting: Option<CommuneSetting>,
}

/// The kinds of commune-level unit whose population standards differ (NQ 1211/2016/UBTVQH13 as
/// amended), which the commune norm of ND 33/2023 adds civil servants from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum CommuneSetting {
    /// Xã (lowland or midland).
    #[serde(rename = "xa")]
    Commune,
    /// Xã miền núi, vùng cao.
    #[serde(rename = "xa_mien_nui")]
    MountainCommune,
    /// Thị trấn.
    #[serde(rename = "thi_tran")]
    Township,
    /// Thị trấn ở hải đảo.
    #[serde(rename = "thi_tran_hai_dao")]
    IslandTownship,
    /// Phường thuộc quận.
    #[serde(rename = "phuong_thuoc_quan")]
    UrbanDistrictWard,
    /// Phường thuộc thành phố (thuộc tỉnh, or thuộc thành phố trực thuộc trung ương).
    #[serde(rename = "phuong_thuoc_thanh_pho")]
    CityWard,
    /// Phường thuộc thị xã.
    #[serde(rename = "phuong_thuoc_thi_xa")]
    TownWard,
    /// Phường ở hải đảo.
    #[serde(rename = "phuong_hai_dao")]
    IslandWard,
}

impl CommuneSetting {
    pub const ALL: [CommuneSetting; 8] = [
        CommuneSetting::Commune,
        CommuneSetting::MountainCommune,
        CommuneSetting::Township,
        CommuneSetting::IslandTownship,
        CommuneSetting::UrbanDistrictWard,
        CommuneSetting::CityWard,
        CommuneSetting::TownWard,
        CommuneSetting::IslandWard,
    ];

    /// The keyword used in plan and interchange files.
    pub const fn keyword(self) -> &'static str {
        match self {
            CommuneSetting::Commune => "xa",
            CommuneSetting::MountainCommune => "xa_mien_nui",
            CommuneSetting::Township => "thi_tran",
            CommuneSetting::IslandTownship => "thi_tran_hai_dao",
            CommuneSetting::UrbanDistrictWard => "phuong_thuoc_quan",
            CommuneSetting::CityWard => "phuong_thuoc_thanh_pho",
            CommuneSetting::TownWard => "phuong_thuoc_thi_xa",
            CommuneSetting::IslandWard => "phuong_hai_dao",
        }
    }

    pub fn from_keyword(text: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.keyword() == text.trim())
    }

    pub const fn label_vi(self) -> &'static str {
        match self {
            CommuneSetting::Commune => "Xã",
            CommuneSetting::MountainCommune => "Xã miền núi, vùng cao",
            CommuneSetting::Township => "Thị trấn",
            CommuneSetting::IslandTownship => "Thị trấn ở hải đảo",
            CommuneSetting::UrbanDistrictWard => "Phường thuộc quận",
            CommuneSetting::CityWard => "Phường thuộc thành phố",
            CommuneSetting::TownWard => "Phường thuộc thị xã",
            CommuneSetting::IslandWard => "Phường ở hải đảo",
        }
    }

    pub const fn label_en(self) -> &'static str {
        match self {
            CommuneSetting::Commune => "Commune",
            CommuneSetting::MountainCommune => "Mountain or highland commune",
            CommuneSetting::Township => "Township",
            CommuneSetting::IslandTownship => "Island township",
            CommuneSetting::UrbanDistrictWard => "Ward of an urban district",
            CommuneSetting::CityWard => "Ward of a city",
            CommuneSetting::TownWard => "Ward of a town",
            CommuneSetting::IslandWard => "Island ward",
        }
    }

    /// The label in `language`.
    pub fn label(self, language: crate::language::Language) -> &'static str {
        language.t(self.label_vi(), self.label_en())
    }
}

impl NormDrivers {
    pub fn is_empty(&self) -> bool {
        *self == NormDrivers::default()
    }
}

fn is_other(kind: &UnitType) -> bool {
    *kind == UnitType::Other
}
