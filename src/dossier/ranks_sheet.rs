//! Cơ cấu ngạch: how many people hold each rank or professional title today and how many the
//! proposal asks for, by name with the code beside, with each one's share of biên chế.
//!
//! Civil servants' ranks (ngạch công chức) and public employees' professional titles (chức
//! danh nghề nghiệp viên chức) are listed apart, each with its sum, then biên chế as a whole;
//! posts on labour contracts are outside biên chế, so they are one line of their own under it
//! and take no share. Figures are the engine's breakdown by rank, split by each position's
//! employment basis (`PositionResult::employment`).

use rust_xlsxwriter::{Formula, RowNum};

use super::DossierError;
use super::form;
use super::print::{self, Styles, cell_ref, result, wrapped_height};
use super::rank_names::{self, RankNames};
use super::sheet::Sheet;
use crate::engine::{EmploymentFigures, PlanResults, breakdown};
use crate::model::{Employment, Plan};

pub const NAME: &str = "Cơ cấu ngạch";

/// The line that holds every labour-contract post.
pub const CONTRACTS: &str = "Hợp đồng lao động (ngoài biên chế)";

const HEADERS: [(&str, f64); 7] = [
    ("STT", 6.0),
    ("", 44.0),
    ("Số người hiện có", 11.0),
    ("Tỷ lệ hiện có", 10.0),
    ("Số người theo tính toán", 11.0),
    ("Số người đề nghị", 11.0),
    ("Tỷ lệ đề nghị", 10.0),
];
const LAST_COL: u16 = 6;
/// Current, required and proposed.
const FIGURES: [u16; 3] = [2, 4, 5];
/// Each share with the column it is a share of.
const SHARES: [(u16, u16); 2] = [(3, 2), (6, 5)];

/// One rank or title of one employment basis.
struct RankLine {
    label: String,
    figures: EmploymentFigures,
}

/// The ranks of one employment basis inside biên chế.
struct Group {
    employment: Employment,
    lines: Vec<RankLine>,
}

fn is_empty(f: &EmploymentFigures) -> bool {
    f.current == 0.0 && f.required == 0 && f.proposed == 0
}

/// The biên chế groups (civil servants, then public employees) and the contract posts' sum.
fn rank_groups(
    plan: &Plan,
    results: &PlanResults,
    names: &RankNames,
) -> Result<(Vec<Group>, EmploymentFigures), DossierError> {
    let whole = breakdown(plan, results, None)?;
    let groups = [Employment::CivilServant, Employment::PublicEmployee]
        .into_iter()
        .map(|employment| Group {
            employment,
            lines: whole
                .ranks
                .iter()
                .map(|row| RankLine {
                    label: names.label(&row.rank_code, employment),
                    figures: row.figures.by_employment.get(employment),
                })
                .filter(|line| !is_empty(&line.figures))
                .collect(),
        })
        .filter(|group| !group.lines.is_empty())
        .collect();
    let mut contracts = EmploymentFigures::default();
    for row in &whole.ranks {
        contracts += row.figures.by_employment.get(Employment::Contract);
    }
    Ok((groups, contracts))
}

fn group_title(employment: Employment) -> &'static str {
    match employment {
        Employment::CivilServant => "NGẠCH CÔNG CHỨC",
        Employment::PublicEmployee => "CHỨC DANH NGHỀ NGHIỆP VIÊN CHỨC",
        Employment::Contract => "HỢP ĐỒNG LAO ĐỘNG",
    }
}

