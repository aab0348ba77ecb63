//! Why a portfolio, or one plan of it, could not be opened.

use std::io;
use std::path::PathBuf;

use crate::engine::EngineError;
use crate::language::{Language, Localized};
use crate::output::io_reason;
use crate::plan_file::PlanFileError;
use crate::validation::Problem;

/// How many validation problems a plan's row lists before saying how many more there are.
const PROBLEMS_LISTED: usize = 3;

/// The folder of a portfolio could not be read.
#[derive(Debug, thiserror::Error)]
pub enum PortfolioError {
    #[error("{}: not a folder", path.display())]
    NotAFolder { path: PathBuf },
    #[error("{}: cannot list the folder: {}", path.display(), io_reason(error, Language::English))]
    Io { path: PathBuf, error: io::Error },
}

impl Localized for PortfolioError {
    fn message(&self, language: Language) -> String {
        if language == Language::English {
            return self.to_string();
        }
        match self {
            PortfolioError::NotAFolder { path } => {
                format!("{}: không phải là một thư mục", path.display())
            }
            PortfolioError::Io { path, error } => format!(
                "{}: không liệt kê được thư mục: {}",
                path.display(),
                io_reason(error, language)
            ),
        }
    }
}

/// Why one plan of a portfolio has no figures. Each message names the file.
#[derive(Debug, thiserror::Error)]
pub enum PlanError {
    /// The file could not be read or is not a plan (its own message names file, line, column).
    #[error("{0}")]
    File(#[from] PlanFileError),
    /// The plan does not validate: its problems, each with its place.
    #[error("{}: {} problem(s) found: {}", file.display(), problems.len(), listed(problems, Language::English))]
    Invalid {
        file: PathBuf,
        problems: Vec<Problem>,
    },
    /// The engine could not compute the plan.
    #[error("{}: {error}", file.display())]
    Engine { file: PathBuf, error: EngineError },
}

fn listed(problems: &[Problem], language: Language) -> String {
    let mut text: Vec<String> = problems
        .iter()
        .take(PROBLEMS_LISTED)
        .map(|p| p.message(language))
        .collect();
    if problems.len() > PROBLEMS_LISTED {
        let more = problems.len() - PROBLEMS_LISTED;
        text.push(match language {
            Language::Vietnamese => format!("... và {more} lỗi khác"),
            Language::English => format!("... and {more} more"),
        });
    }
    text.join("; ")
}

impl Localized for PlanError {
    fn message(&self, language: Language) -> String {
        match self {
            PlanError::File(error) => error.message(language),
            PlanError::Invalid { file, problems } => match language {
                Language::English => self.to_string(),
                Language::Vietnamese => format!(
                    "{}: tìm thấy {} lỗi: {}",
                    file.display(),
                    problems.len(),
                    listed(problems, language)
                ),
            },
            PlanError::Engine { file, error } => {
                format!("{}: {}", file.display(), error.message(language))
            }
        }
    }
}
