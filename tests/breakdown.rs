//! Breakdowns on a hand-built plan, every figure worked out by hand.
//!
//! The plan: a department `so` with divisions `p1` and `p2`, and `p2a` under `p2`. Norm
//! components give round FTEs (volume x ratio 1), the policy rounds half up:
//!
//! | position | unit | category    | rank   | FTE | required | staff (FTE, rank)                 |
//! |----------|------|-------------|--------|-----|----------|-----------------------------------|
//! | gd       | so   | leadership  | 01.001 | 1   | 1 fixed  | s1 (1, 01.001)                    |
//! | p1-a     | p1   | specialized | 01.003 | 2.5 | 3        | s2 (1, 01.003), s3 (1, 01.002)    |
//! | p1-b     | p1   | shared      | 01.002 | 1.2 | 1        | s4 (0.5, 01.002)                  |
//! | p2-a     | p2   | specialized | 01.003 | 3.6 | 4        | s5 (1, 01.003)                    |
//! | p2a-x    | p2a  | support     | (none) | 0.4 | 0        | s7 (1, no rank)                   |
//!
//! and s6 (1, 01.003) in `p2` without a position.

use vtvl::engine::{self, Breakdown, BreakdownError, Figures, PlanResults};
use vtvl::model::{Category, Component, ComponentKind, Method, Plan, Position, StaffMember, Unit};

const EPS: f64 = 1e-9;

fn unit(id: &str, parent: Option<&str>) -> Unit {
    Unit {
        id: id.into(),
        parent_id: parent.map(Into::into),
        name: format!("Đơn vị {id}"),
        ..Default::default()
    }
}

fn position(id: &str, unit: &str, category: Category, rank: &str, norm: Option<f64>) -> Position {
    Position {
        id: id.into(),
        unit_id: unit.into(),
        name: format!("Vị trí {id}"),
        category,
        rank_code: rank.into(),
        method: if norm.is_some() {
            Method::Workload
        } else {
            Method::Fixed
        },
        count: if norm.is_some() { 0 } else { 1 },
        min: None,
        max: None,
        calendar: None,
        components: norm
            .map(|volume| Component {
                id: format!("{id}-c"),
                name: "Định mức".into(),
                code: None,
                kind: ComponentKind::Norm { volume, ratio: 1.0 },
            })
            .into_iter()
            .collect(),
        proposed: None,
        ..Default::default()
    }
}

fn staff(id: &str, unit: &str, position: Option<&str>, rank: &str, fte: f64) -> StaffMember {
    StaffMember {
        id: id.into(),
        unit_id: unit.into(),
        position_id: position.map(Into::into),
        rank_code: rank.into(),
        fte,
        birth_date: None,
        sex: None,
        retires_on: None,
        personal: Default::default(),
    }
}

fn department() -> Plan {
    use Category::*;
    Plan {
        units: vec![
            unit("so", None),
            unit("p1", Some("so")),
            unit("p2", Some("so")),
            unit("p2a", Some("p2")),
        ],
        positions: vec![
            position("gd", "so", Leadership, "01.001", None),
            position("p1-a", "p1", Specialized, "01.003", Some(2.5)),
            position("p1-b", "p1", Shared, "01.002", Some(1.2)),
            position("p2-a", "p2", Specialized, "01.003", Some(3.6)),
            position("p2a-x", "p2a", Support, "", Some(0.4)),
        ],
        staff: vec![
            staff("s1", "so", Some("gd"), "01.001", 1.0),
            staff("s2", "p1", Some("p1-a"), "01.003", 1.0),
            staff("s3", "p1", Some("p1-a"), "01.002", 1.0),
            staff("s4", "p1", Some("p1-b"), "01.002", 0.5),
            staff("s5", "p2", Some("p2-a"), "01.003", 1.0),
            staff("s6", "p2", None, "01.003", 1.0),
            staff("s7", "p2a", Some("p2a-x"), "", 1.0),
        ],
        ..Plan::default()
    }
}

fn compute(plan: &Plan) -> PlanResults {
    assert!(vtvl::validation::validate(plan).is_empty(), "valid plan");
    engine::compute(plan).expect("compute")
}

fn breakdown(plan: &Plan, unit: Option<&str>) -> Breakdown {
    engine::breakdown(plan, &compute(plan), unit).expect("breakdown")
}

