//! A norm assessment: the norm figures of one unit with everything they were computed from.
//!
//! Each figure keeps its bound, the exact value and the whole number allowed (and how it was
//! rounded), the formula written out in Vietnamese and in English with each language's numbers,
//! the drivers read, the drivers missing, and the positions it is compared with, so it can
//! explain itself.

use crate::engine::WHOLE_NUMBER_TOLERANCE;
use crate::language::Text;
use crate::model::CivilDate;
use crate::rules::{CountBasis, Input};

use super::params::Bound;

/// The norm figures of one unit under one rule.
#[derive(Debug, Clone, PartialEq)]
pub struct NormAssessment {
    pub unit_id: String,
    pub unit_name: String,
    /// The rule's id, as plans name it in `blocking_rules`.
    pub rule_id: String,
    /// What the rule says, in Vietnamese.
    pub rule_text: String,
    /// The instrument's number, e.g. `Thông tư 20/2023/TT-BGDĐT`.
    pub instrument: String,
    /// Clause and instrument of the rule as a whole.
    pub legal_basis: String,
    /// The date the rule was picked for.
    pub at: CivilDate,
    /// The posts the figures are compared with (biên chế, or every post).
    pub counts: CountBasis,
    pub figures: Vec<NormFigure>,
}

impl NormAssessment {
    /// The bounds the figures set together.
    pub fn bound(&self) -> Option<Bound> {
        self.figures.iter().map(|f| f.bound).reduce(Bound::union)
    }

    /// Drivers missing for any figure, each once, in the order first met.
    pub fn missing(&self) -> Vec<Driver> {
        let mut missing = Vec::new();
        for driver in self.figures.iter().flat_map(|f| &f.missing) {
            if !missing.contains(driver) {
                missing.push(*driver);
            }
        }
        missing
    }

    pub fn figure(&self, key: &str) -> Option<&NormFigure> {
        self.figures.iter().find(|f| f.key == key)
    }
}

/// One norm figure of a unit: the teachers of a school, its Tổng phụ trách Đội, the staff of a
/// disease-control centre...
#[derive(Debug, Clone, PartialEq)]
pub struct NormFigure {
    /// Stable key within the rule, e.g. `giao_vien`.
    pub key: String,
    /// What is counted: `Giáo viên` / `Teachers`.
    pub label: Text,
    /// Clause and instrument of this figure.
    pub legal_basis: String,
    pub bound: Bound,
    /// The floor; `None` when the figure sets none or its drivers are missing.
    pub minimum: Option<NormLimit>,
    /// The cap; `None` when the figure sets none or its drivers are missing.
    pub maximum: Option<NormLimit>,
    /// The computation written out with its numbers, as each language writes them:
    /// `12 lớp × 1,9 giáo viên/lớp = 22,8` / `12 classes × 1.9 teachers per class = 22.8`.
    pub formula: Text,
    /// The drivers and parameters used.
    pub inputs: Vec<Input>,
    /// Drivers the figure needs that the unit does not give; no figure is computed then.
    pub missing: Vec<Driver>,
    pub compared_with: ComparedWith,
}

impl NormFigure {
    /// Whether the figure could be computed.
    pub fn is_computed(&self) -> bool {
        self.missing.is_empty() && (self.minimum.is_some() || self.maximum.is_some())
    }
}

/// A norm value and the whole number of people it allows.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct NormLimit {
    /// The value before rounding, e.g. 22.8.
    pub exact: f64,
    /// Whole people, e.g. 22.
    pub allowed: u32,
    pub rounded: Rounded,
}

impl NormLimit {
    /// A cap: "không vượt quá" allows no part of a person, so the value is rounded down.
    pub fn maximum(exact: f64) -> Self {
        let allowed = (exact + WHOLE_NUMBER_TOLERANCE).floor().max(0.0);
        NormLimit {
            exact,
            allowed: allowed as u32,
            rounded: Rounded::Down,
        }
    }

    /// A floor: a part of a person still needs a person, so the value is rounded up.
    pub fn minimum(exact: f64) -> Self {
        let allowed = (exact - WHOLE_NUMBER_TOLERANCE).ceil().max(0.0);
        NormLimit {
            exact,
            allowed: allowed as u32,
            rounded: Rounded::Up,
        }
    }

    /// Whether rounding changed the value.
    pub fn was_rounded(&self) -> bool {
        (self.exact - f64::from(self.allowed)).abs() > WHOLE_NUMBER_TOLERANCE
    }
}

/// How a norm value became whole people.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rounded {
    /// Down, for a cap.
    Down,
    /// Up, for a floor.
    Up,
}

