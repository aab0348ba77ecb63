//! Scenarios side by side: for each, per year, the whole plan's requirement, the recruitment
//! needed, and the cut of biên chế achieved against the first year's quota.

use super::{Options, ProjectionError, ScenarioChoice, project, quota_cut};
use crate::model::Plan;

/// One scenario's column of the comparison.
#[derive(Debug, Clone, PartialEq)]
pub struct ScenarioColumn {
    /// The scenario's name; `None` for the plan as it is.
    pub scenario: Option<String>,
    pub years: Vec<ComparedYear>,
}

/// One year of one scenario.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ComparedYear {
    pub year: i32,
    pub required: i64,
    pub staff_end: f64,
    pub needed: f64,
    /// Biên chế below the first year's quota at the end of the year, recruiting only the
    /// needed (see [`quota_cut::QuotaCutYear::achieved`]).
    pub cut_achieved: f64,
    /// The same in percent of the quota; `None` for a quota of 0.
    pub cut_percent: Option<f64>,
}

/// Projects `plan` under each of `choices` over the same horizon (`options.scenario` is
/// ignored) and sets them side by side.
pub fn compare(
    plan: &Plan,
    options: &Options,
    choices: &[ScenarioChoice],
) -> Result<Vec<ScenarioColumn>, ProjectionError> {
    choices
        .iter()
        .map(|choice| {
            let projection = project(
                plan,
                &Options {
                    scenario: choice.clone(),
                    ..options.clone()
                },
            )?;
            let cut = quota_cut::one(plan, &projection, 0.0, projection.from, None);
            let years = projection
                .timeline
                .iter()
                .zip(&cut.years)
                .map(|(year, cut)| ComparedYear {
                    year: year.year,
                    required: year.total.required,
                    staff_end: year.total.staff_end,
                    needed: year.total.needed,
                    cut_achieved: cut.achieved,
                    cut_percent: cut.achieved_percent,
                })
                .collect();
            Ok(ScenarioColumn {
                scenario: projection.scenario,
                years,
            })
        })
        .collect()
}
