//! Export: a plan written as a folder of CSV files that [`import_dir`](super::import_dir) reads
//! back to the same plan.

use std::fs;
use std::path::Path;

use super::columns::{self, TableSpec};
use super::csv_dir;
use super::error::ExportError;
use super::table::OutTable;
use super::{calendars, duties, job_descriptions, positions, settings, staff, units};
use crate::format::plain_number;
use crate::model::Plan;
use crate::output::atomic::{self, AtomicError};

/// Writes `plan` into `dir` (created if missing) as `settings.csv`, `calendars.csv` (only when
/// the plan has calendars), `units.csv`, `positions.csv`,
/// `duties.csv`, `staff.csv` and `job_descriptions.csv`: UTF-8 without BOM, header row first.
///
/// The folder is written whole beside `dir` and then takes its place, so `dir` holds either
/// the previous export or this one, never a mix. A `dir` holding other files than the tables
/// is refused rather than replaced.
pub fn export_dir(plan: &Plan, dir: &Path) -> Result<(), ExportError> {
    let tables = tables(plan)?;
    if dir.exists() && !dir.is_dir() {
        let source = std::io::Error::new(std::io::ErrorKind::NotADirectory, "it is a file");
        return Err(ExportError::CreateDir {
            path: dir.to_owned(),
            source,
        });
    }
    if let Some(parent) = dir.parent().filter(|p| !p.as_os_str().is_empty()) {
        fs::create_dir_all(parent).map_err(|source| ExportError::CreateDir {
            path: parent.to_owned(),
            source,
        })?;
    }
    let owned = |name: &str| columns::ALL.iter().any(|spec| spec.file_name() == name);
    refuse_foreign_files(dir, &owned)?;
    atomic::write_folder(dir, &owned, |tmp| {
        tables.iter().try_for_each(|table| {
            // Errors name the file as it will be, not its temporary folder.
            csv_dir::write_table(tmp, table).map_err(|error| match error {
                ExportError::Write { path, source } => ExportError::Write {
                    path: path
                        .strip_prefix(tmp)
                        .map_or_else(|_| path.clone(), |name| dir.join(name)),
                    source,
                },
                other => other,
            })
        })
    })
    .map_err(|failure| match failure {
        AtomicError::Content(error) => error,
        AtomicError::Io { error, .. } => ExportError::Write {
            path: dir.to_owned(),
            source: error,
        },
    })
}

/// Refuses an existing `dir` holding a file that is not one of the tables: replacing the
/// folder would lose it.
fn refuse_foreign_files(dir: &Path, owned: &dyn Fn(&str) -> bool) -> Result<(), ExportError> {
    let Ok(entries) = fs::read_dir(dir) else {
        // Missing, or unreadable: the write says why.
        return Ok(());
    };
    let mut foreign: Vec<String> = entries
        .flatten()
        .map(|entry| entry.file_name().to_string_lossy().into_owned())
        .filter(|name| !owned(name))
        .collect();
    foreign.sort();
    match foreign.into_iter().next() {
        Some(file) => Err(ExportError::ForeignFile {
            path: dir.to_owned(),
            file,
        }),
        None => Ok(()),
    }
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
