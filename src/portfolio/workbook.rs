//! The consolidated workbook of a portfolio (`vtvl portfolio DIR --xlsx OUT`): one row per
//! agency, grouped by the unit type of its root unit, with quota, current, proposed, appraised
//! and the difference, subtotals and the grand total as formulas (their cached results the
//! portfolio's sums), printed in the dossier's administrative form.

use std::path::{Path, PathBuf};

use rust_xlsxwriter::{Formula, RowNum, Workbook};

use super::{Portfolio, Sums};
use crate::dossier::{
    DossierError, FormLayout, ROW_POINTS, Sheet, Styles, cell_ref, form_foot, form_head,
    formula_result, page_setup, wrapped_height,
};
use crate::format::roman;
use crate::language::{Language, Localized};
use crate::model::{CivilDate, Plan, PlanMeta};
use crate::output::{atomic, io_reason};

/// The sheet's name.
pub const NAME: &str = "Tổng hợp tỉnh";
pub const TITLE: &str = "BẢNG TỔNG HỢP BIÊN CHẾ, SỐ LƯỢNG NGƯỜI LÀM VIỆC CỦA CÁC CƠ QUAN, ĐƠN VỊ";
/// The label of the grand-total row.
pub const GRAND_TOTAL: &str = "TỔNG CỘNG";
/// The heading of the group of plans that could not be read.
pub const UNREADABLE: &str = "Đề án không đọc được";

const COL_NO: u16 = 0;
const COL_NAME: u16 = 1;
const COL_QUOTA: u16 = 2;
const COL_CURRENT: u16 = 3;
const COL_PROPOSED: u16 = 4;
const COL_APPRAISED: u16 = 5;
const COL_DIFFERENCE: u16 = 6;
const COL_NOTE: u16 = 7;

const HEADERS: [(&str, f64); 8] = [
    ("STT", 6.0),
    ("Cơ quan, đơn vị", 44.0),
    ("Biên chế được giao", 11.0),
    ("Số người hiện có", 11.0),
    ("Số người đề nghị", 11.0),
    ("Số người thẩm định", 11.0),
    ("Chênh lệch đề nghị so với hiện có", 13.0),
    ("Ghi chú", 30.0),
];

