//! Job descriptions (Phụ lục IV, ND 232/2026): each position's description fills the sections
//! the template requires. A missing section is information for the planner, never a breach.

use super::{Ctx, Place};
use crate::engine::PlanResults;
use crate::language::Text;
use crate::model::{Employment, JobSection};
use crate::rules::Input;
use crate::rules::catalogue::RuleRef;

/// What a description must fill (the rule's parameters).
pub struct Required<'p> {
    pub sections: &'p [JobSection],
    /// The work section of the position's category too (III, IV or V).
    pub category_work: bool,
    /// Only positions of these bases; empty means all.
    pub employment: &'p [Employment],
}

/// One info finding per position whose description lacks a required section, naming them.
pub fn missing_sections(
    ctx: &mut Ctx<'_>,
    rule: RuleRef<'_>,
    results: &PlanResults,
    required: Required<'_>,
) {
    let facts = ctx.facts;
    for position in &facts.plan.positions {
        let Some(result) = results.position(&position.id) else {
            continue;
        };
        if !required.employment.is_empty() && !required.employment.contains(&result.employment) {
            continue;
        }
        let mut sections = required.sections.to_vec();
        if required.category_work {
            sections.push(JobSection::of_work(JobSection::work_of(position.category)));
        }
        sections.sort_unstable();
        sections.dedup();
        let description = &position.job_description;
        let (filled, missing): (Vec<JobSection>, Vec<JobSection>) =
            sections.into_iter().partition(|&s| description.has(s));
        if missing.is_empty() {
            continue;
        }
        let titles = |list: &[JobSection]| {
            Text::from_fn(|l| {
                if list.is_empty() {
                    l.t("(không có)", "(none)").to_owned()
                } else {
                    list.iter()
                        .map(|s| format!("{}. {}", s.numeral(), s.label(l)))
                        .collect::<Vec<_>>()
                        .join("; ")
                }
            })
        };
        // The message names the sections by numeral only (one short line in a list of
        // thousands); their titles are among the finding's inputs.
        let numerals = (missing.iter())
            .map(|s| s.numeral())
            .collect::<Vec<_>>()
            .join(", ");
        let (name, count) = (&position.name, missing.len());
        ctx.fact(
            rule,
            format!("job-description:{}", position.id),
            Place::position(&position.unit_id, &position.id),
            Text::new(
                format!(
                    "{name}: bản mô tả công việc còn thiếu {count} mục theo Phụ lục IV ({numerals})"
                ),
                format!(
                    "{name}: the job description lacks {count} sections required by Phụ lục IV ({numerals})"
                ),
            ),
            vec![
                Input::words(
                    Text::new("Các mục còn thiếu", "Sections missing"),
                    titles(&missing),
                ),
                Input::words(
                    Text::new("Các mục đã có", "Sections given"),
                    titles(&filled),
                ),
                Input::words(
                    Text::new("Hình thức của vị trí", "Employment basis of the position"),
                    Text::new(result.employment.label_vi(), result.employment.label_en()),
                ),
            ],
        );
    }
}
