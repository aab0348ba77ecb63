//! The engine's results as plain values: per position, per unit, and the total.
//!
//! Serialised, these are the JSON contract of `vtvl compute --format json` (numbers unrounded).
//! Figures not in the contract but needed to explain a number are kept and skipped in JSON.

use std::collections::HashMap;

use polars::prelude::*;
use serde::Serialize;

use super::EngineError;
use super::labels::Labels;
use super::query::{ResultFrames, out};
use super::tables::employment_code;
use crate::model::{ByEmployment, Category, Decision, Employment, Method, Rounding};
use crate::validation::bounds::MAX_REQUIRED_FTE;

#[derive(Debug, Clone, Serialize)]
pub struct PlanResults {
    pub rounding: Rounding,
    pub positions: Vec<PositionResult>,
    pub units: Vec<UnitResult>,
    pub total: Totals,
    /// Where each position and unit is in the lists above, by id: built at the first lookup
    /// (a national plan's results printed whole never need it).
    #[serde(skip)]
    index: std::sync::OnceLock<ResultIndex>,
}

/// Results are equal when their figures are: the index is only a way to them.
impl PartialEq for PlanResults {
    fn eq(&self, other: &Self) -> bool {
        self.rounding == other.rounding
            && self.positions == other.positions
            && self.units == other.units
            && self.total == other.total
    }
}

/// Positions and units of the results by id.
#[derive(Debug, Clone, PartialEq, Default)]
struct ResultIndex {
    positions: HashMap<String, usize>,
    units: HashMap<String, usize>,
}

