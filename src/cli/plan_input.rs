//! Loading the plan a command works on: parse, then validate, reporting every problem.

use std::path::Path;

use anyhow::bail;

use crate::language::InLanguage as _;
use crate::language::{Language, Localized as _};
use crate::model::{CivilDate, Plan};
use crate::{plan_file, validation};

/// How many problems a message lists before it says how many more there are: one screen.
const MAX_LISTED: usize = 20;

/// Loads a plan file and refuses it, listing its problems, when it does not validate.
pub fn load_valid(path: &Path, language: Language) -> anyhow::Result<Plan> {
    let plan = plan_file::load(path).in_language(language)?;
    ensure_valid(&plan, &path.display().to_string(), language)?;
    Ok(plan)
}

/// Fails with every validation problem of `plan`, one per line, naming `origin`.
pub fn ensure_valid(plan: &Plan, origin: &str, language: Language) -> anyhow::Result<()> {
    refuse_problems(&validation::validate(plan), origin, language)
}

/// Fails with every problem of a plan's validation, one per line, naming `origin`.
pub fn refuse_problems(
    problems: &[validation::Problem],
    origin: &str,
    language: Language,
) -> anyhow::Result<()> {
    if problems.is_empty() {
        return Ok(());
    }
    bail!("{origin}: {}", list_problems(problems, language))
}

pub fn list_problems(problems: &[validation::Problem], language: Language) -> String {
    let count = problems.len();
    let mut text = match language {
        Language::Vietnamese => format!("tìm thấy {count} lỗi"),
        Language::English => format!("{count} problem{} found", if count == 1 { "" } else { "s" }),
    };
    for problem in problems.iter().take(MAX_LISTED) {
        text.push_str(&format!("\n  {}", problem.message(language)));
    }
    if count > MAX_LISTED {
        let more = count - MAX_LISTED;
        text.push_str(&match language {
            Language::Vietnamese => format!("\n  ... và {more} lỗi khác"),
            Language::English => format!("\n  ... and {more} more"),
        });
    }
    text
}

/// The size of a plan: "7 đơn vị, 27 vị trí, 107 công việc, 37 người".
pub fn size(plan: &Plan, language: Language) -> String {
    let (units, positions, components, staff) = (
        plan.units.len(),
        plan.positions.len(),
        plan.component_count(),
        plan.staff.len(),
    );
    match language {
        Language::Vietnamese => {
            format!("{units} đơn vị, {positions} vị trí, {components} công việc, {staff} người")
        }
        Language::English => {
            format!("{units} units, {positions} positions, {components} components, {staff} staff")
        }
    }
}

/// The judgement date given with `--at`, if any; a malformed one is an error naming the option.
pub fn judgement_date(at: Option<&str>, language: Language) -> anyhow::Result<Option<CivilDate>> {
    at.map(|text| {
        text.parse::<CivilDate>()
            .map_err(|error| anyhow::anyhow!("--at {text}: {}", error.message(language)))
    })
    .transpose()
}
