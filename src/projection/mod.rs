//! The workforce projection: who retires when, what the workload will require, and how many
//! must be recruited, year by year over a horizon, under a scenario.
//!
//! One function, [`project`], serves the app, the command line and the dossier. Retirement
//! dates come from the roadmap of retirement ages kept as data with citations ([`roadmap`]);
//! the requirement of each year is the engine's, computed on the plan with the scenario's
//! workload of that year ([`workload`]); staff and requirement are summed per position, unit
//! (whole subtree), rank and employment basis ([`timeline`]). A scenario's quota cuts are set
//! against the result ([`quota_cut`]), and scenarios are compared side by side ([`comparison`]).

pub mod assumptions;
pub mod comparison;
mod error;
pub mod quota_cut;
pub mod retirement;
pub mod roadmap;
pub mod timeline;
mod workload;

use std::collections::{BTreeMap, HashMap};

use serde::Serialize;

pub use comparison::{ComparedYear, ScenarioColumn, compare};
pub use error::ProjectionError;
pub use quota_cut::{QuotaCutProgress, QuotaCutYear};
pub use retirement::{Retirement, RetirementSource, Unknown, retirement, retirement_date};
pub use roadmap::{Age, Roadmap, roadmap};
pub use timeline::{Figures, Row, Year};

use crate::engine::{self, PlanResults, UnitTree, unit_index};
use crate::model::{ByEmployment, CivilDate, Employment, Plan, Scenario};

/// Years a projection covers when not told: the plan year and 4 more.
pub const DEFAULT_YEARS: u32 = 5;
/// The longest horizon accepted.
pub const MAX_YEARS: u32 = 30;

/// Which scenario a projection applies.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
pub enum ScenarioChoice {
    /// The plan's active scenario, if it has one.
    #[default]
    Active,
    /// None: the plan as it is.
    Plain,
    /// The scenario of this name.
    Named(String),
}

/// What to project.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Options {
    /// The first year; `None` for the plan year (else the year of its judgement date).
    pub from: Option<i32>,
    pub years: u32,
    pub scenario: ScenarioChoice,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            from: None,
            years: DEFAULT_YEARS,
            scenario: ScenarioChoice::Active,
        }
    }
}

/// The projection of a plan.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Projection {
    /// The first year.
    pub from: i32,
    pub years: u32,
    /// The scenario applied; `None` for the plan as it is.
    pub scenario: Option<String>,
    /// Every staff member's retirement date, in plan order.
    pub staff: Vec<StaffRetirement>,
    /// One entry per year, from the first.
    pub timeline: Vec<Year>,
    /// Staff whose retirement date is unknown: counted as staying.
    #[serde(skip)]
    pub undated: Undated,
    /// The scenario's quota cuts set against the projection.
    #[serde(skip)]
    pub quota_cuts: Vec<QuotaCutProgress>,
}

/// A staff member's retirement as the projection counts it. Personal data: the app shows it
/// only when asked, the dossier never.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StaffRetirement {
    pub id: String,
    /// The last day in post; `None` when unknown (no birth date or sex, no decided date).
    pub retires_on: Option<CivilDate>,
    #[serde(skip)]
    pub unit_id: String,
    #[serde(skip)]
    pub position_id: Option<String>,
    #[serde(skip)]
    pub rank_code: String,
    #[serde(skip)]
    pub fte: f64,
    #[serde(skip)]
    pub source: Option<RetirementSource>,
    /// Why the date is unknown, when it is.
    #[serde(skip)]
    pub unknown: Option<Unknown>,
    /// The year the projection counts the person leaving: the retirement year, or the first
    /// year for someone already past it; `None` when unknown.
    #[serde(skip)]
    pub leaves_in: Option<i32>,
}

/// Staff with no known retirement date, counted as staying: how many, and where.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Undated {
    pub people: usize,
    pub fte: f64,
    /// Unit id (the person's own unit) and how many, in plan order of the units.
    pub by_unit: Vec<(String, usize)>,
    /// How many lack a birth date, and how many have one but no sex.
    pub without_birth_date: usize,
    pub without_sex: usize,
}

