//! Reading the cells of one row: text, numbers, whole numbers and keywords, each failure
//! recorded as a problem naming the file, the line and the column.
//!
//! The readers never stop at the first problem: a bad cell gives a placeholder value and marks
//! the row as failed, so every cell of every row is checked and the caller drops failed rows.

use super::error::Problem;
use super::table::{Bound, Row};
use crate::format::{NumberError, read_number};
use crate::language::{Localized, Text};
use crate::model::{Choice, normalise_word};

/// Parses a number as Vietnamese planners write it (`2.400`, `1.896,5`, `0,5`) or plainly
/// (`1896.5`), through the one reader of typed numbers ([`read_number`]).
pub fn parse_number(text: &str) -> Result<f64, Text> {
    read_number(text).map_err(|error| match error {
        NumberError::NotANumber(_) | NumberError::Empty => Text::new(
            format!(
                "{text:?} không phải là số (viết chữ số, dấu \",\" hoặc \".\" trước phần thập \
                 phân, dấu \".\" ngăn hàng nghìn: 1.896,5 hoặc 1896.5)"
            ),
            format!(
                "{text:?} is not a number (write digits, \",\" or \".\" before decimals, \".\" \
                 between thousands: 1.896,5 or 1896.5)"
            ),
        ),
        other => localized(&other),
    })
}

/// Both languages of a library message.
fn localized(message: &impl Localized) -> Text {
    Text::from_fn(|language| message.message(language))
}

fn too_large(text: &str) -> Text {
    Text::new(
        format!("{text:?} quá lớn"),
        format!("{text:?} is too large"),
    )
}

/// Parses a whole number of zero or more.
pub fn parse_count(text: &str) -> Result<u32, Text> {
    let value = parse_large_count(text)?;
    u32::try_from(value).map_err(|_| too_large(text))
}

/// Parses a whole number of zero or more that may exceed 4 billion (a population).
pub fn parse_large_count(text: &str) -> Result<u64, Text> {
    let digits = text.strip_prefix('+').unwrap_or(text);
    if !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()) {
        return digits.parse::<u64>().map_err(|_| too_large(text));
    }
    match read_number(text) {
        Ok(value) if value < 0.0 => Err(Text::new(
            format!("{text:?} là số âm; cần một số nguyên từ 0 trở lên"),
            format!("{text:?} is negative; a whole number of 0 or more"),
        )),
        // 2^53: above it not every whole number is a float.
        Ok(value) if value.fract() == 0.0 && value < 9_007_199_254_740_992.0 => Ok(value as u64),
        Ok(value) if value.fract() == 0.0 => Err(too_large(text)),
        Err(error @ NumberError::Ambiguous { .. }) => Err(localized(&error)),
        _ => Err(Text::new(
            format!("{text:?} không phải số nguyên (từ 0 trở lên)"),
            format!("{text:?} is not a whole number (0 or more)"),
        )),
    }
}

/// Parses a whole number from `min` to `max` (a school zone, a class, a group).
pub fn parse_between(text: &str, min: u32, max: u32) -> Result<u32, Text> {
    match parse_count(text) {
        Ok(value) if (min..=max).contains(&value) => Ok(value),
        _ => Err(Text::new(
            format!("{text:?} không phải số nguyên từ {min} đến {max}"),
            format!("{text:?} is not a whole number from {min} to {max}"),
        )),
    }
}

/// How export writes yes and no.
pub const YES: &str = "yes";
pub const NO: &str = "no";

/// Yes or no: `Có`/`Không` or `yes`/`no`, `1`/`0`, `true`/`false`, ignoring case.
pub fn parse_flag(text: &str) -> Result<bool, Text> {
    match normalise_word(text).as_str() {
        "yes" | "1" | "true" | "có" => Ok(true),
        "no" | "0" | "false" | "không" => Ok(false),
        _ => Err(Text::new(
            format!(
                "{text:?} không phải có hoặc không (viết Có hoặc Không; {YES}/{NO}, 1/0 và \
                 true/false cũng được đọc)"
            ),
            format!(
                "{text:?} is not yes or no (write {YES} or {NO}; 1/0, true/false and the \
                 Vietnamese words are read too)"
            ),
        )),
    }
}

