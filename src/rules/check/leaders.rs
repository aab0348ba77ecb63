//! Leaders and unit size: deputies capped by a unit's headcount, the minimum headcount to form
//! a unit, deputy directors on average, a unit's deputies against its parent's, and the
//! leadership positions whose role is not given.
//!
//! A unit's size is its subtree's proposed headcount over the posts the rule counts (biên chế
//! unless its instrument counts contracts too), and the explanation says what was left out; its
//! deputies are the proposed counts of its positions marked deputy. Names are never guessed
//! from: a leadership position without a role is reported (info) and left out.

use super::{Compared, Ctx, Place, lower_first, names_text};
use crate::model::{AutonomyGroup, Category, UnitType};
use crate::rules::catalogue::RuleRef;
use crate::rules::params::{Band, ByClass, ReviewParams, band_for, bands_text, count_text};
use crate::rules::{CountBasis, Input};

const SIZE_LABEL: &str = "Quy mô của đơn vị (số người đề xuất, gồm các đơn vị trực thuộc)";
const DEPUTIES_LABEL: &str = "Số cấp phó (tổng số người đề xuất của các vị trí cấp phó)";
const DEPUTY_POSITIONS_LABEL: &str = "Các vị trí cấp phó";

pub fn deputy_cap(
    ctx: &mut Ctx<'_>,
    rule: RuleRef<'_>,
    units: &[UnitType],
    groups: &[AutonomyGroup],
    scale: &ByClass<Vec<Band>>,
    counts: CountBasis,
) {
    let facts = ctx.facts;
    let scoped = scoped_units(ctx, rule, units, groups);
    let class = facts.plan.meta.province_class;
    let Some(bands) = scale.get(class) else {
        class_missing(ctx, rule, &scoped);
        return;
    };
    for u in scoped {
        let (Some(unit), Some(f)) = (facts.unit(u), facts.units.get(u)) else {
            continue;
        };
        let size = f.proposed(counts);
        let Some(band) = band_for(bands, size.value()) else {
            continue;
        };
        let max = i64::from(band.max);
        if f.deputies <= max {
            continue;
        }
        let mut inputs = vec![
            Input::new(SIZE_LABEL, size.text()),
            Input::new(DEPUTIES_LABEL, count_text(f.deputies)),
            Input::new(
                DEPUTY_POSITIONS_LABEL,
                facts.positions_text(&f.deputy_positions),
            ),
        ];
        if let (true, Some(class)) = (scale.needs_class(), class) {
            inputs.push(Input::new("Loại tỉnh", class.label_vi()));
        }
        inputs.push(Input::new("Mức theo quy mô", bands_text(bands)));
        ctx.breach(
            rule,
            Place::unit(&unit.id),
            format!(
                "{}: {} cấp phó, vượt mức tối đa {} cấp phó của {} có {}",
                unit.name,
                count_text(f.deputies),
                count_text(max),
                lower_first(unit.unit_type.label_vi()),
                size.in_sentence()
            ),
            Some(Compared {
                actual: f.deputies as f64,
                limit: max as f64,
            }),
            inputs,
        );
    }
}

pub fn minimum_staff(
    ctx: &mut Ctx<'_>,
    rule: RuleRef<'_>,
    units: &[UnitType],
    groups: &[AutonomyGroup],
    minimum: &ByClass<u32>,
    counts: CountBasis,
) {
    let facts = ctx.facts;
    let scoped = scoped_units(ctx, rule, units, groups);
    let class = facts.plan.meta.province_class;
    let Some(&minimum_count) = minimum.get(class) else {
        class_missing(ctx, rule, &scoped);
        return;
    };
    let least = i64::from(minimum_count);
    for u in scoped {
        let (Some(unit), Some(f)) = (facts.unit(u), facts.units.get(u)) else {
            continue;
        };
        let size = f.proposed(counts);
        if size.value() >= least {
            continue;
        }
        let mut inputs = vec![Input::new(SIZE_LABEL, size.text())];
        if let (true, Some(class)) = (minimum.needs_class(), class) {
            inputs.push(Input::new("Loại tỉnh", class.label_vi()));
        }
        inputs.push(Input::new("Số người tối thiểu", count_text(least)));
        ctx.breach(
            rule,
            Place::unit(&unit.id),
            format!(
                "{}: {}, dưới mức tối thiểu {} người để thành lập {}",
                unit.name,
                size.in_sentence(),
                count_text(least),
                lower_first(unit.unit_type.label_vi())
            ),
            Some(Compared {
                actual: size.value() as f64,
                limit: least as f64,
            }),
            inputs,
        );
    }
}

