//! The workbook template: an empty workbook with one sheet per interchange table, for planners
//! who fill their plan in a spreadsheet program and import it.
//!
//! Row 1 of each sheet holds the column names of the contract (what the import reads), row 2
//! their Vietnamese labels (skipped on import). Both rows stay in view while scrolling.
//! Keyword columns offer their keywords as a drop-down list; counts and levels accept whole
//! numbers only; text columns are formatted as text so that codes such as `01.003` keep their
//! leading zero.

use std::path::Path;

use rust_xlsxwriter::{
    DataValidation, DataValidationErrorStyle, DataValidationRule, Format, FormatBorder, Workbook,
    Worksheet, XlsxError,
};

use super::cells;
use super::columns::{self, TableSpec, settings_keys};
use super::error::ExportError;
use super::job_descriptions;
use crate::model::{
    Category, CompetencyGroup, ComponentKind, DriverKind, Employment, LeaderRole, Method,
    NormDriver, Period, ProvinceClass, Rounding,
};
use crate::output::atomic::{self, AtomicError};

/// The last row (0-based) data validation covers.
const LAST_ROW: u32 = 9_999;

/// Writes the empty template to `path`, atomically.
pub fn write_template(path: &Path) -> Result<(), ExportError> {
    let error = |error: XlsxError| ExportError::Workbook {
        path: path.to_owned(),
        reason: error.to_string(),
    };
    let mut book = template().map_err(error)?;
    atomic::write_file(path, |tmp| book.save(tmp)).map_err(|failure| match failure {
        AtomicError::Content(xlsx) => error(xlsx),
        AtomicError::Io { error, .. } => ExportError::Write {
            path: path.to_owned(),
            source: error,
        },
    })
}

/// The template as a workbook.
pub fn template() -> Result<Workbook, XlsxError> {
    let mut book = Workbook::new();
    for spec in &columns::ALL {
        let sheet = book.add_worksheet();
        sheet.set_name(spec.name)?;
        write_sheet(sheet, spec)?;
    }
    Ok(book)
}

fn write_sheet(sheet: &mut Worksheet, spec: &TableSpec) -> Result<(), XlsxError> {
    let names = Format::new()
        .set_bold()
        .set_font_color("#555555")
        .set_background_color("#E7EEF7")
        .set_border_bottom(FormatBorder::Thin);
    let labels = Format::new()
        .set_bold()
        .set_text_wrap()
        .set_background_color("#E7EEF7")
        .set_border_bottom(FormatBorder::Medium);
    let text = Format::new().set_num_format("@");
    for (col, column) in spec.columns.iter().enumerate() {
        let col = u16::try_from(col).unwrap_or(u16::MAX);
        let label = spec.label_vi(column.name).unwrap_or(column.name);
        sheet.write_string_with_format(0, col, column.name, &names)?;
        sheet.write_string_with_format(1, col, label, &labels)?;
        sheet.set_column_width(col, width(column.name, label))?;
        if !is_numeric(spec, column.name) {
            sheet.set_column_format(col, &text)?;
        }
        if let Some(validation) = validation(spec, column.name)? {
            sheet.add_data_validation(2, col, LAST_ROW, col, &validation)?;
        }
    }
    sheet.set_row_height(1, 30)?;
    sheet.set_freeze_panes(2, 0)?;
    if spec.name == columns::SETTINGS.name {
        settings_rows(sheet)?;
    }
    Ok(())
}

/// The settings sheet lists its keys, with the rounding policies and province classes offered
/// as lists.
fn settings_rows(sheet: &mut Worksheet) -> Result<(), XlsxError> {
    for (i, key) in settings_keys::ALL.into_iter().enumerate() {
        let row = 2 + u32::try_from(i).unwrap_or(0);
        sheet.write_string(row, 0, key)?;
        let validation =
            match key {
                settings_keys::ROUNDING => DataValidation::new()
                    .allow_list_strings(&Rounding::ALL.map(Rounding::keyword))?,
                settings_keys::PROVINCE_CLASS => DataValidation::new()
                    .allow_list_strings(&ProvinceClass::ALL.map(ProvinceClass::keyword))?,
                settings_keys::YEAR => DataValidation::new()
                    .allow_whole_number(DataValidationRule::Between(1900, 2200)),
                settings_keys::JUDGED_AT => DataValidation::new()
                    .allow_any_value()
                    .set_input_message("YYYY-MM-DD, ví dụ 2026-07-01; để trống là ngày hiện tại")?,
                settings_keys::BLOCKING_RULES => DataValidation::new()
                    .allow_any_value()
                    .set_input_message("Mã quy tắc, cách nhau bằng dấu ;")?,
                _ => continue,
            };
        sheet.add_data_validation(row, 1, row, 1, &validation)?;
    }
    sheet.set_column_width(1, 50)?;
    Ok(())
}

