//! The administrative form every appendix of the dossier is printed in (ND 30/2020 on văn
//! thư): the agency under its parent body beside the Quốc hiệu and Tiêu ngữ, the appendix
//! number, the table's title and the document it accompanies at the head; the place and date
//! and the signature blocks at the foot.
//!
//! The texts come from [`crate::model::DocumentForm`] (`plan.meta.document`); a field left blank
//! prints dotted lines to be filled by hand.

use rust_xlsxwriter::RowNum;

use super::DossierError;
use super::print::{Styles, wrapped_height};
use super::sheet::Sheet;
use crate::format::roman;
use crate::model::{CivilDate, Plan};

pub const NATIONAL_NAME: &str = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
pub const MOTTO: &str = "Độc lập - Tự do - Hạnh phúc";
pub const PREPARER: &str = "NGƯỜI LẬP BIỂU";
/// The signer's block when the plan names no title.
pub const HEAD_OF_AGENCY: &str = "THỦ TRƯỞNG CƠ QUAN, ĐƠN VỊ";
pub const SEAL: &str = "(Ký tên, đóng dấu)";
const SIGN: &str = "(Ký, ghi rõ họ tên)";
/// A blank to fill by hand.
const DOTS: &str = "..................";
const SHORT_DOTS: &str = "......";
/// Rows left for the signatures.
const SIGNATURE_ROWS: RowNum = 4;

/// Where the head and foot sit on a sheet: the last column, and the last column of the left
/// block (the agency; the signature of the preparer), the right block taking the rest.
#[derive(Debug, Clone, Copy)]
pub struct Layout {
    pub split: u16,
    pub last: u16,
    /// The width of the whole table in characters, to size the wrapped lines.
    pub width: f64,
}

/// The appendix's head from row 0: agency and Quốc hiệu, "Phụ lục ‹n›", the title, the plan's
/// name and the "(Kèm theo ...)" line. Returns the first free row after a blank one.
pub fn head<'s>(
    sheet: &mut Sheet<'_, 's>,
    styles: &'s Styles,
    plan: &Plan,
    layout: Layout,
    appendix: usize,
    title: &str,
) -> Result<RowNum, DossierError> {
    let form = &plan.meta.document;
    let (plain, bold, underlined) = (
        &styles.form_plain,
        &styles.form_bold,
        &styles.form_underlined,
    );
    let Layout { split, last, .. } = layout;
    let parent = or_dots(&form.parent_body).to_uppercase();
    let agency = or_dots(&plan.meta.agency).to_uppercase();
    let left_width = layout.width / 2.0;
    // Row by row, each with its height: a job description's sheet is written top to bottom.
    for (row, (left, left_format), (right, right_format)) in [
        (0, (&parent, plain), (NATIONAL_NAME, bold)),
        (1, (&agency, underlined), (MOTTO, underlined)),
    ] {
        sheet.merge_range(row, 0, row, split, left, left_format)?;
        sheet.merge_range(row, split + 1, row, last, right, right_format)?;
        sheet.set_row_height(row, wrapped_height(left, left_width).max(18.0))?;
    }
    sheet.merge_range(3, 0, 3, last, &format!("Phụ lục {}", roman(appendix)), bold)?;
    sheet.merge_range(4, 0, 4, last, title, &styles.title)?;
    sheet.set_row_height(4, wrapped_height(title, layout.width / 1.4).max(24.0))?;
    sheet.merge_range(5, 0, 5, last, &plan.meta.name, &styles.subtitle)?;
    let attached = attached_line(plan);
    sheet.merge_range(6, 0, 6, last, &attached, &styles.form_attached)?;
    Ok(8)
}

/// "(Kèm theo Tờ trình số 125/TTr-STC ngày 15 tháng 7 năm 2026 của Sở Tài chính)", dotted
/// where a field is blank.
pub fn attached_line(plan: &Plan) -> String {
    let form = &plan.meta.document;
    let kind = if form.kind.trim().is_empty() {
        "Tờ trình"
    } else {
        form.kind.trim()
    };
    format!(
        "(Kèm theo {kind} số {} {} của {})",
        or_dots(&form.number),
        date_words(form.date),
        or_dots(&plan.meta.agency)
    )
}

/// "ngày 15 tháng 7 năm 2026", or dotted blanks.
fn date_words(date: Option<CivilDate>) -> String {
    match date {
        Some(d) => format!("ngày {} tháng {} năm {}", d.day, d.month, d.year),
        None => format!("ngày {SHORT_DOTS} tháng {SHORT_DOTS} năm {SHORT_DOTS}"),
    }
}

/// The foot from `row` (after a blank one): "‹place›, ngày ... tháng ... năm ...", then the
/// preparer's block on the left and the head of the agency's on the right. Returns the row
/// after it.
pub fn foot<'s>(
    sheet: &mut Sheet<'_, 's>,
    styles: &'s Styles,
    plan: &Plan,
    layout: Layout,
    row: RowNum,
) -> Result<RowNum, DossierError> {
    let form = &plan.meta.document;
    let Layout { split, last, .. } = layout;
    let (bold, italic) = (&styles.form_bold, &styles.form_italic);
    let mut row = row + 1;
    let place_line = format!("{}, {}", or_dots(&form.place), date_words(form.date));
    sheet.merge_range(row, split + 1, row, last, &place_line, italic)?;
    row += 1;
    let title = if form.signer_title.trim().is_empty() {
        HEAD_OF_AGENCY.to_owned()
    } else {
        form.signer_title.trim().to_uppercase()
    };
    sheet.merge_range(row, 0, row, split, PREPARER, bold)?;
    sheet.merge_range(row, split + 1, row, last, &title, bold)?;
    let lines = title.lines().count().max(1) as f64;
    sheet.set_row_height(row, 15.0 * lines + 3.0)?;
    row += 1;
    sheet.merge_range(row, 0, row, split, SIGN, italic)?;
    sheet.merge_range(row, split + 1, row, last, SEAL, italic)?;
    row += SIGNATURE_ROWS + 1;
    sheet.merge_range(row, 0, row, split, or_dots(&form.preparer_name), bold)?;
    sheet.merge_range(row, split + 1, row, last, or_dots(&form.signer_name), bold)?;
    Ok(row + 1)
}

fn or_dots(text: &str) -> &str {
    let text = text.trim();
    if text.is_empty() { DOTS } else { text }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blanks_print_dots_and_given_fields_print_as_written() {
        let mut plan = Plan::default();
        assert_eq!(
            attached_line(&plan),
            "(Kèm theo Tờ trình số .................. ngày ...... tháng ...... năm ...... của \
             ..................)"
        );
        plan.meta.agency = "Sở Tài chính".to_owned();
        plan.meta.document.kind = "Đề án".to_owned();
        plan.meta.document.number = "125/ĐA-STC".to_owned();
        plan.meta.document.date = Some(CivilDate {
            day: 15,
            month: 7,
            year: 2026,
        });
        assert_eq!(
            attached_line(&plan),
            "(Kèm theo Đề án số 125/ĐA-STC ngày 15 tháng 7 năm 2026 của Sở Tài chính)"
        );
    }
}