/// A flag as export writes it.
pub fn flag_text(value: bool) -> &'static str {
    if value { YES } else { NO }
}

/// Parses a whole number that may be negative (a year).
pub fn parse_integer(text: &str) -> Result<i32, Text> {
    let digits = text.strip_prefix(['-', '+']).unwrap_or(text);
    if !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit()) {
        return text.parse::<i32>().map_err(|_| too_large(text));
    }
    Err(Text::new(
        format!("{text:?} không phải số nguyên"),
        format!("{text:?} is not a whole number"),
    ))
}

/// One accepted value of a keyword column: its keyword, its Vietnamese label (as the app shows
/// it) and the value.
pub type Word<T> = (&'static str, &'static str, T);

/// The words of a closed choice, from the model's one table of keywords and labels.
pub fn words<T: Choice>() -> Vec<Word<T>> {
    T::choices()
        .iter()
        .map(|value| (value.keyword(), value.label_vi(), *value))
        .collect()
}

/// Matches a keyword or a Vietnamese label against `allowed`, ignoring case, Unicode form and
/// spaces around and between words.
pub fn parse_keyword<T: Copy>(text: &str, allowed: &[Word<T>]) -> Result<T, Text> {
    let word = normalise_word(text);
    allowed
        .iter()
        .find(|(keyword, label, _)| {
            normalise_word(keyword) == word || normalise_word(label) == word
        })
        .map(|(_, _, value)| *value)
        .ok_or_else(|| {
            let list = keyword_list(allowed);
            Text::new(
                format!("{text:?} không thuộc danh sách: {}", list.vi),
                format!("{text:?} is not one of: {}", list.en),
            )
        })
}

/// The accepted words: `"ngày" (day), "tuần" (week)` in Vietnamese, the keywords in English.
fn keyword_list<T>(allowed: &[Word<T>]) -> Text {
    Text::new(
        allowed
            .iter()
            .map(|(keyword, label, _)| format!("\"{label}\" ({keyword})"))
            .collect::<Vec<_>>()
            .join(", "),
        allowed
            .iter()
            .map(|(keyword, _, _)| *keyword)
            .collect::<Vec<_>>()
            .join(", "),
    )
}

/// The cells of one row, read by column name.
pub struct Cells<'a> {
    bound: &'a Bound<'a>,
    row: &'a Row,
    problems: &'a mut Vec<Problem>,
    failed: bool,
}

impl<'a> Cells<'a> {
    /// Starts reading a row. A row with more cells than the header (a stray separator shifting
    /// the cells) is reported at once.
    pub fn new(bound: &'a Bound<'a>, row: &'a Row, problems: &'a mut Vec<Problem>) -> Self {
        let width = bound.table.header.len();
        let overflow = row
            .cells
            .iter()
            .skip(width)
            .filter(|c| !c.is_empty())
            .count();
        let mut cells = Cells {
            bound,
            row,
            problems,
            failed: false,
        };
        if overflow > 0 {
            cells.failed = true;
            cells.problems.push(Problem::Row {
                file: bound.source().to_owned(),
                line: row.line,
                message: Text::new(
                    format!(
                        "dòng có {} ô nhưng tiêu đề có {width} cột (giá trị có dấu phẩy phải \
                         đặt trong ngoặc kép)",
                        row.cells.len()
                    ),
                    format!(
                        "the row has {} cells but the header has {width} columns \
                         (a value with a comma must be quoted)",
                        row.cells.len()
                    ),
                ),
            });
        }
        cells
    }

    /// Whether every cell read so far was good.
    pub fn ok(&self) -> bool {
        !self.failed
    }

    /// The line where the row starts.
    pub fn line(&self) -> u64 {
        self.row.line
    }

