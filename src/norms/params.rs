//! The parameters of a norm rule, as the RON packs write them.
//!
//! Every threshold, ratio, divisor and add-on of a norm lives here, read from the packs; the
//! calculators only do the arithmetic. Each kind of norm has its own parameter shape.

use serde::{Deserialize, Serialize};

use crate::language::Text;
use crate::model::{Category, CommuneSetting, UnitType};
use crate::rules::CountBasis;

/// The parameters of one norm rule: which unit types it covers and how its figures are computed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum NormParams {
    /// Primary and secondary schools (TT 20/2023/TT-BGDĐT).
    School(SchoolNorm),
    /// Kindergartens (TT 19/2023/TT-BGDĐT).
    Kindergarten(KindergartenNorm),
    /// Provincial disease-control centres (TT 03/2023/TT-BYT).
    DiseaseControl(DiseaseControlNorm),
    /// Fixed figures with no driver (the commune health station).
    Fixed(FixedNorm),
    /// Provincial historical archives (TT 09/2024/TT-BNV).
    Archive(ArchiveNorm),
    /// Communes, townships and wards before the 2025 reform (ND 33/2023/NĐ-CP).
    Commune(CommuneNorm),
}

impl NormParams {
    /// The unit types the rule applies to.
    pub fn unit_types(&self) -> &[UnitType] {
        match self {
            NormParams::School(p) => &p.unit_types,
            NormParams::Kindergarten(p) => &p.unit_types,
            NormParams::DiseaseControl(p) => &p.unit_types,
            NormParams::Fixed(p) => &p.unit_types,
            NormParams::Archive(p) => &p.unit_types,
            NormParams::Commune(p) => &p.unit_types,
        }
    }

    /// The posts the rule's figures are compared with: biên chế unless the instrument counts
    /// labour contracts too.
    pub fn counts(&self) -> CountBasis {
        match self {
            NormParams::School(p) => p.counts,
            NormParams::Kindergarten(p) => p.counts,
            NormParams::DiseaseControl(p) => p.counts,
            NormParams::Fixed(p) => p.counts,
            NormParams::Archive(p) => p.counts,
            NormParams::Commune(p) => p.counts,
        }
    }
}

/// Whether a norm figure caps the staff, sets a floor, or both.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Bound {
    /// "không vượt quá", "tối đa": the proposal may not exceed it (rounded down).
    Maximum,
    /// "tối thiểu": the proposal may not fall short of it (rounded up).
    Minimum,
    /// A floor and a cap.
    Both,
}

impl Bound {
    pub fn label_vi(self) -> &'static str {
        match self {
            Bound::Maximum => "tối đa",
            Bound::Minimum => "tối thiểu",
            Bound::Both => "tối thiểu và tối đa",
        }
    }

    pub fn label_en(self) -> &'static str {
        match self {
            Bound::Maximum => "maximum",
            Bound::Minimum => "minimum",
            Bound::Both => "minimum and maximum",
        }
    }

    /// The label in `language`.
    pub fn label(self, language: crate::language::Language) -> &'static str {
        language.t(self.label_vi(), self.label_en())
    }

    /// The bound covering both `self` and `other`.
    pub fn union(self, other: Bound) -> Bound {
        if self == other { self } else { Bound::Both }
    }
}

/// One figure per school zone (vùng 1, 2, 3 of TT 20/2023/TT-BGDĐT).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ByZone {
    pub zone_1: u32,
    pub zone_2: u32,
    pub zone_3: u32,
}

impl ByZone {
    /// The figure of zone 1, 2 or 3; `None` for any other zone.
    pub fn get(&self, zone: u8) -> Option<u32> {
        match zone {
            1 => Some(self.zone_1),
            2 => Some(self.zone_2),
            3 => Some(self.zone_3),
            _ => None,
        }
    }

    pub fn all(&self) -> [u32; 3] {
        [self.zone_1, self.zone_2, self.zone_3]
    }
}

/// One figure per commune class (loại I, II, III).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ByClass {
    pub class_1: u32,
    pub class_2: u32,
    pub class_3: u32,
}

impl ByClass {
    pub fn get(&self, class: u8) -> Option<u32> {
        match class {
            1 => Some(self.class_1),
            2 => Some(self.class_2),
            3 => Some(self.class_3),
            _ => None,
        }
    }
}

/// Which positions of the assessed unit's subtree a norm figure is compared with.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum PositionScope {
    /// Every position of the unit and its descendants (the unit's rolled-up figures).
    WholeUnit,
    /// Positions of the subtree in these categories (and, when `names` is not empty, whose name
    /// contains one of them), leaving out those a post of the same rule counts: a Tổng phụ trách
    /// Đội is not counted again as a teacher.
    Categories {
        categories: Vec<Category>,
        #[serde(default)]
        names: Vec<String>,
    },
    /// Positions of the subtree whose name contains one of `names` (case-insensitive) or whose
    /// rank code is one of `rank_codes`.
    Matching {
        names: Vec<String>,
        #[serde(default)]
        rank_codes: Vec<String>,
    },
}

/// A figure that needs no driver: one Tổng phụ trách Đội, at most two clerks and accountants,
/// at least five people at a health station.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FixedFigure {
    /// Stable key of the figure within its rule, e.g. `tong_phu_trach_doi`.
    pub key: String,
    /// What is counted, in Vietnamese.
    pub label: String,
    /// What is counted, in English; the Vietnamese label when empty.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub label_en: String,
    /// Where in the instrument; the rule's clause when empty.
    #[serde(default)]
    pub clause: String,
    /// Maximum or minimum (a fixed figure is not both).
    pub bound: Bound,
    pub count: u32,
    pub compared_with: PositionScope,
}

