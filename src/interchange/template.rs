//! The workbook template, empty or filled with a plan: one sheet per interchange table, for
//! planners who fill their plan in a spreadsheet program and import it, and for a plan sent back
//! out to be edited there and read in again. One writer makes both, so an exported plan has the
//! template's sheets, columns and drop-downs.
//!
//! Row 1 of each sheet holds the column names of the contract (what the import reads), row 2
//! their Vietnamese labels (skipped on import). Both rows stay in view while scrolling.
//! Keyword columns offer the Vietnamese labels of their choices (as the app shows them) as a
//! drop-down list, kept in a hidden sheet `lists` that the import ignores; keywords are read
//! too. Counts and levels accept whole numbers only; text columns are formatted as text so that
//! codes such as `01.003` keep their leading zero. An exported plan writes labels in keyword
//! cells and numbers as numeric cells. Sheets print on A4 landscape, one page wide.

use std::path::Path;

use rust_xlsxwriter::{
    DataValidation, DataValidationErrorStyle, DataValidationRule, Format, FormatBorder, Formula,
    Workbook, Worksheet, XlsxError,
};

use super::columns::{self, LISTS_SHEET, TableSpec, settings_keys};
use super::error::ExportError;
use super::export;
use super::job_descriptions;
use super::table::OutTable;
use crate::model::{
    Category, Choice, CompetencyGroup, ComponentType, DriverKind, Employment, LeaderRole, Method,
    NormDriver, Period, Plan, ProvinceClass, Rounding, Sex, UnitType,
};
use crate::output::atomic;

/// The last row (0-based) data validation covers.
const LAST_ROW: u32 = 9_999;

/// Writes the empty template to `path`, atomically.
pub fn write_template(path: &Path) -> Result<(), ExportError> {
    save(&[], path)
}

/// Writes `plan` into the template's layout at `path`, to be edited in a spreadsheet program
/// and imported again (the same plan comes back).
pub fn write_plan_workbook(plan: &Plan, path: &Path) -> Result<(), ExportError> {
    save(&export::tables(plan)?, path)
}

fn save(tables: &[OutTable], path: &Path) -> Result<(), ExportError> {
    let error = |error: XlsxError| ExportError::Workbook {
        path: path.to_owned(),
        reason: error.to_string(),
    };
    // Built in memory, then written: a failed write is an error naming the file.
    let bytes = workbook(tables)
        .and_then(|mut book| book.save_to_buffer())
        .map_err(error)?;
    atomic::write_bytes(path, &bytes).map_err(|error| ExportError::Write {
        path: path.to_owned(),
        source: error,
    })
}

/// The template as a workbook, holding the rows of `tables` (none for the empty template).
fn workbook(tables: &[OutTable]) -> Result<Workbook, XlsxError> {
    let mut book = Workbook::new();
    let mut lists = Lists::default();
    for spec in &columns::ALL {
        let sheet = book.add_worksheet();
        sheet.set_name(spec.name)?;
        let table = tables.iter().find(|t| t.spec.name == spec.name);
        write_sheet(sheet, spec, table, &mut lists)?;
    }
    let sheet = book.add_worksheet();
    sheet.set_name(LISTS_SHEET)?;
    lists.write(sheet)?;
    Ok(book)
}

/// The drop-down lists, one column each in the hidden `lists` sheet (a list written inline is
/// limited to 255 characters; the unit types alone are longer).
#[derive(Default)]
struct Lists {
    /// Each list's name and labels, in column order.
    columns: Vec<(String, Vec<&'static str>)>,
}

impl Lists {
    /// A drop-down of `labels`, adding them as a column the first time.
    fn validation(&mut self, name: &str, labels: Vec<&'static str>) -> DataValidation {
        let index = match self.columns.iter().position(|(_, l)| *l == labels) {
            Some(index) => index,
            None => {
                self.columns.push((name.to_owned(), labels));
                self.columns.len() - 1
            }
        };
        let rows = self
            .columns
            .get(index)
            .map_or(1, |(_, labels)| labels.len().max(1));
        let column = column_letters(index);
        DataValidation::new().allow_list_formula(Formula::new(format!(
            "={LISTS_SHEET}!${column}$2:${column}${}",
            rows + 1
        )))
    }

