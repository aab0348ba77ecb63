//! The CSV layer: a folder with one `<table>.csv` file per table, read into [`Table`]s and
//! written from [`OutTable`]s. Everything else in the interchange module is format-free.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use super::columns::{self, TableSpec};
use super::error::{ExportError, Problem};
use super::table::{OutTable, Table};

const BOM: &[u8] = b"\xEF\xBB\xBF";

/// A folder of CSV files to read tables from.
pub struct CsvDir<'a> {
    dir: &'a Path,
}

impl<'a> CsvDir<'a> {
    pub fn new(dir: &'a Path) -> Self {
        CsvDir { dir }
    }

    /// Reads the table's file; `Ok(None)` when the file does not exist.
    pub fn load(&self, spec: &TableSpec) -> Result<Option<Table>, Problem> {
        let file = spec.file_name();
        let path = self.dir.join(&file);
        let unreadable = |reason: String| Problem::Unreadable {
            file: file.clone(),
            reason,
        };
        let bytes = match fs::read(&path) {
            Ok(bytes) => bytes,
            Err(error) if error.kind() == io::ErrorKind::NotFound => return Ok(None),
            Err(error) => return Err(unreadable(error.to_string())),
        };
        let bytes = bytes.strip_prefix(BOM).unwrap_or(&bytes);
        let text = std::str::from_utf8(bytes).map_err(|_| {
            unreadable("the file is not UTF-8 text (save it as \"CSV UTF-8\")".to_owned())
        })?;
        parse_csv(&file, text).map(Some).map_err(unreadable)
    }

    /// CSV files that look like a table but are not named as one: `Duties.csv`,
    /// `cong_viec.csv`, `don-vi.csv`.
    pub fn strays(&self) -> Vec<Problem> {
        let Ok(entries) = fs::read_dir(self.dir) else {
            return Vec::new();
        };
        let mut strays: Vec<Problem> = entries
            .flatten()
            .filter_map(|entry| {
                let name = entry.file_name().into_string().ok()?;
                let (stem, extension) = name.rsplit_once('.')?;
                if !extension.eq_ignore_ascii_case("csv") {
                    return None;
                }
                let table = match columns::look_alike(stem) {
                    Some(table) => table,
                    // `units.CSV`: the right table with another extension's case.
                    None if extension != "csv" => stem,
                    None => return None,
                };
                Some(Problem::Misnamed {
                    table: table.to_owned(),
                    file: name,
                })
            })
            .collect();
        strays.sort_by(|a, b| a.file().cmp(b.file()));
        strays
    }
}

/// Parses CSV text into a table; rows keep the line where they start. Fields are separated by
/// `,`, or by `;` when the header row uses `;` and no `,` (as Excel writes CSV in a Vietnamese
/// locale, where `,` marks decimals).
pub fn parse_csv(source: &str, text: &str) -> Result<Table, String> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter_of(text))
        .from_reader(text.as_bytes());
    let mut lines = LineCounter::new(text);
    let mut rows = Vec::new();
    for record in reader.records() {
        let record = record.map_err(|error| error.to_string())?;
        let byte = record.position().map_or(0, csv::Position::byte);
        rows.push((lines.line_of_record_at(byte), record));
    }
    Ok(Table::from_raw_rows(
        source,
        rows.iter().map(|(line, record)| (*line, record.iter())),
    ))
}

/// `;` when the first non-blank line holds `;` and no `,`; else `,`.
fn delimiter_of(text: &str) -> u8 {
    let header = text.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
    if header.contains(';') && !header.contains(',') {
        b';'
    } else {
        b','
    }
}

/// Finds the line where a record starts from its byte offset. The csv reader gives the offset
/// where it began looking for the record, before any blank lines it skipped (its own line
/// numbers are off after blank lines), so those are skipped here too.
struct LineCounter<'t> {
    text: &'t [u8],
    offset: usize,
    line: u64,
}

impl<'t> LineCounter<'t> {
    fn new(text: &'t str) -> Self {
        LineCounter {
            text: text.as_bytes(),
            offset: 0,
            line: 1,
        }
    }

