//! Validation: each problem kind with its place and message, and all problems at once.

use vtvl::language::{Language, Localized};
use vtvl::model::{
    Calendar, Category, Component, ComponentKind, Decision, FORMAT_VERSION, Method, Period, Plan,
    PlanMeta, Position, SeenProposal, StaffMember, SupportAmount, Unit,
};
use vtvl::validation::bounds::{self, Bounds};
use vtvl::validation::{Place, Problem, ProblemKind, validate};

fn unit(id: &str, parent: Option<&str>) -> Unit {
    Unit {
        id: id.into(),
        parent_id: parent.map(Into::into),
        name: format!("Đơn vị {id}"),
        ..Default::default()
    }
}

fn component(id: &str, kind: ComponentKind) -> Component {
    Component {
        id: id.into(),
        name: format!("Công việc {id}"),
        code: None,
        kind,
    }
}

fn position(id: &str, unit_id: &str, components: Vec<Component>) -> Position {
    Position {
        id: id.into(),
        unit_id: unit_id.into(),
        name: format!("Vị trí {id}"),
        category: Category::Specialized,
        rank_code: "01.003".into(),
        method: Method::Workload,
        count: 0,
        min: None,
        max: None,
        calendar: None,
        components,
        proposed: None,
        ..Default::default()
    }
}

fn staff(id: &str, unit_id: &str, position_id: Option<&str>) -> StaffMember {
    StaffMember {
        id: id.into(),
        unit_id: unit_id.into(),
        position_id: position_id.map(Into::into),
        rank_code: String::new(),
        fte: 1.0,
        birth_date: None,
        sex: None,
        retires_on: None,
        personal: Default::default(),
    }
}

fn service() -> ComponentKind {
    ComponentKind::Service {
        volume: 1000.0,
        minutes_per_item: 30.0,
        coefficient: 1.0,
    }
}

fn percent(share: f64) -> ComponentKind {
    ComponentKind::Support(SupportAmount::Percent(share))
}

/// A valid plan: every component kind and period, two calendars, a fixed position with
/// components (ignored) and a workload position without any (requires nobody).
fn valid_plan() -> Plan {
    let health = Calendar {
        id: "y-te".into(),
        name: "Lịch y tế".into(),
        available_hours: Some(1200.0),
        ..Calendar::vietnamese_default()
    };
    let mut leader = position(
        "chu-tich",
        "ubnd",
        vec![component("cv-lanh-dao", service())],
    );
    leader.method = Method::Fixed;
    leader.category = Category::Leadership;
    leader.count = 1;
    let mut clerk = position(
        "van-thu",
        "van-phong",
        vec![
            component("cv-van-thu", service()),
            component("cv-hop", percent(10.0)),
            component(
                "cv-ho-tro",
                ComponentKind::Support(SupportAmount::Time {
                    minutes: 30.0,
                    per: Period::Week,
                }),
            ),
            component(
                "cv-dang",
                ComponentKind::Additional {
                    minutes: 120.0,
                    per: Period::Month,
                    staff: 1.0,
                },
            ),
            component(
                "cv-dinh-muc",
                ComponentKind::Norm {
                    volume: 2.0,
                    ratio: 0.5,
                },
            ),
        ],
    );
    clerk.min = Some(1);
    clerk.max = Some(1);
    clerk.calendar = Some("y-te".into());
    Plan {
        format_version: FORMAT_VERSION,
        meta: PlanMeta {
            name: "Đề án thử".into(),
            agency: String::new(),
            year: Some(2026),
            ..PlanMeta::default()
        },
        calendars: vec![Calendar::vietnamese_default(), health],
        units: vec![unit("ubnd", None), unit("van-phong", Some("ubnd"))],
        positions: vec![leader, clerk, position("tap-vu", "van-phong", Vec::new())],
        staff: vec![
            staff("nv-1", "ubnd", Some("chu-tich")),
            staff("nv-2", "van-phong", Some("van-thu")),
            staff("nv-3", "van-phong", None),
        ],
        ..Plan::default()
    }
}

/// The only problem of `plan`, failing with the full list otherwise.
fn single_problem(plan: &Plan) -> Problem {
    let problems = validate(plan);
    assert_eq!(problems.len(), 1, "{problems:#?}");
    problems.into_iter().next().unwrap()
}

fn unit_place(index: usize, id: &str, field: &'static str) -> Place {
    Place::Unit {
        index,
        id: id.into(),
        field,
    }
}

fn position_place(index: usize, id: &str, field: &'static str) -> Place {
    Place::Position {
        index,
        id: id.into(),
        field,
    }
}

fn staff_place(index: usize, id: &str, field: &'static str) -> Place {
    Place::Staff {
        index,
        id: id.into(),
        field,
    }
}

fn calendar_place(index: usize, id: &str, field: &'static str) -> Place {
    Place::Calendar {
        index,
        id: id.into(),
        field,
    }
}

fn component_place(
    (position_index, position_id): (usize, &str),
    (component_index, component_id): (usize, &str),
    field: &'static str,
) -> Place {
    Place::Component {
        position_index,
        component_index,
        position_id: position_id.into(),
        component_id: component_id.into(),
        field,
    }
}

#[test]
fn a_valid_plan_has_no_problems() {
    assert_eq!(validate(&valid_plan()), []);
    assert_eq!(
        validate(&Plan {
            meta: PlanMeta {
                name: "Trống".into(),
                ..PlanMeta::default()
            },
            ..Plan::default()
        }),
        []
    );
}

// ---- ids -------------------------------------------------------------------------------

#[test]
fn duplicate_unit_ids_name_the_first_use() {
    let mut plan = valid_plan();
    plan.units.push(unit("ubnd", None));
    let problem = single_problem(&plan);
    assert_eq!(problem.place, unit_place(2, "ubnd", "id"));
    assert_eq!(
        problem.kind,
        ProblemKind::DuplicateId {
            id: "ubnd".into(),
            first: unit_place(0, "ubnd", "id"),
        }
    );
    assert_eq!(
        problem.to_string(),
        "unit \"ubnd\" (id): duplicate id \"ubnd\", already used by unit \"ubnd\""
    );
}

