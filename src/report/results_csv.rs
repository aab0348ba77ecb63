//! Results as CSV: one row per position, per unit and the total, numbers unrounded, for people
//! who go on in other tools. `vtvl compute --format csv` and the app's Results > Export CSV both
//! write this. After the figures come the agency's proposal and the reviewer's figure, and for
//! positions the reviewer's decision and comment (a column not appraised is empty); then each
//! position's employment basis and the workload its headcount leaves over (`remainder`), and
//! for units and the total the required, current and proposed headcount per employment basis
//! (`civil_servant_required`, ..., `contract_proposed`).

use crate::engine::{EmploymentFigures, PlanResults};
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
    let num = |x: f64| x.to_string();
    let opt = |x: Option<f64>| x.map(|v| v.to_string()).unwrap_or_default();
    let count = |x: Option<i64>| x.map(|v| v.to_string()).unwrap_or_default();
    for p in &results.positions {
        let mut row = Record::new("position");
        row.set("id", p.id.clone());
        row.set("unit_id", p.unit_id.clone());
        row.set("name", p.name.clone());
        row.set("category", p.category.keyword().to_owned());
        row.set("method", p.method.keyword().to_owned());
        row.set("available_hours", num(p.available_hours));
        row.set("service_fte", num(p.service_fte));
        row.set("caf", num(p.caf));
        row.set("iaf", num(p.iaf));
        row.set("norm_fte", num(p.norm_fte));
        row.set("required_fte", num(p.required_fte));
        row.set("required", p.required.to_string());
        row.set("current", num(p.current));
        row.set("difference", num(p.difference));
        row.set("ratio", opt(p.ratio));
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
        row.set("remainder", num(p.remainder));
        writer.write_record(&row.cells)?;
    }
    for u in &results.units {
        let mut row = Record::new("unit");
        row.set("id", u.id.clone());
        row.set("parent_id", u.parent_id.clone().unwrap_or_default());
        row.set("name", u.name.clone());
        row.set("quota", u.quota.map(|q| q.to_string()).unwrap_or_default());
        row.set("required_fte", num(u.required_fte));
        row.set("required", u.required.to_string());
        row.set("current", num(u.current));
        row.set("difference", num(u.difference));
        row.set("ratio", opt(u.ratio));
        row.set("proposed", u.proposed.to_string());
        row.set("appraised", count(u.appraised));
        row.split(&u.by_employment);
        writer.write_record(&row.cells)?;
    }
    let t = &results.total;
    let mut row = Record::new("total");
    row.set("required_fte", num(t.required_fte));
    row.set("required", t.required.to_string());
    row.set("current", num(t.current));
    row.set("difference", num(t.difference));
    row.set("ratio", opt(t.ratio));
    row.set("proposed", t.proposed.to_string());
    row.set("appraised", count(t.appraised));
    row.split(&t.by_employment);
    writer.write_record(&row.cells)?;
    let bytes = writer
        .into_inner()
        .map_err(|e| ResultsCsvError::Write(e.to_string()))?;
    String::from_utf8(bytes).map_err(|e| ResultsCsvError::Write(e.to_string()))
}