/// An error writing the consolidated workbook.
#[derive(Debug, thiserror::Error)]
pub enum WorkbookError {
    #[error(transparent)]
    Sheet(#[from] DossierError),
    #[error("cannot write the workbook: {0}")]
    Xlsx(#[from] rust_xlsxwriter::XlsxError),
    #[error("cannot write {}: {}", path.display(), io_reason(source, Language::English))]
    Io {
        path: PathBuf,
        source: std::io::Error,
    },
}

impl Localized for WorkbookError {
    fn message(&self, language: Language) -> String {
        match (self, language) {
            (WorkbookError::Sheet(error), _) => error.message(language),
            (_, Language::English) => self.to_string(),
            (WorkbookError::Xlsx(error), Language::Vietnamese) => {
                format!("không ghi được sổ tính: {error}")
            }
            (WorkbookError::Io { path, source }, Language::Vietnamese) => format!(
                "không ghi được {}: {}",
                path.display(),
                io_reason(source, language)
            ),
        }
    }
}

/// Writes the consolidated workbook to `path` atomically, dated `today`.
pub fn write_workbook(
    portfolio: &Portfolio,
    path: &Path,
    today: CivilDate,
) -> Result<(), WorkbookError> {
    let bytes = workbook_bytes(portfolio, today)?;
    atomic::write_bytes(path, &bytes).map_err(|source| WorkbookError::Io {
        path: path.to_path_buf(),
        source,
    })
}

/// The consolidated workbook as bytes.
pub fn workbook_bytes(portfolio: &Portfolio, today: CivilDate) -> Result<Vec<u8>, WorkbookError> {
    let styles = Styles::new();
    let mut workbook = Workbook::new();
    let mut sheet = Sheet::new(workbook.add_worksheet());
    write_sheet(&mut sheet, &styles, portfolio, today)?;
    sheet.finish()?;
    Ok(workbook.save_to_buffer()?)
}

/// The document the form's head and foot describe: the consolidated table of the province,
/// its issuing body and signers left as dotted lines to fill by hand.
fn form_plan(portfolio: &Portfolio, today: CivilDate) -> Plan {
    let read = portfolio.totals.all.plans;
    Plan {
        meta: PlanMeta {
            name: format!(
                "Tổng hợp {read} đề án vị trí việc làm (số liệu ngày {})",
                today
            ),
            ..PlanMeta::default()
        },
        ..Plan::default()
    }
}

/// Rows of one group, to total.
struct Group {
    first: RowNum,
    last: RowNum,
}

fn write_sheet<'s>(
    sheet: &mut Sheet<'_, 's>,
    styles: &'s Styles,
    portfolio: &Portfolio,
    today: CivilDate,
) -> Result<(), WorkbookError> {
    sheet.set_name(NAME)?;
    let layout = FormLayout {
        split: COL_QUOTA,
        last: COL_NOTE,
        width: HEADERS.iter().map(|(_, w)| w).sum(),
    };
    let plan = form_plan(portfolio, today);
    let header_row = form_head(sheet, styles, &plan, layout, 1, TITLE)?;
    for (col, (text, _)) in (0u16..).zip(HEADERS) {
        sheet.write_string_with_format(header_row, col, text, &styles.header)?;
    }
    sheet.set_row_height(header_row, 48.0)?;
    page_setup(
        sheet,
        true,
        Some(header_row),
        Some(NAME),
        &HEADERS.map(|(_, width)| width),
    )?;
    let mut row = header_row + 1;
    let mut subtotal_rows = Vec::new();
    for (number, type_sums) in portfolio.totals.by_unit_type.iter().enumerate() {
        let group_row = row;
        sheet.write_string_with_format(row, COL_NO, roman(number + 1), &styles.group_center)?;
        sheet.write_string_with_format(
            row,
            COL_NAME,
            type_sums.unit_type.label_vi(),
            &styles.group,
        )?;
        row += 1;
        let first = row;
        let mut index = 0;
        for agency in &portfolio.agencies {
            let Some(f) = agency.figures() else {
                continue;
            };
            if f.unit_type != type_sums.unit_type {
                continue;
            }
            index += 1;
            sheet.write_number_with_format(row, COL_NO, index, &styles.text_center)?;
            sheet.write_string_with_format(row, COL_NAME, &f.agency, &styles.text)?;
            match f.quota {
                Some(q) => sheet.write_number_with_format(row, COL_QUOTA, q, &styles.whole)?,
                None => sheet.write_blank(row, COL_QUOTA, &styles.whole)?,
            };
            sheet.write_number_with_format(row, COL_CURRENT, f.current, styles.count(f.current))?;
            sheet.write_number_with_format(row, COL_PROPOSED, f.proposed as f64, &styles.whole)?;
            match f.appraised {
                Some(a) => {
                    sheet.write_number_with_format(row, COL_APPRAISED, a as f64, &styles.whole)?
                }
                None => sheet.write_blank(row, COL_APPRAISED, &styles.whole)?,
            };
            let difference = f.proposed as f64 - f.current;
            sheet.write_formula_with_format(
                row,
                COL_DIFFERENCE,
                Formula::new(format!(
                    "={}-{}",
                    cell_ref(row, COL_PROPOSED),
                    cell_ref(row, COL_CURRENT)
                ))
                .set_result(formula_result(difference)),
                styles.count(difference),
            )?;
            sheet.write_string_with_format(row, COL_NOTE, &agency.relative, &styles.text)?;
            fit_row(
                sheet,
                row,
                &[(&f.agency, COL_NAME), (&agency.relative, COL_NOTE)],
            )?;
            row += 1;
        }
        let group = Group {
            first,
            last: row.saturating_sub(1),
        };
        group_totals(sheet, styles, group_row, &group, &type_sums.sums)?;
        subtotal_rows.push(group_row);
    }
    let unreadable: Vec<_> = portfolio
        .agencies
        .iter()
        .filter_map(|a| a.outcome.as_ref().err().map(|e| (a, e)))
        .collect();
    if !unreadable.is_empty() {
        let number = portfolio.totals.by_unit_type.len() + 1;
        sheet.write_string_with_format(row, COL_NO, roman(number), &styles.group_center)?;
        sheet.merge_range(row, COL_NAME, row, COL_NOTE, UNREADABLE, &styles.group)?;
        row += 1;
        for (index, (agency, error)) in (1u32..).zip(unreadable) {
            sheet.write_number_with_format(row, COL_NO, index, &styles.text_center)?;
            sheet.write_string_with_format(row, COL_NAME, &agency.relative, &styles.text)?;
            for col in COL_QUOTA..COL_NOTE {
                sheet.write_blank(row, col, &styles.general)?;
            }
            // The folder is the sheet's subject: the file is named under it.
            let message = error
                .message(Language::Vietnamese)
                .replace(&format!("{}/", portfolio.root.display()), "");
            sheet.write_string_with_format(row, COL_NOTE, &message, &styles.text)?;
            fit_row(
                sheet,
                row,
                &[(&agency.relative, COL_NAME), (&message, COL_NOTE)],
            )?;
            row += 1;
        }
    }
    grand_total(sheet, styles, row, &subtotal_rows, &portfolio.totals.all)?;
    form_foot(sheet, styles, &plan, layout, row + 1)?;
    Ok(())
}

/// Makes a row tall enough for its wrapped texts (spreadsheet programs do not fit rows written
/// with a height of their own, and a print must not let text run over the next row).
fn fit_row(
    sheet: &mut Sheet<'_, '_>,
    row: RowNum,
    texts: &[(&str, u16)],
) -> Result<(), WorkbookError> {
    let height = texts
        .iter()
        .filter_map(|(text, col)| {
            HEADERS
                .get(usize::from(*col))
                .map(|(_, width)| wrapped_height(text, *width))
        })
        .fold(0.0, f64::max);
    if height > ROW_POINTS + 3.0 {
        sheet.set_row_height(row, height)?;
    }
    Ok(())
}

/// The figures of a group's heading row: sums of its agencies' rows as formulas.
fn group_totals<'s>(
    sheet: &mut Sheet<'_, 's>,
    styles: &'s Styles,
    row: RowNum,
    group: &Group,
    sums: &Sums,
) -> Result<(), WorkbookError> {
    let sum = |col: u16| {
        if group.last < group.first {
            "=0".to_owned()
        } else {
            format!(
                "=SUM({}:{})",
                cell_ref(group.first, col),
                cell_ref(group.last, col)
            )
        }
    };
    write_sums(sheet, styles, row, sums, sum, &styles.group)
}

