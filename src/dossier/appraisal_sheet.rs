//! Thẩm định: the reviewer's appraisal beside the agency's proposal. Every unit's positions with
//! hiện có / đề xuất / thẩm định, the two differences, the agency's reason and the reviewer's
//! decision and comment; sums per unit and a grand total as formulas; then the conclusion, who
//! appraised the plan and when, and the fingerprint of the proposal (which the review leaves
//! unchanged). A plan not yet appraised gets the same sheet with the appraisal columns empty;
//! lines whose proposal changed after they were appraised are named under the title block.

use rust_xlsxwriter::{ExcelDateTime, Format, FormatAlign, Formula, RowNum};

use std::collections::HashMap;
use std::ops::Range;

use super::DossierError;
use super::continued;
use super::figures::{UnitSection, unit_sections};
use super::print::{self, Styles, cell_ref, result};
use super::sheet::Sheet;
use super::subtotals::{OpenUnit, Subtotals};
use crate::engine::PlanResults;
use crate::language::Language;
use crate::model::Plan;
use crate::report::{
    AppraisalLine, AppraisalTable, ChangedLine, Comparison, appraisal_table, changed_heading,
    changed_since_appraisal, subtree_comparisons,
};

pub const NAME: &str = "Thẩm định";

pub const TITLE: &str = "KẾT QUẢ THẨM ĐỊNH VỊ TRÍ VIỆC LÀM VÀ SỐ LƯỢNG NGƯỜI LÀM VIỆC";
/// The label of the grand-total row.
pub const GRAND_TOTAL: &str = "TỔNG CỘNG";
/// The heading of the conclusion.
pub const CONCLUSION: &str = "KẾT LUẬN THẨM ĐỊNH";
/// Said under the title block of a plan not yet appraised.
pub const NOT_APPRAISED: &str =
    "Đề án chưa được thẩm định: các cột thẩm định để trống, chờ cơ quan thẩm định ghi ý kiến.";
/// Shown for a value not given.
const MISSING: &str = "(chưa có)";

const COL_NO: u16 = 0;
const COL_NAME: u16 = 1;
const COL_CURRENT: u16 = 2;
const COL_PROPOSED: u16 = 3;
const COL_APPRAISED: u16 = 4;
const COL_PROPOSED_CHANGE: u16 = 5;
const COL_APPRAISED_CHANGE: u16 = 6;
const COL_REASON: u16 = 7;
const COL_DECISION: u16 = 8;
const COL_COMMENT: u16 = 9;
const LAST_COL: u16 = COL_COMMENT;

/// Column widths, in workbook order.
const WIDTHS: [f64; 10] = [5.0, 34.0, 9.0, 9.0, 9.0, 11.0, 11.0, 24.0, 14.0, 30.0];

/// The header's first row: a title spanning both rows, or one over the columns below it.
const GROUPED_HEADERS: [(u16, u16, &str); 7] = [
    (COL_NO, COL_NO, "STT"),
    (COL_NAME, COL_NAME, "Đơn vị / Vị trí việc làm"),
    (COL_CURRENT, COL_APPRAISED, "Số người làm việc"),
    (
        COL_PROPOSED_CHANGE,
        COL_APPRAISED_CHANGE,
        "Chênh lệch (+ tăng, - giảm)",
    ),
    (COL_REASON, COL_REASON, "Lý do đề xuất của cơ quan, đơn vị"),
    (COL_DECISION, COL_DECISION, "Ý kiến thẩm định"),
    (COL_COMMENT, COL_COMMENT, "Nhận xét của cơ quan thẩm định"),
];

/// The header's second row, under the grouped titles.
const SUB_HEADERS: [(u16, &str); 5] = [
    (COL_CURRENT, "Hiện có"),
    (COL_PROPOSED, "Đề xuất"),
    (COL_APPRAISED, "Thẩm định"),
    (COL_PROPOSED_CHANGE, "Đề xuất so với hiện có"),
    (COL_APPRAISED_CHANGE, "Thẩm định so với đề xuất"),
];