impl FixedFigure {
    /// What is counted, in both languages.
    pub fn label_text(&self) -> Text {
        bilingual(&self.label, &self.label_en)
    }
}

/// A pack's label and its optional English one, the Vietnamese standing in for a missing
/// English label.
fn bilingual(vi: &str, en: &str) -> Text {
    if en.trim().is_empty() {
        Text::same(vi)
    } else {
        Text::new(vi, en)
    }
}

/// Teachers per class of a school level.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub enum TeachersPerClass {
    /// One ratio for every class.
    Flat(f64),
    /// Primary schools: a ratio for classes taught two sessions a day and one for one session.
    BySessions { one_session: f64, two_sessions: f64 },
}

/// The teacher norm of a school level.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SchoolTeachers {
    #[serde(default)]
    pub clause: String,
    pub per_class: TeachersPerClass,
    /// Pupils per class by zone: pupils above `classes x class_size` are leftover pupils.
    pub class_size: ByZone,
    /// Leftover pupils per additional teacher, by zone (each full group adds one teacher).
    pub leftover_pupils_per_teacher: ByZone,
    pub compared_with: PositionScope,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SchoolNorm {
    pub unit_types: Vec<UnitType>,
    /// The posts compared with the norm (biên chế unless the instrument says otherwise).
    #[serde(default)]
    pub counts: CountBasis,
    pub teachers: SchoolTeachers,
    /// Posts set per school (Tổng phụ trách Đội; clerk, treasurer and accountant).
    #[serde(default)]
    pub posts: Vec<FixedFigure>,
}

/// Teachers of a kindergarten: per nursery group and per kindergarten class.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct KindergartenTeachers {
    #[serde(default)]
    pub clause: String,
    pub per_nursery_group: f64,
    pub per_class: f64,
    pub compared_with: PositionScope,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct KindergartenNorm {
    pub unit_types: Vec<UnitType>,
    /// The posts compared with the norm (biên chế unless the instrument says otherwise).
    #[serde(default)]
    pub counts: CountBasis,
    pub teachers: KindergartenTeachers,
    #[serde(default)]
    pub posts: Vec<FixedFigure>,
}

/// A population band: up to `up_to` people (inclusive), `staff` people; `None` is open-ended.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PopulationBand {
    pub up_to: Option<u64>,
    pub staff: u32,
}

/// Where the mountainous factor enters the disease-control formula (the law does not say).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FactorOrder {
    /// (band + add-ons) x factor.
    AfterAddOns,
    /// band x factor + add-ons.
    BeforeAddOns,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DiseaseControlNorm {
    pub unit_types: Vec<UnitType>,
    /// The posts compared with the norm (biên chế unless the instrument says otherwise).
    #[serde(default)]
    pub counts: CountBasis,
    /// Bands in ascending order, the last open-ended.
    pub population_bands: Vec<PopulationBand>,
    /// Added when the province has an international health-quarantine post.
    pub international_quarantine: u32,
    /// Added per international border gate ...
    pub per_border_gate: u32,
    /// ... when the province has at least this many gates.
    pub border_gates_from: u32,
    /// Added when the province has industrial zones.
    pub industrial_zones: u32,
    /// Multiplies the figure for mountainous provinces.
    pub mountainous_factor: f64,
    pub factor_order: FactorOrder,
    pub bound: Bound,
    pub compared_with: PositionScope,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FixedNorm {
    pub unit_types: Vec<UnitType>,
    /// The posts compared with the norm (biên chế unless the instrument says otherwise).
    #[serde(default)]
    pub counts: CountBasis,
    pub figures: Vec<FixedFigure>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ArchiveNorm {
    pub unit_types: Vec<UnitType>,
    /// The posts compared with the norm (biên chế unless the instrument says otherwise).
    #[serde(default)]
    pub counts: CountBasis,
    /// The floor, and the base the add-ons start from.
    pub minimum: u32,
    /// The cap of a centrally-run city's archive.
    pub maximum_city: u32,
    /// The cap of a province's archive.
    pub maximum_province: u32,
    /// Shelf-metres covered by the base figure.
    pub shelf_metres_included: f64,
    /// Shelf-metres above that per additional person.
    pub shelf_metres_per_person: f64,
    /// Megabytes of electronic records per additional person.
    pub electronic_mb_per_person: f64,
    /// Hours of audio-visual records per additional person.
    pub audio_visual_hours_per_person: f64,
    pub compared_with: PositionScope,
}

/// The base figure of one kind of commune-level unit, by class.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CommuneBase {
    pub unit_type: UnitType,
    /// How the law names these units, e.g. `Phường`, `Xã, thị trấn`.
    pub label: String,
    /// The same in English, e.g. `Ward`, `Commune, township`; the Vietnamese label when empty.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub label_en: String,
    pub by_class: ByClass,
}

impl CommuneBase {
    /// How these units are named, in both languages.
    pub fn label_text(&self) -> Text {
        bilingual(&self.label, &self.label_en)
    }
}

/// The population standard of one commune setting and the people per added civil servant.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CommunePopulationStep {
    pub setting: CommuneSetting,
    /// The population standard of the setting (quy mô dân số tiêu chuẩn).
    pub standard: u64,
    /// Each full `step` people above the standard adds one civil servant.
    pub step: u64,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CommuneNorm {
    pub unit_types: Vec<UnitType>,
    /// The posts compared with the norm (biên chế unless the instrument says otherwise).
    #[serde(default)]
    pub counts: CountBasis,
    pub base: Vec<CommuneBase>,
    /// Clause of the population add-on.
    #[serde(default)]
    pub population_clause: String,
    pub population_steps: Vec<CommunePopulationStep>,
    pub bound: Bound,
    pub compared_with: PositionScope,
}
