//! The worksheet the dossier's tables are written into: values go in at once, formats are
//! applied a run of cells at a time.
//!
//! rust_xlsxwriter finds a cell's format by hashing and comparing every field of the
//! [`Format`], for each cell written with one: on a province's 1.6 million cells that was over a
//! third of the time it took to fill the sheets. Cells one under another in a column usually
//! share their format (a table's column), so this sheet keeps, per column, the run of rows
//! written with the same format (the same [`Format`] value, by address) and applies it with one
//! lookup when the run ends. What it writes is what the same calls on the [`Worksheet`] write.
//!
//! Everything else (merged ranges, row heights, page setup) is the [`Worksheet`]'s own, reached
//! through `Deref`: such writes take effect at once, so they must not touch a cell this sheet
//! still holds a format for (nothing in the dossier writes a cell twice).

use std::ops::{Deref, DerefMut};

use rust_xlsxwriter::{
    ColNum, ExcelDateTime, Format, Formula, IntoExcelData, RowNum, Worksheet, XlsxError,
};

/// Rows `first..=last` of a column written with `format`.
struct Run<'f> {
    first: RowNum,
    last: RowNum,
    format: &'f Format,
}

/// A worksheet whose cells' formats (borrowed for `'f`) are applied by runs; see the module.
pub struct Sheet<'w, 'f> {
    sheet: &'w mut Worksheet,
    /// The open run of each column, by column index.
    runs: Vec<Option<Run<'f>>>,
}

impl<'w, 'f> Sheet<'w, 'f> {
    pub fn new(sheet: &'w mut Worksheet) -> Self {
        Sheet {
            sheet,
            runs: Vec::new(),
        }
    }

    /// Applies the formats still held. Until then the cells written last may be unformatted.
    pub fn finish(mut self) -> Result<(), XlsxError> {
        for col in (0..=ColNum::MAX).take(self.runs.len()) {
            self.close(col)?;
        }
        Ok(())
    }

    pub fn write_string_with_format(
        &mut self,
        row: RowNum,
        col: ColNum,
        text: impl Into<String>,
        format: &'f Format,
    ) -> Result<&mut Self, XlsxError> {
        self.write_with_format(row, col, text.into(), format)
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
        self.sheet.write(row, col, data)?;
        self.format(row, col, format)
    }

    /// A cell with a format and no value (a box in a table).
    pub fn write_blank(
        &mut self,
        row: RowNum,
        col: ColNum,
        format: &'f Format,
    ) -> Result<&mut Self, XlsxError> {
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

    /// Applies the open run of column `col`, if any.
    fn close(&mut self, col: ColNum) -> Result<(), XlsxError> {
        if let Some(run) = self.runs.get_mut(usize::from(col)).and_then(Option::take) {
            self.sheet
                .set_range_format(run.first, col, run.last, col, run.format)?;
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
mod tests {
    use std::io::Read;

    use rust_xlsxwriter::{Format, Formula, RowNum, Workbook, Worksheet};

    use super::Sheet;

    /// One write, made the same way on a [`Worksheet`] and on a [`Sheet`].
    enum Write {
        Text(RowNum, u16, &'static str, usize),
        Number(RowNum, u16, f64, usize),
        Blank(RowNum, u16, usize),
        Sum(RowNum, u16, &'static str, usize),
        Merge(RowNum, u16, u16, &'static str, usize),
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
        let bytes = workbook.save_to_buffer().unwrap();
        let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
        let mut xml = String::new();
        archive
            .by_name("xl/worksheets/sheet1.xml")
            .unwrap()
            .read_to_string(&mut xml)
            .unwrap();
        xml
    }

    #[test]
    fn a_sheet_writes_what_the_worksheet_writes() {
        let formats = [
            Format::new().set_bold(),
            Format::new().set_italic(),
            Format::new().set_num_format("#,##0"),
        ];
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
                }
                .unwrap();
            }
        });
        let written = sheet_xml(&formats, |worksheet| {
            let mut sheet = Sheet::new(worksheet);
            for write in &writes {
                match *write {
                    Write::Text(row, col, text, f) => sheet
                        .write_string_with_format(row, col, text, &formats[f])
                        .map(drop),
                    Write::Number(row, col, value, f) => sheet
                        .write_number_with_format(row, col, value, &formats[f])
                        .map(drop),
                    Write::Blank(row, col, f) => sheet.write_blank(row, col, &formats[f]).map(drop),
                    Write::Sum(row, col, formula, f) => sheet
                        .write_formula_with_format(row, col, Formula::new(formula), &formats[f])
                        .map(drop),
                    Write::Merge(row, first, last, text, f) => sheet
                        .merge_range(row, first, row, last, text, &formats[f])
                        .map(drop),
                }
                .unwrap();
            }
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
