//! The plan: everything one agency's job-position plan holds, as one self-contained value.

use serde::{Deserialize, Serialize};

use super::{
    Appraisal, Calendar, CivilDate, DocumentForm, Position, ProvinceClass, Review, Rounding,
    Scenarios, StaffMember, Unit,
};

/// Version of the plan file format this build writes and reads.
pub const FORMAT_VERSION: u32 = 2;

/// A job-position plan (đề án vị trí việc làm).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Plan {
    pub format_version: u32,
    pub meta: PlanMeta,
    #[serde(default)]
    pub rounding: Rounding,
    /// Working calendars; empty means the Vietnamese default for every position.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub calendars: Vec<Calendar>,
    #[serde(default)]
    pub units: Vec<Unit>,
    #[serde(default)]
    pub positions: Vec<Position>,
    #[serde(default)]
    pub staff: Vec<StaffMember>,
    /// Ids of rules whose findings are errors for this plan rather than warnings.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub blocking_rules: Vec<String>,
    /// Scenarios of the workforce projection and the one in use.
    #[serde(default, skip_serializing_if = "Scenarios::is_empty")]
    pub scenarios: Scenarios,
    /// The reviewer's appraisal; not part of the agency's proposal or its fingerprint.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub review: Option<Review>,
}

/// A plan's units and positions by id (the first of a repeated id, as validation reports it).
#[derive(Debug, Clone)]
pub struct PlanIndex<'a> {
    units: std::collections::HashMap<&'a str, &'a Unit>,
    positions: std::collections::HashMap<&'a str, &'a Position>,
}

impl<'a> PlanIndex<'a> {
    pub fn unit(&self, id: &str) -> Option<&'a Unit> {
        self.units.get(id).copied()
    }

    pub fn position(&self, id: &str) -> Option<&'a Position> {
        self.positions.get(id).copied()
    }
}

/// What the plan is and whose it is.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PlanMeta {
    pub name: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub agency: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub year: Option<i32>,
    /// The class of the province the agency belongs to; it sets division thresholds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub province_class: Option<ProvinceClass>,
    /// The date the plan is judged at: rules in force that day apply. `None` means today.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub judged_at: Option<CivilDate>,
    /// What the printed dossier's administrative form says: parent body, the document it
    /// accompanies, place, signers.
    #[serde(default, skip_serializing_if = "DocumentForm::is_empty")]
    pub document: DocumentForm,
}

impl Default for Plan {
    fn default() -> Self {
        Plan {
            format_version: FORMAT_VERSION,
            meta: PlanMeta::default(),
            rounding: Rounding::default(),
            calendars: Vec::new(),
            units: Vec::new(),
            positions: Vec::new(),
            staff: Vec::new(),
            blocking_rules: Vec::new(),
            scenarios: Scenarios::default(),
            review: None,
        }
    }
}

impl Plan {
    /// The calendar a position works under: its own, else the plan's first, else the
    /// Vietnamese default. `None` only when the position names a calendar that does not exist.
    pub fn calendar_for(&self, position: &Position) -> Option<Calendar> {
        match &position.calendar {
            Some(id) => self.calendars.iter().find(|c| &c.id == id).cloned(),
            None => Some(self.default_calendar()),
        }
    }

    /// The plan's first calendar, or the Vietnamese default when it has none.
    pub fn default_calendar(&self) -> Calendar {
        self.calendars
            .first()
            .cloned()
            .unwrap_or_else(Calendar::vietnamese_default)
    }

    /// Workload components over all positions.
    pub fn component_count(&self) -> usize {
        self.positions.iter().map(|p| p.components.len()).sum()
    }

    /// One unit by id (a search: inside a loop, look up through [`Plan::index`]).
    pub fn unit(&self, id: &str) -> Option<&Unit> {
        self.units.iter().find(|u| u.id == id)
    }

    /// One position by id (a search: inside a loop, look up through [`Plan::index`]).
    pub fn position(&self, id: &str) -> Option<&Position> {
        self.positions.iter().find(|p| p.id == id)
    }

    /// Units and positions by id, built once for many lookups.
    pub fn index(&self) -> PlanIndex<'_> {
        PlanIndex {
            units: self.units.iter().map(|u| (u.id.as_str(), u)).collect(),
            positions: self.positions.iter().map(|p| (p.id.as_str(), p)).collect(),
        }
    }

    /// Each position's appraisal line (index-aligned with `positions`), looked up once.
    pub fn appraisals(&self) -> Vec<Option<&Appraisal>> {
        let lines = self
            .review
            .as_ref()
            .map(Review::by_position)
            .unwrap_or_default();
        self.positions
            .iter()
            .map(|p| lines.get(p.id.as_str()).copied())
            .collect()
    }

    /// The date rules are judged at: the plan's own, else today.
    pub fn judgement_date(&self) -> CivilDate {
        self.meta.judged_at.unwrap_or_else(CivilDate::today)
    }
}
