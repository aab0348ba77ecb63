//! The arithmetic on hand-worked cases: every component kind and period, rounding at the .5
//! boundary, bounds, and roll-ups on a three-level tree.

use vtvl::engine::{self, PlanResults};
use vtvl::language::{Language, Localized};
use vtvl::model::{
    Appraisal, Calendar, Category, Component, ComponentKind, Decision, Employment, Method, Period,
    Plan, Position, Proposal, Review, Rounding, StaffMember, SupportAmount, Unit, UnitType,
};

const EPS: f64 = 1e-9;

fn unit(id: &str, parent: Option<&str>) -> Unit {
    Unit {
        id: id.into(),
        parent_id: parent.map(Into::into),
        name: format!("Đơn vị {id}"),
        ..Default::default()
    }
}

fn position(id: &str, unit: &str, kinds: Vec<ComponentKind>) -> Position {
    Position {
        id: id.into(),
        unit_id: unit.into(),
        name: format!("Vị trí {id}"),
        category: Category::Specialized,
        rank_code: "01.003".into(),
        method: Method::Workload,
        count: 0,
        min: None,
        max: None,
        calendar: None,
        components: kinds
            .into_iter()
            .enumerate()
            .map(|(i, kind)| Component {
                id: format!("{id}-c{i}"),
                name: format!("Công việc {i}"),
                code: None,
                kind,
            })
            .collect(),
        proposed: None,
        ..Default::default()
    }
}

fn staff(id: &str, unit: &str, position: &str, fte: f64) -> StaffMember {
    StaffMember {
        id: id.into(),
        unit_id: unit.into(),
        position_id: Some(position.into()),
        rank_code: String::new(),
        fte,
        birth_date: None,
        sex: None,
        retires_on: None,
        personal: Default::default(),
    }
}

fn service(volume: f64, minutes: f64, coefficient: f64) -> ComponentKind {
    ComponentKind::Service {
        volume,
        minutes_per_item: minutes,
        coefficient,
    }
}

fn norm(volume: f64, ratio: f64) -> ComponentKind {
    ComponentKind::Norm { volume, ratio }
}

fn plan_with(positions: Vec<Position>) -> Plan {
    Plan {
        units: vec![unit("root", None)],
        positions,
        ..Plan::default()
    }
}

fn compute(plan: &Plan) -> PlanResults {
    engine::compute(plan).expect("compute")
}

fn close(actual: f64, expected: f64) {
    assert!(
        (actual - expected).abs() < EPS,
        "expected {expected}, got {actual}"
    );
}

#[test]
fn service_hours_over_available_hours() {
    // 1,200 x 30 min = 600 h; 400 x 60 min x 1.5 = 600 h; 1,200 h / 1,896 h.
    let plan = plan_with(vec![position(
        "p",
        "root",
        vec![service(1200.0, 30.0, 1.0), service(400.0, 60.0, 1.5)],
    )]);
    let r = compute(&plan);
    let p = &r.positions[0];
    close(p.available_hours, 1896.0);
    close(p.service_fte, 1200.0 / 1896.0);
    close(p.caf, 1.0);
    close(p.iaf, 0.0);
    close(p.required_fte, 1200.0 / 1896.0);
    assert_eq!(p.required, 1);
}

#[test]
fn support_percent_and_time_per_each_period() {
    let support = |minutes, per| ComponentKind::Support(SupportAmount::Time { minutes, per });
    // Service of exactly 1,896 h = 1 FTE, so required_fte = caf.
    let base = || service(1896.0, 60.0, 1.0);
    let cases = [
        // 10 % + 20 %: caf = 1 / 0.7
        (
            vec![
                base(),
                ComponentKind::Support(SupportAmount::Percent(10.0)),
                ComponentKind::Support(SupportAmount::Percent(20.0)),
            ],
            0.3,
        ),
        // 48 min a day = 0.8 h / 8 h = 10 %
        (vec![base(), support(48.0, Period::Day)], 0.1),
        // 120 min a week = 2 h / (8 h x 5) = 5 %
        (vec![base(), support(120.0, Period::Week)], 0.05),
        // 158 min a month = 158 / 60 x 12 / 1,896
        (
            vec![base(), support(158.0, Period::Month)],
            158.0 / 60.0 * 12.0 / 1896.0,
        ),
        // 11,376 min a year = 189.6 h / 1,896 h = 10 %
        (vec![base(), support(11376.0, Period::Year)], 0.1),
    ];
    for (kinds, share) in cases {
        let r = compute(&plan_with(vec![position("p", "root", kinds)]));
        let p = &r.positions[0];
        close(p.caf, 1.0 / (1.0 - share));
        close(p.required_fte, 1.0 / (1.0 - share));
    }
}

