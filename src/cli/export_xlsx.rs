//! `vtvl export-xlsx`: a plan written into the workbook template's layout, to be edited in a
//! spreadsheet program and read in again with `vtvl import`. As with the CSV folder, a
//! reviewer's appraisal stays in the plan file, and the command says so.

use std::path::PathBuf;

use super::PlanPath;
use crate::language::InLanguage as _;
use crate::language::Language;
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

pub fn run(args: &Args, language: Language) -> anyhow::Result<()> {
    refuse_overwriting_input(&[&args.plan], &args.output).in_language(language)?;
    let plan = plan_file::load(&args.plan).in_language(language)?;
    interchange::write_plan_workbook(&plan, &args.output).in_language(language)?;
    eprintln!("{} -> {}", args.plan.display(), args.output.display());
    if plan.review.is_some() {
        eprintln!(
            "{}",
            language.t(
                "Lưu ý: phần thẩm định chỉ có trong tệp đề án (.ron), không có trong tệp Excel.",
                "Note: the appraisal is kept in the plan file (.ron) only, not in the workbook."
            )
        );
    }
    Ok(())
}