/// The grand total: the sum of the groups' heading rows.
fn grand_total<'s>(
    sheet: &mut Sheet<'_, 's>,
    styles: &'s Styles,
    row: RowNum,
    groups: &[RowNum],
    sums: &Sums,
) -> Result<(), WorkbookError> {
    sheet.write_blank(row, COL_NO, &styles.total_label)?;
    sheet.write_string_with_format(row, COL_NAME, GRAND_TOTAL, &styles.total_label)?;
    let sum = |col: u16| {
        if groups.is_empty() {
            "=0".to_owned()
        } else {
            let cells: Vec<String> = groups.iter().map(|&r| cell_ref(r, col)).collect();
            format!("={}", cells.join("+"))
        }
    };
    write_sums(sheet, styles, row, sums, sum, &styles.total_label)
}

fn write_sums<'s>(
    sheet: &mut Sheet<'_, 's>,
    styles: &'s Styles,
    row: RowNum,
    sums: &Sums,
    formula: impl Fn(u16) -> String,
    note: &'s rust_xlsxwriter::Format,
) -> Result<(), WorkbookError> {
    let figures = [
        (COL_QUOTA, sums.quota as f64),
        (COL_CURRENT, sums.current),
        (COL_PROPOSED, sums.proposed as f64),
        (COL_APPRAISED, sums.appraised.unwrap_or(0) as f64),
        (COL_DIFFERENCE, sums.proposed as f64 - sums.current),
    ];
    for (col, value) in figures {
        sheet.write_formula_with_format(
            row,
            col,
            Formula::new(formula(col)).set_result(formula_result(value)),
            styles.total_count(value),
        )?;
    }
    sheet.write_blank(row, COL_NOTE, note)?;
    Ok(())
}
