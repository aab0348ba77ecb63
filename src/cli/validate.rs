//! `vtvl validate`: every problem in a plan, each with its place.

use super::PlanPath;
use super::localized::InLanguage as _;
use super::plan_input;
use crate::language::Language;
use crate::plan_file;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The plan file (.ron).
    pub plan: PlanPath,
}

pub fn run(args: &Args, language: Language) -> anyhow::Result<()> {
    let plan = plan_file::load(&args.plan).in_language(language)?;
    plan_input::ensure_valid(&plan, &args.plan.display().to_string(), language)?;
    println!(
        "{}: {} ({})",
        args.plan.display(),
        language.t("hợp lệ", "valid"),
        plan_input::size(&plan, language)
    );
    Ok(())
}
