//! `vtvl template`: the empty workbook planners fill in and import with `vtvl import`.

use std::path::PathBuf;

use crate::interchange;
use crate::language::InLanguage as _;
use crate::language::Language;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The workbook to write (.xlsx): one sheet per interchange table.
    #[arg(long)]
    pub xlsx: PathBuf,
}

pub fn run(args: &Args, language: Language) -> anyhow::Result<()> {
    interchange::write_template(&args.xlsx).in_language(language)?;
    eprintln!("{}", args.xlsx.display());
    Ok(())
}
