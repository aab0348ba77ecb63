//! The workbook layer: a spreadsheet (`.xlsx`, `.xlsm`, `.ods`) with one sheet per table,
//! named like the CSV files without `.csv`, read with calamine into the same [`Table`]s as a
//! folder of CSV files.
//!
//! Row 1 holds the column names. A row right under it that repeats the Vietnamese header
//! labels of the template is skipped. Numbers are written back as the text a CSV file would
//! hold: whole numbers without `.0`, others in the shortest form that reads back the same.
//! Problems name the sheet and the spreadsheet's row number (`positions, row 5`).

use crate::language::Text;
use std::path::Path;

use std::collections::BTreeMap;

use calamine::{Data, DataRef, ExcelDateTime, Reader, Sheets, open_workbook_auto};

use super::columns::{self, LISTS_SHEET, TableSpec};
use super::error::{ImportError, Problem, Problems};
use super::import::TableSource;
use super::long_texts;
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

/// One sheet read: rows of cell text with their spreadsheet row numbers, or the problem that
/// stops it (an unreadable sheet, or the first refused cell).
type Sheet = Result<Vec<(u64, Vec<String>)>, Problem>;

/// Columns a table's sheet may use; a filled cell beyond is refused before anything is
/// allocated for it (a stray cell at XFD1048576 must not make a dense range of 17 billion
/// cells).
pub const MAX_COLUMNS: u32 = 256;

/// A workbook's interchange sheets, read when opened.
pub struct Workbook {
    /// For each table of [`columns::ALL`], its sheet when the workbook has one.
    sheets: Vec<(&'static str, Sheet)>,
    /// Sheets that look like tables but are not named as one.
    strays: Vec<Problem>,
}

impl Workbook {
    /// Opens the workbook and reads the sheets named like the tables. A sheet whose name
    /// differs from a table's only in case or accents, or is a Vietnamese name of one, is
    /// refused with the right name; other sheets (notes, the template's lists) are ignored.
    pub fn open(path: &Path) -> Result<Workbook, ImportError> {
        // Before the reader allocates every text whole.
        if let Some(problem) = long_texts::first_long_text(path) {
            return Err(ImportError::Invalid(Problems(vec![problem])));
        }
        let mut book = open_workbook_auto(path).map_err(|error| ImportError::Workbook {
            path: path.to_owned(),
            reason: error.to_string(),
        })?;
        let names = book.sheet_names();
        let strays = names
            .iter()
            .filter(|name| name.trim() != LISTS_SHEET)
            .filter_map(|name| {
                let table = columns::look_alike(name)?;
                Some(Problem::Misnamed {
                    file: name.clone(),
                    table: table.to_owned(),
                })
            })
            .collect();
        let mut sheets = Vec::new();
        for spec in &columns::ALL {
            let Some(name) = names.iter().find(|n| n.trim() == spec.name) else {
                continue;
            };
            let sheet = match &mut book {
                Sheets::Xlsx(xlsx) => read_cells(xlsx, name),
                other => read_range(other, name),
            };
            sheets.push((spec.name, sheet));
        }
        Ok(Workbook { sheets, strays })
    }
}

/// An `.xlsx` sheet read cell by cell, so that only filled cells take memory. A formula
/// without a computed value and a filled cell beyond [`MAX_COLUMNS`] are refused at their
/// cell.
fn read_cells<RS: std::io::Read + std::io::Seek>(
    book: &mut calamine::Xlsx<RS>,
    name: &str,
) -> Sheet {
    let unreadable = |error: calamine::XlsxError| Problem::Unreadable {
        file: name.to_owned(),
        reason: error.to_string(),
    };
    let mut reader = book.worksheet_cells_reader(name).map_err(unreadable)?;
    let mut rows: BTreeMap<u32, Vec<String>> = BTreeMap::new();
    while let Some(cell) = reader.next_cell_with_formula().map_err(unreadable)? {
        let (row, column) = cell.pos;
        let empty = matches!(cell.value, DataRef::Empty);
        let at = |message: Text| Problem::Cell {
            file: name.to_owned(),
            line: u64::from(row) + 1,
            column: column_name(&rows, row, column),
            message,
        };
        if empty {
            if let Some(formula) = cell.formula.filter(|f| !f.is_empty()) {
                return Err(at(Text::new(
                    format!(
                        "công thức ={formula} chưa có giá trị tính sẵn; hãy mở sổ tính bằng \
                         chương trình bảng tính rồi lưu lại, hoặc gõ giá trị"
                    ),
                    format!(
                        "the formula ={formula} has no computed value; open the workbook in a \
                         spreadsheet program and save it, or type the value"
                    ),
                )));
            }
            continue;
        }
        if column >= MAX_COLUMNS {
            return Err(at(Text::new(
                format!(
                    "ô có dữ liệu nằm ngoài vùng bảng (tối đa {MAX_COLUMNS} cột); hãy xóa ô này"
                ),
                format!(
                    "a filled cell beyond the table's area (at most {MAX_COLUMNS} columns); \
                     clear it"
                ),
            )));
        }
        let cells = rows.entry(row).or_default();
        let index = column as usize;
        if cells.len() <= index {
            cells.resize(index + 1, String::new());
        }
        cells[index] = cell_text(&Data::from(cell.value));
    }
    Ok(rows
        .into_iter()
        .map(|(row, cells)| (u64::from(row) + 1, cells))
        .collect())
}

/// A sheet of another format (`.ods`) read as one range.
fn read_range<RS: std::io::Read + std::io::Seek>(book: &mut Sheets<RS>, name: &str) -> Sheet {
    book.worksheet_range(name)
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
        .map_err(|error| Problem::Unreadable {
            file: name.to_owned(),
            reason: error.to_string(),
        })
}

/// The name of zero-based `column` for a problem in `row`: its header when the rows read so
/// far hold one above (the first filled row, as the table reads it), else its letters (`XFD`).
fn column_name(rows: &BTreeMap<u32, Vec<String>>, row: u32, column: u32) -> String {
    let header = rows
        .first_key_value()
        .filter(|(first, _)| **first < row)
        .and_then(|(_, cells)| cells.get(column as usize))
        .map(|name| clean(name))
        .filter(|name| !name.is_empty());
    header.unwrap_or_else(|| column_letters(column))
}

/// The letters of zero-based `column`: `A`, `AB`, `XFD`.
fn column_letters(column: u32) -> String {
    let mut letters = Vec::new();
    let mut n = column + 1;
    while n > 0 {
        let rest = (n - 1) % 26;
        letters.push(char::from(b'A' + rest as u8));
        n = (n - 1) / 26;
    }
    letters.iter().rev().collect()
}

impl TableSource for Workbook {
    fn label(&self, spec: &TableSpec) -> String {
        spec.name.to_owned()
    }

