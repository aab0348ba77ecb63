//! What a RON syntax or type error says, in Vietnamese and in English: the English is RON's own
//! message (reworded where it is unclear), the Vietnamese says the same. Names from the plan's
//! format (fields, variants) are quoted as they are written in the file.

use ron::error::Error as RonError;

use crate::format::uncapitalised;
use crate::language::Text;

/// The message of `code`, starting in lower case (it follows `file:line:column: `).
pub(super) fn describe(code: &RonError) -> Text {
    let en = match code {
        RonError::Eof => "unexpected end of file".to_owned(),
        RonError::MissingStructField { field, outer } => match outer {
            Some(outer) => format!("missing field `{field}` in `{outer}`"),
            None => format!("missing field `{field}`"),
        },
        other => other.to_string(),
    };
    Text::new(vietnamese(code, &en), uncapitalised(&en))
}

/// The Vietnamese of `code`; `en` is its English, quoted where the Vietnamese cannot say more
/// (a message from the reader of a field, which only speaks English).
fn vietnamese(code: &RonError, en: &str) -> String {
    if let Some(text) = fixed_vietnamese(code) {
        return text.to_owned();
    }
    match code {
        RonError::UnexpectedChar(c) => format!("ký tự không mong đợi {c:?}"),
        RonError::InvalidIntegerDigit { digit, base } => {
            format!("chữ số {digit:?} không hợp lệ trong số hệ {base}")
        }
        RonError::InvalidValueForType { expected, found } => {
            format!("giá trị không đúng kiểu: cần {expected}, nhưng gặp {found}")
        }
        RonError::ExpectedDifferentLength { expected, found } => {
            format!("số phần tử không đúng: cần {expected}, nhưng có {found}")
        }
        RonError::NoSuchEnumVariant {
            expected, found, ..
        } => format!(
            "không có giá trị `{found}`; {}",
            one_of(expected, "không có giá trị nào")
        ),
        RonError::NoSuchStructField {
            expected,
            found,
            outer,
        } => format!(
            "không có trường `{found}`{}; {}",
            within(outer.as_deref()),
            one_of(expected, "không có trường nào")
        ),
        RonError::MissingStructField { field, outer } => {
            format!("thiếu trường `{field}`{}", within(outer.as_deref()))
        }
        RonError::DuplicateStructField { field, outer } => {
            format!(
                "trường `{field}` bị ghi hai lần{}",
                within(outer.as_deref())
            )
        }
        RonError::ExpectedDifferentStructName { expected, found } => {
            format!("cần `{expected}` nhưng gặp `{found}`")
        }
        RonError::NoSuchExtension(name) => format!("RON không có phần mở rộng `{name}`"),
        RonError::InvalidIdentifier(name) | RonError::SuggestRawIdentifier(name) => {
            format!("tên không hợp lệ `{name}`")
        }
        // Messages of the readers of single fields, and forms a plan never uses.
        _ => format!("nội dung không hợp lệ ({en})"),
    }
}

/// The Vietnamese of the errors whose English has no part taken from the file.
fn fixed_vietnamese(code: &RonError) -> Option<&'static str> {
    Some(match code {
        RonError::Eof => "tệp kết thúc khi nội dung chưa đủ",
        RonError::ExpectedArray => "thiếu dấu mở `[`",
        RonError::ExpectedArrayEnd => "thiếu dấu đóng `]`",
        RonError::ExpectedBoolean => "cần giá trị đúng/sai (true hoặc false)",
        RonError::ExpectedComma => "thiếu dấu phẩy",
        RonError::ExpectedChar => "cần một ký tự",
        RonError::ExpectedFloat => "cần một số",
        RonError::FloatUnderscore => "dấu gạch dưới không được có trong số thập phân",
        RonError::ExpectedInteger => "cần một số nguyên",
        RonError::ExpectedOption => "cần một giá trị tùy chọn (Some(...) hoặc None)",
        RonError::ExpectedOptionEnd | RonError::ExpectedStructLikeEnd => "thiếu dấu đóng `)`",
        RonError::ExpectedMap => "thiếu dấu mở `{`",
        RonError::ExpectedMapColon => "thiếu dấu hai chấm",
        RonError::ExpectedMapEnd => "thiếu dấu đóng `}`",
        RonError::ExpectedStructLike | RonError::ExpectedNamedStructLike(_) => "thiếu dấu mở `(`",
        RonError::ExpectedUnit => "cần giá trị rỗng `()`",
        RonError::ExpectedString => "cần một chuỗi văn bản trong ngoặc kép",
        RonError::ExpectedStringEnd => "chuỗi văn bản thiếu dấu ngoặc kép đóng",
        RonError::ExpectedIdentifier => "cần một tên (tên trường hoặc giá trị)",
        RonError::IntegerOutOfBounds => "số nguyên vượt quá giới hạn cho phép",
        RonError::UnclosedBlockComment => "chú thích `/* ... */` chưa được đóng",
        RonError::UnderscoreAtBeginning => "số không được bắt đầu bằng dấu gạch dưới",
        RonError::TrailingCharacters => "còn nội dung thừa sau khi kế hoạch đã kết thúc",
        RonError::Utf8Error(_) => "văn bản không phải UTF-8",
        RonError::ExceededRecursionLimit => "nội dung lồng nhau quá nhiều tầng",
        _ => return None,
    })
}

/// ` trong `outer`` when the place is known.
fn within(outer: Option<&str>) -> String {
    outer.map_or_else(String::new, |outer| format!(" trong `{outer}`"))
}

/// What is allowed instead: `cần một trong: `a`, `b``.
fn one_of(allowed: &[&str], none: &str) -> String {
    match allowed {
        [] => none.to_owned(),
        [only] => format!("cần `{only}`"),
        _ => {
            let names: Vec<String> = allowed.iter().map(|name| format!("`{name}`")).collect();
            format!("cần một trong: {}", names.join(", "))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::language::has_vietnamese_letters;

    #[test]
    fn messages_start_in_lower_case_in_english() {
        assert_eq!(describe(&RonError::ExpectedComma).en, "expected comma");
        assert_eq!(describe(&RonError::Eof).en, "unexpected end of file");
    }

    #[test]
    fn every_message_reads_in_vietnamese() {
        let codes = [
            RonError::ExpectedComma,
            RonError::Eof,
            RonError::ExpectedFloat,
            RonError::UnexpectedChar('@'),
            RonError::Message("invalid date".into()),
            RonError::MissingStructField {
                field: "name",
                outer: Some("Unit".into()),
            },
            RonError::NoSuchStructField {
                expected: &["id", "name"],
                found: "nmae".into(),
                outer: Some("Unit".into()),
            },
            RonError::NoSuchEnumVariant {
                expected: &["shared"],
                found: "sharde".into(),
                outer: None,
            },
            RonError::InvalidValueForType {
                expected: "f64".into(),
                found: "a string".into(),
            },
        ];
        for code in &codes {
            let text = describe(code);
            assert!(has_vietnamese_letters(&text.vi), "{code:?}: {}", text.vi);
            assert!(!has_vietnamese_letters(&text.en), "{code:?}: {}", text.en);
        }
        let unknown = describe(&codes[6]);
        assert_eq!(
            unknown.vi,
            "không có trường `nmae` trong `Unit`; cần một trong: `id`, `name`"
        );
        assert_eq!(describe(&codes[0]).vi, "thiếu dấu phẩy");
        assert_eq!(describe(&codes[5]).en, "missing field `name` in `Unit`");
        assert_eq!(describe(&codes[5]).vi, "thiếu trường `name` trong `Unit`");
    }
}
