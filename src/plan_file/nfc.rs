//! Unicode NFC normalisation of plan text on load.
//!
//! Vietnamese letters can be typed precomposed (NFC) or as base letter plus combining marks
//! (NFD, common on macOS): the same id typed both ways would not match. Normalising the whole
//! text before parsing is safe for RON, whose syntax is ASCII and carries no combining marks.

use std::borrow::Cow;

use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};

/// The text in NFC, borrowed when it already is (the common case, checked in one pass).
pub(super) fn to_nfc(text: &str) -> Cow<'_, str> {
    if text.is_ascii() || is_nfc_quick(text.chars()) == IsNormalized::Yes {
        Cow::Borrowed(text)
    } else {
        Cow::Owned(text.nfc().collect())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nfc_text_is_borrowed() {
        assert!(matches!(to_nfc("Phòng Kế hoạch"), Cow::Borrowed(_)));
    }

    #[test]
    fn nfd_text_is_composed() {
        // "ệ" as e + circumflex + dot below.
        let nfd = "Vi\u{65}\u{302}\u{323}t";
        assert_eq!(to_nfc(nfd), "Việt");
    }
}
