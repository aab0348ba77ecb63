//! The derivation as one polars lazy query (DOMAIN.md section 3), collected once.
//!
//! Positions: AWT per calendar; `service_fte = Σ hours / AWT`; `caf = 1 / (1 - support share)`;
//! `iaf = additional hours / AWT`; `norm_fte = Σ volume x ratio`;
//! `required_fte = service_fte x caf + iaf + norm_fte` (fixed: the count); `required` = the
//! rounding policy applied once, then min/max; `difference = current - required`;
//! `ratio = current / required_fte`. Units sum their whole subtree; the total sums the roots.

use polars::prelude::*;

use super::codes;
use super::tables::{PlanTables, column as c};
use crate::model::Rounding;

/// Output column names.
pub mod out {
    pub const AWT_DAYS: &str = "awt_days";
    pub const AVAILABLE_HOURS: &str = "available_hours";
    pub const SERVICE_HOURS: &str = "service_hours";
    pub const SUPPORT_SHARE: &str = "support_share";
    pub const ADDITIONAL_HOURS: &str = "additional_hours";
    pub const NORM_FTE: &str = "norm_fte";
    pub const SERVICE_FTE: &str = "service_fte";
    pub const CAF: &str = "caf";
    pub const IAF: &str = "iaf";
    pub const REQUIRED_FTE: &str = "required_fte";
    pub const UNBOUNDED: &str = "required_before_bounds";
    pub const REQUIRED: &str = "required";
    pub const CURRENT: &str = "current";
    pub const DIFFERENCE: &str = "difference";
    pub const RATIO: &str = "ratio";
}

/// The three result frames: per position, per unit (subtree roll-up), and the total.
pub struct ResultFrames {
    pub positions: DataFrame,
    pub units: DataFrame,
    pub total: DataFrame,
}

pub fn run(tables: &PlanTables, rounding: Rounding) -> PolarsResult<ResultFrames> {
    let calendars = calendar_query(tables.calendar_frame.clone().lazy());
    let work = component_contributions(tables.component_frame.clone().lazy(), &tables.position_frame, calendars.clone())
        .group_by([col(c::POS)])
        .agg([
            col(out::SERVICE_HOURS).sum(),
            col(out::SUPPORT_SHARE).sum(),
            col(out::ADDITIONAL_HOURS).sum(),
            col(out::NORM_FTE).sum(),
        ]);
    let current = tables
        .staff_frame
        .clone()
        .lazy()
        .filter(col(c::POS).is_not_null())
        .group_by([col(c::POS)])
        .agg([col(c::FTE).sum().alias(out::CURRENT)]);
    let positions = tables
        .position_frame
        .clone()
        .lazy()
        .left_join(calendars, col(c::CAL), col(c::CAL))
        .left_join(work, col(c::POS), col(c::POS))
        .left_join(current, col(c::POS), col(c::POS))
        .with_columns(
            [
                out::SERVICE_HOURS,
                out::SUPPORT_SHARE,
                out::ADDITIONAL_HOURS,
                out::NORM_FTE,
                out::CURRENT,
            ]
            .map(|name| col(name).fill_null(lit(0.0))),
        )
        .with_columns([
            (col(out::SERVICE_HOURS) / col(out::AVAILABLE_HOURS)).alias(out::SERVICE_FTE),
            (lit(1.0) / (lit(1.0) - col(out::SUPPORT_SHARE))).alias(out::CAF),
            (col(out::ADDITIONAL_HOURS) / col(out::AVAILABLE_HOURS)).alias(out::IAF),
        ])
        .with_column(
            when(col(c::FIXED))
                .then(col(c::COUNT))
                .otherwise(col(out::SERVICE_FTE) * col(out::CAF) + col(out::IAF) + col(out::NORM_FTE))
                .alias(out::REQUIRED_FTE),
        )
        .with_column(rounded(col(out::REQUIRED_FTE), rounding).alias(out::UNBOUNDED))
        .with_column(bounded(col(out::UNBOUNDED)).cast(DataType::Int64).alias(out::REQUIRED))
        .with_columns(comparison())
        .sort([c::POS], SortMultipleOptions::default())
        .cache();

    let position_sums_by_unit = positions
        .clone()
        .group_by([col(c::UNIT)])
        .agg([col(out::REQUIRED_FTE).sum(), col(out::REQUIRED).sum()]);
    let staff_by_unit = tables
        .staff_frame
        .clone()
        .lazy()
        .group_by([col(c::UNIT)])
        .agg([col(c::FTE).sum().alias(out::CURRENT)]);
    let units = tables
        .unit_frame
        .clone()
        .lazy()
        .left_join(
            roll_up(tables.closure_frame.clone().lazy(), position_sums_by_unit, [out::REQUIRED_FTE, out::REQUIRED].as_slice()),
            col(c::UNIT),
            col(c::ANCESTOR),
        )
        .left_join(
            roll_up(tables.closure_frame.clone().lazy(), staff_by_unit, [out::CURRENT].as_slice()),
            col(c::UNIT),
            col(c::ANCESTOR),
        )
        .with_columns([
            col(out::REQUIRED_FTE).fill_null(lit(0.0)),
            col(out::REQUIRED).fill_null(lit(0i64)),
            col(out::CURRENT).fill_null(lit(0.0)),
        ])
        .with_columns(comparison())
        .sort([c::UNIT], SortMultipleOptions::default())
        .cache();

    let total = units
        .clone()
        .filter(col(c::IS_ROOT))
        .select([
            col(out::REQUIRED_FTE).sum(),
            col(out::REQUIRED).sum(),
            col(out::CURRENT).sum(),
        ])
        .with_columns(comparison());

    let mut frames = LazyFrame::collect_all_with_engine(
        vec![positions.logical_plan, units.logical_plan, total.logical_plan],
        Engine::Auto,
        OptFlags::default(),
    )?
    .into_iter();
    let mut next = || {
        frames
            .next()
            .ok_or_else(|| polars_err!(ComputeError: "a result frame is missing"))
    };
    Ok(ResultFrames {
        positions: next()?,
        units: next()?,
        total: next()?,
    })
}

