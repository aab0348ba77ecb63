//! What can go wrong while writing the dossier.

use thiserror::Error;

use crate::language::Language;
use crate::output::io_reason;

use crate::engine::{BreakdownError, EngineError};
use crate::plan_file::PlanFileError;
use crate::report::AppraisalTableError;
use crate::rules::PackError;

/// An error writing the workbook or drawing a chart.
#[derive(Debug, Error)]
pub enum DossierError {
    #[error("cannot write the workbook: {0}")]
    Xlsx(#[from] rust_xlsxwriter::XlsxError),
    #[error(transparent)]
    Engine(#[from] EngineError),
    #[error(transparent)]
    Breakdown(#[from] BreakdownError),
    #[error(transparent)]
    PlanFile(#[from] PlanFileError),
    #[error(transparent)]
    AppraisalTable(#[from] AppraisalTableError),
    #[error("cannot read the rank catalogue: {0}")]
    Ranks(#[from] PackError),
    #[error(transparent)]
    Projection(#[from] crate::projection::ProjectionError),
    #[error("cannot draw the chart: {0}")]
    Chart(String),
    #[error("cannot write {path}: {}", io_reason(source, Language::English))]
    Io {
        path: String,
        source: std::io::Error,
    },
}

impl crate::language::Localized for DossierError {
    fn message(&self, language: Language) -> String {
        match self {
            DossierError::Engine(error) => return error.message(language),
            DossierError::Breakdown(error) => return error.message(language),
            DossierError::PlanFile(error) => return error.message(language),
            DossierError::AppraisalTable(error) => return error.message(language),
            DossierError::Projection(error) => return error.message(language),
            _ => {}
        }
        if language == Language::English {
            return self.to_string();
        }
        match self {
            DossierError::Xlsx(error) => format!("không ghi được sổ tính: {error}"),
            DossierError::Ranks(error) => format!("không đọc được danh mục ngạch: {error}"),
            DossierError::Chart(reason) => format!("không vẽ được biểu đồ: {reason}"),
            DossierError::Io { path, source } => {
                format!("không ghi được {path}: {}", io_reason(source, language))
            }
            _ => self.to_string(),
        }
    }
}
