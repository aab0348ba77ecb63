//! The worksheet the dossier's tables are written into: values go in at once, formats are
//! applied a run of cells at a time, or the sheet is streamed row by row.
//!
//! rust_xlsxwriter finds a cell's format by hashing and comparing every field of the
//! [`Format`], for each cell written with one: on a province's 1.6 million cells that was over a
//! third of the time it took to fill the sheets. Cells one under another in a column usually
//! share their format (a table's column), so this sheet keeps, per column, the run of rows
//! written with the same format (the same [`Format`] value, by address) and applies it with one
//! lookup when the run ends, together with the runs of the same rows and format ended just
//! before it in the columns to its left (a table's row of cells sharing a format). What it
//! writes is what the same calls on the [`Worksheet`] write.
//!
//! A streamed sheet ([`Sheet::streamed`]) is one rust_xlsxwriter writes out as it goes (its
//! "constant memory" mode): each row leaves memory as XML in a temporary file once a later row
//! is written (a file without a name, gone when the workbook is saved or the process ends). A
//! province's job descriptions hold 230,000 mostly short rows, and each row kept in memory costs
//! rust_xlsxwriter close to a kilobyte whatever it holds: streamed, they take about 240 MB less.
//! Such a sheet must be written top to bottom (a write above the current row is an error here,
//! where rust_xlsxwriter would drop it), so a run would reach back into rows already written
//! out. Its formats are held by column instead: a cell with a value is written without one and
//! takes its column's, which rust_xlsxwriter reads when it writes the row out, and a column's
//! format is set only where it changes (on a province's job descriptions, about 140,000
//! lookups for 410,000 cells). The last row is written out while the formats are still held
//! (an empty cell follows it, and the print area ends above it); then the columns are left
//! without formats. Cells written unformatted straight to the [`Worksheet`] would take the held
//! formats: nothing in the dossier writes one. Blank cells and merged ranges carry their own.
//!
//! A streamed sheet's texts are written in its cells rather than in the workbook's table of
//! shared strings, and its formats are numbered in the workbook's table as they are written:
//! so that streamed sheets can be written side by side and still give the same workbook every
//! time, they may only use formats numbered before any sheet is written (the workbook's
//! [`Styles`], see [`super::parallel::jobs`]), and any other is an error.
//!
//! Everything else (page setup, column widths) is the [`Worksheet`]'s own, reached through
//! `Deref`: such writes take effect at once, so they must not touch a cell this sheet still
//! holds a format for (nothing in the dossier writes a cell twice).

use std::ops::{Deref, DerefMut};

use rust_xlsxwriter::{
    ColNum, ExcelDateTime, Format, Formula, IntoExcelData, RowNum, Worksheet, XlsxError,
};

use super::print::{LINE_POINTS, ROW_POINTS, Styles};

/// The most a streamed sheet is taken to hold in its temporary file: twenty job descriptions
/// written out in full (a generated province's take about 0.2 MB a sheet).
const STREAMED_SHEET_BYTES: u64 = 2 << 20;

/// A folder kept in memory (Linux's `/dev/shm`) for the temporary files of `sheets` streamed
/// sheets, if it has room for them at their largest; otherwise `None`, and they go to the
/// system's temporary folder. Creating a file there costs no disk bookkeeping: on ext4, a
/// province's 300 temporary files took 0.15 s to create once earlier exports had deleted
/// theirs, the file system passing over every file deleted in the last minutes.
pub fn memory_folder(sheets: usize) -> Option<std::path::PathBuf> {
    #[cfg(target_os = "linux")]
    {
        let folder = std::path::Path::new("/dev/shm");
        let space = rustix::fs::statvfs(folder).ok()?;
        let free = space.f_bavail.saturating_mul(space.f_frsize);
        has_room(sheets, free).then(|| folder.to_path_buf())
    }
    #[cfg(not(target_os = "linux"))]
    {
        let _ = sheets;
        None
    }
}

/// Whether `free` bytes hold `sheets` streamed sheets at their largest.
fn has_room(sheets: usize, free: u64) -> bool {
    u64::try_from(sheets)
        .ok()
        .and_then(|sheets| sheets.checked_mul(STREAMED_SHEET_BYTES))
        .is_some_and(|needed| needed <= free)
}

