//! Explanations: how a position's figure was reached, with its actual inputs.
//!
//! The component figures come from the same polars expressions as the whole-plan query
//! ([`super::query::component_contributions`]), and the position figures from its results, so
//! an explanation never disagrees with the number it explains.

use std::fmt;

use polars::prelude::*;

use super::EngineError;
use super::query::{self, out};
use super::results::{PlanResults, PositionResult};
use super::tables::{self, PlanTables};
use crate::format::{vi_number, vi_percent};
use crate::model::{
    Calendar, Component, ComponentKind, Method, Plan, Rounding, SupportAmount, Unit,
};

/// Everything needed to show how a position's required headcount was reached.
#[derive(Debug, Clone, PartialEq)]
pub struct Explanation {
    pub position: PositionResult,
    pub unit_name: String,
    pub calendar: Calendar,
    pub rounding: Rounding,
    pub min: Option<u32>,
    pub max: Option<u32>,
    pub components: Vec<ComponentContribution>,
}

/// What one workload component adds, next to its inputs.
#[derive(Debug, Clone, PartialEq)]
pub struct ComponentContribution {
    pub component: Component,
    /// Service hours a year (service components).
    pub service_hours: f64,
    /// Share of working time (support components).
    pub support_share: f64,
    /// Hours a year (additional components).
    pub additional_hours: f64,
    /// Staff by norm (norm components).
    pub norm_fte: f64,
}

impl ComponentContribution {
    /// Full-time equivalents the component adds by itself: its hours over a year's available
    /// hours for service work (before the support factor) and additional work, its staff for a
    /// norm. `None` for support work, which is a share of time, and when no time is available.
    pub fn fte(&self, available_hours: f64) -> Option<f64> {
        match self.component.kind {
            ComponentKind::Norm { .. } => Some(self.norm_fte),
            ComponentKind::Support(_) => None,
            _ if available_hours <= 0.0 => None,
            ComponentKind::Service { .. } => Some(self.service_hours / available_hours),
            ComponentKind::Additional { .. } => Some(self.additional_hours / available_hours),
        }
    }
}

/// What every component of every position adds, in plan order: one query for the whole plan
/// (reports that list all components use this rather than one explanation per position).
pub fn all_contributions(plan: &Plan) -> Result<Vec<Vec<ComponentContribution>>, EngineError> {
    let every: Vec<usize> = (0..plan.positions.len()).collect();
    contributions_of(plan, &every)
}

/// The contributions of the components of `positions` (indices into `plan.positions`).
fn contributions_of(
    plan: &Plan,
    positions: &[usize],
) -> Result<Vec<Vec<ComponentContribution>>, EngineError> {
    let tables = PlanTables::build(plan)?;
    let frame = query::component_contributions(
        tables::components_in_plan_order(plan, positions)?.lazy(),
        &tables.position_frame,
        query::calendar_query(tables.calendar_frame.clone().lazy()),
    )
    .collect()?;
    let column = |name: &str| -> PolarsResult<Vec<f64>> {
        Ok(frame
            .column(name)?
            .f64()?
            .iter()
            .map(|v| v.unwrap_or(0.0))
            .collect())
    };
    let (service, support) = (column(out::SERVICE_HOURS)?, column(out::SUPPORT_SHARE)?);
    let (additional, norm) = (column(out::ADDITIONAL_HOURS)?, column(out::NORM_FTE)?);
    let mut row = 0;
    Ok(positions
        .iter()
        .map(|&index| {
            let components = plan
                .positions
                .get(index)
                .map(|p| p.components.as_slice())
                .unwrap_or_default();
            components
                .iter()
                .map(|component| {
                    let at = |values: &[f64]| values.get(row).copied().unwrap_or(0.0);
                    let contribution = ComponentContribution {
                        component: component.clone(),
                        service_hours: at(&service),
                        support_share: at(&support),
                        additional_hours: at(&additional),
                        norm_fte: at(&norm),
                    };
                    row += 1;
                    contribution
                })
                .collect()
        })
        .collect())
}

