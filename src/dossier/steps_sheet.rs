//! Cơ cấu bậc: for each position of public employees (viên chức, ND 232/2026), the career
//! steps (bậc 1-5) it uses, how many people at each, and each step's share of the position's
//! allocation (its proposed count). Positions without steps say so.

use rust_xlsxwriter::{Formula, RowNum};

use super::DossierError;
use super::figures::unit_figures;
use super::form;
use super::print::{self, Styles, cell_ref, result, wrapped_height};
use super::rank_names::{RankNames, term};
use super::sheet::Sheet;
use crate::engine::PlanResults;
use crate::model::{Employment, Plan, people_by_step};

pub const NAME: &str = "Cơ cấu bậc";
pub const TITLE: &str = "CƠ CẤU VIÊN CHỨC THEO BẬC CỦA VỊ TRÍ VIỆC LÀM";
/// The note of a position whose steps are not given.
pub const NO_STEPS: &str = "Chưa xác định cơ cấu bậc";
/// The sheet's only line when the plan has no public employees.
pub const NO_PUBLIC_EMPLOYEES: &str = "Đề án không có vị trí việc làm viên chức: cơ cấu bậc chỉ áp dụng cho vị trí việc làm trong đơn vị sự nghiệp công lập (Nghị định 232/2026/NĐ-CP).";

/// Steps from the highest, as the caps read them.
const STEPS: [u8; 5] = [5, 4, 3, 2, 1];
const ALLOCATION_COL: u16 = 3;
const FIRST_STEP_COL: u16 = 4;
const STEPS_TOTAL_COL: u16 = FIRST_STEP_COL + 2 * STEPS.len() as u16;
const NOTE_COL: u16 = STEPS_TOTAL_COL + 1;
const POSITION_WIDTH: f64 = 30.0;
const TITLE_WIDTH: f64 = 26.0;
const NOTE_WIDTH: f64 = 22.0;

/// The column of a step's people; its share is the next one.
fn step_col(index: usize) -> u16 {
    FIRST_STEP_COL + 2 * u16::try_from(index).unwrap_or(0)
}

pub fn write<'s>(
    sheet: &mut Sheet<'_, 's>,
    styles: &'s Styles,
    plan: &Plan,
    results: &PlanResults,
) -> Result<(), DossierError> {
    sheet.set_name(NAME)?;
    let layout = form::Layout {
        split: 2,
        last: NOTE_COL,
        width: POSITION_WIDTH + TITLE_WIDTH + NOTE_WIDTH + 6.0 + 8.0 * 12.0,
    };
    let header_row: RowNum = form::head(sheet, styles, plan, layout, 5, TITLE)?;
    print::page_setup(sheet, true, None, Some(NAME), &column_widths())?;
    sheet.lines_by_default();
    sheet.set_repeat_rows(header_row, header_row + 1)?;
    sheet.set_freeze_panes(header_row + 2, 0)?;
    write_headers(sheet, styles, header_row)?;

    let names = RankNames::embedded()?;
    let units = unit_figures(plan, results)?;
    let groups: Vec<_> = units
        .iter()
        .map(|unit| {
            let members: Vec<_> = unit
                .positions
                .iter()
                .filter(|(_, r)| r.employment == Employment::PublicEmployee)
                .collect();
            (unit.unit, members)
        })
        .filter(|(_, members)| !members.is_empty())
        .collect();
    let mut row = header_row + 2;
    if groups.is_empty() {
        sheet.merge_range(
            row,
            0,
            row,
            NOTE_COL,
            NO_PUBLIC_EMPLOYEES,
            &styles.empty_note,
        )?;
        sheet.set_row_height(row, 30)?;
        form::foot(sheet, styles, plan, layout, row + 1)?;
        return Ok(());
    }
    let first = row;
    let mut totals = Totals::default();
    let mut number = 0u32;
    for (unit, members) in groups {
        sheet.write_blank(row, 0, &styles.group_center)?;
        sheet.merge_range(row, 1, row, NOTE_COL, &unit.name, &styles.group)?;
        row += 1;
        for (position, figures) in members {
            number += 1;
            let by_step = people_by_step(&position.steps);
            let allocation = figures.proposed;
            let title = names.label(&position.rank_code, figures.employment);
            sheet.write_number_with_format(row, 0, number, &styles.text_center)?;
            sheet.write_string_with_format(row, 1, &position.name, &styles.text)?;
            sheet.write_string_with_format(row, 2, &title, &styles.text)?;
            sheet.write_number_with_format(
                row,
                ALLOCATION_COL,
                allocation as f64,
                &styles.whole,
            )?;
            totals.allocation += allocation;
            for (index, step) in STEPS.into_iter().enumerate() {
                let col = step_col(index);
                let Some(&people) = by_step.get(&step) else {
                    sheet.write_blank(row, col, &styles.whole)?;
                    sheet.write_blank(row, col + 1, &styles.percent)?;
                    continue;
                };
                if let Some(sum) = totals.steps.get_mut(index) {
                    *sum += people;
                }
                sheet.write_number_with_format(row, col, people as f64, &styles.whole)?;
                let formula = share_formula(row, col, ALLOCATION_COL, share(people, allocation));
                sheet.write_formula_with_format(row, col + 1, formula, &styles.percent)?;
            }
            let listed: i64 = by_step.values().sum();
            totals.listed += listed;
            let note = if by_step.is_empty() {
                sheet.write_blank(row, STEPS_TOTAL_COL, &styles.whole)?;
                NO_STEPS
            } else {
                let cells: Vec<String> = (0..STEPS.len())
                    .map(|i| cell_ref(row, step_col(i)))
                    .collect();
                sheet.write_formula_with_format(
                    row,
                    STEPS_TOTAL_COL,
                    Formula::new(format!("=SUM({})", cells.join(",")))
                        .set_result(result(listed as f64)),
                    &styles.whole,
                )?;
                if listed == allocation {
                    ""
                } else {
                    "Tổng số người theo bậc khác số người đề nghị"
                }
            };
            sheet.write_string_with_format(row, NOTE_COL, note, &styles.text)?;
            let height = [
                (position.name.as_str(), POSITION_WIDTH),
                (title.as_str(), TITLE_WIDTH),
                (note, NOTE_WIDTH),
            ]
            .into_iter()
            .map(|(text, width)| wrapped_height(text, width))
            .fold(0.0, f64::max);
            sheet.set_row_height(row, height)?;
            row += 1;
        }
    }
    write_total(sheet, styles, first, row, &totals)?;
    sheet.merge_range(
        row + 2,
        0,
        row + 2,
        NOTE_COL,
        "Tỷ lệ của mỗi bậc = số người ở bậc / số người đề nghị của vị trí; dòng tổng cộng: trên tổng số người theo bậc.",
        &styles.value,
    )?;
    form::foot(sheet, styles, plan, layout, row + 3)?;
    Ok(())
}

