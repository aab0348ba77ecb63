//! Closed choices (a category, a method, a period...): each value has a keyword written in plan
//! and interchange files and a Vietnamese label shown on screen. This is the one table of both:
//! the app shows the labels, the interchange readers accept either, and the workbook template
//! offers the labels in its drop-downs.
//!
//! Words are matched ignoring letter case, Unicode normalisation (NFC or NFD), surrounding
//! spaces and repeated inner spaces, so "  Nghiệp vụ  chuyên ngành " typed on any system finds
//! the category.

use unicode_normalization::UnicodeNormalization;

use super::{
    Category, CommuneSetting, CompetencyGroup, ComponentType, Decision, Employment, LeaderRole,
    Method, Period, ProvinceClass, Rounding, Sex, UnitType, WorkSection,
};

/// A value of a closed set, written by its keyword and shown by its Vietnamese label.
pub trait Choice: Copy + PartialEq + 'static {
    /// Every value, in the order lists offer them.
    fn choices() -> &'static [Self];
    /// The keyword written in files (ASCII, lower case).
    fn keyword(self) -> &'static str;
    /// The label the app shows in Vietnamese, accepted in files as well.
    fn label_vi(self) -> &'static str;
}

/// A word as it is compared: NFC, lower case, trimmed, inner runs of spaces as one.
pub fn normalise_word(text: &str) -> String {
    let lower: String = text.nfc().flat_map(char::to_lowercase).collect();
    lower.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The value whose keyword or Vietnamese label is `text` (see [`normalise_word`]).
pub fn from_word<T: Choice>(text: &str) -> Option<T> {
    let word = normalise_word(text);
    T::choices().iter().copied().find(|value| {
        normalise_word(value.keyword()) == word || normalise_word(value.label_vi()) == word
    })
}

/// The Vietnamese labels of every value, in list order.
pub fn labels_vi<T: Choice>() -> Vec<&'static str> {
    T::choices().iter().map(|value| value.label_vi()).collect()
}

/// The words accepted for `T`, each label with its keyword: `"ngày" (day), "tuần" (week)`.
pub fn accepted_words<T: Choice>() -> String {
    T::choices()
        .iter()
        .map(|value| format!("\"{}\" ({})", value.label_vi(), value.keyword()))
        .collect::<Vec<_>>()
        .join(", ")
}

macro_rules! choice {
    ($($type:ty => $all:expr;)*) => {
        $(impl Choice for $type {
            fn choices() -> &'static [Self] {
                &$all
            }
            fn keyword(self) -> &'static str {
                <$type>::keyword(self)
            }
            fn label_vi(self) -> &'static str {
                <$type>::label_vi(self)
            }
        })*
    };
}

choice! {
    Category => Category::ALL;
    Method => Method::ALL;
    ComponentType => ComponentType::ALL;
    Period => Period::ALL;
    Rounding => Rounding::ALL;
    LeaderRole => LeaderRole::ALL;
    Decision => Decision::ALL;
    Employment => Employment::ALL;
    ProvinceClass => ProvinceClass::ALL;
    CommuneSetting => CommuneSetting::ALL;
    WorkSection => WorkSection::ALL;
    CompetencyGroup => CompetencyGroup::ALL;
    Sex => Sex::ALL;
}

impl Choice for UnitType {
    fn choices() -> &'static [Self] {
        UnitType::ALL
    }
    fn keyword(self) -> &'static str {
        UnitType::keyword(self)
    }
    fn label_vi(self) -> &'static str {
        UnitType::label_vi(self)
    }
}

/// Yes or no, written `yes`/`no` and shown `Có`/`Không`.
impl Choice for bool {
    fn choices() -> &'static [Self] {
        &[true, false]
    }
    fn keyword(self) -> &'static str {
        if self { "yes" } else { "no" }
    }
    fn label_vi(self) -> &'static str {
        if self { "Có" } else { "Không" }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_match_keywords_and_labels_in_any_case_and_form() {
        assert_eq!(from_word("specialized"), Some(Category::Specialized));
        assert_eq!(
            from_word("  NGHIỆP VỤ   chuyên ngành "),
            Some(Category::Specialized)
        );
        // "tuần" typed as a + circumflex + grave: NFD.
        assert_eq!(from_word("tua\u{302}\u{300}n"), Some(Period::Week));
        assert_eq!(from_word("Hỗ trợ, phục vụ"), Some(Category::Support));
        assert_eq!(from_word("Công việc hỗ trợ"), Some(ComponentType::Support));
        assert_eq!(
            from_word("Phòng thuộc sở"),
            Some(UnitType::DepartmentDivision)
        );
        assert_eq!(from_word("tỉnh loại ii"), Some(ProvinceClass::II));
        assert_eq!(from_word("Hợp đồng lao động"), Some(Employment::Contract));
        assert_eq!(from_word("có"), Some(true));
        assert_eq!(from_word("Nữ"), Some(Sex::Female));
        assert_eq!(from_word("male"), Some(Sex::Male));
        assert_eq!(from_word("KHÔNG"), Some(false));
        assert_eq!(from_word::<Period>("fortnight"), None);
    }

    #[test]
    fn every_word_is_unique_within_its_choice() {
        fn check<T: Choice + std::fmt::Debug>() {
            let mut words: Vec<String> = Vec::new();
            for value in T::choices() {
                for word in [value.keyword(), value.label_vi()] {
                    let word = normalise_word(word);
                    assert_eq!(from_word::<T>(&word), Some(*value), "{word}");
                    if !words.contains(&word) {
                        words.push(word);
                    }
                }
            }
        }
        check::<Category>();
        check::<Method>();
        check::<ComponentType>();
        check::<Period>();
        check::<Rounding>();
        check::<LeaderRole>();
        check::<Decision>();
        check::<Employment>();
        check::<UnitType>();
        check::<ProvinceClass>();
        check::<CommuneSetting>();
        check::<WorkSection>();
        check::<CompetencyGroup>();
        check::<Sex>();
        check::<bool>();
    }

    #[test]
    fn accepted_words_pair_labels_with_keywords() {
        assert_eq!(
            accepted_words::<Period>(),
            "\"ngày\" (day), \"tuần\" (week), \"tháng\" (month), \"năm\" (year)"
        );
    }
}