/// How many sheets may be streamed at once: each holds a temporary file open until the
/// workbook is saved, so at most half the files the system lets this process hold open.
pub fn streamable_sheets() -> usize {
    #[cfg(target_os = "linux")]
    {
        use rustix::process::{Resource, getrlimit};
        getrlimit(Resource::Nofile)
            .current
            .map_or(usize::MAX, |open| {
                usize::try_from(open / 2).unwrap_or(usize::MAX)
            })
    }
    // Elsewhere, what the most sparing systems allow (256 open files on macOS) halved, less
    // what the application itself holds; Windows does not count files this way.
    #[cfg(all(unix, not(target_os = "linux")))]
    {
        100
    }
    #[cfg(not(unix))]
    {
        usize::MAX
    }
}

/// Rows `first..=last` of a column written with `format`.
struct Run<'f> {
    first: RowNum,
    last: RowNum,
    format: &'f Format,
}

/// The same run in columns `first_col..=last_col`: a table's row of cells sharing a format
/// ends the runs of its columns one after the other, and they are applied as one.
struct Area<'f> {
    run: Run<'f>,
    first_col: ColNum,
    last_col: ColNum,
}

/// A worksheet whose cells' formats (borrowed for `'f`) are applied by runs, or which is
/// streamed; see the module.
pub struct Sheet<'w, 'f> {
    sheet: &'w mut Worksheet,
    /// The open run of each column, by column index.
    runs: Vec<Option<Run<'f>>>,
    /// The runs ended last, in neighbouring columns, not yet applied.
    ended: Option<Area<'f>>,
    /// For a streamed sheet, where the writing is.
    streamed: Option<Stream<'f>>,
    /// For a sheet in memory, its rows' heights.
    rows: Rows,
    /// The rows printed atop each page, if any.
    titles: Option<(RowNum, RowNum)>,
}

/// What the workbook, rather than the sheet's own XML, holds of a sheet: the last row and
/// column of its print area and the rows printed atop each page, where it has them (see
/// [`super::annex`]).
#[derive(Debug, Clone, Copy)]
pub struct Printing {
    pub area: Option<(RowNum, ColNum)>,
    pub titles: Option<(RowNum, RowNum)>,
}

/// A streamed sheet's only formats, the row it is on (rows above it are written out), what that
/// row has, the last column written on the sheet, and the format each column holds.
struct Stream<'f> {
    styles: &'f Styles,
    row: RowNum,
    cells: bool,
    height: bool,
    last_col: ColNum,
    held: Vec<Option<&'f Format>>,
}

/// The rows of a sheet in memory given a height, the last row written, and whether rows one
/// line high are the sheet's default (see [`Sheet::lines_by_default`]).
#[derive(Default)]
struct Rows {
    heights: Vec<bool>,
    last: Option<RowNum>,
    lines_by_default: bool,
}

impl Rows {
    fn index(row: RowNum) -> usize {
        usize::try_from(row).unwrap_or(usize::MAX)
    }

    fn written(&mut self, row: RowNum) {
        self.last = self.last.max(Some(row));
    }

    fn give_height(&mut self, row: RowNum) {
        let index = Rows::index(row);
        if self.heights.len() <= index {
            self.heights.resize(index + 1, false);
        }
        self.heights[index] = true;
        self.written(row);
    }

    /// The rows written without a height (those left at the default before it changed).
    fn without_height(&self) -> impl Iterator<Item = RowNum> + '_ {
        let last = self.last.filter(|_| self.lines_by_default);
        last.into_iter().flat_map(move |last| {
            (0..=last).filter(|row| {
                !self
                    .heights
                    .get(Rows::index(*row))
                    .copied()
                    .unwrap_or(false)
            })
        })
    }
}

impl<'w, 'f> Sheet<'w, 'f> {
    pub fn new(sheet: &'w mut Worksheet) -> Self {
        Sheet {
            sheet,
            runs: Vec::new(),
            ended: None,
            streamed: None,
            rows: Rows::default(),
            titles: None,
        }
    }

    /// Makes rows one line high ([`LINE_POINTS`]) the default of a sheet in memory, so that
    /// rust_xlsxwriter keeps no height for them: it keeps about 200 bytes for each row given
    /// one, and most rows of the long tables are one line high. Rows given no height keep
    /// the [`ROW_POINTS`] they had. A streamed sheet is left as it is.
    pub fn lines_by_default(&mut self) {
        if self.streamed.is_none() {
            self.sheet.set_default_row_height(LINE_POINTS);
            self.rows.lines_by_default = true;
        }
    }

