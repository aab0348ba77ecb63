//! `vtvl export-csv`: a plan as an interchange folder of CSV files.

use std::path::PathBuf;

use super::PlanPath;
use crate::{interchange, plan_file};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The plan file (.ron).
    pub plan: PlanPath,
    /// The folder to write the CSV files into (created when missing).
    pub dir: PathBuf,
}

pub fn run(args: &Args) -> anyhow::Result<()> {
    let plan = plan_file::load(&args.plan)?;
    interchange::export_dir(&plan, &args.dir)?;
    eprintln!("{} -> {}", args.plan.display(), args.dir.display());
    Ok(())
}
