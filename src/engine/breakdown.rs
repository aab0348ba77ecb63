//! Breakdowns of a computed plan for charts: required against current per direct sub-unit, per
//! position category and per rank, and the positions under workload pressure.
//!
//! Everything is taken from [`PlanResults`] (already rounded by the plan's policy) and from the
//! plan's staff, for one unit's subtree or the whole plan. The comparison follows the engine's
//! rule: `difference = current - required`, `ratio = current / required_fte` (none when nothing
//! is required); a group sums current and required first, then takes the ratio of the sums.

use std::collections::{BTreeMap, HashMap, HashSet};

use thiserror::Error;

use super::tree::{UnitTree, unit_index};
use super::{EmploymentFigures, EngineError, PlanResults, PositionResult, UnitResult};
use crate::model::{ByEmployment, Category, Employment, Plan, StaffMember};

/// Why a breakdown could not be made.
#[derive(Debug, Error)]
pub enum BreakdownError {
    #[error("no unit \"{0}\" in the plan")]
    UnknownUnit(String),
    #[error(transparent)]
    Engine(#[from] EngineError),
}

/// Required against current for a group of positions and staff: the same figures as a plan's
/// total.
pub type Figures = super::results::Totals;

impl Figures {
    /// Figures from sums, with the difference and ratio derived as the engine derives them.
    pub fn from_sums(
        required_fte: f64,
        required: i64,
        current: f64,
        proposed: i64,
        appraised: Option<i64>,
    ) -> Self {
        Figures {
            required_fte,
            required,
            current,
            proposed,
            appraised,
            difference: current - required as f64,
            ratio: (required_fte != 0.0).then(|| current / required_fte),
            by_employment: ByEmployment::default(),
        }
    }

    /// Staff alone, of one employment basis, with nothing required.
    fn current_only(current: f64, employment: Employment) -> Self {
        let mut figures = Figures::from_sums(0.0, 0, current, 0, None);
        figures.by_employment.get_mut(employment).current = current;
        figures
    }

    /// The figures without current staff (a position's staff may be counted elsewhere).
    fn without_current(self) -> Self {
        let mut figures = Figures::from_sums(
            self.required_fte,
            self.required,
            0.0,
            self.proposed,
            self.appraised,
        );
        figures.by_employment = self.by_employment;
        for employment in Employment::ALL {
            figures.by_employment.get_mut(employment).current = 0.0;
        }
        figures
    }

