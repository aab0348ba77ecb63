//! Several agencies' plans side by side: for service components sharing a task code (e.g. a
//! national administrative-procedure code), each agency's minutes per item and staff per 1,000
//! items, their median, minimum and maximum per code, and outliers.
//!
//! Per agency and code, the minutes per item are weighted by volume (`Σ volume × minutes /
//! Σ volume`; the plain mean when the volume is zero), as entered, before any complexity
//! coefficient; staff per 1,000 items is `Σ FTE × 1,000 / Σ volume`, where a component's FTE is
//! the engine's own contribution ([`crate::engine::ComponentContribution::fte`]: its hours over
//! the position's available hours, before the support factor), so the coefficient and the
//! calendar count there. Components without a code, and non-service components, are left out.
//!
//! The arithmetic (grouping by code and agency, the weighted means, the medians, minima and
//! maxima over agencies) is one polars lazy query collected once; the outlier test is plain
//! Rust ([`outlier`]). A value more than 1.5 times the median is high ("cao"), one under two
//! thirds of it low ("thấp"); a value exactly at either bound is not an outlier. A code used by
//! one agency is listed but cannot be judged.

use polars::prelude::*;
use serde::Serialize;

use super::CompareError;
use crate::engine::{self, ComponentContribution, PlanResults};
use crate::model::{ComponentKind, Plan};

/// A value above `HIGH × median` is high.
pub const HIGH: f64 = 1.5;
/// A value below `LOW × median` is low.
pub const LOW: f64 = 2.0 / 3.0;
/// Values within this share of a bound are at the bound (float noise is not an outlier).
const AT_BOUND: f64 = 1e-9;

/// One agency's plan and the name it goes by in the benchmark.
#[derive(Debug, Clone, Copy)]
pub struct BenchmarkPlan<'a> {
    pub label: &'a str,
    pub plan: &'a Plan,
}

/// Which way a value stands out from the median.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Outlier {
    /// More than 1.5 times the median.
    High,
    /// Under two thirds of the median.
    Low,
}

impl Outlier {
    pub fn label_vi(self) -> &'static str {
        match self {
            Outlier::High => "cao",
            Outlier::Low => "thấp",
        }
    }

    pub fn label_en(self) -> &'static str {
        match self {
            Outlier::High => "high",
            Outlier::Low => "low",
        }
    }

    /// The label in `language`.
    pub fn label(self, language: crate::language::Language) -> &'static str {
        language.t(self.label_vi(), self.label_en())
    }
}

/// Whether `value` stands out from `median`: above 1.5 × median, or under 2/3 of it. Nothing
/// stands out from a median of zero.
pub fn outlier(value: f64, median: f64) -> Option<Outlier> {
    if median <= 0.0 {
        return None;
    }
    let slack = AT_BOUND * median;
    if value > HIGH * median + slack {
        Some(Outlier::High)
    } else if value < LOW * median - slack {
        Some(Outlier::Low)
    } else {
        None
    }
}

/// The spread of one measure across agencies.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Spread {
    pub median: f64,
    pub min: f64,
    pub max: f64,
}

/// One agency's figures for one code.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AgencyValue {
    pub agency: String,
    /// Service components of the agency with the code.
    pub components: u32,
    /// Their items a year.
    pub volume: f64,
    pub minutes_per_item: f64,
    pub minutes_outlier: Option<Outlier>,
    /// `None` when the volume is zero.
    pub staff_per_1000: Option<f64>,
    pub staff_outlier: Option<Outlier>,
}

/// One task code across the agencies that use it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CodeBenchmark {
    pub code: String,
    /// The name of the first component with the code (agencies may word it differently).
    pub name: String,
    /// How many agencies use the code.
    pub agencies: usize,
    /// Whether there is anything to compare with: at least two agencies.
    pub judged: bool,
    pub minutes_per_item: Spread,
    /// `None` when no agency has a volume for the code.
    pub staff_per_1000: Option<Spread>,
    /// The agencies using the code, in the order the plans were given.
    pub values: Vec<AgencyValue>,
}

/// The benchmark of several plans.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Benchmark {
    /// The agencies' names, in the order the plans were given.
    pub agencies: Vec<String>,
    /// Codes in text order.
    pub codes: Vec<CodeBenchmark>,
}

impl Benchmark {
    /// How many values are flagged, over both measures.
    pub fn outlier_count(&self) -> usize {
        self.codes
            .iter()
            .flat_map(|c| &c.values)
            .map(|v| {
                usize::from(v.minutes_outlier.is_some()) + usize::from(v.staff_outlier.is_some())
            })
            .sum()
    }
}

mod column {
    pub const AGENCY: &str = "agency";
    pub const CODE: &str = "code";
    pub const VOLUME: &str = "volume";
    pub const MINUTES: &str = "minutes_per_item";
    pub const FTE: &str = "fte";
    pub const COMPONENTS: &str = "components";
    pub const WEIGHTED: &str = "volume_minutes";
    pub const PLAIN: &str = "mean_minutes";
    pub const STAFF: &str = "staff_per_1000";
    pub const MINUTES_MEDIAN: &str = "minutes_median";
    pub const MINUTES_MIN: &str = "minutes_min";
    pub const MINUTES_MAX: &str = "minutes_max";
    pub const STAFF_MEDIAN: &str = "staff_median";
    pub const STAFF_MIN: &str = "staff_min";
    pub const STAFF_MAX: &str = "staff_max";
}
use column as c;