#[test]
fn additional_hours_per_each_period() {
    let additional = |minutes, per, staff| ComponentKind::Additional {
        minutes,
        per,
        staff,
    };
    let cases = [
        // 30 min a day x 237 days x 2 people = 237 h
        (additional(30.0, Period::Day, 2.0), 237.0),
        // 60 min a week x 237 / 5 weeks = 47.4 h
        (additional(60.0, Period::Week, 1.0), 47.4),
        // 120 min a month x 12 x 3 people = 72 h
        (additional(120.0, Period::Month, 3.0), 72.0),
        // 600 min a year = 10 h
        (additional(600.0, Period::Year, 1.0), 10.0),
    ];
    for (kind, hours) in cases {
        let r = compute(&plan_with(vec![position("p", "root", vec![kind])]));
        let p = &r.positions[0];
        close(p.iaf, hours / 1896.0);
        close(p.required_fte, hours / 1896.0);
    }
}

#[test]
fn full_wisn_formula_combines_all_kinds() {
    // service 948 h = 0.5 FTE; support 20 % -> caf 1.25; additional 237 h -> iaf 0.125;
    // norm 4 x 1.5 = 6 -> required_fte = 0.5 x 1.25 + 0.125 + 6 = 6.75 -> 7.
    let plan = plan_with(vec![position(
        "p",
        "root",
        vec![
            service(948.0, 60.0, 1.0),
            ComponentKind::Support(SupportAmount::Percent(20.0)),
            ComponentKind::Additional {
                minutes: 60.0,
                per: Period::Day,
                staff: 1.0,
            },
            norm(4.0, 1.5),
        ],
    )]);
    let r = compute(&plan);
    let p = &r.positions[0];
    close(p.service_fte, 0.5);
    close(p.caf, 1.25);
    close(p.iaf, 0.125);
    close(p.norm_fte, 6.0);
    close(p.required_fte, 6.75);
    assert_eq!(p.required, 7);
}

#[test]
fn calendar_with_decimals_and_override() {
    let mut plan = plan_with(vec![position(
        "p",
        "root",
        vec![service(1000.0, 60.0, 1.0)],
    )]);
    plan.calendars = vec![
        Calendar {
            id: "half".into(),
            days_per_week: 4.5,
            ..Calendar::vietnamese_default()
        },
        Calendar {
            id: "policy".into(),
            available_hours: Some(1200.0),
            ..Calendar::vietnamese_default()
        },
    ];
    // 4.5 x 52 - 23 = 211 days x 8 h = 1,688 h (the first calendar is the default).
    let r = compute(&plan);
    close(r.positions[0].available_hours, 1688.0);
    plan.positions[0].calendar = Some("policy".into());
    let r = compute(&plan);
    close(r.positions[0].available_hours, 1200.0);
    close(r.positions[0].required_fte, 1000.0 / 1200.0);
}

/// A calendar of 5 days a week, 52 weeks, no leave, 7.5 hours a day (260 days counted, 1,950
/// hours), with or without a fixed yearly figure of 1,200 hours.
fn calendar_of_7_5_hours(fixed: Option<f64>) -> Calendar {
    Calendar {
        id: "c".into(),
        public_holidays: 0.0,
        annual_leave: 0.0,
        hours_per_day: 7.5,
        available_hours: fixed,
        ..Calendar::vietnamese_default()
    }
}

fn additional(minutes: f64, per: Period) -> ComponentKind {
    ComponentKind::Additional {
        minutes,
        per,
        staff: 1.0,
    }
}