#[test]
fn duplicate_position_ids() {
    let mut plan = valid_plan();
    plan.positions.push(position("van-thu", "ubnd", Vec::new()));
    let problem = single_problem(&plan);
    assert_eq!(problem.place, position_place(3, "van-thu", "id"));
    assert_eq!(
        problem.to_string(),
        "position \"van-thu\" (id): duplicate id \"van-thu\", already used by position \"van-thu\""
    );
}

#[test]
fn duplicate_component_ids_across_positions() {
    let mut plan = valid_plan();
    plan.positions[2]
        .components
        .push(component("cv-hop", service()));
    let problem = single_problem(&plan);
    assert_eq!(
        problem.place,
        component_place((2, "tap-vu"), (0, "cv-hop"), "id")
    );
    assert_eq!(
        problem.to_string(),
        "component \"cv-hop\" of position \"tap-vu\" (id): duplicate id \"cv-hop\", already used \
         by component \"cv-hop\" of position \"van-thu\""
    );
}

#[test]
fn duplicate_staff_ids() {
    let mut plan = valid_plan();
    plan.staff.push(staff("nv-2", "ubnd", None));
    let problem = single_problem(&plan);
    assert_eq!(problem.place, staff_place(3, "nv-2", "id"));
    assert_eq!(
        problem.to_string(),
        "staff member \"nv-2\" (id): duplicate id \"nv-2\", already used by staff member \"nv-2\""
    );
}

#[test]
fn duplicate_calendar_ids() {
    let mut plan = valid_plan();
    plan.calendars.push(Calendar::vietnamese_default());
    let problem = single_problem(&plan);
    assert_eq!(problem.place, calendar_place(2, "mac-dinh", "id"));
    assert_eq!(
        problem.to_string(),
        "calendar \"mac-dinh\" (id): duplicate id \"mac-dinh\", already used by calendar \
         \"mac-dinh\""
    );
}

#[test]
fn empty_ids_are_placed_by_row_number() {
    let mut plan = valid_plan();
    plan.staff[2].id = "  ".into();
    let problem = single_problem(&plan);
    assert_eq!(problem.place, staff_place(2, "  ", "id"));
    assert_eq!(problem.kind, ProblemKind::EmptyId);
    assert_eq!(problem.to_string(), "staff member #3 (id): the id is empty");
}

#[test]
fn empty_component_id() {
    let mut plan = valid_plan();
    plan.positions[1].components[4].id = String::new();
    let problem = single_problem(&plan);
    assert_eq!(
        problem.place,
        component_place((1, "van-thu"), (4, ""), "id")
    );
    assert_eq!(
        problem.to_string(),
        "component #5 of position \"van-thu\" (id): the id is empty"
    );
}

#[test]
fn empty_names() {
    let mut plan = valid_plan();
    // A plan without a name is fine (an interchange folder may have no settings.csv).
    plan.meta.name = String::new();
    plan.units[1].name = " ".into();
    plan.positions[2].name = String::new();
    plan.positions[1].components[0].name = String::new();
    let problems: Vec<String> = validate(&plan).iter().map(ToString::to_string).collect();
    assert_eq!(
        problems,
        [
            "unit \"van-phong\" (name): the name is empty",
            "component \"cv-van-thu\" of position \"van-thu\" (name): the name is empty",
            "position \"tap-vu\" (name): the name is empty",
        ]
    );
}

#[test]
fn an_unsupported_format_version() {
    let mut plan = valid_plan();
    plan.format_version = FORMAT_VERSION + 1;
    let problem = single_problem(&plan);
    assert_eq!(
        problem.place,
        Place::Meta {
            field: "format_version"
        }
    );
    assert_eq!(
        problem.kind,
        ProblemKind::UnsupportedFormatVersion {
            found: FORMAT_VERSION + 1,
            supported: FORMAT_VERSION,
        }
    );
}

// ---- references ------------------------------------------------------------------------

#[test]
fn a_missing_parent_unit() {
    let mut plan = valid_plan();
    plan.units[1].parent_id = Some("so-noi-vu".into());
    let problem = single_problem(&plan);
    assert_eq!(problem.place, unit_place(1, "van-phong", "parent_id"));
    assert_eq!(
        problem.kind,
        ProblemKind::MissingUnit {
            id: "so-noi-vu".into()
        }
    );
    assert_eq!(
        problem.to_string(),
        "unit \"van-phong\" (parent_id): unit \"so-noi-vu\" does not exist"
    );
}

#[test]
fn a_missing_position_unit() {
    let mut plan = valid_plan();
    plan.positions[2].unit_id = "phong-x".into();
    let problem = single_problem(&plan);
    assert_eq!(problem.place, position_place(2, "tap-vu", "unit_id"));
    assert_eq!(
        problem.to_string(),
        "position \"tap-vu\" (unit_id): unit \"phong-x\" does not exist"
    );
}

#[test]
fn a_missing_staff_unit() {
    let mut plan = valid_plan();
    plan.staff[2].unit_id = "phong-x".into();
    let problem = single_problem(&plan);
    assert_eq!(problem.place, staff_place(2, "nv-3", "unit_id"));
    assert_eq!(
        problem.to_string(),
        "staff member \"nv-3\" (unit_id): unit \"phong-x\" does not exist"
    );
}

#[test]
fn a_missing_staff_position() {
    let mut plan = valid_plan();
    plan.staff[2].position_id = Some("ke-toan".into());
    let problem = single_problem(&plan);
    assert_eq!(problem.place, staff_place(2, "nv-3", "position_id"));
    assert_eq!(
        problem.kind,
        ProblemKind::MissingPosition {
            id: "ke-toan".into()
        }
    );
    assert_eq!(
        problem.to_string(),
        "staff member \"nv-3\" (position_id): position \"ke-toan\" does not exist"
    );
}

#[test]
fn a_missing_calendar() {
    let mut plan = valid_plan();
    plan.positions[2].calendar = Some("giao-duc".into());
    let problem = single_problem(&plan);
    assert_eq!(problem.place, position_place(2, "tap-vu", "calendar"));
    assert_eq!(
        problem.to_string(),
        "position \"tap-vu\" (calendar): calendar \"giao-duc\" does not exist"
    );
}

#[test]
fn the_default_calendar_id_needs_a_calendar_in_the_plan() {
    // Without calendars every position works under the default, but naming it resolves nothing.
    let mut plan = valid_plan();
    plan.calendars.clear();
    plan.positions[1].calendar = Some(Calendar::DEFAULT_ID.into());
    let problem = single_problem(&plan);
    assert_eq!(problem.place, position_place(1, "van-thu", "calendar"));
}