/// A cell of the timeline whose leavers can be listed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cell<'a> {
    Total,
    /// A unit with its whole subtree.
    Unit(&'a str),
    Position(&'a str),
    /// Staff holding this rank code (empty: no rank recorded).
    Rank(&'a str),
}

impl Projection {
    /// The year's figures, if the projection covers it.
    pub fn year(&self, year: i32) -> Option<&Year> {
        self.timeline.iter().find(|y| y.year == year)
    }

    /// The people counted as leaving in `year` in a cell, in plan order: what a figure of
    /// `retiring` is made of. `plan` must be the plan projected.
    pub fn retiring<'p>(
        &'p self,
        plan: &Plan,
        year: i32,
        cell: Cell<'_>,
    ) -> Vec<&'p StaffRetirement> {
        let in_unit: Option<std::collections::HashSet<&str>> = match cell {
            Cell::Unit(id) => {
                let tree = UnitTree::lenient(&plan.units);
                let root = unit_index(&plan.units).get(id).copied();
                Some(
                    root.map(|r| tree.subtree(r))
                        .unwrap_or_default()
                        .into_iter()
                        .filter_map(|u| plan.units.get(u).map(|u| u.id.as_str()))
                        .collect(),
                )
            }
            _ => None,
        };
        self.staff
            .iter()
            .filter(|s| s.leaves_in == Some(year))
            .filter(|s| match cell {
                Cell::Total => true,
                Cell::Unit(_) => in_unit
                    .as_ref()
                    .is_some_and(|units| units.contains(s.unit_id.as_str())),
                Cell::Position(id) => s.position_id.as_deref() == Some(id),
                Cell::Rank(code) => s.rank_code == code,
            })
            .collect()
    }

    /// The last year covered.
    pub fn to(&self) -> i32 {
        self.from + i32::try_from(self.years).unwrap_or(0) - 1
    }
}

/// The scenario `choice` names in `plan`, or `None` for the plan as it is.
pub fn chosen_scenario<'p>(
    plan: &'p Plan,
    choice: &ScenarioChoice,
) -> Result<Option<&'p Scenario>, ProjectionError> {
    let name = match choice {
        ScenarioChoice::Plain => return Ok(None),
        ScenarioChoice::Active => match &plan.scenarios.active {
            None => return Ok(None),
            Some(name) => name,
        },
        ScenarioChoice::Named(name) => name,
    };
    plan.scenarios
        .named(name)
        .map(Some)
        .ok_or_else(|| ProjectionError::UnknownScenario(name.clone()))
}

/// Every problem of the plan's scenarios: changes naming a unit, task or person the plan does
/// not have, figures that cannot be (a growth of -100 % or less, a negative volume, a cut of
/// more than the quota), a volume set on a task that has none, and an active scenario that
/// does not exist. Empty when every scenario can be projected.
pub fn scenario_problems(plan: &Plan) -> Vec<ProjectionError> {
    let tree = UnitTree::lenient(&plan.units);
    let mut problems: Vec<ProjectionError> = plan
        .scenarios
        .list
        .iter()
        .flat_map(|scenario| workload::WorkloadChanges::read(plan, &tree, scenario).1)
        .collect();
    problems.extend(active_scenario_problem(plan));
    problems
}

/// Every problem of one scenario's changes on `plan` (as [`scenario_problems`] finds them),
/// e.g. a scenario being edited before it is kept.
pub fn problems_of(plan: &Plan, scenario: &Scenario) -> Vec<ProjectionError> {
    let tree = UnitTree::lenient(&plan.units);
    workload::WorkloadChanges::read(plan, &tree, scenario).1
}

/// The active scenario, when it names none of the plan's.
fn active_scenario_problem(plan: &Plan) -> Option<ProjectionError> {
    match &plan.scenarios.active {
        Some(active) if plan.scenarios.named(active).is_none() => {
            Some(ProjectionError::UnknownScenario(active.clone()))
        }
        _ => None,
    }
}

/// The first year of a projection when not given: the plan year, else its judgement date's.
pub fn default_from(plan: &Plan) -> i32 {
    plan.meta
        .year
        .unwrap_or_else(|| i32::from(plan.judgement_date().year))
}

