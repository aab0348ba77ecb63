//! The "Cộng ‹đơn vị›" rows of a sheet that prints the unit tree: each unit's total is a formula
//! over its own position rows and its sub-units' total rows, so it covers the whole subtree as
//! `vtvl compute` rolls it up.
//!
//! Sheets print the sections of [`super::figures::unit_sections`] in order; before a section
//! opens, every open unit at its depth or deeper is closed (its total row written), and at the
//! end every unit still open is. A table continued on further sheets ([`super::continued`])
//! names the sheet of each row its total adds when that row sits on another sheet.

use rust_xlsxwriter::RowNum;

use super::continued::sheet_prefix;
use super::print::cell_ref;

/// Rows `first..=last` of the sheet at `sheet` in the table's list of sheets.
#[derive(Debug, Clone, Copy)]
struct Rows {
    sheet: usize,
    first: RowNum,
    last: RowNum,
}

/// A unit whose heading and own rows are written and whose total row is not yet.
#[derive(Debug, Clone)]
pub struct OpenUnit {
    /// The unit's place in the sheet's list of sections.
    pub section: usize,
    depth: usize,
    /// The runs of the unit's own position rows.
    own: Vec<Rows>,
    /// The total rows of its sub-units.
    children: Vec<Rows>,
    /// What a reference starts with, by sheet, seen from the sheet the total is written on
    /// (empty for that sheet); set when the unit is closed with rows on other sheets, and
    /// empty (no sheet names) otherwise.
    prefixes: Vec<String>,
}

impl OpenUnit {
    fn reference(&self, rows: Rows, col: u16) -> String {
        let prefix = self.prefixes.get(rows.sheet).map_or("", String::as_str);
        if rows.first == rows.last {
            format!("{prefix}{}", cell_ref(rows.first, col))
        } else {
            format!(
                "{prefix}{}:{}",
                cell_ref(rows.first, col),
                cell_ref(rows.last, col)
            )
        }
    }

    /// The total of column `col`: the sum of the own rows plus each sub-unit's total.
    pub fn formula(&self, col: u16) -> String {
        let mut terms = Vec::with_capacity(self.children.len() + self.own.len());
        for &rows in &self.own {
            let reference = self.reference(rows, col);
            terms.push(if rows.first == rows.last {
                reference
            } else {
                format!("SUM({reference})")
            });
        }
        terms.extend(self.children.iter().map(|&rows| self.reference(rows, col)));
        if terms.is_empty() {
            "=0".to_owned()
        } else {
            format!("={}", terms.join("+"))
        }
    }

    /// The cells column `col`'s total adds, as arguments of SUM or COUNT: the own rows' range
    /// and each sub-unit's total (`E5:E7,E12`); a column that may hold empty texts is summed
    /// this way, as SUM skips texts where `+` fails.
    pub fn arguments(&self, col: u16) -> String {
        (self.own.iter().chain(&self.children))
            .map(|&rows| self.reference(rows, col))
            .collect::<Vec<_>>()
            .join(",")
    }
}

/// The units open along the path from the top to the section being written.
#[derive(Debug)]
pub struct Subtotals {
    open: Vec<OpenUnit>,
    /// The names of the table's sheets so far; rows are written on the last.
    sheets: Vec<String>,
}

impl Subtotals {
    /// The totals of a table that starts on the sheet named `sheet`.
    pub fn new(sheet: &str) -> Self {
        Subtotals {
            open: Vec::new(),
            sheets: vec![sheet.to_owned()],
        }
    }

    /// The table continues on the sheet named `sheet`.
    pub fn continue_on(&mut self, sheet: &str) {
        self.sheets.push(sheet.to_owned());
    }

    fn here(&self) -> usize {
        self.sheets.len() - 1
    }

    /// Opens a unit after its heading and own rows are written (`own`: the first and last row
    /// of each run of them).
    pub fn open(
        &mut self,
        section: usize,
        depth: usize,
        own: impl IntoIterator<Item = (RowNum, RowNum)>,
    ) {
        let sheet = self.here();
        self.open.push(OpenUnit {
            section,
            depth,
            own: own
                .into_iter()
                .map(|(first, last)| Rows { sheet, first, last })
                .collect(),
            children: Vec::new(),
            prefixes: Vec::new(),
        });
    }

    /// The next unit to close before a section at `depth` opens (0 closes all), deepest first.
    /// Its total row must then be written on the current sheet and given to
    /// [`Subtotals::closed_at`].
    pub fn close(&mut self, depth: usize) -> Option<OpenUnit> {
        if self.open.last()?.depth < depth {
            return None;
        }
        let mut unit = self.open.pop()?;
        let here = self.here();
        // Most units lie on one sheet: their references need no sheet names.
        let on_one_sheet = (unit.own.iter().chain(&unit.children)).all(|rows| rows.sheet == here);
        if on_one_sheet {
            return Some(unit);
        }
        unit.prefixes = (self.sheets.iter().enumerate())
            .map(|(index, name)| {
                if index == here {
                    String::new()
                } else {
                    sheet_prefix(name)
                }
            })
            .collect();
        Some(unit)
    }

    /// The total row of the unit just closed, which its parent's total adds.
    pub fn closed_at(&mut self, row: RowNum) {
        let sheet = self.here();
        if let Some(parent) = self.open.last_mut() {
            parent.children.push(Rows {
                sheet,
                first: row,
                last: row,
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_total_adds_its_own_rows_and_its_sub_units_totals() {
        let mut totals = Subtotals::new("Tổng hợp");
        totals.open(0, 0, Some((4, 6)));
        totals.open(1, 1, None);
        totals.open(2, 2, [(9, 9), (12, 13)]);
        // A sibling of section 1 closes 2 then 1.
        let two = totals.close(1).unwrap();
        assert_eq!(two.section, 2);
        assert_eq!(two.formula(4), "=E10+SUM(E13:E14)");
        totals.closed_at(10);
        let one = totals.close(1).unwrap();
        assert_eq!(one.formula(4), "=E11");
        totals.closed_at(11);
        assert!(totals.close(1).is_none());
        let zero = totals.close(0).unwrap();
        assert_eq!(zero.formula(4), "=SUM(E5:E7)+E12");
        assert_eq!(zero.arguments(4), "E5:E7,E12");
        assert!(totals.close(0).is_none());
    }

    #[test]
    fn a_total_names_the_sheets_of_rows_written_before_the_table_continued() {
        let mut totals = Subtotals::new("Thống kê");
        totals.open(0, 0, Some((4, 6)));
        totals.open(1, 1, Some((8, 9)));
        let one = totals.close(1).unwrap();
        assert_eq!(one.formula(8), "=SUM(I9:I10)");
        totals.closed_at(10);
        totals.continue_on("Thống kê (2)");
        totals.open(2, 1, Some((1, 1)));
        let two = totals.close(1).unwrap();
        assert_eq!(two.formula(8), "=I2");
        totals.closed_at(2);
        let zero = totals.close(0).unwrap();
        assert_eq!(zero.formula(8), "=SUM('Thống kê'!I5:I7)+'Thống kê'!I11+I3");
        assert_eq!(zero.arguments(8), "'Thống kê'!I5:I7,'Thống kê'!I11,I3");
    }
}
