//! One agency of a portfolio: its plan file loaded, validated, computed and checked with the
//! calls `vtvl compute` and `vtvl check` make, and the figures of its row.

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};

use super::PlanError;
use crate::engine::{self, EmploymentFigures, PlanResults, UnitTree};
use crate::model::{ByEmployment, CivilDate, Plan, UnitType};
use crate::plan_file;
use crate::rules::{self, Finding, Severity};
use crate::validation;

/// One plan file of a portfolio and what came of it.
#[derive(Debug, Clone)]
pub struct Agency {
    /// The file as found (under the portfolio's folder).
    pub file: PathBuf,
    /// The file's path under the portfolio's folder, with `/` between folders.
    pub relative: String,
    pub outcome: Result<Checked, std::sync::Arc<PlanError>>,
}

impl Agency {
    /// Whether the plan could not be read, or a finding of its check is an error.
    pub fn has_errors(&self) -> bool {
        match &self.outcome {
            Ok(checked) => checked.figures.errors > 0,
            Err(_) => true,
        }
    }

    /// The row's figures, when the plan could be read.
    pub fn figures(&self) -> Option<&AgencyFigures> {
        self.outcome.as_ref().ok().map(|c| &c.figures)
    }
}

/// A plan that was read, with its results, its findings and its row's figures.
#[derive(Debug, Clone)]
pub struct Checked {
    pub plan: Plan,
    pub results: PlanResults,
    pub findings: Vec<Finding>,
    /// The date the plan was judged at.
    pub at: CivilDate,
    pub figures: AgencyFigures,
}

/// The row of one agency: the plan's own totals (as `vtvl compute` gives them) and the counts
/// of its check (as `vtvl check` gives them).
#[derive(Debug, Clone, PartialEq)]
pub struct AgencyFigures {
    /// The agency's name: the plan's agency, else its name.
    pub agency: String,
    /// The type of the plan's first root unit (what the agency is).
    pub unit_type: UnitType,
    /// See [`plan_quota`].
    pub quota: Option<u32>,
    pub required: i64,
    pub current: f64,
    pub proposed: i64,
    pub appraised: Option<i64>,
    pub errors: usize,
    pub warnings: usize,
    pub by_employment: ByEmployment<EmploymentFigures>,
}

/// The headcount quota (biên chế giao) of a plan: the quotas of its units that no unit above
/// them has a quota for, summed (a quota given to a unit covers its sub-units). `None` when no
/// unit has one.
pub fn plan_quota(results: &PlanResults) -> Option<u32> {
    let by_id: std::collections::HashMap<&str, &engine::UnitResult> =
        results.units.iter().map(|u| (u.id.as_str(), u)).collect();
    let mut total: Option<u32> = None;
    for unit in &results.units {
        let Some(quota) = unit.quota else {
            continue;
        };
        let mut above = unit.parent_id.as_deref();
        let mut covered = false;
        // A walk bounded by the number of units, so that no cycle can hold it.
        for _ in 0..results.units.len() {
            let Some(parent) = above.and_then(|id| by_id.get(id)) else {
                break;
            };
            if parent.quota.is_some() {
                covered = true;
                break;
            }
            above = parent.parent_id.as_deref();
        }
        if !covered {
            total = Some(total.unwrap_or(0).saturating_add(quota));
        }
    }
    total
}

/// The row's figures of a computed and checked plan.
pub fn agency_figures(plan: &Plan, results: &PlanResults, findings: &[Finding]) -> AgencyFigures {
    let count = |severity| findings.iter().filter(|f| f.severity == severity).count();
    let agency = [&plan.meta.agency, &plan.meta.name]
        .into_iter()
        .map(|name| name.trim())
        .find(|name| !name.is_empty())
        .unwrap_or_default()
        .to_owned();
    let tree = UnitTree::lenient(&plan.units);
    let unit_type = tree
        .roots()
        .first()
        .and_then(|&root| plan.units.get(root))
        .map(|unit| unit.unit_type)
        .unwrap_or_default();
    let total = &results.total;
    AgencyFigures {
        agency,
        unit_type,
        quota: plan_quota(results),
        required: total.required,
        current: total.current,
        proposed: total.proposed,
        appraised: total.appraised,
        errors: count(Severity::Error),
        warnings: count(Severity::Warning),
        by_employment: total.by_employment,
    }
}

/// Loads and validates one plan file.
fn read_valid(file: &Path) -> Result<Plan, PlanError> {
    let plan = plan_file::load(file)?;
    let problems = validation::validate(&plan);
    if !problems.is_empty() {
        return Err(PlanError::Invalid {
            file: file.to_path_buf(),
            problems,
        });
    }
    Ok(plan)
}