/// Projects `plan` over the horizon of `options`. The plan must validate (run
/// [`crate::validation::validate`] first); what a scenario names is checked here.
pub fn project(plan: &Plan, options: &Options) -> Result<Projection, ProjectionError> {
    if options.years == 0 || options.years > MAX_YEARS {
        return Err(ProjectionError::BadYears {
            years: options.years,
            max: MAX_YEARS,
        });
    }
    let from = options.from.unwrap_or_else(|| default_from(plan));
    if !(1900..=2200).contains(&from) {
        return Err(ProjectionError::BadFrom(from));
    }
    let roadmap = roadmap()?;
    let scenario = chosen_scenario(plan, &options.scenario)?;
    let tree = UnitTree::build(&plan.units)?;
    let changes = match scenario {
        Some(s) => workload::WorkloadChanges::of(plan, &tree, s)?,
        None => workload::WorkloadChanges::default(),
    };
    let years: Vec<i32> = (0..options.years)
        .map(|i| from + i32::try_from(i).unwrap_or(0))
        .collect();

    // The engine once per distinct workload: once in all when the scenario changes none.
    let mut results: Vec<PlanResults> = Vec::new();
    let mut result_of_year: Vec<usize> = Vec::with_capacity(years.len());
    if changes.is_empty() {
        results.push(engine::compute(plan)?);
        result_of_year.resize(years.len(), 0);
    } else {
        // One workload per run of equal years; the distinct ones computed side by side.
        let mut distinct: Vec<Vec<f64>> = Vec::new();
        for &year in &years {
            let volumes = changes.volumes(plan, from, year);
            if distinct.last() != Some(&volumes) {
                distinct.push(volumes);
            }
            result_of_year.push(distinct.len().saturating_sub(1));
        }
        let workloads: Vec<_> = distinct
            .iter()
            .map(|volumes| changes.workload(volumes))
            .collect();
        results = engine::compute_with_volumes(plan, &workloads)?;
    }

    let staff: Vec<StaffRetirement> = plan
        .staff
        .iter()
        .map(|member| {
            let retirement = retirement::retirement(roadmap, member, scenario);
            StaffRetirement {
                id: member.id.clone(),
                retires_on: retirement.date,
                unit_id: member.unit_id.clone(),
                position_id: member.position_id.clone(),
                rank_code: member.rank_code.clone(),
                fte: member.fte,
                source: retirement.source,
                unknown: retirement.unknown,
                leaves_in: retirement.date.map(|d| i32::from(d.year).max(from)),
            }
        })
        .collect();

    let timeline = match results.first() {
        None => Vec::new(),
        Some(first) => {
            let placement = Placement::new(plan, &tree, first);
            years
                .iter()
                .zip(&result_of_year)
                .filter_map(|(&year, &r)| results.get(r).map(|res| (year, res)))
                .map(|(year, res)| year_figures(plan, &tree, &staff, &placement, res, year))
                .collect()
        }
    };

    let undated = undated(plan, &staff);
    let mut projection = Projection {
        from,
        years: options.years,
        scenario: scenario.map(|s| s.name.clone()),
        staff,
        timeline,
        undated,
        quota_cuts: Vec::new(),
    };
    if let Some(scenario) = scenario {
        projection.quota_cuts = quota_cut::progress(plan, &projection, scenario);
    }
    Ok(projection)
}

/// Where each position and person counts, in index form: built once for every year.
struct Placement {
    /// Each position's basis (its own or its unit's), index-aligned with `plan.positions`.
    basis: Vec<Employment>,
    /// Each person's position and unit indices and basis, index-aligned with the staff.
    people: Vec<(Option<usize>, Option<usize>, Employment)>,
}

impl Placement {
    fn new(plan: &Plan, tree: &UnitTree, first: &PlanResults) -> Self {
        let units = unit_index(&plan.units);
        let positions: HashMap<&str, usize> = plan
            .positions
            .iter()
            .enumerate()
            .map(|(i, p)| (p.id.as_str(), i))
            .collect();
        let basis: Vec<Employment> = plan
            .positions
            .iter()
            .map(|p| {
                first
                    .position(&p.id)
                    .map(|r| r.employment)
                    .unwrap_or(Employment::CivilServant)
            })
            .collect();
        let unit_basis = engine::unit_employment_defaults(plan, tree);
        let people = plan
            .staff
            .iter()
            .map(|member| {
                let position = member
                    .position_id
                    .as_deref()
                    .and_then(|id| positions.get(id).copied());
                let unit = units.get(member.unit_id.as_str()).copied();
                // A person counts under their position's basis, else the one their unit gives.
                let employment = position
                    .and_then(|p| basis.get(p).copied())
                    .or_else(|| unit.and_then(|u| unit_basis.get(u).copied()))
                    .unwrap_or(Employment::CivilServant);
                (position, unit, employment)
            })
            .collect();
        Placement { basis, people }
    }
}