#[test]
fn a_fixed_yearly_figure_sets_the_days_of_work_per_day_and_week() {
    let mut plan = plan_with(vec![
        position("tuan", "root", vec![additional(30.0, Period::Week)]),
        position("ngay", "root", vec![additional(30.0, Period::Day)]),
        position(
            "ho-tro",
            "root",
            vec![
                service(1200.0, 60.0, 1.0),
                ComponentKind::Support(SupportAmount::Time {
                    minutes: 75.0,
                    per: Period::Week,
                }),
            ],
        ),
    ]);
    plan.calendars = vec![calendar_of_7_5_hours(Some(1200.0))];
    let r = compute(&plan);
    // 1,200 h / 7.5 h a day = 160 days, so 32 weeks of 5 days.
    let tuan = r.position("tuan").unwrap();
    close(tuan.available_days, 160.0);
    close(tuan.available_hours, 1200.0);
    // 30 min a week x 32 weeks = 16 h (not 26 h from the 52 weeks counted).
    close(tuan.iaf, 16.0 / 1200.0);
    // 30 min a day x 160 days = 80 h.
    close(r.position("ngay").unwrap().iaf, 80.0 / 1200.0);
    // Support per week is a share of the week: 1.25 h / (7.5 h x 5) = 1/30, whatever the year.
    close(r.position("ho-tro").unwrap().caf, 1.0 / (1.0 - 1.0 / 30.0));
    let text = engine::explain(&plan, &r, "tuan").unwrap().to_string();
    assert!(
        text.contains("quy định cố định 1.200 giờ/năm; 1.200 giờ / 7,5 giờ/ngày = 160 ngày"),
        "{text}"
    );
    assert!(
        text.contains("30 phút/tuần × 1 người = 16 giờ/năm"),
        "{text}"
    );
    // The model says the same days.
    close(plan.calendars[0].available_days(), 160.0);

    // Without the fixed figure: 260 days and 1,950 hours, as before.
    plan.calendars = vec![calendar_of_7_5_hours(None)];
    let r = compute(&plan);
    let tuan = r.position("tuan").unwrap();
    close(tuan.available_days, 260.0);
    close(tuan.available_hours, 1950.0);
    close(tuan.iaf, 26.0 / 1950.0);
    close(r.position("ngay").unwrap().iaf, 130.0 / 1950.0);
    let text = engine::explain(&plan, &r, "tuan").unwrap().to_string();
    assert!(
        text.contains("5 ngày/tuần × 52 tuần − 0 ngày nghỉ = 260 ngày × 7,5 giờ = 1.950 giờ/năm"),
        "{text}"
    );
}

/// A position whose workload is exactly 1.297 FTE on the default calendar (1,896 h).
fn one_point_297(rounding: Rounding) -> Plan {
    let mut plan = plan_with(vec![position(
        "p",
        "root",
        vec![service(1.297 * 1896.0, 60.0, 1.0)],
    )]);
    plan.rounding = rounding;
    plan
}

#[test]
fn the_remainder_left_by_rounding_down_goes_to_kiem_nhiem() {
    for rounding in [Rounding::Down, Rounding::Nearest] {
        let plan = one_point_297(rounding);
        let r = compute(&plan);
        let p = &r.positions[0];
        close(p.required_fte, 1.297);
        assert_eq!(p.required, 1);
        close(p.remainder, 0.297);
        let text = engine::explain(&plan, &r, "p").unwrap().to_string();
        assert!(
            text.contains("Phần dư 0,297 FTE (1,297 − 1) giao kiêm nhiệm cho vị trí khác"),
            "{text}"
        );
    }
    // Rounded up, nothing is left over, and the explanation says nothing of it.
    let plan = one_point_297(Rounding::Up);
    let r = compute(&plan);
    assert_eq!(r.positions[0].required, 2);
    assert_eq!(r.positions[0].remainder, 0.0);
    let text = engine::explain(&plan, &r, "p").unwrap().to_string();
    assert!(!text.contains("Phần dư"), "{text}");

    // Under one person: all of it is left over; a whole number leaves nothing, noise included;
    // a fixed position has no workload to leave; a maximum leaves what it cuts.
    let mut fixed = position("fixed", "root", vec![service(100_000.0, 60.0, 1.0)]);
    fixed.method = Method::Fixed;
    fixed.count = 1;
    let mut cap = position("cap", "root", vec![norm(10.0, 1.0)]);
    cap.max = Some(4);
    let mut floor = position("floor", "root", vec![norm(1.0, 0.4)]);
    floor.min = Some(1);
    let mut plan = plan_with(vec![
        position("small", "root", vec![norm(1.0, 0.3)]),
        position("whole", "root", (0..10).map(|_| norm(1.0, 0.1)).collect()),
        fixed,
        cap,
        floor,
    ]);
    plan.rounding = Rounding::Down;
    let r = compute(&plan);
    let remainder = |id: &str| r.position(id).unwrap().remainder;
    assert_eq!(r.position("small").unwrap().required, 0);
    close(remainder("small"), 0.3);
    assert_eq!(remainder("whole"), 0.0);
    assert_eq!(remainder("fixed"), 0.0);
    close(remainder("cap"), 6.0);
    assert_eq!(remainder("floor"), 0.0);
}

