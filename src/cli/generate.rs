//! `vtvl generate`: a synthetic plan of a given size, drawn from a seed.

use std::path::PathBuf;

use super::plan_input;
use crate::generate::{self, Spec};
use crate::language::InLanguage as _;
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
    #[arg(
        short,
        long,
        required_unless_present = "portfolio",
        conflicts_with = "portfolio"
    )]
    pub output: Option<PathBuf>,
    /// Write a portfolio instead: one plan file per agency (sở, communes, public service
    /// units) under this folder, 25.583 staff per agency in all.
    #[arg(long, value_name = "DIR")]
    pub portfolio: Option<PathBuf>,
    /// Number of agencies of the portfolio (1,000 is a province).
    #[arg(long, default_value_t = 1_000, requires = "portfolio")]
    pub agencies: usize,
}

pub fn run(args: &Args, language: Language) -> anyhow::Result<()> {
    if let Some(dir) = &args.portfolio {
        return portfolio(args, dir, language);
    }
    let Some(output) = &args.output else {
        anyhow::bail!(language.t("thiếu --output", "--output is missing"));
    };
    let plan = generate::generate(Spec {
        units: args.units,
        seed: args.seed,
        staff: args.staff,
    });
    plan_file::save(&plan, output).in_language(language)?;
    eprintln!(
        "{}: {}",
        output.display(),
        plan_input::size(&plan, language)
    );
    Ok(())
}

fn portfolio(args: &Args, dir: &std::path::Path, language: Language) -> anyhow::Result<()> {
    let plans = generate::portfolio(generate::PortfolioSpec {
        agencies: args.agencies,
        seed: args.seed,
        staff: args.staff,
    });
    let staff: usize = plans.iter().map(|a| a.plan.staff.len()).sum();
    for agency in &plans {
        let path = dir.join(&agency.relative);
        if let Some(folder) = path.parent() {
            std::fs::create_dir_all(folder).map_err(|error| {
                anyhow::anyhow!(
                    "{}: {}",
                    folder.display(),
                    crate::output::io_reason(&error, language)
                )
            })?;
        }
        plan_file::save(&agency.plan, &path).in_language(language)?;
    }
    let count = plans.len();
    eprintln!(
        "{}: {}",
        dir.display(),
        match language {
            Language::Vietnamese => format!("{count} tệp đề án, {staff} người"),
            Language::English => format!("{count} plan files, {staff} staff"),
        }
    );
    Ok(())
}
