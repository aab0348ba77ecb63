//! Tổng hợp: the title block, then every unit's positions with current, computed and proposed
//! headcount, subtotals per unit and per category and a grand total, all as formulas.

use rust_xlsxwriter::{ExcelDateTime, Formula, RowNum};

use std::collections::HashMap;

use super::figures::{UnitSection, proposed_count, unit_sections};
use super::form;
use super::print::{self, Keep, Pager, Styles, cell_ref, result};
use super::sheet::Sheet;
use super::subtotals::{OpenUnit, Subtotals};
use super::{Checked, DossierError};
use crate::engine::{PlanResults, PositionResult};
use crate::format::roman;
use crate::model::CivilDate;
use crate::model::{Category, Plan, Position};
use crate::rules::{QuotaExcess, QuotaFigure, quota_excesses};

pub const NAME: &str = "Tổng hợp";

pub const TITLE: &str = "BẢNG TỔNG HỢP VỊ TRÍ VIỆC LÀM VÀ SỐ LƯỢNG NGƯỜI LÀM VIỆC";
/// The label of the grand-total row.
pub const GRAND_TOTAL: &str = "TỔNG CỘNG";
/// The label of the fingerprint line of the title block.
pub const FINGERPRINT_LABEL: &str = "Mã kiểm tra (SHA-256)";

const COL_NO: u16 = 0;
const COL_NAME: u16 = 1;
const COL_CATEGORY: u16 = 2;
const COL_RANK: u16 = 3;
const COL_QUOTA: u16 = 4;
const COL_CURRENT: u16 = 5;
const COL_REQUIRED: u16 = 6;
const COL_PROPOSED: u16 = 7;
const COL_CHANGE: u16 = 8;
const COL_REASON: u16 = 9;

/// The height of the table's header row (four lines).
const HEADER_HEIGHT: f64 = 62.0;

/// The header of the quota column.
pub const QUOTA: &str = "Biên chế được giao";
/// The start of the note under the table naming the units whose proposal is above their quota.
pub const OVER_QUOTA_NOTE: &str = "(*) Số người đề nghị trong biên chế vượt biên chế được giao";

const HEADERS: [(&str, f64); 10] = [
    ("STT", 6.0),
    ("Đơn vị / Vị trí việc làm", 40.0),
    ("Nhóm vị trí việc làm", 28.0),
    ("Mã ngạch", 10.0),
    (QUOTA, 10.0),
    ("Số người hiện có", 10.0),
    ("Số người theo tính toán", 11.0),
    ("Số người đề nghị", 10.0),
    ("Tăng (+), giảm (−) so với hiện có", 13.0),
    ("Lý do đề nghị", 28.0),
];

/// The sums of a group of position rows, cached as the results of its total formulas.
struct Sums {
    current: f64,
    required: f64,
    proposed: f64,
}

impl Sums {
    fn change(&self) -> f64 {
        self.proposed - self.current
    }
}

