//! Vietnamese number formatting: `.` groups thousands, `,` marks decimals (1.896,5).

/// Formats `value` with at most `max_decimals` decimals, trailing zeros dropped, thousands
/// grouped with `.` and the decimal comma: `vi_number(1896.5, 2) == "1.896,5"`.
pub fn vi_number(value: f64, max_decimals: usize) -> String {
    if !value.is_finite() {
        return value.to_string();
    }
    let magnitude = value.abs();
    // Whole numbers (most volumes, minutes and counts) skip the exact decimal formatting of
    // floats, the slow part of writing a province's dossier texts; below 10^15 they are exact.
    let fixed = if magnitude.fract() == 0.0 && magnitude < 1e15 {
        (magnitude as u64).to_string()
    } else {
        format!("{:.*}", max_decimals, magnitude)
    };
    let (whole, fraction) = match fixed.split_once('.') {
        Some((w, f)) => (w, f.trim_end_matches('0')),
        None => (fixed.as_str(), ""),
    };
    let mut grouped = String::with_capacity(whole.len() + whole.len() / 3);
    for (i, digit) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i) % 3 == 0 {
            grouped.push('.');
        }
        grouped.push(digit);
    }
    let negative =
        value < 0.0 && (grouped.chars().any(|c| c != '0' && c != '.') || !fraction.is_empty());
    let sign = if negative { "−" } else { "" };
    if fraction.is_empty() {
        format!("{sign}{grouped}")
    } else {
        format!("{sign}{grouped},{fraction}")
    }
}

/// English formatting of the same number: `,` groups thousands, `.` marks decimals (1,896.5).
pub fn en_number(value: f64, max_decimals: usize) -> String {
    vi_number(value, max_decimals)
        .chars()
        .map(|c| match c {
            '.' => ',',
            ',' => '.',
            other => other,
        })
        .collect()
}

/// The number as `language` writes it: [`vi_number`] or [`en_number`].
pub fn number_in(language: crate::language::Language, value: f64, max_decimals: usize) -> String {
    match language {
        crate::language::Language::Vietnamese => vi_number(value, max_decimals),
        crate::language::Language::English => en_number(value, max_decimals),
    }
}

/// A share (0.125) as a Vietnamese percentage ("12,5%").
pub fn vi_percent(share: f64, max_decimals: usize) -> String {
    format!("{}%", vi_number(share * 100.0, max_decimals))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn groups_thousands_and_uses_decimal_comma() {
        assert_eq!(vi_number(1896.5, 2), "1.896,5");
        assert_eq!(vi_number(1896.0, 2), "1.896");
        assert_eq!(vi_number(1234567.891, 2), "1.234.567,89");
        assert_eq!(vi_number(0.949367, 3), "0,949");
        assert_eq!(vi_number(-2.5, 1), "−2,5");
        assert_eq!(vi_number(-0.0001, 2), "0");
        assert_eq!(vi_number(999.0, 0), "999");
        assert_eq!(vi_percent(0.125, 2), "12,5%");
        assert_eq!(en_number(1234567.891, 2), "1,234,567.89");
    }

    #[test]
    fn whole_numbers_read_as_the_same_numbers_with_decimals_would() {
        assert_eq!(vi_number(-3.0, 2), "−3");
        assert_eq!(vi_number(-0.0, 2), "0");
        assert_eq!(vi_number(0.0, 0), "0");
        assert_eq!(vi_number(1_000_000.0, 2), "1.000.000");
        assert_eq!(vi_number(999_999_999_999_999.0, 2), "999.999.999.999.999");
        // Past 10^15 the general path writes it.
        assert_eq!(vi_number(1e15, 0), "1.000.000.000.000.000");
        assert_eq!(vi_number(1e20, 0), "100.000.000.000.000.000.000");
        for value in [1.0, 12.0, 1200.0, 2400.0, 59_169.0, 123_456_789.0] {
            let general = vi_number(value + 0.5, 2);
            assert_eq!(vi_number(value, 2), general.trim_end_matches(",5"));
        }
    }
}