#[test]
fn a_staff_member_holding_a_position_of_another_unit() {
    let mut plan = valid_plan();
    plan.staff[0].position_id = Some("van-thu".into());
    let problem = single_problem(&plan);
    assert_eq!(problem.place, staff_place(0, "nv-1", "position_id"));
    assert_eq!(
        problem.kind,
        ProblemKind::PositionOfOtherUnit {
            position_id: "van-thu".into(),
            position_unit_id: "van-phong".into(),
            unit_id: "ubnd".into(),
        }
    );
    assert_eq!(
        problem.to_string(),
        "staff member \"nv-1\" (position_id): position \"van-thu\" belongs to unit \
         \"van-phong\", not to \"ubnd\""
    );
}

// ---- the unit tree ---------------------------------------------------------------------

#[test]
fn a_three_cycle_is_reported_once_with_its_path() {
    let mut plan = valid_plan();
    // Entered from a unit hanging below it, and listed out of order: c -> a -> b -> c.
    plan.units.extend([
        unit("la", Some("c")),
        unit("c", Some("a")),
        unit("a", Some("b")),
        unit("b", Some("c")),
    ]);
    let problem = single_problem(&plan);
    assert_eq!(problem.place, unit_place(3, "c", "parent_id"));
    assert_eq!(
        problem.kind,
        ProblemKind::UnitCycle {
            units: vec!["c".into(), "a".into(), "b".into()]
        }
    );
    assert_eq!(
        problem.to_string(),
        "unit \"c\" (parent_id): the unit tree has a cycle: c -> a -> b -> c"
    );
}

#[test]
fn a_unit_that_is_its_own_parent_is_a_cycle() {
    let mut plan = valid_plan();
    plan.units[0].parent_id = Some("ubnd".into());
    let problem = single_problem(&plan);
    assert_eq!(problem.place, unit_place(0, "ubnd", "parent_id"));
    assert_eq!(
        problem.to_string(),
        "unit \"ubnd\" (parent_id): the unit tree has a cycle: ubnd -> ubnd"
    );
}

#[test]
fn separate_cycles_are_each_reported() {
    let mut plan = valid_plan();
    plan.units.extend([
        unit("a", Some("b")),
        unit("b", Some("a")),
        unit("x", Some("y")),
        unit("y", Some("z")),
        unit("z", Some("x")),
    ]);
    let problems: Vec<String> = validate(&plan).iter().map(ToString::to_string).collect();
    assert_eq!(
        problems,
        [
            "unit \"a\" (parent_id): the unit tree has a cycle: a -> b -> a",
            "unit \"x\" (parent_id): the unit tree has a cycle: x -> y -> z -> x",
        ]
    );
}

#[test]
fn a_deep_tree_is_walked_without_recursion() {
    let mut plan = valid_plan();
    let depth = 200_000;
    plan.units.extend((0..depth).map(|i| {
        let parent = if i == 0 {
            "ubnd".to_owned()
        } else {
            format!("u{}", i - 1)
        };
        Unit {
            parent_id: Some(parent),
            ..unit(&format!("u{i}"), None)
        }
    }));
    assert_eq!(validate(&plan), []);
    // Closing the chain into a loop makes one long cycle, listed from parent to parent.
    plan.units[2].parent_id = Some(format!("u{}", depth - 1));
    let problems = validate(&plan);
    assert_eq!(problems.len(), 1);
    let ProblemKind::UnitCycle { units } = &problems[0].kind else {
        panic!("{problems:?}");
    };
    assert_eq!(units.len(), depth);
    assert_eq!(units[0], "u0");
    assert_eq!(units[1], format!("u{}", depth - 1));
    assert_eq!(units[depth - 1], "u1");
}

// ---- numbers ---------------------------------------------------------------------------

/// Every numeric field, each set to `value` in turn, gives one problem at its own column.
fn each_numeric_field(value: f64, expected: impl Fn(&str, f64) -> ProblemKind) {
    type Edit = fn(&mut Plan, f64);
    let calendar_fields: [(&str, Edit); 8] = [
        ("days_per_week", |p, v| p.calendars[1].days_per_week = v),
        ("weeks_per_year", |p, v| p.calendars[1].weeks_per_year = v),
        ("public_holidays", |p, v| p.calendars[1].public_holidays = v),
        ("annual_leave", |p, v| p.calendars[1].annual_leave = v),
        ("sick_leave", |p, v| p.calendars[1].sick_leave = v),
        ("other_leave", |p, v| p.calendars[1].other_leave = v),
        ("hours_per_day", |p, v| p.calendars[1].hours_per_day = v),
        ("available_hours", |p, v| {
            p.calendars[1].available_hours = Some(v)
        }),
    ];
    for (field, edit) in calendar_fields {
        let mut plan = valid_plan();
        edit(&mut plan, value);
        let problem = single_problem(&plan);
        assert_eq!(problem.place, calendar_place(1, "y-te", field), "{field}");
        assert_eq!(problem.kind, expected(field, value), "{field}");
    }

    // Components of `van-thu`, by index: service, percent, time, additional, norm.
    let component_fields: [(usize, &str, &str, Edit); 9] = [
        (0, "cv-van-thu", "volume", |p, v| {
            set_service(p, |volume, _, _| *volume = v)
        }),
        (0, "cv-van-thu", "minutes_per_item", |p, v| {
            set_service(p, |_, minutes, _| *minutes = v)
        }),
        (0, "cv-van-thu", "coefficient", |p, v| {
            set_service(p, |_, _, coefficient| *coefficient = v)
        }),
        (1, "cv-hop", "percent", |p, v| {
            p.positions[1].components[1].kind = percent(v)
        }),
        (2, "cv-ho-tro", "minutes", |p, v| {
            p.positions[1].components[2].kind = ComponentKind::Support(SupportAmount::Time {
                minutes: v,
                per: Period::Day,
            })
        }),
        (3, "cv-dang", "minutes", |p, v| {
            p.positions[1].components[3].kind = ComponentKind::Additional {
                minutes: v,
                per: Period::Year,
                staff: 1.0,
            }
        }),
        (3, "cv-dang", "staff", |p, v| {
            p.positions[1].components[3].kind = ComponentKind::Additional {
                minutes: 60.0,
                per: Period::Year,
                staff: v,
            }
        }),
        (4, "cv-dinh-muc", "volume", |p, v| {
            p.positions[1].components[4].kind = ComponentKind::Norm {
                volume: v,
                ratio: 1.0,
            }
        }),
        (4, "cv-dinh-muc", "ratio", |p, v| {
            p.positions[1].components[4].kind = ComponentKind::Norm {
                volume: 1.0,
                ratio: v,
            }
        }),
    ];
    for (index, id, field, edit) in component_fields {
        let mut plan = valid_plan();
        edit(&mut plan, value);
        let problem = single_problem(&plan);
        assert_eq!(
            problem.place,
            component_place((1, "van-thu"), (index, id), field),
            "{field}"
        );
        assert_eq!(problem.kind, expected(field, value), "{field}");
    }

    let mut plan = valid_plan();
    plan.staff[1].fte = value;
    let problem = single_problem(&plan);
    assert_eq!(problem.place, staff_place(1, "nv-2", "fte"));
    assert_eq!(problem.kind, expected("fte", value));
}