    /// The line of the record found from `byte` on; offsets must not decrease between calls.
    fn line_of_record_at(&mut self, byte: u64) -> u64 {
        let mut start = usize::try_from(byte)
            .unwrap_or(usize::MAX)
            .min(self.text.len());
        while matches!(self.text.get(start), Some(b'\r' | b'\n')) {
            start += 1;
        }
        let from = self.offset.min(start);
        for (i, &b) in self.text[from..start].iter().enumerate() {
            let lone_cr = b == b'\r' && self.text.get(from + i + 1) != Some(&b'\n');
            if b == b'\n' || lone_cr {
                self.line += 1;
            }
        }
        self.offset = start;
        self.line
    }
}

/// Renders a table as CSV text: header first, `\n` line ends, quotes only where needed.
pub fn render_csv(table: &OutTable) -> Result<Vec<u8>, io::Error> {
    let mut writer = csv::WriterBuilder::new()
        .flexible(false)
        .from_writer(Vec::new());
    writer.write_record(&table.header)?;
    for row in &table.rows {
        writer.write_record(row)?;
    }
    writer
        .into_inner()
        .map_err(|error| io::Error::other(error.to_string()))
}

/// Writes a table to `<dir>/<table>.csv`, UTF-8 without BOM (`dir` is the temporary folder of
/// an atomic export).
pub fn write_table(dir: &Path, table: &OutTable) -> Result<(), ExportError> {
    let path = dir.join(table.spec.file_name());
    let write_error = |source: io::Error, path: PathBuf| ExportError::Write { path, source };
    let bytes = render_csv(table).map_err(|e| write_error(e, path.clone()))?;
    fs::write(&path, bytes).map_err(|e| write_error(e, path))
}

#[cfg(test)]
mod tests {
    use super::super::columns::UNITS;
    use super::*;

    #[test]
    fn quoted_fields_keep_commas_quotes_and_newlines_and_lines_count() {
        let text = "id,name\n\"a\",\"x, \"\"y\"\"\nz\"\n\nb,plain\n";
        let table = parse_csv("units.csv", text).unwrap();
        assert_eq!(table.header, ["id", "name"]);
        assert_eq!(table.rows[0].cells, ["a", "x, \"y\"\nz"]);
        assert_eq!(table.rows[0].line, 2);
        assert_eq!(table.rows[1].line, 5);
    }

    #[test]
    fn lines_count_blank_lines_and_line_ends_of_every_kind() {
        let lines = |text: &str| -> Vec<u64> {
            let table = parse_csv("units.csv", text).unwrap();
            std::iter::once(table.header_line)
                .chain(table.rows.iter().map(|r| r.line))
                .collect()
        };
        assert_eq!(lines("id,name\na,A\nb,B"), [1, 2, 3]);
        assert_eq!(lines("id,name\n\na,A\n\n\nb,B\n"), [1, 3, 6]);
        assert_eq!(lines("\n\nid,name\r\n\r\na,A\r\nb,B\r\n"), [3, 5, 6]);
        assert_eq!(lines("id,name\ra,A\r\rb,B"), [1, 2, 4]);
        assert_eq!(lines("id,name\na,\"x\n\ny\"\n\nb,B\n"), [1, 2, 6]);
        assert_eq!(lines("id,name\n , \na,A\n"), [1, 3]);
    }

    #[test]
    fn crlf_line_ends_are_read() {
        let table = parse_csv("units.csv", "id,name\r\na,A\r\n").unwrap();
        assert_eq!(table.rows[0].cells, ["a", "A"]);
    }

    #[test]
    fn render_quotes_only_where_needed() {
        let mut table = OutTable::new(&UNITS);
        table.drop_empty_columns_from("autonomy_group");
        table.rows.push(vec![
            "a".into(),
            String::new(),
            "x, \"y\"".into(),
            String::new(),
            "3".into(),
        ]);
        let text = String::from_utf8(render_csv(&table).unwrap()).unwrap();
        assert_eq!(
            text,
            "id,parent_id,name,unit_type,quota\na,,\"x, \"\"y\"\"\",,3\n"
        );
    }
}
