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
use crate::language::Language;
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

/// What every component of every position adds, looked up by the position's id.
pub fn contributions_by_position(
    plan: &Plan,
) -> Result<std::collections::HashMap<&str, Vec<ComponentContribution>>, EngineError> {
    let every = all_contributions(plan)?;
    Ok(plan
        .positions
        .iter()
        .map(|p| p.id.as_str())
        .zip(every)
        .collect())
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
    pub fn formula(&self, language: Language) -> String {
        let p = &self.position;
        if p.method == Method::Fixed {
            return format!(
                "{} = {}",
                precise(p.required_fte),
                language.t("số cố định theo quy định", "a fixed number set by law")
            );
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

/// The explanation in Vietnamese, in words and numbers; [`Explanation::said`] in either language.
impl fmt::Display for Explanation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.write_to(f, Language::Vietnamese)
    }
}

/// An explanation said in one language; see [`Explanation::said`].
pub struct Said<'a> {
    explanation: &'a Explanation,
    language: Language,
}

impl fmt::Display for Said<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.explanation.write_to(f, self.language)
    }
}

impl Explanation {
    /// The explanation in `language`, in words and numbers.
    pub fn said(&self, language: Language) -> Said<'_> {
        Said {
            explanation: self,
            language,
        }
    }

    fn write_to(&self, f: &mut fmt::Formatter<'_>, l: Language) -> fmt::Result {
        let p = &self.position;
        let cal = &self.calendar;
        writeln!(
            f,
            "{}: {} ({}), {}: {} ({})",
            l.t("Vị trí", "Position"),
            p.name,
            p.id,
            l.t("đơn vị", "unit"),
            self.unit_name,
            p.unit_id
        )?;
        if p.method == Method::Fixed {
            writeln!(
                f,
                "{} = {}",
                l.t(
                    "Phương pháp: số lượng cố định theo quy định",
                    "Method: a fixed number set by law"
                ),
                n(p.required_fte)
            )?;
        } else {
            writeln!(
                f,
                "{}",
                l.t(
                    "Phương pháp: theo khối lượng công việc (WISN)",
                    "Method: by workload (WISN)"
                )
            )?;
            write!(
                f,
                "{} \"{}\"): ",
                l.t("Thời gian làm việc (lịch", "Working time (calendar"),
                cal.id
            )?;
            let (hours_a_year, hours, hours_a_day, days) = (
                l.t("giờ/năm", "hours a year"),
                l.t("giờ", "hours"),
                l.t("giờ/ngày", "hours a day"),
                l.t("ngày", "days"),
            );
            if cal.available_hours.is_some() {
                // The days follow from the fixed hours; they turn work per day or week into
                // hours.
                writeln!(
                    f,
                    "{} {} {hours_a_year}; {} {hours} / {} {hours_a_day} = {} {days}",
                    l.t("quy định cố định", "fixed by policy at"),
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
                    "{} {} × {} {} − {} {} = {} {days} × {} {hours} = {} {hours_a_year}",
                    n(cal.days_per_week),
                    l.t("ngày/tuần", "days a week"),
                    n(cal.weeks_per_year),
                    l.t("tuần", "weeks"),
                    n(days_off),
                    l.t("ngày nghỉ", "days off"),
                    n(p.available_days),
                    n(cal.hours_per_day),
                    n(p.available_hours)
                )?;
            }
            self.fmt_service(f, l)?;
            self.fmt_support(f, l)?;
            self.fmt_additional(f, l)?;
            self.fmt_norm(f, l)?;
            writeln!(
                f,
                "{} = {} × {} + {} + {} = {}",
                l.t("Nhu cầu (FTE)", "Need (FTE)"),
                precise(p.service_fte),
                precise(p.caf),
                precise(p.iaf),
                precise(p.norm_fte),
                precise(p.required_fte)
            )?;
        }
        write!(
            f,
            "{} — {}: {}",
            l.t("Làm tròn", "Rounding"),
            self.rounding.label(l),
            p.required_before_bounds
        )?;
        if p.required != p.required_before_bounds {
            let bound = match (self.min, self.max) {
                (Some(min), _) if p.required == i64::from(min) => {
                    format!("{} {min}", l.t("tối thiểu", "minimum"))
                }
                (_, Some(max)) => format!("{} {max}", l.t("tối đa", "maximum")),
                _ => String::new(),
            };
            write!(
                f,
                "; {} {bound}: {}",
                l.t("theo giới hạn", "by the bound"),
                p.required
            )?;
        }
        writeln!(f)?;
        if p.remainder > 0.0 {
            let (remainder, fte, required) =
                (precise(p.remainder), precise(p.required_fte), p.required);
            match l {
                Language::Vietnamese => writeln!(
                    f,
                    "Phần dư {remainder} FTE ({fte} − {required}) giao kiêm nhiệm cho vị trí khác"
                )?,
                Language::English => writeln!(
                    f,
                    "Remainder {remainder} FTE ({fte} − {required}) held concurrently by another position"
                )?,
            }
        }
        match l {
            Language::Vietnamese => writeln!(f, "Số cần có: {} người", p.required)?,
            Language::English => writeln!(f, "Required: {} people", p.required)?,
        }
        writeln!(
            f,
            "{}: {}; {} = {} − {} = {}",
            l.t("Hiện có", "Current"),
            n(p.current),
            l.t("chênh lệch", "difference"),
            n(p.current),
            p.required,
            n(p.difference)
        )?;
        match p.ratio {
            Some(ratio) => writeln!(
                f,
                "{} = {} / {} = {} ({})",
                l.t("Tỷ lệ WISN", "WISN ratio"),
                n(p.current),
                precise(p.required_fte),
                n(ratio),
                if ratio < 1.0 {
                    l.t(
                        "thiếu người, áp lực công việc",
                        "understaffed, work pressure",
                    )
                } else if ratio > 1.0 {
                    l.t(
                        "nhiều người hơn khối lượng công việc",
                        "more people than the workload",
                    )
                } else {
                    l.t("cân đối", "balanced")
                }
            ),
            None => writeln!(
                f,
                "{}",
                l.t(
                    "Tỷ lệ WISN: không xác định (nhu cầu bằng 0)",
                    "WISN ratio: undefined (no need)"
                )
            ),
        }
    }

    fn fmt_service(&self, f: &mut fmt::Formatter<'_>, l: Language) -> fmt::Result {
        let p = &self.position;
        let mut any = false;
        for c in self.of_kind("service") {
            if !any {
                writeln!(f, "{}", l.t("Công việc chính:", "Main work:"))?;
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
                    "  {} ({}): {} × {} {} × {} {} / 60 = {} {}",
                    c.component.name,
                    c.component.id,
                    n(volume),
                    n(minutes_per_item),
                    l.t("phút", "minutes"),
                    l.t("hệ số", "coefficient"),
                    n(coefficient),
                    n(c.service_hours),
                    l.t("giờ", "hours")
                )?;
            }
        }
        let hours = l.t("giờ", "hours");
        writeln!(
            f,
            "{} = {} {hours} / {} {hours} = {}",
            l.t("FTE công việc chính", "FTE of the main work"),
            n(p.service_hours),
            n(p.available_hours),
            precise(p.service_fte)
        )
    }

    fn fmt_support(&self, f: &mut fmt::Formatter<'_>, l: Language) -> fmt::Result {
        let p = &self.position;
        let parts: Vec<String> = self
            .of_kind("support")
            .map(|c| match c.component.kind {
                ComponentKind::Support(SupportAmount::Percent(percent)) => {
                    format!("{} ({}%)", c.component.name, n(percent))
                }
                ComponentKind::Support(SupportAmount::Time { minutes, per }) => format!(
                    "{} ({} {}/{} = {})",
                    c.component.name,
                    n(minutes),
                    l.t("phút", "minutes"),
                    per.label(l),
                    vi_percent(c.support_share, 2)
                ),
                _ => String::new(),
            })
            .collect();
        let caf = l.t("Hệ số hỗ trợ (CAF)", "Support allowance (CAF)");
        if parts.is_empty() {
            return writeln!(
                f,
                "{caf} = 1 ({})",
                l.t("không có công việc hỗ trợ", "no support work")
            );
        }
        writeln!(
            f,
            "{}: {}",
            l.t("Công việc hỗ trợ", "Support work"),
            parts.join("; ")
        )?;
        writeln!(
            f,
            "{caf} = 1 / (1 − {}) = {}",
            vi_percent(p.support_share, 2),
            precise(p.caf)
        )
    }

    fn fmt_additional(&self, f: &mut fmt::Formatter<'_>, l: Language) -> fmt::Result {
        let p = &self.position;
        let mut any = false;
        for c in self.of_kind("additional") {
            if !any {
                writeln!(
                    f,
                    "{}",
                    l.t(
                        "Công việc bổ sung (một số người làm):",
                        "Additional work (done by some):"
                    )
                )?;
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
                    "  {} ({}): {} {}/{} × {} {} = {} {}",
                    c.component.name,
                    c.component.id,
                    n(minutes),
                    l.t("phút", "minutes"),
                    per.label(l),
                    n(staff),
                    l.t("người", "people"),
                    n(c.additional_hours),
                    l.t("giờ/năm", "hours a year")
                )?;
            }
        }
        if any {
            let hours = l.t("giờ", "hours");
            writeln!(
                f,
                "{} = {} {hours} / {} {hours} = {}",
                l.t("Hệ số bổ sung (IAF)", "Additional allowance (IAF)"),
                n(p.additional_hours),
                n(p.available_hours),
                precise(p.iaf)
            )?;
        }
        Ok(())
    }

    fn fmt_norm(&self, f: &mut fmt::Formatter<'_>, l: Language) -> fmt::Result {
        for c in self.of_kind("norm") {
            if let ComponentKind::Norm { volume, ratio } = c.component.kind {
                writeln!(
                    f,
                    "{}: {} ({}): {} × {} = {} {}",
                    l.t("Định mức", "Norm"),
                    c.component.name,
                    c.component.id,
                    n(volume),
                    n(ratio),
                    precise(c.norm_fte),
                    l.t("người", "people")
                )?;
            }
        }
        Ok(())
    }
}