fn required_by(rounding: Rounding, kinds: Vec<ComponentKind>) -> i64 {
    let mut plan = plan_with(vec![position("p", "root", kinds)]);
    plan.rounding = rounding;
    compute(&plan).positions[0].required
}

#[test]
fn rounding_policies_at_the_half() {
    let half = || vec![norm(5.0, 0.5)]; // 2.5
    assert_eq!(required_by(Rounding::Nearest, half()), 3);
    assert_eq!(required_by(Rounding::Up, half()), 3);
    assert_eq!(required_by(Rounding::Down, half()), 2);
    let below = || vec![norm(1.0, 2.4999)];
    assert_eq!(required_by(Rounding::Nearest, below()), 2);
    assert_eq!(required_by(Rounding::Up, below()), 3);
    let above = || vec![norm(1.0, 2.0001)];
    assert_eq!(required_by(Rounding::Down, above()), 2);
    assert_eq!(required_by(Rounding::Up, above()), 3);
}

#[test]
fn float_noise_never_adds_or_drops_a_person() {
    // Ten times 0.1 sums to 0.9999999999999999: down must still give 1.
    let tenths = || (0..10).map(|_| norm(1.0, 0.1)).collect::<Vec<_>>();
    assert_eq!(required_by(Rounding::Down, tenths()), 1);
    // 0.1 x 3 + 0.7 = 1.0000000000000002: up must still give 1.
    let over = || vec![norm(3.0, 0.1), norm(1.0, 0.7)];
    assert_eq!(required_by(Rounding::Up, over()), 1);
    // The same noise written out, independent of summation order.
    assert_eq!(
        required_by(Rounding::Down, vec![norm(1.0, 0.9999999999999999)]),
        1
    );
    assert_eq!(
        required_by(Rounding::Up, vec![norm(1.0, 1.0000000000000002)]),
        1
    );
    assert_eq!(required_by(Rounding::Up, vec![norm(1.0, 1.000001)]), 2);
}

#[test]
fn fixed_positions_and_bounds() {
    let mut fixed = position("lead", "root", vec![service(100_000.0, 60.0, 1.0)]);
    fixed.method = Method::Fixed;
    fixed.count = 3;
    let mut floor = position("floor", "root", vec![norm(1.0, 0.4)]);
    floor.min = Some(2);
    let mut cap = position("cap", "root", vec![norm(10.0, 1.0)]);
    cap.max = Some(4);
    let r = compute(&plan_with(vec![fixed, floor, cap]));
    close(r.positions[0].required_fte, 3.0);
    assert_eq!(r.positions[0].required, 3);
    assert_eq!(r.positions[1].required, 2);
    assert_eq!(r.positions[1].required_before_bounds, 0);
    assert_eq!(r.positions[2].required, 4);
    close(r.positions[2].required_fte, 10.0);
}

#[test]
fn current_difference_and_ratio() {
    let mut plan = plan_with(vec![
        position("a", "root", vec![norm(2.0, 1.25)]), // 2.5 -> 3
        position("b", "root", vec![]),                // nothing required
    ]);
    plan.staff = vec![
        staff("s1", "root", "a", 1.0),
        staff("s2", "root", "a", 0.5),
        staff("s3", "root", "b", 1.0),
    ];
    let r = compute(&plan);
    close(r.positions[0].current, 1.5);
    close(r.positions[0].difference, 1.5 - 3.0);
    close(r.positions[0].ratio.unwrap(), 1.5 / 2.5);
    assert_eq!(r.positions[1].ratio, None);
    close(r.positions[1].difference, 1.0);
}

