//! Tables of text cells, independent of where they come from (a CSV file, a workbook sheet).
//!
//! A source turns its rows into a [`Table`] of cleaned cells (NFC, trimmed, blank rows dropped);
//! `Bound` then matches the header against a [`TableSpec`], so the code that turns rows into
//! the model never sees the file format. `OutTable` is the same for export.

use crate::language::Text;
use unicode_normalization::UnicodeNormalization;

use super::columns::TableSpec;
use super::error::Problem;
use crate::language::Language;
use crate::validation::bounds::{MAX_TEXT_CHARS, shown};

/// A table read from one source: a header row and data rows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Table {
    /// The source as named in messages, e.g. `units.csv`.
    pub source: String,
    /// The line of the header row (1 in a CSV file).
    pub header_line: u64,
    pub header: Vec<String>,
    pub rows: Vec<Row>,
}

/// One data row. `cells` may be longer than the header; a shorter row is refused when bound.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row {
    /// The line where the row starts in its source.
    pub line: u64,
    pub cells: Vec<String>,
}

/// Cleans a raw cell: Unicode NFC, surrounding whitespace removed.
pub fn clean(raw: &str) -> String {
    let trimmed = raw.trim();
    if unicode_normalization::is_nfc(trimmed) {
        trimmed.to_owned()
    } else {
        trimmed.nfc().collect::<String>().trim().to_owned()
    }
}

impl Table {
    /// Builds a table from raw rows with their lines: cells are cleaned, rows whose cells are
    /// all empty are dropped, and the first remaining row is the header.
    pub fn from_raw_rows<I, C, S>(source: impl Into<String>, rows: I) -> Table
    where
        I: IntoIterator<Item = (u64, C)>,
        C: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        let mut table = Table {
            source: source.into(),
            header_line: 1,
            header: Vec::new(),
            rows: Vec::new(),
        };
        let mut have_header = false;
        for (line, cells) in rows {
            let cells: Vec<String> = cells.into_iter().map(|c| clean(c.as_ref())).collect();
            if cells.iter().all(String::is_empty) {
                continue;
            }
            if have_header {
                table.rows.push(Row { line, cells });
            } else {
                table.header_line = line;
                table.header = cells;
                have_header = true;
            }
        }
        table
    }
}

/// A table whose header has been matched against the columns of its spec.
#[derive(Debug)]
pub(crate) struct Bound<'t> {
    pub table: &'t Table,
    pub spec: &'static TableSpec,
    /// For each column of the spec, its index in the header.
    index: Vec<Option<usize>>,
    /// Header columns not in the spec, when the spec keeps them: (index, name).
    pub others: Vec<(usize, String)>,
}

impl<'t> Bound<'t> {
    /// Matches the header of `table` against `spec`. Reports missing required columns (and
    /// then returns `None`: the rows cannot be read) and columns given twice.
    pub fn new(
        table: &'t Table,
        spec: &'static TableSpec,
        problems: &mut Vec<Problem>,
    ) -> Option<Bound<'t>> {
        let mut index = vec![None; spec.columns.len()];
        let mut others: Vec<(usize, String)> = Vec::new();
        for (i, name) in table.header.iter().enumerate() {
            if name.is_empty() {
                continue;
            }
            let position = spec
                .columns
                .iter()
                .position(|column| column.name.eq_ignore_ascii_case(name));
            let duplicate = match position {
                Some(known) if index[known].is_some() => true,
                Some(known) => {
                    index[known] = Some(i);
                    false
                }
                None if spec.keeps_other_columns => {
                    let seen = others.iter().any(|(_, other)| other == name);
                    if !seen {
                        others.push((i, name.clone()));
                    }
                    seen
                }
                None => false,
            };
            if duplicate {
                problems.push(Problem::Cell {
                    file: table.source.clone(),
                    line: table.header_line,
                    column: name.clone(),
                    message: Text::new(
                        "cột này xuất hiện hơn một lần",
                        "this column appears more than once",
                    ),
                });
            }
        }
        check_cells(table, problems);
        let mut complete = true;
        for (slot, column) in index.iter().zip(spec.columns) {
            if slot.is_none() && column.required {
                complete = false;
                problems.push(Problem::MissingColumn {
                    file: table.source.clone(),
                    column: column.name.to_owned(),
                });
            }
        }
        complete.then_some(Bound {
            table,
            spec,
            index,
            others,
        })
    }

    /// The text of a known column in a row; empty when the column or the cell is absent.
    pub fn cell<'r>(&self, row: &'r Row, column: &str) -> &'r str {
        self.spec
            .columns
            .iter()
            .position(|c| c.name == column)
            .and_then(|known| self.index[known])
            .and_then(|i| row.cells.get(i))
            .map_or("", String::as_str)
    }

    /// The source as named in messages.
    pub fn source(&self) -> &str {
        &self.table.source
    }
}