pub fn write<'s>(
    sheet: &mut Sheet<'_, 's>,
    styles: &'s Styles,
    plan: &Plan,
    results: &PlanResults,
    today: CivilDate,
    checked: &Checked<'_>,
    fingerprint: &str,
) -> Result<(), DossierError> {
    sheet.set_name(NAME)?;
    let header_row = title_block(sheet, styles, plan, today, fingerprint)?;
    let widths = HEADERS.map(|(_, width)| width);
    print::page_setup(sheet, true, Some(header_row), Some(NAME), &widths)?;
    sheet.lines_by_default();
    // Four lines: the narrow figure columns wrap their headers.
    print::table_header(sheet, styles, header_row, &HEADERS, HEADER_HEIGHT)?;

    let sections = unit_sections(plan, results)?;
    let mut pager = Pager::new(
        &widths,
        true,
        HEADER_HEIGHT,
        f64::from(header_row) * print::ROW_POINTS + HEADER_HEIGHT + 30.0,
    );
    let mut row = header_row + 1;
    let first_data = row;
    let mut open = Subtotals::new(NAME);
    let excesses: HashMap<&str, QuotaExcess<'_>> = quota_excesses(checked.findings)
        .into_iter()
        .filter(|excess| excess.figure == QuotaFigure::Proposed)
        .map(|excess| (excess.unit_id, excess))
        .collect();
    let mut over_quota = OverQuota {
        excesses,
        named: Vec::new(),
    };
    for (index, section) in sections.iter().enumerate() {
        while let Some(done) = open.close(section.depth) {
            row = unit_total(sheet, styles, &sections, &done, row, &mut over_quota)?;
            open.closed_at(row - 1);
            pager.row(row - 1, total_height(&sections, &done), Keep::WithPrevious);
        }
        print::unit_heading(sheet, styles, row, section, COL_REASON)?;
        let height = print::wrapped_height(&section.unit.name, HEADERS[COL_NAME as usize].1 * 2.0);
        sheet.set_row_height(row, height)?;
        pager.row(row, height, Keep::WithNext);
        row += 1;
        let first = row;
        for (number, (position, result_row)) in (1u32..).zip(&section.positions) {
            let height = position_row(sheet, styles, row, number, position, result_row)?;
            pager.row(row, height, Keep::Free);
            row += 1;
        }
        let own = (row > first).then(|| (first, row - 1));
        open.open(index, section.depth, own);
    }
    while let Some(done) = open.close(0) {
        row = unit_total(sheet, styles, &sections, &done, row, &mut over_quota)?;
        open.closed_at(row - 1);
        pager.row(row - 1, total_height(&sections, &done), Keep::WithPrevious);
    }
    let last_data = row.saturating_sub(1).max(first_data);

    // Per category: SUMIF over the category column of the position rows.
    row += 1;
    sheet.merge_range(
        row,
        COL_NO,
        row,
        COL_REASON,
        "TỔNG HỢP THEO NHÓM VỊ TRÍ VIỆC LÀM",
        &styles.group,
    )?;
    pager.row(row - 1, print::ROW_POINTS, Keep::Free);
    pager.row(row, print::ROW_POINTS, Keep::WithNext);
    row += 1;
    let first_category = row;
    for (index, category) in Category::ALL.into_iter().enumerate() {
        let sums = category_sums(&sections, category);
        sheet.write_string_with_format(row, COL_NO, roman(index + 1), &styles.text_center)?;
        sheet.write_string_with_format(row, COL_NAME, category.label_vi(), &styles.text)?;
        sheet.write_string_with_format(row, COL_CATEGORY, category.label_vi(), &styles.text)?;
        for col in [COL_RANK, COL_QUOTA, COL_REASON] {
            sheet.write_blank(row, col, &styles.text)?;
        }
        let criterion = format!("$C${}", row + 1);
        write_sums_with(sheet, row, &sums, &styles.general, &styles.whole, |col| {
            let column = print::column_letter(col);
            format!(
                "=SUMIF($C${}:$C${},{criterion},{column}${}:{column}${})",
                first_data + 1,
                last_data + 1,
                first_data + 1,
                last_data + 1
            )
        })?;
        pager.row(row, print::ROW_POINTS, Keep::Free);
        row += 1;
    }
    let last_category = row - 1;
    let total = Sums {
        current: results.total.current,
        required: results.total.required as f64,
        proposed: results.total.proposed as f64,
    };
    sheet.write_blank(row, COL_NO, &styles.total_label)?;
    sheet.write_string_with_format(row, COL_NAME, GRAND_TOTAL, &styles.total_label)?;
    for col in [COL_CATEGORY, COL_RANK, COL_QUOTA, COL_REASON] {
        sheet.write_blank(row, col, &styles.total_label)?;
    }
    write_sums(sheet, styles, row, &total, |col| {
        format!(
            "=SUM({}:{})",
            cell_ref(first_category, col),
            cell_ref(last_category, col)
        )
    })?;
    pager.row(row, print::ROW_POINTS, Keep::WithPrevious);
    row += 1;
    if !over_quota.named.is_empty() {
        row += 1;
        let note = format!("{}: {}.", OVER_QUOTA_NOTE, over_quota.named.join("; "));
        let width: f64 = HEADERS.iter().map(|(_, w)| w).sum();
        sheet.merge_range(row, COL_NO, row, COL_REASON, &note, &styles.note)?;
        let height = print::wrapped_height(&note, width);
        sheet.set_row_height(row, height)?;
        pager.row(row, height, Keep::WithPrevious);
        row += 1;
    }
    let end = form::foot(sheet, styles, plan, layout(), row)?;
    pager.block(row, f64::from(end - row) * print::ROW_POINTS + 15.0);
    sheet.set_page_breaks(&pager.breaks())?;
    Ok(())
}

/// The form's blocks: the agency and the preparer over the first three columns.
fn layout() -> form::Layout {
    form::Layout {
        split: COL_CATEGORY,
        last: COL_REASON,
        width: HEADERS.iter().map(|(_, w)| w).sum(),
    }
}