#[test]
fn units_roll_up_their_whole_subtree() {
    // root
    // ├── a
    // │   └── b
    // └── c
    let mut plan = Plan {
        units: vec![
            unit("root", None),
            unit("a", Some("root")),
            unit("b", Some("a")),
            unit("c", Some("root")),
        ],
        positions: vec![
            position("p-root", "root", vec![norm(1.0, 1.0)]),
            position("p-a", "a", vec![norm(1.0, 2.4)]),
            position("p-b", "b", vec![norm(1.0, 1.3)]),
            position("p-c", "c", vec![norm(1.0, 0.5)]),
        ],
        ..Plan::default()
    };
    plan.staff = vec![
        staff("s1", "a", "p-a", 1.0),
        staff("s2", "b", "p-b", 1.0),
        staff("s3", "b", "p-b", 1.0),
        staff("s4", "c", "p-c", 1.0),
    ];
    let r = compute(&plan);
    let unit = |id: &str| r.unit(id).unwrap().clone();
    // b: 1.3 -> 1; a: 2.4 -> 2 plus b; c: 0.5 -> 1; root: 1 plus all.
    assert_eq!(unit("b").required, 1);
    close(unit("b").required_fte, 1.3);
    close(unit("b").current, 2.0);
    assert_eq!(unit("a").required, 3);
    close(unit("a").required_fte, 3.7);
    close(unit("a").current, 3.0);
    close(unit("a").ratio.unwrap(), 3.0 / 3.7);
    assert_eq!(unit("c").required, 1);
    assert_eq!(unit("root").required, 5);
    close(unit("root").required_fte, 5.2);
    close(unit("root").current, 4.0);
    close(unit("root").difference, -1.0);
    assert_eq!(r.total.required, 5);
    close(r.total.required_fte, 5.2);
    close(r.total.current, 4.0);
    close(r.total.ratio.unwrap(), 4.0 / 5.2);
}

#[test]
fn figures_split_by_employment_basis_roll_up_the_tree() {
    // so (a Sở): vp (its office, civil servants by its type) with 2 contract posts; dv (a
    // public service unit) whose untyped sub-unit k inherits public employees.
    let typed = |id: &str, parent: Option<&str>, unit_type: UnitType| Unit {
        unit_type,
        ..unit(id, parent)
    };
    let plan = Plan {
        units: vec![
            typed("so", None, UnitType::ProvincialDepartment),
            typed("vp", Some("so"), UnitType::DepartmentOffice),
            typed("dv", Some("so"), UnitType::PublicServiceUnit),
            unit("k", Some("dv")),
        ],
        positions: vec![
            position("cv", "vp", vec![norm(1.0, 9.0)]),
            Position {
                employment: Some(Employment::Contract),
                proposed: Some(Proposal {
                    count: 2,
                    reason: String::new(),
                }),
                ..position("lai-xe", "vp", vec![norm(1.0, 3.0)])
            },
            position("vc", "k", vec![norm(1.0, 4.0)]),
        ],
        staff: vec![
            staff("s1", "vp", "cv", 1.0),
            staff("s2", "vp", "lai-xe", 1.0),
            staff("s3", "k", "vc", 0.5),
            StaffMember {
                position_id: None,
                ..staff("s4", "dv", "", 1.0)
            },
        ],
        ..Plan::default()
    };
    let r = compute(&plan);
    let basis = |id: &str| r.position(id).unwrap().employment;
    assert_eq!(basis("cv"), Employment::CivilServant);
    assert_eq!(basis("lai-xe"), Employment::Contract);
    assert_eq!(basis("vc"), Employment::PublicEmployee);

    let vp = r.unit("vp").unwrap().by_employment;
    assert_eq!(
        (vp.civil_servant.required, vp.civil_servant.proposed),
        (9, 9)
    );
    assert_eq!((vp.contract.required, vp.contract.proposed), (3, 2));
    close(vp.contract.current, 1.0);
    assert_eq!(vp.public_employee.required, 0);
    // Staff without a position count under their unit's basis.
    let dv = r.unit("dv").unwrap().by_employment;
    close(dv.public_employee.current, 1.5);
    assert_eq!(dv.public_employee.required, 4);

    let so = r.unit("so").unwrap();
    assert_eq!(so.by_employment.establishment().proposed, 13);
    assert_eq!(so.by_employment.contract.proposed, 2);
    assert_eq!(so.proposed, 15);
    let total = r.total.by_employment;
    assert_eq!(total.establishment().required, 13);
    close(total.establishment().current, 2.5);
    close(total.contract.current, 1.0);
    // Every split adds up to the figure over all posts.
    for u in &r.units {
        let e = u.by_employment;
        assert_eq!(e.establishment().required + e.contract.required, u.required);
        assert_eq!(e.establishment().proposed + e.contract.proposed, u.proposed);
        close(e.establishment().current + e.contract.current, u.current);
    }
}