fn set_service(plan: &mut Plan, edit: impl FnOnce(&mut f64, &mut f64, &mut f64)) {
    if let ComponentKind::Service {
        volume,
        minutes_per_item,
        coefficient,
    } = &mut plan.positions[1].components[0].kind
    {
        edit(volume, minutes_per_item, coefficient);
    }
}

#[test]
fn negative_numbers_in_every_numeric_field() {
    // Available hours start at one hour: below it, the range is the message.
    each_numeric_field(-2.5, |field, value| match field {
        "available_hours" => ProblemKind::OutOfBounds {
            value,
            bounds: bounds::AVAILABLE_HOURS,
        },
        _ => ProblemKind::Negative { value },
    });
}

#[test]
fn infinite_numbers_in_every_numeric_field() {
    each_numeric_field(f64::INFINITY, |_, value| ProblemKind::NotFinite { value });
}

#[test]
fn nan_in_every_numeric_field() {
    // NaN is not equal to itself: compare the messages.
    let mut plan = valid_plan();
    plan.positions[1].components[0].kind = ComponentKind::Service {
        volume: f64::NAN,
        minutes_per_item: 30.0,
        coefficient: 1.0,
    };
    let problem = single_problem(&plan);
    assert_eq!(
        problem.to_string(),
        "component \"cv-van-thu\" of position \"van-thu\" (volume): must be a finite number, \
         found NaN"
    );
    let mut plan = valid_plan();
    plan.calendars[0].hours_per_day = f64::NAN;
    assert_eq!(
        single_problem(&plan).to_string(),
        "calendar \"mac-dinh\" (hours_per_day): must be a finite number, found NaN"
    );
}

#[test]
fn a_negative_number_reads_clearly() {
    let mut plan = valid_plan();
    plan.staff[1].fte = -1.0;
    assert_eq!(
        single_problem(&plan).to_string(),
        "staff member \"nv-2\" (fte): must not be negative, found -1"
    );
}

#[test]
fn zero_hours_per_day_or_days_per_week_would_divide_by_zero() {
    let mut plan = valid_plan();
    plan.calendars[0].hours_per_day = 0.0;
    let problem = single_problem(&plan);
    assert_eq!(
        problem.place,
        calendar_place(0, "mac-dinh", "hours_per_day")
    );
    assert_eq!(problem.kind, ProblemKind::Zero);
    assert_eq!(
        problem.to_string(),
        "calendar \"mac-dinh\" (hours_per_day): must be greater than zero"
    );

    let mut plan = valid_plan();
    plan.calendars[1].days_per_week = 0.0;
    let problem = single_problem(&plan);
    assert_eq!(problem.place, calendar_place(1, "y-te", "days_per_week"));
    assert_eq!(problem.kind, ProblemKind::Zero);
}

#[test]
fn a_calendar_without_working_time() {
    let mut plan = valid_plan();
    plan.calendars[0].annual_leave = 300.0;
    let problem = single_problem(&plan);
    assert_eq!(
        problem.place,
        calendar_place(0, "mac-dinh", "available_hours")
    );
    // 5 x 52 - 11 - 300 = -51 days, x 8 h.
    assert_eq!(
        problem.kind,
        ProblemKind::NoWorkingTime {
            days: -51.0,
            hours: -408.0
        }
    );
    assert_eq!(
        problem.to_string(),
        "calendar \"mac-dinh\" (available_hours): the calendar leaves no working time \
         (-51 days, -408 hours a year)"
    );

    let mut plan = valid_plan();
    plan.calendars[1].available_hours = Some(0.0);
    let problem = single_problem(&plan);
    assert_eq!(problem.place, calendar_place(1, "y-te", "available_hours"));
    assert_eq!(
        problem.kind,
        ProblemKind::NoWorkingTime {
            days: 0.0,
            hours: 0.0
        }
    );

    // Hours fixed by policy set the days (1,200 h / 8 h = 150): leave counted from the week
    // no longer matters.
    let mut plan = valid_plan();
    plan.calendars[1].other_leave = 250.0;
    assert_eq!(plan.calendars[1].available_days(), 150.0);
    assert!(validate(&plan).is_empty());
}

// ---- support and limits ----------------------------------------------------------------

#[test]
fn support_reaching_all_the_working_time() {
    let mut plan = valid_plan();
    // 10% + 30 min a week (1.25%, on 8 h x 5 days) + 88.75%: exactly 100%.
    plan.positions[1]
        .components
        .push(component("cv-them", percent(88.75)));
    let problem = single_problem(&plan);
    assert_eq!(problem.place, position_place(1, "van-thu", "duties"));
    assert_eq!(problem.kind, ProblemKind::SupportTooLarge { share: 1.0 });
    assert_eq!(
        problem.to_string(),
        "position \"van-thu\" (duties): support work takes 100.0% of the working time; it must \
         stay below 100%"
    );
    // Just below is fine.
    plan.positions[1].components.last_mut().unwrap().kind = percent(88.7);
    assert_eq!(validate(&plan), []);
}

