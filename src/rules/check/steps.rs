//! Career steps (bậc) of public employees' positions: people per step at most a share of the
//! position's allocation, and the steps adding up to it.
//!
//! A position's allocation is its proposed count. The allowed count at a step is
//! `floor(share x allocation)`: the caps say "không vượt quá" (not more than), and the floor is
//! the reading of that for whole people (inferred; the rule's text says so).

use std::collections::BTreeMap;

use super::{Compared, Ctx, Place};
use crate::model::people_by_step;
use crate::rules::Input;
use crate::rules::catalogue::RuleRef;
use crate::rules::params::{HighestStepCaps, count_text};

fn steps_text(by_step: &BTreeMap<u8, i64>) -> String {
    by_step
        .iter()
        .rev()
        .map(|(step, people)| format!("bậc {step}: {}", count_text(*people)))
        .collect::<Vec<_>>()
        .join("; ")
}

pub fn step_caps(
    ctx: &mut Ctx<'_>,
    rule: RuleRef<'_>,
    by_highest: &[HighestStepCaps],
    two_steps_higher_percent: u32,
) {
    let facts = ctx.facts;
    for (p, position) in facts.plan.positions.iter().enumerate() {
        let by_step = people_by_step(&position.steps);
        let Some((&highest, _)) = by_step.iter().next_back() else {
            continue;
        };
        let allocation = facts.proposed(p);
        if allocation <= 0 {
            continue;
        }
        // The tightest cap on each step, with why it applies.
        let mut caps: BTreeMap<u8, (u32, String)> = BTreeMap::new();
        let mut tighten = |step: u8, percent: u32, why: String| {
            let slot = caps.entry(step).or_insert((percent, why.clone()));
            if percent < slot.0 {
                *slot = (percent, why);
            }
        };
        if let Some(rule_caps) = by_highest.iter().find(|r| r.highest == highest) {
            for cap in &rule_caps.caps {
                tighten(
                    cap.step,
                    cap.max_percent,
                    format!("bậc cao nhất sử dụng là bậc {highest}"),
                );
            }
        }
        if by_step.len() == 2 {
            tighten(
                highest,
                two_steps_higher_percent,
                "vị trí chỉ sử dụng hai bậc".to_owned(),
            );
        }
        for (step, (percent, why)) in caps {
            let people = by_step.get(&step).copied().unwrap_or(0);
            let allowed = allocation * i64::from(percent) / 100;
            if people <= allowed {
                continue;
            }
            ctx.breach(
                rule,
                Place::position(&position.unit_id, &position.id),
                format!(
                    "{}: {} người ở bậc {step}, vượt mức tối đa {} người ({percent}% của {} người, làm tròn xuống)",
                    position.name,
                    count_text(people),
                    count_text(allowed),
                    count_text(allocation)
                ),
                Some(Compared {
                    actual: people as f64,
                    limit: allowed as f64,
                }),
                vec![
                    Input::new("Số người đề xuất của vị trí", count_text(allocation)),
                    Input::new("Số người theo bậc", steps_text(&by_step)),
                    Input::new(format!("Mức áp dụng cho bậc {step}"), format!("{percent}% ({why})")),
                    Input::new(
                        "Số người được phép (suy luận: làm tròn xuống)",
                        format!(
                            "floor({percent}% x {}) = {}",
                            count_text(allocation),
                            count_text(allowed)
                        ),
                    ),
                ],
            );
        }
    }
}

pub fn steps_sum(ctx: &mut Ctx<'_>, rule: RuleRef<'_>) {
    let facts = ctx.facts;
    for (p, position) in facts.plan.positions.iter().enumerate() {
        if position.steps.is_empty() {
            continue;
        }
        let by_step = people_by_step(&position.steps);
        let listed: i64 = by_step.values().sum();
        let allocation = facts.proposed(p);
        if listed == allocation {
            continue;
        }
        ctx.breach(
            rule,
            Place::position(&position.unit_id, &position.id),
            format!(
                "{}: tổng số người theo bậc ({}) khác số người đề xuất của vị trí ({})",
                position.name,
                count_text(listed),
                count_text(allocation)
            ),
            Some(Compared {
                actual: listed as f64,
                limit: allocation as f64,
            }),
            vec![
                Input::new("Số người theo bậc", steps_text(&by_step)),
                Input::new("Số người đề xuất của vị trí", count_text(allocation)),
            ],
        );
    }
}
