//! `vtvl export-xlsx`: a plan written into the workbook template's layout, to be edited in a
//! spreadsheet program and read in again with `vtvl import`. As with the CSV folder, a
//! reviewer's appraisal stays in the plan file, and the command says so.

use std::path::PathBuf;

use super::PlanPath;
use crate::output::atomic::refuse_overwriting_input;
use crate::{interchange, plan_file};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The plan file (.ron).
    pub plan: PlanPath,
    /// The workbook to write (.xlsx): the sheets, columns and drop-downs of `vtvl template`.
    #[arg(short, long)]
    pub output: PathBuf,
}

pub fn run(args: &Args) -> anyhow::Result<()> {
    refuse_overwriting_input(&[&args.plan], &args.output)?;
    let plan = plan_file::load(&args.plan)?;
    interchange::write_plan_workbook(&plan, &args.output)?;
    eprintln!("{} -> {}", args.plan.display(), args.output.display());
    if plan.review.is_some() {
        eprintln!("Lưu ý: phần thẩm định chỉ có trong tệp đề án (.ron), không có trong tệp Excel.");
    }
    Ok(())
}
