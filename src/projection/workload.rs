//! A scenario's workload changes year by year: growth compounding after the first year of the
//! projection, and explicit volumes from a given year, turned into the volumes the engine
//! computes each year with (on the plan's own tables, see [`crate::engine::compute_with_volumes`]).

use std::collections::HashSet;

use polars::prelude::PlHashMap;

use super::ProjectionError;
use crate::engine::{UnitTree, WorkloadVolumes, unit_index};
use crate::model::{Plan, Scenario, ScenarioChange};

/// The components a scenario changes, each with its yearly growth rate and explicit volumes.
#[derive(Debug, Clone, Default)]
pub struct WorkloadChanges {
    /// (position index, component index) → how the component's volume moves.
    changed: Vec<Changed>,
}

#[derive(Debug, Clone)]
struct Changed {
    position: usize,
    component: usize,
    /// Volume multiplied by this each year after the first (1 for no growth).
    yearly_factor: f64,
    /// Explicit volumes (from year, volume), in the scenario's order; the latest year that has
    /// begun wins, the later change of the same year too.
    volumes: Vec<(i32, f64)>,
}

impl WorkloadChanges {
    /// Reads a scenario's growth and volume changes, checking what they name: the first
    /// problem found is the error.
    pub fn of(plan: &Plan, tree: &UnitTree, scenario: &Scenario) -> Result<Self, ProjectionError> {
        let (changes, problems) = Self::read(plan, tree, scenario);
        match problems.into_iter().next() {
            Some(problem) => Err(problem),
            None => Ok(changes),
        }
    }

    /// Reads a scenario's changes, with every problem of those that do not read (a change
    /// with a problem is left out).
    pub fn read(plan: &Plan, tree: &UnitTree, scenario: &Scenario) -> (Self, Vec<ProjectionError>) {
        let units = unit_index(&plan.units);
        let mut by_component: PlHashMap<(usize, usize), Changed> = PlHashMap::default();
        // Only volume changes look components up by id: a province has tens of thousands.
        let component_places: PlHashMap<&str, (usize, usize)> = if scenario
            .changes
            .iter()
            .any(|c| matches!(c, ScenarioChange::Volume { .. }))
        {
            plan.positions
                .iter()
                .enumerate()
                .flat_map(|(p, position)| {
                    position
                        .components
                        .iter()
                        .enumerate()
                        .map(move |(c, component)| (component.id.as_str(), (p, c)))
                })
                .collect()
        } else {
            PlHashMap::default()
        };
        let missing = |change: usize, field, what, id: &str| ProjectionError::MissingReference {
            scenario: scenario.name.clone(),
            change,
            field,
            what,
            id: id.to_owned(),
        };
        let mut problems = Vec::new();
        let mut add = |number: usize, change: &ScenarioChange| -> Result<(), ProjectionError> {
            match change {
                ScenarioChange::Growth {
                    percent,
                    code,
                    unit_id,
                } => {
                    if !percent.is_finite() || *percent <= -100.0 {
                        return Err(ProjectionError::BadPercent {
                            scenario: scenario.name.clone(),
                            change: number,
                            value: *percent,
                        });
                    }
                    let within: Option<HashSet<&str>> = match unit_id {
                        None => None,
                        Some(id) => {
                            let root = *units
                                .get(id.as_str())
                                .ok_or_else(|| missing(number, "unit_id", "unit", id))?;
                            Some(
                                tree.subtree(root)
                                    .into_iter()
                                    .filter_map(|u| plan.units.get(u).map(|u| u.id.as_str()))
                                    .collect(),
                            )
                        }
                    };
                    for (p, position) in plan.positions.iter().enumerate() {
                        if within
                            .as_ref()
                            .is_some_and(|w| !w.contains(position.unit_id.as_str()))
                        {
                            continue;
                        }
                        for (c, component) in position.components.iter().enumerate() {
                            let has_volume = component.kind.volume().is_some();
                            let code_matches = code
                                .as_ref()
                                .is_none_or(|code| component.code.as_ref() == Some(code));
                            if has_volume && code_matches {
                                entry(&mut by_component, p, c).yearly_factor *=
                                    1.0 + percent / 100.0;
                            }
                        }
                    }
                }
                ScenarioChange::Volume {
                    component_id,
                    volume,
                    from_year,
                } => {
                    let &(p, c) = component_places.get(component_id.as_str()).ok_or_else(|| {
                        missing(number, "component_id", "component", component_id)
                    })?;
                    if !volume.is_finite() || *volume < 0.0 {
                        return Err(ProjectionError::BadVolume {
                            scenario: scenario.name.clone(),
                            change: number,
                            value: *volume,
                        });
                    }
                    let has_volume = plan
                        .positions
                        .get(p)
                        .and_then(|position| position.components.get(c))
                        .is_some_and(|component| component.kind.volume().is_some());
                    if !has_volume {
                        return Err(ProjectionError::NoVolume {
                            scenario: scenario.name.clone(),
                            change: number,
                            id: component_id.clone(),
                        });
                    }
                    entry(&mut by_component, p, c)
                        .volumes
                        .push((*from_year, *volume));
                }
                ScenarioChange::QuotaCut {
                    percent, unit_id, ..
                } => {
                    // A cut is written 5 or -5 alike; it cannot take more than the quota.
                    if !percent.is_finite() || percent.abs() > 100.0 {
                        return Err(ProjectionError::BadCut {
                            scenario: scenario.name.clone(),
                            change: number,
                            value: *percent,
                        });
                    }
                    if let Some(id) = unit_id
                        && !units.contains_key(id.as_str())
                    {
                        return Err(missing(number, "unit_id", "unit", id));
                    }
                }
                ScenarioChange::EarlyRetirement { staff_id, .. } => {
                    if !plan.staff.iter().any(|s| s.id == *staff_id) {
                        return Err(missing(number, "staff_id", "staff", staff_id));
                    }
                }
            }
            Ok(())
        };
        for (number, change) in (1..).zip(&scenario.changes) {
            if let Err(problem) = add(number, change) {
                problems.push(problem);
            }
        }
        let mut changed: Vec<Changed> = by_component.into_values().collect();
        changed.sort_by_key(|c| (c.position, c.component));
        (WorkloadChanges { changed }, problems)
    }

