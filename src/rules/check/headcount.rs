//! Headcount as a whole: the share of professional positions in a public service unit, and a
//! unit's required and proposed headcount against its quota (both over its subtree, and over
//! the posts the rule counts: biên chế, with labour contracts left out).

use super::{Compared, Ctx, Place};
use crate::format::{capitalised, vi_percent};
use crate::language::Text;
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
        let names = Text::from_fn(|l| {
            let names: Vec<&str> = categories.iter().map(|c| c.label(l)).collect();
            names.join(", ")
        });
        let (name, counted_text, share, needed_text) = (
            &unit.name,
            count_text(counted),
            vi_percent(counted as f64 / total as f64, 1),
            count_text(needed),
        );
        let (whole_in, names_vi, names_en) = (
            whole.in_sentence(),
            names.vi.to_lowercase(),
            names.en.to_lowercase(),
        );
        ctx.breach(
            rule,
            Place::unit(&unit.id),
            Text::new(
                format!(
                    "{name}: vị trí {names_vi} có {counted_text} trên {} ({share}), dưới mức tối thiểu {min_percent}% (cần ít nhất {needed_text} người)",
                    whole_in.vi
                ),
                format!(
                    "{name}: {names_en} positions have {counted_text} of {} ({share}), under the minimum of {min_percent}% (at least {needed_text} people needed)",
                    whole_in.en
                ),
            ),
            Some(Compared {
                actual: counted as f64,
                limit: needed as f64,
            }),
            vec![
                Input::words(
                    Text::new(
                        "Tổng số người đề xuất (gồm các đơn vị trực thuộc)",
                        "People proposed in total (with subunits)",
                    ),
                    whole.text(),
                ),
                Input::words(
                    Text::new(
                        format!("Số người vị trí {}", names.vi),
                        format!("People of {} positions", names.en),
                    ),
                    of_categories.text(),
                ),
                Input::new(Text::new("Tỷ lệ", "Share"), share.clone()),
                Input::new(
                    Text::new("Số người tối thiểu", "Minimum people"),
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
            QuotaFigure::Proposed => (proposed, Text::new("số người đề xuất", "people proposed")),
            QuotaFigure::Required => (
                required,
                Text::new(
                    "số người cần có theo khối lượng công việc",
                    "people required by workload",
                ),
            ),
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
            Text::from_fn(|l| {
                format!(
                    "{}: {} {} {} {}",
                    unit.name,
                    what.get(l),
                    value.in_sentence().get(l),
                    l.t("vượt biên chế được giao", "exceed the quota of"),
                    count_text(quota)
                )
            }),
            Some(Compared {
                actual: value.value() as f64,
                limit: quota as f64,
            }),
            vec![
                Input::words(
                    Text::new(
                        format!("{} (gồm các đơn vị trực thuộc)", capitalised(&what.vi)),
                        format!("{} (with subunits)", capitalised(&what.en)),
                    ),
                    value.text(),
                ),
                Input::new(Text::new("Biên chế được giao", "Quota"), count_text(quota)),
                Input::words(
                    Text::new("Số người cần có", "People required"),
                    required.text(),
                ),
                Input::words(
                    Text::new("Số người đề xuất", "People proposed"),
                    proposed.text(),
                ),
            ],
        );
    }
}
