//! Synthetic plans at province and national scale, for benchmarks and trials.
//!
//! A plan is drawn from a seed, so the same seed always gives the same plan. Per unit it has
//! about 6 positions (the first ones fixed leadership), about 10 workload components per
//! position, and about 25.6 staff: 1,000 units give a province (~6,000 positions, ~60,000
//! components, 25,583 staff), 100,000 units a whole country.

mod names;
mod portfolio;

pub use portfolio::{AgencyPlan, PortfolioSpec, portfolio};

use crate::model::{
    BirthDate, Calendar, Category, CivilDate, Component, ComponentKind, Method, Period,
    PersonalFields, Plan, PlanMeta, Position, Rounding, Sex, StaffMember, SupportAmount, Unit,
};

/// Staff per unit in the province benchmark (25,583 people over 1,000 units).
pub const STAFF_PER_UNIT: f64 = 25.583;

/// What to generate.
#[derive(Debug, Clone, Copy)]
pub struct Spec {
    pub units: usize,
    pub seed: u64,
    /// Total staff; `None` gives [`STAFF_PER_UNIT`] per unit.
    pub staff: Option<usize>,
}

impl Spec {
    pub fn province(seed: u64) -> Self {
        Spec {
            units: 1_000,
            seed,
            staff: None,
        }
    }

    pub fn national(seed: u64) -> Self {
        Spec {
            units: 100_000,
            seed,
            staff: None,
        }
    }
}

/// Draws a synthetic plan. Its ids are unique and its references resolve, so it validates.
pub fn generate(spec: Spec) -> Plan {
    let mut rng = fastrand::Rng::with_seed(spec.seed);
    let units = units(&mut rng, spec.units);
    let positions = positions(&mut rng, &units);
    let staff_total = spec
        .staff
        .unwrap_or_else(|| (spec.units as f64 * STAFF_PER_UNIT).round() as usize);
    let staff = staff(&mut rng, &positions, staff_total);
    synthetic_plan(
        format!("Đề án vị trí việc làm tổng hợp ({} đơn vị)", spec.units),
        "Ủy ban nhân dân tỉnh (dữ liệu mô phỏng)".to_owned(),
        units,
        positions,
        staff,
    )
}

/// A generated plan of 2026 under the generator's calendars.
fn synthetic_plan(
    name: String,
    agency: String,
    units: Vec<Unit>,
    positions: Vec<Position>,
    staff: Vec<StaffMember>,
) -> Plan {
    Plan {
        meta: PlanMeta {
            name,
            agency,
            year: Some(2026),
            ..PlanMeta::default()
        },
        rounding: Rounding::Nearest,
        calendars: calendars(),
        units,
        positions,
        staff,
        ..Plan::default()
    }
}

/// The calendars positions are drawn under: the Vietnamese default and a health one.
fn calendars() -> Vec<Calendar> {
    let doctors = Calendar {
        id: "y-te".to_owned(),
        name: "Lịch trực y tế".to_owned(),
        annual_leave: 15.0,
        sick_leave: 5.0,
        ..Calendar::vietnamese_default()
    };
    vec![Calendar::vietnamese_default(), doctors]
}

/// A tree where unit i hangs under unit (i - 1) / 8: a few levels deep even at 100,000 units.
fn units(rng: &mut fastrand::Rng, count: usize) -> Vec<Unit> {
    (0..count)
        .map(|i| {
            let parent = (i > 0).then(|| format!("u{}", (i - 1) / 8));
            let (unit_type, base) = names::unit_kind(i, rng);
            Unit {
                unit_type,
                quota: (i % 3 == 0).then(|| rng.u32(10..40)),
                ..Unit::new(format!("u{i}"), parent, format!("{base} số {i}"))
            }
        })
        .collect()
}

