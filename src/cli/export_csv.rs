//! `vtvl export-csv`: a plan as an interchange folder of CSV files. The folder holds the
//! agency's proposal; a reviewer's appraisal stays in the plan file, and the command says so.

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
    /// The folder to write the CSV files into (created when missing).
    pub dir: PathBuf,
}

pub fn run(args: &Args, language: Language) -> anyhow::Result<()> {
    refuse_overwriting_input(&[&args.plan], &args.dir).in_language(language)?;
    let plan = plan_file::load(&args.plan).in_language(language)?;
    interchange::export_dir(&plan, &args.dir).in_language(language)?;
    eprintln!("{} -> {}", args.plan.display(), args.dir.display());
    if plan.review.is_some() {
        eprintln!(
            "{}",
            language.t(
                "Lưu ý: phần thẩm định chỉ có trong tệp đề án (.ron), không có trong thư mục CSV.",
                "Note: the appraisal is kept in the plan file (.ron) only, not in the CSV folder."
            )
        );
    }
    Ok(())
}
