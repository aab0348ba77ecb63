//! The plan's tables as polars frames, with ids resolved to row indices.
//!
//! Indices (u32) instead of string ids keep joins cheap at national scale; the results map them
//! back to ids. Several plans can share one set of frames ([`PlanTables::build_many`]): each
//! plan's indices then start where the previous plan's end, and [`Span`] says which rows are
//! whose, so that one query computes a whole portfolio instead of paying polars' fixed cost
//! once per plan.

use std::ops::Range;

use polars::prelude::*;
use polars::series::IsSorted;

use super::buckets::Bucket;
use super::{EngineError, UnitTree};
use crate::model::{Appraisal, Calendar, Component, Decision, Employment, Method, Plan, Rounding};

/// Column names shared by the frames and the query.
pub mod column {
    /// The plan's place in a batch of plans.
    pub const PLAN: &str = "plan_idx";
    pub const POS: &str = "pos_idx";
    pub const UNIT: &str = "unit_idx";
    pub const ANCESTOR: &str = "ancestor_idx";
    pub const CAL: &str = "cal_idx";
    pub const IS_ROOT: &str = "is_root";
    /// Employment basis code ([`super::employment_code`]) of a position, a staff row or, for
    /// units, the basis a position that states none takes there.
    pub const EMPLOYMENT: &str = "employment";

    pub const DAYS_PER_WEEK: &str = "days_per_week";
    pub const WEEKS_PER_YEAR: &str = "weeks_per_year";
    pub const DAYS_OFF: &str = "days_off";
    pub const HOURS_PER_DAY: &str = "hours_per_day";
    pub const HOURS_OVERRIDE: &str = "available_hours_override";

    pub const FIXED: &str = "is_fixed";
    pub const COUNT: &str = "count";
    pub const MIN: &str = "min";
    pub const MAX: &str = "max";
    /// The agency's proposed count, null when it proposes the computed one.
    pub const PROPOSED_IN: &str = "proposed_in";
    /// The reviewer's figure (0 for a rejected line), null when none is given.
    pub const APPRAISED_IN: &str = "appraised_in";
    /// The reviewer agreed with the proposal without writing a figure.
    pub const AGREED: &str = "agreed";
    /// The plan's rounding policy ([`super::rounding_code`]), on each position.
    pub const ROUNDING: &str = "rounding";

    pub const SLOT: &str = "slot";
    pub const BUCKET: &str = "bucket";
    pub const X: &str = "x";
    pub const Y: &str = "y";
    pub const Z: &str = "z";

    pub const FTE: &str = "fte";
}

/// Where one plan's rows start in frames shared by several plans.
#[derive(Debug, Clone, Copy, Default)]
struct Offsets {
    plan: u32,
    unit: u32,
    position: u32,
    calendar: u32,
}

/// The rows of one plan in the frames: its units and positions, in plan order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Span {
    /// The plan's index in the batch (the `PLAN` column).
    pub plan: u32,
    pub units: Range<usize>,
    pub positions: Range<usize>,
}

/// Plans with this many components build their component table on a second thread.
const COMPONENTS_ON_THEIR_OWN_THREAD: usize = 50_000;

/// The plan as frames (or several plans, one after another).
pub struct PlanTables {
    pub calendar_frame: DataFrame,
    pub unit_frame: DataFrame,
    pub closure_frame: DataFrame,
    pub position_frame: DataFrame,
    pub component_frame: DataFrame,
    pub staff_frame: DataFrame,
    /// Each position's employment basis (index-aligned with the position rows).
    pub employment: Vec<Employment>,
    /// The basis each unit gives a position that states none (index-aligned with the unit
    /// rows).
    pub unit_employment: Vec<Employment>,
    /// Each plan's rows, in the order the plans were given (a plan that could not be tabled
    /// has none).
    pub spans: Vec<Span>,
}

impl PlanTables {
    pub fn build(plan: &Plan) -> Result<Self, EngineError> {
        Self::build_at(plan, Offsets::default())
    }