pub fn write<'s>(
    sheet: &mut Sheet<'_, 's>,
    styles: &'s Styles,
    plan: &Plan,
    results: &PlanResults,
) -> Result<(), DossierError> {
    sheet.set_name(NAME)?;
    let names = RankNames::embedded()?;
    let (groups, contracts) = rank_groups(plan, results, &names)?;
    let heading = rank_names::column_heading(groups.iter().map(|g| g.employment));
    let title = match groups.as_slice() {
        [only] if only.employment == Employment::PublicEmployee => {
            "CƠ CẤU CHỨC DANH NGHỀ NGHIỆP VIÊN CHỨC"
        }
        [only] if only.employment == Employment::CivilServant => "CƠ CẤU NGẠCH CÔNG CHỨC",
        _ => "CƠ CẤU NGẠCH CÔNG CHỨC, CHỨC DANH NGHỀ NGHIỆP VIÊN CHỨC",
    };
    let layout = form::Layout {
        split: 1,
        last: LAST_COL,
        width: HEADERS.iter().map(|(_, w)| w).sum(),
    };
    let header_row = form::head(sheet, styles, plan, layout, 4, title)?;
    let widths = HEADERS.map(|(_, width)| width);
    print::page_setup(sheet, false, Some(header_row), Some(NAME), &widths)?;
    for (col, (title, _)) in (0u16..).zip(HEADERS) {
        let title = if col == 1 { heading } else { title };
        sheet.write_string_with_format(header_row, col, title, &styles.header)?;
    }
    sheet.set_row_height(header_row, 45)?;

    let mut writer = Writer {
        sheet,
        styles,
        row: header_row + 1,
    };
    // Shares are of biên chế: its row is known once the groups are laid out, so share
    // formulas are written after it.
    let mut share_rows: Vec<(RowNum, EmploymentFigures)> = Vec::new();
    let mut line_rows: Vec<RowNum> = Vec::new();
    // Each group's sum is its own row only when there are two groups to tell apart.
    let with_subtotals = groups.len() > 1;
    let mut subtotal_rows: Vec<RowNum> = Vec::new();
    let mut establishment = EmploymentFigures::default();
    let letters = ["A", "B", "C"];
    for (letter, group) in letters.into_iter().zip(&groups) {
        writer.group_row(letter, group_title(group.employment))?;
        let first = writer.row;
        let mut sum = EmploymentFigures::default();
        for (number, line) in (1u32..).zip(&group.lines) {
            writer.line(&number.to_string(), &line.label, &line.figures, false)?;
            share_rows.push((writer.row, line.figures));
            line_rows.push(writer.row);
            sum += line.figures;
            writer.row += 1;
        }
        establishment += sum;
        if with_subtotals {
            let last = writer.row - 1;
            let label = format!("Cộng {}", group_title(group.employment).to_lowercase());
            writer.sum_row(&label, &sum, |col| {
                format!("=SUM({}:{})", cell_ref(first, col), cell_ref(last, col))
            })?;
            share_rows.push((writer.row, sum));
            subtotal_rows.push(writer.row);
            writer.row += 1;
        }
    }
    // Biên chế sums the groups' subtotals, or the lines of the only group.
    let establishment_formula = |col: u16| match (line_rows.first(), line_rows.last()) {
        (Some(first), Some(last)) if !with_subtotals => {
            format!("=SUM({}:{})", cell_ref(*first, col), cell_ref(*last, col))
        }
        _ => sum_of(&subtotal_rows, col),
    };
    // With everyone in biên chế, its sum is the grand total.
    let establishment_row = writer.row;
    let label = if is_empty(&contracts) {
        "TỔNG CỘNG"
    } else {
        "CỘNG TRONG BIÊN CHẾ"
    };
    writer.sum_row(label, &establishment, establishment_formula)?;
    share_rows.push((writer.row, establishment));
    if !is_empty(&contracts) {
        writer.row += 1;
        let letter = letters.get(groups.len()).copied().unwrap_or("C");
        writer.line(letter, CONTRACTS, &contracts, true)?;
        let contract_row = writer.row;
        writer.row += 1;
        let mut total = establishment;
        total += contracts;
        writer.sum_row("TỔNG CỘNG", &total, |col| {
            sum_of(&[establishment_row, contract_row], col)
        })?;
    }

    for (row, figures) in share_rows {
        let parts = [figures.current, figures.proposed as f64];
        let wholes = [establishment.current, establishment.proposed as f64];
        for (((col, of), part), whole) in SHARES.into_iter().zip(parts).zip(wholes) {
            let total = format!("${}${}", print::column_letter(of), establishment_row + 1);
            let share = if whole == 0.0 { 0.0 } else { part / whole };
            let format = if !line_rows.contains(&row) {
                &styles.total_percent
            } else {
                &styles.percent
            };
            writer.sheet.write_formula_with_format(
                row,
                col,
                Formula::new(format!("=IF({total}=0,0,{}/{total})", cell_ref(row, of)))
                    .set_result(result(share)),
                format,
            )?;
        }
    }
    let end = writer.row + 1;
    form::foot(writer.sheet, styles, plan, layout, end)?;
    Ok(())
}