/// What the appraisal table prints, worked out before its sheets are written: the lines by
/// unit, each unit's sums over its subtree, and which unit sections go on which sheet.
pub struct Appraisal<'a> {
    table: AppraisalTable<'a>,
    changed: Vec<ChangedLine>,
    sections: Vec<UnitSection<'a>>,
    subtrees: Vec<Comparison>,
    /// Each unit's place in `table.groups`, by the unit's id.
    group_of: HashMap<&'a str, usize>,
    /// The sections of each sheet.
    runs: Vec<Range<usize>>,
}

impl<'a> Appraisal<'a> {
    pub fn of(plan: &'a Plan, results: &'a PlanResults) -> Result<Self, DossierError> {
        let table = appraisal_table(plan, results, None)?;
        let group_of = (table.groups.iter().enumerate())
            .map(|(index, group)| (group.unit.id.as_str(), index))
            .collect();
        let mut appraisal = Appraisal {
            changed: changed_since_appraisal(plan, results),
            subtrees: subtree_comparisons(plan, results)?,
            sections: unit_sections(plan, results)?,
            table,
            group_of,
            runs: Vec::new(),
        };
        // A section's rows: its heading, its own positions' lines, its total.
        let rows: Vec<usize> = (appraisal.sections.iter())
            .map(|section| appraisal.own_lines(section).len() + 2)
            .collect();
        appraisal.runs = continued::runs(rows);
        Ok(appraisal)
    }

    /// The lines of the positions of `section`'s own unit.
    fn own_lines(&self, section: &UnitSection<'_>) -> &[AppraisalLine<'a>] {
        (self.group_of.get(section.unit.id.as_str()))
            .and_then(|&index| self.table.groups.get(index))
            .map(|group| group.lines.as_slice())
            .unwrap_or_default()
    }

    /// How many sheets the table fills (at least one).
    pub fn sheets(&self) -> usize {
        self.runs.len()
    }
}

/// Writes the table on `sheets` (as many as [`Appraisal::sheets`]): the title block on the
/// first, the grand total and the conclusion on the last, each unit's total on the sheet where
/// its subtree ends.
pub fn write<'s>(
    sheets: &mut [Sheet<'_, 's>],
    styles: &'s Styles,
    plan: &Plan,
    appraisal: &Appraisal<'_>,
    fingerprint: &str,
) -> Result<(), DossierError> {
    let sections = &appraisal.sections;
    let mut open = Subtotals::new(NAME);
    let Some((mut sheet, mut pages)) = continued::Sheets::start(sheets, &appraisal.runs) else {
        return Ok(());
    };
    let mut row = start_sheet(sheet, styles, plan, appraisal, fingerprint, 0)?;
    // The rows of lines and totals on each sheet, for the grand total.
    let mut spans = vec![Span {
        sheet: NAME.to_owned(),
        first: row,
        end: row,
    }];
    for (index, section) in sections.iter().enumerate() {
        while let Some(done) = open.close(section.depth) {
            row = unit_total(sheet, styles, sections, &appraisal.subtrees, &done, row)?;
            open.closed_at(row - 1);
        }
        if let Some((part, next)) = pages.turn(index) {
            if let Some(span) = spans.last_mut() {
                span.end = row;
            }
            sheet = next;
            let name = continued::sheet_name(NAME, part);
            open.continue_on(&name);
            row = start_sheet(sheet, styles, plan, appraisal, fingerprint, part)?;
            spans.push(Span {
                sheet: name,
                first: row,
                end: row,
            });
        }
        print::unit_heading(sheet, styles, row, section, LAST_COL)?;
        row += 1;
        let first = row;
        for (number, line) in (1u32..).zip(appraisal.own_lines(section)) {
            write_line(sheet, styles, row, number, line)?;
            row += 1;
        }
        open.open(
            index,
            section.depth,
            (row > first).then(|| (first, row - 1)),
        );
    }
    while let Some(done) = open.close(0) {
        row = unit_total(sheet, styles, sections, &appraisal.subtrees, &done, row)?;
        open.closed_at(row - 1);
    }
    if let Some(span) = spans.last_mut() {
        span.end = row;
    }
    grand_total(sheet, styles, &appraisal.table, row, &spans)?;
    closing(sheet, styles, plan, row + 2)?;
    Ok(())
}

