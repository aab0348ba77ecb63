//! Rank structure (cơ cấu ngạch, hạng): the share of a unit's people at some rank levels, the
//! share of deputies at a level across units, and the rank a head must hold.
//!
//! People are the proposed counts of positions; a position's level comes from its rank code
//! through the rank catalogue. Shares are of biên chế: posts on labour contracts are in neither
//! the numerator nor the base (the rule's `counts`). Codes the catalogue does not know are
//! reported (info) once per unit and left out of the counts; positions without a code are
//! counted in no level.

use crate::language::{Language, Text};
use std::collections::BTreeMap;

use super::{Compared, Ctx, Place, names_text};
use crate::format::vi_percent;
use crate::model::{AutonomyGroup, UnitType};
use crate::rules::catalogue::RuleRef;
use crate::rules::params::{ShareBase, count_text, tiers_text};
use crate::rules::ranks::RankTier;
use crate::rules::{CountBasis, Input};

/// A rank-share rule's parameters.
pub struct Share<'p> {
    pub units: &'p [UnitType],
    pub autonomy_groups: &'p [AutonomyGroup],
    pub tiers: &'p [RankTier],
    pub max_percent: u32,
    pub base: ShareBase,
    pub counts: CountBasis,
}

/// People of some positions counted by rank level.
#[derive(Default)]
struct ByRank {
    /// People at the levels looked for.
    matched: i64,
    /// People per code at those levels, for the explanation.
    by_code: BTreeMap<String, i64>,
    /// People whose code the catalogue does not know, per code.
    unknown: BTreeMap<String, i64>,
    /// People of positions without a code.
    blank: i64,
}

/// People of `positions` at `tiers`, leaving out the posts a rule counting `basis` does not
/// count.
fn count(ctx: &Ctx<'_>, positions: &[usize], tiers: &[RankTier], basis: CountBasis) -> ByRank {
    let facts = ctx.facts;
    let mut counted = ByRank::default();
    for &p in positions.iter().filter(|&&p| facts.counts(p, basis)) {
        let Some(position) = facts.plan.positions.get(p) else {
            continue;
        };
        let people = facts.proposed(p);
        let code = position.rank_code.trim();
        if code.is_empty() {
            counted.blank += people;
            continue;
        }
        match facts.ranks.get(code) {
            Some(entry) if tiers.contains(&entry.tier) => {
                counted.matched += people;
                *counted
                    .by_code
                    .entry(format!("{} {}", entry.code, entry.name))
                    .or_default() += people;
            }
            Some(_) => {}
            None => *counted.unknown.entry(code.to_owned()).or_default() += people,
        }
    }
    counted
}

fn by_code_text(by_code: &BTreeMap<String, i64>) -> Text {
    if by_code.is_empty() {
        return Text::new("(không có)", "(none)");
    }
    Text::same(
        by_code
            .iter()
            .map(|(code, people)| format!("{code}: {}", count_text(*people)))
            .collect::<Vec<_>>()
            .join("; "),
    )
}

/// Reports codes the catalogue does not know, once per unit.
fn report_unknown(
    ctx: &mut Ctx<'_>,
    rule: RuleRef<'_>,
    unit_id: &str,
    name: &str,
    counted: &ByRank,
) {
    if counted.unknown.is_empty() {
        return;
    }
    let people: i64 = counted.unknown.values().sum();
    let codes: Vec<String> = counted.unknown.keys().cloned().collect();
    ctx.fact(
        rule,
        format!("rank-unknown:{unit_id}"),
        Place::unit(unit_id),
        Text::new(
            format!(
                "{name}: {} người mang mã ngạch, hạng không có trong danh mục ({}); chưa tính vào cơ cấu ngạch, hạng",
                count_text(people),
                codes.join(", ")
            ),
            format!(
                "{name}: {} people hold rank codes not in the catalogue ({}); not counted in the rank structure",
                count_text(people),
                codes.join(", ")
            ),
        ),
        vec![Input::new(
            Text::new("Mã chưa xác định", "Unknown codes"),
            counted
                .unknown
                .iter()
                .map(|(code, people)| format!("{code}: {}", count_text(*people)))
                .collect::<Vec<_>>()
                .join("; "),
        )],
    );
}

