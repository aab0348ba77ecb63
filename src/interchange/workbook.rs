//! The workbook layer: a spreadsheet (`.xlsx`, `.xlsm`, `.ods`) with one sheet per table,
//! named like the CSV files without `.csv`, read with calamine into the same [`Table`]s as a
//! folder of CSV files.
//!
//! Row 1 holds the column names. A row right under it that repeats the Vietnamese header
//! labels of the template is skipped. Numbers are written back as the text a CSV file would
//! hold: whole numbers without `.0`, others in the shortest form that reads back the same.
//! Problems name the sheet and the spreadsheet's row number (`positions, row 5`).

use std::path::Path;

use calamine::{Data, ExcelDateTime, Reader, open_workbook_auto};

use super::columns::{self, TableSpec};
use super::error::{ImportError, Problem};
use super::import::TableSource;
use super::table::{Table, clean};
use crate::format::plain_number;

/// The extensions read as workbooks.
const EXTENSIONS: [&str; 3] = ["xlsx", "xlsm", "ods"];

/// Whether `path` names a workbook by its extension.
pub fn is_workbook(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| EXTENSIONS.iter().any(|x| x.eq_ignore_ascii_case(e)))
}

/// One sheet read: rows of cell text with their spreadsheet row numbers, or why it could not
/// be read.
type Sheet = Result<Vec<(u64, Vec<String>)>, String>;

/// A workbook's interchange sheets, read when opened.
pub struct Workbook {
    /// For each table of [`columns::ALL`], its sheet when the workbook has one.
    sheets: Vec<(&'static str, Sheet)>,
}

impl Workbook {
    /// Opens the workbook and reads the sheets named like the tables (ignoring case).
    pub fn open(path: &Path) -> Result<Workbook, ImportError> {
        let mut book = open_workbook_auto(path).map_err(|error| ImportError::Workbook {
            path: path.to_owned(),
            reason: error.to_string(),
        })?;
        let names = book.sheet_names();
        let mut sheets = Vec::new();
        for spec in &columns::ALL {
            let Some(name) = names
                .iter()
                .find(|n| n.trim().eq_ignore_ascii_case(spec.name))
            else {
                continue;
            };
            let sheet = book
                .worksheet_range(name)
                .map(|range| {
                    let first = range.start().map_or(0, |(row, _)| u64::from(row));
                    range
                        .rows()
                        .enumerate()
                        .map(|(i, cells)| {
                            let line = first + i as u64 + 1;
                            (line, cells.iter().map(cell_text).collect())
                        })
                        .collect()
                })
                .map_err(|error| error.to_string());
            sheets.push((spec.name, sheet));
        }
        Ok(Workbook { sheets })
    }
}

impl TableSource for Workbook {
    fn label(&self, spec: &TableSpec) -> String {
        spec.name.to_owned()
    }

