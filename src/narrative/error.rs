//! What can go wrong while writing the đề án.

use thiserror::Error;

use crate::dossier::DossierError;
use crate::engine::{BreakdownError, EngineError};
use crate::language::{Language, Localized};
use crate::output::io_reason;

/// An error drafting or writing the Word document.
#[derive(Debug, Error)]
pub enum NarrativeError {
    #[error(transparent)]
    Engine(#[from] EngineError),
    #[error(transparent)]
    Breakdown(#[from] BreakdownError),
    #[error(transparent)]
    Dossier(#[from] DossierError),
    #[error("cannot assemble the Word document: {0}")]
    Pack(String),
    #[error("cannot write {path}: {}", io_reason(source, Language::English))]
    Io {
        path: String,
        source: std::io::Error,
    },
}

impl Localized for NarrativeError {
    fn message(&self, language: Language) -> String {
        match (self, language) {
            (NarrativeError::Pack(detail), Language::Vietnamese) => {
                format!("Không tạo được tệp Word: {detail}")
            }
            (NarrativeError::Io { path, source }, Language::Vietnamese) => {
                format!("Không ghi được {path}: {}", io_reason(source, language))
            }
            (
                NarrativeError::Engine(_)
                | NarrativeError::Breakdown(_)
                | NarrativeError::Dossier(_),
                Language::Vietnamese,
            ) => format!("Không tính được số liệu của đề án: {self}"),
            (_, Language::English) => self.to_string(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_exist_in_both_languages() {
        let error = NarrativeError::Io {
            path: "de-an.docx".to_owned(),
            source: std::io::Error::from(std::io::ErrorKind::PermissionDenied),
        };
        assert!(
            error
                .message(Language::Vietnamese)
                .starts_with("Không ghi được de-an.docx")
        );
        assert!(
            error
                .message(Language::English)
                .starts_with("cannot write de-an.docx")
        );
    }
}