#[test]
fn support_time_is_converted_with_the_positions_calendar() {
    let mut plan = valid_plan();
    // The health calendar has 1,200 h a year: 100 h a month is the whole year.
    plan.positions[1].components = vec![component(
        "cv-truc",
        ComponentKind::Support(SupportAmount::Time {
            minutes: 100.0 * 60.0,
            per: Period::Month,
        }),
    )];
    let problem = single_problem(&plan);
    assert_eq!(problem.kind, ProblemKind::SupportTooLarge { share: 1.0 });
    // Under the default calendar (1,896 h) the same time is 63%.
    plan.positions[1].calendar = None;
    assert_eq!(validate(&plan), []);
}

#[test]
fn fixed_positions_ignore_their_support() {
    let mut plan = valid_plan();
    plan.positions[0].components = vec![component("cv-lanh-dao", percent(100.0))];
    assert_eq!(validate(&plan), []);
}

#[test]
fn min_above_max() {
    let mut plan = valid_plan();
    plan.positions[1].min = Some(4);
    plan.positions[1].max = Some(2);
    let problem = single_problem(&plan);
    assert_eq!(problem.place, position_place(1, "van-thu", "min"));
    assert_eq!(problem.kind, ProblemKind::MinAboveMax { min: 4, max: 2 });
    assert_eq!(
        problem.to_string(),
        "position \"van-thu\" (min): min 4 is greater than max 2"
    );
}

// ---- all at once -----------------------------------------------------------------------

#[test]
fn every_problem_is_reported_at_once() {
    let mut plan = valid_plan();
    plan.units.push(unit("van-phong", Some("khong-co")));
    plan.calendars[1].hours_per_day = -8.0;
    plan.positions[2].unit_id = "phong-x".into();
    plan.positions[1].min = Some(3);
    plan.positions[1].max = Some(1);
    plan.staff[0].position_id = Some("ke-toan".into());
    plan.staff[2].fte = -0.5;
    let problems: Vec<String> = validate(&plan).iter().map(ToString::to_string).collect();
    assert_eq!(
        problems,
        [
            "unit \"van-phong\" (id): duplicate id \"van-phong\", already used by unit \
             \"van-phong\"",
            "calendar \"y-te\" (hours_per_day): must not be negative, found -8",
            "unit \"van-phong\" (parent_id): unit \"khong-co\" does not exist",
            "position \"van-thu\" (min): min 3 is greater than max 1",
            "position \"tap-vu\" (unit_id): unit \"phong-x\" does not exist",
            "staff member \"nv-1\" (position_id): position \"ke-toan\" does not exist",
            "staff member \"nv-3\" (fte): must not be negative, found -0.5",
        ]
    );
}

// ---- plausible ranges ------------------------------------------------------------------

/// The problem of a plan with one implausible value: its place and the range it states.
fn out_of_bounds(plan: &Plan) -> (Place, f64, Bounds) {
    let problem = single_problem(plan);
    match problem.kind {
        ProblemKind::OutOfBounds { value, bounds } => (problem.place, value, bounds),
        other => panic!("expected a value out of bounds, got {other:?}"),
    }
}

/// The single problem of a calendar whose inputs make a year of working time out of bounds.
fn available_time_out_of_bounds(plan: &Plan) -> (Place, f64, Bounds, bool) {
    let problem = single_problem(plan);
    match problem.kind {
        ProblemKind::AvailableTimeOutOfBounds {
            value,
            bounds,
            in_days,
        } => (problem.place, value, bounds, in_days),
        other => panic!("expected available time out of bounds, got {other:?}"),
    }
}

#[test]
fn calendar_figures_stay_within_a_real_week_and_year() {
    type Edit = fn(&mut Calendar, f64);
    let fields: [(&str, Edit, f64, f64, Bounds); 6] = [
        (
            "days_per_week",
            |c, v| c.days_per_week = v,
            7.0,
            8.0,
            bounds::DAYS_PER_WEEK,
        ),
        (
            "weeks_per_year",
            |c, v| c.weeks_per_year = v,
            53.0,
            60.0,
            bounds::WEEKS_PER_YEAR,
        ),
        (
            "hours_per_day",
            |c, v| c.hours_per_day = v,
            24.0,
            25.0,
            bounds::HOURS_PER_DAY,
        ),
        (
            "public_holidays",
            |c, v| c.public_holidays = v,
            366.0,
            366.5,
            bounds::DAYS_OFF,
        ),
        (
            "annual_leave",
            |c, v| c.annual_leave = v,
            12.0,
            400.0,
            bounds::DAYS_OFF,
        ),
        (
            "sick_leave",
            |c, v| c.sick_leave = v,
            0.0,
            1e9,
            bounds::DAYS_OFF,
        ),
    ];
    for (field, edit, inside, outside, expected) in fields {
        // On the y-te calendar, whose fixed 1,200 hours keep every edit inside a year.
        let mut plan = valid_plan();
        edit(&mut plan.calendars[1], inside);
        assert_eq!(validate(&plan), [], "{field} = {inside}");
        edit(&mut plan.calendars[1], outside);
        let (place, value, range) = out_of_bounds(&plan);
        assert_eq!(place, calendar_place(1, "y-te", field));
        assert_eq!((value, range), (outside, expected), "{field}");
    }
}

#[test]
fn the_issues_calendar_of_11425_hours_is_refused_field_by_field() {
    let mut plan = valid_plan();
    let calendar = &mut plan.calendars[0];
    (
        calendar.days_per_week,
        calendar.weeks_per_year,
        calendar.hours_per_day,
    ) = (8.0, 60.0, 25.0);
    let fields: Vec<&str> = validate(&plan).iter().map(|p| p.place.field()).collect();
    assert_eq!(fields, ["days_per_week", "weeks_per_year", "hours_per_day"]);
    let messages: Vec<String> = validate(&plan).iter().map(ToString::to_string).collect();
    assert_eq!(
        messages[0],
        "calendar \"mac-dinh\" (days_per_week): must be greater than 0 and at most 7, found 8"
    );
    assert_eq!(
        validate(&plan)[1].message(Language::Vietnamese),
        "lịch làm việc \"mac-dinh\" (weeks_per_year): phải trong khoảng từ 0 đến 53, đang là 60"
    );
}