#[test]
fn proposals_and_appraisals_roll_up_beside_required() {
    // root
    // ├── a: p-a requires 2 (norm 2.4), proposes 4; appraised 3.
    // │   └── b: p-b requires 1 (norm 1.3), proposes nothing; agreed, so 1.
    // └── c: p-c requires 1, proposes 2; rejected, so 0. p-c2 requires 2, not appraised.
    let mut plan = Plan {
        units: vec![
            unit("root", None),
            unit("a", Some("root")),
            unit("b", Some("a")),
            unit("c", Some("root")),
        ],
        positions: vec![
            position("p-a", "a", vec![norm(1.0, 2.4)]),
            position("p-b", "b", vec![norm(1.0, 1.3)]),
            position("p-c", "c", vec![norm(1.0, 0.5)]),
            position("p-c2", "c", vec![norm(1.0, 2.0)]),
        ],
        ..Plan::default()
    };
    let propose = |count| {
        Some(Proposal {
            count,
            reason: String::new(),
        })
    };
    plan.positions[0].proposed = propose(4);
    plan.positions[2].proposed = propose(2);
    let line = |id: &str, appraised, decision| Appraisal {
        appraised,
        decision,
        ..Appraisal::new(id)
    };
    let r = compute(&plan);
    assert_eq!(r.position("p-a").unwrap().proposed, 4);
    assert_eq!(
        r.position("p-b").unwrap().proposed,
        1,
        "the required figure"
    );
    assert_eq!(r.unit("a").unwrap().proposed, 5);
    assert_eq!(r.total.proposed, 4 + 1 + 2 + 2);
    assert_eq!(r.total.appraised, None, "nothing appraised yet");

    plan.review = Some(Review {
        lines: vec![
            line("p-a", Some(3), Some(Decision::Adjust)),
            line("p-b", None, Some(Decision::Agree)),
            line("p-c", None, Some(Decision::Reject)),
        ],
        ..Review::default()
    });
    let r = compute(&plan);
    assert_eq!(r.position("p-a").unwrap().appraised, Some(3));
    assert_eq!(r.position("p-b").unwrap().appraised, Some(1));
    assert_eq!(r.position("p-c").unwrap().appraised, Some(0));
    assert_eq!(r.position("p-c2").unwrap().appraised, None);
    assert_eq!(r.unit("b").unwrap().appraised, Some(1));
    assert_eq!(r.unit("a").unwrap().appraised, Some(4));
    assert_eq!(r.unit("c").unwrap().appraised, Some(0));
    assert_eq!(r.unit("root").unwrap().appraised, Some(4));
    assert_eq!(r.total.appraised, Some(4));
    assert_eq!(r.total.proposed, 9, "the review leaves the proposal alone");
}

#[test]
fn explanation_shows_the_formula_with_its_inputs() {
    let plan = plan_with(vec![position(
        "p",
        "root",
        vec![
            service(1200.0, 90.0, 1.0),
            service(208.0, 60.0, 1.0),
            ComponentKind::Support(SupportAmount::Percent(10.0)),
        ],
    )]);
    let r = compute(&plan);
    let e = engine::explain(&plan, &r, "p").unwrap();
    close(e.components[0].service_hours, 1800.0);
    close(e.components[1].service_hours, 208.0);
    close(e.components[2].support_share, 0.1);
    let text = e.to_string();
    assert!(
        text.contains("1.200 × 90 phút × hệ số 1 / 60 = 1.800 giờ"),
        "{text}"
    );
    assert!(text.contains("2.008 giờ / 1.896 giờ"), "{text}");
    assert!(text.contains("CAF) = 1 / (1 − 10%) = 1,1111"), "{text}");
    assert!(
        e.formula(vtvl::language::Language::Vietnamese)
            .starts_with("1,1767 = (1.800 h + 208 h) / 1.896 h × 1,1111"),
        "{}",
        e.formula(vtvl::language::Language::Vietnamese)
    );
    assert!(engine::explain(&plan, &r, "missing").is_err());
    close(e.components[0].fte(1896.0).unwrap(), 1800.0 / 1896.0);
    assert_eq!(e.components[2].fte(1896.0), None);
    assert_eq!(e.components[0].fte(0.0), None);
}

