//! Errors of the interchange format: the problems an import collects, and export failures.

use std::fmt;
use std::io;
use std::path::PathBuf;

use crate::language::{Language, Localized, Text};
use crate::output::io_reason;

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
        message: Text,
    },
    #[error("{}: {message}", at(file, *line))]
    Row {
        file: String,
        line: u64,
        message: Text,
    },
    /// A file or sheet that looks like a table but is not named as one (`Duties.csv`,
    /// `don-vi.csv`, a sheet `Đơn vị`): it would be silently left out.
    #[error("{}", misnamed_en(file, table))]
    Misnamed { file: String, table: String },
    /// A problem of the plan read that no row of the source holds (a setting the source
    /// leaves out), named by its place in the plan.
    #[error("{message}")]
    Plan { message: Text },
}

impl Localized for Problem {
    fn message(&self, language: Language) -> String {
        match language {
            Language::English => self.to_string(),
            Language::Vietnamese => match self {
                Problem::MissingFile { file } => {
                    let what = if is_file(file) { "tệp" } else { "sheet" };
                    format!("{file}: thiếu {what} bắt buộc")
                }
                Problem::Unreadable { file, reason } => {
                    format!("{file}: không đọc được: {reason}")
                }
                Problem::MissingColumn { file, column } => {
                    format!("{file}: thiếu cột bắt buộc \"{column}\"")
                }
                Problem::Cell {
                    file,
                    line,
                    column,
                    message,
                } => format!("{file}, dòng {line}, cột \"{column}\": {}", message.vi),
                Problem::Row {
                    file,
                    line,
                    message,
                } => format!("{file}, dòng {line}: {}", message.vi),
                Problem::Misnamed { file, table } => {
                    if is_file(file) {
                        format!(
                            "{file}: tệp giống bảng \"{table}\" nhưng không mang tên đó; hãy đổi \
                             tên thành {table}.csv (tên tệp là tên bảng)"
                        )
                    } else {
                        format!(
                            "{file}: sheet giống bảng \"{table}\" nhưng không mang tên đó; hãy \
                             đổi tên thành \"{table}\" (tên sheet là tên bảng)"
                        )
                    }
                }
                Problem::Plan { message } => message.vi.clone(),
            },
        }
    }
}

/// A table is a file (`units.csv`) or a workbook sheet (`units`).
fn is_file(source: &str) -> bool {
    source.ends_with(".csv")
}

fn what(source: &str) -> &'static str {
    if is_file(source) { "file" } else { "sheet" }
}

fn misnamed_en(file: &str, table: &str) -> String {
    if is_file(file) {
        format!(
            "{file}: the file looks like the table \"{table}\" but is not named so; rename it \
             {table}.csv (file names are the table names)"
        )
    } else {
        format!(
            "{file}: the sheet looks like the table \"{table}\" but is not named so; rename it \
             \"{table}\" (sheet names are the table names)"
        )
    }
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
            | Problem::Row { file, .. }
            | Problem::Misnamed { file, .. } => file,
            Problem::Plan { .. } => "",
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
        f.write_str(&self.message(Language::English))
    }
}

impl Localized for Problems {
    fn message(&self, language: Language) -> String {
        let mut lines: Vec<String> = self
            .0
            .iter()
            .take(MAX_LISTED)
            .map(|problem| problem.message(language))
            .collect();
        if self.0.len() > MAX_LISTED {
            let more = self.0.len() - MAX_LISTED;
            lines.push(match language {
                Language::Vietnamese => format!("và {more} lỗi khác"),
                Language::English => format!("and {more} more"),
            });
        }
        lines.join("\n")
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

impl Localized for ImportError {
    fn message(&self, language: Language) -> String {
        match language {
            Language::English => self.to_string(),
            Language::Vietnamese => match self {
                ImportError::DirectoryNotFound(path) => {
                    format!("không tìm thấy thư mục: {}", path.display())
                }
                ImportError::NotADirectory(path) => {
                    format!("không phải thư mục: {}", path.display())
                }
                ImportError::NotFound(path) => format!("không tìm thấy: {}", path.display()),
                ImportError::NotImportable(path) => format!(
                    "{}: không phải thư mục tệp CSV cũng không phải sổ tính (.xlsx, .xlsm, .ods)",
                    path.display()
                ),
                ImportError::Workbook { path, reason } => {
                    format!("không đọc được sổ tính {}: {reason}", path.display())
                }
                ImportError::Invalid(problems) => problems.message(language),
            },
        }
    }
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
    #[error("cannot create directory {}: {}", path.display(), io_reason(source, Language::English))]
    CreateDir { path: PathBuf, source: io::Error },
    #[error("cannot write {}: {}", path.display(), io_reason(source, Language::English))]
    Write { path: PathBuf, source: io::Error },
    #[error(
        "cannot remove the outdated {}: {}",
        path.display(),
        io_reason(source, Language::English)
    )]
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
    /// The export folder holds a file the export would not write: replacing the folder would
    /// lose it.
    #[error(
        "{}: the folder holds {file:?}, which this export would not write; export into a new \
         or empty folder",
        path.display()
    )]
    ForeignFile { path: PathBuf, file: String },
    /// A personal field of a staff member whose name cannot be a column of its own.
    #[error("{file}: staff \"{id}\": personal field \"{key}\" {reason}")]
    PersonalField {
        file: String,
        id: String,
        key: String,
        reason: Text,
    },
}

impl Localized for ExportError {
    fn message(&self, language: Language) -> String {
        match language {
            Language::English => self.to_string(),
            Language::Vietnamese => match self {
                ExportError::CreateDir { path, source } => {
                    format!(
                        "không tạo được thư mục {}: {}",
                        path.display(),
                        io_reason(source, language)
                    )
                }
                ExportError::Write { path, source } => {
                    format!(
                        "không ghi được {}: {}",
                        path.display(),
                        io_reason(source, language)
                    )
                }
                ExportError::Remove { path, source } => {
                    format!(
                        "không xóa được tệp cũ {}: {}",
                        path.display(),
                        io_reason(source, language)
                    )
                }
                ExportError::NotFinite {
                    file,
                    id,
                    column,
                    value,
                } => format!(
                    "{file}: dòng \"{id}\", cột \"{column}\": {value} không phải một số hữu hạn"
                ),
                ExportError::Workbook { path, reason } => {
                    format!("không ghi được sổ tính {}: {reason}", path.display())
                }
                ExportError::ForeignFile { path, file } => format!(
                    "{}: thư mục có tệp {file:?} mà lần xuất này không ghi; hãy xuất vào một thư \
                     mục mới hoặc trống",
                    path.display()
                ),
                ExportError::PersonalField {
                    file,
                    id,
                    key,
                    reason,
                } => format!(
                    "{file}: nhân sự \"{id}\": trường cá nhân \"{key}\" {}",
                    reason.vi
                ),
            },
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cell(line: u64) -> Problem {
        Problem::Cell {
            file: "duties.csv".into(),
            line,
            column: "volume".into(),
            message: Text::new("\"abc\" không phải là số", "\"abc\" is not a number"),
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
            message: Text::new("sai", "bad"),
        };
        assert_eq!(
            problem.to_string(),
            "positions, row 5, column \"count\": bad"
        );
        assert_eq!(
            problem.message(Language::Vietnamese),
            "positions, dòng 5, cột \"count\": sai"
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
