//! The administrative form of the đề án (ND 30/2020 on văn thư): the issuing agency under its
//! parent body, Quốc hiệu and Tiêu ngữ, number and symbol, place and date, the title; and at
//! the end the signature block and the recipients. Every blank prints a dotted line, to be
//! filled by hand as agencies do.

use docx_rs::Paragraph;

use super::typeset::{
    BODY, Block, FORM, PORTRAIT_WIDTH, TABLE, centred, centred_italic, side_by_side,
};
use crate::model::{CivilDate, DocumentForm, Plan};

/// What an unfilled field prints.
pub const DOTS: &str = "..........";

const QUOC_HIEU: &str = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
const TIEU_NGU: &str = "Độc lập - Tự do - Hạnh phúc";
/// The signer when the plan names none.
pub const HEAD_OF_AGENCY: &str = "THỦ TRƯỞNG CƠ QUAN, ĐƠN VỊ";

/// The left column of the form is this share of the text width.
const LEFT_SHARE: u32 = 40;

/// The issuing agency: the plan's agency, else its name.
pub fn agency(plan: &Plan) -> &str {
    if plan.meta.agency.trim().is_empty() {
        &plan.meta.name
    } else {
        &plan.meta.agency
    }
}

/// Whether the form's number and date belong to the đề án itself (its kind is "Đề án") rather
/// than to the tờ trình it goes with.
fn numbers_this_document(form: &DocumentForm) -> bool {
    let kind = form.kind.trim().to_lowercase();
    kind == "đề án" || kind == "de an"
}

/// "Số: 12/ĐA-STC", or dotted when the đề án has no number of its own yet.
pub fn number_line(form: &DocumentForm) -> String {
    if numbers_this_document(form) && !form.number.trim().is_empty() {
        format!("Số: {}", form.number.trim())
    } else {
        format!("Số: {DOTS}/ĐA-{DOTS}")
    }
}

/// A date as the date line writes it: a day below 10 and the months January and February
/// take a leading zero (ND 30/2020, Phụ lục I).
pub fn date_words(date: Option<CivilDate>) -> String {
    match date {
        Some(d) => {
            let month = if d.month <= 2 {
                format!("{:02}", d.month)
            } else {
                d.month.to_string()
            };
            format!("ngày {:02} tháng {month} năm {}", d.day, d.year)
        }
        None => format!("ngày {DOTS} tháng {DOTS} năm {DOTS}"),
    }
}

/// "An Hòa, ngày 20 tháng 11 năm 2026", dotted where the place or the date is missing.
pub fn date_line(form: &DocumentForm) -> String {
    let place = form.place.trim();
    let place = if place.is_empty() { DOTS } else { place };
    format!("{place}, {}", date_words(form.date))
}

fn rule_line() -> Paragraph {
    centred("────────", FORM, false)
}

/// The header: agency and parent body on the left, Quốc hiệu, Tiêu ngữ and the date line on
/// the right, then the title.
pub fn header(plan: &Plan, title: &str) -> Vec<Block> {
    let form = &plan.meta.document;
    let parent = form.parent_body.trim();
    let parent = if parent.is_empty() { DOTS } else { parent };
    let left_width = PORTRAIT_WIDTH * LEFT_SHARE / 100;
    let left = vec![
        centred(&parent.to_uppercase(), TABLE, false),
        centred(&agency(plan).to_uppercase(), TABLE, true),
        rule_line(),
        centred(&number_line(form), FORM, false),
    ];
    let right = vec![
        centred(QUOC_HIEU, TABLE, true),
        centred(TIEU_NGU, FORM, true),
        rule_line(),
        centred_italic(&date_line(form), FORM),
    ];
    let mut blocks = vec![side_by_side(
        [left_width, PORTRAIT_WIDTH - left_width],
        left,
        right,
    )];
    blocks.push(Block::paragraph(centred("", BODY, false)));
    blocks.push(Block::paragraph(centred("ĐỀ ÁN", BODY, true)));
    blocks.push(Block::paragraph(centred(title, BODY, true)));
    let mut of = format!("của {}", agency(plan));
    if let Some(year) = plan.meta.year {
        of.push_str(&format!(" năm {year}"));
    }
    blocks.push(Block::paragraph(centred(&of, BODY, true)));
    blocks.push(Block::paragraph(rule_line()));
    blocks
}

/// The signature block and the recipients (Nơi nhận).
pub fn signature(plan: &Plan) -> Vec<Block> {
    let form = &plan.meta.document;
    let left_width = PORTRAIT_WIDTH * LEFT_SHARE / 100;
    let recipients = vec![
        Paragraph::new().add_run(super::typeset::run("Nơi nhận:", TABLE).bold().italic()),
        Paragraph::new().add_run(super::typeset::run(
            &format!(
                "- Cơ quan có thẩm quyền thẩm định, phê duyệt;\n- {DOTS};\n- Lưu: VT, {DOTS}."
            ),
            22,
        )),
    ];
    let title = form.signer_title.trim();
    let title = if title.is_empty() {
        HEAD_OF_AGENCY.to_owned()
    } else {
        title.to_uppercase()
    };
    let name = form.signer_name.trim();
    let mut signer = vec![centred(&title, FORM, true)];
    signer.push(centred_italic("(Ký tên, đóng dấu)", FORM));
    for _ in 0..4 {
        signer.push(centred("", FORM, false));
    }
    signer.push(centred(
        if name.is_empty() { DOTS } else { name },
        FORM,
        true,
    ));
    vec![
        Block::paragraph(centred("", BODY, false)),
        side_by_side(
            [left_width, PORTRAIT_WIDTH - left_width],
            recipients,
            signer,
        ),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn blanks_print_dotted_lines_and_dates_take_leading_zeros() {
        let mut form = DocumentForm::default();
        assert_eq!(
            date_line(&form),
            format!("{DOTS}, ngày {DOTS} tháng {DOTS} năm {DOTS}")
        );
        assert_eq!(number_line(&form), format!("Số: {DOTS}/ĐA-{DOTS}"));
        form.place = "An Hòa".to_owned();
        form.date = CivilDate::new(2026, 2, 5);
        assert_eq!(date_line(&form), "An Hòa, ngày 05 tháng 02 năm 2026");
        form.date = CivilDate::new(2026, 11, 20);
        assert_eq!(date_line(&form), "An Hòa, ngày 20 tháng 11 năm 2026");
        // The number of the tờ trình is not the đề án's.
        form.number = "125/TTr-STC".to_owned();
        assert_eq!(number_line(&form), format!("Số: {DOTS}/ĐA-{DOTS}"));
        form.kind = "Đề án".to_owned();
        form.number = "12/ĐA-STC".to_owned();
        assert_eq!(number_line(&form), "Số: 12/ĐA-STC");
    }
}