    /// The cleaned text of a known column; empty when absent.
    pub fn raw(&self, column: &str) -> &'a str {
        self.bound.cell(self.row, column)
    }

    /// Whether the cell of a known column is filled.
    pub fn is_filled(&self, column: &str) -> bool {
        !self.raw(column).is_empty()
    }

    /// Records a problem in a cell and marks the row failed.
    pub fn error(&mut self, column: &str, message: Text) {
        self.failed = true;
        self.problems.push(Problem::Cell {
            file: self.bound.source().to_owned(),
            line: self.row.line,
            column: column.to_owned(),
            message,
        });
    }

    /// Text that may be empty.
    pub fn text(&self, column: &str) -> String {
        self.raw(column).to_owned()
    }

    /// Text where empty means `None`.
    pub fn optional_text(&self, column: &str) -> Option<String> {
        let text = self.raw(column);
        (!text.is_empty()).then(|| text.to_owned())
    }

    /// Text that must be filled.
    pub fn required_text(&mut self, column: &str) -> String {
        let text = self.raw(column);
        if text.is_empty() {
            self.error(column, Text::new("cần nhập giá trị", "a value is required"));
        }
        text.to_owned()
    }

    fn parsed<T>(&mut self, column: &str, parse: impl Fn(&str) -> Result<T, Text>) -> Option<T> {
        let text = self.raw(column);
        if text.is_empty() {
            return None;
        }
        match parse(text) {
            Ok(value) => Some(value),
            Err(message) => {
                self.error(column, message);
                None
            }
        }
    }

    /// A number where empty means `None`.
    pub fn number(&mut self, column: &str) -> Option<f64> {
        self.parsed(column, parse_number)
    }

    /// A number where empty means `default`.
    pub fn number_or(&mut self, column: &str, default: f64) -> f64 {
        self.number(column).unwrap_or(default)
    }

    /// A number that must be filled (`why` says what requires it: `for a calendar`).
    pub fn required_number(&mut self, column: &str, why: &Text) -> f64 {
        if !self.is_filled(column) {
            self.error(
                column,
                Text::new(
                    format!("cần nhập một số {}", why.vi),
                    format!("a number is required {}", why.en),
                ),
            );
        }
        self.number(column).unwrap_or(0.0)
    }

    /// A whole number of 0 or more where empty means `None`.
    pub fn count(&mut self, column: &str) -> Option<u32> {
        self.parsed(column, parse_count)
    }

    /// A whole number of 0 or more, possibly above 4 billion, where empty means `None`.
    pub fn large_count(&mut self, column: &str) -> Option<u64> {
        self.parsed(column, parse_large_count)
    }

    /// A whole number from `min` to `max` where empty means `None`.
    pub fn between(&mut self, column: &str, min: u32, max: u32) -> Option<u32> {
        self.parsed(column, |text| parse_between(text, min, max))
    }

    /// Yes or no where empty means `None`.
    pub fn flag(&mut self, column: &str) -> Option<bool> {
        self.parsed(column, parse_flag)
    }

    /// A value read by `parse`, where empty means `None`.
    pub fn with<T>(&mut self, column: &str, parse: impl Fn(&str) -> Result<T, Text>) -> Option<T> {
        self.parsed(column, parse)
    }

    /// A whole number, possibly negative, where empty means `None`.
    pub fn integer(&mut self, column: &str) -> Option<i32> {
        self.parsed(column, parse_integer)
    }

    /// A keyword or label where empty means `None`.
    pub fn keyword<T: Copy>(&mut self, column: &str, allowed: &[Word<T>]) -> Option<T> {
        self.parsed(column, |text| parse_keyword(text, allowed))
    }

    /// A value of a closed choice, by keyword or Vietnamese label, where empty means `None`.
    pub fn choice<T: Choice>(&mut self, column: &str) -> Option<T> {
        self.keyword(column, &words::<T>())
    }

    /// A value of a closed choice that must be filled (`why` says what requires it).
    pub fn required_choice<T: Choice>(&mut self, column: &str, why: &Text) -> Option<T> {
        self.required_keyword(column, &words::<T>(), why)
    }

    /// A keyword or label that must be filled (`why` says what requires it).
    pub fn required_keyword<T: Copy>(
        &mut self,
        column: &str,
        allowed: &[Word<T>],
        why: &Text,
    ) -> Option<T> {
        if !self.is_filled(column) {
            let list = keyword_list(allowed);
            self.error(
                column,
                Text::new(
                    format!("cần nhập giá trị {} (một trong: {})", why.vi, list.vi),
                    format!("a value is required {} (one of: {})", why.en, list.en),
                ),
            );
        }
        self.keyword(column, allowed)
    }

    /// Reports each of `columns` that is filled although `user` does not use it.
    pub fn unused(&mut self, columns: &[&str], user: &Text) {
        for column in columns {
            let text = self.raw(column);
            if !text.is_empty() {
                self.error(
                    column,
                    Text::new(
                        format!("{text:?} không dùng cho {}", user.vi),
                        format!("{text:?} is not used by {}", user.en),
                    ),
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_are_strict() {
        assert_eq!(parse_number("1896"), Ok(1896.0));
        assert_eq!(parse_number("1896.5"), Ok(1896.5));
        assert_eq!(parse_number("-2.25"), Ok(-2.25));
        assert_eq!(parse_number("+3"), Ok(3.0));
        assert_eq!(parse_number(".5"), Ok(0.5));
        assert_eq!(parse_number("0.1"), Ok(0.1));
        assert_eq!(parse_number("4,5"), Ok(4.5));
        assert_eq!(parse_number("2.400"), Ok(2400.0));
        for bad in ["abc", "1e5", "inf", "NaN", ".", "-", "1.2.3", "1 00", ""] {
            let message = parse_number(bad).unwrap_err().en;
            assert!(message.contains("not a number"), "{bad}: {message}");
            assert!(message.contains("1.896,5 or 1896.5"));
        }
        assert!(parse_number("1,896").unwrap_err().en.contains("ambiguous"));
    }

    #[test]
    fn counts_are_whole_and_not_negative() {
        assert_eq!(parse_count("12"), Ok(12));
        assert_eq!(parse_count("0"), Ok(0));
        assert!(
            parse_count("1.5")
                .unwrap_err()
                .en
                .contains("not a whole number")
        );
        assert!(parse_count("-3").unwrap_err().en.contains("negative"));
        assert_eq!(parse_count("2.400"), Ok(2400));
        assert!(
            parse_count("x")
                .unwrap_err()
                .en
                .contains("not a whole number")
        );
        assert!(
            parse_count("99999999999")
                .unwrap_err()
                .en
                .contains("too large")
        );
    }

    #[test]
    fn flags_take_several_spellings() {
        for yes in ["yes", "YES", "1", "true", "Có", "có"] {
            assert_eq!(parse_flag(yes), Ok(true), "{yes}");
        }
        for no in ["no", "0", "False", "Không", "không"] {
            assert_eq!(parse_flag(no), Ok(false), "{no}");
        }
        assert!(
            parse_flag("maybe")
                .unwrap_err()
                .en
                .contains("not yes or no")
        );
        assert_eq!(flag_text(true), "yes");
    }

    #[test]
    fn bounded_and_large_counts() {
        assert_eq!(parse_between("3", 1, 3), Ok(3));
        assert_eq!(
            parse_between("4", 1, 3),
            Err(Text::new(
                "\"4\" không phải số nguyên từ 1 đến 3",
                "\"4\" is not a whole number from 1 to 3"
            ))
        );
        assert!(parse_between("0", 1, 3).is_err());
        assert!(parse_between("2.5", 1, 3).is_err());
        assert_eq!(parse_large_count("5000000000"), Ok(5_000_000_000));
        assert!(
            parse_count("5000000000")
                .unwrap_err()
                .en
                .contains("too large")
        );
    }

    #[test]
    fn integers_may_be_negative() {
        assert_eq!(parse_integer("2026"), Ok(2026));
        assert_eq!(parse_integer("-1"), Ok(-1));
        assert!(parse_integer("2026.0").is_err());
        assert!(parse_integer("năm").is_err());
    }

    #[test]
    fn keywords_ignore_case_and_list_the_allowed() {
        let allowed = [("day", "ngày", 1), ("week", "tuần", 2)];
        assert_eq!(parse_keyword("WEEK", &allowed), Ok(2));
        assert_eq!(parse_keyword(" Tuần ", &allowed), Ok(2));
        assert_eq!(
            parse_keyword("fortnight", &allowed),
            Err(Text::new(
                "\"fortnight\" không thuộc danh sách: \"ngày\" (day), \"tuần\" (week)",
                "\"fortnight\" is not one of: day, week"
            ))
        );
    }
}
