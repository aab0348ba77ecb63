//! Communes, townships and wards before the 2025 reform (ND 33/2023/NĐ-CP): a figure by kind
//! (ward, or commune and township) and class, plus one civil servant for each full step of
//! population above the standard of the unit's setting. Compared with the whole unit.

use crate::language::{Language, Text};
use crate::norms::assessment::{Driver, NormFigure};
use crate::norms::drivers::DriverReader;
use crate::norms::params::{Bound, CommuneNorm};

use super::{Computed, Context, FigureFrame, finish, full_times, num, number};

pub(super) fn figure(ctx: &Context, norm: &CommuneNorm) -> NormFigure {
    let frame = FigureFrame {
        key: "can_bo_cong_chuc".into(),
        label: Text::new(
            "Cán bộ, công chức cấp xã",
            "Commune cadres and civil servants",
        ),
        legal_basis: ctx.legal_basis(""),
        bound: norm.bound,
        compared_with: ctx.subtree.compare(&norm.compared_with, &[]),
    };
    let mut reader = DriverReader::new(ctx.unit);
    let class = reader.number(Driver::CommuneClass);
    let population = reader.number(Driver::Population);
    let setting = reader.commune_setting();
    let base_row = norm.base.iter().find(|b| b.unit_type == ctx.unit.unit_type);
    let base = class.and_then(|c| Some((c as u8, base_row?.by_class.get(c as u8)?)));
    if class.is_some() && base.is_none() && !reader.missing.contains(&Driver::CommuneClass) {
        // A class other than I, II or III gives no figure: it is as good as missing.
        reader.missing.push(Driver::CommuneClass);
    }
    let step = setting.and_then(|s| norm.population_steps.iter().find(|p| p.setting == s));
    if setting.is_some() && step.is_none() && !reader.missing.contains(&Driver::CommuneSetting) {
        reader.missing.push(Driver::CommuneSetting);
    }
    let computed = match (base, base_row, population, step) {
        (Some((class, base)), Some(row), Some(population), Some(step)) => {
            let base = f64::from(base);
            let standard = step.standard as f64;
            let roman = ["I", "II", "III"]
                .get(usize::from(class.saturating_sub(1)))
                .copied()
                .unwrap_or("?");
            let label = row.label_text();
            reader.parameter(
                Text::new(
                    format!("Mức theo loại ({} loại {roman})", label.vi),
                    format!("Figure by class ({} class {roman})", label.en),
                ),
                number(base),
            );
            let legal_basis = ctx.legal_basis(&norm.population_clause);
            reader.parameter(
                Text::new(
                    format!(
                        "Quy mô dân số tiêu chuẩn ({})",
                        step.setting.label_vi().to_lowercase()
                    ),
                    format!(
                        "Standard population ({})",
                        step.setting.label_en().to_lowercase()
                    ),
                ),
                Text::from_fn(|l| {
                    let (standard, step) = (num(l, standard), num(l, step.step as f64));
                    match l {
                        Language::Vietnamese => format!(
                            "{standard} người; cứ thêm đủ {step} người thêm 01 công chức \
                             ({legal_basis})"
                        ),
                        Language::English => format!(
                            "{standard} people; one more civil servant for each full {step} \
                             people ({legal_basis})"
                        ),
                    }
                }),
            );
            let head = |l: Language| {
                let base = num(l, base);
                match l {
                    Language::Vietnamese => format!("{} loại {roman}: {base}", label.vi),
                    Language::English => format!("{} class {roman}: {base}", label.en),
                }
            };
            let (total, formula) = if population > standard {
                let above = population - standard;
                let (extra, division) = full_times(&number(above), above, step.step as f64);
                let formula = Text::from_fn(|l| {
                    let n = |v| num(l, v);
                    let (head, division) = (head(l), division.get(l));
                    match l {
                        Language::Vietnamese => format!(
                            "{head}; dân số {} vượt quy mô tiêu chuẩn {} là {}: {division}; \
                             tổng {} + {} = {}",
                            n(population),
                            n(standard),
                            n(above),
                            n(base),
                            n(extra),
                            n(base + extra)
                        ),
                        Language::English => format!(
                            "{head}; population {} above the standard of {} by {}: {division}; \
                             total {} + {} = {}",
                            n(population),
                            n(standard),
                            n(above),
                            n(base),
                            n(extra),
                            n(base + extra)
                        ),
                    }
                });
                (base + extra, formula)
            } else {
                let formula = Text::from_fn(|l| {
                    let n = |v| num(l, v);
                    let head = head(l);
                    match l {
                        Language::Vietnamese => format!(
                            "{head}; dân số {} không vượt quy mô tiêu chuẩn {}",
                            n(population),
                            n(standard)
                        ),
                        Language::English => format!(
                            "{head}; population {} not above the standard of {}",
                            n(population),
                            n(standard)
                        ),
                    }
                });
                (base, formula)
            };
            let (minimum, maximum) = match norm.bound {
                Bound::Minimum => (Some(total), None),
                Bound::Maximum => (None, Some(total)),
                Bound::Both => (Some(total), Some(total)),
            };
            Some(Computed {
                minimum,
                maximum,
                formula,
            })
        }
        _ => None,
    };
    finish(frame, reader, computed)
}