    fn write(&self, sheet: &mut Worksheet) -> Result<(), XlsxError> {
        for (col, (name, labels)) in self.columns.iter().enumerate() {
            let col = u16::try_from(col).unwrap_or(u16::MAX);
            sheet.write_string(0, col, name)?;
            for (row, label) in labels.iter().enumerate() {
                sheet.write_string(u32::try_from(row + 1).unwrap_or(u32::MAX), col, *label)?;
            }
            sheet.set_column_width(col, 30)?;
        }
        sheet.set_hidden(true);
        Ok(())
    }
}

/// The spreadsheet's letters of a 0-based column: A, B, ..., Z, AA.
fn column_letters(mut index: usize) -> String {
    let mut letters = Vec::new();
    loop {
        letters.push(char::from(b'A' + u8::try_from(index % 26).unwrap_or(0)));
        if index < 26 {
            break;
        }
        index = index / 26 - 1;
    }
    letters.iter().rev().collect()
}

fn write_sheet(
    sheet: &mut Worksheet,
    spec: &TableSpec,
    table: Option<&OutTable>,
    lists: &mut Lists,
) -> Result<(), XlsxError> {
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
        // A drop-down column is as wide as its longest label (up to a limit).
        let longest = column_words(spec, column.name)
            .into_iter()
            .flatten()
            .map(|(_, label)| label)
            .max_by_key(|label| label.chars().count())
            .unwrap_or(label);
        sheet.set_column_width(col, width(column.name, label).max(width("", longest)))?;
        if !is_numeric(spec, column.name) {
            sheet.set_column_format(col, &text)?;
        }
        if let Some(validation) = validation(spec, column.name, lists)? {
            sheet.add_data_validation(2, col, LAST_ROW, col, &validation)?;
        }
    }
    sheet.set_row_height(1, 30)?;
    sheet.set_freeze_panes(2, 0)?;
    // Printed on A4 landscape, all columns on one page wide, the header rows on every page.
    sheet.set_paper_size(9);
    sheet.set_landscape();
    sheet.set_print_fit_to_pages(1, 0);
    sheet.set_print_gridlines(true);
    sheet.set_repeat_rows(0, 1)?;
    if spec.name == columns::SETTINGS.name {
        settings_rows(sheet, table, lists)?;
    } else if let Some(table) = table {
        data_rows(sheet, spec, table, &text)?;
    }
    Ok(())
}

/// The rows of a table under the two header rows, in the sheet's columns (a column the table
/// left out stays empty; personal columns of the staff follow the known ones).
fn data_rows(
    sheet: &mut Worksheet,
    spec: &TableSpec,
    table: &OutTable,
    text: &Format,
) -> Result<(), XlsxError> {
    let mut places: Vec<u16> = Vec::new();
    let mut extra = spec.columns.len();
    for name in &table.header {
        let place = match spec.columns.iter().position(|c| c.name == name.as_str()) {
            Some(place) => place,
            None => {
                let place = extra;
                extra += 1;
                let col = u16::try_from(place).unwrap_or(u16::MAX);
                sheet.write_string(0, col, name)?;
                sheet.set_column_format(col, text)?;
                sheet.set_column_width(col, width(name, name))?;
                place
            }
        };
        places.push(u16::try_from(place).unwrap_or(u16::MAX));
    }
    for (i, cells) in table.rows.iter().enumerate() {
        let row = 2 + u32::try_from(i).unwrap_or(u32::MAX - 2);
        let cell = |column: &str| {
            table
                .header
                .iter()
                .position(|name| name == column)
                .and_then(|at| cells.get(at))
                .map_or("", String::as_str)
        };
        for ((name, value), col) in table.header.iter().zip(cells).zip(&places) {
            if value.is_empty() {
                continue;
            }
            // A requirement's group is free text; only a competency's group is a keyword.
            let keyword_cell = !(spec.name == columns::JOB_DESCRIPTIONS.name
                && name == "group"
                && cell("section") != "competency");
            let label = column_words(spec, name)
                .filter(|_| keyword_cell)
                .and_then(|words| label_of(&words, value));
            write_value(sheet, row, *col, value, label, is_numeric(spec, name))?;
        }
    }
    Ok(())
}

