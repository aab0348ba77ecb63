//! `settings.csv`: the plan's name, agency, year and rounding policy as `key,value` rows.

use super::cells::Cells;
use super::columns::{SETTINGS, settings_keys as keys};
use super::error::Problem;
use super::table::{Bound, OutTable};
use crate::model::{PlanMeta, Rounding};

/// The settings read from the table. Unknown keys are ignored; a key given twice is an error.
pub fn read(bound: &Bound, problems: &mut Vec<Problem>) -> (PlanMeta, Rounding) {
    let mut meta = PlanMeta::default();
    let mut rounding = Rounding::default();
    let mut seen: Vec<(String, u64)> = Vec::new();
    let roundings = Rounding::ALL.map(|r| (r.keyword(), r));
    for row in &bound.table.rows {
        let mut cells = Cells::new(bound, row, problems);
        let key = cells.raw("key").to_lowercase();
        if key.is_empty() {
            continue;
        }
        if let Some((_, first)) = seen.iter().find(|(k, _)| *k == key) {
            let message = format!("the key {key:?} is given twice (first on line {first})");
            cells.error("key", message);
            continue;
        }
        seen.push((key.clone(), cells.line()));
        match key.as_str() {
            keys::NAME => meta.name = cells.text("value"),
            keys::AGENCY => meta.agency = cells.text("value"),
            keys::YEAR => meta.year = cells.integer("value"),
            keys::ROUNDING => {
                if let Some(value) = cells.keyword("value", &roundings) {
                    rounding = value;
                }
            }
            _ => {}
        }
    }
    (meta, rounding)
}

/// The settings of a plan as a table.
pub fn write(meta: &PlanMeta, rounding: Rounding) -> OutTable {
    let mut table = OutTable::new(&SETTINGS);
    let rows = [
        (keys::NAME, meta.name.clone()),
        (keys::AGENCY, meta.agency.clone()),
        (
            keys::YEAR,
            meta.year.map(|y| y.to_string()).unwrap_or_default(),
        ),
        (keys::ROUNDING, rounding.keyword().to_owned()),
    ];
    table.rows = rows
        .into_iter()
        .map(|(key, value)| vec![key.to_owned(), value])
        .collect();
    table
}