/// Refuses, at their cell, what would silently change a plan: rows shorter than the header
/// (cells missing at the end), identifiers with invisible characters (a byte-order mark or a
/// zero-width space makes "ubnd" another id), and texts longer than a spreadsheet cell holds.
fn check_cells(table: &Table, problems: &mut Vec<Problem>) {
    let is_reference = |name: &str| name == "id" || name.ends_with("_id") || name == "calendar";
    let references: Vec<bool> = table.header.iter().map(|n| is_reference(n)).collect();
    let column = |i: usize| table.header.get(i).cloned().unwrap_or_default();
    // Trailing unnamed header cells ask for nothing.
    let width = table
        .header
        .iter()
        .rposition(|name| !name.is_empty())
        .map_or(0, |last| last + 1);
    for row in &table.rows {
        let cell = |i: usize, message: Text| Problem::Cell {
            file: table.source.clone(),
            line: row.line,
            column: column(i),
            message,
        };
        if row.cells.len() < width {
            problems.push(Problem::Row {
                file: table.source.clone(),
                line: row.line,
                message: Text::new(
                    format!(
                        "dòng có {} ô nhưng tiêu đề có {}; thiếu các ô từ cột \"{}\" trở đi",
                        row.cells.len(),
                        width,
                        column(row.cells.len())
                    ),
                    format!(
                        "the row has {} cells but the header has {}; cells are missing from \
                         column \"{}\" on",
                        row.cells.len(),
                        width,
                        column(row.cells.len())
                    ),
                ),
            });
        }
        for (i, text) in row.cells.iter().enumerate() {
            if text.len() > MAX_TEXT_CHARS {
                let chars = text.chars().count();
                if chars > MAX_TEXT_CHARS {
                    problems.push(cell(i, too_long(chars)));
                }
            }
            if references.get(i).copied().unwrap_or(false)
                && let Some(invisible) = text.chars().find(|c| is_invisible(*c))
            {
                let code = u32::from(invisible);
                let message = Text::new(
                    format!("mã {text:?} chứa ký tự ẩn U+{code:04X}; hãy gõ lại"),
                    format!(
                        "the identifier {text:?} holds the invisible character U+{code:04X}; \
                         retype it"
                    ),
                );
                problems.push(cell(i, message));
            }
        }
    }
}

/// "the text has 40,000 characters; a cell holds at most 32,767".
pub(super) fn too_long(chars: usize) -> Text {
    let (vi, en) = (Language::Vietnamese, Language::English);
    let (chars, max) = (chars as f64, MAX_TEXT_CHARS as f64);
    Text::new(
        format!(
            "văn bản dài {} ký tự; một ô chứa tối đa {}",
            shown(chars, vi),
            shown(max, vi)
        ),
        format!(
            "the text has {} characters; a cell holds at most {}",
            shown(chars, en),
            shown(max, en)
        ),
    )
}

/// Characters that show nothing: the byte-order mark, zero-width spaces and joiners, the soft
/// hyphen, direction marks and other format characters.
fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{00AD}'
            | '\u{061C}'
            | '\u{180E}'
            | '\u{200B}'..='\u{200F}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2060}'..='\u{2064}'
            | '\u{2066}'..='\u{206F}'
            | '\u{FEFF}'
            | '\u{FFF9}'..='\u{FFFB}'
    ) || c.is_control()
}

/// A table to export: header and rows of cell text, in order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct OutTable {
    pub spec: &'static TableSpec,
    pub header: Vec<String>,
    pub rows: Vec<Vec<String>>,
}

impl OutTable {
    /// An empty table with the spec's columns as header.
    pub fn new(spec: &'static TableSpec) -> OutTable {
        OutTable {
            spec,
            header: spec.column_names().map(str::to_owned).collect(),
            rows: Vec::new(),
        }
    }