#[track_caller]
fn assert_figures(figures: &Figures, required_fte: f64, required: i64, current: f64) {
    assert!(
        (figures.required_fte - required_fte).abs() < EPS,
        "required FTE {} != {required_fte}",
        figures.required_fte
    );
    assert_eq!(figures.required, required, "required");
    assert!(
        (figures.current - current).abs() < EPS,
        "current {} != {current}",
        figures.current
    );
    assert!(
        (figures.difference - (current - required as f64)).abs() < EPS,
        "difference {}",
        figures.difference
    );
    match figures.ratio {
        Some(ratio) => assert!(
            (ratio - current / required_fte).abs() < EPS,
            "ratio {ratio}"
        ),
        None => assert_eq!(required_fte, 0.0, "ratio missing"),
    }
}

#[test]
fn whole_plan_with_one_root_is_broken_down_by_the_roots_sub_units() {
    let b = breakdown(&department(), None);
    assert_eq!(b.unit_id.as_deref(), Some("so"));
    // 1 + 3.7 + 4.0 FTE; 1 + 4 + 4 people; 1 + 2.5 + 3 staff.
    assert_figures(&b.total, 8.7, 9, 6.5);
    let ids: Vec<&str> = b.units.iter().map(|u| u.id.as_str()).collect();
    assert_eq!(ids, ["p1", "p2"]);
    assert_eq!(b.units[0].name, "Đơn vị p1");
    // p1: 2.5 + 1.2 FTE, 3 + 1 people, s2 + s3 + s4 = 2.5 staff.
    assert_figures(&b.units[0].figures, 3.7, 4, 2.5);
    // p2 with p2a: 3.6 + 0.4 FTE, 4 + 0 people, s5 + s6 + s7 = 3 staff.
    assert_figures(&b.units[1].figures, 4.0, 4, 3.0);
    // The director's position and s1 sit in `so` itself.
    assert_figures(&b.own.expect("own positions"), 1.0, 1, 1.0);
}

#[test]
fn categories_sum_position_figures_and_leave_unassigned_staff_apart() {
    let b = breakdown(&department(), None);
    let categories: Vec<Category> = b.categories.iter().map(|c| c.category).collect();
    assert_eq!(
        categories,
        [
            Category::Leadership,
            Category::Specialized,
            Category::Shared,
            Category::Support
        ]
    );
    let counts: Vec<usize> = b.categories.iter().map(|c| c.positions).collect();
    assert_eq!(counts, [1, 2, 1, 1]);
    assert_figures(&b.categories[0].figures, 1.0, 1, 1.0);
    // p1-a and p2-a: 2.5 + 3.6 FTE, 3 + 4 people, 2 + 1 staff: ratio 3 / 6.1.
    assert_figures(&b.categories[1].figures, 6.1, 7, 3.0);
    assert!((b.categories[1].figures.ratio.unwrap() - 0.491_803_278_688_524_6).abs() < EPS);
    assert_figures(&b.categories[2].figures, 1.2, 1, 0.5);
    assert_figures(&b.categories[3].figures, 0.4, 0, 1.0);
    // s6 holds no position.
    assert!((b.unassigned_current - 1.0).abs() < EPS);
}

#[test]
fn ranks_compare_positions_rank_with_staff_own_rank() {
    let b = breakdown(&department(), None);
    let codes: Vec<&str> = b.ranks.iter().map(|r| r.rank_code.as_str()).collect();
    assert_eq!(codes, ["01.001", "01.002", "01.003", ""]);
    assert_figures(&b.ranks[0].figures, 1.0, 1, 1.0);
    // p1-b asks for 01.002; s3 (holding p1-a) and s4 have it: 1 + 0.5.
    assert_figures(&b.ranks[1].figures, 1.2, 1, 1.5);
    // p1-a and p2-a ask for 01.003; s2, s5 and the unassigned s6 have it.
    assert_figures(&b.ranks[2].figures, 6.1, 7, 3.0);
    assert_figures(&b.ranks[3].figures, 0.4, 0, 1.0);
}

