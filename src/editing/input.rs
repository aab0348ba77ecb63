//! Typed numbers: the text of a field read as an amount or a count of the plan, with the
//! reason in both languages when it cannot be.

use crate::format::{NumberError, plain_number, read_number};
use crate::language::Language;

/// Why typed text cannot become a number of the plan.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum InputError {
    /// Not a number at all, or an ambiguous one (the number reader says which).
    #[error(transparent)]
    Number(#[from] NumberError),
    #[error("\"{0}\" is negative; the value must be 0 or more")]
    Negative(String),
    #[error("\"{0}\" is not a whole number")]
    NotWhole(String),
    #[error("\"{0}\" is too large")]
    TooLarge(String),
}

impl InputError {
    /// The message in the interface language.
    pub fn message(&self, language: Language) -> String {
        match (language, self) {
            (Language::English, error) => error.to_string(),
            (Language::Vietnamese, InputError::Number(error)) => error.message_vi(),
            (Language::Vietnamese, InputError::Negative(text)) => {
                format!("\"{text}\" là số âm: giá trị phải từ 0 trở lên")
            }
            (Language::Vietnamese, InputError::NotWhole(text)) => {
                format!("\"{text}\" không phải là số nguyên")
            }
            (Language::Vietnamese, InputError::TooLarge(text)) => format!("\"{text}\" quá lớn"),
        }
    }
}

/// Parses a typed amount of 0 or more with the one reader of typed numbers
/// ([`read_number`]): `2.400` is 2400, `1,5` and `1.5` are 1.5, `1.896,5` is 1896.5, and an
/// ambiguous `2,400` is refused with both readings.
pub fn parse_amount(text: &str) -> Result<f64, InputError> {
    let value = read_number(text)?;
    if value < 0.0 {
        return Err(InputError::Negative(text.trim().to_owned()));
    }
    // -0 typed is 0.
    Ok(value.abs())
}

/// Parses a typed whole number of 0 or more (a count of people).
pub fn parse_count(text: &str) -> Result<u32, InputError> {
    let value = parse_amount(text)?;
    if value.fract() != 0.0 {
        return Err(InputError::NotWhole(text.trim().to_owned()));
    }
    if value > f64::from(u32::MAX) {
        return Err(InputError::TooLarge(text.trim().to_owned()));
    }
    // Whole and in range, checked above.
    Ok(value as u32)
}

/// As [`parse_count`], an empty text meaning "none".
pub fn parse_optional_count(text: &str) -> Result<Option<u32>, InputError> {
    if text.trim().is_empty() {
        return Ok(None);
    }
    parse_count(text).map(Some)
}

/// A number as it is typed back into a field: no thousands grouping, so that it parses to the
/// same value, with `decimal_mark` (`,` in Vietnamese).
pub fn input_text(value: f64, decimal_mark: char) -> String {
    plain_number(value).replace('.', &decimal_mark.to_string())
}

#[cfg(test)]
mod input_tests {
    use super::*;

    #[test]
    fn amounts_take_either_decimal_mark() {
        assert_eq!(parse_amount("1.5"), Ok(1.5));
        assert_eq!(parse_amount("1,5"), Ok(1.5));
        assert_eq!(parse_amount(" 380 "), Ok(380.0));
        assert_eq!(parse_amount("1.896,5"), Ok(1896.5));
        assert_eq!(parse_amount("1,896.5"), Ok(1896.5));
        assert_eq!(parse_amount("1.234.567"), Ok(1_234_567.0));
        assert_eq!(parse_amount("0"), Ok(0.0));
        assert_eq!(parse_amount("-0"), Ok(0.0));
        assert_eq!(parse_amount("2.400"), Ok(2400.0));
        assert!(matches!(
            parse_amount("2,400"),
            Err(InputError::Number(NumberError::Ambiguous { .. }))
        ));
    }

    #[test]
    fn bad_amounts_say_why() {
        assert_eq!(
            parse_amount(""),
            Err(InputError::Number(NumberError::Empty))
        );
        assert_eq!(
            parse_amount("abc"),
            Err(InputError::Number(NumberError::NotANumber("abc".into())))
        );
        assert_eq!(
            parse_amount("1.2.3,4,5"),
            Err(InputError::Number(NumberError::NotANumber(
                "1.2.3,4,5".into()
            )))
        );
        assert_eq!(
            parse_amount("1e5"),
            Err(InputError::Number(NumberError::NotANumber("1e5".into())))
        );
        assert_eq!(
            parse_amount("inf"),
            Err(InputError::Number(NumberError::NotANumber("inf".into())))
        );
        assert_eq!(
            parse_amount("."),
            Err(InputError::Number(NumberError::NotANumber(".".into())))
        );
        assert_eq!(
            parse_amount("1..5"),
            Err(InputError::Number(NumberError::NotANumber("1..5".into())))
        );
        assert_eq!(
            parse_amount("1,.5"),
            Err(InputError::Number(NumberError::NotANumber("1,.5".into())))
        );
        assert_eq!(parse_amount("-1"), Err(InputError::Negative("-1".into())));
        assert_eq!(
            parse_amount("−2,5"),
            Err(InputError::Negative("−2,5".into()))
        );
    }

    #[test]
    fn counts_are_whole() {
        assert_eq!(parse_count("3"), Ok(3));
        assert_eq!(parse_count("2,5"), Err(InputError::NotWhole("2,5".into())));
        assert_eq!(parse_count("-1"), Err(InputError::Negative("-1".into())));
        assert_eq!(
            parse_count("99999999999"),
            Err(InputError::TooLarge("99999999999".into()))
        );
        assert_eq!(parse_optional_count(" "), Ok(None));
        assert_eq!(parse_optional_count("4"), Ok(Some(4)));
    }

    #[test]
    fn input_text_parses_back() {
        for value in [0.0, 1.5, 1100.0, 0.1, 1234567.25, 1.125, 999.5] {
            assert_eq!(parse_amount(&input_text(value, ',')), Ok(value));
            assert_eq!(parse_amount(&input_text(value, '.')), Ok(value));
        }
        assert_eq!(input_text(1100.0, ','), "1100");
        assert_eq!(input_text(2.5, ','), "2,5");
    }
}
