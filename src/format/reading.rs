//! Reading numbers as Vietnamese planners type them, and writing numbers so that they read back.
//!
//! One reader serves the app's fields, the CSV reader and the workbook reader. Vietnamese
//! convention first: `.` groups thousands and `,` marks decimals (`2.400` is 2400, `1.896,5` is
//! 1896.5, `0,5` is 0.5). A `.` that cannot be a thousands grouping is a decimal point (`1.5`,
//! `1896.5`, `0.500`), so plain decimals still read. Both marks together read as written
//! (`1.896,5`, and `1,896.5` in English order); spaces may group thousands too (`1 896,5`).
//! What stays ambiguous is refused with both readings: `2,400` is 2,4 to a Vietnamese reader
//! and 2400 to an English one. Never a silent misreading.

use crate::language::{Language, Localized};
use thiserror::Error;

/// Why a text is not a number.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum NumberError {
    #[error("a number is required")]
    Empty,
    #[error("\"{0}\" is not a number")]
    NotANumber(String),
    /// A comma before exactly three digits: a decimal comma or an English thousands comma.
    #[error(
        "\"{text}\" is ambiguous: write {thousands} for {thousands_en} or {decimal} for {decimal_en}"
    )]
    Ambiguous {
        text: String,
        /// How to write the thousands reading unambiguously (Vietnamese: `2.400`).
        thousands: String,
        thousands_en: String,
        /// How to write the decimal reading (`2,4`).
        decimal: String,
        decimal_en: String,
    },
    #[error("\"{0}\" is too large")]
    TooLarge(String),
}

impl NumberError {
    /// The message in Vietnamese.
    pub fn message_vi(&self) -> String {
        match self {
            NumberError::Empty => "cần nhập một số".to_owned(),
            NumberError::NotANumber(text) => format!(
                "\"{text}\" không phải là số (viết chữ số, dấu \",\" trước phần thập phân, \
                 dấu \".\" ngăn hàng nghìn: 1.896,5)"
            ),
            NumberError::Ambiguous {
                text,
                thousands,
                decimal,
                ..
            } => format!(
                "\"{text}\" có hai cách hiểu: viết {thousands} nếu là số hàng nghìn, \
                 {decimal} nếu là số thập phân"
            ),
            NumberError::TooLarge(text) => format!("\"{text}\" quá lớn"),
        }
    }
}

impl Localized for NumberError {
    fn message(&self, language: Language) -> String {
        match language {
            Language::English => self.to_string(),
            Language::Vietnamese => self.message_vi(),
        }
    }
}

/// Reads a typed number (signed; callers refuse what their field cannot take).
pub fn read_number(text: &str) -> Result<f64, NumberError> {
    let trimmed = text.trim();
    if trimmed.is_empty() {
        return Err(NumberError::Empty);
    }
    let not_a_number = || NumberError::NotANumber(trimmed.to_owned());
    let (negative, unsigned) = match trimmed.strip_prefix(['-', '\u{2212}']) {
        Some(rest) => (true, rest),
        None => (false, trimmed.strip_prefix('+').unwrap_or(trimmed)),
    };
    let digits = without_space_groups(unsigned).ok_or_else(not_a_number)?;
    if digits.is_empty()
        || !digits
            .chars()
            .all(|c| c.is_ascii_digit() || c == '.' || c == ',')
    {
        return Err(not_a_number());
    }
    let plain = match (digits.contains('.'), digits.contains(',')) {
        (false, false) => digits.clone(),
        (true, false) => dots_only(&digits).ok_or_else(not_a_number)?,
        (false, true) => commas_only(&digits, trimmed)?,
        (true, true) => both_marks(&digits).ok_or_else(not_a_number)?,
    };
    let value: f64 = plain.parse().map_err(|_| not_a_number())?;
    if !value.is_finite() {
        return Err(NumberError::TooLarge(trimmed.to_owned()));
    }
    Ok(if negative { -value } else { value })
}

/// The text a number is written as in files vtvl writes (CSV cells, workbook text): digits with
/// a `.` decimal point, no grouping, and a trailing zero where the decimals would otherwise look
/// like a thousands group (`1.125` is written `1.1250`), so that [`read_number`] reads it back
/// to the same value.
pub fn plain_number(value: f64) -> String {
    let text = format!("{value}");
    let unsigned = text.strip_prefix('-').unwrap_or(&text);
    if is_thousands_grouping(unsigned, '.') {
        format!("{text}0")
    } else {
        text
    }
}

