//! The projection's figures: per year, for the total, each unit (with its whole subtree), each
//! position, each rank and each employment basis.

use serde::Serialize;

use crate::model::{ByEmployment, Employment};

/// One cell of the timeline. Staff figures are full-time equivalents; `required` is whole
/// people, as the engine rounds it under the plan's policy.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize)]
pub struct Figures {
    /// Required by the workload of that year (under the scenario).
    pub required: i64,
    /// In post on 1 January.
    pub staff_start: f64,
    /// Leaving during the year (people already past the age count in the first year).
    pub retiring: f64,
    /// In post at the end of the year, no one having been recruited since the first year.
    pub staff_end: f64,
    /// To recruit by the end of the year if no one were recruited before:
    /// `max(0, required - staff_end)`.
    pub needed: f64,
}

impl Figures {
    /// Adds another group's required and staff figures; `needed` is derived afterwards.
    pub fn add(&mut self, other: &Figures) {
        self.required += other.required;
        self.staff_start += other.staff_start;
        self.retiring += other.retiring;
        self.staff_end += other.staff_end;
    }

    /// Sets `needed` from the sums: `max(0, required - staff_end)`.
    pub fn derive_needed(&mut self) {
        self.needed = (self.required as f64 - self.staff_end).max(0.0);
    }

    /// One person's share: in post at the start, and leaving this year or not.
    pub(super) fn person(&mut self, fte: f64, retiring: bool) {
        self.staff_start += fte;
        if retiring {
            self.retiring += fte;
        } else {
            self.staff_end += fte;
        }
    }
}

/// Figures of one unit, position or rank, by its id (the rank code for ranks).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Row {
    pub id: String,
    #[serde(flatten)]
    pub figures: Figures,
    /// The same figures by employment basis (a position's all under its own basis).
    #[serde(skip)]
    pub by_employment: ByEmployment<Figures>,
}

impl Row {
    /// Biên chế alone (civil servants and public employees), `needed` derived from its sums.
    pub fn establishment(&self) -> Figures {
        establishment(&self.by_employment)
    }
}

/// Biên chế alone of figures by basis, `needed` derived from its sums.
pub fn establishment(by_employment: &ByEmployment<Figures>) -> Figures {
    let mut figures = Figures::default();
    for employment in Employment::ALL {
        if employment.in_establishment() {
            figures.add(&by_employment.get(employment));
        }
    }
    figures.derive_needed();
    figures
}

/// One year of the timeline.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Year {
    pub year: i32,
    pub total: Figures,
    /// Every unit with its whole subtree, in plan order.
    pub units: Vec<Row>,
    /// Every position, in plan order.
    pub positions: Vec<Row>,
    /// Required by the positions asking for each rank, staff by the rank they hold; in code
    /// order, the empty code (no rank recorded) last.
    #[serde(skip)]
    pub ranks: Vec<Row>,
    /// The figures by employment basis: biên chế apart from labour contracts.
    #[serde(skip)]
    pub by_employment: ByEmployment<Figures>,
}

impl Year {
    /// The figures of a unit by id.
    pub fn unit(&self, id: &str) -> Option<&Figures> {
        self.units.iter().find(|r| r.id == id).map(|r| &r.figures)
    }

    /// The figures of a position by id.
    pub fn position(&self, id: &str) -> Option<&Figures> {
        self.positions
            .iter()
            .find(|r| r.id == id)
            .map(|r| &r.figures)
    }

    /// Biên chế alone (civil servants and public employees), `needed` derived from its sums.
    pub fn establishment(&self) -> Figures {
        establishment(&self.by_employment)
    }
}