/// The figures of one year, with `results` the engine's for that year's workload.
fn year_figures(
    plan: &Plan,
    tree: &UnitTree,
    staff: &[StaffRetirement],
    placement: &Placement,
    results: &PlanResults,
    year: i32,
) -> Year {
    let basis = &placement.basis;
    let required: Vec<i64> = plan
        .positions
        .iter()
        .map(|p| results.position(&p.id).map_or(0, |r| r.required))
        .collect();
    let mut position_rows: Vec<Row> = plan
        .positions
        .iter()
        .zip(basis)
        .zip(&required)
        .map(|((p, &employment), &required)| {
            let figures = Figures {
                required,
                ..Figures::default()
            };
            let mut by_employment = ByEmployment::<Figures>::default();
            *by_employment.get_mut(employment) = figures;
            Row {
                id: p.id.clone(),
                figures,
                by_employment,
            }
        })
        .collect();
    let mut unit_own: Vec<ByEmployment<Figures>> = vec![ByEmployment::default(); plan.units.len()];
    let mut ranks: BTreeMap<&str, Figures> = BTreeMap::new();
    for (p, required) in plan.positions.iter().zip(&required) {
        ranks.entry(p.rank_code.as_str()).or_default().required += required;
    }
    for (person, &(position, unit, employment)) in staff.iter().zip(&placement.people) {
        // In post on 1 January unless counted as gone in an earlier year.
        if person.leaves_in.is_some_and(|y| y < year) {
            continue;
        }
        let leaving = person.leaves_in == Some(year);
        if let Some(row) = position.and_then(|p| position_rows.get_mut(p)) {
            row.figures.person(person.fte, leaving);
            row.by_employment
                .get_mut(employment)
                .person(person.fte, leaving);
        }
        if let Some(own) = unit.and_then(|u| unit_own.get_mut(u)) {
            own.get_mut(employment).person(person.fte, leaving);
        }
        ranks
            .entry(person.rank_code.as_str())
            .or_default()
            .person(person.fte, leaving);
    }

    // Staff roll up through the tree's ancestor walk; the requirement is the engine's roll-up.
    let mut rolled: Vec<ByEmployment<Figures>> = vec![ByEmployment::default(); plan.units.len()];
    for (u, own) in unit_own.iter().enumerate() {
        for ancestor in tree.ancestors_or_self(u) {
            if let Some(target) = rolled.get_mut(ancestor) {
                for employment in Employment::ALL {
                    target.get_mut(employment).add(&own.get(employment));
                }
            }
        }
    }
    let mut total = ByEmployment::<Figures>::default();
    for own in &unit_own {
        for employment in Employment::ALL {
            total.get_mut(employment).add(&own.get(employment));
        }
    }
    for employment in Employment::ALL {
        total.get_mut(employment).required = results.total.by_employment.get(employment).required;
    }
    let unit_rows: Vec<Row> = plan
        .units
        .iter()
        .zip(rolled)
        .map(|(unit, mut by_employment)| {
            let engine_unit = results.unit(&unit.id);
            for employment in Employment::ALL {
                let figures = by_employment.get_mut(employment);
                figures.required =
                    engine_unit.map_or(0, |r| r.by_employment.get(employment).required);
                figures.derive_needed();
            }
            let mut figures = sum(&by_employment);
            figures.required = engine_unit.map_or(figures.required, |r| r.required);
            figures.derive_needed();
            Row {
                id: unit.id.clone(),
                figures,
                by_employment,
            }
        })
        .collect();
    for row in &mut position_rows {
        row.figures.derive_needed();
        for employment in Employment::ALL {
            row.by_employment.get_mut(employment).derive_needed();
        }
    }
    let mut total_figures = sum(&total);
    total_figures.required = results.total.required;
    total_figures.derive_needed();
    for employment in Employment::ALL {
        total.get_mut(employment).derive_needed();
    }
    let mut rank_rows: Vec<Row> = ranks
        .into_iter()
        .map(|(code, mut figures)| {
            figures.derive_needed();
            Row {
                id: code.to_owned(),
                figures,
                by_employment: ByEmployment::default(),
            }
        })
        .collect();
    // The empty code sorts first; "no rank recorded" reads better last.
    rank_rows.sort_by_key(|r| r.id.is_empty());
    Year {
        year,
        total: total_figures,
        units: unit_rows,
        positions: position_rows,
        ranks: rank_rows,
        by_employment: total,
    }
}

fn sum(by_employment: &ByEmployment<Figures>) -> Figures {
    let mut figures = Figures::default();
    for employment in Employment::ALL {
        figures.add(&by_employment.get(employment));
    }
    figures
}

fn undated(plan: &Plan, staff: &[StaffRetirement]) -> Undated {
    let mut undated = Undated::default();
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for person in staff.iter().filter(|s| s.retires_on.is_none()) {
        undated.people += 1;
        undated.fte += person.fte;
        match person.unknown {
            Some(Unknown::Sex) => undated.without_sex += 1,
            _ => undated.without_birth_date += 1,
        }
        *counts.entry(person.unit_id.as_str()).or_default() += 1;
    }
    undated.by_unit = plan
        .units
        .iter()
        .filter_map(|u| counts.get(u.id.as_str()).map(|&n| (u.id.clone(), n)))
        .collect();
    undated
}
