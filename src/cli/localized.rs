//! Library errors said in the user's language at the command line's edge.

use crate::language::{Language, Localized};

/// Turns a library error into an `anyhow` error whose text is in `language`.
pub trait InLanguage<T> {
    fn in_language(self, language: Language) -> anyhow::Result<T>;
}

impl<T, E: Localized> InLanguage<T> for Result<T, E> {
    fn in_language(self, language: Language) -> anyhow::Result<T> {
        self.map_err(|error| anyhow::anyhow!(error.message(language)))
    }
}
