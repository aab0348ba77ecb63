//! `vtvl validate`: every problem in a plan, each with its place.

use super::PlanPath;
use super::plan_input;
use crate::plan_file;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The plan file (.ron).
    pub plan: PlanPath,
}

pub fn run(args: &Args) -> anyhow::Result<()> {
    let plan = plan_file::load(&args.plan)?;
    plan_input::ensure_valid(&plan, &args.plan.display().to_string())?;
    println!(
        "{}: hợp lệ ({})",
        args.plan.display(),
        plan_input::size_vi(&plan)
    );
    Ok(())
}
