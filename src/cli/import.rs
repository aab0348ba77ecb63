//! `vtvl import`: an interchange folder of CSV files, or a filled workbook template, into a
//! plan file.

use std::path::PathBuf;

use super::plan_input;
use crate::language::InLanguage as _;
use crate::language::Language;
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

/// Problems found after reading (a unit that does not exist, a duplicate id) are reported with
/// the reading problems, each at its file or sheet, row and column.
pub fn run(args: &Args, language: Language) -> anyhow::Result<()> {
    refuse_overwriting_input(&[&args.dir], &args.output).in_language(language)?;
    let plan = interchange::import_valid(&args.dir).in_language(language)?;
    plan_file::save(&plan, &args.output).in_language(language)?;
    eprintln!(
        "{} -> {}: {}",
        args.dir.display(),
        args.output.display(),
        plan_input::size(&plan, language)
    );
    Ok(())
}