/// The rows `first..end` of lines and unit totals on the sheet named `sheet`.
struct Span {
    sheet: String,
    first: RowNum,
    end: RowNum,
}

/// Names and sets up sheet `part` of the table and writes its two header rows, under the
/// title block on the first; returns the first row of the table's body.
fn start_sheet<'s>(
    sheet: &mut Sheet<'_, 's>,
    styles: &'s Styles,
    plan: &Plan,
    appraisal: &Appraisal<'_>,
    fingerprint: &str,
    part: usize,
) -> Result<RowNum, DossierError> {
    let name = continued::sheet_name(NAME, part);
    sheet.set_name(&name)?;
    // A formula whose cached result is "nothing appraised" is cached as an empty text, not 0.
    sheet.set_formula_result_default("");
    let header_row = if part == 0 {
        title_block(sheet, styles, plan, &appraisal.changed, fingerprint)?
    } else {
        0
    };
    let footer = continued::footer(&name, appraisal.sheets());
    print::page_setup(sheet, true, None, footer, &WIDTHS)?;
    sheet.lines_by_default();
    sheet.set_repeat_rows(header_row, header_row + 1)?;
    sheet.set_freeze_panes(header_row + 2, 0)?;
    for (first, last, title) in GROUPED_HEADERS {
        if first == last {
            sheet.merge_range(
                header_row,
                first,
                header_row + 1,
                last,
                title,
                &styles.header,
            )?;
        } else {
            sheet.merge_range(header_row, first, header_row, last, title, &styles.header)?;
        }
    }
    for (col, title) in SUB_HEADERS {
        sheet.write_string_with_format(header_row + 1, col, title, &styles.header)?;
    }
    sheet.set_row_height(header_row, 32)?;
    sheet.set_row_height(header_row + 1, 47)?;
    Ok(header_row + 2)
}

