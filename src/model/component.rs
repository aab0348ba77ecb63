//! Workload components of a position, in the four WISN groups.

use serde::{Deserialize, Serialize};

/// One workload component (a duty, công việc) of a position.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Component {
    pub id: String,
    pub name: String,
    /// Optional task code shared across agencies (e.g. a national administrative-procedure code).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    pub kind: ComponentKind,
}

/// The four kinds of workload (DOMAIN.md section 3).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ComponentKind {
    /// Core task done by everyone in the position: yearly volume x minutes per item x coefficient.
    Service {
        volume: f64,
        minutes_per_item: f64,
        #[serde(default = "one", skip_serializing_if = "is_one")]
        coefficient: f64,
    },
    /// Category allowance: a share of everyone's working time.
    Support(SupportAmount),
    /// Individual allowance: time per period, done by some of the staff.
    Additional {
        minutes: f64,
        per: Period,
        #[serde(default = "one", skip_serializing_if = "is_one")]
        staff: f64,
    },
    /// Staffing ratio: driver quantity x staff per unit of it (20 classes x 1.5 teachers).
    Norm { volume: f64, ratio: f64 },
}

impl ComponentKind {
    /// The keyword used in interchange files.
    pub fn keyword(&self) -> &'static str {
        self.component_type().keyword()
    }

    /// The yearly volume of a kind that has one (service items, or a norm's driver quantity):
    /// what workload growth and a scenario's volume change act on.
    pub fn volume(&self) -> Option<f64> {
        match self {
            ComponentKind::Service { volume, .. } | ComponentKind::Norm { volume, .. } => {
                Some(*volume)
            }
            ComponentKind::Support(_) | ComponentKind::Additional { .. } => None,
        }
    }

    /// Which of the four kinds this is, without its figures.
    pub fn component_type(&self) -> ComponentType {
        match self {
            ComponentKind::Service { .. } => ComponentType::Service,
            ComponentKind::Support(_) => ComponentType::Support,
            ComponentKind::Additional { .. } => ComponentType::Additional,
            ComponentKind::Norm { .. } => ComponentType::Norm,
        }
    }
}

/// The four kinds of workload component, by name only.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ComponentType {
    Service,
    Support,
    Additional,
    Norm,
}

impl ComponentType {
    pub const ALL: [ComponentType; 4] = [
        ComponentType::Service,
        ComponentType::Support,
        ComponentType::Additional,
        ComponentType::Norm,
    ];

    /// The keyword used in interchange files.
    pub fn keyword(self) -> &'static str {
        match self {
            ComponentType::Service => "service",
            ComponentType::Support => "support",
            ComponentType::Additional => "additional",
            ComponentType::Norm => "norm",
        }
    }

    pub fn label_vi(self) -> &'static str {
        match self {
            ComponentType::Service => "Công việc chính",
            ComponentType::Support => "Công việc hỗ trợ",
            ComponentType::Additional => "Công việc bổ sung",
            ComponentType::Norm => "Định mức",
        }
    }

    pub fn label_en(self) -> &'static str {
        match self {
            ComponentType::Service => "Service work",
            ComponentType::Support => "Support work",
            ComponentType::Additional => "Additional work",
            ComponentType::Norm => "Staffing norm",
        }
    }
}

/// How a support allowance is given: a percentage, or an amount of time per period.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SupportAmount {
    Percent(f64),
    Time { minutes: f64, per: Period },
}

/// The period a time amount refers to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Period {
    Day,
    Week,
    Month,
    Year,
}

impl Period {
    pub const ALL: [Period; 4] = [Period::Day, Period::Week, Period::Month, Period::Year];

    pub fn keyword(self) -> &'static str {
        match self {
            Period::Day => "day",
            Period::Week => "week",
            Period::Month => "month",
            Period::Year => "year",
        }
    }

    pub fn from_keyword(text: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|p| p.keyword() == text)
    }

    /// The period in Vietnamese, as in `60 phút/tuần`.
    pub fn label_vi(self) -> &'static str {
        match self {
            Period::Day => "ngày",
            Period::Week => "tuần",
            Period::Month => "tháng",
            Period::Year => "năm",
        }
    }

    pub fn label_en(self) -> &'static str {
        self.keyword()
    }

    /// The label in `language`.
    pub fn label(self, language: crate::language::Language) -> &'static str {
        language.t(self.label_vi(), self.label_en())
    }
}

fn one() -> f64 {
    1.0
}

// A value equal to the default is left out of plan files: shorter to read, faster to load.
#[expect(
    clippy::trivially_copy_pass_by_ref,
    reason = "serde passes fields by reference"
)]
fn is_one(value: &f64) -> bool {
    *value == 1.0
}
