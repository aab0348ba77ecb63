//! Suggestions for mistyped names: the known name nearest to what was typed, for messages such
//! as `unknown key "rouding"; did you mean "rounding"?`.

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// `text` without case or Vietnamese accents: `Công Việc` and `cong viec` fold alike.
pub fn folded(text: &str) -> String {
    text.nfd()
        .filter(|c| !is_combining_mark(*c))
        .flat_map(char::to_lowercase)
        .map(|c| if c == 'đ' { 'd' } else { c })
        .collect()
}

/// Edits (insert, delete, replace one character) that turn `a` into `b`.
pub fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    let mut current = vec![0; b.len() + 1];
    for (i, ca) in a.chars().enumerate() {
        current[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let replace = previous[j] + usize::from(ca != *cb);
            current[j + 1] = replace.min(previous[j + 1] + 1).min(current[j] + 1);
        }
        std::mem::swap(&mut previous, &mut current);
    }
    previous[b.len()]
}

/// The candidate nearest to `typed` when it is near enough to be a slip: equal once case and
/// accents are folded, or within a third of its length in edits (at least one, at most three).
/// Ties go to the first candidate.
pub fn nearest<'a>(typed: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let typed = folded(typed);
    let allowed = (typed.chars().count() / 3).clamp(1, 3);
    candidates
        .into_iter()
        .map(|candidate| (edit_distance(&typed, &folded(candidate)), candidate))
        .filter(|(distance, _)| *distance <= allowed)
        .min_by_key(|(distance, _)| *distance)
        .map(|(_, candidate)| candidate)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn distances_count_single_character_edits() {
        assert_eq!(edit_distance("rouding", "rounding"), 1);
        assert_eq!(edit_distance("valdate", "validate"), 1);
        assert_eq!(edit_distance("", "abc"), 3);
        assert_eq!(edit_distance("kitten", "sitting"), 3);
    }

    #[test]
    fn slips_find_their_name_and_strangers_find_none() {
        let keys = ["name", "agency", "year", "rounding", "province_class"];
        assert_eq!(nearest("rouding", keys), Some("rounding"));
        assert_eq!(nearest("nam", keys), Some("name"));
        assert_eq!(nearest("province-class", keys), Some("province_class"));
        assert_eq!(nearest("colour", keys), None);
        assert_eq!(nearest("Công Việc", ["duties", "units"]), None);
        assert_eq!(nearest("Đơn Vị", ["don_vi", "units"]), Some("don_vi"));
        assert_eq!(folded("Công Việc Đầu"), "cong viec dau");
    }
}
