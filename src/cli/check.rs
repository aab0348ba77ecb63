//! `vtvl check`: the plan held against the rules in force on a date, one finding per line.
//!
//! Exit code 0 when no finding is an error, 3 when one is (a rule the plan marks blocking was
//! breached), 1 when the plan or the date is invalid.

use std::io::Write as _;
use std::process::ExitCode;

use anyhow::Context as _;
use clap::ValueEnum;

use super::PlanPath;
use super::plan_input;
use super::text_table::{Align, TextTable};
use crate::engine;
use crate::format::vi_number;
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
    /// Aligned table in Vietnamese with a count line.
    Table,
    /// An array of findings: rule_id, severity, unit_id, position_id, message, legal_basis,
    /// actual, limit.
    Json,
}

pub fn run(args: &Args) -> anyhow::Result<ExitCode> {
    let at = match &args.at {
        Some(text) => Some(
            text.parse::<CivilDate>()
                .with_context(|| format!("--at {text}"))?,
        ),
        None => None,
    };
    let plan = plan_input::load_valid(&args.plan)?;
    let at = at.unwrap_or_else(|| plan.judgement_date());
    let results = engine::compute(&plan)?;
    let findings = rules::check(&plan, &results, at);
    let text = match args.format {
        Format::Table => table(&plan, &findings, at),
        Format::Json => {
            let mut json = serde_json::to_string_pretty(&findings)?;
            json.push('\n');
            json
        }
    };
    std::io::stdout()
        .lock()
        .write_all(text.as_bytes())
        .context("cannot write to standard output")?;
    let errors = findings.iter().any(|f| f.severity == Severity::Error);
    Ok(if errors {
        ExitCode::from(EXIT_ERRORS)
    } else {
        ExitCode::SUCCESS
    })
}

fn figure(value: Option<f64>) -> String {
    value.map(|v| vi_number(v, 2)).unwrap_or_default()
}

fn table(plan: &Plan, findings: &[Finding], at: CivilDate) -> String {
    let mut table = TextTable::new(&[
        ("Mức độ", Align::Left),
        ("Nơi", Align::Left),
        ("Nội dung", Align::Left),
        ("Thực tế", Align::Right),
        ("Giới hạn", Align::Right),
        ("Căn cứ", Align::Left),
    ]);
    for finding in findings {
        table.push(vec![
            finding.severity.label_vi().to_owned(),
            finding.place(&index),
            finding.message.clone(),
            figure(finding.actual),
            figure(finding.limit),
            finding.legal_basis.clone(),
        ]);
    }
    let count = |severity: Severity| findings.iter().filter(|f| f.severity == severity).count();
    let heading = format!(
        "KIỂM TRA ĐỀ ÁN: {}\nTheo quy định có hiệu lực ngày {at}\n",
        plan.meta.name
    );
    let counts = format!(
        "Tổng cộng: {} lỗi, {} cảnh báo, {} thông tin\n",
        count(Severity::Error),
        count(Severity::Warning),
        count(Severity::Info)
    );
    if findings.is_empty() {
        format!("{heading}Không có phát hiện nào.\n{counts}")
    } else {
        format!("{heading}{}{counts}", table.render())
    }
}
