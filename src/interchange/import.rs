//! Import: a folder of CSV files or a workbook read into a plan, with every problem found
//! reported at once.

use std::path::Path;

use super::columns::{self, TableSpec};
use super::csv_dir::CsvDir;
use super::error::{ImportError, Problem, Problems};
use super::origins::{Origins, Rows};
use super::table::{Bound, Table};
use super::workbook::{self, Workbook};
use super::{calendars, duties, job_descriptions, positions, settings, staff, units};
use crate::model::{FORMAT_VERSION, Plan};
use crate::validation;

/// Where the tables of a plan come from: a folder of CSV files, or another source of rows.
pub trait TableSource {
    /// How a table is named in messages (e.g. `units.csv`).
    fn label(&self, spec: &TableSpec) -> String;

    /// The table, or `Ok(None)` when the source does not have it.
    fn load(&self, spec: &TableSpec) -> Result<Option<Table>, Problem>;

    /// Files or sheets that look like tables but are not named as one (`Duties.csv`, a sheet
    /// "Công việc"): each an error naming the table it seems meant to be.
    fn strays(&self) -> Vec<Problem> {
        Vec::new()
    }
}

impl TableSource for CsvDir<'_> {
    fn label(&self, spec: &TableSpec) -> String {
        spec.file_name()
    }

    fn load(&self, spec: &TableSpec) -> Result<Option<Table>, Problem> {
        CsvDir::load(self, spec)
    }

    fn strays(&self) -> Vec<Problem> {
        CsvDir::strays(self)
    }
}

/// Reads a plan from a folder of CSV files (see the module documentation for the tables).
pub fn import_dir(dir: &Path) -> Result<Plan, ImportError> {
    if !dir.exists() {
        return Err(ImportError::DirectoryNotFound(dir.to_owned()));
    }
    if !dir.is_dir() {
        return Err(ImportError::NotADirectory(dir.to_owned()));
    }
    import_from(&CsvDir::new(dir))
}

/// Reads a plan from a folder of CSV files or from a workbook (`.xlsx`, `.xlsm`, `.ods`) with
/// one sheet per table.
pub fn import_path(path: &Path) -> Result<Plan, ImportError> {
    import_path_with_origins(path).map(|(plan, _)| plan)
}

/// Reads a plan as [`import_path`] does, then validates it: a problem found in the plan read
/// (a unit that does not exist, a duplicate id, a cycle) is reported at the table, row and
/// column it was read from, with the reading problems, all at once.
pub fn import_valid(path: &Path) -> Result<Plan, ImportError> {
    let (plan, origins) = import_path_with_origins(path)?;
    let problems = validation::validate(&plan);
    if problems.is_empty() {
        Ok(plan)
    } else {
        Err(ImportError::Invalid(Problems(
            origins.locate_all(&problems),
        )))
    }
}

/// Reads a plan as [`import_path`] does, with where each element was read.
pub fn import_path_with_origins(path: &Path) -> Result<(Plan, Origins), ImportError> {
    if path.is_dir() {
        read_tables(&CsvDir::new(path))
    } else if !path.exists() {
        Err(ImportError::NotFound(path.to_owned()))
    } else if workbook::is_workbook(path) {
        read_tables(&Workbook::open(path)?)
    } else {
        Err(ImportError::NotImportable(path.to_owned()))
    }
}

/// Reads a plan from any source of tables.
pub fn import_from(source: &dyn TableSource) -> Result<Plan, ImportError> {
    read_tables(source).map(|(plan, _)| plan)
}

/// The lines of a table's rows, in order: when a table reads without problems, each row gives
/// one element, so these are the elements' lines.
fn lines(table: &Option<Table>) -> Vec<u64> {
    table
        .as_ref()
        .map(|t| t.rows.iter().map(|row| row.line).collect())
        .unwrap_or_default()
}

/// Reads a plan and where each of its elements was read from any source of tables.
pub fn read_tables(source: &dyn TableSource) -> Result<(Plan, Origins), ImportError> {
    let mut origins = Origins::default();
    let mut problems = source.strays();
    let mut plan = Plan {
        format_version: FORMAT_VERSION,
        ..Plan::default()
    };

    let table = load(source, &columns::SETTINGS, &mut problems);
    if let Some(bound) = bind(&table, &columns::SETTINGS, &mut problems) {
        let settings = settings::read(&bound, &mut problems);
        plan.meta = settings.meta;
        plan.rounding = settings.rounding;
        plan.blocking_rules = settings.blocking_rules;
        origins.settings_source = bound.source().to_owned();
        origins.settings = settings.lines;
    }
    let table = load(source, &columns::CALENDARS, &mut problems);
    if let Some(bound) = bind(&table, &columns::CALENDARS, &mut problems) {
        plan.calendars = calendars::read(&bound, &mut problems);
    }
    origins.calendars = Rows::new(&source.label(&columns::CALENDARS), lines(&table));
    let table = load(source, &columns::UNITS, &mut problems);
    if let Some(bound) = bind(&table, &columns::UNITS, &mut problems) {
        plan.units = units::read(&bound, &mut problems);
    }
    origins.units = Rows::new(&source.label(&columns::UNITS), lines(&table));
    let mut position_ids = None;
    let table = load(source, &columns::POSITIONS, &mut problems);
    if let Some(bound) = bind(&table, &columns::POSITIONS, &mut problems) {
        let (list, ids) = positions::read(&bound, &mut problems);
        plan.positions = list;
        position_ids = Some(ids);
    }
    origins.positions = Rows::new(&source.label(&columns::POSITIONS), lines(&table));
    let table = load(source, &columns::DUTIES, &mut problems);
    if let Some(bound) = bind(&table, &columns::DUTIES, &mut problems) {
        let label = source.label(&columns::POSITIONS);
        let known = position_ids.as_ref().map(|ids| (ids, label.as_str()));
        duties::read(&bound, &mut plan.positions, known, &mut problems);
        origins.duties_source = bound.source().to_owned();
        origins.components = duties::lines(&bound, &plan.positions);
    }
    let table = load(source, &columns::JOB_DESCRIPTIONS, &mut problems);
    if let Some(bound) = bind(&table, &columns::JOB_DESCRIPTIONS, &mut problems) {
        let label = source.label(&columns::POSITIONS);
        let known = position_ids.as_ref().map(|ids| (ids, label.as_str()));
        job_descriptions::read(&bound, &mut plan.positions, known, &mut problems);
    }
    let table = load(source, &columns::STAFF, &mut problems);
    if let Some(bound) = bind(&table, &columns::STAFF, &mut problems) {
        plan.staff = staff::read(&bound, &mut problems);
    }
    origins.staff = Rows::new(&source.label(&columns::STAFF), lines(&table));

    if problems.is_empty() {
        Ok((plan, origins))
    } else {
        Err(ImportError::Invalid(Problems(problems)))
    }
}

fn load(source: &dyn TableSource, spec: &TableSpec, problems: &mut Vec<Problem>) -> Option<Table> {
    match source.load(spec) {
        Ok(Some(table)) => Some(table),
        Ok(None) => {
            if spec.required {
                problems.push(Problem::MissingFile {
                    file: source.label(spec),
                });
            }
            None
        }
        Err(problem) => {
            problems.push(problem);
            None
        }
    }
}

fn bind<'t>(
    table: &'t Option<Table>,
    spec: &'static TableSpec,
    problems: &mut Vec<Problem>,
) -> Option<Bound<'t>> {
    table.as_ref().and_then(|t| Bound::new(t, spec, problems))
}
