//! Danh mục VTVL: positions grouped by the four categories, numbered, with the rank or
//! professional title by name and headcount.

use rust_xlsxwriter::Formula;

use super::DossierError;
use super::figures::{proposed_count, unit_figures};
use super::form;
use super::print::{self, Styles, cell_ref, result, wrapped_height};
use super::rank_names::{self, RankNames};
use super::sheet::Sheet;
use crate::engine::PlanResults;
use crate::format::roman;
use crate::model::{Category, Plan};

pub const NAME: &str = "Danh mục VTVL";
pub const TITLE: &str = "DANH MỤC VỊ TRÍ VIỆC LÀM";

/// The rank column's header is set by the plan's employment bases (see `rank_names`).
const HEADERS: [(&str, f64); 7] = [
    ("STT", 6.0),
    ("Tên vị trí việc làm", 36.0),
    ("Đơn vị", 28.0),
    ("", 26.0),
    ("Số người hiện có", 10.0),
    ("Số người theo tính toán", 11.0),
    ("Số người đề nghị", 10.0),
];
const FIGURES: [u16; 3] = [4, 5, 6];
const RANK_COL: u16 = 3;

pub fn write<'s>(
    sheet: &mut Sheet<'_, 's>,
    styles: &'s Styles,
    plan: &Plan,
    results: &PlanResults,
) -> Result<(), DossierError> {
    sheet.set_name(NAME)?;
    let last_col = 6;
    let layout = form::Layout {
        split: 2,
        last: last_col,
        width: HEADERS.iter().map(|(_, w)| w).sum(),
    };
    let header_row = form::head(sheet, styles, plan, layout, 2, TITLE)?;
    let widths = HEADERS.map(|(_, width)| width);
    print::page_setup(sheet, false, Some(header_row), Some(NAME), &widths)?;
    sheet.lines_by_default();
    let rank_heading = rank_names::column_heading(results.positions.iter().map(|p| p.employment));
    for (col, (title, _)) in (0u16..).zip(HEADERS) {
        let title = if col == RANK_COL { rank_heading } else { title };
        sheet.write_string_with_format(header_row, col, title, &styles.header)?;
    }
    let names = RankNames::embedded()?;
    sheet.set_row_height(header_row, 45)?;

    // Tree order within each category, as in the summary.
    let units = unit_figures(plan, results)?;
    let mut row = header_row + 1;
    let mut subtotal_rows = Vec::new();
    let mut totals = [0.0f64; 3];
    for (index, category) in Category::ALL.into_iter().enumerate() {
        let members: Vec<_> = units
            .iter()
            .flat_map(|u| u.positions.iter().map(move |pair| (u.unit, pair)))
            .filter(|(_, (p, _))| p.category == category)
            .collect();
        sheet.write_string_with_format(row, 0, roman(index + 1), &styles.group_center)?;
        sheet.merge_range(
            row,
            1,
            row,
            last_col,
            &format!("{} ({} vị trí)", category.label_vi(), members.len()),
            &styles.group,
        )?;
        row += 1;
        let first = row;
        let mut sums = [0.0f64; 3];
        for (number, (unit, (position, figures))) in (1u32..).zip(&members) {
            let values = [
                figures.current,
                figures.required as f64,
                proposed_count(position, figures),
            ];
            sheet.write_number_with_format(row, 0, number, &styles.text_center)?;
            sheet.write_string_with_format(row, 1, &position.name, &styles.text)?;
            sheet.write_string_with_format(row, 2, &unit.name, &styles.text)?;
            let rank = names.label(&position.rank_code, figures.employment);
            sheet.write_string_with_format(row, RANK_COL, &rank, &styles.text)?;
            let height = [
                (position.name.as_str(), HEADERS[1].1),
                (unit.name.as_str(), HEADERS[2].1),
                (rank.as_str(), HEADERS[3].1),
            ]
            .into_iter()
            .map(|(text, width)| wrapped_height(text, width))
            .fold(0.0, f64::max);
            sheet.set_row_height(row, height)?;
            for ((col, value), sum) in FIGURES.into_iter().zip(values).zip(&mut sums) {
                let format = if col == 4 {
                    &styles.general
                } else {
                    &styles.whole
                };
                sheet.write_number_with_format(row, col, value, format)?;
                *sum += value;
            }
            row += 1;
        }
        sheet.write_blank(row, 0, &styles.total_label)?;
        sheet.write_string_with_format(row, 1, "Cộng", &styles.total_label)?;
        sheet.write_blank(row, 2, &styles.total_label)?;
        sheet.write_blank(row, 3, &styles.total_label)?;
        for ((col, sum), total) in FIGURES.into_iter().zip(sums).zip(&mut totals) {
            let formula = if members.is_empty() {
                "=0".to_owned()
            } else {
                format!("=SUM({}:{})", cell_ref(first, col), cell_ref(row - 1, col))
            };
            sheet.write_formula_with_format(
                row,
                col,
                Formula::new(formula).set_result(result(sum)),
                &styles.total_general,
            )?;
            *total += sum;
        }
        subtotal_rows.push(row);
        row += 1;
    }
    sheet.write_blank(row, 0, &styles.total_label)?;
    sheet.write_string_with_format(row, 1, "TỔNG CỘNG", &styles.total_label)?;
    sheet.write_blank(row, 2, &styles.total_label)?;
    sheet.write_blank(row, 3, &styles.total_label)?;
    for (col, total) in FIGURES.into_iter().zip(totals) {
        let terms: Vec<String> = subtotal_rows.iter().map(|&r| cell_ref(r, col)).collect();
        sheet.write_formula_with_format(
            row,
            col,
            Formula::new(format!("={}", terms.join("+"))).set_result(result(total)),
            &styles.total_general,
        )?;
    }
    form::foot(sheet, styles, plan, layout, row + 1)?;
    Ok(())
}
