//! `vtvl export`: the approval dossier as an Excel workbook.

use std::path::PathBuf;

use super::PlanPath;
use super::localized::InLanguage as _;
use super::plan_input::load_valid;
use crate::dossier;
use crate::engine;
use crate::language::Language;
use crate::model::CivilDate;
use crate::output::atomic::refuse_overwriting_input;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The plan file (.ron).
    pub plan: PlanPath,
    /// The workbook to write (.xlsx).
    #[arg(long, value_name = "FILE")]
    pub xlsx: PathBuf,
}

pub fn run(args: &Args, language: Language) -> anyhow::Result<()> {
    refuse_overwriting_input(&[&args.plan], &args.xlsx).in_language(language)?;
    let plan = load_valid(&args.plan, language)?;
    let results = engine::compute(&plan).in_language(language)?;
    dossier::write_workbook(&plan, &results, &args.xlsx, CivilDate::today())
        .in_language(language)?;
    eprintln!("{} -> {}", args.plan.display(), args.xlsx.display());
    Ok(())
}
