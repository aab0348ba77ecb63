//! Cell formats and page setup shared by the sheets: A4, printed at the scale that fits the
//! columns to the page width, header rows repeated, Times New Roman as in Vietnamese
//! administrative documents.

use rust_xlsxwriter::{Format, FormatAlign, FormatBorder, RowNum, XlsxError};

use super::figures::UnitSection;
use super::sheet::Sheet;

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
/// A difference with its sign: +2, -1, 0.
const SIGNED: &str = "+General;-General;0";

/// The deepest indent Excel lets a cell have: a unit deeper in the tree is indented as far.
pub const DEEPEST_INDENT: usize = 15;

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
    /// [`Styles::group`] indented by depth, from 0 to [`DEEPEST_INDENT`] (see
    /// [`Styles::group_at`]).
    group_indented: [Format; DEEPEST_INDENT + 1],
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
    /// A one-line hint in grey, unboxed: it runs over the empty cells to its right.
    pub hint: Format,
    /// Up to four decimals (typed inputs such as 0.25 or 0.0125).
    pub fraction: Format,
    /// A note under a table (italic, wrapped).
    pub note: Format,
    /// A total above a limit (the proposal above the quota).
    pub total_over: Format,
    /// A difference, signed (+2, -1, 0).
    pub change: Format,
    /// [`Styles::change`] on a total row.
    pub total_change: Format,
    /// The administrative form's lines ([`super::form`]), centred: plain, bold, bold and
    /// underlined, italic (the "(Kèm theo ...)" line), italic and wrapped.
    pub form_plain: Format,
    pub form_bold: Format,
    pub form_underlined: Format,
    pub form_attached: Format,
    pub form_italic: Format,
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
        let centred = |format: Format| format.set_align(FormatAlign::Center);
        let value = base().set_align(FormatAlign::Left);
        let label = base().set_bold();
        let form_bold = centred(label.clone()).set_text_wrap();
        let group = cell()
            .set_bold()
            .set_text_wrap()
            .set_background_color(GROUP_FILL);
        Styles {
            form_plain: centred(value.clone()).set_text_wrap(),
            form_underlined: form_bold
                .clone()
                .set_underline(rust_xlsxwriter::FormatUnderline::Single),
            form_bold,
            form_attached: centred(value.clone()).set_italic(),
            form_italic: centred(value.clone()).set_italic().set_text_wrap(),
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
            label,
            value,
            date: base().set_num_format(DATE).set_align(FormatAlign::Left),
            hours: base().set_num_format(DECIMAL).set_align(FormatAlign::Left),
            header: cell()
                .set_bold()
                .set_text_wrap()
                .set_align(FormatAlign::Center)
                .set_background_color(HEADER_FILL),
            text: cell().set_text_wrap(),
            text_center: cell().set_align(FormatAlign::Center),
            group_indented: std::array::from_fn(|depth| {
                group
                    .clone()
                    .set_indent(u8::try_from(depth).unwrap_or(u8::MAX))
            }),
            group,
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
            total_change: total.clone().set_num_format(SIGNED),
            total_percent: total.clone().set_num_format(PERCENT),
            total_decimal: total.set_num_format(DECIMAL),
            paragraph: cell()
                .set_text_wrap()
                .set_align(FormatAlign::Top)
                .set_align(FormatAlign::Left),
            empty_note: cell().set_italic().set_font_color(0x7F7F7F),
            hint: base().set_italic().set_font_color(0x7F7F7F),
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
            change: cell().set_num_format(SIGNED),
        }
    }

    /// Every format, in a fixed order: a workbook numbers them in this order before any sheet is
    /// written (see [`super::parallel::jobs`]).
    pub fn all(&self) -> impl Iterator<Item = &Format> {
        [
            &self.title,
            &self.subtitle,
            &self.label,
            &self.value,
            &self.date,
            &self.hours,
            &self.header,
            &self.text,
            &self.text_center,
            &self.group,
            &self.group_center,
            &self.section,
            &self.whole,
            &self.decimal,
            &self.general,
            &self.percent,
            &self.total_label,
            &self.total_whole,
            &self.total_general,
            &self.total_percent,
            &self.total_decimal,
            &self.paragraph,
            &self.empty_note,
            &self.hint,
            &self.fraction,
            &self.note,
            &self.total_over,
            &self.change,
            &self.total_change,
            &self.form_plain,
            &self.form_bold,
            &self.form_underlined,
            &self.form_attached,
            &self.form_italic,
        ]
        .into_iter()
        .chain(&self.group_indented)
    }

    /// Whether `format` is one of these styles (the very value, not an equal one).
    pub fn holds(&self, format: &Format) -> bool {
        let start = std::ptr::from_ref(self).addr();
        let at = std::ptr::from_ref(format).addr();
        (start..start + std::mem::size_of::<Styles>()).contains(&at)
    }

    /// A unit's heading at `depth` in the tree: [`Styles::group`] indented as deep, up to
    /// [`DEEPEST_INDENT`].
    pub fn group_at(&self, depth: usize) -> &Format {
        &self.group_indented[depth.min(DEEPEST_INDENT)]
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

/// Columns `widths` (in characters) on A4 at the scale that fits them to the page width
/// (fitted by the printing program when `widths` is empty), `header_row` repeated on every page
/// and frozen on screen, and a footer naming the sheet `footer` with the page number (none when
/// `footer` is `None`).
///
/// A fixed scale, not "fit to one page wide": LibreOffice searches the fitting zoom anew for
/// every page of a sheet after the first, laying the whole sheet out each time.
pub fn page_setup(
    sheet: &mut Sheet<'_, '_>,
    landscape: bool,
    header_row: Option<RowNum>,
    footer: Option<&str>,
    widths: &[f64],
) -> Result<(), XlsxError> {
    for (col, width) in (0u16..).zip(widths) {
        sheet.set_column_width(col, *width)?;
    }
    sheet.set_paper_size(A4);
    if landscape {
        sheet.set_landscape();
    } else {
        sheet.set_portrait();
    }
    if widths.is_empty() {
        sheet.set_print_fit_to_pages(1, 0);
    } else {
        sheet.set_print_scale(print_percent(widths, landscape));
    }
    sheet.set_print_center_horizontally(true);
    sheet.set_margins(0.5, 0.5, 0.6, 0.6, 0.3, 0.3);
    if let Some(name) = footer {
        sheet.set_footer(format!("&L{name}&RTrang &P/&N"));
    }
    if let Some(row) = header_row {
        sheet.set_repeat_rows(row, row)?;
        sheet.set_freeze_panes(row + 1, 0)?;
    }
    Ok(())
}

/// A unit's heading row at `row` in a table that prints the unit tree: its number (I, 1, 1.1...)
/// in the first column, then its name, indented by its depth, across columns 1 to `last_col`.
pub fn unit_heading<'s>(
    sheet: &mut Sheet<'_, 's>,
    styles: &'s Styles,
    row: RowNum,
    section: &UnitSection<'_>,
    last_col: u16,
) -> Result<(), XlsxError> {
    sheet.write_string_with_format(row, 0, &section.number, &styles.group_center)?;
    let heading = styles.group_at(section.depth);
    sheet.merge_range(row, 1, row, last_col, &section.unit.name, heading)?;
    Ok(())
}

