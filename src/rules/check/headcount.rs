//! Headcount as a whole: the share of professional positions in a public service unit, and a
//! unit's required and proposed headcount against its quota (both over its subtree, and over
//! the posts the rule counts: biên chế, with labour contracts left out).

use super::{Compared, Ctx, Place};
use crate::format::{capitalised, vi_percent};
use crate::model::{Category, UnitType};
use crate::rules::catalogue::RuleRef;
use crate::rules::params::{QuotaFigure, count_text};
use crate::rules::{CountBasis, Input};

pub fn category_share(
    ctx: &mut Ctx<'_>,
    rule: RuleRef<'_>,
    units: &[UnitType],
    categories: &[Category],
    min_percent: u32,
    counts: CountBasis,
) {
    let facts = ctx.facts;
    for u in facts.units_of(units) {
        let (Some(unit), Some(f)) = (facts.unit(u), facts.units.get(u)) else {
            continue;
        };
        let whole = f.proposed(counts);
        let total = whole.value();
        if total <= 0 {
            continue;
        }
        let of_categories = facts.proposed_in(u, categories, counts);
        let counted = of_categories.value();
        // At least min% of total: the least whole number of people that reaches it.
        let needed = (total * i64::from(min_percent) + 99) / 100;
        if counted >= needed {
            continue;
        }
        let names: Vec<&str> = categories.iter().map(|c| c.label_vi()).collect();
        let names = names.join(", ");
        ctx.breach(
            rule,
            Place::unit(&unit.id),
            format!(
                "{}: vị trí {} có {} trên {} ({}), dưới mức tối thiểu {min_percent}% (cần ít nhất {} người)",
                unit.name,
                names.to_lowercase(),
                count_text(counted),
                whole.in_sentence(),
                vi_percent(counted as f64 / total as f64, 1),
                count_text(needed)
            ),
            Some(Compared {
                actual: counted as f64,
                limit: needed as f64,
            }),
            vec![
                Input::new(
                    "Tổng số người đề xuất (gồm các đơn vị trực thuộc)",
                    whole.text(),
                ),
                Input::new(format!("Số người vị trí {names}"), of_categories.text()),
                Input::new("Tỷ lệ", vi_percent(counted as f64 / total as f64, 1)),
                Input::new(
                    "Số người tối thiểu",
                    format!(
                        "ceil({min_percent}% x {}) = {}",
                        count_text(total),
                        count_text(needed)
                    ),
                ),
            ],
        );
    }
}

pub fn quota(ctx: &mut Ctx<'_>, rule: RuleRef<'_>, figure: QuotaFigure, counts: CountBasis) {
    let facts = ctx.facts;
    for (u, unit) in facts.plan.units.iter().enumerate() {
        let (Some(quota), Some(f)) = (unit.quota, facts.units.get(u)) else {
            continue;
        };
        let quota = i64::from(quota);
        let (proposed, required) = (f.proposed(counts), f.required(counts));
        let (value, what) = match figure {
            QuotaFigure::Proposed => (proposed, "số người đề xuất"),
            QuotaFigure::Required => (required, "số người cần có theo khối lượng công việc"),
        };
        if value.value() <= quota {
            continue;
        }
        // Without a proposal of its own the agency proposes what is required: one finding says it.
        if figure == QuotaFigure::Required && proposed.value() == required.value() {
            continue;
        }
        ctx.breach(
            rule,
            Place::unit(&unit.id),
            format!(
                "{}: {what} {} vượt biên chế được giao {}",
                unit.name,
                value.in_sentence(),
                count_text(quota)
            ),
            Some(Compared {
                actual: value.value() as f64,
                limit: quota as f64,
            }),
            vec![
                Input::new(
                    format!("{} (gồm các đơn vị trực thuộc)", capitalised(what)),
                    value.text(),
                ),
                Input::new("Biên chế được giao", count_text(quota)),
                Input::new("Số người cần có", required.text()),
                Input::new("Số người đề xuất", proposed.text()),
            ],
        );
    }
}
