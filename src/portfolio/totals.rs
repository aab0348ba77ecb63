//! The sums of a portfolio: over all agencies, by the unit type of each agency's root unit,
//! and by employment basis. Each is a sum of the agencies' rows, nothing computed again.

use super::Agency;
use super::AgencyFigures;
use crate::engine::EmploymentFigures;
use crate::model::{ByEmployment, Employment, UnitType};

/// Sums of agencies' rows.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Sums {
    /// Agencies whose plan was read.
    pub plans: usize,
    /// The sum of the quotas the plans state (a plan without one adds nothing).
    pub quota: u64,
    pub required: i64,
    pub current: f64,
    pub proposed: i64,
    /// The sum of the appraised figures; `None` until some plan is appraised.
    pub appraised: Option<i64>,
    pub errors: usize,
    pub warnings: usize,
}

impl Sums {
    pub fn add(&mut self, row: &AgencyFigures) {
        self.plans += 1;
        self.quota += row.quota.map_or(0, u64::from);
        self.required += row.required;
        self.current += row.current;
        self.proposed += row.proposed;
        if let Some(appraised) = row.appraised {
            self.appraised = Some(self.appraised.unwrap_or(0) + appraised);
        }
        self.errors += row.errors;
        self.warnings += row.warnings;
    }
}

/// The sums of one unit type.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TypeSums {
    pub unit_type: UnitType,
    pub sums: Sums,
}

/// The portfolio's sums.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Totals {
    /// Over every agency whose plan was read.
    pub all: Sums,
    /// Plans that could not be read, validated or computed.
    pub unreadable: usize,
    /// By the unit type of each agency's root unit, in the order of [`UnitType::ALL`].
    pub by_unit_type: Vec<TypeSums>,
    /// The agencies' totals split by employment basis, summed.
    pub by_employment: ByEmployment<EmploymentFigures>,
}

impl Totals {
    pub fn of(agencies: &[Agency]) -> Self {
        let mut totals = Totals::default();
        let mut by_type: Vec<Sums> = vec![Sums::default(); UnitType::ALL.len()];
        for agency in agencies {
            let Some(row) = agency.figures() else {
                totals.unreadable += 1;
                continue;
            };
            totals.all.add(row);
            if let Some(slot) = UnitType::ALL
                .iter()
                .position(|t| *t == row.unit_type)
                .and_then(|i| by_type.get_mut(i))
            {
                slot.add(row);
            }
            for employment in Employment::ALL {
                *totals.by_employment.get_mut(employment) += row.by_employment.get(employment);
            }
        }
        totals.by_unit_type = UnitType::ALL
            .iter()
            .zip(by_type)
            .filter(|(_, sums)| sums.plans > 0)
            .map(|(&unit_type, sums)| TypeSums { unit_type, sums })
            .collect();
        totals
    }
}