#[test]
fn available_hours_are_between_one_and_a_leap_year() {
    let mut plan = valid_plan();
    plan.calendars[1].available_hours = Some(8_784.0);
    plan.calendars[1].hours_per_day = 24.0; // 366 days
    assert_eq!(validate(&plan), []);
    plan.calendars[1].available_hours = Some(8_785.0);
    let (place, value, range) = out_of_bounds(&plan);
    assert_eq!(place, calendar_place(1, "y-te", "available_hours"));
    assert_eq!((value, range), (8_785.0, bounds::AVAILABLE_HOURS));

    let mut plan = valid_plan();
    plan.calendars[1].available_hours = Some(1.0);
    assert_eq!(validate(&plan), []);
    plan.calendars[1].available_hours = Some(0.5);
    let (_, value, range) = out_of_bounds(&plan);
    assert_eq!((value, range), (0.5, bounds::AVAILABLE_HOURS));

    // Every input within its range, the year they make is not: 7 days x 53 weeks x 24 h.
    let mut plan = valid_plan();
    let calendar = &mut plan.calendars[0];
    (
        calendar.days_per_week,
        calendar.weeks_per_year,
        calendar.hours_per_day,
    ) = (7.0, 53.0, 24.0);
    (calendar.public_holidays, calendar.annual_leave) = (0.0, 0.0);
    let (place, value, range, in_days) = available_time_out_of_bounds(&plan);
    assert_eq!(place, calendar_place(0, "mac-dinh", "available_hours"));
    assert_eq!(
        (value, range, in_days),
        (8_904.0, bounds::AVAILABLE_HOURS, false)
    );
    assert_eq!(
        single_problem(&plan).to_string(),
        "calendar \"mac-dinh\" (available_hours): the calendar makes 8,904 available hours a \
         year; they must be between 1 and 8,784"
    );
}

#[test]
fn a_vanishing_hours_per_day_is_refused_not_divided_by() {
    // 1e-320 hours a day: positive, so "greater than zero" holds, but the year it makes has no
    // hour in it.
    let mut plan = valid_plan();
    plan.calendars[0].hours_per_day = 1e-320;
    let (place, _, range, in_days) = available_time_out_of_bounds(&plan);
    assert_eq!(place, calendar_place(0, "mac-dinh", "available_hours"));
    assert_eq!((range, in_days), (bounds::AVAILABLE_HOURS, false));
    let problem = single_problem(&plan);
    assert!(
        problem
            .message(Language::Vietnamese)
            .starts_with("lịch làm việc \"mac-dinh\" (available_hours): lịch này cho ")
            && problem
                .message(Language::Vietnamese)
                .ends_with(" giờ làm việc có được trong năm; phải trong khoảng từ 1 đến 8.784"),
        "{problem}"
    );
    // With hours fixed by policy, the days they make would be beyond any year.
    let mut plan = valid_plan();
    plan.calendars[1].hours_per_day = 1e-320;
    let (place, value, range, in_days) = available_time_out_of_bounds(&plan);
    assert_eq!(place, calendar_place(1, "y-te", "available_hours"));
    assert_eq!((range, in_days), (bounds::AVAILABLE_DAYS, true));
    assert!(value.is_infinite() || value > 366.0);
}

#[test]
fn a_persons_fte_is_above_zero_and_at_most_one() {
    let mut plan = valid_plan();
    plan.staff[1].fte = 1.0;
    assert_eq!(validate(&plan), []);
    plan.staff[1].fte = 0.01;
    assert_eq!(validate(&plan), []);
    plan.staff[1].fte = 50.0;
    let (place, value, range) = out_of_bounds(&plan);
    assert_eq!(place, staff_place(1, "nv-2", "fte"));
    assert_eq!((value, range), (50.0, bounds::FTE));
    assert_eq!(
        single_problem(&plan).to_string(),
        "staff member \"nv-2\" (fte): must be greater than 0 and at most 1, found 50"
    );
    plan.staff[1].fte = 1.01;
    assert_eq!(out_of_bounds(&plan).1, 1.01);
    plan.staff[1].fte = 0.0;
    assert_eq!(single_problem(&plan).kind, ProblemKind::Zero);
}

#[test]
fn the_year_is_between_1900_and_2200() {
    let mut plan = valid_plan();
    for year in [1900, 2026, 2200] {
        plan.meta.year = Some(year);
        assert_eq!(validate(&plan), [], "{year}");
    }
    for year in [-1, 1899, 2201] {
        plan.meta.year = Some(year);
        let (place, value, range) = out_of_bounds(&plan);
        assert_eq!(place, Place::Meta { field: "year" });
        assert_eq!((value, range), (f64::from(year), bounds::YEAR));
    }
    plan.meta.year = Some(-1);
    assert_eq!(
        single_problem(&plan).to_string(),
        "plan (year): must be between 1,900 and 2,200, found −1"
    );
}

#[test]
fn work_amounts_have_bounds_no_real_plan_reaches() {
    let volume = |plan: &mut Plan, v: f64| {
        plan.positions[1].components[0].kind = ComponentKind::Service {
            volume: v,
            minutes_per_item: 30.0,
            coefficient: 1.0,
        }
    };
    let mut plan = valid_plan();
    volume(&mut plan, 1e9);
    assert_eq!(validate(&plan), []);
    for too_large in [1e9 + 1.0, 1e308] {
        volume(&mut plan, too_large);
        let (place, value, range) = out_of_bounds(&plan);
        assert_eq!(
            place,
            component_place((1, "van-thu"), (0, "cv-van-thu"), "volume")
        );
        assert_eq!((value, range), (too_large, bounds::VOLUME));
    }
    assert_eq!(
        single_problem(&plan).to_string(),
        "component \"cv-van-thu\" of position \"van-thu\" (volume): must be between 0 and \
         1,000,000,000, found 1e308"
    );
    let service = |plan: &mut Plan, minutes: f64, coefficient: f64| {
        plan.positions[1].components[0].kind = ComponentKind::Service {
            volume: 1.0,
            minutes_per_item: minutes,
            coefficient,
        }
    };
    service(&mut plan, 1e7, 1e3);
    assert_eq!(validate(&plan), []);
    service(&mut plan, 1e7 + 1.0, 1.0);
    assert_eq!(out_of_bounds(&plan).2, bounds::MINUTES);
    service(&mut plan, 1.0, 1e3 + 0.5);
    assert_eq!(out_of_bounds(&plan).2, bounds::COEFFICIENT);
    plan.positions[1].components[0].kind = ComponentKind::Norm {
        volume: 1.0,
        ratio: 1e3 + 1.0,
    };
    assert_eq!(out_of_bounds(&plan).2, bounds::RATIO);
}