pub fn rank_share(ctx: &mut Ctx<'_>, rule: RuleRef<'_>, share: Share<'_>) {
    let facts = ctx.facts;
    for u in facts.units_of(share.units) {
        let (Some(unit), Some(f)) = (facts.unit(u), facts.units.get(u)) else {
            continue;
        };
        if !share.autonomy_groups.is_empty()
            && !f
                .autonomy
                .is_some_and(|g| share.autonomy_groups.contains(&g))
        {
            continue;
        }
        let counted = count(ctx, &facts.subtree_positions(u), share.tiers, share.counts);
        report_unknown(ctx, rule, &unit.id, &unit.name, &counted);
        let people = f.proposed(share.counts);
        let quota = match share.base {
            ShareBase::QuotaElseProposed => unit.quota.map(i64::from),
            ShareBase::Proposed => None,
        };
        // The base, its label, its figure in the explanation and in the message.
        let (base, base_label, base_value, base_text) = match quota {
            Some(quota) => (
                quota,
                Text::new("biên chế được giao của đơn vị", "the unit's quota"),
                Text::same(count_text(quota)),
                Text::new(
                    format!("{} biên chế được giao", count_text(quota)),
                    format!("a quota of {}", count_text(quota)),
                ),
            ),
            None => (
                people.value(),
                match share.base {
                    ShareBase::QuotaElseProposed => Text::new(
                        "số người đề xuất (đơn vị chưa ghi biên chế được giao)",
                        "people proposed (the unit gives no quota)",
                    ),
                    ShareBase::Proposed => Text::new(
                        "số người đề xuất (gồm các đơn vị trực thuộc)",
                        "people proposed (with subunits)",
                    ),
                },
                people.text(),
                people.in_sentence(),
            ),
        };
        if base <= 0 {
            continue;
        }
        let limit = base * i64::from(share.max_percent) / 100;
        if counted.matched <= limit {
            continue;
        }
        let mut inputs = vec![Input::words(
            Text::new(
                format!("Tính trên: {}", base_label.vi),
                format!("Share of: {}", base_label.en),
            ),
            base_value,
        )];
        if quota.is_some() {
            inputs.push(Input::words(
                Text::new(
                    "Số người đề xuất (gồm các đơn vị trực thuộc)",
                    "People proposed (with subunits)",
                ),
                people.text(),
            ));
        }
        let tiers = Text::from_fn(|l| tiers_text(share.tiers, l));
        let ratio = vi_percent(counted.matched as f64 / base as f64, 1);
        inputs.extend([
            Input::new(
                Text::new(
                    format!("Số người {}", tiers.vi),
                    format!("People {}", tiers.en),
                ),
                count_text(counted.matched),
            ),
            Input::words(
                Text::new("Theo mã ngạch, hạng", "By rank code"),
                by_code_text(&counted.by_code),
            ),
            Input::new(Text::new("Tỷ lệ", "Share"), ratio.clone()),
            Input::new(
                Text::new("Số người tối đa", "Maximum people"),
                format!(
                    "floor({}% x {}) = {}",
                    share.max_percent,
                    count_text(base),
                    count_text(limit)
                ),
            ),
            Input::new(
                Text::new(
                    "Vị trí chưa ghi mã ngạch (người)",
                    "Positions without a rank code (people)",
                ),
                count_text(counted.blank),
            ),
        ]);
        let (name, matched, max, limit_text) = (
            &unit.name,
            count_text(counted.matched),
            share.max_percent,
            count_text(limit),
        );
        ctx.breach(
            rule,
            Place::unit(&unit.id),
            Text::new(
                format!(
                    "{name}: {matched} người {} ({ratio}), vượt tỷ lệ tối đa {max}% ({limit_text} trên {})",
                    tiers.vi, base_text.vi
                ),
                format!(
                    "{name}: {matched} people {} ({ratio}), above the maximum share of {max}% ({limit_text} of {})",
                    tiers.en, base_text.en
                ),
            ),
            Some(Compared {
                actual: counted.matched as f64,
                limit: limit as f64,
            }),
            inputs,
        );
    }
}

