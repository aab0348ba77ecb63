//! Buckets: where each workload component's amount is summed, and how a bucket's sum turns
//! into a position's figures (DOMAIN.md section 3).
//!
//! A component becomes one row `(position, bucket, x, y, z)` whose amount is `x · y · z`
//! (service: volume × minutes × coefficient; support: a percentage or minutes; additional:
//! minutes × staff; norm: quantity × ratio). Amounts are summed per position and bucket, and
//! only then converted with the position's calendar, so the conversion runs on one row per
//! position instead of one per component. Explanations apply the same conversion per component.

use polars::prelude::*;

use super::query::out;
use super::tables::column as c;
use crate::model::{ComponentKind, Period, SupportAmount};

/// One place a component's amount is summed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Bucket {
    /// Item-minutes of service work a year.
    ServiceMinutes,
    /// Support as a percentage of working time.
    SupportPercent,
    /// Support minutes per period.
    SupportMinutes(Period),
    /// Additional minutes per period, times the staff doing them.
    AdditionalStaffMinutes(Period),
    /// Staff by norm.
    NormStaff,
}

/// The figure of a position a bucket adds to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Figure {
    ServiceHours,
    SupportShare,
    AdditionalHours,
    NormFte,
}

impl Figure {
    pub const ALL: [Figure; 4] = [
        Figure::ServiceHours,
        Figure::SupportShare,
        Figure::AdditionalHours,
        Figure::NormFte,
    ];

    pub fn column(self) -> &'static str {
        match self {
            Figure::ServiceHours => out::SERVICE_HOURS,
            Figure::SupportShare => out::SUPPORT_SHARE,
            Figure::AdditionalHours => out::ADDITIONAL_HOURS,
            Figure::NormFte => out::NORM_FTE,
        }
    }
}

impl Bucket {
    pub const ALL: [Bucket; 11] = [
        Bucket::ServiceMinutes,
        Bucket::SupportPercent,
        Bucket::SupportMinutes(Period::Day),
        Bucket::SupportMinutes(Period::Week),
        Bucket::SupportMinutes(Period::Month),
        Bucket::SupportMinutes(Period::Year),
        Bucket::AdditionalStaffMinutes(Period::Day),
        Bucket::AdditionalStaffMinutes(Period::Week),
        Bucket::AdditionalStaffMinutes(Period::Month),
        Bucket::AdditionalStaffMinutes(Period::Year),
        Bucket::NormStaff,
    ];

    pub fn code(self) -> u32 {
        Self::ALL.iter().position(|b| *b == self).unwrap_or(0) as u32
    }

