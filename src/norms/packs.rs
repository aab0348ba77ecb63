//! The norm packs embedded in the binary, parsed and checked once, and the pick of the rule in
//! force for a unit type on a date.

use std::path::Path;
use std::sync::OnceLock;

use crate::model::{CivilDate, CommuneSetting, UnitType};
use crate::rules::{PackError, Rule, RulePack, parse_pack};

use super::params::{Bound, NormParams, PositionScope, TeachersPerClass};

/// The pack files, one per instrument, with the names errors cite.
const PACK_FILES: [(&str, &str); 5] = [
    (
        "src/norms/packs/tt20-2023-bgddt.ron",
        include_str!("packs/tt20-2023-bgddt.ron"),
    ),
    (
        "src/norms/packs/tt19-2023-bgddt.ron",
        include_str!("packs/tt19-2023-bgddt.ron"),
    ),
    (
        "src/norms/packs/tt03-2023-byt.ron",
        include_str!("packs/tt03-2023-byt.ron"),
    ),
    (
        "src/norms/packs/tt09-2024-bnv.ron",
        include_str!("packs/tt09-2024-bnv.ron"),
    ),
    (
        "src/norms/packs/nd33-2023-cp.ron",
        include_str!("packs/nd33-2023-cp.ron"),
    ),
];

/// A pack of norm rules.
pub type NormPack = RulePack<NormParams>;

/// A norm pack that does not parse or does not hold together.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum NormPackError {
    #[error(transparent)]
    Parse(#[from] PackError),
    #[error("{file}: rule {rule}: {message}")]
    Invalid {
        file: String,
        rule: String,
        message: String,
    },
}

/// The embedded norm rule with this id and its pack, to explain a finding.
pub fn norm_rule(id: &str) -> Option<(&'static NormPack, &'static Rule<NormParams>)> {
    norm_packs()
        .ok()?
        .iter()
        .find_map(|pack| pack.rules.iter().find(|r| r.id == id).map(|r| (pack, r)))
}

/// Every embedded norm pack, parsed and checked on first use.
pub fn norm_packs() -> Result<&'static [NormPack], NormPackError> {
    static PACKS: OnceLock<Result<Vec<NormPack>, NormPackError>> = OnceLock::new();
    PACKS
        .get_or_init(|| load(&PACK_FILES))
        .as_ref()
        .map(Vec::as_slice)
        .map_err(Clone::clone)
}

/// Parses and checks pack texts given as (file name, text).
pub fn load(files: &[(&str, &str)]) -> Result<Vec<NormPack>, NormPackError> {
    let mut packs = Vec::with_capacity(files.len());
    for (file, text) in files {
        let pack: NormPack = parse_pack(text, Path::new(file))?;
        for rule in &pack.rules {
            check_rule(rule).map_err(|message| NormPackError::Invalid {
                file: (*file).to_owned(),
                rule: rule.id.clone(),
                message,
            })?;
        }
        packs.push(pack);
    }
    check_no_overlap(files, &packs)?;
    Ok(packs)
}

/// The rule in force on `at` for `unit_type`, with its pack.
pub fn rule_for(
    packs: &[NormPack],
    unit_type: UnitType,
    at: CivilDate,
) -> Option<(&NormPack, &Rule<NormParams>)> {
    packs.iter().find_map(|pack| {
        pack.rules
            .iter()
            .find(|rule| rule.in_force(at) && rule.params.unit_types().contains(&unit_type))
            .map(|rule| (pack, rule))
    })
}