    /// The tables of several plans in one set of frames, and for each plan the reason it
    /// could not be tabled, if it could not (it then has no rows).
    pub fn build_many(plans: &[&Plan]) -> (Result<Self, EngineError>, Vec<Option<EngineError>>) {
        let mut offsets = Offsets::default();
        let mut parts = Vec::with_capacity(plans.len());
        let mut failures = Vec::with_capacity(plans.len());
        for (index, plan) in (0u32..).zip(plans) {
            offsets.plan = index;
            match Self::build_at(plan, offsets) {
                Ok(part) => {
                    offsets.unit += plan.units.len() as u32;
                    offsets.position += plan.positions.len() as u32;
                    offsets.calendar += plan.calendars.len().max(1) as u32;
                    parts.push(part);
                    failures.push(None);
                }
                Err(error) => failures.push(Some(error)),
            }
        }
        (Self::concat(parts), failures)
    }

    /// One plan's tables with the given components' volumes in place of their own (keyed by
    /// position and component index in the plan): a scenario's workload in a later year. Only
    /// the component table is built again; the others are shared.
    pub fn with_volumes(
        &self,
        plan: &Plan,
        volumes: &super::WorkloadVolumes,
    ) -> Result<Self, EngineError> {
        Ok(PlanTables {
            calendar_frame: self.calendar_frame.clone(),
            unit_frame: self.unit_frame.clone(),
            closure_frame: self.closure_frame.clone(),
            position_frame: self.position_frame.clone(),
            component_frame: component_frame_with(plan, Offsets::default(), volumes)?,
            staff_frame: self.staff_frame.clone(),
            employment: self.employment.clone(),
            unit_employment: self.unit_employment.clone(),
            spans: self.spans.clone(),
        })
    }

    /// The parts' frames one after another.
    fn concat(parts: Vec<PlanTables>) -> Result<Self, EngineError> {
        let mut parts = parts.into_iter();
        let Some(mut all) = parts.next() else {
            return Self::build_at(&Plan::default(), Offsets::default());
        };
        let mut many = false;
        for part in parts {
            many = true;
            all.calendar_frame.vstack_mut(&part.calendar_frame)?;
            all.unit_frame.vstack_mut(&part.unit_frame)?;
            all.closure_frame.vstack_mut(&part.closure_frame)?;
            all.position_frame.vstack_mut(&part.position_frame)?;
            all.component_frame.vstack_mut(&part.component_frame)?;
            all.staff_frame.vstack_mut(&part.staff_frame)?;
            all.employment.extend(part.employment);
            all.unit_employment.extend(part.unit_employment);
            all.spans.extend(part.spans);
        }
        if many {
            for frame in [
                &mut all.calendar_frame,
                &mut all.unit_frame,
                &mut all.closure_frame,
                &mut all.position_frame,
                &mut all.component_frame,
                &mut all.staff_frame,
            ] {
                frame.rechunk_mut();
            }
            // Each plan's slots follow the previous plan's: the whole column is still sorted.
            sort_slots(&mut all.component_frame)?;
        }
        Ok(all)
    }