/// The coded service components of every plan, one row each.
#[derive(Default)]
struct Rows {
    agency: Vec<u32>,
    code: Vec<String>,
    volume: Vec<f64>,
    minutes: Vec<f64>,
    fte: Vec<Option<f64>>,
    /// The first name seen for each code.
    names: Vec<(String, String)>,
}

impl Rows {
    fn add(
        &mut self,
        agency: u32,
        plan: &Plan,
        results: Option<&PlanResults>,
        label: &str,
    ) -> Result<(), CompareError> {
        let engine_error = |source| CompareError::Engine {
            plan: label.to_owned(),
            source,
        };
        let computed;
        let results = match results {
            Some(results) => results,
            None => {
                computed = engine::compute(plan).map_err(engine_error)?;
                &computed
            }
        };
        let contributions = engine::all_contributions(plan).map_err(engine_error)?;
        for (result, components) in results.positions.iter().zip(&contributions) {
            for contribution in components {
                self.add_component(agency, contribution, result.available_hours);
            }
        }
        Ok(())
    }

    fn add_component(&mut self, agency: u32, contribution: &ComponentContribution, hours: f64) {
        let component = &contribution.component;
        let ComponentKind::Service {
            volume,
            minutes_per_item,
            ..
        } = component.kind
        else {
            return;
        };
        let Some(code) = component
            .code
            .as_deref()
            .map(str::trim)
            .filter(|c| !c.is_empty())
        else {
            return;
        };
        if !self.names.iter().any(|(known, _)| known == code) {
            self.names.push((code.to_owned(), component.name.clone()));
        }
        self.agency.push(agency);
        self.code.push(code.to_owned());
        self.volume.push(volume);
        self.minutes.push(minutes_per_item);
        self.fte.push(contribution.fte(hours));
    }
}

/// Benchmarks the plans' coded service components. Plans must validate; the engine's failure
/// on one is an error naming it.
pub fn benchmark(plans: &[BenchmarkPlan]) -> Result<Benchmark, CompareError> {
    let entries: Vec<(BenchmarkPlan, Option<&PlanResults>)> =
        plans.iter().map(|&plan| (plan, None)).collect();
    benchmark_of(&entries)
}

/// [`benchmark`] of plans already computed (`results` index-aligned with `plans`): their
/// results are not computed again.
pub fn benchmark_computed(
    plans: &[BenchmarkPlan],
    results: &[&PlanResults],
) -> Result<Benchmark, CompareError> {
    let entries: Vec<(BenchmarkPlan, Option<&PlanResults>)> = plans
        .iter()
        .enumerate()
        .map(|(i, &plan)| (plan, results.get(i).copied()))
        .collect();
    benchmark_of(&entries)
}

fn benchmark_of(
    plans: &[(BenchmarkPlan, Option<&PlanResults>)],
) -> Result<Benchmark, CompareError> {
    let mut rows = Rows::default();
    for (agency, (entry, results)) in (0u32..).zip(plans) {
        rows.add(agency, entry.plan, *results, entry.label)?;
    }
    let plans: Vec<BenchmarkPlan> = plans.iter().map(|(plan, _)| *plan).collect();
    let agencies: Vec<String> = plans.iter().map(|p| p.label.to_owned()).collect();
    if rows.code.is_empty() {
        return Ok(Benchmark {
            agencies,
            codes: Vec::new(),
        });
    }
    let frame = spread_query(&rows)?;
    let codes = read_codes(&frame, &rows.names, &agencies)?;
    Ok(Benchmark { agencies, codes })
}

/// Per code and agency: the measures, and their spread over the code's agencies.
fn spread_query(rows: &Rows) -> PolarsResult<DataFrame> {
    let frame = df!(
        c::AGENCY => rows.agency.clone(),
        c::CODE => rows.code.clone(),
        c::VOLUME => rows.volume.clone(),
        c::MINUTES => rows.minutes.clone(),
        c::FTE => rows.fte.clone(),
    )?;
    let over_code = |e: Expr| e.over([col(c::CODE)]);
    let has_volume = || col(c::VOLUME).gt(lit(0.0));
    frame
        .lazy()
        .group_by([col(c::CODE), col(c::AGENCY)])
        .agg([
            len().alias(c::COMPONENTS),
            col(c::VOLUME).sum(),
            (col(c::VOLUME) * col(c::MINUTES)).sum().alias(c::WEIGHTED),
            col(c::MINUTES).mean().alias(c::PLAIN),
            col(c::FTE).sum(),
        ])
        .with_columns([
            when(has_volume())
                .then(col(c::WEIGHTED) / col(c::VOLUME))
                .otherwise(col(c::PLAIN))
                .alias(c::MINUTES),
            when(has_volume())
                .then(col(c::FTE) * lit(1000.0) / col(c::VOLUME))
                .otherwise(lit(NULL).cast(DataType::Float64))
                .alias(c::STAFF),
        ])
        .with_columns([
            over_code(col(c::MINUTES).median())?.alias(c::MINUTES_MEDIAN),
            over_code(col(c::MINUTES).min())?.alias(c::MINUTES_MIN),
            over_code(col(c::MINUTES).max())?.alias(c::MINUTES_MAX),
            over_code(col(c::STAFF).median())?.alias(c::STAFF_MEDIAN),
            over_code(col(c::STAFF).min())?.alias(c::STAFF_MIN),
            over_code(col(c::STAFF).max())?.alias(c::STAFF_MAX),
        ])
        .sort([c::CODE, c::AGENCY], SortMultipleOptions::default())
        .collect()
}

