//! Communes, townships and wards before the 2025 reform (ND 33/2023/NĐ-CP): a figure by kind
//! (ward, or commune and township) and class, plus one civil servant for each full step of
//! population above the standard of the unit's setting. Compared with the whole unit.

use crate::language::Text;
use crate::norms::assessment::{Driver, NormFigure};
use crate::norms::drivers::DriverReader;
use crate::norms::params::{Bound, CommuneNorm};

use super::{Computed, Context, FigureFrame, finish, full_times, num};

pub(super) fn figure(ctx: &Context, norm: &CommuneNorm) -> NormFigure {
    let frame = FigureFrame {
        key: "can_bo_cong_chuc".into(),
        label: "Cán bộ, công chức cấp xã".into(),
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
            reader.parameter(
                Text::new(
                    format!("Mức theo loại ({} loại {roman})", row.label),
                    format!("Figure by class ({} class {roman})", row.label),
                ),
                num(base),
            );
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
                format!(
                    "{} người; cứ thêm đủ {} người thêm 01 công chức ({})",
                    num(standard),
                    num(step.step as f64),
                    ctx.legal_basis(&norm.population_clause)
                ),
            );
            let mut formula = format!("{} loại {roman}: {}", row.label, num(base));
            let total = if population > standard {
                let above = population - standard;
                let (extra, division) = full_times(&num(above), above, step.step as f64);
                formula.push_str(&format!(
                    "; dân số {} vượt quy mô tiêu chuẩn {} là {}: {division}; tổng {} + {} = {}",
                    num(population),
                    num(standard),
                    num(above),
                    num(base),
                    num(extra),
                    num(base + extra)
                ));
                base + extra
            } else {
                formula.push_str(&format!(
                    "; dân số {} không vượt quy mô tiêu chuẩn {}",
                    num(population),
                    num(standard)
                ));
                base
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
