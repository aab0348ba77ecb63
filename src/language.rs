//! The language a user reads: Vietnamese by default, English as a choice.
//!
//! Every message a user can see exists in both languages. Library code keeps both texts side by
//! side (a [`Text`], or a `match` on [`Language`]); the app and the CLI pick one at the edge.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum Language {
    #[default]
    Vietnamese,
    English,
}

impl Language {
    pub const ALL: [Language; 2] = [Language::Vietnamese, Language::English];

    /// The keyword of `--lang` and of settings: `vi` or `en`.
    pub fn code(self) -> &'static str {
        match self {
            Language::Vietnamese => "vi",
            Language::English => "en",
        }
    }

    /// Picks the text for this language; call sites keep both texts side by side.
    pub fn t<'a>(self, vietnamese: &'a str, english: &'a str) -> &'a str {
        match self {
            Language::Vietnamese => vietnamese,
            Language::English => english,
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Language::Vietnamese => "Tiếng Việt",
            Language::English => "English",
        }
    }

    /// The language a locale names (`vi_VN.UTF-8`, `en_US`, `en`), if it is one of ours.
    pub fn from_locale(locale: &str) -> Option<Language> {
        let code = locale
            .split(['_', '.', '-', '@'])
            .next()?
            .to_ascii_lowercase();
        match code.as_str() {
            "vi" => Some(Language::Vietnamese),
            "en" => Some(Language::English),
            _ => None,
        }
    }

    /// The language of the environment's locale (`LC_ALL`, `LC_MESSAGES`, `LANG`, first set
    /// wins, as POSIX orders them); Vietnamese when none names one of ours.
    pub fn from_environment() -> Language {
        ["LC_ALL", "LC_MESSAGES", "LANG"]
            .iter()
            .filter_map(|name| std::env::var(name).ok())
            .find(|value| !value.is_empty())
            .and_then(|value| Language::from_locale(&value))
            .unwrap_or_default()
    }
}

/// A message in both languages.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Text {
    pub vi: String,
    pub en: String,
}

impl Text {
    pub fn new(vi: impl Into<String>, en: impl Into<String>) -> Self {
        Text {
            vi: vi.into(),
            en: en.into(),
        }
    }

    /// The same text in both languages: a number, an id, a name.
    pub fn same(text: impl Into<String>) -> Self {
        let text = text.into();
        Text {
            vi: text.clone(),
            en: text,
        }
    }

    /// Both languages from one function of the language, so that a message is written once
    /// with its parts picked per language.
    pub fn from_fn(say: impl Fn(Language) -> String) -> Self {
        Text {
            vi: say(Language::Vietnamese),
            en: say(Language::English),
        }
    }

    pub fn get(&self, language: Language) -> &str {
        language.t(&self.vi, &self.en)
    }
}

/// Shows the English text, for logs and `Display` of errors; users see
/// [`Localized::message`].
impl std::fmt::Display for Text {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.en)
    }
}

/// Whether a text has a letter only Vietnamese writes (a vowel with a tone or a hat, or đ).
/// Tests use it to tell that an English text has no Vietnamese left in it.
pub fn has_vietnamese_letters(text: &str) -> bool {
    use unicode_normalization::UnicodeNormalization;
    text.nfd().any(|c| {
        matches!(
            c,
            // Combining grave, acute, circumflex, tilde, breve, hook above, horn, dot below.
            '\u{0300}'
                | '\u{0301}'
                | '\u{0302}'
                | '\u{0303}'
                | '\u{0306}'
                | '\u{0309}'
                | '\u{031B}'
                | '\u{0323}'
                | 'đ'
                | 'Đ'
        )
    })
}

/// Turns a library error into an `anyhow` error whose text is in `language`: how the app and
/// the command line, the edges that report with `anyhow`, say the library's typed errors.
pub trait InLanguage<T> {
    fn in_language(self, language: Language) -> anyhow::Result<T>;
}

impl<T, E: Localized> InLanguage<T> for Result<T, E> {
    fn in_language(self, language: Language) -> anyhow::Result<T> {
        self.map_err(|error| anyhow::anyhow!(error.message(language)))
    }
}

/// A message that can be shown in either language. Library errors and problems implement it;
/// the app and the CLI call [`Localized::message`] with the user's language.
pub trait Localized {
    fn message(&self, language: Language) -> String;
}

impl Localized for Text {
    fn message(&self, language: Language) -> String {
        self.get(language).to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locales_name_their_language() {
        assert_eq!(
            Language::from_locale("vi_VN.UTF-8"),
            Some(Language::Vietnamese)
        );
        assert_eq!(
            Language::from_locale("en_US.UTF-8"),
            Some(Language::English)
        );
        assert_eq!(Language::from_locale("en"), Some(Language::English));
        assert_eq!(Language::from_locale("C.UTF-8"), None);
        assert_eq!(Language::from_locale("fr_FR"), None);
    }

    #[test]
    fn a_text_gives_the_chosen_language() {
        let text = Text::new("Lỗi", "Error");
        assert_eq!(text.get(Language::Vietnamese), "Lỗi");
        assert_eq!(text.get(Language::English), "Error");
    }
}
