//! `vtvl export`: the approval dossier as an Excel workbook, the đề án as a Word draft, or both.

use std::path::PathBuf;

use super::PlanPath;
use super::plan_input::load_valid;
use crate::dossier;
use crate::engine;
use crate::language::InLanguage as _;
use crate::language::Language;
use crate::model::CivilDate;
use crate::narrative;
use crate::output::atomic::refuse_overwriting_input;

#[derive(Debug, clap::Args)]
#[command(group(clap::ArgGroup::new("output").required(true).multiple(true).args(["xlsx", "docx"])))]
pub struct Args {
    /// The plan file (.ron).
    pub plan: PlanPath,
    /// The dossier workbook to write (.xlsx).
    #[arg(long, value_name = "FILE")]
    pub xlsx: Option<PathBuf>,
    /// The đề án to write as a Word draft (.docx), judged by the rules in force on the plan's
    /// date.
    #[arg(long, value_name = "FILE")]
    pub docx: Option<PathBuf>,
}

pub fn run(args: &Args, language: Language) -> anyhow::Result<()> {
    for output in [&args.xlsx, &args.docx].into_iter().flatten() {
        refuse_overwriting_input(&[&args.plan], output).in_language(language)?;
    }
    let plan = load_valid(&args.plan, language)?;
    let results = engine::compute(&plan).in_language(language)?;
    if let Some(xlsx) = &args.xlsx {
        dossier::write_workbook(&plan, &results, xlsx, CivilDate::today()).in_language(language)?;
        eprintln!("{} -> {}", args.plan.display(), xlsx.display());
    }
    if let Some(docx) = &args.docx {
        narrative::write_document(&plan, &results, docx, plan.judgement_date())
            .in_language(language)?;
        eprintln!("{} -> {}", args.plan.display(), docx.display());
    }
    Ok(())
}