/// `=A5+A9`, or `=0` with no terms.
fn sum_of(rows: &[RowNum], col: u16) -> String {
    if rows.is_empty() {
        return "=0".to_owned();
    }
    let terms: Vec<String> = rows.iter().map(|&r| cell_ref(r, col)).collect();
    format!("={}", terms.join("+"))
}

struct Writer<'a, 'w, 's> {
    sheet: &'a mut Sheet<'w, 's>,
    styles: &'s Styles,
    row: RowNum,
}

impl Writer<'_, '_, '_> {
    fn group_row(&mut self, letter: &str, title: &str) -> Result<(), DossierError> {
        let styles = self.styles;
        self.sheet
            .write_string_with_format(self.row, 0, letter, &styles.group_center)?;
        self.sheet
            .merge_range(self.row, 1, self.row, LAST_COL, title, &styles.group)?;
        self.row += 1;
        Ok(())
    }

    /// A rank line; `outside` lines (contracts) take no share of biên chế.
    fn line(
        &mut self,
        number: &str,
        label: &str,
        figures: &EmploymentFigures,
        outside: bool,
    ) -> Result<(), DossierError> {
        let styles = self.styles;
        let (number_format, label_format) = if outside {
            (&styles.group_center, &styles.total_label)
        } else {
            (&styles.text_center, &styles.text)
        };
        self.sheet
            .write_string_with_format(self.row, 0, number, number_format)?;
        self.sheet
            .write_string_with_format(self.row, 1, label, label_format)?;
        self.sheet
            .set_row_height(self.row, wrapped_height(label, HEADERS[1].1))?;
        let values = [
            figures.current,
            figures.required as f64,
            figures.proposed as f64,
        ];
        for (col, value) in FIGURES.into_iter().zip(values) {
            let format = match (outside, col) {
                (true, _) => &styles.total_general,
                (false, 2) => &styles.general,
                (false, _) => &styles.whole,
            };
            self.sheet
                .write_number_with_format(self.row, col, value, format)?;
        }
        if outside {
            for (col, _) in SHARES {
                self.sheet
                    .write_blank(self.row, col, &styles.total_general)?;
            }
        }
        Ok(())
    }

    /// A sum row whose figures are `formula(col)`, cached with `figures`.
    fn sum_row(
        &mut self,
        label: &str,
        figures: &EmploymentFigures,
        formula: impl Fn(u16) -> String,
    ) -> Result<(), DossierError> {
        let styles = self.styles;
        self.sheet.write_blank(self.row, 0, &styles.total_label)?;
        self.sheet
            .write_string_with_format(self.row, 1, label, &styles.total_label)?;
        let values = [
            figures.current,
            figures.required as f64,
            figures.proposed as f64,
        ];
        for (col, value) in FIGURES.into_iter().zip(values) {
            self.sheet.write_formula_with_format(
                self.row,
                col,
                Formula::new(formula(col)).set_result(result(value)),
                &styles.total_general,
            )?;
        }
        // Shares, where the row has them, are written over these once biên chế is known.
        for (col, _) in SHARES {
            self.sheet
                .write_blank(self.row, col, &styles.total_general)?;
        }
        Ok(())
    }
}