#[test]
fn cycle_and_missing_references_are_errors_not_panics() {
    let mut plan = plan_with(vec![]);
    plan.units = vec![unit("a", Some("b")), unit("b", Some("a"))];
    assert!(engine::compute(&plan).is_err());
    let plan = plan_with(vec![position("p", "nowhere", vec![])]);
    assert!(engine::compute(&plan).is_err());
}

#[test]
fn empty_plan_computes_to_zero() {
    let r = compute(&Plan::default());
    assert_eq!(r.total.required, 0);
    assert_eq!(r.total.ratio, None);
}

// ---- figures that cannot be computed ---------------------------------------------------

#[test]
fn a_figure_that_cannot_be_a_headcount_is_an_error_naming_the_position() {
    // Inside every input bound, yet 1e9 x 1e3 = 1e12 staff by norm: beyond any count.
    let huge = plan_with(vec![position("vt-1", "root", vec![norm(1e9, 1e3)])]);
    assert!(vtvl::validation::validate(&huge).is_empty());
    let error = engine::compute(&huge).expect_err("no figure");
    assert!(
        matches!(&error, engine::EngineError::NotComputable { position, figure: "norm_fte", value }
            if position == "vt-1" && *value == 1e12),
        "{error:?}"
    );
    assert_eq!(
        error.to_string(),
        "position \"vt-1\": the staff by norm cannot be computed: it comes to \
         1,000,000,000,000, beyond the 1,000,000,000 a position can count; check the volumes, \
         minutes and calendar of this position"
    );
    assert_eq!(
        error.message(Language::Vietnamese),
        "vị trí \"vt-1\": không tính được số người theo định mức: ra 1.000.000.000.000, vượt \
         quá 1.000.000.000, mức lớn nhất một vị trí có thể có; hãy kiểm tra khối lượng, số phút \
         và lịch làm việc của vị trí này"
    );

    // The volume of 1e308, past validation: never "inf" nor a headcount of 0.
    let infinite = plan_with(vec![position(
        "vt-2",
        "root",
        vec![service(1e308, 60.0, 10.0)],
    )]);
    let error = engine::compute(&infinite).expect_err("no figure");
    assert!(
        matches!(&error, engine::EngineError::NotComputable { position, value, .. }
            if position == "vt-2" && value.is_infinite()),
        "{error:?}"
    );
    assert!(
        error.to_string().starts_with(
            "position \"vt-2\": the staff needed for service work cannot be computed: it is \
             infinite;"
        ),
        "{error}"
    );
    assert!(
        !error.message(Language::Vietnamese).contains("inf"),
        "{error}"
    );

    // The largest figure that is a count still computes exactly.
    let largest = plan_with(vec![position("vt-3", "root", vec![norm(1e9, 1.0)])]);
    let results = compute(&largest);
    assert_eq!(results.positions[0].required, 1_000_000_000);
    assert_eq!(results.total.required, 1_000_000_000);
}

/// Many plans computed in one query give each plan's own results, in order: the samples (one
/// with an appraisal), generated agencies under each rounding policy, a plan with no unit, and
/// a plan the engine refuses, whose error is its own and leaves the others' figures alone.
#[test]
fn many_plans_at_once_give_each_plans_own_results() {
    let mut plans = sample_plans();
    let generated = vtvl::generate::portfolio(vtvl::generate::PortfolioSpec {
        agencies: 9,
        seed: 11,
        staff: None,
    });
    for (n, agency) in generated.into_iter().enumerate() {
        let mut plan = agency.plan;
        plan.rounding = [Rounding::Nearest, Rounding::Up, Rounding::Down][n % 3];
        plans.push(plan);
        if n == 4 {
            let mut broken = plans[1].clone();
            broken.positions[0].unit_id = "khong-co".into();
            plans.push(broken);
            plans.push(Plan::default());
        }
    }
    let refs: Vec<&Plan> = plans.iter().collect();
    let together = engine::compute_many(&refs);
    assert_eq!(together.len(), plans.len());
    let mut refused = 0;
    for (plan, result) in plans.iter().zip(together) {
        match (engine::compute(plan), result) {
            (Ok(alone), Ok(together)) => same_figures(
                &serde_json::to_value(&alone).unwrap(),
                &serde_json::to_value(&together).unwrap(),
                &plan.meta.name,
            ),
            (Err(alone), Err(together)) => {
                refused += 1;
                assert_eq!(alone.to_string(), together.to_string());
            }
            (alone, together) => panic!("{}: {alone:?} / {together:?}", plan.meta.name),
        }
    }
    assert_eq!(refused, 1);
}

