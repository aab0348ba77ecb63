//! `vtvl generate`: a synthetic plan of a given size, drawn from a seed.

use std::path::PathBuf;

use super::localized::InLanguage as _;
use super::plan_input;
use crate::generate::{self, Spec};
use crate::language::Language;
use crate::plan_file;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Number of org units (1,000 is a province, 100,000 the whole country).
    #[arg(long, default_value_t = 1_000)]
    pub units: usize,
    /// Seed: the same seed always gives the same plan.
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
    /// Total staff (default: 25.583 per unit).
    #[arg(long)]
    pub staff: Option<usize>,
    /// The plan file to write (.ron).
    #[arg(short, long)]
    pub output: PathBuf,
}

pub fn run(args: &Args, language: Language) -> anyhow::Result<()> {
    let plan = generate::generate(Spec {
        units: args.units,
        seed: args.seed,
        staff: args.staff,
    });
    plan_file::save(&plan, &args.output).in_language(language)?;
    eprintln!(
        "{}: {}",
        args.output.display(),
        plan_input::size(&plan, language)
    );
    Ok(())
}
