//! Text as it opens a sentence or a heading.

/// The text with its first letter upper-case: "hợp đồng lao động" -> "Hợp đồng lao động".
pub fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_first_letter_changes() {
        assert_eq!(capitalised("hợp đồng lao động"), "Hợp đồng lao động");
        assert_eq!(capitalised("đơn vị A"), "Đơn vị A");
        assert_eq!(capitalised(""), "");
    }
}
