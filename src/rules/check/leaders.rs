//! Leaders and unit size: deputies capped by a unit's headcount, the minimum headcount to form
//! a unit, deputy directors on average, a unit's deputies against its parent's, and the
//! leadership positions whose role is not given.
//!
//! A unit's size is its subtree's proposed headcount over the posts the rule counts (biên chế
//! unless its instrument counts contracts too), and the explanation says what was left out; its
//! deputies are the proposed counts of its positions marked deputy. Names are never guessed
//! from: a leadership position without a role is reported (info) and left out.

use super::{Compared, Ctx, Place, names_text};
use crate::format::uncapitalised;
use crate::language::{Language, Text};
use crate::model::{AutonomyGroup, Category, UnitType};
use crate::rules::catalogue::RuleRef;
use crate::rules::params::{Band, ByClass, ReviewParams, band_for, bands_text, count_text};
use crate::rules::{CountBasis, Input};

fn size_label() -> Text {
    Text::new(
        "Quy mô của đơn vị (số người đề xuất, gồm các đơn vị trực thuộc)",
        "Size of the unit (people proposed, with subunits)",
    )
}

fn deputies_label() -> Text {
    Text::new(
        "Số cấp phó (tổng số người đề xuất của các vị trí cấp phó)",
        "Deputies (people proposed for the deputy positions in total)",
    )
}

fn deputy_positions_label() -> Text {
    Text::new("Các vị trí cấp phó", "Deputy positions")
}

fn province_label() -> Text {
    Text::new("Loại tỉnh", "Province class")
}