/// A table's header row at `row`: each column's title, `height` points high.
pub fn table_header<'s>(
    sheet: &mut Sheet<'_, 's>,
    styles: &'s Styles,
    row: RowNum,
    headers: &[(&str, f64)],
    height: f64,
) -> Result<(), XlsxError> {
    for (col, (title, _)) in (0u16..).zip(headers) {
        sheet.write_string_with_format(row, col, *title, &styles.header)?;
    }
    sheet.set_row_height(row, height)?;
    Ok(())
}

/// A4's width and height in points, less the margins of [`page_setup`] (0.5 in left and
/// right, 0.6 in top and bottom).
fn printable(landscape: bool) -> (f64, f64) {
    let (paper_width, paper_height) = if landscape {
        (841.9, 595.3)
    } else {
        (595.3, 841.9)
    };
    (paper_width - 72.0, paper_height - 86.4)
}

/// The print scale, in percent, at which columns `widths` (in characters of the default
/// font) fill the printable width: at most 100, at least 10.
pub fn print_percent(widths: &[f64], landscape: bool) -> u16 {
    // A column of w characters is w × 7 + 5 pixels of the default font (Calibri, 7 pixels a
    // digit), at 0.75 points a pixel. LibreOffice without Calibri measures the columns in a
    // wider stand-in and prints them about 35 % wider (measured on its A4 output: this scale
    // is the zoom it chose itself to fit the page width); Excel prints them a little narrower
    // than the page.
    let sheet_width: f64 = widths
        .iter()
        .map(|w| (w * 7.0 + 5.0).floor() * 0.75 * 1.35)
        .sum();
    let percent = (printable(landscape).0 / sheet_width * 100.0).floor();
    percent.clamp(10.0, 100.0) as u16
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
    lines.max(1.0) * ROW_POINTS + 3.0
}

/// Default row height in points.
pub const ROW_POINTS: f64 = 15.0;

/// The height [`wrapped_height`] gives one line of text.
pub const LINE_POINTS: f64 = ROW_POINTS + 3.0;

/// What a row must not be parted from at a page break.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Keep {
    /// A row that may end or start a page.
    Free,
    /// A heading: it goes to the next page rather than end one.
    WithNext,
    /// A total: it takes the row above it along rather than start a page alone.
    WithPrevious,
}

