//! The plan's tables as polars frames, with ids resolved to row indices.
//!
//! Indices (u32) instead of string ids keep joins cheap at national scale; the results map them
//! back to ids.

use std::collections::HashMap;

use polars::prelude::*;

use super::codes;
use super::{EngineError, UnitTree};
use crate::model::{Calendar, ComponentKind, Method, Plan, SupportAmount};

/// Column names shared by the frames and the query.
pub mod column {
    pub const POS: &str = "pos_idx";
    pub const UNIT: &str = "unit_idx";
    pub const ANCESTOR: &str = "ancestor_idx";
    pub const CAL: &str = "cal_idx";
    pub const IS_ROOT: &str = "is_root";

    pub const DAYS_PER_WEEK: &str = "days_per_week";
    pub const WEEKS_PER_YEAR: &str = "weeks_per_year";
    pub const DAYS_OFF: &str = "days_off";
    pub const HOURS_PER_DAY: &str = "hours_per_day";
    pub const HOURS_OVERRIDE: &str = "available_hours_override";

    pub const FIXED: &str = "is_fixed";
    pub const COUNT: &str = "count";
    pub const MIN: &str = "min";
    pub const MAX: &str = "max";

    pub const KIND: &str = "kind";
    pub const VOLUME: &str = "volume";
    pub const MINUTES_PER_ITEM: &str = "minutes_per_item";
    pub const COEFFICIENT: &str = "coefficient";
    pub const PERCENT: &str = "percent";
    pub const MINUTES: &str = "minutes";
    pub const PERIOD: &str = "period";
    pub const STAFF: &str = "staff";
    pub const RATIO: &str = "ratio_per_driver";

    pub const FTE: &str = "fte";
}

/// The plan as frames, plus the resolved calendars and tree the results need.
pub struct PlanTables {
    pub calendars: Vec<Calendar>,
    /// Calendar index of each position (into `calendars`).
    pub position_calendars: Vec<u32>,
    pub calendar_frame: DataFrame,
    pub unit_frame: DataFrame,
    pub closure_frame: DataFrame,
    pub position_frame: DataFrame,
    pub component_frame: DataFrame,
    pub staff_frame: DataFrame,
}

