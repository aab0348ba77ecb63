//! A scenario's quota cuts set against the projection: the biên chế the units would hold at
//! the end of each year if they recruited only what the workload needs, and how far that is
//! below the quota of the first year.

use crate::engine::UnitTree;
use crate::model::{Plan, Scenario, ScenarioChange};

use super::{Figures, Projection};

/// One quota cut and how the projection meets it.
#[derive(Debug, Clone, PartialEq)]
pub struct QuotaCutProgress {
    /// The unit (with its sub-units) the cut is for; `None` for the whole plan.
    pub unit_id: Option<String>,
    /// The cut as a share of the base, in percent (positive: 5 for a cut of 5 %).
    pub percent: f64,
    pub by_year: i32,
    /// The quota of the first year: the units' biên chế được giao, or, where none is set, the
    /// biên chế in post on 1 January of the first year (`base_is_quota` false).
    pub base: f64,
    pub base_is_quota: bool,
    /// The biên chế the cut allows by `by_year`: `base × (1 − percent / 100)`.
    pub target: f64,
    pub years: Vec<QuotaCutYear>,
    /// Whether the biên chế held at the end of `by_year` is within the target; `None` when
    /// the projection does not reach that year.
    pub met: Option<bool>,
}

/// One year of a quota cut.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct QuotaCutYear {
    pub year: i32,
    /// Biên chế figures of the year (required, in post, needed).
    pub figures: Figures,
    /// Biên chế held at the end of the year recruiting only the needed: `staff_end + needed`.
    pub held: f64,
    /// `base − held`: the cut achieved (negative: above the base).
    pub achieved: f64,
    /// `achieved / base`, in percent; `None` for a base of 0.
    pub achieved_percent: Option<f64>,
}

/// The quota a cut counts from for `unit_id` (or the whole plan): `None` when some unit it
/// needs has no quota.
pub fn quota_of(plan: &Plan, unit_id: Option<&str>) -> Option<f64> {
    match unit_id {
        Some(id) => plan.unit(id)?.quota.map(f64::from),
        None => {
            let tree = UnitTree::lenient(&plan.units);
            tree.roots()
                .iter()
                .map(|&r| plan.units.get(r).and_then(|u| u.quota).map(f64::from))
                .sum()
        }
    }
}

/// The biên chế figures of a year for a unit (or the whole plan).
fn establishment(projection_year: &super::Year, unit_id: Option<&str>) -> Option<Figures> {
    match unit_id {
        None => Some(projection_year.establishment()),
        Some(id) => projection_year
            .units
            .iter()
            .find(|r| r.id == id)
            .map(super::Row::establishment),
    }
}

/// Every quota cut of `scenario` against `projection`.
pub fn progress(
    plan: &Plan,
    projection: &Projection,
    scenario: &Scenario,
) -> Vec<QuotaCutProgress> {
    scenario
        .changes
        .iter()
        .filter_map(|change| match change {
            ScenarioChange::QuotaCut {
                percent,
                by_year,
                unit_id,
            } => Some(one(
                plan,
                projection,
                percent.abs(),
                *by_year,
                unit_id.as_deref(),
            )),
            _ => None,
        })
        .collect()
}

/// One cut of `percent` (positive) by `by_year` for `unit_id` (or the whole plan).
pub fn one(
    plan: &Plan,
    projection: &Projection,
    percent: f64,
    by_year: i32,
    unit_id: Option<&str>,
) -> QuotaCutProgress {
    let years: Vec<(i32, Figures)> = projection
        .timeline
        .iter()
        .filter_map(|y| establishment(y, unit_id).map(|f| (y.year, f)))
        .collect();
    let quota = quota_of(plan, unit_id);
    let base = quota.unwrap_or_else(|| years.first().map_or(0.0, |(_, f)| f.staff_start));
    let target = base * (1.0 - percent / 100.0);
    let years: Vec<QuotaCutYear> = years
        .into_iter()
        .map(|(year, figures)| {
            let held = figures.staff_end + figures.needed;
            let achieved = base - held;
            QuotaCutYear {
                year,
                figures,
                held,
                achieved,
                achieved_percent: (base > 0.0).then(|| achieved / base * 100.0),
            }
        })
        .collect();
    let met = years
        .iter()
        .find(|y| y.year == by_year)
        .map(|y| y.held <= target + crate::engine::WHOLE_NUMBER_TOLERANCE);
    QuotaCutProgress {
        unit_id: unit_id.map(str::to_owned),
        percent,
        by_year,
        base,
        base_is_quota: quota.is_some(),
        target,
        years,
        met,
    }
}