/// Figures a rule needs to be computable: positive divisors, ascending bands, sensible bounds.
fn check_rule(rule: &Rule<NormParams>) -> Result<(), String> {
    if let Some(last) = rule.applies_to
        && last < rule.applies_from
    {
        return Err(format!(
            "applies_to {} is before applies_from {}",
            last.iso(),
            rule.applies_from.iso()
        ));
    }
    if rule.params.unit_types().is_empty() {
        return Err("no unit_types".into());
    }
    let positive = |what: &str, value: f64| {
        if value.is_finite() && value > 0.0 {
            Ok(())
        } else {
            Err(format!("{what} must be above zero, not {value}"))
        }
    };
    let fixed_bound = |what: &str, bound: Bound| {
        if bound == Bound::Both {
            Err(format!(
                "{what}: a fixed figure is a maximum or a minimum, not both"
            ))
        } else {
            Ok(())
        }
    };
    match &rule.params {
        NormParams::School(p) => {
            match p.teachers.per_class {
                TeachersPerClass::Flat(ratio) => positive("per_class", ratio)?,
                TeachersPerClass::BySessions {
                    one_session,
                    two_sessions,
                } => {
                    positive("one_session", one_session)?;
                    positive("two_sessions", two_sessions)?;
                }
            }
            for size in p.teachers.class_size.all() {
                positive("class_size", f64::from(size))?;
            }
            for divisor in p.teachers.leftover_pupils_per_teacher.all() {
                positive("leftover_pupils_per_teacher", f64::from(divisor))?;
            }
            for post in &p.posts {
                fixed_bound(&post.key, post.bound)?;
            }
        }
        NormParams::Kindergarten(p) => {
            positive("per_nursery_group", p.teachers.per_nursery_group)?;
            positive("per_class", p.teachers.per_class)?;
            for post in &p.posts {
                fixed_bound(&post.key, post.bound)?;
            }
        }
        NormParams::DiseaseControl(p) => {
            positive("mountainous_factor", p.mountainous_factor)?;
            let Some((last, rest)) = p.population_bands.split_last() else {
                return Err("no population_bands".into());
            };
            if last.up_to.is_some() {
                return Err("the last population band must be open-ended (up_to: None)".into());
            }
            let mut previous = 0;
            for band in rest {
                match band.up_to {
                    Some(up_to) if up_to > previous => previous = up_to,
                    _ => return Err("population bands must ascend, only the last open".into()),
                }
            }
        }
        NormParams::Fixed(p) => {
            if p.figures.is_empty() {
                return Err("no figures".into());
            }
            for figure in &p.figures {
                fixed_bound(&figure.key, figure.bound)?;
            }
        }
        NormParams::Archive(p) => {
            positive("shelf_metres_per_person", p.shelf_metres_per_person)?;
            positive("electronic_mb_per_person", p.electronic_mb_per_person)?;
            positive(
                "audio_visual_hours_per_person",
                p.audio_visual_hours_per_person,
            )?;
            if p.maximum_city < p.minimum || p.maximum_province < p.minimum {
                return Err("a maximum is below the minimum".into());
            }
        }
        NormParams::Commune(p) => {
            for unit_type in &p.unit_types {
                if !p.base.iter().any(|b| b.unit_type == *unit_type) {
                    return Err(format!("no base figures for {}", unit_type.keyword()));
                }
            }
            for step in &p.population_steps {
                positive("step", step.step as f64)?;
            }
            for setting in CommuneSetting::ALL {
                if !p.population_steps.iter().any(|s| s.setting == setting) {
                    return Err(format!("no population step for {}", setting.keyword()));
                }
            }
        }
    }
    scopes(&rule.params).into_iter().try_for_each(check_scope)
}

/// The position scopes of a rule's figures.
fn scopes(params: &NormParams) -> Vec<&PositionScope> {
    match params {
        NormParams::School(p) => std::iter::once(&p.teachers.compared_with)
            .chain(p.posts.iter().map(|f| &f.compared_with))
            .collect(),
        NormParams::Kindergarten(p) => std::iter::once(&p.teachers.compared_with)
            .chain(p.posts.iter().map(|f| &f.compared_with))
            .collect(),
        NormParams::DiseaseControl(p) => vec![&p.compared_with],
        NormParams::Fixed(p) => p.figures.iter().map(|f| &f.compared_with).collect(),
        NormParams::Archive(p) => vec![&p.compared_with],
        NormParams::Commune(p) => vec![&p.compared_with],
    }
}

/// A scope must be able to count something.
fn check_scope(scope: &PositionScope) -> Result<(), String> {
    match scope {
        PositionScope::WholeUnit => Ok(()),
        PositionScope::Categories { categories, .. } if categories.is_empty() => {
            Err("compared_with names no category".into())
        }
        PositionScope::Categories { names, .. } | PositionScope::Matching { names, .. }
            if names.iter().any(|n| n.trim().is_empty()) =>
        {
            Err("compared_with has an empty name, which every position would match".into())
        }
        PositionScope::Matching { names, rank_codes }
            if names.is_empty() && rank_codes.is_empty() =>
        {
            Err("compared_with names no position name or rank code".into())
        }
        _ => Ok(()),
    }
}

/// No two rules may cover the same unit type on the same day, or the pick would be arbitrary.
fn check_no_overlap(files: &[(&str, &str)], packs: &[NormPack]) -> Result<(), NormPackError> {
    let rules: Vec<(usize, &Rule<NormParams>)> = packs
        .iter()
        .enumerate()
        .flat_map(|(i, pack)| pack.rules.iter().map(move |rule| (i, rule)))
        .collect();
    for (n, (file, a)) in rules.iter().enumerate() {
        for (_, b) in rules.iter().skip(n + 1) {
            let file = files.get(*file).map(|f| f.0).unwrap_or_default().to_owned();
            if a.id == b.id {
                return Err(NormPackError::Invalid {
                    file,
                    rule: a.id.clone(),
                    message: "the id is used twice".into(),
                });
            }
            let shared = a
                .params
                .unit_types()
                .iter()
                .any(|t| b.params.unit_types().contains(t));
            let a_ends = a.applies_to.is_none_or(|end| end >= b.applies_from);
            let b_ends = b.applies_to.is_none_or(|end| end >= a.applies_from);
            if shared && a_ends && b_ends {
                return Err(NormPackError::Invalid {
                    file,
                    rule: a.id.clone(),
                    message: format!("covers the same unit type on the same days as {}", b.id),
                });
            }
        }
    }
    Ok(())
}
