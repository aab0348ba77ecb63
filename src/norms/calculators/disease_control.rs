//! Provincial disease-control centres (TT 03/2023/TT-BYT): a figure by the province's population
//! band, add-ons for international quarantine, border gates and industrial zones, and a factor
//! for mountainous provinces applied after or before the add-ons as the rule's `factor_order`
//! says (the law leaves the order open). The figure is compared with the whole centre.

use crate::language::{Language, Text};
use crate::norms::assessment::{Driver, NormFigure};
use crate::norms::drivers::DriverReader;
use crate::norms::params::{Bound, DiseaseControlNorm, FactorOrder, PopulationBand};

use super::{Computed, Context, FigureFrame, finish, num, number};

pub(super) fn figure(ctx: &Context, norm: &DiseaseControlNorm) -> NormFigure {
    let frame = FigureFrame {
        key: "nguoi_lam_viec".into(),
        label: Text::new("Người làm việc", "Staff"),
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
    reader.parameter(
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
                reader.parameter(
                    Text::new("Mức theo dân số", "Figure by population"),
                    Text::from_fn(|l| {
                        let (staff, band) = (num(l, staff), band_text.get(l));
                        match l {
                            Language::Vietnamese => format!("{staff} người (dân số {band})"),
                            Language::English => format!("{staff} people (population {band})"),
                        }
                    }),
                );
                let mut add_ons: Vec<(Text, f64)> = Vec::new();
                if quarantine {
                    let value = f64::from(norm.international_quarantine);
                    reader.parameter(
                        Text::new(
                            "Cộng thêm: kiểm dịch y tế quốc tế",
                            "Added: international health quarantine",
                        ),
                        number(value),
                    );
                    add_ons.push((number(value), value));
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
                        Text::from_fn(|l| {
                            format!(
                                "{} × {} = {}",
                                norm.per_border_gate,
                                num(l, gates),
                                num(l, value)
                            )
                        }),
                    );
                    add_ons.push((
                        Text::from_fn(|l| format!("{} × {}", norm.per_border_gate, num(l, gates))),
                        value,
                    ));
                }
                if industrial {
                    let value = f64::from(norm.industrial_zones);
                    reader.parameter(
                        Text::new("Cộng thêm: khu công nghiệp", "Added: industrial zones"),
                        number(value),
                    );
                    add_ons.push((number(value), value));
                }
                if mountainous {
                    reader.parameter(
                        Text::new("Hệ số miền núi", "Mountain factor"),
                        number(norm.mountainous_factor),
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
fn band(bands: &[PopulationBand], population: f64) -> Option<(f64, Text)> {
    let mut lower: Option<u64> = None;
    for band in bands {
        let fits = band.up_to.is_none_or(|up_to| population <= up_to as f64);
        if fits {
            let text = Text::from_fn(|l| {
                let n = |v: u64| num(l, v as f64);
                match (l, lower, band.up_to) {
                    (Language::Vietnamese, None, Some(up_to)) => format!("đến {}", n(up_to)),
                    (Language::English, None, Some(up_to)) => format!("up to {}", n(up_to)),
                    (Language::Vietnamese, Some(low), Some(up_to)) => {
                        format!("trên {} đến {}", n(low), n(up_to))
                    }
                    (Language::English, Some(low), Some(up_to)) => {
                        format!("above {} up to {}", n(low), n(up_to))
                    }
                    (Language::Vietnamese, Some(low), None) => format!("trên {}", n(low)),
                    (Language::English, Some(low), None) => format!("above {}", n(low)),
                    (Language::Vietnamese, None, None) => "mọi mức".to_owned(),
                    (Language::English, None, None) => "any size".to_owned(),
                }
            });
            return Some((f64::from(band.staff), text));
        }
        lower = band.up_to;
    }
    None
}

/// The figure and its formula: `(150 + 5 × 3) × 1,3 = 214,5`.
fn combine(
    base: f64,
    add_ons: &[(Text, f64)],
    factor: Option<f64>,
    order: FactorOrder,
) -> (f64, Text) {
    let sum: f64 = add_ons.iter().map(|(_, v)| v).sum();
    let plus = |l: Language, head: String| {
        std::iter::once(head)
            .chain(add_ons.iter().map(|(t, _)| t.get(l).to_owned()))
            .collect::<Vec<_>>()
            .join(" + ")
    };
    match (factor, order) {
        (None, _) => {
            let total = base + sum;
            let formula = Text::from_fn(|l| match (l, add_ons.is_empty()) {
                (Language::Vietnamese, true) => format!("{} (mức theo dân số)", num(l, total)),
                (Language::English, true) => format!("{} (figure by population)", num(l, total)),
                (_, false) => format!("{} = {}", plus(l, num(l, base)), num(l, total)),
            });
            (total, formula)
        }
        (Some(f), FactorOrder::AfterAddOns) => {
            let total = (base + sum) * f;
            let formula = Text::from_fn(|l| {
                let inner = if add_ons.is_empty() {
                    num(l, base)
                } else {
                    format!("({})", plus(l, num(l, base)))
                };
                format!("{inner} × {} = {}", num(l, f), num(l, total))
            });
            (total, formula)
        }
        (Some(f), FactorOrder::BeforeAddOns) => {
            let total = base * f + sum;
            let formula = Text::from_fn(|l| {
                let head = format!("{} × {}", num(l, base), num(l, f));
                format!("{} = {}", plus(l, head), num(l, total))
            });
            (total, formula)
        }
    }
}
