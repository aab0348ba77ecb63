//! Cell formats and page setup shared by the sheets: A4, fit to the page width, header rows
//! repeated, Times New Roman as in Vietnamese administrative documents.

use rust_xlsxwriter::{Format, FormatAlign, FormatBorder, RowNum, Worksheet, XlsxError};

const FONT: &str = "Times New Roman";
const SIZE: f64 = 11.0;
/// A4 in Excel's paper-size codes.
const A4: u8 = 9;
const HEADER_FILL: u32 = 0xD9E2F3;
const GROUP_FILL: u32 = 0xF2F2F2;
const OVER_FILL: u32 = 0xFCE4E4;

/// Integers with thousands separators; LibreOffice and Excel show the reader's own separators.
pub const WHOLE: &str = "#,##0";
/// Two decimals with thousands separators.
pub const DECIMAL: &str = "#,##0.00";
pub const PERCENT: &str = "0.0%";
pub const DATE: &str = "dd/mm/yyyy";

/// The formats of one workbook.
pub struct Styles {
    pub title: Format,
    pub subtitle: Format,
    pub label: Format,
    pub value: Format,
    pub date: Format,
    pub hours: Format,
    pub header: Format,
    pub text: Format,
    pub text_center: Format,
    pub group: Format,
    pub group_center: Format,
    pub section: Format,
    pub whole: Format,
    pub decimal: Format,
    pub general: Format,
    pub percent: Format,
    pub total_label: Format,
    pub total_whole: Format,
    pub total_general: Format,
    pub total_percent: Format,
    pub total_decimal: Format,
    pub paragraph: Format,
    pub empty_note: Format,
    /// Up to four decimals (typed inputs such as 0.25 or 0.0125).
    pub fraction: Format,
    /// A note under a table (italic, wrapped).
    pub note: Format,
    /// A total above a limit (the proposal above the quota).
    pub total_over: Format,
}

fn base() -> Format {
    Format::new().set_font_name(FONT).set_font_size(SIZE)
}

fn cell() -> Format {
    base()
        .set_border(FormatBorder::Thin)
        .set_align(FormatAlign::VerticalCenter)
}

impl Styles {
    pub fn new() -> Self {
        let total = cell().set_bold().set_background_color(GROUP_FILL);
        Styles {
            title: base()
                .set_bold()
                .set_font_size(14)
                .set_align(FormatAlign::Center)
                .set_align(FormatAlign::VerticalCenter)
                .set_text_wrap(),
            subtitle: base()
                .set_bold()
                .set_italic()
                .set_align(FormatAlign::Center)
                .set_text_wrap(),
            label: base().set_bold(),
            value: base().set_align(FormatAlign::Left),
            date: base().set_num_format(DATE).set_align(FormatAlign::Left),
            hours: base().set_num_format(DECIMAL).set_align(FormatAlign::Left),
            header: cell()
                .set_bold()
                .set_text_wrap()
                .set_align(FormatAlign::Center)
                .set_background_color(HEADER_FILL),
            text: cell().set_text_wrap(),
            text_center: cell().set_align(FormatAlign::Center),
            group: cell()
                .set_bold()
                .set_text_wrap()
                .set_background_color(GROUP_FILL),
            group_center: cell()
                .set_bold()
                .set_align(FormatAlign::Center)
                .set_background_color(GROUP_FILL),
            section: base().set_bold().set_font_size(12),
            whole: cell().set_num_format(WHOLE),
            decimal: cell().set_num_format(DECIMAL),
            general: cell(),
            percent: cell().set_num_format(PERCENT),
            total_label: total.clone().set_text_wrap(),
            total_whole: total.clone().set_num_format(WHOLE),
            total_general: total.clone(),
            total_percent: total.clone().set_num_format(PERCENT),
            total_decimal: total.set_num_format(DECIMAL),
            paragraph: cell()
                .set_text_wrap()
                .set_align(FormatAlign::Top)
                .set_align(FormatAlign::Left),
            empty_note: cell().set_italic().set_font_color(0x7F7F7F),
            fraction: cell().set_num_format("#,##0.0###"),
            note: base()
                .set_italic()
                .set_text_wrap()
                .set_align(FormatAlign::Top),
            total_over: cell()
                .set_bold()
                .set_background_color(OVER_FILL)
                .set_font_color(0xC00000)
                .set_num_format(WHOLE),
        }
    }

