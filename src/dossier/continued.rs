//! Tables that grow with the plan, continued on further sheets of bounded length.
//!
//! LibreOffice (7.4, the version measured) keeps the page layout of the first sheet it prints
//! only; for every page of any other sheet it lays that whole sheet out again. A sheet thus
//! costs its pages times its rows to print, which made a province's workload sheet (67,000 rows,
//! 1,839 pages) take most of the conversion's 12 minutes. The workload, the findings, the
//! appraisal and the job descriptions therefore continue on sheets of about
//! [`ROWS_PER_SHEET`] rows, named "‹name› (2)", "‹name› (3)"..., which keeps the printing time
//! linear in the plan. Each sheet costs time to load, and much shorter sheets were measured to
//! cost more than they save (see [`super::job_descriptions_sheet::PER_SHEET`]).

use std::ops::Range;

/// Rows of a continued table per sheet (an item longer than this has a sheet of its own).
pub const ROWS_PER_SHEET: usize = 1_000;

/// The name of the `index`th sheet (0-based) of a table named `name`: the first is `name`, the
/// following ones "‹name› (2)", "‹name› (3)"...
pub fn sheet_name(name: &str, index: usize) -> String {
    if index == 0 {
        name.to_owned()
    } else {
        format!("{name} ({})", index + 1)
    }
}

/// The page footer of sheet `name` of a table that fills `sheets` sheets: the sheet's name
/// (printed with the page number), or none when the table continues over several sheets.
/// LibreOffice lays a footer out anew for every page it prints; over the thousands of pages of
/// a table that long (a province's workload, findings and appraisal) that cost about 7 s of a
/// conversion of under two minutes, while each page already shows the table's repeated header
/// row and its numbered lines.
pub fn footer(name: &str, sheets: usize) -> Option<&str> {
    (sheets <= 1).then_some(name)
}

/// The table a sheet belongs to: its name without the " (2)" of a continuation sheet.
pub fn table_of(sheet: &str) -> &str {
    sheet
        .strip_suffix(')')
        .and_then(|rest| rest.rsplit_once(" ("))
        .filter(|(_, number)| !number.is_empty() && number.bytes().all(|b| b.is_ascii_digit()))
        .map_or(sheet, |(table, _)| table)
}

/// Items, each taking the rows given, split into consecutive runs of at most
/// [`ROWS_PER_SHEET`] rows, an item never split; at least one run (empty when there are no
/// items).
pub fn runs(rows: impl IntoIterator<Item = usize>) -> Vec<Range<usize>> {
    let mut runs = Vec::new();
    let (mut start, mut filled) = (0, 0);
    let mut count = 0;
    for (index, rows) in rows.into_iter().enumerate() {
        if filled > 0 && filled + rows > ROWS_PER_SHEET {
            runs.push(start..index);
            (start, filled) = (index, 0);
        }
        filled += rows;
        count = index + 1;
    }
    runs.push(start..count);
    runs
}

/// The sheets of a table written section by section, each sheet taking the sections of its run
/// (from [`runs`]): tells the writer when a section starts the next sheet.
pub struct Sheets<'a, S> {
    rest: std::iter::Enumerate<std::slice::IterMut<'a, S>>,
    runs: &'a [Range<usize>],
    /// The index of the first section past the current sheet.
    end: usize,
}

impl<'a, S> Sheets<'a, S> {
    /// The first of `sheets` (as many as `runs`), and the walk over the others; `None` when
    /// there is no sheet.
    pub fn start(sheets: &'a mut [S], runs: &'a [Range<usize>]) -> Option<(&'a mut S, Self)> {
        let mut rest = sheets.iter_mut().enumerate();
        let (_, first) = rest.next()?;
        let end = runs.first().map_or(usize::MAX, |run| run.end);
        Some((first, Sheets { rest, runs, end }))
    }

    /// The next sheet and its index when section `index` starts it; `None` while the current
    /// sheet holds the section (or no sheet is left).
    pub fn turn(&mut self, index: usize) -> Option<(usize, &'a mut S)> {
        if index < self.end {
            return None;
        }
        let (part, sheet) = self.rest.next()?;
        self.end = self.runs.get(part).map_or(usize::MAX, |run| run.end);
        Some((part, sheet))
    }
}

/// `'Thống kê công việc (2)'!`: what a reference to a cell of sheet `name` starts with when
/// it is written on another sheet.
pub fn sheet_prefix(name: &str) -> String {
    format!("'{}'!", name.replace('\'', "''"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn items_are_grouped_up_to_the_rows_of_a_sheet_and_never_split() {
        assert_eq!(runs([]), vec![0..0]);
        assert_eq!(runs([10, 20]), vec![0..2]);
        assert_eq!(runs([600, 400, 1]), vec![0..2, 2..3]);
        assert_eq!(runs([600, 401, 1]), vec![0..1, 1..3]);
        // An item longer than a sheet has one of its own.
        assert_eq!(runs([5, 2_500, 5]), vec![0..1, 1..2, 2..3]);
        assert_eq!(sheet_name("Kết quả kiểm tra", 0), "Kết quả kiểm tra");
        assert_eq!(sheet_name("Kết quả kiểm tra", 2), "Kết quả kiểm tra (3)");
        assert_eq!(table_of("Kết quả kiểm tra (3)"), "Kết quả kiểm tra");
        assert_eq!(table_of("Kết quả kiểm tra"), "Kết quả kiểm tra");
        assert_eq!(table_of("Dự báo (5 năm)"), "Dự báo (5 năm)");
        assert_eq!(sheet_prefix("Đơn vị's"), "'Đơn vị''s'!");
        assert_eq!(footer("Thẩm định", 1), Some("Thẩm định"));
        assert_eq!(footer("Thẩm định (2)", 3), None);
    }

    #[test]
    fn a_section_past_its_sheets_run_turns_to_the_next_sheet() {
        let mut sheets = ['a', 'b', 'c'];
        let runs = [0..2, 2..3, 3..5];
        let (first, mut walk) = Sheets::start(&mut sheets, &runs).unwrap();
        assert_eq!(*first, 'a');
        assert_eq!(walk.turn(0), None);
        assert_eq!(walk.turn(1), None);
        assert_eq!(walk.turn(2), Some((1, &mut 'b')));
        assert_eq!(walk.turn(3), Some((2, &mut 'c')));
        assert_eq!(walk.turn(4), None);
        // Past the last sheet the last one goes on.
        assert_eq!(walk.turn(5), None);
        assert!(Sheets::<char>::start(&mut [], &[]).is_none());
    }
}
