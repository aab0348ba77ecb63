//! The plan's tables as polars frames, with ids resolved to row indices.
//!
//! Indices (u32) instead of string ids keep joins cheap at national scale; the results map them
//! back to ids.

use std::collections::HashMap;

use polars::prelude::*;
use polars::series::IsSorted;

use super::buckets::Bucket;
use super::{EngineError, UnitTree};
use crate::model::{Appraisal, Calendar, Component, Decision, Employment, Method, Plan};

/// Column names shared by the frames and the query.
pub mod column {
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

    pub const SLOT: &str = "slot";
    pub const BUCKET: &str = "bucket";
    pub const X: &str = "x";
    pub const Y: &str = "y";
    pub const Z: &str = "z";

    pub const FTE: &str = "fte";
    pub const UNIT_ID: &str = "unit_id";
    pub const POSITION_ID: &str = "position_id";
    pub const STAFF_UNIT_ID: &str = "staff_unit_id";
    pub const STAFF_POSITION_ID: &str = "staff_position_id";
}

/// The plan as frames.
pub struct PlanTables {
    pub calendar_frame: DataFrame,
    pub unit_frame: DataFrame,
    pub closure_frame: DataFrame,
    pub position_frame: DataFrame,
    pub component_frame: DataFrame,
    pub staff_frame: DataFrame,
    /// Each position's employment basis (index-aligned with `plan.positions`).
    pub employment: Vec<Employment>,
    /// The basis each unit gives a position that states none (index-aligned with
    /// `plan.units`).
    pub unit_employment: Vec<Employment>,
}

impl PlanTables {
    pub fn build(plan: &Plan) -> Result<Self, EngineError> {
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
            position_units.push(*unit);
            position_calendars.push(calendar);
        }

        let calendar_frame = calendar_frame(&calendars)?;
        let unit_frame = unit_frame(plan, &tree, &unit_employment)?;
        let (closure_units, closure_ancestors) = tree.closure();
        let closure_frame = DataFrame::new_infer_height(vec![
            Column::new(column::UNIT.into(), closure_units),
            Column::new(column::ANCESTOR.into(), closure_ancestors),
        ])?;
        // The component table is by far the largest (millions of rows nationally): build it on
        // a second thread while this one builds the others.
        let (component_frame, position_frame, staff_frame) = std::thread::scope(|scope| {
            let components = scope.spawn(|| component_frame(plan));
            let positions = position_frame(plan, &position_units, &position_calendars, &employment);
            let staff = staff_frame(plan);
            let components = components.join().unwrap_or_else(|_| {
                Err(polars_err!(ComputeError: "building the component table failed"))
            });
            (components, positions, staff)
        });
        let (component_frame, position_frame, staff_frame) =
            (component_frame?, position_frame?, staff_frame?);
        Ok(PlanTables {
            employment,
            unit_employment,
            calendar_frame,
            unit_frame,
            closure_frame,
            position_frame,
            component_frame,
            staff_frame,
        })
    }
}

fn index_of<'a>(ids: impl Iterator<Item = &'a str>) -> HashMap<&'a str, u32> {
    ids.enumerate().map(|(i, id)| (id, i as u32)).collect()
}

fn calendar_frame(calendars: &[Calendar]) -> PolarsResult<DataFrame> {
    let pick = |f: fn(&Calendar) -> f64| calendars.iter().map(f).collect::<Vec<f64>>();
    DataFrame::new_infer_height(vec![
        Column::new(
            column::CAL.into(),
            (0..calendars.len() as u32).collect::<Vec<_>>(),
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

fn unit_frame(plan: &Plan, tree: &UnitTree, employment: &[Employment]) -> PolarsResult<DataFrame> {
    let count = plan.units.len();
    DataFrame::new_infer_height(vec![
        Column::new(column::UNIT.into(), (0..count as u32).collect::<Vec<_>>()),
        Column::new(
            column::UNIT_ID.into(),
            plan.units.iter().map(|u| u.id.as_str()).collect::<Vec<_>>(),
        ),
        Column::new(
            column::IS_ROOT.into(),
            (0..count)
                .map(|u| tree.parent(u).is_none())
                .collect::<Vec<_>>(),
        ),
        Column::new(column::EMPLOYMENT.into(), employment_codes(employment)),
    ])
}

fn position_frame(
    plan: &Plan,
    units: &[u32],
    calendars: &[u32],
    employment: &[Employment],
) -> PolarsResult<DataFrame> {
    let positions = &plan.positions;
    let appraisals = plan.appraisals();
    DataFrame::new_infer_height(vec![
        Column::new(
            column::POS.into(),
            (0..positions.len() as u32).collect::<Vec<_>>(),
        ),
        Column::new(
            column::POSITION_ID.into(),
            positions.iter().map(|p| p.id.as_str()).collect::<Vec<_>>(),
        ),
        Column::new(column::UNIT.into(), units.to_vec()),
        Column::new(column::CAL.into(), calendars.to_vec()),
        Column::new(column::EMPLOYMENT.into(), employment_codes(employment)),
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

    /// Adds one position's components, in bucket order.
    fn push_position(&mut self, position: usize, components: &[Component]) {
        let start = self.slot.len();
        for component in components {
            let (bucket, [x, y, z]) = Bucket::of(&component.kind);
            self.slot.push(slot(position, bucket));
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

fn component_frame(plan: &Plan) -> PolarsResult<DataFrame> {
    let total = plan.positions.iter().map(|p| p.components.len()).sum();
    let mut columns = ComponentColumns::with_capacity(total);
    for (index, position) in plan.positions.iter().enumerate() {
        // A fixed position's components are kept for the record but do not count.
        if position.method == Method::Fixed {
            continue;
        }
        columns.push_position(index, &position.components);
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

/// Staff keep their ids: the query resolves them with joins, which polars runs in parallel.
fn staff_frame(plan: &Plan) -> PolarsResult<DataFrame> {
    let staff = &plan.staff;
    DataFrame::new_infer_height(vec![
        Column::new(
            column::STAFF_UNIT_ID.into(),
            staff.iter().map(|s| s.unit_id.as_str()).collect::<Vec<_>>(),
        ),
        Column::new(
            column::STAFF_POSITION_ID.into(),
            staff
                .iter()
                .map(|s| s.position_id.as_deref())
                .collect::<Vec<_>>(),
        ),
        Column::new(
            column::FTE.into(),
            staff.iter().map(|s| s.fte).collect::<Vec<_>>(),
        ),
    ])
}
