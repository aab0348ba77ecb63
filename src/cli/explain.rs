//! `vtvl explain`: how a position's figures were reached, in words and numbers.

use super::PlanPath;
use super::plan_input;
use crate::engine;
use crate::language::InLanguage as _;
use crate::language::Language;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The plan file (.ron).
    pub plan: PlanPath,
    /// Id of the position to explain.
    pub position_id: String,
}

pub fn run(args: &Args, language: Language) -> anyhow::Result<()> {
    let plan = plan_input::load_valid(&args.plan, language)?;
    let results = engine::compute(&plan).in_language(language)?;
    let explanation = engine::explain(&plan, &results, &args.position_id).in_language(language)?;
    println!("{}", explanation.said(language));
    println!(
        "{}: {}",
        language.t("Công thức", "Formula"),
        explanation.formula(language)
    );
    Ok(())
}
