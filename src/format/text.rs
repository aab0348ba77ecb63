//! Text as it opens a sentence or a heading, and numbers as headings count them.

/// The text with its first letter upper-case: "hợp đồng lao động" -> "Hợp đồng lao động".
pub fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// The text with its first letter lower-case, for the middle of a sentence: "Unexpected end"
/// -> "unexpected end".
pub fn uncapitalised(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_lowercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// Roman numerals, as Vietnamese documents number parts and top-level units (I, II, IV).
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

/// An outline number as Vietnamese dossiers print a unit's place in the tree: `[2]` is "II",
/// `[2, 3]` is "3", `[2, 3, 1]` is "3.1".
pub fn outline_number(number: &[usize]) -> String {
    match number {
        [] => String::new(),
        [root] => roman(*root),
        [_, rest @ ..] => rest
            .iter()
            .map(usize::to_string)
            .collect::<Vec<_>>()
            .join("."),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn roman_numerals() {
        assert_eq!(roman(4), "IV");
        assert_eq!(roman(14), "XIV");
        assert_eq!(outline_number(&[2]), "II");
        assert_eq!(outline_number(&[2, 3]), "3");
        assert_eq!(outline_number(&[2, 3, 1]), "3.1");
        assert_eq!(roman(1994), "MCMXCIV");
        assert_eq!(roman(0), "");
    }

    #[test]
    fn only_the_first_letter_changes() {
        assert_eq!(capitalised("hợp đồng lao động"), "Hợp đồng lao động");
        assert_eq!(capitalised("đơn vị A"), "Đơn vị A");
        assert_eq!(capitalised(""), "");
        assert_eq!(uncapitalised("Đơn vị A"), "đơn vị A");
        assert_eq!(uncapitalised(""), "");
    }
}