fn position_row<'s>(
    sheet: &mut Sheet<'_, 's>,
    styles: &'s Styles,
    row: RowNum,
    number: u32,
    position: &Position,
    result_row: &PositionResult,
) -> Result<f64, DossierError> {
    let proposed = proposed_count(position, result_row);
    sheet.write_number_with_format(row, COL_NO, number, &styles.text_center)?;
    sheet.write_string_with_format(row, COL_NAME, &position.name, &styles.text)?;
    sheet.write_string_with_format(
        row,
        COL_CATEGORY,
        position.category.label_vi(),
        &styles.text,
    )?;
    sheet.write_string_with_format(row, COL_RANK, &position.rank_code, &styles.text_center)?;
    sheet.write_blank(row, COL_QUOTA, &styles.whole)?;
    sheet.write_number_with_format(
        row,
        COL_CURRENT,
        result_row.current,
        styles.count(result_row.current),
    )?;
    sheet.write_number_with_format(row, COL_REQUIRED, result_row.required as f64, &styles.whole)?;
    sheet.write_number_with_format(row, COL_PROPOSED, proposed, &styles.whole)?;
    sheet.write_formula_with_format(
        row,
        COL_CHANGE,
        Formula::new(format!(
            "={}-{}",
            cell_ref(row, COL_PROPOSED),
            cell_ref(row, COL_CURRENT)
        ))
        .set_result(result(proposed - result_row.current)),
        styles.count(proposed - result_row.current),
    )?;
    let reason = position
        .proposed
        .as_ref()
        .map(|p| p.reason.as_str())
        .unwrap_or_default();
    sheet.write_string_with_format(row, COL_REASON, reason, &styles.text)?;
    // Long names and reasons wrap: the row grows so that nothing is cut in print.
    let height = [
        (position.name.as_str(), HEADERS[COL_NAME as usize].1),
        (
            position.category.label_vi(),
            HEADERS[COL_CATEGORY as usize].1,
        ),
        (reason, HEADERS[COL_REASON as usize].1),
    ]
    .into_iter()
    .map(|(text, width)| print::wrapped_height(text, width))
    .fold(0.0, f64::max);
    sheet.set_row_height(row, height)?;
    Ok(height)
}

/// The height of a unit's "Cộng" row.
fn total_height(sections: &[UnitSection<'_>], done: &OpenUnit) -> f64 {
    let name = sections
        .get(done.section)
        .map_or("", |s| s.unit.name.as_str());
    print::wrapped_height(&format!("Cộng {name} (*)"), HEADERS[COL_NAME as usize].1)
}

/// The units whose proposal the quota rule found above their quota, and the notes naming those
/// marked so far.
struct OverQuota<'a> {
    excesses: HashMap<&'a str, QuotaExcess<'a>>,
    named: Vec<String>,
}

/// The "Cộng" row of a unit with its whole subtree, at `row`; the engine's roll-up is cached.
/// A proposal above the unit's quota (as the quota rule found it) is marked and named in
/// `over_quota`. Returns the next row.
fn unit_total<'s>(
    sheet: &mut Sheet<'_, 's>,
    styles: &'s Styles,
    sections: &[UnitSection<'_>],
    done: &OpenUnit,
    row: RowNum,
    over_quota: &mut OverQuota<'_>,
) -> Result<RowNum, DossierError> {
    let Some(section) = sections.get(done.section) else {
        return Ok(row);
    };
    let unit = section.rolled_up;
    let sums = Sums {
        current: unit.current,
        required: unit.required as f64,
        proposed: unit.proposed as f64,
    };
    let mut total_label = format!("Cộng {}", section.unit.name);
    let over = over_quota.excesses.get(section.unit.id.as_str()).copied();
    if let Some(excess) = over {
        total_label.push_str(" (*)");
        over_quota.named.push(format!(
            "{} (đề nghị {} biên chế, được giao {})",
            section.unit.name, excess.counted, excess.quota
        ));
    }
    sheet.write_blank(row, COL_NO, &styles.total_label)?;
    sheet.set_row_height(row, total_height(sections, done))?;
    sheet.write_string_with_format(row, COL_NAME, total_label, &styles.total_label)?;
    for col in [COL_CATEGORY, COL_RANK, COL_REASON] {
        sheet.write_blank(row, col, &styles.total_label)?;
    }
    match unit.quota {
        Some(quota) => {
            sheet.write_number_with_format(row, COL_QUOTA, quota, &styles.total_whole)?
        }
        None => sheet.write_blank(row, COL_QUOTA, &styles.total_whole)?,
    };
    write_sums(sheet, styles, row, &sums, |col| done.formula(col))?;
    if over.is_some() {
        sheet.write_formula_with_format(
            row,
            COL_PROPOSED,
            Formula::new(done.formula(COL_PROPOSED)).set_result(result(sums.proposed)),
            &styles.total_over,
        )?;
    }
    Ok(row + 1)
}