    /// A sheet over a worksheet rust_xlsxwriter writes out row by row (one made by
    /// `Workbook::add_worksheet_with_constant_memory`), whose formats are `styles`, numbered in
    /// the workbook beforehand; see the module.
    pub fn streamed(sheet: &'w mut Worksheet, styles: &'f Styles) -> Self {
        Sheet {
            streamed: Some(Stream {
                styles,
                row: 0,
                cells: false,
                height: false,
                last_col: 0,
                held: Vec::new(),
            }),
            ..Sheet::new(sheet)
        }
    }

    /// For a streamed sheet, checks that `format` is one of its styles.
    fn registered(&self, format: &Format) -> Result<(), XlsxError> {
        match &self.streamed {
            Some(stream) if !stream.styles.holds(format) => Err(XlsxError::ParameterError(
                "a format other than the workbook's styles on a sheet written top to bottom"
                    .to_owned(),
            )),
            _ => Ok(()),
        }
    }

    /// For a streamed sheet, checks that `row` is not above the row written last, and makes it
    /// the current one.
    fn reach(&mut self, row: RowNum) -> Result<Option<&mut Stream<'f>>, XlsxError> {
        let Some(stream) = &mut self.streamed else {
            return Ok(None);
        };
        if row < stream.row {
            return Err(XlsxError::ParameterError(format!(
                "row {} written after row {} of a sheet written top to bottom",
                u64::from(row) + 1,
                u64::from(stream.row) + 1
            )));
        }
        if row > stream.row {
            stream.row = row;
            stream.cells = false;
            stream.height = false;
        }
        Ok(Some(stream))
    }

    /// For a streamed sheet, records that the current row (`row`) holds cells up to `last_col`.
    fn reach_cell(&mut self, row: RowNum, last_col: ColNum) -> Result<(), XlsxError> {
        if let Some(stream) = self.reach(row)? {
            stream.cells = true;
            stream.last_col = stream.last_col.max(last_col);
        }
        Ok(())
    }

    /// As [`Worksheet::merge_range`], in order on a streamed sheet.
    pub fn merge_range(
        &mut self,
        first_row: RowNum,
        first_col: ColNum,
        last_row: RowNum,
        last_col: ColNum,
        text: &str,
        format: &Format,
    ) -> Result<&mut Worksheet, XlsxError> {
        self.registered(format)?;
        self.reach_cell(first_row, last_col)?;
        self.rows.written(last_row);
        self.sheet
            .merge_range(first_row, first_col, last_row, last_col, text, format)
    }

    /// As [`Worksheet::set_row_height`], in order on a streamed sheet.
    pub fn set_row_height(
        &mut self,
        row: RowNum,
        height: impl Into<f64>,
    ) -> Result<&mut Worksheet, XlsxError> {
        if let Some(stream) = self.reach(row)? {
            stream.height = true;
            return self.sheet.set_row_height(row, height);
        }
        self.rows.give_height(row);
        let height = height.into();
        if self.rows.lines_by_default && height == LINE_POINTS {
            return Ok(self.sheet);
        }
        self.sheet.set_row_height(row, height)
    }

    /// As [`Worksheet::set_repeat_rows`], kept for [`Sheet::finish`] to give.
    pub fn set_repeat_rows(
        &mut self,
        first_row: RowNum,
        last_row: RowNum,
    ) -> Result<&mut Worksheet, XlsxError> {
        self.titles = Some((first_row, last_row));
        self.sheet.set_repeat_rows(first_row, last_row)
    }

    /// Applies the formats still held. Until then the cells written last may be unformatted.
    /// Gives what the workbook holds of the sheet's printing: the print area it set on a
    /// streamed sheet, if it set one, and the rows printed atop each page.
    pub fn finish(mut self) -> Result<Printing, XlsxError> {
        // An empty cell below a streamed sheet's last row has it written out while its columns
        // still hold their formats, which are then let go (see the module). rust_xlsxwriter
        // would also write a last row twice when it holds cells and has a height (an archive
        // Excel refuses to open as it is). The print area ends above the empty cell.
        let mut print_area = None;
        if let Some(stream) = &self.streamed
            && ((stream.cells && stream.height) || !stream.held.is_empty())
        {
            let (last_row, last_col) = (stream.row, stream.last_col);
            self.sheet
                .write_blank(last_row + 1, 0, &stream.styles.value)?;
            self.sheet.set_print_area(0, 0, last_row, last_col)?;
            print_area = Some((last_row, last_col));
            let none = Format::default();
            for (col, held) in (0..=ColNum::MAX).zip(&stream.held) {
                if held.is_some() {
                    self.sheet.set_column_format(col, &none)?;
                }
            }
        }
        for col in (0..=ColNum::MAX).take(self.runs.len()) {
            self.close(col)?;
        }
        self.apply_ended()?;
        for row in self.rows.without_height() {
            self.sheet.set_row_height(row, ROW_POINTS)?;
        }
        Ok(Printing {
            area: print_area,
            titles: self.titles,
        })
    }

    pub fn write_string_with_format(
        &mut self,
        row: RowNum,
        col: ColNum,
        text: impl Into<String>,
        format: &'f Format,
    ) -> Result<&mut Self, XlsxError> {
        let text = text.into();
        // Without a format, an empty text writes no cell: it is a box.
        if text.is_empty() {
            return self.write_blank(row, col, format);
        }
        self.write_with_format(row, col, text, format)
    }

    pub fn write_number_with_format(
        &mut self,
        row: RowNum,
        col: ColNum,
        number: impl Into<f64>,
        format: &'f Format,
    ) -> Result<&mut Self, XlsxError> {
        self.write_with_format(row, col, number.into(), format)
    }

    pub fn write_formula_with_format(
        &mut self,
        row: RowNum,
        col: ColNum,
        formula: impl Into<Formula>,
        format: &'f Format,
    ) -> Result<&mut Self, XlsxError> {
        self.write_with_format(row, col, formula.into(), format)
    }

    pub fn write_datetime_with_format(
        &mut self,
        row: RowNum,
        col: ColNum,
        datetime: &ExcelDateTime,
        format: &'f Format,
    ) -> Result<&mut Self, XlsxError> {
        self.write_with_format(row, col, datetime, format)
    }

    /// Writes `data` as the [`Worksheet`] does without a format, then gives the cell `format`.
    fn write_with_format(
        &mut self,
        row: RowNum,
        col: ColNum,
        data: impl IntoExcelData,
        format: &'f Format,
    ) -> Result<&mut Self, XlsxError> {
        if self.streamed.is_some() {
            self.registered(format)?;
            self.reach_cell(row, col)?;
            // Written first: a cell on a new row writes the rows above out, with the formats
            // their columns hold until then.
            self.sheet.write(row, col, data)?;
            self.hold(col, format)?;
            return Ok(self);
        }
        self.sheet.write(row, col, data)?;
        self.rows.written(row);
        self.format(row, col, format)
    }

    /// For a streamed sheet, makes `format` the one column `col` holds (see the module).
    fn hold(&mut self, col: ColNum, format: &'f Format) -> Result<(), XlsxError> {
        let Some(stream) = &mut self.streamed else {
            return Ok(());
        };
        let index = usize::from(col);
        if stream.held.len() <= index {
            stream.held.resize(index + 1, None);
        }
        if stream.held[index].is_some_and(|held| std::ptr::eq(held, format)) {
            return Ok(());
        }
        stream.held[index] = Some(format);
        self.sheet.set_column_format(col, format)?;
        Ok(())
    }

    /// A cell with a format and no value (a box in a table).
    pub fn write_blank(
        &mut self,
        row: RowNum,
        col: ColNum,
        format: &'f Format,
    ) -> Result<&mut Self, XlsxError> {
        if self.streamed.is_some() {
            self.registered(format)?;
            self.reach_cell(row, col)?;
            self.sheet.write_blank(row, col, format)?;
            return Ok(self);
        }
        self.rows.written(row);
        self.format(row, col, format)
    }

    /// Gives the cell at (`row`, `col`) `format`: the column's open run grows by it, or is
    /// applied and a new one opens.
    fn format(
        &mut self,
        row: RowNum,
        col: ColNum,
        format: &'f Format,
    ) -> Result<&mut Self, XlsxError> {
        let index = usize::from(col);
        if self.runs.len() <= index {
            self.runs.resize_with(index + 1, || None);
        }
        if let Some(run) = &mut self.runs[index]
            && std::ptr::eq(run.format, format)
            && run.last.checked_add(1) == Some(row)
        {
            run.last = row;
            return Ok(self);
        }
        self.close(col)?;
        self.runs[index] = Some(Run {
            first: row,
            last: row,
            format,
        });
        Ok(self)
    }

    /// Ends the open run of column `col`, if any: it joins the runs ended just before it in
    /// the columns to its left, if they span the same rows with the same format, or else
    /// those are applied and it waits in their place.
    fn close(&mut self, col: ColNum) -> Result<(), XlsxError> {
        let Some(run) = self.runs.get_mut(usize::from(col)).and_then(Option::take) else {
            return Ok(());
        };
        if let Some(area) = &mut self.ended
            && area.last_col.checked_add(1) == Some(col)
            && (area.run.first, area.run.last) == (run.first, run.last)
            && std::ptr::eq(area.run.format, run.format)
        {
            area.last_col = col;
            return Ok(());
        }
        self.apply_ended()?;
        self.ended = Some(Area {
            run,
            first_col: col,
            last_col: col,
        });
        Ok(())
    }

    /// Applies the runs ended and not yet applied.
    fn apply_ended(&mut self) -> Result<(), XlsxError> {
        if let Some(Area {
            run,
            first_col,
            last_col,
        }) = self.ended.take()
        {
            self.sheet
                .set_range_format(run.first, first_col, run.last, last_col, run.format)?;
        }
        Ok(())
    }
}