/// Available working time per calendar: days, then hours (or the policy override).
pub fn calendar_query(calendars: LazyFrame) -> LazyFrame {
    calendars
        .with_column(
            (col(c::DAYS_PER_WEEK) * col(c::WEEKS_PER_YEAR) - col(c::DAYS_OFF)).alias(out::AWT_DAYS),
        )
        .with_column(
            col(c::HOURS_OVERRIDE)
                .fill_null(col(out::AWT_DAYS) * col(c::HOURS_PER_DAY))
                .alias(out::AVAILABLE_HOURS),
        )
}

/// What each component adds to its position: service hours a year, a share of working time
/// (support), additional hours a year, or staff by norm. Shared by the whole-plan query and by
/// explanations, so both show the same numbers.
pub fn component_contributions(
    components: LazyFrame,
    positions: &DataFrame,
    calendars: LazyFrame,
) -> LazyFrame {
    let kind_is = |code: u32| col(c::KIND).eq(lit(code));
    let period_is = |code: u32| col(c::PERIOD).eq(lit(code));
    let hours = col(c::MINUTES) / lit(60.0);
    // A time amount per period as a share of one person's working time.
    let share_per_period = when(period_is(codes::DAY))
        .then(lit(1.0) / col(c::HOURS_PER_DAY))
        .when(period_is(codes::WEEK))
        .then(lit(1.0) / (col(c::HOURS_PER_DAY) * col(c::DAYS_PER_WEEK)))
        .when(period_is(codes::MONTH))
        .then(lit(12.0) / col(out::AVAILABLE_HOURS))
        .otherwise(lit(1.0) / col(out::AVAILABLE_HOURS));
    // How many times a period comes round in a working year.
    let periods_per_year = when(period_is(codes::DAY))
        .then(col(out::AWT_DAYS))
        .when(period_is(codes::WEEK))
        .then(col(out::AWT_DAYS) / col(c::DAYS_PER_WEEK))
        .when(period_is(codes::MONTH))
        .then(lit(12.0))
        .otherwise(lit(1.0));
    components
        .left_join(
            positions.clone().lazy().select([col(c::POS), col(c::CAL)]),
            col(c::POS),
            col(c::POS),
        )
        .left_join(calendars, col(c::CAL), col(c::CAL))
        .with_columns([
            when(kind_is(codes::SERVICE))
                .then(col(c::VOLUME) * col(c::MINUTES_PER_ITEM) * col(c::COEFFICIENT) / lit(60.0))
                .otherwise(lit(0.0))
                .alias(out::SERVICE_HOURS),
            when(kind_is(codes::SUPPORT))
                .then(
                    col(c::PERCENT)
                        .fill_null(hours.clone() * share_per_period * lit(100.0))
                        / lit(100.0),
                )
                .otherwise(lit(0.0))
                .alias(out::SUPPORT_SHARE),
            when(kind_is(codes::ADDITIONAL))
                .then(hours * periods_per_year * col(c::STAFF))
                .otherwise(lit(0.0))
                .alias(out::ADDITIONAL_HOURS),
            when(kind_is(codes::NORM))
                .then(col(c::VOLUME) * col(c::RATIO))
                .otherwise(lit(0.0))
                .alias(out::NORM_FTE),
        ])
}

/// Rounds to whole people by the policy; a value within the tolerance of a whole number counts
/// as that number first.
fn rounded(value: Expr, rounding: Rounding) -> Expr {
    let whole = value.clone().round(0, RoundMode::HalfAwayFromZero);
    let noise = value.clone() - whole.clone();
    let snapped = when(
        noise
            .clone()
            .lt_eq(lit(super::WHOLE_NUMBER_TOLERANCE))
            .and(noise.gt_eq(lit(-super::WHOLE_NUMBER_TOLERANCE))),
    )
    .then(whole)
    .otherwise(value);
    match rounding {
        Rounding::Nearest => (snapped + lit(0.5)).floor(),
        Rounding::Up => snapped.ceil(),
        Rounding::Down => snapped.floor(),
    }
}

/// Applies a position's min/max bounds.
fn bounded(value: Expr) -> Expr {
    when(col(c::MIN).is_not_null().and(value.clone().lt(col(c::MIN))))
        .then(col(c::MIN))
        .when(col(c::MAX).is_not_null().and(value.clone().gt(col(c::MAX))))
        .then(col(c::MAX))
        .otherwise(value)
}

/// `difference = current - required`; `ratio = current / required_fte`, null when nothing is
/// required.
fn comparison() -> [Expr; 2] {
    [
        (col(out::CURRENT) - col(out::REQUIRED).cast(DataType::Float64)).alias(out::DIFFERENCE),
        when(col(out::REQUIRED_FTE).eq(lit(0.0)))
            .then(lit(NULL).cast(DataType::Float64))
            .otherwise(col(out::CURRENT) / col(out::REQUIRED_FTE))
            .alias(out::RATIO),
    ]
}

/// Sums per-unit figures over every ancestor-or-self, so each unit holds its subtree's total.
fn roll_up(closure: LazyFrame, per_unit: LazyFrame, figures: &[&str]) -> LazyFrame {
    closure
        .inner_join(per_unit, col(c::UNIT), col(c::UNIT))
        .group_by([col(c::ANCESTOR)])
        .agg(figures.iter().map(|f| col(*f).sum()).collect::<Vec<_>>())
}
