//! A portfolio: a folder of plan files, one per agency, as a Sở Nội vụ receives them.
//!
//! [`open`] finds every plan file under a folder (any depth), then loads, validates, computes
//! and checks them in parallel with the same library calls `vtvl compute` and `vtvl check`
//! make, so each agency's row carries its plan's own totals and finding counts. A plan that
//! cannot be read, is invalid or cannot be computed is a row with its error, never the end of
//! the run. [`Totals`] sums the rows, overall, by the unit type of each agency's root unit and
//! by employment basis; [`benchmark`] sets the plans side by side on task codes.

mod agency;
mod benchmark;
mod discover;
mod error;
mod report;
mod totals;
mod workbook;

use std::path::{Path, PathBuf};

pub use agency::{Agency, AgencyFigures, Checked, agency_figures, plan_quota};
pub use benchmark::benchmark;
pub use discover::plan_files;
pub use error::{PlanError, PortfolioError};
pub use report::{CSV_COLUMNS, PortfolioJson, RowJson, SumsJson, TotalJson, TypeJson, csv};
pub use totals::{Sums, Totals, TypeSums};
pub use workbook::{
    GRAND_TOTAL, NAME as WORKBOOK_SHEET, TITLE as WORKBOOK_TITLE, WorkbookError, workbook_bytes,
    write_workbook,
};

use crate::model::CivilDate;

/// Every plan of a folder, checked, with the sums.
#[derive(Debug, Clone)]
pub struct Portfolio {
    /// The folder the plans were found in.
    pub root: PathBuf,
    /// One per plan file, in the order of their paths.
    pub agencies: Vec<Agency>,
    pub totals: Totals,
}

impl Portfolio {
    /// Whether some plan could not be read or has a finding of error severity.
    pub fn has_errors(&self) -> bool {
        self.agencies.iter().any(Agency::has_errors)
    }

    /// The agency whose plan is the file `relative` (as [`Agency::relative`] names it).
    pub fn agency(&self, relative: &str) -> Option<&Agency> {
        self.agencies.iter().find(|a| a.relative == relative)
    }
}

/// Opens every plan file under `root`: loaded, validated, computed and checked in parallel,
/// each judged at `at`, else at its own date. Fails only when the folder itself cannot be
/// read; each plan's failure is its row's.
pub fn open(root: &Path, at: Option<CivilDate>) -> Result<Portfolio, PortfolioError> {
    let files = plan_files(root)?;
    let agencies = agency::check_all(root, &files, at);
    let totals = Totals::of(&agencies);
    Ok(Portfolio {
        root: root.to_path_buf(),
        agencies,
        totals,
    })
}