/// The title block. Returns the header's first row.
fn title_block<'s>(
    sheet: &mut Sheet<'_, 's>,
    styles: &'s Styles,
    plan: &Plan,
    changed: &[ChangedLine],
    fingerprint: &str,
) -> Result<RowNum, DossierError> {
    sheet.merge_range(0, COL_NO, 0, LAST_COL, TITLE, &styles.title)?;
    sheet.set_row_height(0, 24)?;
    sheet.merge_range(1, COL_NO, 1, LAST_COL, &plan.meta.name, &styles.subtitle)?;
    let review = plan.review.as_ref();
    let mut row: RowNum = 3;
    let mut line = |sheet: &mut Sheet<'_, 's>, label: &str| -> Result<RowNum, DossierError> {
        sheet.write_string_with_format(row, COL_NAME, label, &styles.label)?;
        row += 1;
        Ok(row - 1)
    };
    let text = |value: Option<&str>| match value.map(str::trim) {
        Some(value) if !value.is_empty() => value.to_owned(),
        _ => MISSING.to_owned(),
    };
    let at = line(sheet, "Cơ quan, đơn vị đề xuất")?;
    let agency = text(Some(&plan.meta.agency));
    sheet.write_string_with_format(at, COL_CURRENT, agency, &styles.value)?;
    let at = line(sheet, "Cơ quan thẩm định")?;
    let organisation = text(review.map(|r| r.organisation.as_str()));
    sheet.write_string_with_format(at, COL_CURRENT, organisation, &styles.value)?;
    let at = line(sheet, "Người thẩm định")?;
    let reviewer = text(review.map(|r| r.reviewer.as_str()));
    sheet.write_string_with_format(at, COL_CURRENT, reviewer, &styles.value)?;
    let at = line(sheet, "Ngày thẩm định")?;
    match review.and_then(|r| r.date) {
        Some(date) => {
            let date = ExcelDateTime::from_ymd(date.year, date.month, date.day)?;
            sheet.write_datetime_with_format(at, COL_CURRENT, &date, &styles.date)?;
        }
        None => {
            sheet.write_string_with_format(at, COL_CURRENT, MISSING, &styles.value)?;
        }
    }
    let at = line(sheet, super::summary_sheet::FINGERPRINT_LABEL)?;
    sheet.write_string_with_format(
        at,
        COL_CURRENT,
        format!("{fingerprint} (của đề án đề xuất; phần thẩm định không làm thay đổi mã này)"),
        &styles.value,
    )?;
    if review.is_none() {
        let note = styles.value.clone().set_italic().set_font_color(0x7F7F7F);
        sheet.merge_range(row, COL_NO, row, LAST_COL, NOT_APPRAISED, &note)?;
        row += 1;
    }
    if !changed.is_empty() {
        let note = styles.value.clone().set_italic().set_font_color(0xC55A11);
        let heading = format!("{}:", changed_heading(changed.len(), Language::Vietnamese));
        sheet.merge_range(row, COL_NO, row, LAST_COL, &heading, &note)?;
        row += 1;
        for line in changed {
            let text = format!("- {}", line.describe(Language::Vietnamese));
            sheet.merge_range(row, COL_NO, row, LAST_COL, &text, &note)?;
            row += 1;
        }
    }
    Ok(row + 1)
}

/// A position's line at `row`, numbered `number` within its unit.
fn write_line<'s>(
    sheet: &mut Sheet<'_, 's>,
    styles: &'s Styles,
    row: RowNum,
    number: u32,
    line: &AppraisalLine<'_>,
) -> Result<(), DossierError> {
    sheet.write_number_with_format(row, COL_NO, number, &styles.text_center)?;
    sheet.write_string_with_format(row, COL_NAME, &line.position.name, &styles.text)?;
    sheet.write_number_with_format(
        row,
        COL_CURRENT,
        line.figures.current,
        styles.count(line.figures.current),
    )?;
    sheet.write_number_with_format(
        row,
        COL_PROPOSED,
        line.figures.proposed as f64,
        &styles.whole,
    )?;
    match line.figures.appraised {
        Some(appraised) => {
            sheet.write_number_with_format(row, COL_APPRAISED, appraised as f64, &styles.whole)?
        }
        None => sheet.write_blank(row, COL_APPRAISED, &styles.whole)?,
    };
    changes(sheet, row, &line.figures, &styles.change)?;
    sheet.write_string_with_format(row, COL_REASON, line.reason(), &styles.text)?;
    let decision = line.decision().map_or("", |d| d.label_vi());
    sheet.write_string_with_format(row, COL_DECISION, decision, &styles.text)?;
    sheet.write_string_with_format(row, COL_COMMENT, line.comment(), &styles.text)?;
    // Long names, reasons and comments wrap: the row grows so nothing is cut in print.
    let height = [
        (line.position.name.as_str(), COL_NAME),
        (line.reason(), COL_REASON),
        (decision, COL_DECISION),
        (line.comment(), COL_COMMENT),
    ]
    .into_iter()
    .map(|(text, col)| print::wrapped_height(text, WIDTHS[usize::from(col)]))
    .fold(0.0, f64::max);
    sheet.set_row_height(row, height)?;
    Ok(())
}

