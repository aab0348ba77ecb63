//! Career steps (bậc) of public employees' positions: people per step at most a share of the
//! position's allocation, and the steps adding up to it.
//!
//! A position's allocation is its proposed count. The allowed count at a step is
//! `floor(share x allocation)`: the caps say "không vượt quá" (not more than), and the floor is
//! the reading of that for whole people (inferred; the rule's text says so). Positions on labour
//! contracts have no steps of a viên chức and are left out; units that set their own step ratios
//! (self-financing, by autonomy group) get the figures as information, not as a breach.

use crate::language::{Language, Text};
use std::collections::BTreeMap;

use super::{Compared, Ctx, Place};
use crate::model::{AutonomyGroup, people_by_step};
use crate::rules::catalogue::RuleRef;
use crate::rules::params::{HighestStepCaps, count_text, groups_text};
use crate::rules::{CountBasis, Input};

fn steps_text(by_step: &BTreeMap<u8, i64>) -> Text {
    Text::from_fn(|language: Language| {
        let word = language.t("bậc", "step");
        by_step
            .iter()
            .rev()
            .map(|(step, people)| format!("{word} {step}: {}", count_text(*people)))
            .collect::<Vec<_>>()
            .join("; ")
    })
}

/// A step-caps rule's parameters.
pub struct Caps<'p> {
    pub by_highest: &'p [HighestStepCaps],
    pub two_steps_higher_percent: u32,
    pub own_ratios_groups: &'p [AutonomyGroup],
    pub counts: CountBasis,
}

pub fn step_caps(ctx: &mut Ctx<'_>, rule: RuleRef<'_>, params: Caps<'_>) {
    let facts = ctx.facts;
    let positions = facts.units.iter().flat_map(|f| {
        let own = f
            .autonomy
            .filter(|group| params.own_ratios_groups.contains(group));
        f.positions.iter().map(move |&p| (p, own))
    });
    for (p, own_ratios) in positions {
        let Some(position) = facts.plan.positions.get(p) else {
            continue;
        };
        if !facts.counts(p, params.counts) {
            continue;
        }
        let by_step = people_by_step(&position.steps);
        let Some((&highest, _)) = by_step.iter().next_back() else {
            continue;
        };
        let allocation = facts.proposed(p);
        if allocation <= 0 {
            continue;
        }
        // The tightest cap on each step, with why it applies.
        let mut caps: BTreeMap<u8, (u32, Text)> = BTreeMap::new();
        let mut tighten = |step: u8, percent: u32, why: Text| {
            let slot = caps.entry(step).or_insert((percent, why.clone()));
            if percent < slot.0 {
                *slot = (percent, why);
            }
        };
        if let Some(rule_caps) = params.by_highest.iter().find(|r| r.highest == highest) {
            for cap in &rule_caps.caps {
                tighten(
                    cap.step,
                    cap.max_percent,
                    Text::new(
                        format!("bậc cao nhất sử dụng là bậc {highest}"),
                        format!("the highest step used is step {highest}"),
                    ),
                );
            }
        }
        if by_step.len() == 2 {
            tighten(
                highest,
                params.two_steps_higher_percent,
                Text::new(
                    "vị trí chỉ sử dụng hai bậc",
                    "the position uses two steps only",
                ),
            );
        }
        for (step, (percent, why)) in caps {
            let people = by_step.get(&step).copied().unwrap_or(0);
            let allowed = allocation * i64::from(percent) / 100;
            if people <= allowed {
                continue;
            }
            let place = Place::position(&position.unit_id, &position.id);
            let compared = Some(Compared {
                actual: people as f64,
                limit: allowed as f64,
            });
            let mut inputs = vec![
                Input::new(proposed_label(), count_text(allocation)),
                Input::words(by_step_label(), steps_text(&by_step)),
                Input::words(
                    Text::new(
                        format!("Mức áp dụng cho bậc {step}"),
                        format!("Cap on step {step}"),
                    ),
                    Text::new(
                        format!("{percent}% ({})", why.vi),
                        format!("{percent}% ({})", why.en),
                    ),
                ),
                Input::new(
                    Text::new(
                        "Số người được phép (suy luận: làm tròn xuống)",
                        "People allowed (inferred: rounded down)",
                    ),
                    format!(
                        "floor({percent}% x {}) = {}",
                        count_text(allocation),
                        count_text(allowed)
                    ),
                ),
            ];
            let Some(group) = own_ratios else {
                ctx.breach(
                    rule,
                    place,
                    Text::new(
                        format!(
                            "{}: {} người ở bậc {step}, vượt mức tối đa {} người ({percent}% của {} người, làm tròn xuống)",
                            position.name,
                            count_text(people),
                            count_text(allowed),
                            count_text(allocation)
                        ),
                        format!(
                            "{}: {} people at step {step}, above the maximum of {} ({percent}% of {} people, rounded down)",
                            position.name,
                            count_text(people),
                            count_text(allowed),
                            count_text(allocation)
                        ),
                    ),
                    compared,
                    inputs,
                );
                continue;
            };
            let groups = groups_text(params.own_ratios_groups);
            inputs.push(Input::words(
                Text::new(
                    "Nhóm tự chủ tài chính của đơn vị",
                    "Financial autonomy group of the unit",
                ),
                Text::new(
                    format!(
                        "nhóm {} (đơn vị nhóm {groups} tự quyết định tỷ lệ)",
                        group.number()
                    ),
                    format!(
                        "group {} (units of group {groups} set their own ratios)",
                        group.number()
                    ),
                ),
            ));
            ctx.info(
                rule,
                place,
                Text::new(
                    format!(
                        "{}: {} người ở bậc {step}, trên mức {} người ({percent}% của {} người, làm tròn xuống); đơn vị tự chủ tài chính nhóm {} tự quyết định tỷ lệ viên chức theo bậc, mức này chỉ để tham khảo",
                        position.name,
                        count_text(people),
                        count_text(allowed),
                        count_text(allocation),
                        group.number()
                    ),
                    format!(
                        "{}: {} people at step {step}, above {} ({percent}% of {} people, rounded down); a unit of financial autonomy group {} sets its own ratios by step, so this figure is for reference only",
                        position.name,
                        count_text(people),
                        count_text(allowed),
                        count_text(allocation),
                        group.number()
                    ),
                ),
                compared,
                inputs,
            );
        }
    }
}

fn proposed_label() -> Text {
    Text::new(
        "Số người đề xuất của vị trí",
        "People proposed for the position",
    )
}

fn by_step_label() -> Text {
    Text::new("Số người theo bậc", "People by step")
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
            Text::new(
                format!(
                    "{}: tổng số người theo bậc ({}) khác số người đề xuất của vị trí ({})",
                    position.name,
                    count_text(listed),
                    count_text(allocation)
                ),
                format!(
                    "{}: the people by step ({}) differ from the people proposed for the position ({})",
                    position.name,
                    count_text(listed),
                    count_text(allocation)
                ),
            ),
            Some(Compared {
                actual: listed as f64,
                limit: allocation as f64,
            }),
            vec![
                Input::words(by_step_label(), steps_text(&by_step)),
                Input::new(proposed_label(), count_text(allocation)),
            ],
        );
    }
}