    fn load(&self, spec: &TableSpec) -> Result<Option<Table>, Problem> {
        let Some((_, sheet)) = self.sheets.iter().find(|(name, _)| *name == spec.name) else {
            return Ok(None);
        };
        let rows = sheet.as_ref().map_err(|reason| Problem::Unreadable {
            file: spec.name.to_owned(),
            reason: reason.clone(),
        })?;
        let mut rows: Vec<&(u64, Vec<String>)> = rows
            .iter()
            .filter(|(_, cells)| cells.iter().any(|c| !clean(c).is_empty()))
            .collect();
        if let [header, labels, ..] = rows.as_slice()
            && is_label_row(spec, &header.1, &labels.1)
        {
            rows.remove(1);
        }
        Ok(Some(Table::from_raw_rows(
            spec.name,
            rows.into_iter().map(|(line, cells)| (*line, cells.iter())),
        )))
    }
}

/// Whether `row` repeats the template's header labels under `header`: every cell under a
/// known column is empty or its label, and at least one is a label.
fn is_label_row(spec: &TableSpec, header: &[String], row: &[String]) -> bool {
    let mut labels = 0;
    for (name, cell) in header.iter().zip(row) {
        let (name, cell) = (clean(name), clean(cell));
        let Some(label) = spec.label_vi(&name) else {
            continue;
        };
        if cell == label {
            labels += 1;
        } else if !cell.is_empty() {
            return false;
        }
    }
    labels > 0
}

/// The text of a cell as a CSV file would hold it.
fn cell_text(cell: &Data) -> String {
    match cell {
        Data::Empty => String::new(),
        Data::String(text) | Data::DateTimeIso(text) | Data::DurationIso(text) => text.clone(),
        Data::Int(value) => value.to_string(),
        Data::Float(value) => number_text(*value),
        Data::DateTime(value) => date_text(value),
        Data::Bool(value) => value.to_string(),
        Data::Error(error) => error.to_string(),
    }
}

/// A date cell (a judgement date typed into a date-formatted cell) as `YYYY-MM-DD`; a time of
/// day or a duration as its number.
fn date_text(value: &ExcelDateTime) -> String {
    let (year, month, day, hour, minute, second, milli) = value.to_ymd_hms_milli();
    if value.is_datetime() && (hour, minute, second, milli) == (0, 0, 0, 0) && value.as_f64() >= 1.0
    {
        format!("{year:04}-{month:02}-{day:02}")
    } else {
        number_text(value.as_f64())
    }
}

/// A numeric cell as text the number reader reads back to the same value, whatever the
/// spreadsheet's locale; whole numbers without `.0` (spreadsheets store every number as a
/// float).
fn number_text(value: f64) -> String {
    // 2^53: above it not every whole number is a float.
    const EXACT: f64 = 9_007_199_254_740_992.0;
    if value.fract() == 0.0 && value.abs() < EXACT {
        format!("{value:.0}")
    } else {
        plain_number(value)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_read_as_csv_text() {
        assert_eq!(number_text(12.0), "12");
        assert_eq!(number_text(-3.0), "-3");
        assert_eq!(number_text(0.0), "0");
        assert_eq!(number_text(1896.5), "1896.5");
        assert_eq!(number_text(0.1), "0.1");
        assert_eq!(cell_text(&Data::Int(7)), "7");
        assert_eq!(cell_text(&Data::Empty), "");
    }

    #[test]
    fn dates_read_as_iso_text() {
        use calamine::ExcelDateTimeType::{DateTime, TimeDelta};
        // 46204 is 2026-07-01 in the 1900 date system.
        let date = ExcelDateTime::new(46204.0, DateTime, false);
        assert_eq!(cell_text(&Data::DateTime(date)), "2026-07-01");
        let time = ExcelDateTime::new(46204.5, DateTime, false);
        assert_eq!(cell_text(&Data::DateTime(time)), "46204.5");
        let duration = ExcelDateTime::new(2.0, TimeDelta, false);
        assert_eq!(cell_text(&Data::DateTime(duration)), "2");
    }

    #[test]
    fn a_label_row_is_recognised() {
        let header: Vec<String> = ["id", "name", "full_name"].map(String::from).to_vec();
        let labels: Vec<String> = ["Mã", "Tên đơn vị", "Họ tên"].map(String::from).to_vec();
        assert!(is_label_row(&columns::UNITS, &header, &labels));
        let data: Vec<String> = ["so", "Tên đơn vị"].map(String::from).to_vec();
        assert!(!is_label_row(&columns::UNITS, &header, &data));
        assert!(!is_label_row(&columns::UNITS, &header, &[]));
    }

    #[test]
    fn workbooks_are_known_by_extension() {
        assert!(is_workbook(Path::new("mau.XLSX")));
        assert!(is_workbook(Path::new("a/b.ods")));
        assert!(!is_workbook(Path::new("plan.ron")));
        assert!(!is_workbook(Path::new("folder")));
    }
}
