//! The portfolio as `vtvl portfolio` prints it: the JSON contract and the CSV rows.
//!
//! JSON: `{"plans": [{file, agency, quota, current, required, proposed, appraised, errors,
//! warnings}], "total": {...the same sums, plans, unreadable}, "by_unit_type": [...],
//! "by_employment": {...}}`. A plan that could not be read has null figures and an `error`
//! (in the chosen language); `error` is left out of the rows that were read.

use serde::Serialize;

use super::{Agency, Portfolio, Sums};
use crate::engine::EmploymentFigures;
use crate::language::{Language, Localized as _};
use crate::model::ByEmployment;

/// One agency's row.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RowJson {
    pub file: String,
    pub agency: Option<String>,
    pub quota: Option<u32>,
    pub current: Option<f64>,
    pub required: Option<i64>,
    pub proposed: Option<i64>,
    pub appraised: Option<i64>,
    pub errors: Option<usize>,
    pub warnings: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
}

/// Sums of rows.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SumsJson {
    pub plans: usize,
    pub quota: u64,
    pub current: f64,
    pub required: i64,
    pub proposed: i64,
    pub appraised: Option<i64>,
    pub errors: usize,
    pub warnings: usize,
}

impl From<&Sums> for SumsJson {
    fn from(s: &Sums) -> Self {
        SumsJson {
            plans: s.plans,
            quota: s.quota,
            current: s.current,
            required: s.required,
            proposed: s.proposed,
            appraised: s.appraised,
            errors: s.errors,
            warnings: s.warnings,
        }
    }
}

/// The total over all plans read.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TotalJson {
    #[serde(flatten)]
    pub sums: SumsJson,
    /// Plans that could not be read, validated or computed.
    pub unreadable: usize,
}

/// The sums of one unit type (of the agencies' root units).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TypeJson {
    pub unit_type: &'static str,
    pub label: &'static str,
    #[serde(flatten)]
    pub sums: SumsJson,
}

/// The whole report.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PortfolioJson {
    pub plans: Vec<RowJson>,
    pub total: TotalJson,
    pub by_unit_type: Vec<TypeJson>,
    pub by_employment: ByEmployment<EmploymentFigures>,
}

impl RowJson {
    pub fn of(agency: &Agency, language: Language) -> Self {
        let file = agency.relative.clone();
        match &agency.outcome {
            Ok(checked) => {
                let f = &checked.figures;
                RowJson {
                    file,
                    agency: Some(f.agency.clone()),
                    quota: f.quota,
                    current: Some(f.current),
                    required: Some(f.required),
                    proposed: Some(f.proposed),
                    appraised: f.appraised,
                    errors: Some(f.errors),
                    warnings: Some(f.warnings),
                    error: None,
                }
            }
            Err(error) => RowJson {
                file,
                agency: None,
                quota: None,
                current: None,
                required: None,
                proposed: None,
                appraised: None,
                errors: None,
                warnings: None,
                error: Some(error.message(language)),
            },
        }
    }
}

impl PortfolioJson {
    pub fn of(portfolio: &Portfolio, language: Language) -> Self {
        let totals = &portfolio.totals;
        PortfolioJson {
            plans: portfolio
                .agencies
                .iter()
                .map(|a| RowJson::of(a, language))
                .collect(),
            total: TotalJson {
                sums: SumsJson::from(&totals.all),
                unreadable: totals.unreadable,
            },
            by_unit_type: totals
                .by_unit_type
                .iter()
                .map(|t| TypeJson {
                    unit_type: t.unit_type.keyword(),
                    label: t.unit_type.label(language),
                    sums: SumsJson::from(&t.sums),
                })
                .collect(),
            by_employment: totals.by_employment,
        }
    }
}

/// The columns of the CSV, the keys of a JSON row.
pub const CSV_COLUMNS: [&str; 10] = [
    "file",
    "agency",
    "quota",
    "current",
    "required",
    "proposed",
    "appraised",
    "errors",
    "warnings",
    "error",
];

/// One CSV record per plan (numbers unrounded, blanks where there is no figure).
pub fn csv(portfolio: &Portfolio, language: Language) -> Result<String, csv::Error> {
    let mut writer = csv::Writer::from_writer(Vec::new());
    writer.write_record(CSV_COLUMNS)?;
    let text = |v: Option<String>| v.unwrap_or_default();
    for agency in &portfolio.agencies {
        let row = RowJson::of(agency, language);
        writer.write_record([
            row.file,
            text(row.agency),
            text(row.quota.map(|v| v.to_string())),
            text(row.current.map(|v| v.to_string())),
            text(row.required.map(|v| v.to_string())),
            text(row.proposed.map(|v| v.to_string())),
            text(row.appraised.map(|v| v.to_string())),
            text(row.errors.map(|v| v.to_string())),
            text(row.warnings.map(|v| v.to_string())),
            text(row.error),
        ])?;
    }
    let bytes = writer
        .into_inner()
        .map_err(|error| csv::Error::from(error.into_error()))?;
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}
