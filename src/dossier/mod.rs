//! The approval dossier: the plan as an Excel workbook a Sở Nội vụ can print and check
//! (summary, catalogue, workload, ranks, career steps, job descriptions, charts, the findings of
//! the check, and the reviewer's appraisal), and the charts alone.
//!
//! Every figure comes from the engine ([`crate::engine::compute`], [`crate::engine::explain`],
//! [`crate::engine::breakdown`]); totals in the workbook are Excel formulas whose cached results
//! are the engine's sums, so a reader without recalculation sees the same numbers.

mod annex;
mod appraisal_sheet;
mod catalogue_sheet;
mod charts;
mod charts_sheet;
mod continued;
mod error;
mod figures;
mod findings_sheet;
mod form;
mod job_descriptions_sheet;
mod parallel;
mod print;
mod projection_sheet;
mod rank_names;
mod ranks_sheet;
mod sheet;
mod small_pages;
mod steps_sheet;
mod subtotals;
mod summary_sheet;
mod workload_sheet;

use std::path::Path;

use crate::output::atomic;

pub use charts::{ChartData, ChartKind, ChartSeries, chart_data, render_png, render_svg};
pub use continued::{ROWS_PER_SHEET, table_of as table_of_sheet};
pub use error::DossierError;
pub use figures::{
    RankFigures, UnitFigures, UnitSection, proposed_count, rank_structure, unit_figures,
    unit_sections,
};
pub use findings_sheet::{NAME as FINDINGS_SHEET, NOTHING_FOUND};
pub use form::{HEAD_OF_AGENCY, MOTTO, NATIONAL_NAME, PREPARER, SEAL, attached_line};
/// The administrative form and the print styles, for other workbooks printed the same way.
pub(crate) use form::{Layout as FormLayout, foot as form_foot, head as form_head};
pub use job_descriptions_sheet::{
    DRAWN as DRAWN_FROM_WORKLOAD, PER_SHEET as DESCRIPTIONS_PER_SHEET,
    TITLE as JOB_DESCRIPTION_TITLE, sheet_name as job_descriptions_sheet_name,
};
pub(crate) use print::{
    ROW_POINTS, Styles, cell_ref, page_setup, result as formula_result, wrapped_height,
};
pub use projection_sheet::{NAME as PROJECTION_SHEET, YEAR_COLUMNS as PROJECTION_YEAR_COLUMNS};
pub use rank_names::{NO_RANK, RankNames, column_heading as rank_column_heading};
pub use ranks_sheet::CONTRACTS as CONTRACT_POSTS;
pub(crate) use sheet::Sheet;
pub use steps_sheet::{NO_PUBLIC_EMPLOYEES, NO_STEPS, TITLE as STEPS_TITLE};
pub use summary_sheet::{OVER_QUOTA_NOTE, QUOTA as QUOTA_HEADER};

use crate::engine::PlanResults;
use crate::model::{CivilDate, Plan};

/// The sheets printed as appendices (Phụ lục I, II...), each in the administrative form.
pub const APPENDICES: [&str; 8] = [
    summary_sheet::NAME,
    catalogue_sheet::NAME,
    workload_sheet::NAME,
    ranks_sheet::NAME,
    steps_sheet::NAME,
    job_descriptions_sheet::NAME,
    charts_sheet::NAME,
    projection_sheet::NAME,
];

/// The sheet names, in workbook order. A plan of more than [`DESCRIPTIONS_PER_SHEET`]
/// positions continues the job descriptions on sheets named by
/// [`job_descriptions_sheet_name`], right after the first; the workload, the findings and the
/// appraisal continue the same way past [`ROWS_PER_SHEET`] rows ([`table_of_sheet`] gives the
/// table of a continuation sheet).
pub const SHEET_NAMES: [&str; 10] = [
    summary_sheet::NAME,
    catalogue_sheet::NAME,
    workload_sheet::NAME,
    ranks_sheet::NAME,
    steps_sheet::NAME,
    job_descriptions_sheet::NAME,
    charts_sheet::NAME,
    projection_sheet::NAME,
    findings_sheet::NAME,
    appraisal_sheet::NAME,
];

/// Writes the dossier workbook of a computed plan to `path`, dated `today`, atomically: an
/// existing workbook stays whole until the new one is complete.
///
/// `results` must be `engine::compute(plan)`; the plan must be valid.
pub fn write_workbook(
    plan: &Plan,
    results: &PlanResults,
    path: &Path,
    today: CivilDate,
) -> Result<(), DossierError> {
    // Built in memory, then written: a failed write is an error naming the file, and no
    // half-written archive is left to finish.
    let bytes = workbook_bytes(plan, results, today)?;
    atomic::write_bytes(path, &bytes).map_err(|error| DossierError::Io {
        path: path.display().to_string(),
        source: error,
    })
}

