//! Kết quả kiểm tra: every finding of `vtvl check` on the plan's judgement date (severity,
//! place, message, legal basis, the figure found and the limit), from the same library call,
//! continued on further sheets past [`continued::ROWS_PER_SHEET`] findings.

use crate::language::Language;
use rust_xlsxwriter::RowNum;

use super::continued;
use super::print::{self, Styles, wrapped_height};
use super::sheet::Sheet;
use super::{Checked, DossierError};
use crate::model::{Plan, PlanIndex};
use crate::rules::{Finding, Severity};

pub const NAME: &str = "Kết quả kiểm tra";
pub const TITLE: &str = "KẾT QUẢ KIỂM TRA ĐỀ ÁN THEO QUY ĐỊNH";
/// The sheet's only line when the check finds nothing.
pub const NOTHING_FOUND: &str =
    "Không có phát hiện nào: đề án phù hợp với các quy định được kiểm tra.";

const HEADERS: [(&str, f64); 7] = [
    ("STT", 5.0),
    ("Mức độ", 10.0),
    ("Nơi", 30.0),
    ("Nội dung", 52.0),
    ("Căn cứ pháp lý", 30.0),
    ("Thực tế", 9.0),
    ("Giới hạn", 9.0),
];
const LAST_COL: u16 = 6;

/// How many sheets the findings fill (at least one), [`continued::ROWS_PER_SHEET`] a sheet.
pub fn sheets(checked: &Checked<'_>) -> usize {
    checked
        .findings
        .len()
        .div_ceil(continued::ROWS_PER_SHEET)
        .max(1)
}

/// Writes what the check found on the judgement date on `sheets` (as many as [`sheets`]).
pub fn write<'s>(
    sheets: &mut [Sheet<'_, 's>],
    styles: &'s Styles,
    plan: &Plan,
    checked: &Checked<'_>,
) -> Result<(), DossierError> {
    let (at, findings) = (checked.at, checked.findings);
    let mut parts = findings.chunks(continued::ROWS_PER_SHEET);
    let index = plan.index();
    let mut number = 1u32;
    let count = sheets.len();
    for (part, sheet) in sheets.iter_mut().enumerate() {
        let name = continued::sheet_name(NAME, part);
        sheet.set_name(&name)?;
        let header_row: RowNum = if part == 0 {
            sheet.merge_range(0, 0, 0, LAST_COL, TITLE, &styles.title)?;
            sheet.set_row_height(0, 24)?;
            sheet.merge_range(1, 0, 1, LAST_COL, &plan.meta.name, &styles.subtitle)?;
            let count =
                |severity: Severity| findings.iter().filter(|f| f.severity == severity).count();
            let summary = format!(
                "Theo quy định có hiệu lực ngày {at}: {} lỗi, {} cảnh báo, {} thông tin.",
                count(Severity::Error),
                count(Severity::Warning),
                count(Severity::Info)
            );
            sheet.merge_range(2, 0, 2, LAST_COL, &summary, &styles.note)?;
            4
        } else {
            0
        };
        let widths = HEADERS.map(|(_, width)| width);
        let footer = continued::footer(&name, count);
        print::page_setup(sheet, true, Some(header_row), footer, &widths)?;
        print::table_header(sheet, styles, header_row, &HEADERS, 30.0)?;
        let first = header_row + 1;
        if findings.is_empty() {
            sheet.merge_range(first, 0, first, LAST_COL, NOTHING_FOUND, &styles.empty_note)?;
        }
        for (row, finding) in (first..).zip(parts.next().unwrap_or_default()) {
            write_finding(sheet, styles, &index, row, number, finding)?;
            number += 1;
        }
    }
    Ok(())
}

/// One finding's row, numbered `number`.
fn write_finding<'s>(
    sheet: &mut Sheet<'_, 's>,
    styles: &'s Styles,
    index: &PlanIndex<'_>,
    row: RowNum,
    number: u32,
    finding: &Finding,
) -> Result<(), DossierError> {
    // The dossier is a Vietnamese document.
    let place = finding.place(index, Language::Vietnamese);
    sheet.write_number_with_format(row, 0, number, &styles.text_center)?;
    sheet.write_string_with_format(row, 1, finding.severity.label_vi(), &styles.text)?;
    sheet.write_string_with_format(row, 2, &place, &styles.text)?;
    sheet.write_string_with_format(row, 3, &finding.message.vi, &styles.text)?;
    sheet.write_string_with_format(row, 4, &finding.legal_basis, &styles.text)?;
    for (col, value) in [(5, finding.actual), (6, finding.limit)] {
        match value {
            Some(value) => sheet.write_number_with_format(row, col, value, styles.count(value))?,
            None => sheet.write_blank(row, col, &styles.general)?,
        };
    }
    let height = [
        (place.as_str(), HEADERS[2].1),
        (finding.message.vi.as_str(), HEADERS[3].1),
        (finding.legal_basis.as_str(), HEADERS[4].1),
    ]
    .into_iter()
    .map(|(text, width)| wrapped_height(text, width))
    .fold(0.0, f64::max);
    sheet.set_row_height(row, height)?;
    Ok(())
}
