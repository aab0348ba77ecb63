//! The one error type of plan files, each variant naming the file it is about.

use std::io;
use std::path::PathBuf;

use crate::language::{Language, Localized, Text};
use crate::output::io_reason;

/// Why a plan file could not be read or written. `Display` is one line that starts with the
/// file name (and, for syntax errors, `line:column`), the way compilers report errors.
#[derive(Debug, thiserror::Error)]
pub enum PlanFileError {
    /// The file system refused: missing file or folder, no permission, disk full...
    #[error("{}: cannot {action}: {}", path.display(), io_reason(error, Language::English))]
    Io {
        path: PathBuf,
        /// What was being done, as a verb phrase ("read", "write", "keep a backup").
        action: &'static str,
        error: io::Error,
    },

    /// The text is not valid RON, or not a plan: `line` and `column` count from 1.
    #[error("{}:{line}:{column}: {message}", path.display())]
    Parse {
        path: PathBuf,
        line: usize,
        column: usize,
        message: Text,
    },

    /// The file declares a format this build does not know yet.
    #[error(
        "{}: written by a newer vtvl (plan format version {found}, this vtvl reads up to \
         version {supported}); update vtvl to open it",
        path.display()
    )]
    NewerVersion {
        path: PathBuf,
        found: u32,
        supported: u32,
    },

    /// The file has no `format_version`, so it is not a vtvl plan (or was cut short).
    #[error("{}: not a vtvl plan file: `format_version` is missing", path.display())]
    MissingVersion { path: PathBuf },

    /// The plan could not be written as RON (only possible with names RON cannot express).
    #[error("cannot write the plan as RON: {message}")]
    Serialize { message: String },
}

impl Localized for PlanFileError {
    fn message(&self, language: Language) -> String {
        if language == Language::English {
            return self.to_string();
        }
        match self {
            PlanFileError::Io {
                path,
                action,
                error,
            } => {
                let action = match *action {
                    "read" => "đọc",
                    "write" => "ghi",
                    "keep a backup" => "giữ bản sao lưu",
                    other => other,
                };
                format!(
                    "{}: không {action} được: {}",
                    path.display(),
                    io_reason(error, language)
                )
            }
            PlanFileError::Parse {
                path,
                line,
                column,
                message,
            } => format!(
                "{}:{line}:{column}: {}",
                path.display(),
                message.get(language)
            ),
            PlanFileError::NewerVersion {
                path,
                found,
                supported,
            } => format!(
                "{}: tệp do bản vtvl mới hơn ghi (định dạng phiên bản {found}, bản vtvl này đọc \
                 đến phiên bản {supported}); hãy cập nhật vtvl để mở",
                path.display()
            ),
            PlanFileError::MissingVersion { path } => format!(
                "{}: không phải tệp đề án vtvl: thiếu `format_version`",
                path.display()
            ),
            PlanFileError::Serialize { message } => {
                format!("không ghi được đề án dạng RON: {message}")
            }
        }
    }
}