/// Explains one position of a computed plan.
pub fn explain(
    plan: &Plan,
    results: &PlanResults,
    position_id: &str,
) -> Result<Explanation, EngineError> {
    let unknown = || EngineError::UnknownPosition(position_id.to_owned());
    let index = plan
        .positions
        .iter()
        .position(|p| p.id == position_id)
        .ok_or_else(unknown)?;
    let position = plan.positions.get(index).ok_or_else(unknown)?;
    let result = results.position(position_id).ok_or_else(unknown)?.clone();
    let calendar = plan
        .calendar_for(position)
        .ok_or_else(|| EngineError::MissingCalendar {
            position: position.id.clone(),
            calendar: position.calendar.clone().unwrap_or_default(),
        })?;

    // The position alone (with its unit and the plan's calendars): cheap however big the plan.
    let alone = Plan {
        units: plan
            .unit(&position.unit_id)
            .map(|u| {
                vec![Unit {
                    parent_id: None,
                    ..u.clone()
                }]
            })
            .unwrap_or_default(),
        positions: vec![position.clone()],
        staff: Vec::new(),
        calendars: plan.calendars.clone(),
        ..Plan::default()
    };
    let components = contributions_of(&alone, &[0])?
        .into_iter()
        .next()
        .unwrap_or_default();
    Ok(Explanation {
        position: result,
        unit_name: plan
            .unit(&position.unit_id)
            .map(|u| u.name.clone())
            .unwrap_or_default(),
        calendar,
        rounding: plan.rounding,
        min: position.min,
        max: position.max,
        components,
    })
}

fn n(value: f64) -> String {
    vi_number(value, 2)
}

fn precise(value: f64) -> String {
    vi_number(value, 4)
}

impl Explanation {
    fn of_kind<'a>(
        &'a self,
        keyword: &'a str,
    ) -> impl Iterator<Item = &'a ComponentContribution> + 'a {
        self.components
            .iter()
            .filter(move |c| c.component.kind.keyword() == keyword)
    }

    /// The required-FTE formula with its actual numbers, e.g.
    /// `1,3 = (1.800 h + 208 h) / 1.896 h × 1,1 + 0,03 + 0`.
    pub fn formula(&self) -> String {
        let p = &self.position;
        if p.method == Method::Fixed {
            return format!("{} = số cố định theo quy định", precise(p.required_fte));
        }
        let hours: Vec<String> = self
            .of_kind("service")
            .map(|c| format!("{} h", n(c.service_hours)))
            .collect();
        let sum = if hours.is_empty() {
            "0 h".to_owned()
        } else {
            hours.join(" + ")
        };
        format!(
            "{} = ({}) / {} h × {} + {} + {}",
            precise(p.required_fte),
            sum,
            n(p.available_hours),
            precise(p.caf),
            precise(p.iaf),
            precise(p.norm_fte)
        )
    }
}

/// The explanation in Vietnamese, in words and numbers.
impl fmt::Display for Explanation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let p = &self.position;
        let cal = &self.calendar;
        writeln!(
            f,
            "Vị trí: {} ({}), đơn vị: {} ({})",
            p.name, p.id, self.unit_name, p.unit_id
        )?;
        if p.method == Method::Fixed {
            writeln!(
                f,
                "Phương pháp: số lượng cố định theo quy định = {}",
                n(p.required_fte)
            )?;
        } else {
            writeln!(f, "Phương pháp: theo khối lượng công việc (WISN)")?;
            write!(f, "Thời gian làm việc (lịch \"{}\"): ", cal.id)?;
            if cal.available_hours.is_some() {
                // The days follow from the fixed hours; they turn work per day or week into
                // hours.
                writeln!(
                    f,
                    "quy định cố định {} giờ/năm; {} giờ / {} giờ/ngày = {} ngày",
                    n(p.available_hours),
                    n(p.available_hours),
                    n(cal.hours_per_day),
                    n(p.available_days)
                )?;
            } else {
                let days_off =
                    cal.public_holidays + cal.annual_leave + cal.sick_leave + cal.other_leave;
                writeln!(
                    f,
                    "{} ngày/tuần × {} tuần − {} ngày nghỉ = {} ngày × {} giờ = {} giờ/năm",
                    n(cal.days_per_week),
                    n(cal.weeks_per_year),
                    n(days_off),
                    n(p.available_days),
                    n(cal.hours_per_day),
                    n(p.available_hours)
                )?;
            }
            self.fmt_service(f)?;
            self.fmt_support(f)?;
            self.fmt_additional(f)?;
            self.fmt_norm(f)?;
            writeln!(
                f,
                "Nhu cầu (FTE) = {} × {} + {} + {} = {}",
                precise(p.service_fte),
                precise(p.caf),
                precise(p.iaf),
                precise(p.norm_fte),
                precise(p.required_fte)
            )?;
        }
        write!(
            f,
            "Làm tròn — {}: {}",
            self.rounding.label_vi(),
            p.required_before_bounds
        )?;
        if p.required != p.required_before_bounds {
            let bound = match (self.min, self.max) {
                (Some(min), _) if p.required == i64::from(min) => format!("tối thiểu {min}"),
                (_, Some(max)) => format!("tối đa {max}"),
                _ => String::new(),
            };
            write!(f, "; theo giới hạn {bound}: {}", p.required)?;
        }
        writeln!(f)?;
        if p.remainder > 0.0 {
            writeln!(
                f,
                "Phần dư {} FTE ({} − {}) giao kiêm nhiệm cho vị trí khác",
                precise(p.remainder),
                precise(p.required_fte),
                p.required
            )?;
        }
        writeln!(f, "Số cần có: {} người", p.required)?;
        writeln!(
            f,
            "Hiện có: {}; chênh lệch = {} − {} = {}",
            n(p.current),
            n(p.current),
            p.required,
            n(p.difference)
        )?;
        match p.ratio {
            Some(ratio) => writeln!(
                f,
                "Tỷ lệ WISN = {} / {} = {} ({})",
                n(p.current),
                precise(p.required_fte),
                n(ratio),
                if ratio < 1.0 {
                    "thiếu người, áp lực công việc"
                } else if ratio > 1.0 {
                    "nhiều người hơn khối lượng công việc"
                } else {
                    "cân đối"
                }
            ),
            None => writeln!(f, "Tỷ lệ WISN: không xác định (nhu cầu bằng 0)"),
        }
    }
}