/// Checks a computed plan, judged at `at` or its own date, and makes its row.
fn checked(plan: Plan, results: PlanResults, at: Option<CivilDate>) -> Checked {
    let at = at.unwrap_or_else(|| plan.judgement_date());
    let findings = rules::check(&plan, &results, at);
    let figures = agency_figures(&plan, &results, &findings);
    Checked {
        plan,
        results,
        findings,
        at,
        figures,
    }
}

/// The name of `file` under `root`, with `/` between folders.
fn relative_name(root: &Path, file: &Path) -> String {
    let relative = file.strip_prefix(root).unwrap_or(file);
    relative
        .components()
        .map(|c| c.as_os_str().to_string_lossy())
        .collect::<Vec<_>>()
        .join("/")
}

/// A plan read and computed, or why not.
type Computed = Result<(Plan, PlanResults), PlanError>;

/// Reads every file, computes all the plans that validate in one engine call (the same
/// figures as one call per plan, without polars' fixed cost a thousand times over), then checks
/// them; reading and checking run on as many threads as the machine has cores. The agencies
/// come back in the order of `files`.
pub(super) fn check_all(root: &Path, files: &[PathBuf], at: Option<CivilDate>) -> Vec<Agency> {
    let read = in_parallel(files, |file| read_valid(file));
    let plans: Vec<&Plan> = read.iter().filter_map(|r| r.as_ref().ok()).collect();
    let mut computed = engine::compute_many(&plans).into_iter();
    let outcomes: Vec<Computed> = read
        .into_iter()
        .zip(files)
        .map(|(read, file)| {
            let plan = read?;
            let results = computed
                .next()
                .unwrap_or_else(|| engine::compute(&plan))
                .map_err(|error| PlanError::Engine {
                    file: file.to_path_buf(),
                    error,
                })?;
            Ok((plan, results))
        })
        .collect();
    // Each checking thread takes the plans it checks out of their slots.
    let slots: Vec<std::sync::Mutex<Option<Computed>>> = outcomes
        .into_iter()
        .map(|o| std::sync::Mutex::new(Some(o)))
        .collect();
    let items: Vec<(usize, &PathBuf)> = files.iter().enumerate().collect();
    let checked = in_parallel(&items, |&(i, file)| {
        let taken = slots
            .get(i)
            .and_then(|slot| slot.lock().ok().and_then(|mut s| s.take()));
        match taken {
            Some(outcome) => outcome.map(|(plan, results)| checked(plan, results, at)),
            // Only a worker that panicked can have left a slot empty; that file is done again.
            None => check_file(file, at),
        }
    });
    files
        .iter()
        .zip(checked)
        .map(|(file, outcome)| Agency {
            file: file.clone(),
            relative: relative_name(root, file),
            outcome: outcome.map_err(std::sync::Arc::new),
        })
        .collect()
}

/// Loads, validates, computes and checks one plan file on its own.
fn check_file(file: &Path, at: Option<CivilDate>) -> Result<Checked, PlanError> {
    let plan = read_valid(file)?;
    let results = engine::compute(&plan).map_err(|error| PlanError::Engine {
        file: file.to_path_buf(),
        error,
    })?;
    Ok(checked(plan, results, at))
}

/// `work` applied to every item on as many threads as the machine has cores, each taking the
/// next item when it is done with one; the outcomes come back in the order of `items`. An item
/// whose worker panicked is done again here.
fn in_parallel<T: Sync, R: Send>(items: &[T], work: impl Fn(&T) -> R + Sync) -> Vec<R> {
    let workers = std::thread::available_parallelism()
        .map_or(1, usize::from)
        .clamp(1, items.len().max(1));
    let next = AtomicUsize::new(0);
    let mut done: Vec<(usize, R)> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..workers)
            .map(|_| {
                scope.spawn(|| {
                    let mut mine = Vec::new();
                    loop {
                        let index = next.fetch_add(1, Ordering::Relaxed);
                        let Some(item) = items.get(index) else {
                            break;
                        };
                        mine.push((index, work(item)));
                    }
                    mine
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|handle| handle.join().unwrap_or_default())
            .collect()
    });
    done.sort_by_key(|(index, _)| *index);
    let mut outcomes = Vec::with_capacity(items.len());
    let mut rows = done.into_iter().peekable();
    for (index, item) in items.iter().enumerate() {
        match rows.next_if(|(i, _)| *i == index) {
            Some((_, outcome)) => outcomes.push(outcome),
            None => outcomes.push(work(item)),
        }
    }
    outcomes
}
