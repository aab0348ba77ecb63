//! Loading the plan a command works on: parse, then validate, reporting every problem.

use std::path::Path;

use anyhow::bail;

use crate::model::Plan;
use crate::{plan_file, validation};

/// How many problems a message lists before it says how many more there are: one screen.
const MAX_LISTED: usize = 20;

/// Loads a plan file and refuses it, listing its problems, when it does not validate.
pub fn load_valid(path: &Path) -> anyhow::Result<Plan> {
    let plan = plan_file::load(path)?;
    ensure_valid(&plan, &path.display().to_string())?;
    Ok(plan)
}

/// Fails with every validation problem of `plan`, one per line, naming `origin`.
pub fn ensure_valid(plan: &Plan, origin: &str) -> anyhow::Result<()> {
    let problems = validation::validate(plan);
    if problems.is_empty() {
        return Ok(());
    }
    bail!("{origin}: {}", list_problems(&problems))
}

pub fn list_problems(problems: &[validation::Problem]) -> String {
    let mut text = format!(
        "{} problem{} found",
        problems.len(),
        if problems.len() == 1 { "" } else { "s" }
    );
    for problem in problems.iter().take(MAX_LISTED) {
        text.push_str(&format!("\n  {problem}"));
    }
    if problems.len() > MAX_LISTED {
        text.push_str(&format!("\n  ... and {} more", problems.len() - MAX_LISTED));
    }
    text
}

/// The size of a plan in Vietnamese: "7 đơn vị, 27 vị trí, 107 công việc, 37 người".
pub fn size_vi(plan: &Plan) -> String {
    format!(
        "{} đơn vị, {} vị trí, {} công việc, {} người",
        plan.units.len(),
        plan.positions.len(),
        plan.component_count(),
        plan.staff.len()
    )
}
