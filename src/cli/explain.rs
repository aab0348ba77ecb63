//! `vtvl explain`: how a position's figures were reached, in words and numbers.

use super::PlanPath;
use super::plan_input;
use crate::engine;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The plan file (.ron).
    pub plan: PlanPath,
    /// Id of the position to explain.
    pub position_id: String,
}

pub fn run(args: &Args) -> anyhow::Result<()> {
    let plan = plan_input::load_valid(&args.plan)?;
    let results = engine::compute(&plan)?;
    let explanation = engine::explain(&plan, &results, &args.position_id)?;
    println!("{explanation}");
    println!("Công thức: {}", explanation.formula());
    Ok(())
}