impl Rounded {
    pub fn label_vi(self) -> &'static str {
        match self {
            Rounded::Down => "làm tròn xuống (mức tối đa: không vượt quá)",
            Rounded::Up => "làm tròn lên (mức tối thiểu)",
        }
    }

    pub fn label_en(self) -> &'static str {
        match self {
            Rounded::Down => "rounded down (a maximum: not to exceed)",
            Rounded::Up => "rounded up (a minimum)",
        }
    }

    /// The label in `language`.
    pub fn label(self, language: crate::language::Language) -> &'static str {
        language.t(self.label_vi(), self.label_en())
    }

    /// `làm tròn xuống` / `làm tròn lên`.
    pub fn short_vi(self) -> &'static str {
        match self {
            Rounded::Down => "làm tròn xuống",
            Rounded::Up => "làm tròn lên",
        }
    }
}

/// The positions a figure is compared with.
#[derive(Debug, Clone, PartialEq)]
pub struct ComparedWith {
    /// Which positions, e.g. `vị trí việc làm nhóm nghiệp vụ chuyên ngành của đơn vị và các đơn vị
    /// trực thuộc` in Vietnamese.
    pub description: Text,
    /// `true` when the unit's rolled-up figures are compared (every position of its subtree).
    pub whole_unit: bool,
    /// The positions counted, in plan order.
    pub position_ids: Vec<String>,
}

/// A quantity a norm is computed from, as a field of the unit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Driver {
    SchoolZone,
    Classes,
    NurseryGroups,
    Pupils,
    TwoSessionsADay,
    Population,
    BorderGates,
    InternationalQuarantine,
    IndustrialZones,
    Mountainous,
    CentrallyRunCity,
    ShelfMetres,
    ElectronicMb,
    AudioVisualHours,
    CommuneClass,
    CommuneSetting,
}

impl Driver {
    /// The unit's field, as plan files name it.
    pub fn keyword(self) -> &'static str {
        match self {
            Driver::SchoolZone => "school_zone",
            Driver::Classes => "classes",
            Driver::NurseryGroups => "nursery_groups",
            Driver::Pupils => "pupils",
            Driver::TwoSessionsADay => "two_sessions_a_day",
            Driver::Population => "population",
            Driver::BorderGates => "border_gates",
            Driver::InternationalQuarantine => "international_quarantine",
            Driver::IndustrialZones => "industrial_zones",
            Driver::Mountainous => "mountainous",
            Driver::CentrallyRunCity => "centrally_run_city",
            Driver::ShelfMetres => "shelf_metres",
            Driver::ElectronicMb => "electronic_mb",
            Driver::AudioVisualHours => "audio_visual_hours",
            Driver::CommuneClass => "commune_class",
            Driver::CommuneSetting => "commune_setting",
        }
    }

    pub fn label_vi(self) -> &'static str {
        match self {
            Driver::SchoolZone => "Vùng của trường (1, 2, 3)",
            Driver::Classes => "Số lớp",
            Driver::NurseryGroups => "Số nhóm trẻ",
            Driver::Pupils => "Số học sinh",
            Driver::TwoSessionsADay => "Dạy học 2 buổi/ngày",
            Driver::Population => "Dân số",
            Driver::BorderGates => "Số cửa khẩu quốc tế",
            Driver::InternationalQuarantine => "Có kiểm dịch y tế quốc tế",
            Driver::IndustrialZones => "Có khu công nghiệp",
            Driver::Mountainous => "Miền núi",
            Driver::CentrallyRunCity => "Thành phố trực thuộc trung ương",
            Driver::ShelfMetres => "Tài liệu giấy (mét giá)",
            Driver::ElectronicMb => "Tài liệu điện tử (MB)",
            Driver::AudioVisualHours => "Tài liệu nghe nhìn (giờ)",
            Driver::CommuneClass => "Loại đơn vị hành chính cấp xã (I, II, III)",
            Driver::CommuneSetting => "Xã, thị trấn hay phường thuộc quận, thành phố, thị xã",
        }
    }

    pub fn label_en(self) -> &'static str {
        match self {
            Driver::SchoolZone => "School zone (1, 2, 3)",
            Driver::Classes => "Classes",
            Driver::NurseryGroups => "Nursery groups",
            Driver::Pupils => "Pupils",
            Driver::TwoSessionsADay => "Two sessions a day",
            Driver::Population => "Population",
            Driver::BorderGates => "International border gates",
            Driver::InternationalQuarantine => "International health quarantine",
            Driver::IndustrialZones => "Industrial zones",
            Driver::Mountainous => "Mountainous",
            Driver::CentrallyRunCity => "Centrally-run city",
            Driver::ShelfMetres => "Paper records (shelf metres)",
            Driver::ElectronicMb => "Electronic records (MB)",
            Driver::AudioVisualHours => "Audio-visual records (hours)",
            Driver::CommuneClass => "Commune class (I, II, III)",
            Driver::CommuneSetting => "Commune, township or ward",
        }
    }

    /// The label in `language`.
    pub fn label(self, language: crate::language::Language) -> &'static str {
        language.t(self.label_vi(), self.label_en())
    }
}