    fn build_at(plan: &Plan, offsets: Offsets) -> Result<Self, EngineError> {
        let calendars = if plan.calendars.is_empty() {
            vec![Calendar::vietnamese_default()]
        } else {
            plan.calendars.clone()
        };
        let tree = UnitTree::build(&plan.units)?;
        let employment = super::employment_basis(plan, &tree);
        let unit_employment = super::unit_employment_defaults(plan, &tree);
        let unit_index = index_of(plan.units.iter().map(|u| u.id.as_str()));
        let calendar_index = index_of(calendars.iter().map(|c| c.id.as_str()));

        let mut position_units = Vec::with_capacity(plan.positions.len());
        let mut position_calendars = Vec::with_capacity(plan.positions.len());
        for position in &plan.positions {
            let unit = unit_index.get(position.unit_id.as_str()).ok_or_else(|| {
                EngineError::MissingUnit {
                    position: position.id.clone(),
                    unit: position.unit_id.clone(),
                }
            })?;
            let calendar = match &position.calendar {
                None => 0,
                Some(id) => *calendar_index.get(id.as_str()).ok_or_else(|| {
                    EngineError::MissingCalendar {
                        position: position.id.clone(),
                        calendar: id.clone(),
                    }
                })?,
            };
            position_units.push(offsets.unit + *unit);
            position_calendars.push(offsets.calendar + calendar);
        }

        let calendar_frame = calendar_frame(&calendars, offsets.calendar)?;
        let unit_frame = unit_frame(plan, &tree, &unit_employment, offsets)?;
        let (closure_units, closure_ancestors) = tree.closure();
        let shift = |indices: Vec<u32>| -> Vec<u32> {
            indices.into_iter().map(|i| offsets.unit + i).collect()
        };
        let closure_frame = DataFrame::new_infer_height(vec![
            Column::new(column::UNIT.into(), shift(closure_units)),
            Column::new(column::ANCESTOR.into(), shift(closure_ancestors)),
        ])?;
        let positions = PositionRows {
            units: &position_units,
            calendars: &position_calendars,
            employment: &employment,
        };
        let staff = StaffRows {
            units: &unit_index,
            unit_employment: &unit_employment,
            employment: &employment,
        };
        let components: usize = plan.positions.iter().map(|p| p.components.len()).sum();
        let (component_frame, position_frame, staff_frame) =
            if components < COMPONENTS_ON_THEIR_OWN_THREAD {
                (
                    component_frame(plan, offsets),
                    position_frame(plan, &positions, offsets),
                    staff_frame(plan, &staff, offsets),
                )
            } else {
                // The component table is by far the largest (millions of rows nationally):
                // build it on a second thread while this one builds the others.
                std::thread::scope(|scope| {
                    let components = scope.spawn(|| component_frame(plan, offsets));
                    let positions = position_frame(plan, &positions, offsets);
                    let staff = staff_frame(plan, &staff, offsets);
                    let components = components.join().unwrap_or_else(|_| {
                        Err(polars_err!(ComputeError: "building the component table failed"))
                    });
                    (components, positions, staff)
                })
            };
        let (component_frame, position_frame, staff_frame) =
            (component_frame?, position_frame?, staff_frame?);
        let unit_start = offsets.unit as usize;
        let position_start = offsets.position as usize;
        Ok(PlanTables {
            employment,
            unit_employment,
            calendar_frame,
            unit_frame,
            closure_frame,
            position_frame,
            component_frame,
            staff_frame,
            spans: vec![Span {
                plan: offsets.plan,
                units: unit_start..unit_start + plan.units.len(),
                positions: position_start..position_start + plan.positions.len(),
            }],
        })
    }
}

/// Marks the slot column sorted (it is: see [`ComponentColumns`]).
pub(super) fn sort_slots(frame: &mut DataFrame) -> PolarsResult<()> {
    let mut slot = frame.column(column::SLOT)?.clone();
    slot.set_sorted_flag(IsSorted::Ascending);
    frame.with_column(slot)?;
    Ok(())
}

/// The code a rounding policy has in the frames.
pub fn rounding_code(rounding: Rounding) -> u32 {
    match rounding {
        Rounding::Nearest => 0,
        Rounding::Up => 1,
        Rounding::Down => 2,
    }
}

/// Row indices by id, in polars' fast hash map (national plans look up millions of ids).
fn index_of<'a>(ids: impl Iterator<Item = &'a str>) -> PlHashMap<&'a str, u32> {
    ids.enumerate().map(|(i, id)| (id, i as u32)).collect()
}

fn calendar_frame(calendars: &[Calendar], first: u32) -> PolarsResult<DataFrame> {
    let pick = |f: fn(&Calendar) -> f64| calendars.iter().map(f).collect::<Vec<f64>>();
    DataFrame::new_infer_height(vec![
        Column::new(
            column::CAL.into(),
            (first..first + calendars.len() as u32).collect::<Vec<_>>(),
        ),
        Column::new(column::DAYS_PER_WEEK.into(), pick(|c| c.days_per_week)),
        Column::new(column::WEEKS_PER_YEAR.into(), pick(|c| c.weeks_per_year)),
        Column::new(
            column::DAYS_OFF.into(),
            pick(|c| c.public_holidays + c.annual_leave + c.sick_leave + c.other_leave),
        ),
        Column::new(column::HOURS_PER_DAY.into(), pick(|c| c.hours_per_day)),
        Column::new(
            column::HOURS_OVERRIDE.into(),
            calendars
                .iter()
                .map(|c| c.available_hours)
                .collect::<Vec<Option<f64>>>(),
        ),
    ])
}

