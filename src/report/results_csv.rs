//! Results as CSV: one row per position, per unit and the total, numbers unrounded, for people
//! who go on in other tools. `vtvl compute --format csv` and the app's Results > Export CSV both
//! write this. After the figures come the agency's proposal and the reviewer's figure, and for
//! positions the reviewer's decision and comment (a column not appraised is empty); then each
//! position's employment basis and the workload its headcount leaves over (`remainder`), and
//! for units and the total the required, current and proposed headcount per employment basis
//! (`civil_servant_required`, ..., `contract_proposed`).

use crate::engine::{EmploymentFigures, PlanResults, Totals};
use crate::model::{ByEmployment, Employment};

#[derive(Debug, thiserror::Error)]
pub enum ResultsCsvError {
    #[error("cannot write the results as CSV: {0}")]
    Csv(#[from] csv::Error),
    #[error("cannot write the results as CSV: {0}")]
    Write(String),
}

/// The columns before the per-basis ones, in order.
const COLUMNS: [&str; 24] = [
    "level",
    "id",
    "unit_id",
    "parent_id",
    "name",
    "category",
    "method",
    "quota",
    "available_hours",
    "service_fte",
    "caf",
    "iaf",
    "norm_fte",
    "required_fte",
    "required",
    "current",
    "difference",
    "ratio",
    "proposed",
    "appraised",
    "decision",
    "comment",
    "employment",
    "remainder",
];

/// The figures given per employment basis, each a column `<basis>_<figure>`.
const SPLIT_FIGURES: [&str; 3] = ["required", "current", "proposed"];

/// The name of the column of `figure` for the posts of `employment`.
fn split_column(employment: Employment, figure: &str) -> String {
    format!("{}_{figure}", employment.keyword())
}

/// One record, filled by column name; the columns not set stay empty.
struct Record {
    cells: Vec<String>,
}

impl Record {
    fn new(level: &str) -> Self {
        let mut record = Record {
            cells: vec![String::new(); COLUMNS.len() + 3 * SPLIT_FIGURES.len()],
        };
        record.set("level", level.to_owned());
        record
    }

    fn set(&mut self, column: &str, value: String) {
        if let Some(at) = COLUMNS.iter().position(|c| *c == column) {
            self.cells[at] = value;
        }
    }

    /// The figures of a unit's subtree or of the total, with their split by basis.
    fn sums(&mut self, sums: &Totals) {
        self.set("required_fte", number(sums.required_fte));
        self.set("required", sums.required.to_string());
        self.set("current", number(sums.current));
        self.set("difference", number(sums.difference));
        self.set("ratio", optional(sums.ratio));
        self.set("proposed", sums.proposed.to_string());
        self.set("appraised", count(sums.appraised));
        self.split(&sums.by_employment);
    }

    fn split(&mut self, split: &ByEmployment<EmploymentFigures>) {
        for (i, employment) in Employment::ALL.into_iter().enumerate() {
            let figures = split.get(employment);
            let values = [
                figures.required.to_string(),
                figures.current.to_string(),
                figures.proposed.to_string(),
            ];
            for (j, value) in values.into_iter().enumerate() {
                self.cells[COLUMNS.len() + i * SPLIT_FIGURES.len() + j] = value;
            }
        }
    }
}

fn number(value: f64) -> String {
    value.to_string()
}

fn optional(value: Option<f64>) -> String {
    value.map(number).unwrap_or_default()
}

fn count(value: Option<i64>) -> String {
    value.map(|v| v.to_string()).unwrap_or_default()
}

pub fn results_csv(results: &PlanResults) -> Result<String, ResultsCsvError> {
    let mut writer = csv::Writer::from_writer(Vec::new());
    let header: Vec<String> =
        COLUMNS
            .iter()
            .map(|c| (*c).to_owned())
            .chain(Employment::ALL.into_iter().flat_map(|employment| {
                SPLIT_FIGURES.map(|figure| split_column(employment, figure))
            }))
            .collect();
    writer.write_record(&header)?;
    for p in &results.positions {
        let mut row = Record::new("position");
        row.set("id", p.id.clone());
        row.set("unit_id", p.unit_id.clone());
        row.set("name", p.name.clone());
        row.set("category", p.category.keyword().to_owned());
        row.set("method", p.method.keyword().to_owned());
        row.set("available_hours", number(p.available_hours));
        row.set("service_fte", number(p.service_fte));
        row.set("caf", number(p.caf));
        row.set("iaf", number(p.iaf));
        row.set("norm_fte", number(p.norm_fte));
        row.set("required_fte", number(p.required_fte));
        row.set("required", p.required.to_string());
        row.set("current", number(p.current));
        row.set("difference", number(p.difference));
        row.set("ratio", optional(p.ratio));
        row.set("proposed", p.proposed.to_string());
        row.set("appraised", count(p.appraised));
        row.set(
            "decision",
            p.decision
                .map(|d| d.keyword().to_owned())
                .unwrap_or_default(),
        );
        row.set("comment", p.comment.clone().unwrap_or_default());
        row.set("employment", p.employment.keyword().to_owned());
        row.set("remainder", number(p.remainder));
        writer.write_record(&row.cells)?;
    }
    for u in &results.units {
        let mut row = Record::new("unit");
        row.set("id", u.id.clone());
        row.set("parent_id", u.parent_id.clone().unwrap_or_default());
        row.set("name", u.name.clone());
        row.set("quota", u.quota.map(|q| q.to_string()).unwrap_or_default());
        row.sums(&Totals::from(u));
        writer.write_record(&row.cells)?;
    }
    let mut row = Record::new("total");
    row.sums(&results.total);
    writer.write_record(&row.cells)?;
    let bytes = writer
        .into_inner()
        .map_err(|e| ResultsCsvError::Write(e.to_string()))?;
    String::from_utf8(bytes).map_err(|e| ResultsCsvError::Write(e.to_string()))
}

impl crate::language::Localized for ResultsCsvError {
    fn message(&self, language: crate::language::Language) -> String {
        match (self, language) {
            (_, crate::language::Language::English) => self.to_string(),
            (ResultsCsvError::Csv(error), _) => format!("không ghi được kết quả CSV: {error}"),
            (ResultsCsvError::Write(error), _) => format!("không ghi được kết quả CSV: {error}"),
        }
    }
}