impl ResultIndex {
    fn build(positions: &[PositionResult], units: &[UnitResult]) -> Self {
        ResultIndex {
            positions: positions
                .iter()
                .enumerate()
                .map(|(i, p)| (p.id.clone(), i))
                .collect(),
            units: units
                .iter()
                .enumerate()
                .map(|(i, u)| (u.id.clone(), i))
                .collect(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PositionResult {
    pub id: String,
    pub unit_id: String,
    pub name: String,
    pub category: Category,
    /// Civil servant, public employee or contract: the position's own, else its unit's.
    pub employment: Employment,
    pub method: Method,
    pub available_hours: f64,
    pub service_fte: f64,
    pub caf: f64,
    pub iaf: f64,
    pub norm_fte: f64,
    pub required_fte: f64,
    pub required: i64,
    /// Workload the required headcount leaves uncovered (`required_fte - required` when
    /// positive; 0 for fixed positions): given to another post as kiêm nhiệm.
    pub remainder: f64,
    pub current: f64,
    /// The agency's proposal (đề xuất): its own count, else the required figure; rolled up.
    pub proposed: i64,
    /// The reviewer's figure (thẩm định); `None` until some line under it is appraised.
    pub appraised: Option<i64>,
    /// The reviewer's decision on the line, if any.
    pub decision: Option<Decision>,
    /// The reviewer's comment on the line, if any.
    pub comment: Option<String>,
    pub difference: f64,
    pub ratio: Option<f64>,
    #[serde(skip)]
    pub available_days: f64,
    /// Service hours a year, before dividing by available hours.
    #[serde(skip)]
    pub service_hours: f64,
    /// Total support share of working time (0.1 = 10 %).
    #[serde(skip)]
    pub support_share: f64,
    #[serde(skip)]
    pub additional_hours: f64,
    /// Whole people by the rounding policy, before min/max bounds.
    #[serde(skip)]
    pub required_before_bounds: i64,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct UnitResult {
    pub id: String,
    pub parent_id: Option<String>,
    pub name: String,
    pub quota: Option<u32>,
    pub required_fte: f64,
    pub required: i64,
    pub current: f64,
    /// The agency's proposal (đề xuất): its own count, else the required figure; rolled up.
    pub proposed: i64,
    /// The reviewer's figure (thẩm định); `None` until some line under it is appraised.
    pub appraised: Option<i64>,
    pub difference: f64,
    pub ratio: Option<f64>,
    /// The same figures split by employment basis (biên chế apart from labour contracts).
    pub by_employment: ByEmployment<EmploymentFigures>,
    /// The basis the unit gives a position of its own that states none.
    #[serde(skip)]
    pub default_employment: Employment,
}

/// Required, current and proposed headcount of the posts of one employment basis.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize)]
pub struct EmploymentFigures {
    pub required: i64,
    pub current: f64,
    pub proposed: i64,
}

impl std::ops::AddAssign for EmploymentFigures {
    fn add_assign(&mut self, more: Self) {
        self.required += more.required;
        self.current += more.current;
        self.proposed += more.proposed;
    }
}

impl ByEmployment<EmploymentFigures> {
    /// The bases inside biên chế that have any post or staff, with their figures: one for an
    /// administrative agency or a public service unit alone, both where a plan mixes them.
    pub fn establishment_parts(&self) -> Vec<(Employment, EmploymentFigures)> {
        [Employment::CivilServant, Employment::PublicEmployee]
            .into_iter()
            .map(|e| (e, self.get(e)))
            .filter(|(_, f)| *f != EmploymentFigures::default())
            .collect()
    }

    /// Figures of the posts inside biên chế (civil servants and public employees).
    pub fn establishment(&self) -> EmploymentFigures {
        let (a, b) = (self.civil_servant, self.public_employee);
        EmploymentFigures {
            required: a.required + b.required,
            current: a.current + b.current,
            proposed: a.proposed + b.proposed,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize)]
pub struct Totals {
    pub required_fte: f64,
    pub required: i64,
    pub current: f64,
    /// The agency's proposal (đề xuất): its own count, else the required figure; rolled up.
    pub proposed: i64,
    /// The reviewer's figure (thẩm định); `None` until some line under it is appraised.
    pub appraised: Option<i64>,
    pub difference: f64,
    pub ratio: Option<f64>,
    /// The same figures split by employment basis (biên chế apart from labour contracts).
    pub by_employment: ByEmployment<EmploymentFigures>,
}

impl PlanResults {
    pub(super) fn from_frames(
        labels: &mut impl Labels,
        frames: ResultFrames,
        employment: &[Employment],
        unit_employment: &[Employment],
    ) -> Result<Self, EngineError> {
        let p = &frames.positions;
        let (available_hours, available_days) =
            (floats(p, out::AVAILABLE_HOURS)?, floats(p, out::AWT_DAYS)?);
        let (service_hours, support_share) = (
            floats(p, out::SERVICE_HOURS)?,
            floats(p, out::SUPPORT_SHARE)?,
        );
        let (additional_hours, service_fte) = (
            floats(p, out::ADDITIONAL_HOURS)?,
            floats(p, out::SERVICE_FTE)?,
        );
        let (caf, iaf, norm_fte) = (
            floats(p, out::CAF)?,
            floats(p, out::IAF)?,
            floats(p, out::NORM_FTE)?,
        );
        let (required_fte, required) = (floats(p, out::REQUIRED_FTE)?, ints(p, out::REQUIRED)?);
        let (unbounded, remainder) = (floats(p, out::UNBOUNDED)?, floats(p, out::REMAINDER)?);
        let (current, difference) = (floats(p, out::CURRENT)?, floats(p, out::DIFFERENCE)?);
        let ratio = p.column(out::RATIO)?.f64()?;
        // Before any figure becomes a whole number of people: each is finite, and the required
        // FTE is within what an integer holds exactly, so no count is null, inf or wrapped.
        let checked = [
            (out::AVAILABLE_HOURS, &available_hours),
            (out::AWT_DAYS, &available_days),
            (out::SERVICE_FTE, &service_fte),
            (out::CAF, &caf),
            (out::IAF, &iaf),
            (out::NORM_FTE, &norm_fte),
            (out::REQUIRED_FTE, &required_fte),
            (out::UNBOUNDED, &unbounded),
            (out::CURRENT, &current),
        ];
        for (figure, values) in checked {
            check_figures(labels, figure, values)?;
        }
        let (proposed, appraised) = (ints(p, out::PROPOSED)?, ints(p, out::APPRAISED)?);
        let positions: Vec<PositionResult> = (0..labels.position_count())
            .map(|i| {
                let label = labels.position(i);
                PositionResult {
                    id: label.id,
                    unit_id: label.unit_id,
                    name: label.name,
                    category: label.category,
                    employment: employment
                        .get(i)
                        .copied()
                        .unwrap_or(Employment::CivilServant),
                    method: label.method,
                    available_hours: at(&available_hours, i),
                    service_fte: at(&service_fte, i),
                    caf: at(&caf, i),
                    iaf: at(&iaf, i),
                    norm_fte: at(&norm_fte, i),
                    required_fte: at(&required_fte, i),
                    required: required.get(i).copied().flatten().unwrap_or(0),
                    remainder: at(&remainder, i),
                    current: at(&current, i),
                    proposed: proposed.get(i).copied().flatten().unwrap_or(0),
                    appraised: appraised.get(i).copied().flatten(),
                    decision: label.decision,
                    comment: label.comment,
                    difference: at(&difference, i),
                    ratio: ratio.get(i),
                    available_days: at(&available_days, i),
                    service_hours: at(&service_hours, i),
                    support_share: at(&support_share, i),
                    additional_hours: at(&additional_hours, i),
                    required_before_bounds: at(&unbounded, i) as i64,
                }
            })
            .collect();

        let u = &frames.units;
        let (u_required_fte, u_required) = (floats(u, out::REQUIRED_FTE)?, ints(u, out::REQUIRED)?);
        let (u_current, u_difference) = (floats(u, out::CURRENT)?, floats(u, out::DIFFERENCE)?);
        let u_ratio = u.column(out::RATIO)?.f64()?;
        let (u_proposed, u_appraised) = (ints(u, out::PROPOSED)?, ints(u, out::APPRAISED)?);
        let u_split = SplitFigures::read(u)?;
        let units: Vec<UnitResult> = (0..labels.unit_count())
            .map(|i| {
                let label = labels.unit(i);
                UnitResult {
                    id: label.id,
                    parent_id: label.parent_id,
                    name: label.name,
                    quota: label.quota,
                    required_fte: at(&u_required_fte, i),
                    required: u_required.get(i).copied().flatten().unwrap_or(0),
                    current: at(&u_current, i),
                    proposed: u_proposed.get(i).copied().flatten().unwrap_or(0),
                    appraised: u_appraised.get(i).copied().flatten(),
                    difference: at(&u_difference, i),
                    ratio: u_ratio.get(i),
                    by_employment: u_split.at(i),
                    default_employment: unit_employment
                        .get(i)
                        .copied()
                        .unwrap_or(Employment::CivilServant),
                }
            })
            .collect();

        let t = &frames.total;
        let total = Totals {
            required_fte: at(&floats(t, out::REQUIRED_FTE)?, 0),
            required: ints(t, out::REQUIRED)?
                .first()
                .copied()
                .flatten()
                .unwrap_or(0),
            current: at(&floats(t, out::CURRENT)?, 0),
            proposed: ints(t, out::PROPOSED)?
                .first()
                .copied()
                .flatten()
                .unwrap_or(0),
            appraised: ints(t, out::APPRAISED)?.first().copied().flatten(),
            difference: at(&floats(t, out::DIFFERENCE)?, 0),
            // A plan without a root unit has no total row: its total is zero.
            ratio: t.column(out::RATIO)?.f64()?.iter().next().flatten(),
            by_employment: SplitFigures::read(t)?.at(0),
        };
        Ok(PlanResults {
            rounding: labels.rounding(),
            positions,
            units,
            total,
            index: std::sync::OnceLock::new(),
        })
    }

    fn index(&self) -> &ResultIndex {
        self.index
            .get_or_init(|| ResultIndex::build(&self.positions, &self.units))
    }

    /// A position's figures by id, through the index (a list changed since falls back to a
    /// search, so a lookup never returns another position's figures).
    pub fn position(&self, id: &str) -> Option<&PositionResult> {
        self.place(id).and_then(|place| self.positions.get(place))
    }

    /// Where the position `id` sits in [`PlanResults::positions`], as [`PlanResults::position`]
    /// finds it.
    fn place(&self, id: &str) -> Option<usize> {
        place_in(&self.index().positions, &self.positions, id, |p| &p.id)
    }

    /// The figures of the positions whose ids are given, each once and in the results' order,
    /// found through the index: a norm compared with a unit's positions looks them up rather
    /// than going through the whole plan's.
    pub fn positions_among<'a>(
        &self,
        ids: impl IntoIterator<Item = &'a str>,
    ) -> Vec<&PositionResult> {
        let mut places: Vec<usize> = ids.into_iter().filter_map(|id| self.place(id)).collect();
        places.sort_unstable();
        places.dedup();
        places
            .into_iter()
            .filter_map(|place| self.positions.get(place))
            .collect()
    }

    /// A unit's figures by id, as [`PlanResults::position`].
    pub fn unit(&self, id: &str) -> Option<&UnitResult> {
        place_in(&self.index().units, &self.units, id, |u| &u.id)
            .and_then(|place| self.units.get(place))
    }
}

/// Where the item `id` sits in `list`, through `index` (built from the list): a list changed
/// since falls back to a search, so a lookup never lands on another item.
fn place_in<T>(
    index: &HashMap<String, usize>,
    list: &[T],
    id: &str,
    id_of: impl Fn(&T) -> &String,
) -> Option<usize> {
    match index.get(id) {
        Some(&place) if list.get(place).is_some_and(|item| id_of(item) == id) => Some(place),
        None if index.len() == list.len() => None,
        _ => list.iter().position(|item| id_of(item) == id),
    }
}

/// One employment basis's columns of a unit or total frame.
struct SplitColumn {
    employment: Employment,
    required: Vec<Option<i64>>,
    current: Vec<Option<f64>>,
    proposed: Vec<Option<i64>>,
}

/// The per-basis columns of a unit or total frame, in [`Employment::ALL`] order.
struct SplitFigures {
    columns: Vec<SplitColumn>,
}

impl SplitFigures {
    fn read(frame: &DataFrame) -> PolarsResult<Self> {
        let columns = Employment::ALL
            .into_iter()
            .map(|employment| {
                let code = employment_code(employment);
                Ok(SplitColumn {
                    employment,
                    required: ints(frame, &out::split(out::REQUIRED, code))?,
                    current: floats(frame, &out::split(out::CURRENT, code))?,
                    proposed: ints(frame, &out::split(out::PROPOSED, code))?,
                })
            })
            .collect::<PolarsResult<_>>()?;
        Ok(SplitFigures { columns })
    }

    fn at(&self, i: usize) -> ByEmployment<EmploymentFigures> {
        let mut split = ByEmployment::default();
        for column in &self.columns {
            *split.get_mut(column.employment) = EmploymentFigures {
                required: column.required.get(i).copied().flatten().unwrap_or(0),
                current: at(&column.current, i),
                proposed: column.proposed.get(i).copied().flatten().unwrap_or(0),
            };
        }
        split
    }
}

fn floats(frame: &DataFrame, name: &str) -> PolarsResult<Vec<Option<f64>>> {
    Ok(frame.column(name)?.f64()?.iter().collect())
}

fn ints(frame: &DataFrame, name: &str) -> PolarsResult<Vec<Option<i64>>> {
    Ok(frame.column(name)?.i64()?.iter().collect())
}

/// Every position's `figure` is a finite number within [`MAX_REQUIRED_FTE`] of zero
/// (available hours and days are far inside it); the first that is not is an error naming the
/// position, rather than a figure.
fn check_figures(
    labels: &mut impl Labels,
    figure: &'static str,
    values: &[Option<f64>],
) -> Result<(), EngineError> {
    for index in 0..labels.position_count() {
        let value = values.get(index).copied().flatten().unwrap_or(f64::NAN);
        if !(value.is_finite() && value.abs() <= MAX_REQUIRED_FTE) {
            return Err(EngineError::NotComputable {
                position: labels.position(index).id,
                figure,
                value,
            });
        }
    }
    Ok(())
}

fn at(values: &[Option<f64>], i: usize) -> f64 {
    values.get(i).copied().flatten().unwrap_or(0.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_establishment_is_split_only_where_both_bases_are_present() {
        let figures = |required| EmploymentFigures {
            required,
            current: required as f64,
            proposed: required,
        };
        let mut split = ByEmployment {
            civil_servant: figures(9),
            public_employee: EmploymentFigures::default(),
            contract: figures(3),
        };
        assert_eq!(
            split.establishment_parts(),
            [(Employment::CivilServant, figures(9))]
        );
        assert_eq!(split.establishment(), figures(9));
        split.public_employee = figures(2);
        assert_eq!(split.establishment_parts().len(), 2);
        assert_eq!(split.establishment(), figures(11));
    }
}