#[test]
fn headcounts_typed_by_hand_stay_below_a_million() {
    let mut plan = valid_plan();
    plan.positions[0].count = 1_000_000;
    assert_eq!(validate(&plan), []);
    plan.positions[0].count = 1_000_001;
    let problem = single_problem(&plan);
    assert_eq!(problem.place, position_place(0, "chu-tich", "count"));
    assert_eq!(
        problem.kind,
        ProblemKind::OutOfRange {
            value: 1_000_001,
            min: 0,
            max: 1_000_000
        }
    );
}

#[test]
fn texts_fit_one_spreadsheet_cell_and_the_field_is_named() {
    let mut plan = valid_plan();
    plan.positions[1].name = "a".repeat(32_767);
    assert_eq!(validate(&plan), []);
    plan.positions[1].name = "ệ".repeat(40_000);
    let problem = single_problem(&plan);
    assert_eq!(problem.place, position_place(1, "van-thu", "name"));
    assert_eq!(
        problem.kind,
        ProblemKind::TextTooLong {
            chars: 40_000,
            max: 32_767
        }
    );
    assert_eq!(
        problem.message(Language::Vietnamese),
        "vị trí \"van-thu\" (name): dài 40.000 ký tự; tối đa 32.767 ký tự"
    );

    let mut plan = valid_plan();
    plan.meta.name = "x".repeat(32_768);
    assert_eq!(single_problem(&plan).place, Place::Meta { field: "name" });
    let mut plan = valid_plan();
    plan.staff[0]
        .personal
        .insert("ghi_chu".into(), "y".repeat(32_768));
    assert_eq!(
        single_problem(&plan).place,
        staff_place(0, "nv-1", "personal")
    );
}