/// The code an employment basis has in the frames.
pub fn employment_code(employment: Employment) -> u32 {
    match employment {
        Employment::CivilServant => 0,
        Employment::PublicEmployee => 1,
        Employment::Contract => 2,
    }
}

fn employment_codes(employment: &[Employment]) -> Vec<u32> {
    employment.iter().copied().map(employment_code).collect()
}

fn unit_frame(
    plan: &Plan,
    tree: &UnitTree,
    employment: &[Employment],
    offsets: Offsets,
) -> PolarsResult<DataFrame> {
    let count = plan.units.len();
    let first = offsets.unit;
    DataFrame::new_infer_height(vec![
        Column::new(
            column::UNIT.into(),
            (first..first + count as u32).collect::<Vec<_>>(),
        ),
        Column::new(column::PLAN.into(), vec![offsets.plan; count]),
        Column::new(
            column::IS_ROOT.into(),
            (0..count)
                .map(|u| tree.parent(u).is_none())
                .collect::<Vec<_>>(),
        ),
        Column::new(column::EMPLOYMENT.into(), employment_codes(employment)),
    ])
}

/// What the position rows take from the plan's tables: each position's unit and calendar
/// rows, and its employment basis.
struct PositionRows<'a> {
    units: &'a [u32],
    calendars: &'a [u32],
    employment: &'a [Employment],
}

fn position_frame(plan: &Plan, rows: &PositionRows, offsets: Offsets) -> PolarsResult<DataFrame> {
    let positions = &plan.positions;
    let appraisals = plan.appraisals();
    let first = offsets.position;
    DataFrame::new_infer_height(vec![
        Column::new(
            column::POS.into(),
            (first..first + positions.len() as u32).collect::<Vec<_>>(),
        ),
        Column::new(column::UNIT.into(), rows.units.to_vec()),
        Column::new(column::CAL.into(), rows.calendars.to_vec()),
        Column::new(column::EMPLOYMENT.into(), employment_codes(rows.employment)),
        Column::new(
            column::ROUNDING.into(),
            vec![rounding_code(plan.rounding); positions.len()],
        ),
        Column::new(
            column::FIXED.into(),
            positions
                .iter()
                .map(|p| p.method == Method::Fixed)
                .collect::<Vec<_>>(),
        ),
        Column::new(
            column::COUNT.into(),
            positions
                .iter()
                .map(|p| f64::from(p.count))
                .collect::<Vec<_>>(),
        ),
        Column::new(
            column::MIN.into(),
            positions
                .iter()
                .map(|p| p.min.map(f64::from))
                .collect::<Vec<_>>(),
        ),
        Column::new(
            column::MAX.into(),
            positions
                .iter()
                .map(|p| p.max.map(f64::from))
                .collect::<Vec<_>>(),
        ),
        Column::new(
            column::PROPOSED_IN.into(),
            positions
                .iter()
                .map(|p| {
                    p.proposed
                        .as_ref()
                        .map(|proposal| i64::from(proposal.count))
                })
                .collect::<Vec<_>>(),
        ),
        Column::new(
            column::APPRAISED_IN.into(),
            appraisals
                .iter()
                .map(|line| line.and_then(appraised_figure))
                .collect::<Vec<_>>(),
        ),
        Column::new(
            column::AGREED.into(),
            appraisals
                .iter()
                .map(|line| {
                    line.is_some_and(|l| {
                        l.appraised.is_none() && l.decision == Some(Decision::Agree)
                    })
                })
                .collect::<Vec<_>>(),
        ),
    ])
}

/// The figure a line sets by itself: the one written, or none for a rejected position.
fn appraised_figure(line: &Appraisal) -> Option<i64> {
    match (line.appraised, line.decision) {
        (Some(count), _) => Some(i64::from(count)),
        (None, Some(Decision::Reject)) => Some(0),
        (None, _) => None,
    }
}