impl PlanTables {
    pub fn build(plan: &Plan) -> Result<Self, EngineError> {
        let calendars = if plan.calendars.is_empty() {
            vec![Calendar::vietnamese_default()]
        } else {
            plan.calendars.clone()
        };
        let tree = UnitTree::build(&plan.units)?;
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
        let unit_frame = unit_frame(&tree, plan.units.len())?;
        let (closure_units, closure_ancestors) = tree.closure();
        let closure_frame = DataFrame::new_infer_height(vec![
            Column::new(column::UNIT.into(), closure_units),
            Column::new(column::ANCESTOR.into(), closure_ancestors),
        ])?;
        let position_frame = position_frame(plan, &position_units, &position_calendars)?;
        let component_frame = component_frame(plan)?;
        let staff_frame = staff_frame(plan, &unit_index)?;
        Ok(PlanTables {
            calendars,
            position_calendars,
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
        Column::new(column::CAL.into(), (0..calendars.len() as u32).collect::<Vec<_>>()),
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

fn unit_frame(tree: &UnitTree, count: usize) -> PolarsResult<DataFrame> {
    DataFrame::new_infer_height(vec![
        Column::new(column::UNIT.into(), (0..count as u32).collect::<Vec<_>>()),
        Column::new(
            column::IS_ROOT.into(),
            (0..count).map(|u| tree.parent(u).is_none()).collect::<Vec<_>>(),
        ),
    ])
}

fn position_frame(plan: &Plan, units: &[u32], calendars: &[u32]) -> PolarsResult<DataFrame> {
    let positions = &plan.positions;
    DataFrame::new_infer_height(vec![
        Column::new(column::POS.into(), (0..positions.len() as u32).collect::<Vec<_>>()),
        Column::new(column::UNIT.into(), units.to_vec()),
        Column::new(column::CAL.into(), calendars.to_vec()),
        Column::new(
            column::FIXED.into(),
            positions
                .iter()
                .map(|p| p.method == Method::Fixed)
                .collect::<Vec<_>>(),
        ),
        Column::new(
            column::COUNT.into(),
            positions.iter().map(|p| f64::from(p.count)).collect::<Vec<_>>(),
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
    ])
}

/// One row per workload component. Fields a kind does not use are 0 (or null for the period).
#[derive(Default)]
struct ComponentColumns {
    position: Vec<u32>,
    kind: Vec<u32>,
    volume: Vec<f64>,
    minutes_per_item: Vec<f64>,
    coefficient: Vec<f64>,
    percent: Vec<Option<f64>>,
    minutes: Vec<f64>,
    period: Vec<Option<u32>>,
    staff: Vec<f64>,
    ratio: Vec<f64>,
}

impl ComponentColumns {
    fn with_capacity(n: usize) -> Self {
        ComponentColumns {
            position: Vec::with_capacity(n),
            kind: Vec::with_capacity(n),
            volume: Vec::with_capacity(n),
            minutes_per_item: Vec::with_capacity(n),
            coefficient: Vec::with_capacity(n),
            percent: Vec::with_capacity(n),
            minutes: Vec::with_capacity(n),
            period: Vec::with_capacity(n),
            staff: Vec::with_capacity(n),
            ratio: Vec::with_capacity(n),
        }
    }

    fn push(&mut self, position: u32, kind: &ComponentKind) {
        let (mut volume, mut minutes_per_item, mut coefficient) = (0.0, 0.0, 0.0);
        let (mut percent, mut minutes, mut period) = (None, 0.0, None);
        let (mut staff, mut ratio) = (0.0, 0.0);
        match *kind {
            ComponentKind::Service {
                volume: v,
                minutes_per_item: m,
                coefficient: c,
            } => (volume, minutes_per_item, coefficient) = (v, m, c),
            ComponentKind::Support(SupportAmount::Percent(p)) => percent = Some(p),
            ComponentKind::Support(SupportAmount::Time { minutes: m, per }) => {
                (minutes, period) = (m, Some(codes::period_code(per)))
            }
            ComponentKind::Additional {
                minutes: m,
                per,
                staff: s,
            } => (minutes, period, staff) = (m, Some(codes::period_code(per)), s),
            ComponentKind::Norm {
                volume: v,
                ratio: r,
            } => (volume, ratio) = (v, r),
        }
        self.position.push(position);
        self.kind.push(codes::kind_code(kind));
        self.volume.push(volume);
        self.minutes_per_item.push(minutes_per_item);
        self.coefficient.push(coefficient);
        self.percent.push(percent);
        self.minutes.push(minutes);
        self.period.push(period);
        self.staff.push(staff);
        self.ratio.push(ratio);
    }

    fn into_frame(self) -> PolarsResult<DataFrame> {
        DataFrame::new_infer_height(vec![
            Column::new(column::POS.into(), self.position),
            Column::new(column::KIND.into(), self.kind),
            Column::new(column::VOLUME.into(), self.volume),
            Column::new(column::MINUTES_PER_ITEM.into(), self.minutes_per_item),
            Column::new(column::COEFFICIENT.into(), self.coefficient),
            Column::new(column::PERCENT.into(), self.percent),
            Column::new(column::MINUTES.into(), self.minutes),
            Column::new(column::PERIOD.into(), self.period),
            Column::new(column::STAFF.into(), self.staff),
            Column::new(column::RATIO.into(), self.ratio),
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
        for component in &position.components {
            columns.push(index as u32, &component.kind);
        }
    }
    columns.into_frame()
}

/// The component frame of one position alone, for explanations.
pub fn single_position_component_frame(
    plan: &Plan,
    position_index: usize,
) -> PolarsResult<DataFrame> {
    let mut columns = ComponentColumns::default();
    if let Some(position) = plan.positions.get(position_index) {
        for component in &position.components {
            columns.push(position_index as u32, &component.kind);
        }
    }
    columns.into_frame()
}

fn staff_frame(plan: &Plan, unit_index: &HashMap<&str, u32>) -> Result<DataFrame, EngineError> {
    let position_index = index_of(plan.positions.iter().map(|p| p.id.as_str()));
    let missing = |staff: &str, table: &'static str, id: &str| EngineError::MissingStaffReference {
        staff: staff.to_owned(),
        table,
        id: id.to_owned(),
    };
    let mut units = Vec::with_capacity(plan.staff.len());
    let mut positions = Vec::with_capacity(plan.staff.len());
    let mut fte = Vec::with_capacity(plan.staff.len());
    for member in &plan.staff {
        let unit = unit_index
            .get(member.unit_id.as_str())
            .ok_or_else(|| missing(&member.id, "unit", &member.unit_id))?;
        let position = match &member.position_id {
            None => None,
            Some(id) => Some(
                *position_index
                    .get(id.as_str())
                    .ok_or_else(|| missing(&member.id, "position", id))?,
            ),
        };
        units.push(*unit);
        positions.push(position);
        fte.push(member.fte);
    }
    Ok(DataFrame::new_infer_height(vec![
        Column::new(column::UNIT.into(), units),
        Column::new(column::POS.into(), positions),
        Column::new(column::FTE.into(), fte),
    ])?)
}