/// The "Cộng" row of a unit with its whole subtree at `row`, the engine's roll-up cached.
/// Returns the next row.
fn unit_total<'s>(
    sheet: &mut Sheet<'_, 's>,
    styles: &'s Styles,
    sections: &[UnitSection<'_>],
    subtrees: &[Comparison],
    done: &OpenUnit,
    row: RowNum,
) -> Result<RowNum, DossierError> {
    let Some(section) = sections.get(done.section) else {
        return Ok(row);
    };
    let figures = subtrees.get(section.index).copied().unwrap_or_default();
    let label = format!("Cộng {}", section.unit.name);
    sheet.set_row_height(
        row,
        print::wrapped_height(&label, WIDTHS[usize::from(COL_NAME)]),
    )?;
    sheet.write_blank(row, COL_NO, &styles.total_label)?;
    sheet.write_string_with_format(row, COL_NAME, label, &styles.total_label)?;
    for col in [COL_REASON, COL_DECISION, COL_COMMENT] {
        sheet.write_blank(row, col, &styles.total_label)?;
    }
    // A sub-unit's appraised total is an empty text when nothing under it is appraised: SUM
    // and COUNT skip it.
    sums_with(sheet, styles, row, &figures, |col| {
        let arguments = done.arguments(col);
        (format!("SUM({arguments})"), format!("COUNT({arguments})"))
    })?;
    Ok(row + 1)
}

/// The grand total: each figure summed over the position rows (those numbered in column A) of
/// every sheet of the table (`spans`, the last the sheet it is written on).
fn grand_total<'s>(
    sheet: &mut Sheet<'_, 's>,
    styles: &'s Styles,
    table: &AppraisalTable<'_>,
    row: RowNum,
    spans: &[Span],
) -> Result<(), DossierError> {
    sheet.write_blank(row, COL_NO, &styles.total_label)?;
    sheet.write_string_with_format(row, COL_NAME, GRAND_TOTAL, &styles.total_label)?;
    for col in [COL_REASON, COL_DECISION, COL_COMMENT] {
        sheet.write_blank(row, col, &styles.total_label)?;
    }
    sheet.set_row_height(row, 18)?;
    let here = spans.len().saturating_sub(1);
    // Each sheet's rows as `'Sheet'!$A$10:$A$20`-style ranges (one row when it has none).
    let ranges = |col: u16| -> Vec<(String, String)> {
        let column = print::column_letter(col);
        (spans.iter().enumerate())
            .map(|(index, span)| {
                let prefix = if index == here {
                    String::new()
                } else {
                    continued::sheet_prefix(&span.sheet)
                };
                let (first, last) = (span.first + 1, span.end.max(span.first + 1));
                (
                    format!("{prefix}$A${first}:$A${last}"),
                    format!("{prefix}{column}${first}:{column}${last}"),
                )
            })
            .collect()
    };
    sums_with(sheet, styles, row, &table.total, |col| {
        let ranges = ranges(col);
        let sums: Vec<String> = (ranges.iter())
            .map(|(numbers, range)| format!("SUMIF({numbers},\">0\",{range})"))
            .collect();
        let counts: Vec<String> = (ranges.iter())
            .map(|(_, range)| format!("COUNT({range})"))
            .collect();
        (sums.join("+"), counts.join("+"))
    })
}