/// Writes one cell: a keyword as its label, a number as a numeric cell, else the text.
fn write_value(
    sheet: &mut Worksheet,
    row: u32,
    col: u16,
    value: &str,
    label: Option<&str>,
    numeric: bool,
) -> Result<(), XlsxError> {
    if let Some(label) = label {
        sheet.write_string(row, col, label)?;
    } else if let (true, Ok(number)) = (numeric, value.parse::<f64>()) {
        sheet.write_number(row, col, number)?;
    } else {
        sheet.write_string(row, col, value)?;
    }
    Ok(())
}

/// The label of the word whose keyword is `keyword`.
fn label_of(words: &[(&'static str, &'static str)], keyword: &str) -> Option<&'static str> {
    words
        .iter()
        .find(|(word, _)| *word == keyword)
        .map(|(_, label)| *label)
}

/// The words (keyword, label) of a closed choice, in list order.
fn words_of<T: Choice>() -> Vec<(&'static str, &'static str)> {
    T::choices()
        .iter()
        .map(|value| (value.keyword(), value.label_vi()))
        .collect()
}

/// The words a keyword column accepts, from the same tables the readers use.
fn column_words(spec: &TableSpec, column: &str) -> Option<Vec<(&'static str, &'static str)>> {
    let words = match (spec.name, column) {
        ("units", "unit_type") => words_of::<UnitType>(),
        ("units", driver) => match NormDriver::from_keyword(driver)?.kind() {
            DriverKind::Flag => words_of::<bool>(),
            DriverKind::Choice(choices) => {
                choices.iter().map(|c| (c.keyword, c.label_vi)).collect()
            }
            _ => return None,
        },
        ("positions", "category") => words_of::<Category>(),
        ("positions", "method") => words_of::<Method>(),
        ("positions", "role") => words_of::<LeaderRole>(),
        ("positions", "employment") => words_of::<Employment>(),
        ("duties", "kind") => words_of::<ComponentType>(),
        ("duties", "per") => words_of::<Period>(),
        ("staff", "sex") => words_of::<Sex>(),
        ("job_descriptions", "section") => job_descriptions::sections()
            .iter()
            .map(|(keyword, label, _)| (*keyword, *label))
            .collect(),
        ("job_descriptions", "group") => words_of::<CompetencyGroup>(),
        _ => return None,
    };
    Some(words)
}

/// The words a setting accepts as its value, for settings that are keywords.
fn setting_words(key: &str) -> Option<Vec<(&'static str, &'static str)>> {
    match key {
        settings_keys::ROUNDING => Some(words_of::<Rounding>()),
        settings_keys::PROVINCE_CLASS => Some(words_of::<ProvinceClass>()),
        _ => None,
    }
}

fn labels(words: &[(&'static str, &'static str)]) -> Vec<&'static str> {
    words.iter().map(|(_, label)| *label).collect()
}