    fn add(&mut self, other: Figures) {
        let appraised = match (self.appraised, other.appraised) {
            (None, None) => None,
            (a, b) => Some(a.unwrap_or(0) + b.unwrap_or(0)),
        };
        let mut by_employment = self.by_employment;
        for employment in Employment::ALL {
            *by_employment.get_mut(employment) += other.by_employment.get(employment);
        }
        *self = Figures::from_sums(
            self.required_fte + other.required_fte,
            self.required + other.required,
            self.current + other.current,
            self.proposed + other.proposed,
            appraised,
        );
        self.by_employment = by_employment;
    }
}

impl From<&PositionResult> for Figures {
    fn from(r: &PositionResult) -> Self {
        let mut figures = Figures::from_sums(
            r.required_fte,
            r.required,
            r.current,
            r.proposed,
            r.appraised,
        );
        *figures.by_employment.get_mut(r.employment) = EmploymentFigures {
            required: r.required,
            current: r.current,
            proposed: r.proposed,
        };
        figures
    }
}

impl From<&UnitResult> for Figures {
    fn from(r: &UnitResult) -> Self {
        let mut figures = Figures::from_sums(
            r.required_fte,
            r.required,
            r.current,
            r.proposed,
            r.appraised,
        );
        figures.by_employment = r.by_employment;
        figures
    }
}

/// One row of the per-unit breakdown: a direct sub-unit with its whole subtree.
#[derive(Debug, Clone, PartialEq)]
pub struct UnitRow {
    pub id: String,
    pub name: String,
    pub figures: Figures,
}

/// One position category over the subtree's positions.
#[derive(Debug, Clone, PartialEq)]
pub struct CategoryRow {
    pub category: Category,
    /// How many positions of the subtree are in this category.
    pub positions: usize,
    /// Required of those positions, and the staff holding them.
    pub figures: Figures,
}

/// One rank code: required of the positions asking for it, current of the staff holding it.
#[derive(Debug, Clone, PartialEq)]
pub struct RankRow {
    /// The rank code (e.g. `01.003`); empty for positions or staff with no rank recorded.
    pub rank_code: String,
    pub figures: Figures,
}

/// A position whose staff is below what its workload requires (WISN ratio below 1).
#[derive(Debug, Clone, PartialEq)]
pub struct PressureRow {
    pub position_id: String,
    pub name: String,
    pub unit_id: String,
    pub unit_name: String,
    pub figures: Figures,
    /// The WISN ratio, below 1 (also in `figures.ratio`).
    pub ratio: f64,
}

/// The breakdowns of one unit's subtree, or of the whole plan.
#[derive(Debug, Clone, PartialEq)]
pub struct Breakdown {
    /// The unit broken down by its direct sub-units; `None` when the plan's root units are
    /// the rows (a plan with several roots, seen whole).
    pub unit_id: Option<String>,
    /// The subtree's (or the plan's) figures.
    pub total: Figures,
    /// Direct sub-units of the unit (or the plan's roots), each with its whole subtree, in
    /// plan order.
    pub units: Vec<UnitRow>,
    /// Positions and staff placed directly in the unit itself rather than in a sub-unit;
    /// `None` when there are none (or for the roots of the whole plan).
    pub own: Option<Figures>,
    /// The four categories, in their statutory order, each with at least one position.
    pub categories: Vec<CategoryRow>,
    /// Current staff of the subtree who hold no position, so belong to no category.
    pub unassigned_current: f64,
    /// Rank codes in code order, the empty code (no rank recorded) last.
    pub ranks: Vec<RankRow>,
    /// Positions with a WISN ratio below 1, the lowest ratio first.
    pub pressure: Vec<PressureRow>,
}

/// Breaks down the subtree of `unit_id`, or the whole plan when `None`.
///
/// A whole plan with a single root unit is broken down as that root (the root's subtree is the
/// whole plan), so that its rows are the root's sub-units rather than one bar. `results` must
/// come from [`super::compute`] on `plan`; positions missing from them are left out.
pub fn breakdown(
    plan: &Plan,
    results: &PlanResults,
    unit_id: Option<&str>,
) -> Result<Breakdown, BreakdownError> {
    let tree = UnitTree::build(&plan.units)?;
    let index = unit_index(&plan.units);
    let selected = match unit_id {
        Some(id) => Some(
            *index
                .get(id)
                .ok_or_else(|| BreakdownError::UnknownUnit(id.to_owned()))?,
        ),
        None => match tree.roots() {
            [only] => Some(*only),
            _ => None,
        },
    };

    let in_scope: HashSet<&str> = match selected {
        Some(root) => tree
            .subtree(root)
            .into_iter()
            .filter_map(|i| plan.units.get(i).map(|u| u.id.as_str()))
            .collect(),
        None => plan.units.iter().map(|u| u.id.as_str()).collect(),
    };
    let position_results: HashMap<&str, &PositionResult> = results
        .positions
        .iter()
        .map(|p| (p.id.as_str(), p))
        .collect();
    let positions: Vec<(&crate::model::Position, &PositionResult)> = plan
        .positions
        .iter()
        .filter(|p| in_scope.contains(p.unit_id.as_str()))
        .filter_map(|p| position_results.get(p.id.as_str()).map(|r| (p, *r)))
        .collect();
    let staff: Vec<&crate::model::StaffMember> = plan
        .staff
        .iter()
        .filter(|s| in_scope.contains(s.unit_id.as_str()))
        .collect();

    // A person counts under their position's basis, else the one their unit gives.
    let unit_defaults = super::unit_employment_defaults(plan, &tree);
    let staff_employment = |member: &StaffMember| {
        member
            .position_id
            .as_deref()
            .and_then(|id| position_results.get(id))
            .map(|r| r.employment)
            .or_else(|| {
                index
                    .get(member.unit_id.as_str())
                    .and_then(|&u| unit_defaults.get(u).copied())
            })
            .unwrap_or(Employment::CivilServant)
    };
    let unit_figures = |i: usize| {
        plan.units
            .get(i)
            .and_then(|u| results.unit(&u.id))
            .map(Figures::from)
            .unwrap_or_default()
    };
    let rows_of = |indices: &[usize]| -> Vec<UnitRow> {
        indices
            .iter()
            .filter_map(|&i| {
                plan.units.get(i).map(|u| UnitRow {
                    id: u.id.clone(),
                    name: u.name.clone(),
                    figures: unit_figures(i),
                })
            })
            .collect()
    };

    let (total, units, own) = match selected {
        Some(root) => {
            let root_id = plan.units.get(root).map(|u| u.id.as_str()).unwrap_or("");
            let mut own = Figures::default();
            let mut anything_own = false;
            for (position, result) in &positions {
                if position.unit_id == root_id {
                    own.add(Figures::from(*result).without_current());
                    anything_own = true;
                }
            }
            for member in &staff {
                if member.unit_id == root_id {
                    own.add(Figures::current_only(member.fte, staff_employment(member)));
                    anything_own = true;
                }
            }
            (
                unit_figures(root),
                rows_of(tree.children(root)),
                anything_own.then_some(own),
            )
        }
        None => (results.total, rows_of(tree.roots()), None),
    };

    let mut categories: BTreeMap<Category, (usize, Figures)> = BTreeMap::new();
    let mut ranks: BTreeMap<&str, Figures> = BTreeMap::new();
    let mut pressure = Vec::new();
    for (position, result) in &positions {
        let (count, figures) = categories.entry(position.category).or_default();
        *count += 1;
        figures.add(Figures::from(*result));
        ranks
            .entry(position.rank_code.as_str())
            .or_default()
            .add(Figures::from(*result).without_current());
        if let Some(ratio) = result.ratio
            && ratio < 1.0
        {
            pressure.push(PressureRow {
                position_id: position.id.clone(),
                name: position.name.clone(),
                unit_id: position.unit_id.clone(),
                unit_name: plan
                    .unit(&position.unit_id)
                    .map(|u| u.name.clone())
                    .unwrap_or_default(),
                figures: Figures::from(*result),
                ratio,
            });
        }
    }
    let held: HashSet<&str> = positions.iter().map(|(p, _)| p.id.as_str()).collect();
    let mut unassigned_current = 0.0;
    for member in &staff {
        ranks
            .entry(member.rank_code.as_str())
            .or_default()
            .add(Figures::current_only(member.fte, staff_employment(member)));
        if member
            .position_id
            .as_deref()
            .is_none_or(|p| !held.contains(p))
        {
            unassigned_current += member.fte;
        }
    }
    pressure.sort_by(|a, b| {
        a.ratio
            .total_cmp(&b.ratio)
            .then_with(|| a.position_id.cmp(&b.position_id))
    });

    let mut ranks: Vec<RankRow> = ranks
        .into_iter()
        .map(|(code, figures)| RankRow {
            rank_code: code.to_owned(),
            figures,
        })
        .collect();
    // The empty code sorts first; "no rank recorded" reads better last.
    ranks.sort_by_key(|r| r.rank_code.is_empty());

    Ok(Breakdown {
        unit_id: selected.and_then(|i| plan.units.get(i).map(|u| u.id.clone())),
        total,
        units,
        own,
        categories: categories
            .into_iter()
            .map(|(category, (positions, figures))| CategoryRow {
                category,
                positions,
                figures,
            })
            .collect(),
        unassigned_current,
        ranks,
        pressure,
    })
}

impl crate::language::Localized for BreakdownError {
    fn message(&self, language: crate::language::Language) -> String {
        match self {
            BreakdownError::UnknownUnit(id) => {
                language.t("đề án không có đơn vị", "no unit").to_owned()
                    + &format!(" \"{id}\"")
                    + language.t("", " in the plan")
            }
            BreakdownError::Engine(error) => error.message(language),
        }
    }
}