    /// Whether the workload is the plan's in every year.
    pub fn is_empty(&self) -> bool {
        self.changed.is_empty()
    }

    /// Each changed component's volume in `year` (the projection starting in `from`), in a
    /// fixed order: equal lists mean equal requirements.
    pub fn volumes(&self, plan: &Plan, from: i32, year: i32) -> Vec<f64> {
        self.changed
            .iter()
            .map(|changed| {
                let explicit = changed
                    .volumes
                    .iter()
                    .filter(|(since, _)| *since <= year)
                    .max_by_key(|(since, _)| *since)
                    .map(|(_, volume)| *volume);
                explicit.unwrap_or_else(|| {
                    let base = plan
                        .positions
                        .get(changed.position)
                        .and_then(|p| p.components.get(changed.component))
                        .and_then(|c| c.kind.volume())
                        .unwrap_or(0.0);
                    let after = (year - from).max(0);
                    base * changed.yearly_factor.powi(after)
                })
            })
            .collect()
    }

    /// The volumes of a year (as [`Self::volumes`] gives them) keyed by the component they
    /// replace, as the engine takes them.
    pub fn workload(&self, volumes: &[f64]) -> WorkloadVolumes {
        self.changed
            .iter()
            .zip(volumes)
            .map(|(changed, volume)| ((changed.position, changed.component), *volume))
            .collect()
    }
}

fn entry(
    by_component: &mut PlHashMap<(usize, usize), Changed>,
    position: usize,
    component: usize,
) -> &mut Changed {
    by_component
        .entry((position, component))
        .or_insert_with(|| Changed {
            position,
            component,
            yearly_factor: 1.0,
            volumes: Vec::new(),
        })
}
