//! The derivation as one polars lazy query (DOMAIN.md section 3), collected once.
//!
//! Positions: AWT per calendar; `service_fte = Σ hours / AWT`; `caf = 1 / (1 - support share)`;
//! `iaf = additional hours / AWT`; `norm_fte = Σ volume x ratio`;
//! `required_fte = service_fte x caf + iaf + norm_fte` (fixed: the count); `required` = the
//! rounding policy applied once, then min/max; `remainder = required_fte - required` when
//! positive (workload left for kiêm nhiệm); `difference = current - required`;
//! `ratio = current / required_fte`. Units sum their whole subtree; the total sums the roots.

use polars::prelude::*;

use super::buckets::{self, Bucket};
use super::tables::{PlanTables, SLOTS_PER_POSITION, column as c, rounding_code};
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
    pub const REMAINDER: &str = "remainder";
    pub const CURRENT: &str = "current";
    pub const PROPOSED: &str = "proposed";
    pub const APPRAISED: &str = "appraised";
    pub const APPRAISED_LINES: &str = "appraised_lines";
    pub const DIFFERENCE: &str = "difference";
    pub const RATIO: &str = "ratio";

    /// The figures split by employment basis in unit and total frames.
    pub const SPLIT: [&str; 3] = [REQUIRED, CURRENT, PROPOSED];

    /// The column of `figure` for the employment basis with frame code `code`.
    pub fn split(figure: &str, code: u32) -> String {
        format!("{figure}_by_employment_{code}")
    }
}

/// The three result frames: per position, per unit (subtree roll-up), and the total (one row
/// per plan with a root unit, sorted by plan).
pub struct ResultFrames {
    pub positions: DataFrame,
    pub units: DataFrame,
    pub total: DataFrame,
}