fn read_codes(
    frame: &DataFrame,
    names: &[(String, String)],
    agencies: &[String],
) -> PolarsResult<Vec<CodeBenchmark>> {
    let floats = |name: &str| -> PolarsResult<Vec<Option<f64>>> {
        Ok(frame.column(name)?.f64()?.iter().collect())
    };
    let code: Vec<Option<&str>> = frame.column(c::CODE)?.str()?.iter().collect();
    let agency: Vec<Option<u32>> = frame.column(c::AGENCY)?.u32()?.iter().collect();
    let components: Vec<Option<u32>> = frame
        .column(c::COMPONENTS)?
        .cast(&DataType::UInt32)?
        .u32()?
        .iter()
        .collect();
    let (volume, minutes, staff) = (floats(c::VOLUME)?, floats(c::MINUTES)?, floats(c::STAFF)?);
    let (m_median, m_min, m_max) = (
        floats(c::MINUTES_MEDIAN)?,
        floats(c::MINUTES_MIN)?,
        floats(c::MINUTES_MAX)?,
    );
    let (s_median, s_min, s_max) = (
        floats(c::STAFF_MEDIAN)?,
        floats(c::STAFF_MIN)?,
        floats(c::STAFF_MAX)?,
    );
    let at = |values: &[Option<f64>], i: usize| values.get(i).copied().flatten();

    let mut codes: Vec<CodeBenchmark> = Vec::new();
    for i in 0..frame.height() {
        let Some(this_code) = code.get(i).copied().flatten() else {
            continue;
        };
        if codes.last().is_none_or(|last| last.code != this_code) {
            let staff_spread = match (at(&s_median, i), at(&s_min, i), at(&s_max, i)) {
                (Some(median), Some(min), Some(max)) => Some(Spread { median, min, max }),
                _ => None,
            };
            codes.push(CodeBenchmark {
                code: this_code.to_owned(),
                name: names
                    .iter()
                    .find(|(known, _)| known == this_code)
                    .map(|(_, name)| name.clone())
                    .unwrap_or_default(),
                agencies: 0,
                judged: false,
                minutes_per_item: Spread {
                    median: at(&m_median, i).unwrap_or(0.0),
                    min: at(&m_min, i).unwrap_or(0.0),
                    max: at(&m_max, i).unwrap_or(0.0),
                },
                staff_per_1000: staff_spread,
                values: Vec::new(),
            });
        }
        let Some(current) = codes.last_mut() else {
            continue;
        };
        let agency_index = agency.get(i).copied().flatten().unwrap_or(0);
        current.values.push(AgencyValue {
            agency: agencies
                .get(agency_index as usize)
                .cloned()
                .unwrap_or_default(),
            components: components.get(i).copied().flatten().unwrap_or(0),
            volume: at(&volume, i).unwrap_or(0.0),
            minutes_per_item: at(&minutes, i).unwrap_or(0.0),
            minutes_outlier: None,
            staff_per_1000: at(&staff, i),
            staff_outlier: None,
        });
    }
    for code in &mut codes {
        code.agencies = code.values.len();
        code.judged = code.agencies > 1;
        if !code.judged {
            continue;
        }
        let staff_median = code.staff_per_1000.map(|s| s.median);
        let minutes_median = code.minutes_per_item.median;
        for value in &mut code.values {
            value.minutes_outlier = outlier(value.minutes_per_item, minutes_median);
            value.staff_outlier = match (value.staff_per_1000, staff_median) {
                (Some(v), Some(m)) => outlier(v, m),
                _ => None,
            };
        }
    }
    Ok(codes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bounds_are_not_outliers() {
        assert_eq!(outlier(90.0, 60.0), None);
        assert_eq!(outlier(90.01, 60.0), Some(Outlier::High));
        assert_eq!(outlier(40.0, 60.0), None);
        assert_eq!(outlier(39.99, 60.0), Some(Outlier::Low));
        // 2/3 of 0.3 is not exactly representable: the bound itself still passes.
        assert_eq!(outlier(0.2, 0.3), None);
        assert_eq!(outlier(0.45, 0.3), None);
        assert_eq!(outlier(5.0, 0.0), None);
    }
}
