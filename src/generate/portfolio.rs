//! A synthetic portfolio: one plan file per agency of a province, drawn from a seed.
//!
//! Agencies are of the kinds a Sở Nội vụ receives: provincial departments (sở, with their
//! divisions), commune People's Committees (with their office and divisions) and public
//! service units (schools, health stations, service centres). Staff are shared out by the size
//! of each kind so that the portfolio holds [`super::STAFF_PER_UNIT`] staff per agency in all:
//! 1,000 agencies hold 25,583 people, as the province in one plan does.

use std::path::PathBuf;

use super::{STAFF_PER_UNIT, positions, staff, synthetic_plan};
use crate::model::{Plan, Unit, UnitType};

/// What to generate.
#[derive(Debug, Clone, Copy)]
pub struct PortfolioSpec {
    pub agencies: usize,
    pub seed: u64,
    /// Total staff; `None` gives [`STAFF_PER_UNIT`] per agency.
    pub staff: Option<usize>,
}

/// One agency's plan and where it goes under the portfolio's folder.
#[derive(Debug, Clone, PartialEq)]
pub struct AgencyPlan {
    /// `so/so-01.ron`, `xa/xa-0002.ron`, `dvsn/dvsn-0003.ron`.
    pub relative: PathBuf,
    pub plan: Plan,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Department,
    Commune,
    ServiceUnit,
}

impl Kind {
    /// One agency in fifty is a sở, one in five a commune, the rest public service units.
    fn of(index: usize) -> Kind {
        if index.is_multiple_of(50) {
            Kind::Department
        } else if index % 5 == 1 {
            Kind::Commune
        } else {
            Kind::ServiceUnit
        }
    }

    /// How many staff an agency of this kind holds, relative to the others.
    fn weight(self) -> f64 {
        match self {
            Kind::Department => 8.0,
            Kind::Commune => 2.5,
            Kind::ServiceUnit => 0.55,
        }
    }

    fn folder(self) -> &'static str {
        match self {
            Kind::Department => "so",
            Kind::Commune => "xa",
            Kind::ServiceUnit => "dvsn",
        }
    }
}

const DEPARTMENTS: [&str; 12] = [
    "Sở Tài chính",
    "Sở Nội vụ",
    "Sở Tư pháp",
    "Sở Xây dựng",
    "Sở Y tế",
    "Sở Giáo dục và Đào tạo",
    "Sở Nông nghiệp và Môi trường",
    "Sở Công Thương",
    "Sở Khoa học và Công nghệ",
    "Sở Văn hóa, Thể thao và Du lịch",
    "Sở Dân tộc và Tôn giáo",
    "Văn phòng Ủy ban nhân dân tỉnh",
];

const SERVICE_UNITS: [(UnitType, &str); 5] = [
    (UnitType::PrimarySchool, "Trường Tiểu học"),
    (UnitType::LowerSecondarySchool, "Trường Trung học cơ sở"),
    (UnitType::Kindergarten, "Trường Mầm non"),
    (UnitType::CommuneHealthStation, "Trạm Y tế"),
    (UnitType::PublicServiceUnit, "Trung tâm Dịch vụ nông nghiệp"),
];

/// The staff of each agency: `total` shared by weight, the largest remainders rounded up.
fn shares(kinds: &[Kind], total: usize) -> Vec<usize> {
    let weights: f64 = kinds.iter().map(|k| k.weight()).sum();
    if weights <= 0.0 {
        return vec![0; kinds.len()];
    }
    let exact: Vec<f64> = kinds
        .iter()
        .map(|k| k.weight() / weights * total as f64)
        .collect();
    let mut shares: Vec<usize> = exact.iter().map(|e| e.floor() as usize).collect();
    let mut left = total.saturating_sub(shares.iter().sum());
    let mut order: Vec<usize> = (0..kinds.len()).collect();
    order.sort_by(|&a, &b| {
        let (ra, rb) = (exact[a] - exact[a].floor(), exact[b] - exact[b].floor());
        rb.total_cmp(&ra).then(a.cmp(&b))
    });
    for index in order {
        if left == 0 {
            break;
        }
        if let Some(share) = shares.get_mut(index) {
            *share += 1;
            left -= 1;
        }
    }
    shares
}

