//! The narrative đề án: a Word draft of the *Đề án vị trí việc làm* (ND 62/2020, TT 12/2022,
//! ND 106/2020 and their successors) that the agency completes and signs: the form's header,
//! Phần I why and on which legal bases ([`legal_bases`]), Phần II the units and the people
//! today, Phần III the positions by group, Phần IV the headcount proposed per unit, basis and
//! rank, Phần V carrying it out with the check's findings as points to address, and the
//! signature block.
//!
//! The document is always Vietnamese: it is an administrative document. Every figure is the
//! engine's, looked up by id ([`crate::engine::compute`], [`crate::engine::breakdown`]);
//! the legal bases and findings come from [`crate::rules::check`] on the judgement date.

mod current_state;
mod error;
mod form;
mod headcount;
mod implementation;
mod legal_bases;
mod necessity;
mod position_list;
mod typeset;
mod unit_lines;

use std::io::Cursor;
use std::path::Path;

use docx_rs::{AlignmentType, Docx, Header, PageNum, Paragraph};

pub use error::NarrativeError;
pub use form::{DOTS, HEAD_OF_AGENCY, agency, date_line, number_line};
pub use headcount::OVER_QUOTA;
pub use implementation::NO_FINDINGS;
pub use legal_bases::{LegalBasis, citation, legal_bases};

use crate::engine::PlanResults;
use crate::model::{CivilDate, Employment, Plan};
use crate::rules;

/// The parts' titles, in document order.
pub const PART_TITLES: [&str; 5] = [
    necessity::TITLE,
    current_state::TITLE,
    position_list::TITLE,
    headcount::TITLE,
    implementation::TITLE,
];

/// Writes the đề án of a computed plan to `path` (atomically: a reader never sees half a
/// file), judged by the rules in force on `at`.
///
/// `results` must be `engine::compute(plan)`; the plan must be valid.
pub fn write_document(
    plan: &Plan,
    results: &PlanResults,
    path: &Path,
    at: CivilDate,
) -> Result<(), NarrativeError> {
    let bytes = document_bytes(plan, results, at)?;
    crate::output::atomic::write_bytes(path, &bytes).map_err(|source| NarrativeError::Io {
        path: path.display().to_string(),
        source,
    })
}

/// The đề án as the bytes of a .docx file (what [`write_document`] saves).
pub fn document_bytes(
    plan: &Plan,
    results: &PlanResults,
    at: CivilDate,
) -> Result<Vec<u8>, NarrativeError> {
    let mut buffer = Cursor::new(Vec::new());
    build(plan, results, at)?
        .build()
        .pack(&mut buffer)
        .map_err(|e| NarrativeError::Pack(e.to_string()))?;
    Ok(buffer.into_inner())
}

/// The title under "ĐỀ ÁN", by the kinds of staff the plan holds in biên chế.
pub fn title(results: &PlanResults) -> &'static str {
    let parts = results.total.by_employment.establishment_parts();
    let has = |basis: Employment| parts.iter().any(|(b, _)| *b == basis);
    match (
        has(Employment::CivilServant),
        has(Employment::PublicEmployee),
    ) {
        (true, false) => "VỊ TRÍ VIỆC LÀM VÀ CƠ CẤU NGẠCH CÔNG CHỨC",
        (false, true) => "VỊ TRÍ VIỆC LÀM VÀ CƠ CẤU VIÊN CHỨC THEO CHỨC DANH NGHỀ NGHIỆP",
        (true, true) => {
            "VỊ TRÍ VIỆC LÀM, CƠ CẤU NGẠCH CÔNG CHỨC VÀ CƠ CẤU VIÊN CHỨC THEO CHỨC DANH NGHỀ \
             NGHIỆP"
        }
        (false, false) => "VỊ TRÍ VIỆC LÀM",
    }
}

fn page_number() -> Header {
    Header::new().add_paragraph(
        Paragraph::new()
            .add_run(typeset::run("", typeset::FORM))
            .add_page_num(PageNum::new())
            .align(AlignmentType::Center),
    )
}

fn build(plan: &Plan, results: &PlanResults, at: CivilDate) -> Result<Docx, NarrativeError> {
    let findings = rules::check(plan, results, at);
    let bases = legal_bases(plan, results, &findings, at);
    let lines = unit_lines::unit_lines(plan, results)?;

    let mut front = form::header(plan, title(results));
    front.extend(necessity::part(plan, &bases, at));
    front.extend(current_state::part(plan, results, &lines));
    front.extend(position_list::part(plan, results, &lines)?);
    let figures = headcount::part(plan, results, &lines, &findings)?;
    let mut closing = implementation::part(plan, results, &findings, at);
    closing.extend(form::signature(plan));

    let docx = typeset::document()
        .add_section(typeset::portrait(front).header(page_number()).title_pg())
        .add_section(typeset::landscape(figures).header(page_number()))
        .header(page_number());
    Ok(typeset::add_blocks(docx, closing))
}
