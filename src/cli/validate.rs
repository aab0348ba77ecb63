//! `vtvl validate`: every problem in a plan, each with its place.

use super::PlanPath;
use super::plan_input;
use crate::language::{Language, Localized as _};
use crate::projection;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The plan file (.ron).
    pub plan: PlanPath,
}

pub fn run(args: &Args, language: Language) -> anyhow::Result<()> {
    let plan = plan_input::load_valid(&args.plan, language)?;
    let scenarios = projection::scenario_problems(&plan);
    if !scenarios.is_empty() {
        let lines: Vec<String> = scenarios
            .iter()
            .map(|problem| format!("\n  {}", problem.message(language)))
            .collect();
        anyhow::bail!(
            "{}: {} {}{}",
            args.plan.display(),
            scenarios.len(),
            language.t(
                "lỗi trong kịch bản dự báo",
                "problems in the projection's scenarios"
            ),
            lines.concat()
        );
    }
    println!(
        "{}: {} ({})",
        args.plan.display(),
        language.t("hợp lệ", "valid"),
        plan_input::size(&plan, language)
    );
    Ok(())
}