pub fn run(tables: &PlanTables) -> PolarsResult<ResultFrames> {
    let calendars = calendar_query(tables.calendar_frame.clone().lazy());
    let work = bucket_sums(tables.component_frame.clone().lazy());
    let staff = resolved_staff(tables);
    let current = staff
        .clone()
        .filter(col(c::POS).is_not_null())
        .group_by([col(c::POS)])
        .agg([col(c::FTE).sum().alias(out::CURRENT)]);
    let summed: Vec<&str> = Bucket::ALL
        .into_iter()
        .map(Bucket::column)
        .chain([out::CURRENT])
        .collect();
    let positions = tables
        .position_frame
        .clone()
        .lazy()
        .left_join(calendars, col(c::CAL), col(c::CAL))
        .left_join(work, col(c::POS), col(c::POS))
        .left_join(current, col(c::POS), col(c::POS))
        .with_columns(
            summed
                .iter()
                .map(|name| col(*name).fill_null(lit(0.0)))
                .collect::<Vec<_>>(),
        )
        .with_columns(buckets::figures_from_sums())
        .with_columns([
            (col(out::SERVICE_HOURS) / col(out::AVAILABLE_HOURS)).alias(out::SERVICE_FTE),
            (lit(1.0) / (lit(1.0) - col(out::SUPPORT_SHARE))).alias(out::CAF),
            (col(out::ADDITIONAL_HOURS) / col(out::AVAILABLE_HOURS)).alias(out::IAF),
        ])
        .with_column(
            when(col(c::FIXED))
                .then(col(c::COUNT))
                .otherwise(
                    col(out::SERVICE_FTE) * col(out::CAF) + col(out::IAF) + col(out::NORM_FTE),
                )
                .alias(out::REQUIRED_FTE),
        )
        .with_column(rounded(col(out::REQUIRED_FTE)).alias(out::UNBOUNDED))
        .with_column(
            bounded(col(out::UNBOUNDED))
                .cast(DataType::Int64)
                .alias(out::REQUIRED),
        )
        .with_columns(comparison())
        .with_column(remainder())
        .with_column(
            col(c::PROPOSED_IN)
                .fill_null(col(out::REQUIRED))
                .alias(out::PROPOSED),
        )
        .with_column(
            when(col(c::AGREED))
                .then(col(out::PROPOSED))
                .otherwise(col(c::APPRAISED_IN))
                .alias(out::APPRAISED),
        )
        .select(
            [
                c::POS,
                c::UNIT,
                c::EMPLOYMENT,
                out::AVAILABLE_HOURS,
                out::AWT_DAYS,
                out::SERVICE_HOURS,
                out::SUPPORT_SHARE,
                out::ADDITIONAL_HOURS,
                out::SERVICE_FTE,
                out::CAF,
                out::IAF,
                out::NORM_FTE,
                out::REQUIRED_FTE,
                out::UNBOUNDED,
                out::REQUIRED,
                out::REMAINDER,
                out::CURRENT,
                out::DIFFERENCE,
                out::RATIO,
                out::PROPOSED,
                out::APPRAISED,
            ]
            .map(col),
        )
        .sort([c::POS], SortMultipleOptions::default())
        .cache();

    let position_split = split_by_employment(&[out::REQUIRED, out::PROPOSED], &[0i64, 0i64]);
    let position_sums_by_unit = positions
        .clone()
        .with_columns(position_split.columns)
        .group_by([col(c::UNIT)])
        .agg(
            [
                col(out::REQUIRED_FTE).sum(),
                col(out::REQUIRED).sum(),
                col(out::PROPOSED).sum(),
                col(out::APPRAISED).sum(),
                col(out::APPRAISED)
                    .count()
                    .cast(DataType::Int64)
                    .alias(out::APPRAISED_LINES),
            ]
            .into_iter()
            .chain(position_split.names.iter().map(|n| col(n.as_str()).sum()))
            .collect::<Vec<_>>(),
        );
    let staff_split = split_by_employment(&[c::FTE], &[0.0]);
    let staff_split_names: Vec<String> = (0..EMPLOYMENT_CODES)
        .map(|code| out::split(out::CURRENT, code))
        .collect();
    let staff_by_unit = staff
        .with_columns(staff_split.columns)
        .group_by([col(c::UNIT)])
        .agg(
            [col(c::FTE).sum().alias(out::CURRENT)]
                .into_iter()
                .chain(
                    staff_split
                        .names
                        .iter()
                        .zip(&staff_split_names)
                        .map(|(from, to)| col(from.as_str()).sum().alias(to.as_str())),
                )
                .collect::<Vec<_>>(),
        );
    let split_columns: Vec<String> = out::SPLIT
        .iter()
        .flat_map(|figure| (0..EMPLOYMENT_CODES).map(move |code| out::split(figure, code)))
        .collect();
    let position_roll_up: Vec<&str> = [
        out::REQUIRED_FTE,
        out::REQUIRED,
        out::PROPOSED,
        out::APPRAISED,
        out::APPRAISED_LINES,
    ]
    .into_iter()
    .chain(position_split.names.iter().map(String::as_str))
    .collect();
    let staff_roll_up: Vec<&str> = [out::CURRENT]
        .into_iter()
        .chain(staff_split_names.iter().map(String::as_str))
        .collect();
    let units = tables
        .unit_frame
        .clone()
        .lazy()
        .left_join(
            roll_up(
                tables.closure_frame.clone().lazy(),
                position_sums_by_unit,
                &position_roll_up,
            ),
            col(c::UNIT),
            col(c::ANCESTOR),
        )
        .left_join(
            roll_up(
                tables.closure_frame.clone().lazy(),
                staff_by_unit,
                &staff_roll_up,
            ),
            col(c::UNIT),
            col(c::ANCESTOR),
        )
        .with_columns([
            col(out::REQUIRED_FTE).fill_null(lit(0.0)),
            col(out::REQUIRED).fill_null(lit(0i64)),
            col(out::CURRENT).fill_null(lit(0.0)),
            col(out::PROPOSED).fill_null(lit(0i64)),
            col(out::APPRAISED_LINES).fill_null(lit(0i64)),
        ])
        .with_columns(
            split_columns
                .iter()
                .map(|name| {
                    let zero = if name.starts_with(out::CURRENT) {
                        lit(0.0)
                    } else {
                        lit(0i64)
                    };
                    col(name.as_str()).fill_null(zero)
                })
                .collect::<Vec<_>>(),
        )
        .with_column(appraised_if_any())
        .with_columns(comparison())
        .sort([c::UNIT], SortMultipleOptions::default())
        .cache();

    let total = units
        .clone()
        .filter(col(c::IS_ROOT))
        .group_by([col(c::PLAN)])
        .agg(
            [
                col(out::REQUIRED_FTE).sum(),
                col(out::REQUIRED).sum(),
                col(out::CURRENT).sum(),
                col(out::PROPOSED).sum(),
                col(out::APPRAISED).sum(),
                col(out::APPRAISED_LINES).sum(),
            ]
            .into_iter()
            .chain(split_columns.iter().map(|name| col(name.as_str()).sum()))
            .collect::<Vec<_>>(),
        )
        .with_column(appraised_if_any())
        .with_columns(comparison())
        .sort([c::PLAN], SortMultipleOptions::default());

    let mut frames = LazyFrame::collect_all_with_engine(
        vec![
            positions.logical_plan,
            units.logical_plan,
            total.logical_plan,
        ],
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

/// Staff with their unit and position resolved to rows and their employment basis (resolved
/// when the tables were built).
fn resolved_staff(tables: &PlanTables) -> LazyFrame {
    tables.staff_frame.clone().lazy()
}

/// How many employment bases the frames tell apart (codes 0, 1, 2).
const EMPLOYMENT_CODES: u32 = 3;

/// One column per figure and employment basis: the figure where the row has that basis, else
/// zero, so that plain sums (polars' fast path) split the figure by basis.
struct SplitColumns {
    columns: Vec<Expr>,
    names: Vec<String>,
}

fn split_by_employment<T: Literal + Copy>(figures: &[&str], zeros: &[T]) -> SplitColumns {
    let mut columns = Vec::new();
    let mut names = Vec::new();
    for (figure, zero) in figures.iter().zip(zeros) {
        for code in 0..EMPLOYMENT_CODES {
            let name = out::split(figure, code);
            columns.push(
                when(col(c::EMPLOYMENT).eq(lit(code)))
                    .then(col(*figure))
                    .otherwise(lit(*zero))
                    .alias(name.as_str()),
            );
            names.push(name);
        }
    }
    SplitColumns { columns, names }
}

/// Per-position sums of each bucket, before any calendar is applied: one sum per position
/// and bucket over the component rows, then one column per bucket.
fn bucket_sums(components: LazyFrame) -> LazyFrame {
    // Rows arrive sorted by slot (position, bucket), so both groupings work on sorted keys.
    // Plain column sums inside `agg` take polars' fast path; expressions inside it do not, so
    // amounts and per-bucket columns are computed before each grouping.
    components
        .select([
            col(c::SLOT),
            (col(c::X) * col(c::Y) * col(c::Z)).alias(AMOUNT),
        ])
        .group_by_stable([col(c::SLOT)])
        .agg([col(AMOUNT).sum()])
        .with_columns(slot_parts())
        .select(
            [col(c::POS)]
                .into_iter()
                .chain(Bucket::ALL.into_iter().map(|bucket| {
                    when(col(c::BUCKET).eq(lit(bucket.code())))
                        .then(col(AMOUNT))
                        .otherwise(lit(0.0))
                        .alias(bucket.column())
                }))
                .collect::<Vec<_>>(),
        )
        .group_by_stable([col(c::POS)])
        .agg(
            Bucket::ALL
                .into_iter()
                .map(|b| col(b.column()).sum())
                .collect::<Vec<_>>(),
        )
}

/// The position and bucket a slot stands for.
pub fn slot_parts() -> [Expr; 2] {
    let per_position = lit(SLOTS_PER_POSITION);
    [
        col(c::SLOT)
            .floor_div(per_position.clone())
            .cast(DataType::UInt32)
            .alias(c::POS),
        (col(c::SLOT) % per_position)
            .cast(DataType::UInt32)
            .alias(c::BUCKET),
    ]
}

const AMOUNT: &str = "amount";

/// Available working time per calendar: days, then hours. A fixed yearly figure gives the
/// hours, and the days are those hours over the hours of a day, so that work per day or week
/// counts as many days as the hours allow (as [`Calendar::available_days`]).
///
/// [`Calendar::available_days`]: crate::model::Calendar::available_days
pub fn calendar_query(calendars: LazyFrame) -> LazyFrame {
    let counted = col(c::DAYS_PER_WEEK) * col(c::WEEKS_PER_YEAR) - col(c::DAYS_OFF);
    calendars
        .with_column(
            (col(c::HOURS_OVERRIDE) / col(c::HOURS_PER_DAY))
                .fill_null(counted)
                .alias(out::AWT_DAYS),
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
    components
        .with_columns(slot_parts())
        .left_join(
            positions.clone().lazy().select([col(c::POS), col(c::CAL)]),
            col(c::POS),
            col(c::POS),
        )
        .left_join(calendars, col(c::CAL), col(c::CAL))
        .with_columns(buckets::figures_per_component())
}

/// Rounds to whole people by each position's plan's policy; a value within the tolerance of a
/// whole number counts as that number first.
fn rounded(value: Expr) -> Expr {
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
    let policy = |rounding: Rounding| col(c::ROUNDING).eq(lit(rounding_code(rounding)));
    when(policy(Rounding::Up))
        .then(snapped.clone().ceil())
        .when(policy(Rounding::Down))
        .then(snapped.clone().floor())
        .otherwise((snapped + lit(0.5)).floor())
}

/// Applies a position's min/max bounds.
fn bounded(value: Expr) -> Expr {
    when(col(c::MIN).is_not_null().and(value.clone().lt(col(c::MIN))))
        .then(col(c::MIN))
        .when(col(c::MAX).is_not_null().and(value.clone().gt(col(c::MAX))))
        .then(col(c::MAX))
        .otherwise(value)
}

/// The workload the required headcount leaves uncovered, `required_fte - required`, when the
/// policy (or a maximum) cuts it: it goes to another post as kiêm nhiệm. Zero when nothing is
/// left over, and for fixed positions, whose figure is a count rather than a workload.
fn remainder() -> Expr {
    let uncovered = col(out::REQUIRED_FTE) - col(out::REQUIRED).cast(DataType::Float64);
    when(
        col(c::FIXED)
            .not()
            .and(uncovered.clone().gt(lit(super::WHOLE_NUMBER_TOLERANCE))),
    )
    .then(uncovered)
    .otherwise(lit(0.0))
    .alias(out::REMAINDER)
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

/// A roll-up's appraised figure: the sum of the appraised lines under it, null when none is.
fn appraised_if_any() -> Expr {
    when(col(out::APPRAISED_LINES).gt(lit(0i64)))
        .then(col(out::APPRAISED))
        .otherwise(lit(NULL).cast(DataType::Int64))
        .alias(out::APPRAISED)
}

/// Sums per-unit figures over every ancestor-or-self, so each unit holds its subtree's total.
fn roll_up(closure: LazyFrame, per_unit: LazyFrame, figures: &[&str]) -> LazyFrame {
    // Each figure is summed under its own name.
    closure
        .inner_join(per_unit, col(c::UNIT), col(c::UNIT))
        .group_by([col(c::ANCESTOR)])
        .agg(figures.iter().map(|f| col(*f).sum()).collect::<Vec<_>>())
}