pub fn average_deputies(
    ctx: &mut Ctx<'_>,
    rule: RuleRef<'_>,
    units: &[UnitType],
    average: u32,
    special_extra_total: u32,
) {
    let facts = ctx.facts;
    let matched = facts.units_of(units);
    if matched.is_empty() {
        return;
    }
    let total: i64 = matched
        .iter()
        .filter_map(|&u| facts.units.get(u))
        .map(|f| f.deputies)
        .sum();
    let count = matched.len() as i64;
    let average = i64::from(average);
    let special = facts.plan.meta.province_class == Some(crate::model::ProvinceClass::Special);
    let allowed_total = average * count
        + if special {
            i64::from(special_extra_total)
        } else {
            0
        };
    for u in matched {
        let (Some(unit), Some(f)) = (facts.unit(u), facts.units.get(u)) else {
            continue;
        };
        if f.deputies <= average {
            continue;
        }
        let mut inputs = vec![
            Input::new("Số phó giám đốc của sở", count_text(f.deputies)),
            Input::new(
                DEPUTY_POSITIONS_LABEL,
                facts.positions_text(&f.deputy_positions),
            ),
            Input::new("Số sở trong đề án", count_text(count)),
            Input::new("Tổng số phó giám đốc các sở trong đề án", count_text(total)),
            Input::new(
                "Bình quân các sở trong đề án",
                crate::format::vi_number(total as f64 / count as f64, 2),
            ),
        ];
        let extra = if special {
            format!(" (gồm {special_extra_total} được tăng thêm của Hà Nội, TP. Hồ Chí Minh)")
        } else {
            String::new()
        };
        inputs.push(Input::new(
            "Tổng số được phép theo bình quân",
            format!(
                "{} x {} = {}{extra}",
                average,
                count,
                count_text(allowed_total)
            ),
        ));
        ctx.breach(
            rule,
            Place::unit(&unit.id),
            format!(
                "{}: {} phó giám đốc, nhiều hơn mức bình quân {} phó giám đốc mỗi sở; UBND tỉnh quyết định số cụ thể của từng sở trong tổng số (cần giải trình)",
                unit.name,
                count_text(f.deputies),
                count_text(average)
            ),
            Some(Compared {
                actual: f.deputies as f64,
                limit: average as f64,
            }),
            inputs,
        );
    }
}

pub fn parent_deputies(ctx: &mut Ctx<'_>, rule: RuleRef<'_>, units: &[UnitType]) {
    let facts = ctx.facts;
    let matched: Vec<usize> = if units.is_empty() {
        (0..facts.units.len()).collect()
    } else {
        facts.units_of(units)
    };
    for u in matched {
        let (Some(unit), Some(f)) = (facts.unit(u), facts.units.get(u)) else {
            continue;
        };
        let Some(p) = f.parent else {
            continue;
        };
        let (Some(parent), Some(pf)) = (facts.unit(p), facts.units.get(p)) else {
            continue;
        };
        if !pf.has_roles || f.deputies <= pf.deputies {
            continue;
        }
        ctx.breach(
            rule,
            Place::unit(&unit.id),
            format!(
                "{}: {} cấp phó, nhiều hơn đơn vị cấp trên trực tiếp {} ({} cấp phó)",
                unit.name,
                count_text(f.deputies),
                parent.name,
                count_text(pf.deputies)
            ),
            Some(Compared {
                actual: f.deputies as f64,
                limit: pf.deputies as f64,
            }),
            vec![
                Input::new(DEPUTIES_LABEL, count_text(f.deputies)),
                Input::new(
                    DEPUTY_POSITIONS_LABEL,
                    facts.positions_text(&f.deputy_positions),
                ),
                Input::new(
                    format!("Số cấp phó của {}", parent.name),
                    count_text(pf.deputies),
                ),
                Input::new(
                    format!("Các vị trí cấp phó của {}", parent.name),
                    facts.positions_text(&pf.deputy_positions),
                ),
            ],
        );
    }
}

