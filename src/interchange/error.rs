//! Errors of the interchange format: the problems an import collects, and export failures.

use std::fmt;
use std::io;
use std::path::PathBuf;

/// How many problems [`Problems`] lists before summing up the rest.
pub const MAX_LISTED: usize = 50;

/// One problem found while importing: a missing file or column, an unreadable file, or a bad
/// row or cell. `file` names the source as the user knows it (a file `duties.csv`, or a
/// workbook sheet `duties`); `line` is the line of the file where the row starts, the header
/// being line 1 (in a sheet, the spreadsheet's row number).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Problem {
    #[error("{file}: required {} is missing", what(file))]
    MissingFile { file: String },
    #[error("{file}: cannot be read: {reason}")]
    Unreadable { file: String, reason: String },
    #[error("{file}: required column \"{column}\" is missing")]
    MissingColumn { file: String, column: String },
    #[error("{}, column \"{column}\": {message}", at(file, *line))]
    Cell {
        file: String,
        line: u64,
        column: String,
        message: String,
    },
    #[error("{}: {message}", at(file, *line))]
    Row {
        file: String,
        line: u64,
        message: String,
    },
}

/// A table is a file (`units.csv`) or a workbook sheet (`units`).
fn is_file(source: &str) -> bool {
    source.ends_with(".csv")
}

fn what(source: &str) -> &'static str {
    if is_file(source) { "file" } else { "sheet" }
}

/// `units.csv:4` in a file, `units, row 4` in a sheet.
fn at(source: &str, line: u64) -> String {
    if is_file(source) {
        format!("{source}:{line}")
    } else {
        format!("{source}, row {line}")
    }
}

impl Problem {
    /// The file (or other source) the problem is in.
    pub fn file(&self) -> &str {
        match self {
            Problem::MissingFile { file }
            | Problem::Unreadable { file, .. }
            | Problem::MissingColumn { file, .. }
            | Problem::Cell { file, .. }
            | Problem::Row { file, .. } => file,
        }
    }

    /// The line the problem is on, when it belongs to a row.
    pub fn line(&self) -> Option<u64> {
        match self {
            Problem::Cell { line, .. } | Problem::Row { line, .. } => Some(*line),
            _ => None,
        }
    }

    /// The column the problem is in, when it belongs to one.
    pub fn column(&self) -> Option<&str> {
        match self {
            Problem::MissingColumn { column, .. } | Problem::Cell { column, .. } => Some(column),
            _ => None,
        }
    }
}

/// All problems of one import, in the order found. Displayed one per line, at most
/// [`MAX_LISTED`] of them followed by "and N more".
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Problems(pub Vec<Problem>);

impl fmt::Display for Problems {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, problem) in self.0.iter().take(MAX_LISTED).enumerate() {
            if i > 0 {
                writeln!(f)?;
            }
            write!(f, "{problem}")?;
        }
        if self.0.len() > MAX_LISTED {
            write!(f, "\nand {} more", self.0.len() - MAX_LISTED)?;
        }
        Ok(())
    }
}

/// Why a folder or workbook could not be imported.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    #[error("directory not found: {}", .0.display())]
    DirectoryNotFound(PathBuf),
    #[error("not a directory: {}", .0.display())]
    NotADirectory(PathBuf),
    #[error("not found: {}", .0.display())]
    NotFound(PathBuf),
    #[error("{}: neither a folder of CSV files nor a workbook (.xlsx, .xlsm, .ods)", .0.display())]
    NotImportable(PathBuf),
    #[error("cannot read the workbook {}: {reason}", path.display())]
    Workbook { path: PathBuf, reason: String },
    /// The folder was read, and these problems were found in it.
    #[error("{0}")]
    Invalid(Problems),
}

impl ImportError {
    /// The problems found in the files (empty for a missing directory).
    pub fn problems(&self) -> &[Problem] {
        match self {
            ImportError::Invalid(problems) => &problems.0,
            _ => &[],
        }
    }
}

/// Why a plan could not be exported.
#[derive(Debug, thiserror::Error)]
pub enum ExportError {
    #[error("cannot create directory {}: {source}", path.display())]
    CreateDir { path: PathBuf, source: io::Error },
    #[error("cannot write {}: {source}", path.display())]
    Write { path: PathBuf, source: io::Error },
    #[error("cannot remove the outdated {}: {source}", path.display())]
    Remove { path: PathBuf, source: io::Error },
    /// A number that a CSV cell cannot hold (infinite or not a number).
    #[error("{file}: row \"{id}\", column \"{column}\": {value} is not a finite number")]
    NotFinite {
        file: String,
        id: String,
        column: String,
        value: f64,
    },
    /// The workbook could not be built or written.
    #[error("cannot write the workbook {}: {reason}", path.display())]
    Workbook { path: PathBuf, reason: String },
    /// A personal field of a staff member whose name cannot be a column of its own.
    #[error("{file}: staff \"{id}\": personal field \"{key}\" {reason}")]
    PersonalField {
        file: String,
        id: String,
        key: String,
        reason: String,
    },
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cell(line: u64) -> Problem {
        Problem::Cell {
            file: "duties.csv".into(),
            line,
            column: "volume".into(),
            message: "\"abc\" is not a number".into(),
        }
    }

    #[test]
    fn cell_problem_names_file_line_and_column() {
        assert_eq!(
            cell(14).to_string(),
            "duties.csv:14, column \"volume\": \"abc\" is not a number"
        );
    }

    #[test]
    fn sheet_problems_name_sheet_row_and_column() {
        let problem = Problem::Cell {
            file: "positions".into(),
            line: 5,
            column: "count".into(),
            message: "bad".into(),
        };
        assert_eq!(
            problem.to_string(),
            "positions, row 5, column \"count\": bad"
        );
        let missing = Problem::MissingFile {
            file: "units".into(),
        };
        assert_eq!(missing.to_string(), "units: required sheet is missing");
    }

    #[test]
    fn long_lists_are_capped() {
        let problems = Problems((1..=60).map(cell).collect());
        let text = problems.to_string();
        assert_eq!(text.lines().count(), MAX_LISTED + 1);
        assert!(text.ends_with("and 10 more"));
        assert!(text.contains("duties.csv:50,"));
        assert!(!text.contains("duties.csv:51,"));
    }

    #[test]
    fn short_lists_are_one_per_line() {
        let problems = Problems(vec![cell(2), cell(3)]);
        assert_eq!(problems.to_string().lines().count(), 2);
        assert!(!problems.to_string().contains("more"));
    }
}
