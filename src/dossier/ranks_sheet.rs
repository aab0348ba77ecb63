//! Cơ cấu ngạch: how many people hold each rank today and how many the proposal asks for, with
//! each rank's share.

use rust_xlsxwriter::{Formula, Worksheet};

use super::DossierError;
use super::figures::rank_structure;
use super::print::{self, Styles, cell_ref, result};
use crate::engine::PlanResults;
use crate::model::Plan;

pub const NAME: &str = "Cơ cấu ngạch";

/// How a missing rank code is shown.
pub const NO_RANK: &str = "(chưa xác định ngạch)";

const HEADERS: [(&str, f64); 7] = [
    ("STT", 6.0),
    ("Mã ngạch", 24.0),
    ("Số người hiện có", 12.0),
    ("Tỷ lệ hiện có", 11.0),
    ("Số người theo tính toán", 12.0),
    ("Số người đề nghị", 12.0),
    ("Tỷ lệ đề nghị", 11.0),
];

pub fn write(
    sheet: &mut Worksheet,
    styles: &Styles,
    plan: &Plan,
    results: &PlanResults,
) -> Result<(), DossierError> {
    sheet.set_name(NAME)?;
    sheet.merge_range(
        0,
        0,
        0,
        6,
        "CƠ CẤU NGẠCH CÔNG CHỨC, CHỨC DANH NGHỀ NGHIỆP",
        &styles.title,
    )?;
    sheet.set_row_height(0, 36)?;
    sheet.merge_range(1, 0, 1, 6, &plan.meta.name, &styles.subtitle)?;
    let header_row = 3;
    print::page_setup(sheet, false, Some(header_row), NAME)?;
    for (col, (title, width)) in (0u16..).zip(HEADERS) {
        sheet.set_column_width(col, width)?;
        sheet.write_string_with_format(header_row, col, title, &styles.header)?;
    }
    sheet.set_row_height(header_row, 45)?;

    let ranks = rank_structure(plan, results)?;
    let first = header_row + 1;
    let total_row = first + u32::try_from(ranks.len()).unwrap_or(0);
    let total_current: f64 = ranks.iter().map(|r| r.current).sum();
    let total_required: f64 = ranks.iter().map(|r| r.required as f64).sum();
    let total_proposed: f64 = ranks.iter().map(|r| r.proposed).sum();
    let share = |part: f64, whole: f64| if whole == 0.0 { 0.0 } else { part / whole };
    for (row, (number, rank)) in (first..).zip((1u32..).zip(&ranks)) {
        let code = if rank.rank_code.is_empty() {
            NO_RANK
        } else {
            rank.rank_code.as_str()
        };
        sheet.write_number_with_format(row, 0, number, &styles.text_center)?;
        sheet.write_string_with_format(row, 1, code, &styles.text)?;
        sheet.write_number_with_format(row, 2, rank.current, &styles.general)?;
        sheet.write_number_with_format(row, 4, rank.required as f64, &styles.whole)?;
        sheet.write_number_with_format(row, 5, rank.proposed, &styles.whole)?;
        for (col, of, part, whole) in [
            (3, 2, rank.current, total_current),
            (6, 5, rank.proposed, total_proposed),
        ] {
            let total = format!("${}${}", print::column_letter(of), total_row + 1);
            sheet.write_formula_with_format(
                row,
                col,
                Formula::new(format!("=IF({total}=0,0,{}/{total})", cell_ref(row, of)))
                    .set_result(result(share(part, whole))),
                &styles.percent,
            )?;
        }
    }
    let last = total_row.saturating_sub(1).max(first);
    sheet.write_blank(total_row, 0, &styles.total_label)?;
    sheet.write_string_with_format(total_row, 1, "TỔNG CỘNG", &styles.total_label)?;
    for (col, value) in [(2, total_current), (4, total_required), (5, total_proposed)] {
        let formula = if ranks.is_empty() {
            "=0".to_owned()
        } else {
            format!("=SUM({}:{})", cell_ref(first, col), cell_ref(last, col))
        };
        sheet.write_formula_with_format(
            total_row,
            col,
            Formula::new(formula).set_result(result(value)),
            &styles.total_general,
        )?;
    }
    for col in [3, 6] {
        let whole = if col == 3 {
            total_current
        } else {
            total_proposed
        };
        let formula = if ranks.is_empty() {
            "=0".to_owned()
        } else {
            format!("=SUM({}:{})", cell_ref(first, col), cell_ref(last, col))
        };
        sheet.write_formula_with_format(
            total_row,
            col,
            Formula::new(formula).set_result(result(if whole == 0.0 { 0.0 } else { 1.0 })),
            &styles.total_percent,
        )?;
    }
    Ok(())
}