/// Every kind of edit, applied in a sequence that brings problems in and then fixes them: after
/// each, the scoped validation finds exactly the problems full validation finds in its scope,
/// and the kept validation updated with it equals a full validation of the plan, in order.
/// Undoing the sequence keeps the two equal as well.
#[test]
fn scoped_validation_after_each_edit_equals_full_validation() {
    use vtvl::editing::{Created, Edit, History, ReviewField, Undo};
    use vtvl::model::{Appraisal, Rounding};
    use vtvl::validation::{Scope, Validation};

    let original = vtvl::plan_file::default_plan().unwrap();
    assert_eq!(validate(&original), []);
    let mut plan = original.clone();
    let mut kept = Validation::of(&plan);
    let mut history = History::default();

    // Applies an edit as the app does, checking the scoped validation against the full one.
    let mut apply = |plan: &mut Plan, edit: Edit| -> Created {
        let undo = Undo::before(&edit, plan);
        let created = edit.clone().apply(plan).unwrap();
        let touched = undo.touched(plan);
        let scope = Scope::of(&touched, plan);
        let found = Validation::within(plan, &scope);
        let full = Validation::of(plan);
        let covered: Vec<Problem> = full.covered(&scope).cloned().collect();
        assert_eq!(found.problems(), covered, "scoped after {edit:?}");
        kept.update(&scope, &touched.shift, found);
        assert_eq!(kept.problems(), full.problems(), "kept after {edit:?}");
        history.record(edit, undo);
        created
    };
    let kinds = |plan: &Plan| -> Vec<String> {
        validate(plan)
            .iter()
            .map(|p| {
                format!("{:?}", p.kind)
                    .split([' ', '{'])
                    .next()
                    .unwrap()
                    .to_owned()
            })
            .collect()
    };
    let unit = |plan: &Plan, id: &str| plan.unit(id).unwrap().clone();
    let position = |plan: &Plan, id: &str| plan.position(id).unwrap().clone();
    let member = |plan: &Plan, id: &str| plan.staff.iter().find(|s| s.id == id).unwrap().clone();

    // Problems in the plan's fields, a unit, a position and its components.
    let mut meta = plan.meta.clone();
    meta.name = "x".repeat(40_000);
    meta.year = Some(1800);
    apply(&mut plan, Edit::SetMeta(meta));
    let mut economy = unit(&plan, "pkt");
    economy.name = " ".into();
    apply(&mut plan, Edit::UpdateUnit(economy));
    let mut home_affairs = position(&plan, "vp-noi-vu");
    home_affairs.name = String::new();
    (home_affairs.min, home_affairs.max) = (Some(3), Some(1));
    apply(&mut plan, Edit::UpdatePosition(Box::new(home_affairs)));
    let mut component = position(&plan, "vp-noi-vu").components[0].clone();
    component.kind = ComponentKind::Norm {
        volume: -1.0,
        ratio: 1.0,
    };
    apply(
        &mut plan,
        Edit::UpdateComponent {
            position_id: "vp-noi-vu".into(),
            component,
        },
    );
    // A component id used twice across positions.
    let mut justice = position(&plan, "vp-tu-phap");
    justice.components[0].id = "d-vp-001".into();
    apply(&mut plan, Edit::UpdatePosition(Box::new(justice)));
    assert_eq!(
        kinds(&plan),
        [
            "OutOfBounds",
            "DuplicateId",
            "EmptyName",
            "EmptyName",
            "MinAboveMax",
            "Negative",
            "TextTooLong"
        ]
    );
    // A row inserted before every problem moves them all down.
    apply(
        &mut plan,
        Edit::DuplicatePosition {
            id: "ubnd-chu-tich".into(),
        },
    );
    // Staff: a position of another unit, no working time, a position that does not exist yet.
    let mut moved = member(&plan, "s-020");
    moved.unit_id = "vp".into();
    apply(&mut plan, Edit::UpdateStaff(moved));
    let mut idle = member(&plan, "s-021");
    idle.fte = 0.0;
    apply(&mut plan, Edit::UpdateStaff(idle));
    let mut waiting = member(&plan, "s-003");
    waiting.position_id = Some("vi-tri-1".into());
    apply(&mut plan, Edit::UpdateStaff(waiting));
    assert!(kinds(&plan).contains(&"MissingPosition".to_owned()));
    let created = apply(
        &mut plan,
        Edit::AddPosition {
            unit_id: "ubnd".into(),
            name: "Vị trí mới".into(),
        },
    );
    assert_eq!(created, Created::Position("vi-tri-1".into()));
    assert!(!kinds(&plan).contains(&"MissingPosition".to_owned()));
    // A parent that does not exist yet, then a new unit under it that closes a cycle.
    let mut culture = unit(&plan, "pvhxh");
    culture.parent_id = Some("don-vi-1".into());
    apply(&mut plan, Edit::UpdateUnit(culture));
    assert!(kinds(&plan).contains(&"MissingUnit".to_owned()));
    let created = apply(
        &mut plan,
        Edit::AddUnit {
            parent: Some("pvhxh".into()),
            name: "Tổ mới".into(),
        },
    );
    assert_eq!(created, Created::Unit("don-vi-1".into()));
    assert!(kinds(&plan).contains(&"UnitCycle".to_owned()));
    apply(
        &mut plan,
        Edit::MoveUnit {
            id: "don-vi-1".into(),
            parent: None,
        },
    );
    assert!(!kinds(&plan).contains(&"UnitCycle".to_owned()));
    // The review: a line for no position with a figure out of range, a long reviewer.
    apply(
        &mut plan,
        Edit::SetAppraisal(Appraisal {
            position_id: "khong-co".into(),
            appraised: Some(2_000_000),
            decision: None,
            comment: String::new(),
            decision_follows_figure: false,
            seen: None,
        }),
    );
    apply(
        &mut plan,
        Edit::SetReviewField(ReviewField::Reviewer("y".repeat(40_000))),
    );
    let seen = |plan: &Plan, position_id: &str| SeenProposal {
        proposed: 1,
        required: 1,
        current: 1.0,
        rank_code: String::new(),
        unit_id: plan_unit_of(plan, position_id),
    };
    let first = plan.positions[0].id.clone();
    let first_seen = seen(&plan, &first);
    apply(
        &mut plan,
        Edit::SetAppraisedFigure {
            position_id: first.clone(),
            appraised: Some(3_000_000),
            seen: first_seen.clone(),
        },
    );
    apply(
        &mut plan,
        Edit::SetDecision {
            position_id: first.clone(),
            decision: Some(Decision::Adjust),
            seen: first_seen.clone(),
        },
    );
    let every_position: Vec<(String, SeenProposal)> = plan
        .positions
        .iter()
        .map(|p| (p.id.clone(), seen(&plan, &p.id)))
        .collect();
    apply(&mut plan, Edit::ConfirmAppraisals(every_position.clone()));
    apply(&mut plan, Edit::AgreeRemaining(every_position));
    // Components added, copied and removed (the duplicate id goes with the last).
    apply(
        &mut plan,
        Edit::AddComponent {
            position_id: "vp-noi-vu".into(),
            name: "Việc mới".into(),
            kind: ComponentKind::Norm {
                volume: 1.0,
                ratio: 1.0,
            },
        },
    );
    apply(
        &mut plan,
        Edit::DuplicateComponent {
            position_id: "vp-noi-vu".into(),
            component_id: "d-vp-009".into(),
        },
    );
    apply(
        &mut plan,
        Edit::DeleteComponent {
            position_id: "vp-tu-phap".into(),
            component_id: "d-vp-001".into(),
        },
    );
    // Rows removed before rows with problems: a position with its holder and appraisal line,
    // a staff member, a unit with its positions and staff.
    apply(
        &mut plan,
        Edit::DeletePosition {
            id: "vp-chanh-van-phong".into(),
        },
    );
    apply(&mut plan, Edit::DeleteStaff { id: "s-001".into() });
    apply(&mut plan, Edit::DeleteUnit { id: "vp".into() });
    // Calendars, blocking rules and rounding.
    let calendars = plan.calendars.clone();
    let broken = Calendar {
        hours_per_day: 0.0,
        ..Calendar::vietnamese_default()
    };
    apply(&mut plan, Edit::SetCalendars(vec![broken]));
    assert!(kinds(&plan).contains(&"Zero".to_owned()));
    apply(&mut plan, Edit::SetCalendars(calendars));
    apply(&mut plan, Edit::SetBlockingRules(vec!["z".repeat(40_000)]));
    apply(&mut plan, Edit::SetRounding(Rounding::Up));
    assert!(validate(&plan).len() >= 6, "{:?}", kinds(&plan));
    // Every problem fixed.
    apply(&mut plan, Edit::SetMeta(original.meta.clone()));
    apply(&mut plan, Edit::UpdateUnit(unit(&original, "pkt")));
    apply(&mut plan, Edit::UpdateUnit(unit(&original, "pvhxh")));
    apply(&mut plan, Edit::UpdateStaff(member(&original, "s-021")));
    apply(&mut plan, Edit::SetBlockingRules(Vec::new()));
    apply(&mut plan, Edit::ClearReview);
    assert_eq!(validate(&plan), []);

    // Undone one by one, back to the sample.
    let mut undone = 0;
    while let Some(touched) = history.undo(&mut plan) {
        let scope = Scope::of(&touched, &plan);
        let found = Validation::within(&plan, &scope);
        kept.update(&scope, &touched.shift, found);
        assert_eq!(kept.problems(), validate(&plan), "after {undone} undone");
        undone += 1;
    }
    assert!(undone > 30);
    assert!(plan == original);
}

/// The unit of a position, for the proposal a reviewer saw.
fn plan_unit_of(plan: &Plan, position_id: &str) -> String {
    plan.positions
        .iter()
        .find(|p| p.id == position_id)
        .map(|p| p.unit_id.clone())
        .unwrap_or_default()
}

#[test]
fn a_decided_retirement_before_working_age_is_named_at_its_field() {
    let mut plan = valid_plan();
    plan.staff[0].birth_date = Some(vtvl::model::BirthDate::Year(1990));
    plan.staff[0].retires_on = vtvl::model::CivilDate::new(2004, 12, 31);
    let problem = single_problem(&plan);
    assert_eq!(
        problem.place,
        staff_place(0, &plan.staff[0].id, "retires_on")
    );
    assert_eq!(
        problem.kind.message(Language::Vietnamese),
        "ngày nghỉ hưu 31/12/2004 sớm hơn ngày sinh 1990 cộng 15 năm"
    );
    plan.staff[0].retires_on = vtvl::model::CivilDate::new(2005, 1, 1);
    assert!(validate(&plan).is_empty());
}