/// One row per workload component: its slot (position and bucket, see [`slot`]) and the three
/// factors whose product is its amount (see [`super::buckets`]). Rows come sorted by slot, and
/// the column says so, which lets polars group them as slices.
#[derive(Default)]
struct ComponentColumns {
    slot: Vec<u64>,
    x: Vec<f64>,
    y: Vec<f64>,
    z: Vec<f64>,
}

/// Slots per position: more than there are buckets.
pub const SLOTS_PER_POSITION: u64 = 16;

/// The key of one position's bucket: `position × 16 + bucket`.
pub fn slot(position: usize, bucket: Bucket) -> u64 {
    position as u64 * SLOTS_PER_POSITION + u64::from(bucket.code())
}

impl ComponentColumns {
    fn with_capacity(n: usize) -> Self {
        ComponentColumns {
            slot: Vec::with_capacity(n),
            x: Vec::with_capacity(n),
            y: Vec::with_capacity(n),
            z: Vec::with_capacity(n),
        }
    }

    /// Adds one position's components, in bucket order; `volume` gives the volume that
    /// replaces a component's own (by its index in the position), if any.
    fn push_position(
        &mut self,
        position: usize,
        components: &[Component],
        volume: impl Fn(usize) -> Option<f64>,
    ) {
        let start = self.slot.len();
        for (index, component) in components.iter().enumerate() {
            let (bucket, [x, y, z]) = Bucket::of(&component.kind);
            self.slot.push(slot(position, bucket));
            // The first factor is the volume for the kinds that have one (service, norm).
            let x = match component.kind.volume() {
                Some(_) => volume(index).unwrap_or(x),
                None => x,
            };
            self.x.push(x);
            self.y.push(y);
            self.z.push(z);
        }
        if self.slot[start..].is_sorted() {
            return;
        }
        let mut rows: Vec<(u64, f64, f64, f64)> = (start..self.slot.len())
            .map(|i| (self.slot[i], self.x[i], self.y[i], self.z[i]))
            .collect();
        rows.sort_by_key(|row| row.0);
        for (offset, (slot, x, y, z)) in rows.into_iter().enumerate() {
            let i = start + offset;
            (self.slot[i], self.x[i], self.y[i], self.z[i]) = (slot, x, y, z);
        }
    }

    fn into_frame(self) -> PolarsResult<DataFrame> {
        let mut slot = Column::new(column::SLOT.into(), self.slot);
        slot.set_sorted_flag(IsSorted::Ascending);
        DataFrame::new_infer_height(vec![
            slot,
            Column::new(column::X.into(), self.x),
            Column::new(column::Y.into(), self.y),
            Column::new(column::Z.into(), self.z),
        ])
    }
}

fn component_frame(plan: &Plan, offsets: Offsets) -> PolarsResult<DataFrame> {
    component_frame_with(plan, offsets, &super::WorkloadVolumes::default())
}

/// The component table with some volumes replaced, keyed by (position, component) index.
fn component_frame_with(
    plan: &Plan,
    offsets: Offsets,
    volumes: &super::WorkloadVolumes,
) -> PolarsResult<DataFrame> {
    let total = plan.positions.iter().map(|p| p.components.len()).sum();
    let mut columns = ComponentColumns::with_capacity(total);
    for (index, position) in plan.positions.iter().enumerate() {
        // A fixed position's components are kept for the record but do not count.
        if position.method == Method::Fixed {
            continue;
        }
        let volume = |component: usize| {
            if volumes.is_empty() {
                None
            } else {
                volumes.get(&(index, component)).copied()
            }
        };
        columns.push_position(
            offsets.position as usize + index,
            &position.components,
            volume,
        );
    }
    columns.into_frame()
}