/// The title block: title, plan name, then label/value lines. Returns the table's header row.
fn title_block<'s>(
    sheet: &mut Sheet<'_, 's>,
    styles: &'s Styles,
    plan: &Plan,
    today: CivilDate,
    fingerprint: &str,
) -> Result<RowNum, DossierError> {
    let mut row = form::head(sheet, styles, plan, layout(), 1, TITLE)?;
    let mut line = |sheet: &mut Sheet<'_, 's>, label: &str| -> Result<RowNum, DossierError> {
        sheet.write_string_with_format(row, COL_NAME, label, &styles.label)?;
        row += 1;
        Ok(row - 1)
    };
    let at = line(sheet, "Cơ quan, đơn vị")?;
    sheet.write_string_with_format(at, COL_CATEGORY, &plan.meta.agency, &styles.value)?;
    let at = line(sheet, "Năm kế hoạch")?;
    match plan.meta.year {
        Some(year) => sheet.write_number_with_format(at, COL_CATEGORY, year, &styles.value)?,
        None => sheet.write_string_with_format(at, COL_CATEGORY, "(chưa có)", &styles.value)?,
    };
    let calendars = if plan.calendars.is_empty() {
        vec![plan.default_calendar()]
    } else {
        plan.calendars.clone()
    };
    for calendar in &calendars {
        // Calendars are printed by name; one without a name is the Vietnamese default's.
        let name = if calendar.name.trim().is_empty() {
            "Lịch làm việc mặc định".to_owned()
        } else {
            calendar.name.clone()
        };
        let at = line(sheet, "Lịch làm việc")?;
        sheet.write_string_with_format(at, COL_CATEGORY, name, &styles.value)?;
        let at = line(sheet, "Thời gian làm việc có sẵn (giờ/năm)")?;
        sheet.write_number_with_format(
            at,
            COL_CATEGORY,
            calendar.available_hours(),
            &styles.hours,
        )?;
    }
    let at = line(sheet, "Quy tắc làm tròn")?;
    sheet.write_string_with_format(at, COL_CATEGORY, plan.rounding.label_vi(), &styles.value)?;
    let at = line(sheet, "Ngày lập")?;
    let date = ExcelDateTime::from_ymd(today.year, today.month, today.day)?;
    sheet.write_datetime_with_format(at, COL_CATEGORY, &date, &styles.date)?;
    let at = line(sheet, FINGERPRINT_LABEL)?;
    sheet.write_string_with_format(at, COL_CATEGORY, fingerprint, &styles.value)?;
    Ok(row + 1)
}

fn category_sums(sections: &[UnitSection<'_>], category: Category) -> Sums {
    let rows = || {
        sections
            .iter()
            .flat_map(|u| &u.positions)
            .filter(move |(p, _)| p.category == category)
    };
    Sums {
        current: rows().map(|(_, r)| r.current).sum(),
        required: rows().map(|(_, r)| r.required as f64).sum(),
        proposed: rows().map(|(p, r)| proposed_count(p, r)).sum(),
    }
}

fn write_sums<'s>(
    sheet: &mut Sheet<'_, 's>,
    styles: &'s Styles,
    row: RowNum,
    sums: &Sums,
    formula: impl Fn(u16) -> String,
) -> Result<(), DossierError> {
    write_sums_with(
        sheet,
        row,
        sums,
        styles.total_count(sums.current),
        &styles.total_whole,
        formula,
    )
}

/// Writes the four figure columns of a total row as formulas with the engine's sums cached.
fn write_sums_with<'s>(
    sheet: &mut Sheet<'_, 's>,
    row: RowNum,
    sums: &Sums,
    general: &'s rust_xlsxwriter::Format,
    whole: &'s rust_xlsxwriter::Format,
    formula: impl Fn(u16) -> String,
) -> Result<(), DossierError> {
    for (col, value, format) in [
        (COL_CURRENT, sums.current, general),
        (COL_REQUIRED, sums.required, whole),
        (COL_PROPOSED, sums.proposed, whole),
    ] {
        sheet.write_formula_with_format(
            row,
            col,
            Formula::new(formula(col)).set_result(result(value)),
            format,
        )?;
    }
    sheet.write_formula_with_format(
        row,
        COL_CHANGE,
        Formula::new(format!(
            "={}-{}",
            cell_ref(row, COL_PROPOSED),
            cell_ref(row, COL_CURRENT)
        ))
        .set_result(result(sums.change())),
        general,
    )?;
    Ok(())
}