/// Sums over the positions listed.
#[derive(Default)]
struct Totals {
    allocation: i64,
    /// People per step, in the order of [`STEPS`].
    steps: [i64; STEPS.len()],
    /// People listed at some step.
    listed: i64,
}

fn share(part: i64, whole: i64) -> f64 {
    if whole == 0 {
        0.0
    } else {
        part as f64 / whole as f64
    }
}

/// `=IF($D7=0,0,E7/$D7)`: the cell at `col` as a share of the one at `of`, cached.
fn share_formula(row: RowNum, col: u16, of: u16, value: f64) -> Formula {
    let whole = format!("${}{}", print::column_letter(of), row + 1);
    Formula::new(format!("=IF({whole}=0,0,{}/{whole})", cell_ref(row, col)))
        .set_result(result(value))
}

/// The columns' widths in order: number, position, title, allocation, two per step (people
/// and share), the steps' total, the note.
fn column_widths() -> Vec<f64> {
    let mut widths = vec![5.0, POSITION_WIDTH, TITLE_WIDTH, 10.0];
    widths.extend([7.5; 2 * STEPS.len()]);
    widths.extend([10.0, NOTE_WIDTH]);
    widths
}

fn write_headers<'s>(
    sheet: &mut Sheet<'_, 's>,
    styles: &'s Styles,
    header_row: RowNum,
) -> Result<(), DossierError> {
    let second = header_row + 1;
    for (col, title) in [
        (0, "STT"),
        (1, "Vị trí việc làm"),
        (2, term(Employment::PublicEmployee)),
        (ALLOCATION_COL, "Số người đề nghị"),
        (STEPS_TOTAL_COL, "Tổng số người theo bậc"),
        (NOTE_COL, "Ghi chú"),
    ] {
        sheet.merge_range(header_row, col, second, col, title, &styles.header)?;
    }
    for (index, step) in STEPS.into_iter().enumerate() {
        let col = step_col(index);
        sheet.merge_range(
            header_row,
            col,
            header_row,
            col + 1,
            &format!("Bậc {step}"),
            &styles.header,
        )?;
        sheet.write_string_with_format(second, col, "Số người", &styles.header)?;
        sheet.write_string_with_format(second, col + 1, "Tỷ lệ", &styles.header)?;
    }
    sheet.set_row_height(header_row, 20)?;
    sheet.set_row_height(second, 30)?;
    Ok(())
}

/// The total row: allocation, people per step and the steps' total as sums, each step's share
/// of the steps' total.
fn write_total<'s>(
    sheet: &mut Sheet<'_, 's>,
    styles: &'s Styles,
    first: RowNum,
    row: RowNum,
    totals: &Totals,
) -> Result<(), DossierError> {
    let last = row - 1;
    sheet.write_blank(row, 0, &styles.total_label)?;
    sheet.merge_range(row, 1, row, 2, "TỔNG CỘNG", &styles.total_label)?;
    let mut sums = vec![
        (ALLOCATION_COL, totals.allocation),
        (STEPS_TOTAL_COL, totals.listed),
    ];
    sums.extend((0..STEPS.len()).map(step_col).zip(totals.steps));
    for (col, value) in sums {
        sheet.write_formula_with_format(
            row,
            col,
            Formula::new(format!(
                "=SUM({}:{})",
                cell_ref(first, col),
                cell_ref(last, col)
            ))
            .set_result(result(value as f64)),
            &styles.total_whole,
        )?;
    }
    for (index, people) in totals.steps.into_iter().enumerate() {
        let col = step_col(index);
        let formula = share_formula(row, col, STEPS_TOTAL_COL, share(people, totals.listed));
        sheet.write_formula_with_format(row, col + 1, formula, &styles.total_percent)?;
    }
    sheet.write_blank(row, NOTE_COL, &styles.total_label)?;
    Ok(())
}