pub fn deputy_rank_share(
    ctx: &mut Ctx<'_>,
    rule: RuleRef<'_>,
    units: &[UnitType],
    tiers: &[RankTier],
    max_percent: u32,
) {
    let facts = ctx.facts;
    let matched = facts.units_of(units);
    let deputies: Vec<usize> = matched
        .iter()
        .filter_map(|&u| facts.units.get(u))
        .flat_map(|f| f.deputy_positions.iter().copied())
        .collect();
    let total: i64 = deputies.iter().map(|&p| facts.proposed(p)).sum();
    if total <= 0 {
        return;
    }
    // Deputies are leaders: in biên chế whatever the rule counts.
    let counted = count(ctx, &deputies, tiers, CountBasis::AllPosts);
    let limit = total * i64::from(max_percent) / 100;
    if counted.matched <= limit {
        return;
    }
    let names: Vec<String> = matched
        .iter()
        .filter_map(|&u| facts.unit(u))
        .map(|u| u.name.clone())
        .collect();
    let place = match matched.as_slice() {
        [only] => facts
            .unit(*only)
            .map(|u| Place::unit(&u.id))
            .unwrap_or_else(Place::plan),
        _ => Place::plan(),
    };
    ctx.breach(
        rule,
        place,
        Text::from_fn(|l| {
            let (units, matched, ratio, limit_text, total_text) = (
                names.len(),
                count_text(counted.matched),
                vi_percent(counted.matched as f64 / total as f64, 1),
                count_text(limit),
                count_text(total),
            );
            let (listed, tiers) = (names_text(&names, l), tiers_text(tiers, l));
            match l {
                Language::Vietnamese => format!(
                    "Cấp phó của {units} đơn vị ({listed}): {matched} người {tiers} ({ratio}), vượt tỷ lệ tối đa {max_percent}% ({limit_text} trên {total_text} cấp phó)"
                ),
                Language::English => format!(
                    "Deputies of {units} units ({listed}): {matched} people {tiers} ({ratio}), above the maximum share of {max_percent}% ({limit_text} of {total_text} deputies)"
                ),
            }
        }),
        Some(Compared {
            actual: counted.matched as f64,
            limit: limit as f64,
        }),
        vec![
            Input::new(
                Text::new("Tổng số cấp phó", "Deputies in total"),
                count_text(total),
            ),
            Input::words(
                Text::new("Các vị trí cấp phó", "Deputy positions"),
                facts.positions_text(&deputies),
            ),
            Input::new(
                Text::new(
                    format!("Số cấp phó {}", tiers_text(tiers, Language::Vietnamese)),
                    format!("Deputies {}", tiers_text(tiers, Language::English)),
                ),
                count_text(counted.matched),
            ),
            Input::new(
                Text::new("Số người tối đa", "Maximum people"),
                format!(
                    "floor({max_percent}% x {}) = {}",
                    count_text(total),
                    count_text(limit)
                ),
            ),
        ],
    );
}

pub fn head_rank(ctx: &mut Ctx<'_>, rule: RuleRef<'_>, units: &[UnitType], tiers: &[RankTier]) {
    let facts = ctx.facts;
    for u in facts.units_of(units) {
        let (Some(unit), Some(f)) = (facts.unit(u), facts.units.get(u)) else {
            continue;
        };
        for &p in &f.head_positions {
            let Some(position) = facts.plan.positions.get(p) else {
                continue;
            };
            let Some(entry) = facts.ranks.get(&position.rank_code) else {
                continue;
            };
            if tiers.contains(&entry.tier) {
                continue;
            }
            ctx.breach(
                rule,
                Place::position(&unit.id, &position.id),
                Text::new(
                    format!(
                        "{} (cấp trưởng của {}) mang mã {} {}, chưa phải ngạch {}",
                        position.name,
                        unit.name,
                        entry.code,
                        entry.name,
                        tiers_text(tiers, Language::Vietnamese)
                    ),
                    format!(
                        "{} (head of {}) holds code {}, not a rank of {}",
                        position.name,
                        unit.name,
                        entry.code,
                        tiers_text(tiers, Language::English)
                    ),
                ),
                None,
                vec![
                    Input::new(
                        Text::new("Mã ngạch của vị trí", "Rank code of the position"),
                        format!("{} {}", entry.code, entry.name),
                    ),
                    Input::words(
                        Text::new("Ngạch yêu cầu", "Rank required"),
                        Text::from_fn(|l| tiers_text(tiers, l)),
                    ),
                ],
            );
        }
    }
}