fn positions(rng: &mut fastrand::Rng, units: &[Unit]) -> Vec<Position> {
    let mut positions = Vec::with_capacity(units.len() * 6);
    let mut component_seq = 0usize;
    for unit in units {
        let count = rng.usize(3..=9);
        for k in 0..count {
            let id = format!("{}-p{k}", unit.id);
            let leadership = k < 2;
            let mut position = Position {
                category: if leadership {
                    Category::Leadership
                } else {
                    [
                        Category::Specialized,
                        Category::Specialized,
                        Category::Shared,
                        Category::Support,
                    ][rng.usize(0..4)]
                },
                rank_code: names::rank_code(rng).to_owned(),
                method: if leadership {
                    Method::Fixed
                } else {
                    Method::Workload
                },
                count: if leadership { 1 + k as u32 } else { 0 },
                min: None,
                max: None,
                calendar: (rng.u8(0..10) == 0).then(|| "y-te".to_owned()),
                ..Position::new(id, unit.id.clone(), names::position_name(k, rng))
            };
            // Leadership holds few components; workload positions carry the ~10 per position.
            let components = if leadership {
                rng.usize(0..3)
            } else {
                rng.usize(10..=19)
            };
            for c in 0..components {
                component_seq += 1;
                position.components.push(component(rng, component_seq, c));
            }
            positions.push(position);
        }
    }
    positions
}

fn component(rng: &mut fastrand::Rng, seq: usize, index: usize) -> Component {
    let kind = match (index, rng.u8(0..20)) {
        (1, _) => ComponentKind::Support(SupportAmount::Percent(f64::from(rng.u8(5..15)))),
        (_, 0) => ComponentKind::Support(SupportAmount::Time {
            minutes: f64::from(rng.u16(30..240)),
            per: Period::Week,
        }),
        (_, 1) => ComponentKind::Additional {
            minutes: f64::from(rng.u16(30..600)),
            per: [Period::Day, Period::Week, Period::Month, Period::Year][rng.usize(0..4)],
            staff: f64::from(rng.u8(1..4)),
        },
        (_, 2) => ComponentKind::Norm {
            volume: f64::from(rng.u8(1..30)),
            ratio: 0.05,
        },
        _ => ComponentKind::Service {
            volume: f64::from(rng.u32(20..1_500)),
            minutes_per_item: f64::from(rng.u16(5..240)),
            coefficient: [1.0, 1.0, 1.0, 1.2, 1.5][rng.usize(0..5)],
        },
    };
    Component {
        id: format!("c{seq}"),
        name: names::task_name(rng).to_owned(),
        code: (rng.u8(0..4) == 0).then(|| format!("1.{:06}", rng.u32(0..10_000))),
        kind,
    }
}

fn staff(rng: &mut fastrand::Rng, positions: &[Position], total: usize) -> Vec<StaffMember> {
    if positions.is_empty() {
        return Vec::new();
    }
    (0..total)
        .map(|i| {
            let position = &positions[rng.usize(0..positions.len())];
            let mut personal = PersonalFields::new();
            personal.insert("full_name".to_owned(), names::person_name(rng));
            let year = rng.u16(1965..2002);
            let fte = if rng.u8(0..20) == 0 { 0.5 } else { 1.0 };
            // Most records have the full date, some the year alone, a few nothing.
            let birth_date = match rng.u8(0..50) {
                0 => None,
                1..=5 => Some(BirthDate::Year(year)),
                _ => CivilDate::new(year, rng.u8(1..13), rng.u8(1..29)).map(BirthDate::Day),
            };
            let sex = Some(if rng.bool() { Sex::Male } else { Sex::Female });
            StaffMember {
                id: format!("s{i}"),
                unit_id: position.unit_id.clone(),
                position_id: Some(position.id.clone()),
                rank_code: position.rank_code.clone(),
                fte,
                birth_date,
                sex,
                retires_on: None,
                personal,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_seed_same_plan_and_sizes_are_on_target() {
        let a = generate(Spec {
            units: 100,
            seed: 7,
            staff: None,
        });
        let b = generate(Spec {
            units: 100,
            seed: 7,
            staff: None,
        });
        assert_eq!(a, b);
        assert_eq!(a.units.len(), 100);
        assert_eq!(a.staff.len(), 2558);
        let positions = a.positions.len() as f64 / 100.0;
        assert!(
            (5.0..=7.0).contains(&positions),
            "{positions} positions per unit"
        );
        let components: usize = a.positions.iter().map(|p| p.components.len()).sum();
        let per_position = components as f64 / a.positions.len() as f64;
        assert!(
            (8.0..=12.0).contains(&per_position),
            "{per_position} components per position"
        );
    }
}