/// Computing a plan under other volumes (a scenario's later years) gives what computing the
/// plan with those volumes written in gives: on every sample plan, with every service and norm
/// component of every other position scaled, in positions whose components are in any order.
#[test]
fn other_volumes_give_the_results_of_the_plan_with_them_written_in() {
    use vtvl::model::ComponentKind;
    let mut scaled_any = 0;
    for plan in sample_plans() {
        let workloads: Vec<engine::WorkloadVolumes> = [1.5, 0.25]
            .iter()
            .map(|factor| {
                let mut volumes = engine::WorkloadVolumes::default();
                for (p, position) in plan.positions.iter().enumerate().step_by(2) {
                    for (c, component) in position.components.iter().enumerate() {
                        if let ComponentKind::Service { volume, .. }
                        | ComponentKind::Norm { volume, .. } = component.kind
                        {
                            volumes.insert((p, c), volume * factor + 1.0);
                        }
                    }
                }
                volumes
            })
            .collect();
        let computed = engine::compute_with_volumes(&plan, &workloads).unwrap();
        assert_eq!(computed.len(), workloads.len());
        for (volumes, results) in workloads.iter().zip(&computed) {
            let mut written = plan.clone();
            for (&(p, c), &value) in volumes {
                match &mut written.positions[p].components[c].kind {
                    ComponentKind::Service { volume, .. } | ComponentKind::Norm { volume, .. } => {
                        *volume = value
                    }
                    _ => unreachable!(),
                }
            }
            scaled_any += volumes.len();
            let expected = engine::compute(&written).unwrap();
            same_figures(
                &serde_json::to_value(&expected).unwrap(),
                &serde_json::to_value(results).unwrap(),
                &plan.meta.name,
            );
        }
        if !workloads[0].is_empty() {
            let before = engine::compute(&plan).unwrap();
            assert_ne!(
                serde_json::to_value(&before).unwrap()["total"],
                serde_json::to_value(&computed[0]).unwrap()["total"],
                "{}: the volumes changed nothing",
                plan.meta.name
            );
        }
    }
    assert!(scaled_any > 100, "{scaled_any}");
}

/// Every sample plan, in file name order.
fn sample_plans() -> Vec<Plan> {
    let samples = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("plans");
    let mut files: Vec<_> = std::fs::read_dir(samples)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    files
        .iter()
        .map(|file| vtvl::plan_file::load(file).unwrap())
        .collect()
}

/// The same results, sums of fractions allowed to differ in their last bits (they are added in
/// another order); every count equal.
fn same_figures(a: &serde_json::Value, b: &serde_json::Value, at: &str) {
    use serde_json::Value;
    match (a, b) {
        (Value::Number(x), Value::Number(y)) if x.is_f64() || y.is_f64() => {
            let (x, y) = (x.as_f64().unwrap(), y.as_f64().unwrap());
            assert!((x - y).abs() <= 1e-9 * x.abs().max(1.0), "{at}: {x} / {y}");
        }
        (Value::Array(x), Value::Array(y)) => {
            assert_eq!(x.len(), y.len(), "{at}");
            for (i, (x, y)) in x.iter().zip(y).enumerate() {
                same_figures(x, y, &format!("{at}[{i}]"));
            }
        }
        (Value::Object(x), Value::Object(y)) => {
            assert_eq!(
                x.keys().collect::<Vec<_>>(),
                y.keys().collect::<Vec<_>>(),
                "{at}"
            );
            for (key, x) in x {
                same_figures(x, &y[key], &format!("{at}.{key}"));
            }
        }
        _ => assert_eq!(a, b, "{at}"),
    }
}

#[test]
fn positions_among_gives_each_position_once_in_the_results_order() {
    let plan = plan_with(vec![
        position("a", "root", vec![service(100.0, 60.0, 1.0)]),
        position("b", "root", vec![service(200.0, 60.0, 1.0)]),
        position("c", "root", vec![service(300.0, 60.0, 1.0)]),
    ]);
    let r = compute(&plan);
    let ids = |found: Vec<&vtvl::engine::PositionResult>| {
        found.iter().map(|p| p.id.clone()).collect::<Vec<_>>()
    };
    assert_eq!(
        ids(r.positions_among(["c", "missing", "a", "c"])),
        ["a", "c"]
    );
    assert!(r.positions_among([]).is_empty());
}