/// Writes a total row's figures as formulas with the engine's sums cached: `sum(col)` gives a
/// column's sum and how to count its numbers; the appraised sum stays empty when none is.
fn sums_with<'s>(
    sheet: &mut Sheet<'_, 's>,
    styles: &'s Styles,
    row: RowNum,
    figures: &Comparison,
    sum: impl Fn(u16) -> (String, String),
) -> Result<(), DossierError> {
    for (col, value, format) in [
        (
            COL_CURRENT,
            figures.current,
            styles.total_count(figures.current),
        ),
        (COL_PROPOSED, figures.proposed as f64, &styles.total_whole),
    ] {
        let (formula, _) = sum(col);
        sheet.write_formula_with_format(
            row,
            col,
            Formula::new(format!("={formula}")).set_result(result(value)),
            format,
        )?;
    }
    // Appraised lines only: empty when there is none, and the difference is the sum of the
    // lines' differences (lines not yet appraised are not cuts).
    for (col, value, format) in [
        (COL_APPRAISED, figures.appraised, &styles.total_whole),
        (
            COL_APPRAISED_CHANGE,
            figures.appraised_change(),
            &styles.total_change,
        ),
    ] {
        let (formula, count) = sum(col);
        let cached = value.map(|v| result(v as f64)).unwrap_or_default();
        sheet.write_formula_with_format(
            row,
            col,
            Formula::new(format!("=IF({count}=0,\"\",{formula})")).set_result(cached),
            format,
        )?;
    }
    sheet.write_formula_with_format(
        row,
        COL_PROPOSED_CHANGE,
        Formula::new(format!(
            "={}-{}",
            cell_ref(row, COL_PROPOSED),
            cell_ref(row, COL_CURRENT)
        ))
        .set_result(result(figures.proposed_change())),
        &styles.total_change,
    )?;
    Ok(())
}

/// The two differences of a position's row, as formulas over its figure cells.
fn changes<'s>(
    sheet: &mut Sheet<'_, 's>,
    row: RowNum,
    figures: &Comparison,
    format: &'s Format,
) -> Result<(), DossierError> {
    let (current, proposed, appraised) = (
        cell_ref(row, COL_CURRENT),
        cell_ref(row, COL_PROPOSED),
        cell_ref(row, COL_APPRAISED),
    );
    sheet.write_formula_with_format(
        row,
        COL_PROPOSED_CHANGE,
        Formula::new(format!("={proposed}-{current}"))
            .set_result(result(figures.proposed_change())),
        format,
    )?;
    let cached = figures
        .appraised_change()
        .map(|change| result(change as f64))
        .unwrap_or_default();
    sheet.write_formula_with_format(
        row,
        COL_APPRAISED_CHANGE,
        Formula::new(format!("=IF({appraised}=\"\",\"\",{appraised}-{proposed})"))
            .set_result(cached),
        format,
    )?;
    Ok(())
}

/// The conclusion, then the reviewer's name under "Người thẩm định", from `row`.
fn closing<'s>(
    sheet: &mut Sheet<'_, 's>,
    styles: &'s Styles,
    plan: &Plan,
    mut row: RowNum,
) -> Result<(), DossierError> {
    sheet.write_string_with_format(row, COL_NO, CONCLUSION, &styles.section)?;
    row += 1;
    let conclusion = plan
        .review
        .as_ref()
        .map(|r| r.conclusion.trim())
        .filter(|c| !c.is_empty());
    let width: f64 = WIDTHS.iter().sum();
    match conclusion {
        Some(text) => {
            sheet.merge_range(row, COL_NO, row, LAST_COL, text, &styles.paragraph)?;
            sheet.set_row_height(row, print::wrapped_height(text, width))?;
        }
        None => {
            sheet.merge_range(row, COL_NO, row, LAST_COL, MISSING, &styles.empty_note)?;
        }
    }
    row += 2;
    let Some(review) = &plan.review else {
        return Ok(());
    };
    let centred = |format: &Format| format.clone().set_align(FormatAlign::Center);
    let heading = centred(&styles.label);
    sheet.merge_range(row, COL_REASON, row, LAST_COL, "NGƯỜI THẨM ĐỊNH", &heading)?;
    if !review.organisation.trim().is_empty() {
        sheet.merge_range(
            row + 1,
            COL_REASON,
            row + 1,
            LAST_COL,
            review.organisation.trim(),
            &centred(&styles.value).set_italic(),
        )?;
    }
    if !review.reviewer.trim().is_empty() {
        sheet.merge_range(
            row + 5,
            COL_REASON,
            row + 5,
            LAST_COL,
            review.reviewer.trim(),
            &heading,
        )?;
    }
    Ok(())
}