/// Columns that hold numbers (every other column is text).
fn is_numeric(spec: &TableSpec, column: &str) -> bool {
    match spec.name {
        "calendars" => column != "id" && column != "name",
        "units" => {
            matches!(column, "quota" | "autonomy_group" | "school_zone")
                || NormDriver::from_keyword(column).is_some_and(|d| {
                    matches!(
                        d.kind(),
                        DriverKind::Count | DriverKind::Amount | DriverKind::Class
                    )
                })
        }
        "positions" => matches!(column, "count" | "min" | "max" | "proposed"),
        "duties" => matches!(
            column,
            "volume"
                | "minutes_per_item"
                | "coefficient"
                | "percent"
                | "minutes"
                | "staff"
                | "ratio"
        ),
        "staff" => column == "fte",
        "job_descriptions" => column == "level",
        _ => false,
    }
}

/// A width that shows the name and the label; long text columns wider.
fn width(name: &str, label: &str) -> f64 {
    let wide = matches!(
        name,
        "name" | "content" | "output" | "criterion" | "detail" | "proposed_reason" | "value"
    );
    if wide {
        return 40.0;
    }
    let chars = name.chars().count().max(label.chars().count());
    (chars as f64 + 2.0).clamp(8.0, 24.0)
}

/// The drop-down list or number rule of a column, if it has one.
fn validation(spec: &TableSpec, column: &str) -> Result<Option<DataValidation>, XlsxError> {
    let list = |items: &[&str]| DataValidation::new().allow_list_strings(items);
    let whole = |min: i32, max: i32| {
        DataValidation::new().allow_whole_number(DataValidationRule::Between(min, max))
    };
    let validation = match (spec.name, column) {
        ("settings", "key") => list(&settings_keys::ALL)?,
        ("units", "autonomy_group") => whole(1, 4),
        ("units", "school_zone") => whole(1, 3),
        ("units", driver) if NormDriver::from_keyword(driver).is_some() => {
            match NormDriver::from_keyword(driver).map(NormDriver::kind) {
                Some(DriverKind::Count) => whole(0, i32::MAX),
                Some(DriverKind::Class) => whole(1, 3),
                Some(DriverKind::Amount) => DataValidation::new()
                    .allow_decimal_number(DataValidationRule::GreaterThanOrEqualTo(0.0)),
                Some(DriverKind::Flag) => list(&[cells::YES, cells::NO])?,
                Some(DriverKind::Choice(choices)) => {
                    list(&choices.iter().map(|c| c.keyword).collect::<Vec<_>>())?
                }
                None => return Ok(None),
            }
        }
        ("positions", "role") => list(&LeaderRole::ALL.map(LeaderRole::keyword))?,
        // The Vietnamese labels are what planners write; the keywords are read too.
        ("positions", "employment") => list(&Employment::ALL.map(Employment::label_vi))?
            .set_input_message("Để trống: theo loại đơn vị")?,
        ("positions", "steps") => DataValidation::new()
            .allow_any_value()
            .set_input_message("bậc:số người, cách nhau bằng dấu ; ví dụ 5:2;4:3")?,
        ("units", "quota") | ("positions", "count" | "min" | "max" | "proposed") => {
            whole(0, i32::MAX)
        }
        ("positions", "category") => list(&Category::ALL.map(Category::keyword))?,
        ("positions", "method") => list(&Method::ALL.map(Method::keyword))?,
        ("duties", "kind") => list(&ComponentKind::KEYWORDS)?,
        ("duties", "per") => list(&Period::ALL.map(Period::keyword))?,
        ("job_descriptions", "section") => list(&job_descriptions::section_keywords())?,
        // Competency groups are keywords, requirement groups free text: a warning only.
        ("job_descriptions", "group") => list(&CompetencyGroup::ALL.map(CompetencyGroup::keyword))?
            .set_error_style(DataValidationErrorStyle::Warning),
        ("job_descriptions", "level") => whole(1, 5),
        _ => return Ok(None),
    };
    Ok(Some(validation))
}
