//! Provincial disease-control centres (TT 03/2023/TT-BYT): a figure by the province's population
//! band, add-ons for international quarantine, border gates and industrial zones, and a factor
//! for mountainous provinces applied after or before the add-ons as the rule's `factor_order`
//! says (the law leaves the order open). The figure is compared with the whole centre.

use crate::language::Text;
use crate::norms::assessment::{Driver, NormFigure};
use crate::norms::drivers::DriverReader;
use crate::norms::params::{Bound, DiseaseControlNorm, FactorOrder, PopulationBand};

use super::{Computed, Context, FigureFrame, finish, num};

pub(super) fn figure(ctx: &Context, norm: &DiseaseControlNorm) -> NormFigure {
    let frame = FigureFrame {
        key: "nguoi_lam_viec".into(),
        label: "Người làm việc".into(),
        legal_basis: ctx.legal_basis(""),
        bound: norm.bound,
        compared_with: ctx.subtree.compare(&norm.compared_with, &[]),
    };
    let mut reader = DriverReader::new(ctx.unit);
    let population = reader.number(Driver::Population);
    let quarantine = reader.flag(Driver::InternationalQuarantine);
    let gates = reader.number(Driver::BorderGates);
    let industrial = reader.flag(Driver::IndustrialZones);
    let mountainous = reader.flag(Driver::Mountainous);
    reader.parameter_words(
        Text::new("Thứ tự tính hệ số miền núi", "Order of the mountain factor"),
        match norm.factor_order {
            FactorOrder::AfterAddOns => Text::new(
                "(mức theo dân số + phần cộng thêm) × hệ số",
                "(figure by population + additions) × factor",
            ),
            FactorOrder::BeforeAddOns => Text::new(
                "mức theo dân số × hệ số + phần cộng thêm",
                "figure by population × factor + additions",
            ),
        },
    );
    let computed = match (population, quarantine, gates, industrial, mountainous) {
        (Some(population), Some(quarantine), Some(gates), Some(industrial), Some(mountainous)) => {
            band(&norm.population_bands, population).map(|(staff, band_text)| {
                reader.parameter_words(
                    Text::new("Mức theo dân số", "Figure by population"),
                    Text::new(
                        format!("{} người (dân số {band_text})", num(staff)),
                        format!("{} people (population {band_text})", num(staff)),
                    ),
                );
                let mut add_ons: Vec<(String, f64)> = Vec::new();
                if quarantine {
                    let value = f64::from(norm.international_quarantine);
                    reader.parameter(
                        Text::new(
                            "Cộng thêm: kiểm dịch y tế quốc tế",
                            "Added: international health quarantine",
                        ),
                        num(value),
                    );
                    add_ons.push((num(value), value));
                }
                if gates >= f64::from(norm.border_gates_from) {
                    let value = f64::from(norm.per_border_gate) * gates;
                    reader.parameter(
                        Text::new(
                            format!(
                                "Cộng thêm: cửa khẩu quốc tế (từ {} cửa khẩu)",
                                norm.border_gates_from
                            ),
                            format!(
                                "Added: international border gates (from {} gates)",
                                norm.border_gates_from
                            ),
                        ),
                        format!("{} × {} = {}", norm.per_border_gate, num(gates), num(value)),
                    );
                    add_ons.push((format!("{} × {}", norm.per_border_gate, num(gates)), value));
                }
                if industrial {
                    let value = f64::from(norm.industrial_zones);
                    reader.parameter(
                        Text::new("Cộng thêm: khu công nghiệp", "Added: industrial zones"),
                        num(value),
                    );
                    add_ons.push((num(value), value));
                }
                if mountainous {
                    reader.parameter(
                        Text::new("Hệ số miền núi", "Mountain factor"),
                        num(norm.mountainous_factor),
                    );
                }
                let factor = mountainous.then_some(norm.mountainous_factor);
                let (total, formula) = combine(staff, &add_ons, factor, norm.factor_order);
                let (minimum, maximum) = match norm.bound {
                    Bound::Minimum => (Some(total), None),
                    Bound::Maximum => (None, Some(total)),
                    Bound::Both => (Some(total), Some(total)),
                };
                Computed {
                    minimum,
                    maximum,
                    formula,
                }
            })
        }
        _ => None,
    };
    finish(frame, reader, computed)
}

/// The staff of the band `population` falls in (upper ends inclusive), and the band in words.
fn band(bands: &[PopulationBand], population: f64) -> Option<(f64, String)> {
    let mut lower: Option<u64> = None;
    for band in bands {
        let fits = band.up_to.is_none_or(|up_to| population <= up_to as f64);
        if fits {
            let text = match (lower, band.up_to) {
                (None, Some(up_to)) => format!("đến {}", num(up_to as f64)),
                (Some(low), Some(up_to)) => {
                    format!("trên {} đến {}", num(low as f64), num(up_to as f64))
                }
                (Some(low), None) => format!("trên {}", num(low as f64)),
                (None, None) => "mọi mức".to_owned(),
            };
            return Some((f64::from(band.staff), text));
        }
        lower = band.up_to;
    }
    None
}

/// The figure and its formula: `(150 + 5 × 3) × 1,3 = 214,5`.
fn combine(
    base: f64,
    add_ons: &[(String, f64)],
    factor: Option<f64>,
    order: FactorOrder,
) -> (f64, String) {
    let sum: f64 = add_ons.iter().map(|(_, v)| v).sum();
    let terms: Vec<&str> = add_ons.iter().map(|(t, _)| t.as_str()).collect();
    let plus = |head: String| {
        std::iter::once(head.as_str())
            .chain(terms.iter().copied())
            .collect::<Vec<_>>()
            .join(" + ")
    };
    match (factor, order) {
        (None, _) => {
            let total = base + sum;
            if add_ons.is_empty() {
                (total, format!("{} (mức theo dân số)", num(total)))
            } else {
                (total, format!("{} = {}", plus(num(base)), num(total)))
            }
        }
        (Some(f), FactorOrder::AfterAddOns) => {
            let total = (base + sum) * f;
            let inner = if add_ons.is_empty() {
                num(base)
            } else {
                format!("({})", plus(num(base)))
            };
            (total, format!("{inner} × {} = {}", num(f), num(total)))
        }
        (Some(f), FactorOrder::BeforeAddOns) => {
            let total = base * f + sum;
            let head = format!("{} × {}", num(base), num(f));
            (total, format!("{} = {}", plus(head), num(total)))
        }
    }
}
