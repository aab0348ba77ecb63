//! Export: a plan written as a folder of CSV files that [`import_dir`](super::import_dir) reads
//! back to the same plan.

use std::fs;
use std::path::Path;

use super::columns::{CALENDARS, TableSpec};
use super::csv_dir;
use super::error::ExportError;
use super::table::OutTable;
use super::{calendars, duties, job_descriptions, positions, settings, staff, units};
use crate::format::plain_number;
use crate::model::Plan;

/// Writes `plan` into `dir` (created if missing) as `settings.csv`, `calendars.csv` (only when
/// the plan has calendars; an outdated one is removed), `units.csv`, `positions.csv`,
/// `duties.csv`, `staff.csv` and `job_descriptions.csv`: UTF-8 without BOM, header row first.
pub fn export_dir(plan: &Plan, dir: &Path) -> Result<(), ExportError> {
    let tables = tables(plan)?;
    fs::create_dir_all(dir).map_err(|source| ExportError::CreateDir {
        path: dir.to_owned(),
        source,
    })?;
    for table in &tables {
        csv_dir::write_table(dir, table)?;
    }
    if plan.calendars.is_empty() {
        csv_dir::remove_table(dir, &CALENDARS)?;
    }
    Ok(())
}

/// The tables of a plan, in the order of [`columns::ALL`](super::columns::ALL); calendars only
/// when the plan has some.
pub fn tables(plan: &Plan) -> Result<Vec<OutTable>, ExportError> {
    let mut tables = vec![settings::write(
        &plan.meta,
        plan.rounding,
        &plan.blocking_rules,
    )];
    if !plan.calendars.is_empty() {
        tables.push(calendars::write(&plan.calendars)?);
    }
    tables.push(units::write(&plan.units)?);
    tables.push(positions::write(&plan.positions));
    tables.push(duties::write(&plan.positions)?);
    tables.push(staff::write(&plan.staff)?);
    tables.push(job_descriptions::write(&plan.positions));
    Ok(tables)
}

/// A number as cell text: Rust's shortest form that reads back to the same value.
pub fn number(
    table: &TableSpec,
    id: &str,
    column: &str,
    value: f64,
) -> Result<String, ExportError> {
    if value.is_finite() {
        Ok(plain_number(value))
    } else {
        Err(ExportError::NotFinite {
            file: table.file_name(),
            id: id.to_owned(),
            column: column.to_owned(),
            value,
        })
    }
}