/// Removes spaces (plain, no-break, narrow no-break) that group digits by three; `None` when a
/// space stands anywhere else.
fn without_space_groups(text: &str) -> Option<String> {
    let is_space = |c: char| matches!(c, ' ' | '\u{a0}' | '\u{202f}');
    if !text.contains(is_space) {
        return Some(text.to_owned());
    }
    let whole_end = text.find([',', '.']).unwrap_or(text.len());
    let (whole, rest) = text.split_at(whole_end);
    let groups: Vec<&str> = whole.split(is_space).collect();
    let grouped = groups.first().is_some_and(|g| (1..=3).contains(&g.len()))
        && groups.iter().skip(1).all(|g| g.len() == 3);
    (grouped && !rest.contains(is_space)).then(|| format!("{}{rest}", groups.concat()))
}

/// `1.234.567` (thousands) or `1.5` (a decimal point).
fn dots_only(digits: &str) -> Option<String> {
    if is_thousands_grouping(digits, '.') {
        return Some(digits.replace('.', ""));
    }
    (digits.matches('.').count() == 1).then(|| digits.to_owned())
}

/// `0,5` and `1896,5` (a decimal comma), `1,234,567` (English thousands); `2,400` is ambiguous.
fn commas_only(digits: &str, text: &str) -> Result<String, NumberError> {
    let commas = digits.matches(',').count();
    if commas > 1 {
        return if is_thousands_grouping(digits, ',') {
            Ok(digits.replace(',', ""))
        } else {
            Err(NumberError::NotANumber(text.to_owned()))
        };
    }
    if is_thousands_grouping(digits, ',') {
        let thousands = digits.replace(',', "");
        // The decimal reading written so that it cannot be taken for thousands: trailing
        // zeros dropped (`2,4`), else one added (`1,1250`).
        let trimmed = digits.trim_end_matches('0').trim_end_matches(',');
        let decimal = if is_thousands_grouping(trimmed, ',') {
            format!("{digits}0")
        } else {
            trimmed.to_owned()
        };
        let decimal_en = decimal.replace(',', ".");
        return Err(NumberError::Ambiguous {
            text: text.to_owned(),
            thousands: digits.replace(',', "."),
            thousands_en: thousands,
            decimal,
            decimal_en,
        });
    }
    Ok(digits.replace(',', "."))
}

/// `1.896,5` (Vietnamese) or `1,896.5` (English): the last mark is the decimal one, and the
/// other mark must group thousands before it.
fn both_marks(digits: &str) -> Option<String> {
    let decimal_at = digits.rfind(['.', ','])?;
    let (whole, fraction) = digits.split_at(decimal_at);
    let mark = fraction.chars().next()?;
    let fraction = &fraction[mark.len_utf8()..];
    let group = if mark == ',' { '.' } else { ',' };
    let valid = whole.contains(group)
        && is_thousands_grouping(whole, group)
        && !fraction.is_empty()
        && fraction.chars().all(|c| c.is_ascii_digit());
    valid.then(|| format!("{}.{fraction}", whole.replace(group, "")))
}

/// Whether `text` is digits grouped by three with `mark` (`2.400`, `1.234.567`): a first group
/// of one to three digits not starting with 0, then at least one group of exactly three.
fn is_thousands_grouping(text: &str, mark: char) -> bool {
    let mut groups = text.split(mark);
    let first = groups.next().unwrap_or_default();
    let first_ok = (1..=3).contains(&first.len())
        && !first.starts_with('0')
        && first.chars().all(|c| c.is_ascii_digit());
    let rest: Vec<&str> = groups.collect();
    first_ok
        && !rest.is_empty()
        && rest
            .iter()
            .all(|g| g.len() == 3 && g.chars().all(|c| c.is_ascii_digit()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plain_numbers_read_back_to_themselves() {
        for value in [
            0.0,
            1.0,
            1.5,
            1.125,
            12.125,
            999.999,
            1000.5,
            2400.0,
            0.125,
            7.25,
            1e15,
            123.456,
            -1.125,
            0.1 + 0.2,
        ] {
            let text = plain_number(value);
            assert_eq!(read_number(&text), Ok(value), "{value} written {text}");
        }
        assert_eq!(plain_number(1.125), "1.1250");
        assert_eq!(plain_number(2400.0), "2400");
    }

    #[test]
    fn ambiguity_says_both_readings() {
        let Err(NumberError::Ambiguous {
            thousands, decimal, ..
        }) = read_number("2,400")
        else {
            panic!("2,400 must be ambiguous");
        };
        assert_eq!((thousands.as_str(), decimal.as_str()), ("2.400", "2,4"));
        let message = read_number("1,125").unwrap_err().message_vi();
        assert!(
            message.contains("1.125") && message.contains("1,1250"),
            "{message}"
        );
        assert_eq!(read_number("1,1250"), Ok(1.125));
    }
}
