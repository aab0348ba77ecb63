//! Headcount as a whole: the share of professional positions in a public service unit, and a
//! unit's required and proposed headcount against its quota (both over its subtree).

use super::{Compared, Ctx, Place};
use crate::format::{capitalised, vi_percent};
use crate::model::{Category, UnitType};
use crate::rules::Input;
use crate::rules::catalogue::RuleRef;
use crate::rules::params::{QuotaFigure, count_text};

pub fn category_share(
    ctx: &mut Ctx<'_>,
    rule: RuleRef<'_>,
    units: &[UnitType],
    categories: &[Category],
    min_percent: u32,
) {
    let facts = ctx.facts;
    for u in facts.units_of(units) {
        let (Some(unit), Some(f)) = (facts.unit(u), facts.units.get(u)) else {
            continue;
        };
        let total = f.proposed;
        if total <= 0 {
            continue;
        }
        let counted = facts.proposed_in(u, categories);
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
                "{}: vị trí {} có {} trên {} người ({}), dưới mức tối thiểu {min_percent}% (cần ít nhất {} người)",
                unit.name,
                names.to_lowercase(),
                count_text(counted),
                count_text(total),
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
                    count_text(total),
                ),
                Input::new(format!("Số người vị trí {names}"), count_text(counted)),
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

pub fn quota(ctx: &mut Ctx<'_>, rule: RuleRef<'_>, figure: QuotaFigure) {
    let facts = ctx.facts;
    for (u, unit) in facts.plan.units.iter().enumerate() {
        let (Some(quota), Some(f)) = (unit.quota, facts.units.get(u)) else {
            continue;
        };
        let quota = i64::from(quota);
        let (value, what) = match figure {
            QuotaFigure::Proposed => (f.proposed, "số người đề xuất"),
            QuotaFigure::Required => (f.required, "số người cần có theo khối lượng công việc"),
        };
        if value <= quota {
            continue;
        }
        // Without a proposal of its own the agency proposes what is required: one finding says it.
        if figure == QuotaFigure::Required && f.proposed == f.required {
            continue;
        }
        ctx.breach(
            rule,
            Place::unit(&unit.id),
            format!(
                "{}: {what} {} vượt biên chế được giao {}",
                unit.name,
                count_text(value),
                count_text(quota)
            ),
            Some(Compared {
                actual: value as f64,
                limit: quota as f64,
            }),
            vec![
                Input::new(
                    format!("{} (gồm các đơn vị trực thuộc)", capitalised(what)),
                    count_text(value),
                ),
                Input::new("Biên chế được giao", count_text(quota)),
                Input::new("Số người cần có", count_text(f.required)),
                Input::new("Số người đề xuất", count_text(f.proposed)),
            ],
        );
    }
}