    /// A count of people: whole numbers without decimals, fractions (part-time posts) with two.
    pub fn count(&self, value: f64) -> &Format {
        if value.fract() == 0.0 {
            &self.whole
        } else {
            &self.decimal
        }
    }

    /// An input figure (volume, minutes, coefficient): whole numbers bare, others with up to
    /// four decimals as typed.
    pub fn figure(&self, value: f64) -> &Format {
        if value.fract() == 0.0 {
            &self.whole
        } else {
            &self.fraction
        }
    }

    /// [`Styles::count`] on a total row.
    pub fn total_count(&self, value: f64) -> &Format {
        if value.fract() == 0.0 {
            &self.total_whole
        } else {
            &self.total_decimal
        }
    }
}

/// A4, fitted to one page wide, `header_row` repeated on every page and frozen on screen.
pub fn page_setup(
    sheet: &mut Worksheet,
    landscape: bool,
    header_row: Option<RowNum>,
    name: &str,
) -> Result<(), XlsxError> {
    sheet.set_paper_size(A4);
    if landscape {
        sheet.set_landscape();
    } else {
        sheet.set_portrait();
    }
    sheet.set_print_fit_to_pages(1, 0);
    sheet.set_print_center_horizontally(true);
    sheet.set_margins(0.5, 0.5, 0.6, 0.6, 0.3, 0.3);
    sheet.set_footer(format!("&L{name}&RTrang &P/&N"));
    if let Some(row) = header_row {
        sheet.set_repeat_rows(row, row)?;
        sheet.set_freeze_panes(row + 1, 0)?;
    }
    Ok(())
}

/// A row height (points) for `text` wrapped in a cell about `width_chars` wide: merged cells
/// are not auto-fitted by spreadsheet programs.
pub fn wrapped_height(text: &str, width_chars: f64) -> f64 {
    // Column widths count Calibri digits; Times New Roman 11 fits about a fifth more letters.
    let per_line = (width_chars * 1.2).max(10.0);
    let lines: f64 = text
        .lines()
        .map(|line| (line.chars().count() as f64 / per_line).ceil().max(1.0))
        .sum();
    lines.max(1.0) * 15.0 + 3.0
}

/// Roman numerals for group numbers (I, II, III...).
pub fn roman(mut n: usize) -> String {
    const DIGITS: [(usize, &str); 13] = [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut text = String::new();
    for (value, digits) in DIGITS {
        while n >= value {
            text.push_str(digits);
            n -= value;
        }
    }
    text
}

/// A cell reference like `E12` (0-based row and column, column below Z not needed here).
pub fn cell_ref(row: RowNum, col: u16) -> String {
    format!("{}{}", column_letter(col), row + 1)
}

/// The letter of a column (A..Z).
pub fn column_letter(col: u16) -> char {
    char::from(b'A' + u8::try_from(col.min(25)).unwrap_or(0))
}

/// A number as the cached result of a formula.
pub fn result(value: f64) -> String {
    if value.fract() == 0.0 && value.abs() < 1e15 {
        format!("{}", value as i64)
    } else {
        format!("{value}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn helpers() {
        assert_eq!(roman(4), "IV");
        assert_eq!(roman(14), "XIV");
        assert_eq!(cell_ref(4, 4), "E5");
        assert_eq!(result(3.0), "3");
        assert_eq!(result(2.5), "2.5");
        assert!(wrapped_height("a\nb", 40.0) > wrapped_height("a", 40.0));
    }
}