/// The units of one agency: its root and the divisions of its kind.
fn units(kind: Kind, index: usize, rng: &mut fastrand::Rng) -> (String, Vec<Unit>) {
    let root = |unit_type, name: String| Unit {
        unit_type,
        ..Unit::new("u0", None, name)
    };
    let child = |n: usize, unit_type, name: String| Unit {
        unit_type,
        ..Unit::new(format!("u{n}"), Some("u0".to_owned()), name)
    };
    match kind {
        Kind::Department => {
            let name = DEPARTMENTS[(index / 50) % DEPARTMENTS.len()].to_owned();
            let name = if index / 50 >= DEPARTMENTS.len() {
                format!("{name} ({})", index / 50 / DEPARTMENTS.len() + 1)
            } else {
                name
            };
            let mut units = vec![
                root(UnitType::ProvincialDepartment, name.clone()),
                child(1, UnitType::DepartmentOffice, "Văn phòng sở".to_owned()),
                child(
                    2,
                    UnitType::DepartmentInspectorate,
                    "Thanh tra sở".to_owned(),
                ),
            ];
            for n in 3..3 + rng.usize(2..5) {
                units.push(child(
                    n,
                    UnitType::DepartmentDivision,
                    format!("Phòng chuyên môn số {}", n - 2),
                ));
            }
            (name, units)
        }
        Kind::Commune => {
            let name = format!("Ủy ban nhân dân xã số {index}");
            let units = vec![
                root(UnitType::CommuneCommittee, name.clone()),
                child(
                    1,
                    UnitType::CommuneOffice,
                    "Văn phòng HĐND và UBND".to_owned(),
                ),
                child(2, UnitType::CommuneDivision, "Phòng Kinh tế".to_owned()),
                child(
                    3,
                    UnitType::CommuneDivision,
                    "Phòng Văn hóa - Xã hội".to_owned(),
                ),
            ];
            (name, units)
        }
        Kind::ServiceUnit => {
            let (unit_type, base) = SERVICE_UNITS[rng.usize(0..SERVICE_UNITS.len())];
            let name = format!("{base} số {index}");
            (name.clone(), vec![root(unit_type, name)])
        }
    }
}

/// Draws the plans of a portfolio, in file order. Each validates.
pub fn portfolio(spec: PortfolioSpec) -> Vec<AgencyPlan> {
    let mut rng = fastrand::Rng::with_seed(spec.seed);
    let kinds: Vec<Kind> = (0..spec.agencies).map(Kind::of).collect();
    let total = spec
        .staff
        .unwrap_or_else(|| (spec.agencies as f64 * STAFF_PER_UNIT).round() as usize);
    let shares = shares(&kinds, total);
    kinds
        .iter()
        .zip(shares)
        .enumerate()
        .map(|(index, (&kind, people))| {
            let (agency, mut units) = units(kind, index, &mut rng);
            if let Some(root) = units.first_mut() {
                root.quota = Some(people as u32 + rng.u32(0..4));
            }
            let positions = positions(&mut rng, &units);
            let staff = staff(&mut rng, &positions, people);
            let plan = synthetic_plan(
                format!("Đề án vị trí việc làm của {agency}"),
                agency,
                units,
                positions,
                staff,
            );
            AgencyPlan {
                relative: PathBuf::from(kind.folder())
                    .join(format!("{}-{index:04}.ron", kind.folder())),
                plan,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_province_is_a_thousand_agencies_and_25583_staff() {
        let plans = portfolio(PortfolioSpec {
            agencies: 1_000,
            seed: 3,
            staff: None,
        });
        assert_eq!(plans.len(), 1_000);
        let staff: usize = plans.iter().map(|a| a.plan.staff.len()).sum();
        assert_eq!(staff, 25_583);
        let departments = plans
            .iter()
            .filter(|a| a.relative.starts_with("so"))
            .count();
        let communes = plans
            .iter()
            .filter(|a| a.relative.starts_with("xa"))
            .count();
        assert_eq!((departments, communes), (20, 200));
        assert!(
            plans
                .iter()
                .all(|a| crate::validation::validate(&a.plan).is_empty())
        );
        let again = portfolio(PortfolioSpec {
            agencies: 1_000,
            seed: 3,
            staff: None,
        });
        assert_eq!(plans, again);
    }
}
