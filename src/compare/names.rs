//! The key names are matched by: Unicode NFC, lower case, whitespace trimmed and collapsed, so
//! that "Phòng  Kế hoạch" and "phòng kế hoạch" are the same name.

use unicode_normalization::UnicodeNormalization as _;

/// The normalised, case-insensitive form of a name.
pub fn name_key(name: &str) -> String {
    let composed: String = name.nfc().collect();
    composed
        .split_whitespace()
        .map(str::to_lowercase)
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn case_spaces_and_composition_do_not_matter() {
        assert_eq!(name_key("  Phòng   KẾ HOẠCH "), "phòng kế hoạch");
        // "ệ" typed as e + circumflex + dot below (NFD).
        assert_eq!(name_key("Vie\u{302}\u{323}c"), name_key("việc"));
        assert_eq!(name_key("Đội"), "đội");
        assert_ne!(name_key("Văn thư"), name_key("Văn thư lưu trữ"));
    }
}