/// Where pages will end when a sheet is printed on A4 at its [`print_percent`], so that manual
/// row breaks keep headings with the rows below them and totals with the rows above.
///
/// The model follows the page setup of [`page_setup`]: it measures rows in points at the
/// sheet's print scale, and it ends each page a little early, so a printer's own break never
/// falls before one set here.
#[derive(Debug, Clone)]
pub struct Pager {
    /// Height of a page's rows, in the sheet's points.
    page: f64,
    /// Height used on the current page.
    used: f64,
    /// Height of the rows repeated at the top of every page after the first.
    repeated: f64,
    previous: Option<(RowNum, f64, Keep)>,
    breaks: Vec<RowNum>,
}

impl Pager {
    /// A pager for a sheet of columns `widths` (in characters), `landscape` or not, whose
    /// repeated header rows are `repeated` points high; `used` points of the first page are
    /// taken already (the title block).
    pub fn new(widths: &[f64], landscape: bool, repeated: f64, used: f64) -> Self {
        // 5 % kept in reserve for fonts that print taller than measured.
        let scale = f64::from(print_percent(widths, landscape)) / 100.0;
        Pager {
            page: printable(landscape).1 * 0.95 / scale,
            used,
            repeated,
            previous: None,
            breaks: Vec::new(),
        }
    }

    /// Takes the next row, `height` points high.
    pub fn row(&mut self, row: RowNum, height: f64, keep: Keep) {
        let need = height
            + if keep == Keep::WithNext {
                ROW_POINTS * 1.5
            } else {
                0.0
            };
        if self.used + need > self.page {
            match self.previous {
                // The total takes the line above it to the new page.
                Some((above, above_height, Keep::Free))
                    if keep == Keep::WithPrevious && !self.breaks.contains(&above) =>
                {
                    self.breaks.push(above);
                    self.used = self.repeated + above_height + height;
                }
                _ => {
                    self.breaks.push(row);
                    self.used = self.repeated + height;
                }
            }
        } else {
            self.used += height;
        }
        self.previous = Some((row, height, keep));
    }

    /// Takes a block of rows that prints whole on one page (the signatures), from `first`.
    pub fn block(&mut self, first: RowNum, height: f64) {
        if self.used + height > self.page {
            self.breaks.push(first);
            self.used = self.repeated + height;
        } else {
            self.used += height;
        }
        self.previous = None;
    }

    /// The row breaks to set (at most Excel's 1,023).
    pub fn breaks(mut self) -> Vec<RowNum> {
        self.breaks.truncate(1023);
        self.breaks
    }
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
    fn every_style_is_listed_once_and_held() {
        let styles = Styles::new();
        let all: Vec<&Format> = styles.all().collect();
        // Styles holds formats only: listing each once covers the whole struct.
        assert_eq!(
            all.len() * std::mem::size_of::<Format>(),
            std::mem::size_of::<Styles>()
        );
        for (index, format) in all.iter().enumerate() {
            assert!(styles.holds(format));
            assert!(
                !all[..index]
                    .iter()
                    .any(|other| std::ptr::eq(*other, *format))
            );
        }
        assert!(!styles.holds(&styles.hint.clone()));
    }

    #[test]
    fn helpers() {
        assert_eq!(cell_ref(4, 4), "E5");
        assert_eq!(result(3.0), "3");
        assert_eq!(result(2.5), "2.5");
        assert!(wrapped_height("a\nb", 40.0) > wrapped_height("a", 40.0));
    }

    #[test]
    fn a_sheet_wider_than_the_page_prints_smaller_never_larger_than_life() {
        assert_eq!(print_percent(&[20.0], false), 100);
        // 108 characters: 776 pixels, 582 points, printed 35 % wider: 786 points on 523.
        assert_eq!(print_percent(&[22.0, 38.0, 24.0, 24.0], false), 66);
        assert_eq!(print_percent(&[22.0, 38.0, 24.0, 24.0], true), 97);
        assert_eq!(print_percent(&[500.0; 10], true), 10);
    }

    #[test]
    fn a_heading_is_not_left_at_a_page_foot_nor_a_total_alone_at_a_page_top() {
        // Portrait, narrow: a page holds (841.9 - 86.4) x 0.95 = 717 points of rows.
        let mut pager = Pager::new(&[20.0], false, 30.0, 0.0);
        for row in 0..46 {
            pager.row(row, 15.0, Keep::Free);
        }
        // 690 points used: a heading with less than 1.5 rows below it goes over.
        pager.row(46, 15.0, Keep::WithNext);
        pager.row(47, 15.0, Keep::Free);
        let mut pager2 = pager.clone();
        assert_eq!(pager.clone().breaks(), vec![46]);
        // A total that does not fit takes the line above along.
        for row in 48..91 {
            pager2.row(row, 15.0, Keep::Free);
        }
        pager2.row(91, 15.0, Keep::WithPrevious);
        assert_eq!(pager2.breaks(), vec![46, 90]);
    }
}
