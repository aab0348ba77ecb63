//! The "Cộng ‹đơn vị›" rows of a sheet that prints the unit tree: each unit's total is a formula
//! over its own position rows and its sub-units' total rows, so it covers the whole subtree as
//! `vtvl compute` rolls it up.
//!
//! Sheets print the sections of [`super::figures::unit_sections`] in order; before a section
//! opens, every open unit at its depth or deeper is closed (its total row written), and at the
//! end every unit still open is.

use rust_xlsxwriter::RowNum;

use super::print::cell_ref;

/// A unit whose heading and own rows are written and whose total row is not yet.
#[derive(Debug, Clone)]
pub struct OpenUnit {
    /// The unit's place in the sheet's list of sections.
    pub section: usize,
    depth: usize,
    /// First and last rows of the runs of the unit's own position rows.
    own: Vec<(RowNum, RowNum)>,
    /// The total rows of its sub-units.
    children: Vec<RowNum>,
}

impl OpenUnit {
    /// The total of column `col`: the sum of the own rows plus each sub-unit's total.
    pub fn formula(&self, col: u16) -> String {
        let mut terms = Vec::with_capacity(self.children.len() + self.own.len());
        for &(first, last) in &self.own {
            terms.push(if first == last {
                cell_ref(first, col)
            } else {
                format!("SUM({}:{})", cell_ref(first, col), cell_ref(last, col))
            });
        }
        terms.extend(self.children.iter().map(|&row| cell_ref(row, col)));
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
        let mut terms = Vec::with_capacity(self.children.len() + self.own.len());
        for &(first, last) in &self.own {
            terms.push(format!("{}:{}", cell_ref(first, col), cell_ref(last, col)));
        }
        terms.extend(self.children.iter().map(|&row| cell_ref(row, col)));
        terms.join(",")
    }
}

/// The units open along the path from the top to the section being written.
#[derive(Debug, Default)]
pub struct Subtotals {
    open: Vec<OpenUnit>,
}

impl Subtotals {
    /// Opens a unit after its heading and own rows are written (`own`: the first and last row
    /// of each run of them).
    pub fn open(
        &mut self,
        section: usize,
        depth: usize,
        own: impl IntoIterator<Item = (RowNum, RowNum)>,
    ) {
        self.open.push(OpenUnit {
            section,
            depth,
            own: own.into_iter().collect(),
            children: Vec::new(),
        });
    }

    /// The next unit to close before a section at `depth` opens (0 closes all), deepest first.
    /// Its total row must then be written and given to [`Subtotals::closed_at`].
    pub fn close(&mut self, depth: usize) -> Option<OpenUnit> {
        if self.open.last()?.depth >= depth {
            self.open.pop()
        } else {
            None
        }
    }

    /// The total row of the unit just closed, which its parent's total adds.
    pub fn closed_at(&mut self, row: RowNum) {
        if let Some(parent) = self.open.last_mut() {
            parent.children.push(row);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_total_adds_its_own_rows_and_its_sub_units_totals() {
        let mut totals = Subtotals::default();
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
}