impl Deref for Sheet<'_, '_> {
    type Target = Worksheet;

    fn deref(&self) -> &Worksheet {
        self.sheet
    }
}

impl DerefMut for Sheet<'_, '_> {
    fn deref_mut(&mut self) -> &mut Worksheet {
        self.sheet
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use std::io::Read;

    use rust_xlsxwriter::{Format, Formula, RowNum, Workbook, Worksheet, XlsxError};

    use super::{Sheet, Styles};

    /// One write, made the same way on a [`Worksheet`] and on a [`Sheet`].
    enum Write {
        Text(RowNum, u16, &'static str, usize),
        Number(RowNum, u16, f64, usize),
        Blank(RowNum, u16, usize),
        Sum(RowNum, u16, &'static str, usize),
        Merge(RowNum, u16, u16, &'static str, usize),
        Height(RowNum, f64),
    }

    /// The first sheet's XML of a workbook whose `formats` are registered first, in order (in
    /// a row of their own), then filled by `fill`.
    fn sheet_xml(formats: &[Format], fill: impl FnOnce(&mut Worksheet)) -> String {
        let mut workbook = Workbook::new();
        let sheet = workbook.add_worksheet();
        for (col, format) in (0u16..).zip(formats) {
            sheet.write_blank(50, col, format).unwrap();
        }
        fill(sheet);
        first_sheet_xml(&mut workbook)
    }

    /// The XML of the first sheet of `workbook`, saved.
    fn first_sheet_xml(workbook: &mut Workbook) -> String {
        let [xml] = saved_entries(workbook, ["xl/worksheets/sheet1.xml"]);
        xml
    }

    /// The entries `names` of `workbook`, saved (empty for an entry it does not have).
    pub(crate) fn saved_entries<const N: usize>(
        workbook: &mut Workbook,
        names: [&str; N],
    ) -> [String; N] {
        archive_entries(workbook.save_to_buffer().unwrap(), names)
    }

    /// The entries `names` of the archive `bytes` (empty for an entry it does not have).
    pub(crate) fn archive_entries<const N: usize>(bytes: Vec<u8>, names: [&str; N]) -> [String; N] {
        let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
        names.map(|name| {
            let mut xml = String::new();
            if let Ok(mut file) = archive.by_name(name) {
                file.read_to_string(&mut xml).unwrap();
            }
            xml
        })
    }

    /// A streamed sheet added to `workbook`, with `styles`.
    fn streamed_sheet<'w, 'f>(workbook: &'w mut Workbook, styles: &'f Styles) -> Sheet<'w, 'f> {
        Sheet::streamed(
            workbook.add_worksheet_with_constant_memory().unwrap(),
            styles,
        )
    }

    /// Bold, italic and a number format, in that order.
    fn three_formats() -> [Format; 3] {
        [
            Format::new().set_bold(),
            Format::new().set_italic(),
            Format::new().set_num_format("#,##0"),
        ]
    }

    /// Makes `writes` through `sheet`.
    fn write_through<'f>(
        sheet: &mut Sheet<'_, 'f>,
        writes: &[Write],
        formats: &[&'f Format],
    ) -> Result<(), XlsxError> {
        for write in writes {
            match *write {
                Write::Text(row, col, text, f) => sheet
                    .write_string_with_format(row, col, text, formats[f])
                    .map(drop),
                Write::Number(row, col, value, f) => sheet
                    .write_number_with_format(row, col, value, formats[f])
                    .map(drop),
                Write::Blank(row, col, f) => sheet.write_blank(row, col, formats[f]).map(drop),
                Write::Sum(row, col, formula, f) => sheet
                    .write_formula_with_format(row, col, Formula::new(formula), formats[f])
                    .map(drop),
                Write::Merge(row, first, last, text, f) => sheet
                    .merge_range(row, first, row, last, text, formats[f])
                    .map(drop),
                Write::Height(row, height) => sheet.set_row_height(row, height).map(drop),
            }?;
        }
        Ok(())
    }

    /// The first sheet's XML of a workbook whose `styles` are numbered first, filled with
    /// `writes` through a [`Sheet`], streamed or not. The rows' optional `spans` (which a
    /// streamed sheet leaves out) are left out, and shared strings are written in their cells
    /// as a streamed sheet writes them.
    fn top_to_bottom_xml(
        streamed: bool,
        styles: &Styles,
        formats: &[&Format],
        writes: &[Write],
    ) -> String {
        let mut workbook = Workbook::new();
        for format in styles.all() {
            workbook.register_format(format);
        }
        let mut sheet = if streamed {
            streamed_sheet(&mut workbook, styles)
        } else {
            Sheet::new(workbook.add_worksheet())
        };
        // The four columns are given widths, as the dossier's sheets give theirs.
        for col in 0..4 {
            sheet.set_column_width(col, 12).unwrap();
        }
        write_through(&mut sheet, writes, formats).unwrap();
        sheet.finish().unwrap();
        let [xml, shared] = saved_entries(
            &mut workbook,
            ["xl/worksheets/sheet1.xml", "xl/sharedStrings.xml"],
        );
        let strings: Vec<&str> = shared
            .split("<t>")
            .skip(1)
            .filter_map(|piece| piece.split_once("</t>").map(|(text, _)| text))
            .collect();
        let mut pieces = xml.split(" spans=\"");
        let mut without = pieces.next().unwrap_or_default().to_owned();
        for piece in pieces {
            without.push_str(piece.split_once('"').map_or(piece, |(_, rest)| rest));
        }
        let mut pieces = without.split(r#" t="s"><v>"#);
        let mut inline = pieces.next().unwrap_or_default().to_owned();
        for piece in pieces {
            let (index, rest) = piece.split_once("</v>").unwrap();
            let text = strings[index.parse::<usize>().unwrap()];
            inline.push_str(&format!(r#" t="inlineStr"><is><t>{text}</t></is>{rest}"#));
        }
        inline
    }

    #[test]
    fn a_streamed_sheet_writes_what_a_sheet_in_memory_writes() {
        let styles = Styles::new();
        let formats = [&styles.label, &styles.hint, &styles.whole];
        // Column A changes format from row to row, B keeps one over rows with and without a
        // cell in it.
        let writes = [
            Write::Merge(0, 0, 3, "title", 0),
            Write::Text(1, 0, "label", 0),
            Write::Merge(1, 1, 3, "value", 1),
            Write::Text(2, 1, "b", 1),
            Write::Number(2, 0, 1200.0, 2),
            Write::Blank(2, 2, 1),
            Write::Sum(4, 0, "=A3*2", 2),
            Write::Text(4, 1, "", 1),
            // The first cell of a row, in a column whose format changes from the row above.
            Write::Text(5, 0, "x", 1),
            Write::Text(6, 0, "y", 0),
            Write::Height(9, 30.0),
            Write::Text(9, 3, "after a gap", 1),
            Write::Text(10, 0, "last", 0),
            Write::Text(10, 1, "c", 1),
        ];
        let in_memory = top_to_bottom_xml(false, &styles, &formats, &writes);
        assert!(in_memory.contains(r#"ht="30""#), "{in_memory}");
        assert!(
            in_memory.contains(r#"t="inlineStr"><is><t>after a gap</t></is>"#),
            "{in_memory}"
        );
        let streamed = top_to_bottom_xml(true, &styles, &formats, &writes);
        // The columns held formats while the rows were written out, and hold none after.
        assert!(!streamed.contains(" style="), "{streamed}");
        // What a streamed sheet adds (see `Sheet::finish`): an empty cell below its last row,
        // which the print area leaves out.
        let start = streamed.find(r#"<row r="12">"#).unwrap();
        let ending = &streamed[start..][..streamed[start..].find("</row>").unwrap() + 6];
        assert!(
            ending.starts_with(r#"<row r="12"><c r="A12" s=""#),
            "{ending}"
        );
        assert!(ending.ends_with(r#""/></row>"#), "{ending}");
        let trimmed = streamed
            .replace(ending, "")
            .replace("A1:D12", "A1:D11")
            .replace(
                r#"<pageSetup orientation="portrait" horizontalDpi="200" verticalDpi="200"/>"#,
                "",
            );
        assert_eq!(trimmed, in_memory);
    }

    #[test]
    fn a_sheet_with_lines_by_default_keeps_every_row_as_high_as_before() {
        let styles = Styles::new();
        let xml = sheet_xml(&[], |worksheet| {
            let mut sheet = Sheet::new(worksheet);
            sheet.lines_by_default();
            let writes = [
                Write::Height(0, 18.0),
                Write::Text(0, 0, "one line", 0),
                Write::Text(1, 0, "no height", 0),
                // Row 3 is a gap.
                Write::Text(3, 0, "two lines", 0),
                Write::Height(3, 33.0),
            ];
            write_through(&mut sheet, &writes, &[&styles.text]).unwrap();
            sheet.finish().unwrap();
        });
        assert!(
            xml.contains(r#"<sheetFormatPr defaultRowHeight="18" customHeight="1"/>"#),
            "{xml}"
        );
        let row = |number: u32| {
            let start = xml.find(&format!(r#"<row r="{number}""#)).unwrap();
            xml[start..].split_once('>').unwrap().0.to_owned()
        };
        assert!(row(1).contains(r#"ht="18""#), "{xml}");
        assert!(row(2).contains(r#"ht="15" customHeight="1""#), "{xml}");
        assert!(row(3).contains(r#"ht="15" customHeight="1""#), "{xml}");
        assert!(row(4).contains(r#"ht="33" customHeight="1""#), "{xml}");
    }

    #[test]
    fn a_streamed_sheet_takes_only_the_workbook_styles() {
        let mut workbook = Workbook::new();
        let styles = Styles::new();
        let mut sheet = streamed_sheet(&mut workbook, &styles);
        let equal = styles.hint.clone();
        sheet
            .write_string_with_format(0, 0, "a", &styles.hint)
            .unwrap();
        for error in [
            sheet.write_string_with_format(1, 0, "b", &equal).map(drop),
            sheet.write_blank(1, 1, &equal).map(drop),
            sheet.merge_range(1, 2, 1, 3, "c", &equal).map(drop),
        ] {
            let error = error.unwrap_err().to_string();
            assert!(
                error.contains("other than the workbook's styles"),
                "{error}"
            );
        }
        sheet.merge_range(1, 2, 1, 3, "c", &styles.hint).unwrap();
        sheet.finish().unwrap();
    }

    #[test]
    fn a_streamed_sheet_refuses_a_row_above_the_one_written_last() {
        let mut workbook = Workbook::new();
        let styles = Styles::new();
        let format = &styles.text;
        let mut sheet = streamed_sheet(&mut workbook, &styles);
        sheet.write_string_with_format(3, 0, "d", format).unwrap();
        sheet.write_string_with_format(3, 1, "e", format).unwrap();
        let error = sheet
            .write_string_with_format(2, 0, "c", format)
            .map(drop)
            .unwrap_err();
        assert!(
            error.to_string().contains("row 3 written after row 4"),
            "{error}"
        );
        assert!(sheet.write_blank(1, 0, format).is_err());
        assert!(sheet.set_row_height(1, 20).is_err());
        assert!(sheet.merge_range(0, 0, 0, 2, "a", format).is_err());
        sheet.finish().unwrap();
    }

    #[test]
    fn a_streamed_sheet_writes_its_last_row_once_with_its_height() {
        let mut workbook = Workbook::new();
        let styles = Styles::new();
        let mut sheet = streamed_sheet(&mut workbook, &styles);
        let writes = [
            Write::Text(0, 0, "a", 0),
            Write::Text(3, 1, "last", 0),
            Write::Height(3, 33.0),
        ];
        write_through(&mut sheet, &writes, &[&styles.text]).unwrap();
        sheet.finish().unwrap();
        let [xml, names] = saved_entries(
            &mut workbook,
            ["xl/worksheets/sheet1.xml", "xl/workbook.xml"],
        );
        assert_eq!(xml.matches(r#"<row r="4""#).count(), 1, "{xml}");
        assert!(
            xml.contains(r#"<row r="4" ht="33" customHeight="1">"#),
            "{xml}"
        );
        assert!(xml.contains("<is><t>last</t></is>"), "{xml}");
        assert!(names.contains("!$A$1:$B$4</definedName>"), "{names}");
    }

    #[test]
    fn streamed_sheets_go_to_memory_only_where_they_fit_at_their_largest() {
        assert!(super::has_room(0, 0));
        assert!(super::has_room(300, 300 * super::STREAMED_SHEET_BYTES));
        assert!(!super::has_room(300, 300 * super::STREAMED_SHEET_BYTES - 1));
        assert!(!super::has_room(usize::MAX, u64::MAX));
        #[cfg(target_os = "linux")]
        if std::path::Path::new("/dev/shm").is_dir() {
            assert!(super::memory_folder(1).is_some());
            assert!(super::memory_folder(usize::MAX).is_none());
        }
    }

    #[test]
    fn a_sheet_writes_what_the_worksheet_writes() {
        let formats = three_formats();
        let (bold, italic, number) = (0, 1, 2);
        // Runs down a column, broken by another format, gaps and a row written out of order;
        // blanks, an empty string, a formula, a merged range, and a cell written twice (the
        // last format wins).
        let mut writes: Vec<Write> = (0..4)
            .flat_map(|row| {
                [
                    Write::Text(row, 0, "a", bold),
                    Write::Number(row, 1, 1200.0, number),
                ]
            })
            .collect();
        writes.extend([
            Write::Text(4, 0, "b", italic),
            Write::Text(6, 0, "c", italic),
            Write::Text(5, 0, "d", italic),
            Write::Blank(4, 1, bold),
            Write::Text(5, 1, "", bold),
            Write::Sum(6, 1, "=B1+B2", number),
            Write::Text(2, 0, "e", italic),
            Write::Merge(8, 0, 2, "merged", bold),
            Write::Text(10, 0, "f", italic),
        ]);
        // Neighbouring columns whose runs end on the same row, one among them broken by
        // another format, a column apart whose run spans the same rows, and two neighbours
        // spanning the same rows in two formats.
        for row in 12..15 {
            for col in [0, 1, 2, 3, 5, 6, 7] {
                let format = match (row, col) {
                    (13, 2) | (_, 7) => bold,
                    _ => number,
                };
                writes.push(Write::Number(row, col, 7.0, format));
            }
        }
        writes.extend((0..4).map(|col| Write::Text(15, col, "g", italic)));
        let expected = sheet_xml(&formats, |sheet| {
            for write in &writes {
                match *write {
                    Write::Text(row, col, text, f) => {
                        sheet.write_string_with_format(row, col, text, &formats[f])
                    }
                    Write::Number(row, col, value, f) => {
                        sheet.write_number_with_format(row, col, value, &formats[f])
                    }
                    Write::Blank(row, col, f) => sheet.write_blank(row, col, &formats[f]),
                    Write::Sum(row, col, formula, f) => {
                        sheet.write_formula_with_format(row, col, formula, &formats[f])
                    }
                    Write::Merge(row, first, last, text, f) => {
                        sheet.merge_range(row, first, row, last, text, &formats[f])
                    }
                    Write::Height(row, height) => sheet.set_row_height(row, height),
                }
                .unwrap();
            }
        });
        let written = sheet_xml(&formats, |worksheet| {
            let mut sheet = Sheet::new(worksheet);
            let formats: Vec<&Format> = formats.iter().collect();
            write_through(&mut sheet, &writes, &formats).unwrap();
            sheet.finish().unwrap();
        });
        assert_eq!(written, expected);
        // The cells have their formats: A3 was written last in italic (the second format).
        assert!(written.contains(r#"<c r="A3" s="2" t="s">"#), "{written}");
        let unformatted = sheet_xml(&formats, |sheet| {
            let mut sheet = Sheet::new(sheet);
            for write in &writes {
                if let Write::Text(row, col, text, _) = *write {
                    sheet.write_string(row, col, text).unwrap();
                }
            }
            sheet.finish().unwrap();
        });
        assert!(unformatted.contains(r#"<c r="A3" t="s">"#), "{unformatted}");
    }
}