/// The dossier workbook as bytes (what [`write_workbook`] saves), built and saved in small
/// memory pages (see `small_pages`).
pub fn workbook_bytes(
    plan: &Plan,
    results: &PlanResults,
    today: CivilDate,
) -> Result<Vec<u8>, DossierError> {
    let _small_pages = small_pages::SmallPages::begin();
    let mut workbooks = build_workbook(plan, results, today, annex::Workbooks::with_annexes())?;
    let bytes = workbooks.save()?;
    // Freeing a province's million and a half cells takes about 50 ms, which nobody needs to
    // wait for: it is done on a thread of its own (here, if no thread can be started).
    let _ = std::thread::Builder::new().spawn(move || drop(workbooks));
    Ok(bytes)
}

/// What `vtvl check` found on the judgement date, as the sheets print it.
pub(crate) struct Checked<'a> {
    pub at: CivilDate,
    pub findings: &'a [crate::rules::Finding],
}

fn build_workbook(
    plan: &Plan,
    results: &PlanResults,
    today: CivilDate,
    workbooks: annex::Workbooks,
) -> Result<annex::Workbooks, DossierError> {
    // Two sheets print the plan's fingerprint, about a tenth of a second's work on a province:
    // it starts at once on a thread of its own, which the check alone would leave idle, and a
    // sheet that needs it before it is done waits for it. An error is reported by those sheets.
    let fingerprint = &parallel::Fingerprint::of(plan);
    std::thread::scope(|scope| {
        scope.spawn(|| fingerprint.get().map(drop));
        fill_workbook(plan, results, today, fingerprint, workbooks)
    })
}

fn fill_workbook(
    plan: &Plan,
    results: &PlanResults,
    today: CivilDate,
    fingerprint: &parallel::Fingerprint<'_>,
    mut workbooks: annex::Workbooks,
) -> Result<annex::Workbooks, DossierError> {
    let styles = print::Styles::new();
    let styles = &styles;
    // One check on the judgement date serves the summary's quota marks and the findings sheet.
    // It runs beside the gathering of the long tables' rows (on a province, each takes about
    // a twentieth of a second), since the sheets need both to be shared out.
    let judged_at = plan.meta.judged_at.unwrap_or(today);
    let (findings, gathered) = std::thread::scope(|scope| {
        let check = scope.spawn(|| crate::rules::check(plan, results, judged_at));
        let gathered = (|| -> Result<_, DossierError> {
            Ok((
                job_descriptions_sheet::Described::of(plan, results)?,
                workload_sheet::Workload::of(plan, results)?,
                appraisal_sheet::Appraisal::of(plan, results)?,
            ))
        })();
        (parallel::finished(check), gathered)
    });
    let (described, workload, appraisal) = &gathered?;
    let checked = &Checked {
        at: judged_at,
        findings: &findings,
    };
    // Each sheet in workbook order, with its place in the order of work: the longest first
    // (as measured on a province plan), so that the last jobs to finish are short ones.
    use parallel::Writer;
    // The workload (670,000 cells on a province) and the job descriptions are streamed, each
    // in an annex of its own saved beside the main workbook (see `annex`).
    let mut writers = vec![
        Writer::one(3, |sheet| {
            let fingerprint = fingerprint.get()?;
            summary_sheet::write(sheet, styles, plan, results, today, checked, fingerprint)
        }),
        Writer::one(6, |sheet| {
            catalogue_sheet::write(sheet, styles, plan, results)
        }),
        Writer::many(2, workload.sheets(), |sheets| {
            workload_sheet::write(sheets, styles, plan, workload)
        })
        .streamed(),
        Writer::one(5, |sheet| ranks_sheet::write(sheet, styles, plan, results)),
        Writer::one(7, |sheet| steps_sheet::write(sheet, styles, plan, results)),
    ];
    // The job descriptions, streamed (230,000 short rows on a province), one job per sheet and
    // last in the order of work: the threads share them out once the longer sheets are done.
    writers.extend((0..described.sheets()).map(|part| {
        Writer::one(11, move |sheet| {
            job_descriptions_sheet::write(sheet, styles, plan, described, part)
        })
        .streamed()
    }));
    writers.extend([
        Writer::one(8, |sheet| charts_sheet::write(sheet, styles, plan, results)),
        Writer::one(9, |sheet| projection_sheet::write(sheet, styles, plan)),
        Writer::many(10, findings_sheet::sheets(checked), |sheets| {
            findings_sheet::write(sheets, styles, plan, checked)
        }),
        Writer::many(4, appraisal.sheets(), |sheets| {
            appraisal_sheet::write(sheets, styles, plan, appraisal, fingerprint.get()?)
        }),
    ]);
    let mut jobs = parallel::jobs(&mut workbooks, styles, writers);
    jobs.sort_by_key(|(order, _)| *order);
    parallel::run(jobs.into_iter().map(|(_, job)| job).collect())?;
    Ok(workbooks)
}