#[test]
fn pressure_lists_ratios_below_one_lowest_first() {
    let b = breakdown(&department(), None);
    let ids: Vec<&str> = b.pressure.iter().map(|p| p.position_id.as_str()).collect();
    // p2-a 1 / 3.6, p1-b 0.5 / 1.2, p1-a 2 / 2.5; gd (1) and p2a-x (2.5) are not under pressure.
    assert_eq!(ids, ["p2-a", "p1-b", "p1-a"]);
    let ratios: Vec<f64> = b.pressure.iter().map(|p| p.ratio).collect();
    for (ratio, expected) in ratios.iter().zip([1.0 / 3.6, 0.5 / 1.2, 0.8]) {
        assert!((ratio - expected).abs() < EPS, "{ratio} != {expected}");
    }
    let worst = &b.pressure[0];
    assert_eq!(worst.name, "Vị trí p2-a");
    assert_eq!(worst.unit_id, "p2");
    assert_eq!(worst.unit_name, "Đơn vị p2");
    assert_figures(&worst.figures, 3.6, 4, 1.0);
    assert!((worst.figures.difference + 3.0).abs() < EPS);
}

#[test]
fn a_unit_subtree_keeps_only_its_positions_and_staff() {
    let b = breakdown(&department(), Some("p2"));
    assert_eq!(b.unit_id.as_deref(), Some("p2"));
    assert_figures(&b.total, 4.0, 4, 3.0);
    let ids: Vec<&str> = b.units.iter().map(|u| u.id.as_str()).collect();
    assert_eq!(ids, ["p2a"]);
    assert_figures(&b.units[0].figures, 0.4, 0, 1.0);
    // p2-a with s5 and the unassigned s6, directly in p2.
    assert_figures(&b.own.expect("own positions"), 3.6, 4, 2.0);
    let categories: Vec<Category> = b.categories.iter().map(|c| c.category).collect();
    assert_eq!(categories, [Category::Specialized, Category::Support]);
    assert_figures(&b.categories[0].figures, 3.6, 4, 1.0);
    assert!((b.unassigned_current - 1.0).abs() < EPS);
    let codes: Vec<&str> = b.ranks.iter().map(|r| r.rank_code.as_str()).collect();
    assert_eq!(codes, ["01.003", ""]);
    assert_figures(&b.ranks[0].figures, 3.6, 4, 2.0);
    let pressure: Vec<&str> = b.pressure.iter().map(|p| p.position_id.as_str()).collect();
    assert_eq!(pressure, ["p2-a"]);
}

#[test]
fn a_leaf_unit_has_no_sub_units_and_everything_is_its_own() {
    let b = breakdown(&department(), Some("p1"));
    assert!(b.units.is_empty());
    assert_figures(&b.total, 3.7, 4, 2.5);
    assert_figures(&b.own.expect("own positions"), 3.7, 4, 2.5);
    assert_eq!(b.unassigned_current, 0.0);
    let pressure: Vec<&str> = b.pressure.iter().map(|p| p.position_id.as_str()).collect();
    assert_eq!(pressure, ["p1-b", "p1-a"]);
}

#[test]
fn several_roots_are_the_rows_of_the_whole_plan() {
    let mut plan = department();
    plan.units.push(unit("khac", None));
    // No workload and no staff: nothing required, so no ratio and no pressure.
    plan.positions
        .push(position("trong", "khac", Category::Shared, "", Some(0.0)));
    let b = breakdown(&plan, None);
    assert_eq!(b.unit_id, None);
    assert_eq!(b.own, None);
    let ids: Vec<&str> = b.units.iter().map(|u| u.id.as_str()).collect();
    assert_eq!(ids, ["so", "khac"]);
    assert_figures(&b.units[0].figures, 8.7, 9, 6.5);
    assert_figures(&b.units[1].figures, 0.0, 0, 0.0);
    assert_eq!(b.units[1].figures.ratio, None);
    assert_figures(&b.total, 8.7, 9, 6.5);
    assert_eq!(b.categories[2].positions, 2);
    assert!(b.pressure.iter().all(|p| p.position_id != "trong"));
}

#[test]
fn an_unknown_unit_is_an_error() {
    let plan = department();
    let err = engine::breakdown(&plan, &compute(&plan), Some("khong-co")).unwrap_err();
    assert!(matches!(err, BreakdownError::UnknownUnit(ref id) if id == "khong-co"));
    assert_eq!(err.to_string(), "no unit \"khong-co\" in the plan");
}
