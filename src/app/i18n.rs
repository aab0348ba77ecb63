//! The interface language: Vietnamese by default, English as a choice.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum Language {
    #[default]
    Vietnamese,
    English,
}

impl Language {
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
}
