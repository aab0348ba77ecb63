//! `vtvl portfolio`: every plan file under a folder, loaded, computed and checked in parallel,
//! one row per agency with its plan's totals and its check's counts, the total, and the sums
//! by unit type and employment basis; `--xlsx` writes the consolidated workbook.
//!
//! Exit code 0 when every plan was read and no finding is an error, 3 when some plan could not
//! be read or has an error (as `vtvl check`), 1 when the folder or the date is invalid.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::ValueEnum;

use super::check::EXIT_ERRORS;
use super::plan_input;
use super::text_table::{Align, TextTable};
use crate::format::number_in;
use crate::language::InLanguage as _;
use crate::language::{Language, Localized as _};
use crate::model::{CivilDate, Employment};
use crate::portfolio::{self, Portfolio, PortfolioJson, Sums};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The folder of plan files (.ron, in any sub-folder), one per agency.
    pub dir: PathBuf,
    /// Judge every plan at this date (YYYY-MM-DD or dd/mm/yyyy) instead of its own date or today.
    #[arg(long, value_name = "DATE")]
    pub at: Option<String>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Table)]
    pub format: Format,
    /// Also write the consolidated workbook (.xlsx): one row per agency grouped by unit type,
    /// totals as formulas, in the administrative form.
    #[arg(long, value_name = "OUT")]
    pub xlsx: Option<PathBuf>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Aligned table with the total and the sums by unit type and employment basis.
    Table,
    /// {"plans": [{file, agency, quota, current, required, proposed, appraised, errors,
    /// warnings}], "total", "by_unit_type", "by_employment"}.
    Json,
    /// One row per plan: file, agency, quota, current, required, proposed, appraised, errors,
    /// warnings, error.
    Csv,
}

pub fn run(args: &Args, language: Language) -> anyhow::Result<ExitCode> {
    let at = plan_input::judgement_date(args.at.as_deref(), language)?;
    let portfolio = portfolio::open(&args.dir, at).in_language(language)?;
    let text = match args.format {
        Format::Table => table(&portfolio, language),
        Format::Json => {
            let mut json = serde_json::to_string_pretty(&PortfolioJson::of(&portfolio, language))?;
            json.push('\n');
            json
        }
        Format::Csv => portfolio::csv(&portfolio, language)?,
    };
    super::standard_output::print(&text, language)?;
    if let Some(out) = &args.xlsx {
        portfolio::write_workbook(&portfolio, out, CivilDate::today()).in_language(language)?;
        eprintln!("{} -> {}", args.dir.display(), out.display());
    }
    Ok(if portfolio.has_errors() {
        ExitCode::from(EXIT_ERRORS)
    } else {
        ExitCode::SUCCESS
    })
}

fn sums_cells(s: &Sums, language: Language) -> [String; 7] {
    [
        s.quota.to_string(),
        number_in(language, s.current, 2),
        s.required.to_string(),
        s.proposed.to_string(),
        s.appraised.map(|a| a.to_string()).unwrap_or_default(),
        s.errors.to_string(),
        s.warnings.to_string(),
    ]
}

fn table(portfolio: &Portfolio, language: Language) -> String {
    let t = |vi, en| language.t(vi, en);
    let figures = [
        (t("Biên chế giao", "Quota"), Align::Right),
        (t("Hiện có", "Current"), Align::Right),
        (t("Cần", "Required"), Align::Right),
        (t("Đề xuất", "Proposed"), Align::Right),
        (t("Thẩm định", "Appraised"), Align::Right),
        (t("Lỗi", "Errors"), Align::Right),
        (t("Cảnh báo", "Warnings"), Align::Right),
    ];
    let mut headers = vec![
        (t("Tệp", "File"), Align::Left),
        (t("Cơ quan, đơn vị", "Agency"), Align::Left),
    ];
    headers.extend(figures);
    let mut rows = TextTable::new(&headers);
    let mut unreadable = Vec::new();
    for agency in &portfolio.agencies {
        match &agency.outcome {
            Ok(checked) => {
                let f = &checked.figures;
                let mut row = vec![agency.relative.clone(), f.agency.clone()];
                row.extend([
                    f.quota.map(|q| q.to_string()).unwrap_or_default(),
                    number_in(language, f.current, 2),
                    f.required.to_string(),
                    f.proposed.to_string(),
                    f.appraised.map(|a| a.to_string()).unwrap_or_default(),
                    f.errors.to_string(),
                    f.warnings.to_string(),
                ]);
                rows.push(row);
            }
            Err(error) => {
                let mut row = vec![
                    agency.relative.clone(),
                    t("(không đọc được)", "(cannot be read)").to_owned(),
                ];
                row.extend(std::iter::repeat_n(String::new(), 7));
                rows.push(row);
                unreadable.push(error.message(language));
            }
        }
    }
    let totals = &portfolio.totals;
    let mut total_row = vec![String::new(), t("TỔNG CỘNG", "TOTAL").to_owned()];
    total_row.extend(sums_cells(&totals.all, language));
    rows.push(total_row);

    let mut type_headers = vec![
        (t("Loại đơn vị", "Unit type"), Align::Left),
        (t("Số đề án", "Plans"), Align::Right),
    ];
    type_headers.extend(figures);
    let mut types = TextTable::new(&type_headers);
    for type_sums in &totals.by_unit_type {
        let mut row = vec![
            type_sums.unit_type.label(language).to_owned(),
            type_sums.sums.plans.to_string(),
        ];
        row.extend(sums_cells(&type_sums.sums, language));
        types.push(row);
    }

    let mut bases = TextTable::new(&[
        (t("Chế độ", "Basis"), Align::Left),
        (t("Cần", "Required"), Align::Right),
        (t("Hiện có", "Current"), Align::Right),
        (t("Đề xuất", "Proposed"), Align::Right),
    ]);
    for employment in Employment::ALL {
        let f = totals.by_employment.get(employment);
        bases.push(vec![
            employment.label(language).to_owned(),
            f.required.to_string(),
            number_in(language, f.current, 2),
            f.proposed.to_string(),
        ]);
    }
    let root = portfolio.root.display();
    let (plans, read) = (portfolio.agencies.len(), totals.all.plans);
    let mut text = match language {
        Language::Vietnamese => format!(
            "TỔNG HỢP ĐỀ ÁN: {root}\n{read}/{plans} đề án đọc được\n{}\nTHEO LOẠI ĐƠN VỊ\n{}\nTHEO CHẾ ĐỘ\n{}",
            rows.render(),
            types.render(),
            bases.render()
        ),
        Language::English => format!(
            "PORTFOLIO: {root}\n{read}/{plans} plans read\n{}\nBY UNIT TYPE\n{}\nBY EMPLOYMENT BASIS\n{}",
            rows.render(),
            types.render(),
            bases.render()
        ),
    };
    if !unreadable.is_empty() {
        text.push_str(&format!("\n{}\n", t("KHÔNG ĐỌC ĐƯỢC", "COULD NOT BE READ")));
        for message in unreadable {
            text.push_str(&format!("  {message}\n"));
        }
    }
    text
}