/// A unit type in the middle of a sentence.
fn unit_type_in(unit_type: UnitType, language: Language) -> String {
    match language {
        Language::Vietnamese => uncapitalised(unit_type.label_vi()),
        Language::English => format!("a {}", uncapitalised(unit_type.label_en())),
    }
}

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
            Input::words(size_label(), size.text()),
            Input::new(deputies_label(), count_text(f.deputies)),
            Input::words(
                deputy_positions_label(),
                facts.positions_text(&f.deputy_positions),
            ),
        ];
        if let (true, Some(class)) = (scale.needs_class(), class) {
            inputs.push(Input::words(
                province_label(),
                Text::new(class.label_vi(), class.label_en()),
            ));
        }
        inputs.push(Input::words(
            Text::new("Mức theo quy mô", "Scale by size"),
            Text::from_fn(|l| bands_text(bands, l)),
        ));
        let (deputies, max_text, size_text) =
            (count_text(f.deputies), count_text(max), size.in_sentence());
        ctx.breach(
            rule,
            Place::unit(&unit.id),
            Text::new(
                format!(
                    "{}: {deputies} cấp phó, vượt mức tối đa {max_text} cấp phó của {} có {}",
                    unit.name,
                    unit_type_in(unit.unit_type, Language::Vietnamese),
                    size_text.vi
                ),
                format!(
                    "{}: {deputies} deputies, above the maximum of {max_text} for {} of {}",
                    unit.name,
                    unit_type_in(unit.unit_type, Language::English),
                    size_text.en
                ),
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
        let mut inputs = vec![Input::words(size_label(), size.text())];
        if let (true, Some(class)) = (minimum.needs_class(), class) {
            inputs.push(Input::words(
                province_label(),
                Text::new(class.label_vi(), class.label_en()),
            ));
        }
        inputs.push(Input::new(
            Text::new("Số người tối thiểu", "Minimum people"),
            count_text(least),
        ));
        let (size_text, least_text) = (size.in_sentence(), count_text(least));
        ctx.breach(
            rule,
            Place::unit(&unit.id),
            Text::new(
                format!(
                    "{}: {}, dưới mức tối thiểu {least_text} người để thành lập {}",
                    unit.name,
                    size_text.vi,
                    unit_type_in(unit.unit_type, Language::Vietnamese)
                ),
                format!(
                    "{}: {}, under the minimum of {least_text} people to form {}",
                    unit.name,
                    size_text.en,
                    unit_type_in(unit.unit_type, Language::English)
                ),
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
            Input::new(
                Text::new(
                    "Số phó giám đốc của sở",
                    "Deputy directors of the department",
                ),
                count_text(f.deputies),
            ),
            Input::words(
                deputy_positions_label(),
                facts.positions_text(&f.deputy_positions),
            ),
            Input::new(
                Text::new("Số sở trong đề án", "Departments in the plan"),
                count_text(count),
            ),
            Input::new(
                Text::new(
                    "Tổng số phó giám đốc các sở trong đề án",
                    "Deputy directors of the plan's departments in total",
                ),
                count_text(total),
            ),
            Input::new(
                Text::new(
                    "Bình quân các sở trong đề án",
                    "Average of the plan's departments",
                ),
                crate::format::vi_number(total as f64 / count as f64, 2),
            ),
        ];
        let allowed = format!("{average} x {count} = {}", count_text(allowed_total));
        let allowed = if special {
            Text::new(
                format!(
                    "{allowed} (gồm {special_extra_total} được tăng thêm của Hà Nội, TP. Hồ Chí Minh)"
                ),
                format!("{allowed} (with {special_extra_total} extra for Hanoi, Ho Chi Minh City)"),
            )
        } else {
            Text::same(allowed)
        };
        inputs.push(Input::words(
            Text::new(
                "Tổng số được phép theo bình quân",
                "Total allowed by the average",
            ),
            allowed,
        ));
        let (deputies, average_text) = (count_text(f.deputies), count_text(average));
        ctx.breach(
            rule,
            Place::unit(&unit.id),
            Text::new(
                format!(
                    "{}: {deputies} phó giám đốc, nhiều hơn mức bình quân {average_text} phó giám đốc mỗi sở; UBND tỉnh quyết định số cụ thể của từng sở trong tổng số (cần giải trình)",
                    unit.name
                ),
                format!(
                    "{}: {deputies} deputy directors, more than the average of {average_text} per department; the provincial committee sets each department's number within the total (to be justified)",
                    unit.name
                ),
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
            Text::new(
                format!(
                    "{}: {} cấp phó, nhiều hơn đơn vị cấp trên trực tiếp {} ({} cấp phó)",
                    unit.name,
                    count_text(f.deputies),
                    parent.name,
                    count_text(pf.deputies)
                ),
                format!(
                    "{}: {} deputies, more than its direct parent {} ({} deputies)",
                    unit.name,
                    count_text(f.deputies),
                    parent.name,
                    count_text(pf.deputies)
                ),
            ),
            Some(Compared {
                actual: f.deputies as f64,
                limit: pf.deputies as f64,
            }),
            vec![
                Input::new(deputies_label(), count_text(f.deputies)),
                Input::words(
                    deputy_positions_label(),
                    facts.positions_text(&f.deputy_positions),
                ),
                Input::new(
                    Text::new(
                        format!("Số cấp phó của {}", parent.name),
                        format!("Deputies of {}", parent.name),
                    ),
                    count_text(pf.deputies),
                ),
                Input::words(
                    Text::new(
                        format!("Các vị trí cấp phó của {}", parent.name),
                        format!("Deputy positions of {}", parent.name),
                    ),
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
                Text::new(
                    format!(
                        "Vị trí lãnh đạo \"{}\" chưa ghi vai trò cấp trưởng hay cấp phó: chưa tính vào số cấp phó của {}; ghi vai trò (role: head hoặc deputy) để kiểm tra \"{}\"",
                        position.name,
                        unit.name,
                        rule.rule.name()
                    ),
                    format!(
                        "Leadership position \"{}\" has no head or deputy role: not counted among the deputies of {}; give its role (role: head or deputy) to check rule {}",
                        position.name, unit.name, rule.rule.id
                    ),
                ),
                vec![Input::new(
                    Text::new(
                        "Số người đề xuất của vị trí",
                        "People proposed for the position",
                    ),
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
                    Text::new(
                        format!(
                            "{}: chưa ghi nhóm tự chủ tài chính (autonomy_group 1-4) của đơn vị hoặc đơn vị cấp trên; chưa kiểm tra \"{}\" và các quy tắc khác theo nhóm tự chủ",
                            unit.name,
                            rule.rule.name()
                        ),
                        format!(
                            "{}: no financial autonomy group (autonomy_group 1-4) for the unit or its parents; rule {} and the other rules by autonomy group are not checked",
                            unit.name, rule.rule.id
                        ),
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
        Text::new(
            format!(
                "Chưa ghi loại tỉnh của đề án: chưa kiểm tra \"{}\" cho {} đơn vị ({}); ghi loại tỉnh (province_class: special, i, ii, iii) ở bảng Kiểm tra hoặc trong tệp đề án",
                rule.rule.name(),
                names.len(),
                names_text(&names, Language::Vietnamese)
            ),
            format!(
                "The plan gives no province class: rule {} is not checked for {} units ({}); give the province class (province_class: special, i, ii, iii) in the Check panel or in the plan file",
                rule.rule.id,
                names.len(),
                names_text(&names, Language::English)
            ),
        ),
        vec![Input::new(
            Text::new("Đơn vị chưa kiểm tra", "Units not checked"),
            names.join(", "),
        )],
    );
}