impl Explanation {
    fn fmt_service(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let p = &self.position;
        let mut any = false;
        for c in self.of_kind("service") {
            if !any {
                writeln!(f, "Công việc chính:")?;
                any = true;
            }
            if let ComponentKind::Service {
                volume,
                minutes_per_item,
                coefficient,
            } = c.component.kind
            {
                writeln!(
                    f,
                    "  {} ({}): {} × {} phút × hệ số {} / 60 = {} giờ",
                    c.component.name,
                    c.component.id,
                    n(volume),
                    n(minutes_per_item),
                    n(coefficient),
                    n(c.service_hours)
                )?;
            }
        }
        writeln!(
            f,
            "FTE công việc chính = {} giờ / {} giờ = {}",
            n(p.service_hours),
            n(p.available_hours),
            precise(p.service_fte)
        )
    }

    fn fmt_support(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let p = &self.position;
        let parts: Vec<String> = self
            .of_kind("support")
            .map(|c| match c.component.kind {
                ComponentKind::Support(SupportAmount::Percent(percent)) => {
                    format!("{} ({}%)", c.component.name, n(percent))
                }
                ComponentKind::Support(SupportAmount::Time { minutes, per }) => format!(
                    "{} ({} phút/{} = {})",
                    c.component.name,
                    n(minutes),
                    per.label_vi(),
                    vi_percent(c.support_share, 2)
                ),
                _ => String::new(),
            })
            .collect();
        if parts.is_empty() {
            return writeln!(f, "Hệ số hỗ trợ (CAF) = 1 (không có công việc hỗ trợ)");
        }
        writeln!(f, "Công việc hỗ trợ: {}", parts.join("; "))?;
        writeln!(
            f,
            "Hệ số hỗ trợ (CAF) = 1 / (1 − {}) = {}",
            vi_percent(p.support_share, 2),
            precise(p.caf)
        )
    }

    fn fmt_additional(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let p = &self.position;
        let mut any = false;
        for c in self.of_kind("additional") {
            if !any {
                writeln!(f, "Công việc bổ sung (một số người làm):")?;
                any = true;
            }
            if let ComponentKind::Additional {
                minutes,
                per,
                staff,
            } = c.component.kind
            {
                writeln!(
                    f,
                    "  {} ({}): {} phút/{} × {} người = {} giờ/năm",
                    c.component.name,
                    c.component.id,
                    n(minutes),
                    per.label_vi(),
                    n(staff),
                    n(c.additional_hours)
                )?;
            }
        }
        if any {
            writeln!(
                f,
                "Hệ số bổ sung (IAF) = {} giờ / {} giờ = {}",
                n(p.additional_hours),
                n(p.available_hours),
                precise(p.iaf)
            )?;
        }
        Ok(())
    }

    fn fmt_norm(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for c in self.of_kind("norm") {
            if let ComponentKind::Norm { volume, ratio } = c.component.kind {
                writeln!(
                    f,
                    "Định mức: {} ({}): {} × {} = {} người",
                    c.component.name,
                    c.component.id,
                    n(volume),
                    n(ratio),
                    precise(c.norm_fte)
                )?;
            }
        }
        Ok(())
    }
}