/// The components of the given positions in their own order (one row per component, the
/// positions one after another), for explanations.
pub fn components_in_plan_order(plan: &Plan, positions: &[usize]) -> PolarsResult<DataFrame> {
    let mut columns = ComponentColumns::default();
    for &index in positions {
        let Some(position) = plan.positions.get(index) else {
            continue;
        };
        for component in &position.components {
            let (bucket, [x, y, z]) = Bucket::of(&component.kind);
            columns.slot.push(slot(index, bucket));
            columns.x.push(x);
            columns.y.push(y);
            columns.z.push(z);
        }
    }
    DataFrame::new_infer_height(vec![
        Column::new(column::SLOT.into(), columns.slot),
        Column::new(column::X.into(), columns.x),
        Column::new(column::Y.into(), columns.y),
        Column::new(column::Z.into(), columns.z),
    ])
}

/// What the staff rows are resolved with: the plan's units by id, the basis each unit gives,
/// and each position's basis.
struct StaffRows<'a> {
    units: &'a PlHashMap<&'a str, u32>,
    unit_employment: &'a [Employment],
    employment: &'a [Employment],
}

/// One row per staff member whose unit exists: unit and position rows, FTE and employment
/// basis (the position's, else the one the unit gives). A row whose ids do not resolve is
/// not counted (its unit) or counts for no position; validation reports it. Resolved here
/// rather than joined in the query because several plans' ids may coincide.
fn staff_frame(plan: &Plan, rows: &StaffRows, offsets: Offsets) -> PolarsResult<DataFrame> {
    let staff = &plan.staff;
    let positions = index_of(plan.positions.iter().map(|p| p.id.as_str()));
    let resolve = |members: &[crate::model::StaffMember]| {
        let mut part = StaffColumns::with_capacity(members.len());
        for member in members {
            let Some(&unit) = rows.units.get(member.unit_id.as_str()) else {
                continue;
            };
            let position = member
                .position_id
                .as_deref()
                .and_then(|id| positions.get(id).copied());
            let basis = position
                .and_then(|p| rows.employment.get(p as usize))
                .or_else(|| rows.unit_employment.get(unit as usize))
                .copied()
                .unwrap_or(Employment::CivilServant);
            part.units.push(offsets.unit + unit);
            part.positions.push(position.map(|p| offsets.position + p));
            part.fte.push(member.fte);
            part.employment.push(employment_code(basis));
        }
        part
    };
    // A national roster (millions) is resolved on every core.
    let workers = if staff.len() < STAFF_ON_MANY_THREADS {
        1
    } else {
        std::thread::available_parallelism().map_or(1, usize::from)
    };
    let chunk = staff.len().div_ceil(workers).max(1);
    let mut parts = std::thread::scope(|scope| {
        let handles: Vec<_> = staff
            .chunks(chunk)
            .skip(1)
            .map(|members| scope.spawn(move || resolve(members)))
            .collect();
        let mut parts = vec![resolve(
            staff.get(..chunk.min(staff.len())).unwrap_or_default(),
        )];
        for handle in handles {
            parts.push(
                handle
                    .join()
                    .map_err(|_| polars_err!(ComputeError: "resolving the staff failed"))?,
            );
        }
        PolarsResult::Ok(parts)
    })?
    .into_iter();
    let mut all = parts.next().unwrap_or_default();
    for part in parts {
        all.units.extend(part.units);
        all.positions.extend(part.positions);
        all.fte.extend(part.fte);
        all.employment.extend(part.employment);
    }
    DataFrame::new_infer_height(vec![
        Column::new(column::UNIT.into(), all.units),
        Column::new(column::POS.into(), all.positions),
        Column::new(column::FTE.into(), all.fte),
        Column::new(column::EMPLOYMENT.into(), all.employment),
    ])
}

/// Rosters of this many people are resolved on every core.
const STAFF_ON_MANY_THREADS: usize = 200_000;

/// The staff rows' columns.
#[derive(Default)]
struct StaffColumns {
    units: Vec<u32>,
    positions: Vec<Option<u32>>,
    fte: Vec<f64>,
    employment: Vec<u32>,
}

impl StaffColumns {
    fn with_capacity(n: usize) -> Self {
        StaffColumns {
            units: Vec::with_capacity(n),
            positions: Vec::with_capacity(n),
            fte: Vec::with_capacity(n),
            employment: Vec::with_capacity(n),
        }
    }
}