/// The settings sheet lists its keys, with the plan's values when there is a plan; the rounding
/// policies and province classes are offered as lists.
fn settings_rows(
    sheet: &mut Worksheet,
    table: Option<&OutTable>,
    lists: &mut Lists,
) -> Result<(), XlsxError> {
    for (i, key) in settings_keys::ALL.into_iter().enumerate() {
        let row = 2 + u32::try_from(i).unwrap_or(0);
        sheet.write_string(row, 0, key)?;
        let value = table
            .and_then(|t| {
                t.rows
                    .iter()
                    .find(|cells| cells.first().is_some_and(|k| k == key))
            })
            .and_then(|cells| cells.get(1))
            .filter(|value| !value.is_empty());
        let words = setting_words(key);
        if let Some(value) = value {
            let label = words.as_deref().and_then(|words| label_of(words, value));
            write_value(sheet, row, 1, value, label, key == settings_keys::YEAR)?;
        }
        let validation = match key {
            settings_keys::ROUNDING | settings_keys::PROVINCE_CLASS => {
                let words = words.unwrap_or_default();
                lists.validation(key, labels(&words))
            }
            settings_keys::YEAR => {
                DataValidation::new().allow_whole_number(DataValidationRule::Between(1900, 2200))
            }
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
    // The settings sheet's keys run to "document_number".
    if name == "key" {
        return 18.0;
    }
    let chars = name.chars().count().max(label.chars().count());
    (chars as f64 + 2.0).clamp(8.0, 24.0)
}

/// The drop-down list or number rule of a column, if it has one. Keyword columns list the
/// Vietnamese labels; the keywords are read too.
fn validation(
    spec: &TableSpec,
    column: &str,
    lists: &mut Lists,
) -> Result<Option<DataValidation>, XlsxError> {
    let whole = |min: i32, max: i32| {
        DataValidation::new().allow_whole_number(DataValidationRule::Between(min, max))
    };
    if let Some(words) = column_words(spec, column) {
        let name = format!("{}.{column}", spec.name);
        let validation = lists.validation(&name, labels(&words));
        let validation = match (spec.name, column) {
            ("positions", "employment") => {
                validation.set_input_message("Để trống: theo loại đơn vị")?
            }
            // Competency groups are keywords, requirement groups free text: a warning only.
            ("job_descriptions", "group") => {
                validation.set_error_style(DataValidationErrorStyle::Warning)
            }
            _ => validation,
        };
        return Ok(Some(validation));
    }
    let validation = match (spec.name, column) {
        ("settings", "key") => DataValidation::new().allow_list_strings(&settings_keys::ALL)?,
        ("units", "autonomy_group") => whole(1, 4),
        ("units", "school_zone") => whole(1, 3),
        ("units", driver) if NormDriver::from_keyword(driver).is_some() => {
            match NormDriver::from_keyword(driver).map(NormDriver::kind) {
                Some(DriverKind::Count) => whole(0, i32::MAX),
                Some(DriverKind::Class) => whole(1, 3),
                Some(DriverKind::Amount) => DataValidation::new()
                    .allow_decimal_number(DataValidationRule::GreaterThanOrEqualTo(0.0)),
                _ => return Ok(None),
            }
        }
        ("positions", "steps") => DataValidation::new()
            .allow_any_value()
            .set_input_message("bậc:số người, cách nhau bằng dấu ; ví dụ 5:2;4:3")?,
        ("units", "quota") | ("positions", "count" | "min" | "max" | "proposed") => {
            whole(0, i32::MAX)
        }
        ("job_descriptions", "level") => whole(1, 5),
        _ => return Ok(None),
    };
    Ok(Some(validation))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_are_lettered_as_spreadsheets_do() {
        let letters: Vec<String> = [0, 1, 25, 26, 27, 51, 52, 701, 702]
            .into_iter()
            .map(column_letters)
            .collect();
        assert_eq!(
            letters,
            ["A", "B", "Z", "AA", "AB", "AZ", "BA", "ZZ", "AAA"]
        );
    }

    #[test]
    fn keyword_columns_and_settings_offer_labels() {
        let kinds = column_words(&columns::DUTIES, "kind").unwrap();
        assert_eq!(kinds[0], ("service", "Công việc chính"));
        assert!(column_words(&columns::DUTIES, "volume").is_none());
        let flags = column_words(&columns::UNITS, "mountainous").unwrap();
        assert_eq!(flags, [("yes", "Có"), ("no", "Không")]);
        assert!(column_words(&columns::UNITS, "pupils").is_none());
        assert_eq!(
            setting_words(settings_keys::ROUNDING).unwrap()[1],
            ("up", "luôn làm tròn lên")
        );
        assert!(setting_words(settings_keys::NAME).is_none());
    }
}
