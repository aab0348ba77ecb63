//! `vtvl check`: the plan held against the rules in force on a date, one finding per line.
//!
//! Exit code 0 when no finding is an error, 3 when one is (a rule the plan marks blocking was
//! breached), 1 when the plan or the date is invalid.

use std::process::ExitCode;

use clap::ValueEnum;

use super::PlanPath;
use super::plan_input;
use super::text_table::{Align, TextTable};
use crate::engine;
use crate::format::number_in;
use crate::language::InLanguage as _;
use crate::language::Language;
use crate::model::{CivilDate, Plan};
use crate::rules::{self, Finding, Severity};

/// Exit code when some finding is an error.
pub const EXIT_ERRORS: u8 = 3;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The plan file (.ron).
    pub plan: PlanPath,
    /// Judge the plan at this date (YYYY-MM-DD or dd/mm/yyyy) instead of its own date or today.
    #[arg(long, value_name = "DATE")]
    pub at: Option<String>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Table)]
    pub format: Format,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Aligned table with a count line, in the language of `--lang`.
    Table,
    /// An array of findings: rule_id, severity, unit_id, position_id, message (in the language
    /// of `--lang`), legal_basis, actual, limit.
    Json,
}

pub fn run(args: &Args, language: Language) -> anyhow::Result<ExitCode> {
    let at = plan_input::judgement_date(args.at.as_deref(), language)?;
    let plan = plan_input::load_valid(&args.plan, language)?;
    let at = at.unwrap_or_else(|| plan.judgement_date());
    let results = engine::compute(&plan).in_language(language)?;
    let findings = rules::check(&plan, &results, at);
    let text = match args.format {
        Format::Table => table(&plan, &findings, at, language),
        Format::Json => {
            let json: Vec<_> = findings.iter().map(|f| f.json(language)).collect();
            let mut json = serde_json::to_string_pretty(&json)?;
            json.push('\n');
            json
        }
    };
    super::standard_output::print(&text, language)?;
    let errors = findings.iter().any(|f| f.severity == Severity::Error);
    Ok(if errors {
        ExitCode::from(EXIT_ERRORS)
    } else {
        ExitCode::SUCCESS
    })
}

fn figure(value: Option<f64>, language: Language) -> String {
    value.map(|v| number_in(language, v, 2)).unwrap_or_default()
}

fn table(plan: &Plan, findings: &[Finding], at: CivilDate, language: Language) -> String {
    let t = |vi, en| language.t(vi, en);
    let mut table = TextTable::new(&[
        (t("Mức độ", "Severity"), Align::Left),
        (t("Nơi", "Where"), Align::Left),
        (t("Nội dung", "Finding"), Align::Left),
        (t("Thực tế", "Actual"), Align::Right),
        (t("Giới hạn", "Limit"), Align::Right),
        (t("Căn cứ", "Legal basis"), Align::Left),
    ]);
    let index = plan.index();
    for finding in findings {
        table.push(vec![
            finding.severity.label(language).to_owned(),
            finding.place(&index, language),
            finding.message.get(language).to_owned(),
            figure(finding.actual, language),
            figure(finding.limit, language),
            finding.legal_basis.clone(),
        ]);
    }
    let count = |severity: Severity| findings.iter().filter(|f| f.severity == severity).count();
    let name = &plan.meta.name;
    let (errors, warnings, infos) = (
        count(Severity::Error),
        count(Severity::Warning),
        count(Severity::Info),
    );
    let (heading, counts, none) = match language {
        Language::Vietnamese => (
            format!("KIỂM TRA ĐỀ ÁN: {name}\nTheo quy định có hiệu lực ngày {at}\n"),
            format!("Tổng cộng: {errors} lỗi, {warnings} cảnh báo, {infos} thông tin\n"),
            "Không có phát hiện nào.",
        ),
        Language::English => (
            format!("CHECK OF THE PLAN: {name}\nUnder the rules in force on {at}\n"),
            format!("Total: {errors} errors, {warnings} warnings, {infos} info\n"),
            "No findings.",
        ),
    };
    if findings.is_empty() {
        format!("{heading}{none}\n{counts}")
    } else {
        format!("{heading}{}{counts}", table.render())
    }
}