    /// Removes the columns from `first` on (in header order) that are empty in every row:
    /// optional columns a plan does not use are left out of its files.
    pub fn drop_empty_columns_from(&mut self, first: &str) {
        let Some(start) = self.header.iter().position(|name| name == first) else {
            return;
        };
        let keep: Vec<bool> = (0..self.header.len())
            .map(|i| {
                i < start
                    || self
                        .rows
                        .iter()
                        .any(|row| row.get(i).is_some_and(|cell| !cell.is_empty()))
            })
            .collect();
        let filter = |cells: &mut Vec<String>| {
            let mut index = 0;
            cells.retain(|_| {
                let kept = keep.get(index).copied().unwrap_or(true);
                index += 1;
                kept
            });
        };
        filter(&mut self.header);
        self.rows.iter_mut().for_each(filter);
    }
}

#[cfg(test)]
mod tests {
    use super::super::columns::{STAFF, UNITS};
    use super::*;

    fn table(rows: &[&[&str]]) -> Table {
        Table::from_raw_rows(
            "units.csv",
            rows.iter()
                .enumerate()
                .map(|(i, cells)| (i as u64 + 1, cells.iter().copied())),
        )
    }

    #[test]
    fn cells_are_trimmed_and_nfc() {
        assert_eq!(clean("  Ho\u{302}\u{300}  "), "Hồ");
        assert_eq!(clean("\tx\r\n"), "x");
    }

    #[test]
    fn blank_rows_are_dropped_and_header_found() {
        let t = table(&[&["", ""], &[" ID ", "Name"], &["", " "], &["a", "A"]]);
        assert_eq!(t.header, ["ID", "Name"]);
        assert_eq!(t.header_line, 2);
        assert_eq!(t.rows.len(), 1);
        assert_eq!(t.rows[0].line, 4);
    }

    #[test]
    fn binding_is_case_insensitive_and_order_free() {
        let t = table(&[&["NAME", "extra", "Id"], &["A", "x", "a"]]);
        let mut problems = Vec::new();
        let bound = Bound::new(&t, &UNITS, &mut problems).unwrap();
        assert!(problems.is_empty());
        assert_eq!(bound.cell(&t.rows[0], "id"), "a");
        assert_eq!(bound.cell(&t.rows[0], "name"), "A");
        assert_eq!(bound.cell(&t.rows[0], "quota"), "");
        assert!(bound.others.is_empty());
    }

    #[test]
    fn missing_required_columns_are_all_reported() {
        let t = table(&[&["parent_id"], &["x"]]);
        let mut problems = Vec::new();
        assert!(Bound::new(&t, &UNITS, &mut problems).is_none());
        let columns: Vec<_> = problems.iter().filter_map(Problem::column).collect();
        assert_eq!(columns, ["id", "name"]);
    }

    #[test]
    fn duplicate_columns_are_reported_and_first_kept() {
        let t = table(&[&["id", "name", "ID"], &["a", "A", "b"]]);
        let mut problems = Vec::new();
        let bound = Bound::new(&t, &UNITS, &mut problems).unwrap();
        assert_eq!(problems.len(), 1);
        assert_eq!(bound.cell(&t.rows[0], "id"), "a");
    }

    #[test]
    fn unused_optional_columns_are_dropped() {
        let mut out = OutTable::new(&UNITS);
        let row = |school_zone: &str| {
            let mut cells = vec![String::new(); out_width()];
            cells[0] = "a".into();
            cells[6] = school_zone.into();
            cells
        };
        out.rows = vec![row(""), row("2")];
        out.drop_empty_columns_from("autonomy_group");
        assert_eq!(
            out.header,
            [
                "id",
                "parent_id",
                "name",
                "unit_type",
                "quota",
                "school_zone"
            ]
        );
        assert_eq!(out.rows[1], ["a", "", "", "", "", "2"]);
        out.rows.clear();
        out.drop_empty_columns_from("school_zone");
        assert_eq!(out.header.len(), 5);
    }

    fn out_width() -> usize {
        UNITS.columns.len()
    }

    #[test]
    fn staff_keeps_other_columns() {
        let t = table(&[&["id", "unit_id", "Họ tên", "", "Năm sinh"], &["s", "u"]]);
        let mut problems = Vec::new();
        let bound = Bound::new(&t, &STAFF, &mut problems).unwrap();
        let names: Vec<_> = bound.others.iter().map(|(_, n)| n.as_str()).collect();
        assert_eq!(names, ["Họ tên", "Năm sinh"]);
    }
}