    fn strays(&self) -> Vec<Problem> {
        self.strays.clone()
    }

    fn load(&self, spec: &TableSpec) -> Result<Option<Table>, Problem> {
        let Some((_, sheet)) = self.sheets.iter().find(|(name, _)| *name == spec.name) else {
            return Ok(None);
        };
        let rows = sheet.as_ref().map_err(Clone::clone)?;
        let mut rows: Vec<&(u64, Vec<String>)> = rows
            .iter()
            .filter(|(_, cells)| cells.iter().any(|c| !clean(c).is_empty()))
            .collect();
        if let [header, labels, ..] = rows.as_slice()
            && is_label_row(spec, &header.1, &labels.1)
        {
            rows.remove(1);
        }
        // A sheet stores no trailing empty cells: its rows are as wide as the header.
        let width = rows.first().map_or(0, |(_, header)| header.len());
        Ok(Some(Table::from_raw_rows(
            spec.name,
            rows.into_iter().map(|(line, cells)| {
                let missing = width.saturating_sub(cells.len());
                let cells = cells.iter().map(String::as_str);
                (*line, cells.chain(std::iter::repeat_n("", missing)))
            }),
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
/// day as `HH:MM` (with the date when it has one) and a duration as hours and minutes, so that
/// none of them reads as a number ("08:00" typed as hours a day is not 0.333 of a day).
fn date_text(value: &ExcelDateTime) -> String {
    let (year, month, day, hour, minute, second, milli) = value.to_ymd_hms_milli();
    let time = if second == 0 && milli == 0 {
        format!("{hour:02}:{minute:02}")
    } else {
        format!("{hour:02}:{minute:02}:{second:02}")
    };
    if !value.is_datetime() {
        let minutes = (value.as_f64() * 24.0 * 60.0).round();
        return format!("{}:{:02}", (minutes / 60.0).trunc(), (minutes % 60.0).abs());
    }
    let whole_day = (hour, minute, second, milli) == (0, 0, 0, 0);
    if value.as_f64() < 1.0 {
        time
    } else if whole_day {
        format!("{year:04}-{month:02}-{day:02}")
    } else {
        format!("{year:04}-{month:02}-{day:02} {time}")
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
        assert_eq!(cell_text(&Data::DateTime(time)), "2026-07-01 12:00");
        let eight = ExcelDateTime::new(8.0 / 24.0, DateTime, false);
        assert_eq!(cell_text(&Data::DateTime(eight)), "08:00");
        let duration = ExcelDateTime::new(2.0, TimeDelta, false);
        assert_eq!(cell_text(&Data::DateTime(duration)), "48:00");
    }

    #[test]
    fn cells_are_named_as_spreadsheets_do() {
        assert_eq!(column_letters(0), "A");
        assert_eq!(column_letters(25), "Z");
        assert_eq!(column_letters(27), "AB");
        assert_eq!(column_letters(16_383), "XFD");
        let mut rows = BTreeMap::new();
        rows.insert(
            0,
            vec!["id".to_owned(), " count ".to_owned(), String::new()],
        );
        assert_eq!(column_name(&rows, 2, 1), "count");
        assert_eq!(column_name(&rows, 2, 2), "C", "an unnamed column");
        assert_eq!(column_name(&rows, 2, 300), "KO");
        assert_eq!(column_name(&rows, 0, 1), "B", "in the header row itself");
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