    /// Name of the per-position sum of this bucket.
    pub fn column(self) -> &'static str {
        match self {
            Bucket::ServiceMinutes => "service_item_minutes",
            Bucket::SupportPercent => "support_percent",
            Bucket::SupportMinutes(Period::Day) => "support_minutes_per_day",
            Bucket::SupportMinutes(Period::Week) => "support_minutes_per_week",
            Bucket::SupportMinutes(Period::Month) => "support_minutes_per_month",
            Bucket::SupportMinutes(Period::Year) => "support_minutes_per_year",
            Bucket::AdditionalStaffMinutes(Period::Day) => "additional_staff_minutes_per_day",
            Bucket::AdditionalStaffMinutes(Period::Week) => "additional_staff_minutes_per_week",
            Bucket::AdditionalStaffMinutes(Period::Month) => "additional_staff_minutes_per_month",
            Bucket::AdditionalStaffMinutes(Period::Year) => "additional_staff_minutes_per_year",
            Bucket::NormStaff => "norm_staff",
        }
    }

    /// A component's bucket and the three factors whose product is its amount.
    pub fn of(kind: &ComponentKind) -> (Bucket, [f64; 3]) {
        match *kind {
            ComponentKind::Service {
                volume,
                minutes_per_item,
                coefficient,
            } => (
                Bucket::ServiceMinutes,
                [volume, minutes_per_item, coefficient],
            ),
            ComponentKind::Support(SupportAmount::Percent(percent)) => {
                (Bucket::SupportPercent, [percent, 1.0, 1.0])
            }
            ComponentKind::Support(SupportAmount::Time { minutes, per }) => {
                (Bucket::SupportMinutes(per), [minutes, 1.0, 1.0])
            }
            ComponentKind::Additional {
                minutes,
                per,
                staff,
            } => (Bucket::AdditionalStaffMinutes(per), [minutes, staff, 1.0]),
            ComponentKind::Norm { volume, ratio } => (Bucket::NormStaff, [volume, ratio, 1.0]),
        }
    }

    /// The figure this bucket adds to, and the factor (over the calendar's columns) that
    /// converts its amount: minutes to hours, a percentage or time to a share of working time,
    /// minutes per period to hours a year.
    pub fn conversion(self) -> (Figure, Expr) {
        let per_hour = |factor: Expr| factor / lit(60.0);
        match self {
            Bucket::ServiceMinutes => (Figure::ServiceHours, lit(1.0 / 60.0)),
            Bucket::SupportPercent => (Figure::SupportShare, lit(0.01)),
            Bucket::SupportMinutes(per) => {
                (Figure::SupportShare, per_hour(share_of_working_time(per)))
            }
            Bucket::AdditionalStaffMinutes(per) => {
                (Figure::AdditionalHours, per_hour(periods_per_year(per)))
            }
            Bucket::NormStaff => (Figure::NormFte, lit(1.0)),
        }
    }
}

/// One hour per `period` as a share of one person's working time: per day `/ hours_per_day`,
/// per week `/ (hours_per_day × days_per_week)`, per month `× 12 / AWT`, per year `/ AWT`.
fn share_of_working_time(period: Period) -> Expr {
    match period {
        Period::Day => lit(1.0) / col(c::HOURS_PER_DAY),
        Period::Week => lit(1.0) / (col(c::HOURS_PER_DAY) * col(c::DAYS_PER_WEEK)),
        Period::Month => lit(12.0) / col(out::AVAILABLE_HOURS),
        Period::Year => lit(1.0) / col(out::AVAILABLE_HOURS),
    }
}

/// How many times `period` comes round in a working year: days `AWT days`, weeks
/// `AWT days / days_per_week`, months 12, years 1.
fn periods_per_year(period: Period) -> Expr {
    match period {
        Period::Day => col(out::AWT_DAYS),
        Period::Week => col(out::AWT_DAYS) / col(c::DAYS_PER_WEEK),
        Period::Month => lit(12.0),
        Period::Year => lit(1.0),
    }
}

/// A position's four figures from its bucket sums (one column per bucket).
pub fn figures_from_sums() -> Vec<Expr> {
    Figure::ALL
        .into_iter()
        .map(|figure| {
            Bucket::ALL
                .into_iter()
                .filter_map(|bucket| {
                    let (target, factor) = bucket.conversion();
                    (target == figure).then(|| col(bucket.column()) * factor)
                })
                .reduce(|sum, term| sum + term)
                .unwrap_or_else(|| lit(0.0))
                .alias(figure.column())
        })
        .collect()
}

/// Each component's four figures from its own amount (explanations).
pub fn figures_per_component() -> Vec<Expr> {
    let amount = col(c::X) * col(c::Y) * col(c::Z);
    Figure::ALL
        .into_iter()
        .map(|figure| {
            Bucket::ALL
                .into_iter()
                .fold(lit(0.0), |sum, bucket| {
                    let (target, factor) = bucket.conversion();
                    if target != figure {
                        return sum;
                    }
                    sum + when(col(c::BUCKET).eq(lit(bucket.code())))
                        .then(amount.clone() * factor)
                        .otherwise(lit(0.0))
                })
                .alias(figure.column())
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_distinct_and_stable() {
        let codes: Vec<u32> = Bucket::ALL.iter().map(|b| b.code()).collect();
        assert_eq!(codes, (0..11).collect::<Vec<u32>>());
    }
}
