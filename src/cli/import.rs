//! `vtvl import`: an interchange folder of CSV files, or a filled workbook template, into a
//! plan file.

use std::path::PathBuf;

use super::plan_input;
use crate::output::atomic::refuse_overwriting_input;
use crate::{interchange, plan_file};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The interchange folder (units.csv, positions.csv, duties.csv, ...) or a workbook (.xlsx)
    /// with one sheet per table, such as a filled `vtvl template`.
    pub dir: PathBuf,
    /// The plan file to write (.ron).
    #[arg(short, long)]
    pub output: PathBuf,
}

pub fn run(args: &Args) -> anyhow::Result<()> {
    refuse_overwriting_input(&[&args.dir], &args.output)?;
    let plan = interchange::import_path(&args.dir)?;
    plan_input::ensure_valid(&plan, &args.dir.display().to_string())?;
    plan_file::save(&plan, &args.output)?;
    eprintln!(
        "{} -> {}: {}",
        args.dir.display(),
        args.output.display(),
        plan_input::size_vi(&plan)
    );
    Ok(())
}