/// Leadership positions without a head or deputy role in units a deputy rule in force looks
/// at: reported once each, under the first such rule.
pub fn missing_roles(ctx: &mut Ctx<'_>, in_force: &[RuleRef<'_>]) {
    let facts = ctx.facts;
    let deputy_rules: Vec<RuleRef<'_>> = in_force
        .iter()
        .copied()
        .filter(|r| r.rule.params.counts_deputies())
        .collect();
    if deputy_rules.is_empty() {
        return;
    }
    for (u, f) in facts.units.iter().enumerate() {
        let Some(unit) = facts.unit(u) else {
            continue;
        };
        let concerns = |rule: &RuleRef<'_>| {
            let types = rule.rule.params.unit_types();
            let child_types = || {
                f.children.iter().any(|&c| {
                    facts
                        .unit(c)
                        .is_some_and(|child| types.contains(&child.unit_type))
                })
            };
            types.contains(&unit.unit_type)
                || (matches!(rule.rule.params, ReviewParams::ParentDeputies { .. })
                    && child_types())
        };
        let Some(rule) = deputy_rules.iter().copied().find(concerns) else {
            continue;
        };
        for &p in &f.positions {
            let Some(position) = facts.plan.positions.get(p) else {
                continue;
            };
            if position.category != Category::Leadership || position.role.is_some() {
                continue;
            }
            ctx.fact(
                rule,
                format!("role:{}", position.id),
                Place::position(&unit.id, &position.id),
                format!(
                    "Vị trí lãnh đạo \"{}\" chưa ghi vai trò cấp trưởng hay cấp phó: chưa tính vào số cấp phó của {}; ghi vai trò (role: head hoặc deputy) để kiểm tra \"{}\"",
                    position.name,
                    unit.name,
                    rule.rule.name()
                ),
                vec![Input::new(
                    "Số người đề xuất của vị trí",
                    count_text(facts.proposed(p)),
                )],
            );
        }
    }
}

/// Units of `types` whose autonomy group (own or inherited) is one of `groups` (any when empty);
/// a unit whose group is not given is reported once.
fn scoped_units(
    ctx: &mut Ctx<'_>,
    rule: RuleRef<'_>,
    types: &[UnitType],
    groups: &[AutonomyGroup],
) -> Vec<usize> {
    let facts = ctx.facts;
    let mut scoped = Vec::new();
    for u in facts.units_of(types) {
        if groups.is_empty() {
            scoped.push(u);
            continue;
        }
        match facts.units.get(u).and_then(|f| f.autonomy) {
            Some(group) if groups.contains(&group) => scoped.push(u),
            Some(_) => {}
            None => {
                let Some(unit) = facts.unit(u) else {
                    continue;
                };
                ctx.fact(
                    rule,
                    format!("autonomy:{}", unit.id),
                    Place::unit(&unit.id),
                    format!(
                        "{}: chưa ghi nhóm tự chủ tài chính (autonomy_group 1-4) của đơn vị hoặc đơn vị cấp trên; chưa kiểm tra \"{}\" và các quy tắc khác theo nhóm tự chủ",
                        unit.name,
                        rule.rule.name()
                    ),
                    Vec::new(),
                );
            }
        }
    }
    scoped
}

/// The plan names no province class, and the rule's figures depend on it.
fn class_missing(ctx: &mut Ctx<'_>, rule: RuleRef<'_>, scoped: &[usize]) {
    if scoped.is_empty() {
        return;
    }
    let names: Vec<String> = scoped
        .iter()
        .filter_map(|&u| ctx.facts.unit(u))
        .map(|u| u.name.clone())
        .collect();
    ctx.fact(
        rule,
        format!("class:{}", rule.rule.id),
        Place::plan(),
        format!(
            "Chưa ghi loại tỉnh của đề án: chưa kiểm tra \"{}\" cho {} đơn vị ({}); ghi loại tỉnh (province_class: special, i, ii, iii) ở bảng Kiểm tra hoặc trong tệp đề án",
            rule.rule.name(),
            names.len(),
            names_text(&names)
        ),
        vec![Input::new("Đơn vị chưa kiểm tra", names.join(", "))],
    );
}
