//! Review rules on crafted plans: every rule on both sides of its thresholds, in each version,
//! picked by the judgement date; blocking; sorting; the catalogue.
//!
//! Headcounts are fixed positions (a count), so a unit's proposed headcount is exactly the sum
//! written in each test.

use vtvl::engine;
use vtvl::language::Language;
use vtvl::model::{
    AutonomyGroup, Category, CivilDate, Component, ComponentKind, Employment, LeaderRole, Method,
    Plan, Position, Proposal, ProvinceClass, Rounding, StepCount, Unit, UnitType,
};
use vtvl::rules::{self, Finding, Severity};

fn date(text: &str) -> CivilDate {
    text.parse().unwrap()
}

fn plan(class: Option<ProvinceClass>) -> Plan {
    let mut plan = Plan::default();
    plan.meta.name = "Đề án thử".into();
    plan.meta.province_class = class;
    plan
}

fn add_unit(plan: &mut Plan, id: &str, parent: Option<&str>, kind: UnitType) {
    plan.units.push(Unit {
        unit_type: kind,
        ..Unit::new(id, parent.map(Into::into), format!("Đơn vị {id}"))
    });
}

fn fixed(id: &str, unit: &str, count: u32, category: Category, rank: &str) -> Position {
    Position {
        category,
        rank_code: rank.into(),
        method: Method::Fixed,
        count,
        ..Position::new(id, unit, format!("Vị trí {id}"))
    }
}

/// A head, `deputies` deputies and the rest specialists: `size` people in all.
fn staff_unit(plan: &mut Plan, unit: &str, size: u32, deputies: u32) {
    let mut head = fixed(
        &format!("{unit}-truong"),
        unit,
        1,
        Category::Leadership,
        "01.002",
    );
    head.role = Some(LeaderRole::Head);
    plan.positions.push(head);
    if deputies > 0 {
        let mut deputy = fixed(
            &format!("{unit}-pho"),
            unit,
            deputies,
            Category::Leadership,
            "01.002",
        );
        deputy.role = Some(LeaderRole::Deputy);
        plan.positions.push(deputy);
    }
    let rest = size.saturating_sub(1 + deputies);
    if rest > 0 {
        plan.positions.push(fixed(
            &format!("{unit}-cv"),
            unit,
            rest,
            Category::Specialized,
            "01.003",
        ));
    }
}

/// A Sở with one division of `size` people and `deputies` deputies.
fn department_with_division(class: Option<ProvinceClass>, size: u32, deputies: u32) -> Plan {
    let mut plan = plan(class);
    add_unit(&mut plan, "so", None, UnitType::ProvincialDepartment);
    add_unit(&mut plan, "p", Some("so"), UnitType::DepartmentDivision);
    staff_unit(&mut plan, "p", size, deputies);
    plan
}

fn check(plan: &Plan, at: &str) -> Vec<Finding> {
    let results = engine::compute(plan).expect("compute");
    rules::check(plan, &results, date(at))
}

fn with_rule<'a>(findings: &'a [Finding], rule: &str) -> Vec<&'a Finding> {
    findings.iter().filter(|f| f.rule_id == rule).collect()
}

fn breaches<'a>(findings: &'a [Finding], rule: &str) -> Vec<&'a Finding> {
    with_rule(findings, rule)
        .into_iter()
        .filter(|f| f.severity != Severity::Info)
        .collect()
}

/// The one breach of `rule` (facts about it aside), its (actual, limit).
#[track_caller]
fn breach(findings: &[Finding], rule: &str) -> (f64, f64) {
    let found = breaches(findings, rule);
    assert_eq!(found.len(), 1, "one breach of {rule}: {findings:#?}");
    let f = found[0];
    assert_eq!(f.severity, Severity::Warning, "{f:#?}");
    (f.actual.unwrap(), f.limit.unwrap())
}

/// No breach of `rule` (facts about it may be reported).
#[track_caller]
fn none_of(findings: &[Finding], rule: &str) {
    assert!(
        breaches(findings, rule).is_empty(),
        "no breach of {rule}: {findings:#?}"
    );
}

// ---------------------------------------------------------------------------------------------
// Deputies of a division of a Sở, by version

#[test]
fn nd107_division_deputies_depend_on_the_province_class() {
    let rule = "nd107-2020.deputies.division";
    let at = "2024-06-01";
    // Class I: below 9 people one deputy, from 9 up to two.
    let f = check(&department_with_division(Some(ProvinceClass::I), 8, 2), at);
    assert_eq!(breach(&f, rule), (2.0, 1.0));
    let f = check(&department_with_division(Some(ProvinceClass::I), 8, 1), at);
    none_of(&f, rule);
    let f = check(&department_with_division(Some(ProvinceClass::I), 9, 2), at);
    none_of(&f, rule);
    let f = check(&department_with_division(Some(ProvinceClass::I), 9, 3), at);
    assert_eq!(breach(&f, rule), (3.0, 2.0));
    // Class II: the step is at 8.
    let f = check(&department_with_division(Some(ProvinceClass::II), 7, 2), at);
    assert_eq!(breach(&f, rule), (2.0, 1.0));
    let f = check(&department_with_division(Some(ProvinceClass::II), 8, 2), at);
    none_of(&f, rule);
    // Hà Nội, TP. Hồ Chí Minh: the step is at 10.
    let f = check(
        &department_with_division(Some(ProvinceClass::Special), 9, 2),
        at,
    );
    assert_eq!(breach(&f, rule), (2.0, 1.0));
    let f = check(
        &department_with_division(Some(ProvinceClass::Special), 10, 2),
        at,
    );
    none_of(&f, rule);
    // 14 people: two; 15: three.
    let f = check(
        &department_with_division(Some(ProvinceClass::III), 14, 3),
        at,
    );
    assert_eq!(breach(&f, rule), (3.0, 2.0));
    let f = check(
        &department_with_division(Some(ProvinceClass::III), 15, 3),
        at,
    );
    none_of(&f, rule);
    let finding = with_rule(
        &check(&department_with_division(Some(ProvinceClass::I), 8, 2), at),
        rule,
    )[0]
    .clone();
    assert_eq!(finding.unit_id.as_deref(), Some("p"));
    assert_eq!(finding.position_id, None);
    assert_eq!(finding.legal_basis, "Điều 1 Nghị định 107/2020/NĐ-CP");
    assert_eq!(
        finding.message.vi,
        "Đơn vị p: 2 cấp phó, vượt mức tối đa 1 cấp phó của phòng thuộc sở có 8 biên chế"
    );
    let inputs: Vec<String> = finding
        .inputs
        .iter()
        .map(|i| format!("{} = {}", i.label.vi, i.value.vi))
        .collect();
    assert!(
        inputs.contains(
            &"Quy mô của đơn vị (số người đề xuất, gồm các đơn vị trực thuộc) = 8 biên chế"
                .to_owned()
        ),
        "{inputs:?}"
    );
    assert!(
        inputs.contains(&"Loại tỉnh = Tỉnh loại I".to_owned()),
        "{inputs:?}"
    );
    assert!(
        inputs.contains(&"Ngày xét (quy định có hiệu lực) = 01/06/2024".to_owned()),
        "{inputs:?}"
    );
}

#[test]
fn the_same_division_is_judged_by_the_version_in_force() {
    // A 9-person division of a class I province with 2 deputies: allowed under ND 107/2020
    // (from 9 people, two), too many under ND 45/2025 (below 10, one).
    let plan = department_with_division(Some(ProvinceClass::I), 9, 2);
    let f = check(&plan, "2024-06-01");
    none_of(&f, "nd107-2020.deputies.division");
    none_of(&f, "nd45-2025.deputies.division");
    let f = check(&plan, "2025-06-01");
    assert_eq!(breach(&f, "nd45-2025.deputies.division"), (2.0, 1.0));
    none_of(&f, "nd107-2020.deputies.division");
    // With 10 people, ND 45/2025 allows two.
    let f = check(
        &department_with_division(Some(ProvinceClass::I), 10, 2),
        "2025-06-01",
    );
    none_of(&f, "nd45-2025.deputies.division");
    // The last day of ND 107/2020 and the first of ND 45/2025.
    let f = check(&plan, "2025-02-28");
    none_of(&f, "nd107-2020.deputies.division");
    none_of(&f, "nd45-2025.deputies.division");
    let f = check(&plan, "2025-03-01");
    assert_eq!(breach(&f, "nd45-2025.deputies.division"), (2.0, 1.0));
}

#[test]
fn nd45_nd150_and_nd370_cap_division_deputies_at_10_and_15_people() {
    for (rule, at) in [
        ("nd45-2025.deputies.division", "2025-06-01"),
        ("nd150-2025.deputies.division", "2025-09-01"),
        ("nd370-2025.deputies.division", "2026-09-01"),
    ] {
        // Province class does not matter here: none given, and no info about it for this rule.
        let f = check(&department_with_division(None, 9, 2), at);
        assert_eq!(breach(&f, rule), (2.0, 1.0), "{rule}");
        let f = check(&department_with_division(None, 10, 2), at);
        assert!(with_rule(&f, rule).is_empty(), "{rule}: {f:#?}");
        let f = check(&department_with_division(None, 14, 3), at);
        assert_eq!(breach(&f, rule), (3.0, 2.0), "{rule}");
        let f = check(&department_with_division(None, 15, 3), at);
        none_of(&f, rule);
        let f = check(&department_with_division(None, 20, 4), at);
        assert_eq!(breach(&f, rule), (4.0, 3.0), "{rule}");
    }
    // Each version only in its own time.
    let f = check(&department_with_division(None, 9, 2), "2026-09-01");
    none_of(&f, "nd45-2025.deputies.division");
    none_of(&f, "nd150-2025.deputies.division");
}

#[test]
fn nd107_inspectorate_deputies_step_at_8_people() {
    let rule = "nd107-2020.deputies.inspectorate";
    for (size, deputies, expected) in [
        (7, 2, Some((2.0, 1.0))),
        (8, 2, None),
        (9, 3, Some((3.0, 2.0))),
    ] {
        let mut plan = plan(Some(ProvinceClass::II));
        add_unit(&mut plan, "so", None, UnitType::ProvincialDepartment);
        add_unit(
            &mut plan,
            "tt",
            Some("so"),
            UnitType::DepartmentInspectorate,
        );
        staff_unit(&mut plan, "tt", size, deputies);
        let f = check(&plan, "2023-01-01");
        match expected {
            Some(figures) => assert_eq!(breach(&f, rule), figures),
            None => none_of(&f, rule),
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Minimum staff to form a division of a Sở

#[test]
fn division_minimums_by_class_in_every_version() {
    for (rule, at) in [
        ("nd107-2020.minimum.division", "2024-06-01"),
        ("nd45-2025.minimum.division", "2025-06-01"),
        ("nd150-2025.minimum.division", "2025-09-01"),
        ("nd370-2025.minimum.division", "2026-09-01"),
    ] {
        for (class, minimum) in [
            (ProvinceClass::Special, 7),
            (ProvinceClass::I, 6),
            (ProvinceClass::II, 5),
            (ProvinceClass::III, 5),
        ] {
            let f = check(&department_with_division(Some(class), minimum - 1, 1), at);
            assert_eq!(
                breach(&f, rule),
                (f64::from(minimum - 1), f64::from(minimum)),
                "{rule} {class:?}"
            );
            let f = check(&department_with_division(Some(class), minimum, 1), at);
            none_of(&f, rule);
        }
    }
}

#[test]
fn without_a_province_class_class_rules_say_what_to_fill_in() {
    let f = check(&department_with_division(None, 3, 1), "2026-09-01");
    let infos = with_rule(&f, "nd370-2025.minimum.division");
    assert_eq!(infos.len(), 1, "{f:#?}");
    assert_eq!(infos[0].severity, Severity::Info);
    assert_eq!(infos[0].unit_id, None);
    assert!(
        infos[0].message.vi.contains("Chưa ghi loại tỉnh"),
        "{}",
        infos[0].message.vi
    );
    assert!(infos[0].message.vi.contains("province_class"));
    assert!(infos[0].message.vi.contains("Đơn vị p"));
    assert_eq!(infos[0].actual, None);
}

// ---------------------------------------------------------------------------------------------
// Deputy directors of a Sở, and a unit's deputies against its parent's

#[test]
fn deputy_directors_above_three_warn_with_the_average_explained() {
    for (rule, at) in [
        ("nd107-2020.deputies.department-average", "2024-06-01"),
        ("nd45-2025.deputies.department-average", "2025-06-01"),
        ("nd150-2025.deputies.department-average", "2025-09-01"),
        ("nd370-2025.deputies.department-average", "2026-09-01"),
    ] {
        let mut plan = plan(Some(ProvinceClass::II));
        add_unit(&mut plan, "so", None, UnitType::ProvincialDepartment);
        staff_unit(&mut plan, "so", 20, 4);
        let f = check(&plan, at);
        assert_eq!(breach(&f, rule), (4.0, 3.0), "{rule}");
        let finding = with_rule(&f, rule)[0];
        assert!(
            finding
                .message
                .vi
                .contains("bình quân 3 phó giám đốc mỗi sở")
        );
        assert!(
            finding
                .inputs
                .iter()
                .any(|i| i.label.vi == "Tổng số được phép theo bình quân"
                    && i.value.vi == "3 x 1 = 3"),
            "{:?}",
            finding.inputs
        );
        let mut three = plan.clone();
        for position in &mut three.positions {
            if position.id == "so-pho" {
                position.count = 3;
            }
        }
        let f = check(&three, at);
        none_of(&f, rule);
    }
}

#[test]
fn a_unit_may_not_have_more_deputies_than_its_parent_from_2026() {
    let rule = "nd370-2025.deputies.parent";
    let build = |parent_deputies: u32| {
        let mut plan = plan(Some(ProvinceClass::II));
        add_unit(&mut plan, "so", None, UnitType::ProvincialDepartment);
        staff_unit(&mut plan, "so", 5, parent_deputies);
        add_unit(&mut plan, "p", Some("so"), UnitType::DepartmentDivision);
        staff_unit(&mut plan, "p", 15, 3);
        plan
    };
    let f = check(&build(2), "2026-09-01");
    assert_eq!(breach(&f, rule), (3.0, 2.0));
    let finding = with_rule(&f, rule)[0];
    assert_eq!(finding.unit_id.as_deref(), Some("p"));
    assert!(
        finding
            .message
            .vi
            .contains("nhiều hơn đơn vị cấp trên trực tiếp Đơn vị so (2 cấp phó)")
    );
    let f = check(&build(3), "2026-09-01");
    none_of(&f, rule);
    // Not in force before ND 370/2025.
    let f = check(&build(2), "2025-09-01");
    none_of(&f, rule);
    // A parent whose leaders carry no role is not compared.
    let mut unroled = build(2);
    for p in &mut unroled.positions {
        if p.unit_id == "so" {
            p.role = None;
        }
    }
    let f = check(&unroled, "2026-09-01");
    none_of(&f, rule);
}

#[test]
fn ministry_units_follow_nd303_for_parent_deputies() {
    let mut plan = plan(None);
    add_unit(&mut plan, "cuc", None, UnitType::MinistryDepartment);
    staff_unit(&mut plan, "cuc", 30, 1);
    add_unit(
        &mut plan,
        "pc",
        Some("cuc"),
        UnitType::MinistryDepartmentDivision,
    );
    staff_unit(&mut plan, "pc", 12, 2);
    assert_eq!(
        breach(&check(&plan, "2025-12-01"), "nd303-2025.deputies.parent"),
        (2.0, 1.0)
    );
    none_of(&check(&plan, "2025-11-19"), "nd303-2025.deputies.parent");
}

#[test]
fn leaders_without_a_role_are_reported_not_guessed() {
    let mut plan = department_with_division(Some(ProvinceClass::II), 10, 0);
    // "Phó trưởng phòng" by name, but no role: not counted, reported.
    plan.positions.push(fixed(
        "p-pho-khong-vai-tro",
        "p",
        3,
        Category::Leadership,
        "01.002",
    ));
    plan.positions
        .iter_mut()
        .find(|p| p.id == "p-pho-khong-vai-tro")
        .unwrap()
        .name = "Phó trưởng phòng".into();
    let f = check(&plan, "2026-09-01");
    none_of(&f, "nd370-2025.minimum.division");
    let infos: Vec<&Finding> = f
        .iter()
        .filter(|f| f.position_id.as_deref() == Some("p-pho-khong-vai-tro"))
        .collect();
    assert_eq!(infos.len(), 1, "{f:#?}");
    assert_eq!(infos[0].severity, Severity::Info);
    assert_eq!(infos[0].rule_id, "nd370-2025.deputies.division");
    assert!(
        infos[0]
            .message
            .vi
            .contains("chưa ghi vai trò cấp trưởng hay cấp phó")
    );
    // 3 unmarked "deputies" would breach the cap of 2 if they were guessed from the name.
    assert!(
        with_rule(&f, "nd370-2025.deputies.division")
            .iter()
            .all(|f| f.severity == Severity::Info)
    );
}

// ---------------------------------------------------------------------------------------------
// Public service units (ND 120/2020 as amended by ND 83/2024) and ministries (ND 101/2020)

fn service_unit(group: Option<AutonomyGroup>, size: u32, deputies: u32) -> Plan {
    let mut plan = plan(None);
    add_unit(&mut plan, "dv", None, UnitType::PublicServiceUnit);
    plan.units[0].autonomy_group = group;
    staff_unit(&mut plan, "dv", size, deputies);
    plan
}

#[test]
fn state_funded_service_units_have_two_deputies_up_to_20_people_then_three() {
    let rule = "nd120-2020.deputies.unit";
    let at = "2025-01-01";
    let f = check(&service_unit(Some(AutonomyGroup::Group4), 20, 3), at);
    assert_eq!(breach(&f, rule), (3.0, 2.0));
    let f = check(&service_unit(Some(AutonomyGroup::Group3), 21, 3), at);
    none_of(&f, rule);
    let f = check(&service_unit(Some(AutonomyGroup::Group4), 30, 4), at);
    assert_eq!(breach(&f, rule), (4.0, 3.0));
    // Self-financing units decide by their own scheme.
    let f = check(&service_unit(Some(AutonomyGroup::Group2), 20, 3), at);
    none_of(&f, rule);
    // Before ND 83/2024 took effect the rule is not applied.
    let f = check(
        &service_unit(Some(AutonomyGroup::Group4), 20, 3),
        "2024-08-31",
    );
    none_of(&f, rule);
    // No autonomy group: said once, not guessed.
    let f = check(&service_unit(None, 20, 3), at);
    let infos = with_rule(&f, rule);
    assert_eq!(infos.len(), 1);
    assert_eq!(infos[0].severity, Severity::Info);
    assert!(infos[0].message.vi.contains("autonomy_group"));
}

#[test]
fn divisions_of_service_units_need_7_people_and_get_deputies_by_size() {
    let build = |size: u32, deputies: u32| {
        let mut plan = service_unit(Some(AutonomyGroup::Group4), 5, 1);
        add_unit(&mut plan, "k", Some("dv"), UnitType::PublicServiceDivision);
        staff_unit(&mut plan, "k", size, deputies);
        plan
    };
    let at = "2025-01-01";
    let (minimum, deputies) = (
        "nd120-2020.minimum.division",
        "nd120-2020.deputies.division",
    );
    // The division inherits the unit's autonomy group.
    assert_eq!(breach(&check(&build(6, 1), at), minimum), (6.0, 7.0));
    none_of(&check(&build(7, 1), at), minimum);
    assert_eq!(breach(&check(&build(9, 2), at), deputies), (2.0, 1.0));
    none_of(&check(&build(10, 2), at), deputies);
    assert_eq!(breach(&check(&build(12, 3), at), deputies), (3.0, 2.0));
}

#[test]
fn nd101_divisions_of_a_cuc_until_nd303() {
    let build = |size: u32, deputies: u32| {
        let mut plan = plan(None);
        add_unit(&mut plan, "cuc", None, UnitType::MinistryDepartment);
        add_unit(
            &mut plan,
            "pc",
            Some("cuc"),
            UnitType::MinistryDepartmentDivision,
        );
        staff_unit(&mut plan, "pc", size, deputies);
        plan
    };
    let (minimum, deputies) = (
        "nd101-2020.minimum.division",
        "nd101-2020.deputies.division",
    );
    let at = "2023-05-01";
    assert_eq!(breach(&check(&build(6, 1), at), minimum), (6.0, 7.0));
    none_of(&check(&build(7, 1), at), minimum);
    assert_eq!(breach(&check(&build(9, 2), at), deputies), (2.0, 1.0));
    none_of(&check(&build(10, 2), at), deputies);
    assert_eq!(breach(&check(&build(15, 3), at), deputies), (3.0, 2.0));
    none_of(&check(&build(16, 3), at), deputies);
    // Not applied once ND 303/2025 replaced the framework.
    none_of(&check(&build(6, 2), "2025-11-20"), minimum);
    none_of(&check(&build(9, 2), "2025-11-20"), deputies);
}

// ---------------------------------------------------------------------------------------------
// Blocking and order

#[test]
fn blocking_turns_a_warning_into_an_error_and_leaves_info_alone() {
    let rule = "nd370-2025.deputies.division";
    let mut plan = department_with_division(None, 9, 2);
    let f = check(&plan, "2026-09-01");
    assert_eq!(with_rule(&f, rule)[0].severity, Severity::Warning);
    for entry in [
        rule,
        "nd370-2025",
        "nd370-2025.deputies",
        "*.deputies.division",
        "*.deputies",
    ] {
        plan.blocking_rules = vec![entry.to_owned()];
        let f = check(&plan, "2026-09-01");
        assert_eq!(with_rule(&f, rule)[0].severity, Severity::Error, "{entry}");
        // The class is missing: that stays a fact, even for a blocked rule.
        for info in with_rule(&f, "nd370-2025.minimum.division") {
            assert_eq!(info.severity, Severity::Info);
        }
        assert_eq!(f[0].severity, Severity::Error, "errors come first");
    }
    plan.blocking_rules = vec!["nd45-2025".to_owned(), "*.minimum".to_owned()];
    let f = check(&plan, "2026-09-01");
    assert_eq!(with_rule(&f, rule)[0].severity, Severity::Warning);
    assert!(rules::is_blocking("nd45-2025.deputies.division", &plan));
}

#[test]
fn findings_come_by_severity_then_in_plan_order() {
    let mut plan = plan(None);
    add_unit(&mut plan, "so", None, UnitType::ProvincialDepartment);
    staff_unit(&mut plan, "so", 10, 4);
    for id in ["a", "b"] {
        add_unit(&mut plan, id, Some("so"), UnitType::DepartmentDivision);
        staff_unit(&mut plan, id, 9, 2);
    }
    plan.units[2].quota = Some(5);
    plan.blocking_rules = vec!["bien-che".into()];
    plan.positions
        .push(fixed("lanh-dao", "b", 0, Category::Leadership, ""));
    let f = check(&plan, "2026-09-01");
    let summary: Vec<(Severity, Option<&str>, &str)> = f
        .iter()
        .map(|f| (f.severity, f.unit_id.as_deref(), f.rule_id.as_str()))
        .collect();
    assert_eq!(
        summary,
        vec![
            (Severity::Error, Some("b"), "bien-che.proposed"),
            (
                Severity::Warning,
                Some("so"),
                "nd370-2025.deputies.department-average"
            ),
            (
                Severity::Warning,
                Some("so"),
                "nd361-2025.ranks.head-senior"
            ),
            (Severity::Warning, Some("a"), "nd370-2025.deputies.division"),
            (Severity::Warning, Some("b"), "nd370-2025.deputies.division"),
            (Severity::Info, None, "nd370-2025.minimum.division"),
            (Severity::Info, Some("b"), "nd370-2025.deputies.division"),
        ]
    );
}

// ---------------------------------------------------------------------------------------------
// Quota, the 65% share, rank structure, steps

#[test]
fn quota_holds_proposed_and_required_headcount() {
    let mut plan = plan(None);
    add_unit(&mut plan, "u", None, UnitType::Other);
    plan.units[0].quota = Some(10);
    plan.positions
        .push(fixed("x", "u", 11, Category::Specialized, "01.003"));
    let f = check(&plan, "2026-09-01");
    // Proposed = required = 11: one finding says it.
    assert_eq!(breach(&f, "bien-che.proposed"), (11.0, 10.0));
    none_of(&f, "bien-che.required");
    // The agency proposes 10 while the workload asks 11.
    plan.positions[0].proposed = Some(Proposal {
        count: 10,
        reason: "Giữ trong biên chế giao".into(),
    });
    let f = check(&plan, "2026-09-01");
    none_of(&f, "bien-che.proposed");
    assert_eq!(breach(&f, "bien-che.required"), (11.0, 10.0));
    plan.positions[0].count = 10;
    let f = check(&plan, "2026-09-01");
    none_of(&f, "bien-che.proposed");
    none_of(&f, "bien-che.required");
}

#[test]
fn service_units_keep_65_percent_in_professional_positions() {
    let rule = "nd106-2020.share.professional";
    let build = |professional: u32| {
        let mut plan = plan(None);
        add_unit(&mut plan, "dv", None, UnitType::PublicServiceUnit);
        plan.positions.push(fixed(
            "cm",
            "dv",
            professional - 2,
            Category::Specialized,
            "",
        ));
        plan.positions
            .push(fixed("kt", "dv", 2, Category::Shared, ""));
        plan.positions
            .push(fixed("ld", "dv", 3, Category::Leadership, ""));
        plan.positions
            .push(fixed("pv", "dv", 17 - professional, Category::Support, ""));
        plan
    };
    // 13 of 20 is 65%: enough; 12 of 20 is 60%: 13 needed.
    none_of(&check(&build(13), "2024-01-01"), rule);
    let f = check(&build(12), "2024-01-01");
    assert_eq!(breach(&f, rule), (12.0, 13.0));
    assert!(with_rule(&f, rule)[0].message.vi.contains("60%"));
}

fn department(quota: Option<u32>, ranks: &[(&str, u32)]) -> Plan {
    let mut plan = plan(Some(ProvinceClass::II));
    add_unit(&mut plan, "so", None, UnitType::ProvincialDepartment);
    plan.units[0].quota = quota;
    for (i, (rank, count)) in ranks.iter().enumerate() {
        plan.positions.push(fixed(
            &format!("v{i}"),
            "so",
            *count,
            Category::Specialized,
            rank,
        ));
    }
    plan
}

#[test]
fn cv64_caps_principal_specialists_at_40_percent_until_nd361() {
    let rule = "cv64-2024.ranks.principal";
    // 4 of 10 at chuyên viên chính (and an equivalent): 40%, allowed.
    let ok = department(None, &[("01.002", 3), ("04.024", 1), ("01.003", 6)]);
    none_of(&check(&ok, "2025-06-01"), rule);
    // ... and 6 of 10 at chuyên viên and below: 60%, allowed.
    none_of(
        &check(&ok, "2025-06-01"),
        "cv64-2024.ranks.specialist-below",
    );
    let over = department(None, &[("01.002", 4), ("04.024", 1), ("01.003", 5)]);
    let f = check(&over, "2025-06-01");
    assert_eq!(breach(&f, rule), (5.0, 4.0));
    // Chuyên viên and below at most 60%: 7 of 10 is too many.
    let low = department(None, &[("01.002", 3), ("01.003", 5), ("02.008", 2)]);
    assert_eq!(
        breach(
            &check(&low, "2025-06-01"),
            "cv64-2024.ranks.specialist-below"
        ),
        (7.0, 6.0)
    );
    // ND 361/2025 from 31/12/2025: CV 64 no longer applies.
    none_of(&check(&over, "2025-12-31"), rule);
}

#[test]
fn nd361_caps_principal_specialists_at_half_the_quota() {
    let rule = "nd361-2025.ranks.principal";
    // Quota 13: at most floor(6,5) = 6.
    let f = check(
        &department(Some(13), &[("01.002", 7), ("01.003", 3)]),
        "2026-01-15",
    );
    assert_eq!(breach(&f, rule), (7.0, 6.0));
    none_of(
        &check(
            &department(Some(13), &[("01.002", 6), ("01.003", 4)]),
            "2026-01-15",
        ),
        rule,
    );
    // Without a quota, the proposed headcount: 10, at most 5.
    let f = check(
        &department(None, &[("01.002", 6), ("01.003", 4)]),
        "2026-01-15",
    );
    assert_eq!(breach(&f, rule), (6.0, 5.0));
    let inputs = &with_rule(&f, rule)[0].inputs;
    assert!(
        inputs
            .iter()
            .any(|i| i.label.vi.contains("chưa ghi biên chế được giao")),
        "{inputs:?}"
    );
    // Not before 31/12/2025.
    none_of(
        &check(
            &department(None, &[("01.002", 6), ("01.003", 4)]),
            "2025-12-30",
        ),
        rule,
    );
}

#[test]
fn nd361_deputy_directors_at_senior_rank_at_most_half_and_heads_senior() {
    let build = |senior_deputies: u32, head_rank: &str| {
        let mut plan = department(None, &[("01.003", 5)]);
        let mut head = fixed("gd", "so", 1, Category::Leadership, head_rank);
        head.role = Some(LeaderRole::Head);
        let mut senior = fixed(
            "pgd-cc",
            "so",
            senior_deputies,
            Category::Leadership,
            "01.001",
        );
        senior.role = Some(LeaderRole::Deputy);
        let mut principal = fixed(
            "pgd-c",
            "so",
            3 - senior_deputies,
            Category::Leadership,
            "01.002",
        );
        principal.role = Some(LeaderRole::Deputy);
        plan.positions.extend([head, senior, principal]);
        plan
    };
    let at = "2026-03-01";
    // 2 of 3 deputies: floor(1,5) = 1 allowed.
    assert_eq!(
        breach(
            &check(&build(2, "01.001"), at),
            "nd361-2025.ranks.deputies-senior"
        ),
        (2.0, 1.0)
    );
    none_of(
        &check(&build(1, "01.001"), at),
        "nd361-2025.ranks.deputies-senior",
    );
    let f = check(&build(1, "01.002"), at);
    let heads = with_rule(&f, "nd361-2025.ranks.head-senior");
    assert_eq!(heads.len(), 1);
    assert_eq!(heads[0].position_id.as_deref(), Some("gd"));
    assert_eq!(heads[0].actual, None);
    none_of(
        &check(&build(1, "01.001"), at),
        "nd361-2025.ranks.head-senior",
    );
}

#[test]
fn cv64_grades_of_self_financing_units_and_unknown_codes() {
    let build = |grade_one: u32| {
        let mut plan = plan(None);
        add_unit(&mut plan, "dv", None, UnitType::PublicServiceUnit);
        plan.units[0].autonomy_group = Some(AutonomyGroup::Group2);
        plan.positions.push(fixed(
            "bs1",
            "dv",
            grade_one,
            Category::Specialized,
            "V.08.01.01",
        ));
        plan.positions
            .push(fixed("bs2", "dv", 4, Category::Specialized, "V.08.01.02"));
        plan.positions.push(fixed(
            "dd",
            "dv",
            6 - grade_one,
            Category::Specialized,
            "V.08.05.12",
        ));
        plan.positions
            .push(fixed("x", "dv", 1, Category::Support, "99.999"));
        plan
    };
    // 11 people: hạng I at most floor(2,2) = 2.
    let f = check(&build(3), "2025-06-01");
    assert_eq!(breach(&f, "cv64-2024.grades.grade-i"), (3.0, 2.0));
    none_of(&check(&build(2), "2025-06-01"), "cv64-2024.grades.grade-i");
    // The unknown code is said once, whichever rank rule meets it first.
    let unknown: Vec<&Finding> = f
        .iter()
        .filter(|f| f.severity == Severity::Info && f.message.vi.contains("99.999"))
        .collect();
    assert_eq!(unknown.len(), 1, "{f:#?}");
}

#[test]
fn cv64_grades_ii_and_iii_of_self_financing_units() {
    let build = |grade_two: u32, grade_three: u32| {
        let mut plan = plan(None);
        add_unit(&mut plan, "dv", None, UnitType::PublicServiceUnit);
        plan.units[0].autonomy_group = Some(AutonomyGroup::Group1);
        plan.positions.push(fixed(
            "a",
            "dv",
            grade_two,
            Category::Specialized,
            "V.08.01.02",
        ));
        plan.positions.push(fixed(
            "b",
            "dv",
            grade_three,
            Category::Specialized,
            "V.08.05.13",
        ));
        plan.positions.push(fixed(
            "c",
            "dv",
            10 - grade_two - grade_three,
            Category::Support,
            "",
        ));
        plan
    };
    let (two, three, at) = (
        "cv64-2024.grades.grade-ii",
        "cv64-2024.grades.grade-iii-below",
        "2026-06-30",
    );
    // 10 people: hạng II at most 5, hạng III and below at most 3.
    none_of(&check(&build(5, 3), at), two);
    none_of(&check(&build(5, 3), at), three);
    assert_eq!(breach(&check(&build(6, 3), at), two), (6.0, 5.0));
    assert_eq!(breach(&check(&build(5, 4), at), three), (4.0, 3.0));
    // A state-funded unit is not held to these grades; nor anyone from 1/7/2026.
    let mut funded = build(6, 4);
    funded.units[0].autonomy_group = Some(AutonomyGroup::Group4);
    none_of(&check(&funded, at), two);
    none_of(&check(&build(6, 4), "2026-07-01"), two);
}

#[test]
fn nd361_senior_specialists_of_ministry_units() {
    for (kind, quota, allowed, rule) in [
        (
            UnitType::MinistryAdvisoryDepartment,
            10,
            4,
            "nd361-2025.ranks.senior.vu",
        ),
        (
            UnitType::MinistryDepartment,
            20,
            7,
            "nd361-2025.ranks.senior.cuc",
        ),
        (
            UnitType::MinistryOffice,
            10,
            2,
            "nd361-2025.ranks.senior.van-phong-bo",
        ),
    ] {
        let build = |senior: u32| {
            let mut plan = plan(None);
            add_unit(&mut plan, "u", None, kind);
            plan.units[0].quota = Some(quota);
            plan.positions
                .push(fixed("cc", "u", senior, Category::Specialized, "01.001"));
            plan.positions
                .push(fixed("cv", "u", quota - senior, Category::Specialized, ""));
            plan
        };
        none_of(&check(&build(allowed), "2026-02-01"), rule);
        assert_eq!(
            breach(&check(&build(allowed + 1), "2026-02-01"), rule),
            (f64::from(allowed + 1), f64::from(allowed)),
            "{rule}"
        );
    }
}

fn position_with_steps(allocation: u32, steps: &[(u8, u32)]) -> Plan {
    let mut plan = plan(None);
    add_unit(&mut plan, "dv", None, UnitType::PublicServiceUnit);
    let mut position = fixed("gv", "dv", allocation, Category::Specialized, "V.07.04.32");
    position.steps = steps
        .iter()
        .map(|&(step, count)| StepCount { step, count })
        .collect();
    plan.positions.push(position);
    plan
}

#[test]
fn nd232_step_caps_allow_the_floor_of_the_share() {
    let (caps, at) = ("nd232-2026.steps.caps", "2026-09-01");
    // 10 people, highest step 5: step 5 at most 3, step 4 at most 4.
    none_of(
        &check(&position_with_steps(10, &[(5, 3), (4, 4), (3, 3)]), at),
        caps,
    );
    let f = check(&position_with_steps(10, &[(5, 4), (4, 3), (3, 3)]), at);
    assert_eq!(breach(&f, caps), (4.0, 3.0));
    assert_eq!(with_rule(&f, caps)[0].position_id.as_deref(), Some("gv"));
    let f = check(&position_with_steps(10, &[(5, 3), (4, 5), (3, 2)]), at);
    assert_eq!(breach(&f, caps), (5.0, 4.0));
    // 7 people: 30% is 2,1, so 2 at step 5 (floor).
    none_of(
        &check(&position_with_steps(7, &[(5, 2), (4, 2), (3, 3)]), at),
        caps,
    );
    assert_eq!(
        breach(
            &check(&position_with_steps(7, &[(5, 3), (4, 2), (3, 2)]), at),
            caps
        ),
        (3.0, 2.0)
    );
    // Highest step 4: step 4 at most 40%.
    assert_eq!(
        breach(
            &check(&position_with_steps(10, &[(4, 5), (3, 3), (2, 2)]), at),
            caps
        ),
        (5.0, 4.0)
    );
    // Two steps only: the higher at most 50% (7 people: 3).
    assert_eq!(
        breach(&check(&position_with_steps(7, &[(3, 4), (2, 3)]), at), caps),
        (4.0, 3.0)
    );
    none_of(&check(&position_with_steps(7, &[(3, 3), (2, 4)]), at), caps);
    // Two steps 5 and 4: step 5 keeps its 30% (the tighter cap).
    assert_eq!(
        breach(
            &check(&position_with_steps(10, &[(5, 4), (4, 4)]), at),
            caps
        ),
        (4.0, 3.0)
    );
    let text = &rules::rule(caps).unwrap().rule.text;
    assert!(text.contains("suy luận"), "the floor is marked inferred");
    // Not before 1/7/2026.
    none_of(
        &check(
            &position_with_steps(10, &[(5, 4), (4, 3), (3, 3)]),
            "2026-06-30",
        ),
        caps,
    );
}

#[test]
fn nd232_steps_must_add_up_to_the_allocation() {
    let (sum, at) = ("nd232-2026.steps.sum", "2026-09-01");
    assert_eq!(
        breach(
            &check(&position_with_steps(10, &[(5, 3), (4, 4), (3, 2)]), at),
            sum
        ),
        (9.0, 10.0)
    );
    none_of(
        &check(&position_with_steps(10, &[(5, 3), (4, 4), (3, 3)]), at),
        sum,
    );
    none_of(&check(&position_with_steps(10, &[]), at), sum);
}

// ---------------------------------------------------------------------------------------------
// Who counts: biên chế, with labour contracts left out

/// `count` people on labour contracts (drivers, guards) in `unit`.
fn contracts(plan: &mut Plan, unit: &str, count: u32) {
    let mut position = fixed(&format!("{unit}-hd"), unit, count, Category::Support, "");
    position.name = "Lái xe, bảo vệ".into();
    position.employment = Some(Employment::Contract);
    plan.positions.push(position);
}

/// The one finding of `rule`, whatever its severity.
#[track_caller]
fn only<'a>(findings: &'a [Finding], rule: &str) -> &'a Finding {
    let found = with_rule(findings, rule);
    assert_eq!(found.len(), 1, "one finding of {rule}: {findings:#?}");
    found[0]
}

#[track_caller]
fn input<'a>(finding: &'a Finding, label: &str) -> &'a str {
    finding
        .inputs
        .iter()
        .find(|i| i.label.vi.starts_with(label))
        .map(|i| i.value.vi.as_str())
        .unwrap_or_else(|| panic!("no input {label}: {finding:#?}"))
}

/// A Văn phòng sở of `civil_servants` (2 deputies among them) and 3 drivers and guards on
/// contract.
fn office_with_contracts(civil_servants: u32) -> Plan {
    let mut plan = plan(Some(ProvinceClass::II));
    add_unit(&mut plan, "so", None, UnitType::ProvincialDepartment);
    add_unit(&mut plan, "vp", Some("so"), UnitType::DepartmentOffice);
    staff_unit(&mut plan, "vp", civil_servants, 2);
    contracts(&mut plan, "vp", 3);
    plan
}

#[test]
fn an_office_deputy_cap_counts_civil_servants_not_contract_drivers() {
    let rule = "nd370-2025.deputies.division";
    // 9 civil servants and 3 contracts: the law counts 9, so one deputy.
    let mut plan = office_with_contracts(9);
    let f = check(&plan, "2026-03-01");
    assert_eq!(breach(&f, rule), (2.0, 1.0));
    let finding = only(&f, rule);
    assert!(
        finding
            .message
            .vi
            .contains("có 9 biên chế (3 hợp đồng lao động không tính)"),
        "{}",
        finding.message.vi
    );
    assert_eq!(
        input(finding, "Quy mô của đơn vị"),
        "9 biên chế; 3 hợp đồng lao động không tính"
    );
    plan.blocking_rules = vec!["*.deputies.division".into()];
    assert_eq!(
        only(&check(&plan, "2026-03-01"), rule).severity,
        Severity::Error
    );
    // 10 civil servants: two deputies are fine, under every version since ND 45/2025.
    let plan = office_with_contracts(10);
    for (rule, at) in [
        ("nd370-2025.deputies.division", "2026-03-01"),
        ("nd150-2025.deputies.division", "2025-09-01"),
        ("nd45-2025.deputies.division", "2025-04-01"),
    ] {
        none_of(&check(&plan, at), rule);
        assert_eq!(
            breach(&check(&office_with_contracts(9), at), rule),
            (2.0, 1.0)
        );
    }
    // ND 107/2020, class II: from 8 civil servants two deputies; 7 and 3 contracts is one.
    none_of(
        &check(&office_with_contracts(8), "2024-06-01"),
        "nd107-2020.deputies.division",
    );
    assert_eq!(
        breach(
            &check(&office_with_contracts(7), "2024-06-01"),
            "nd107-2020.deputies.division"
        ),
        (2.0, 1.0)
    );
}

#[test]
fn a_division_minimum_counts_civil_servants_only() {
    let rule = "nd370-2025.minimum.division";
    // Class II: 5 civil servants form a division; 4 and 3 contracts do not.
    let build = |civil_servants: u32| {
        let mut plan = department_with_division(Some(ProvinceClass::II), civil_servants, 1);
        contracts(&mut plan, "p", 3);
        plan
    };
    let f = check(&build(4), "2026-03-01");
    assert_eq!(breach(&f, rule), (4.0, 5.0));
    assert!(
        only(&f, rule)
            .message
            .vi
            .contains("3 hợp đồng lao động không tính")
    );
    none_of(&check(&build(5), "2026-03-01"), rule);
}

#[test]
fn a_quota_holds_establishment_not_contracts() {
    let build = |civil_servants: u32| {
        let mut plan = plan(None);
        add_unit(&mut plan, "u", None, UnitType::DepartmentOffice);
        plan.units[0].quota = Some(9);
        plan.positions.push(fixed(
            "cv",
            "u",
            civil_servants,
            Category::Specialized,
            "01.003",
        ));
        contracts(&mut plan, "u", 3);
        plan
    };
    let rule = "bien-che.proposed";
    none_of(&check(&build(9), "2026-09-01"), rule);
    let mut plan = build(10);
    let f = check(&plan, "2026-09-01");
    assert_eq!(breach(&f, rule), (10.0, 9.0));
    assert!(
        only(&f, rule)
            .message
            .vi
            .contains("10 biên chế (3 hợp đồng lao động không tính) vượt biên chế được giao 9"),
        "{f:#?}"
    );
    plan.blocking_rules = vec!["bien-che".into()];
    assert_eq!(
        only(&check(&plan, "2026-09-01"), rule).severity,
        Severity::Error
    );
    // The workload figure too: 10 required, 9 proposed, contracts aside.
    plan.positions[0].proposed = Some(Proposal {
        count: 9,
        reason: String::new(),
    });
    let f = check(&plan, "2026-09-01");
    none_of(&f, rule);
    assert_eq!(only(&f, "bien-che.required").actual, Some(10.0));
}

#[test]
fn a_service_unit_counts_public_employees_for_its_deputies() {
    let rule = "nd120-2020.deputies.unit";
    let build = |public_employees: u32| {
        let mut plan = service_unit(Some(AutonomyGroup::Group4), public_employees, 3);
        contracts(&mut plan, "dv", 3);
        plan
    };
    // 18 viên chức and 3 contracts: up to 20 people, so two deputies.
    let f = check(&build(18), "2026-09-01");
    assert_eq!(breach(&f, rule), (3.0, 2.0));
    assert!(
        only(&f, rule)
            .message
            .vi
            .contains("18 viên chức (3 hợp đồng lao động không tính)"),
        "{f:#?}"
    );
    // 21 viên chức: three.
    none_of(&check(&build(21), "2026-09-01"), rule);
}

#[test]
fn self_financing_service_units_have_three_deputies_and_two_per_division() {
    let (unit_rule, division_rule) = (
        "nd120-2020.deputies.unit.self-financing",
        "nd120-2020.deputies.division.self-financing",
    );
    let at = "2026-09-01";
    // Group 2, whatever the size: three deputies are fine, four are not.
    none_of(
        &check(&service_unit(Some(AutonomyGroup::Group2), 40, 3), at),
        unit_rule,
    );
    assert_eq!(
        breach(
            &check(&service_unit(Some(AutonomyGroup::Group2), 40, 4), at),
            unit_rule
        ),
        (4.0, 3.0)
    );
    assert_eq!(
        breach(
            &check(&service_unit(Some(AutonomyGroup::Group1), 8, 4), at),
            unit_rule
        ),
        (4.0, 3.0)
    );
    // Not for state-funded units, which keep the size scale.
    let f = check(&service_unit(Some(AutonomyGroup::Group4), 40, 4), at);
    none_of(&f, unit_rule);
    assert_eq!(breach(&f, "nd120-2020.deputies.unit"), (4.0, 3.0));
    // A division of a group 2 unit: two deputies, even with 7 people.
    let build = |deputies: u32| {
        let mut plan = service_unit(Some(AutonomyGroup::Group2), 5, 1);
        add_unit(&mut plan, "k", Some("dv"), UnitType::PublicServiceDivision);
        staff_unit(&mut plan, "k", 7, deputies);
        plan
    };
    none_of(&check(&build(2), at), division_rule);
    let f = check(&build(3), at);
    assert_eq!(breach(&f, division_rule), (3.0, 2.0));
    // The state-funded division rule does not apply to them.
    none_of(&f, "nd120-2020.deputies.division");
}

#[test]
fn rank_shares_leave_contracts_out_of_the_base() {
    let rule = "cv64-2024.ranks.principal";
    // 4 principals of 10 civil servants (40%) and 3 contract drivers without a rank code.
    let build = |principals: u32| {
        let mut plan = department(None, &[("01.002", principals), ("01.003", 10 - principals)]);
        contracts(&mut plan, "so", 3);
        plan
    };
    none_of(&check(&build(4), "2024-06-01"), rule);
    // 5 of 10 is above 40%, though 5 of 13 posts would not be.
    let f = check(&build(5), "2024-06-01");
    assert_eq!(breach(&f, rule), (5.0, 4.0));
    let finding = only(&f, rule);
    assert!(
        input(finding, "Tính trên").contains("10 biên chế; 3 hợp đồng lao động không tính"),
        "{finding:#?}"
    );
    // The drivers are not positions "without a rank code" in the base.
    assert_eq!(input(finding, "Vị trí chưa ghi mã ngạch"), "0");
}

#[test]
fn the_professional_share_counts_public_employees_only() {
    let rule = "nd106-2020.share.professional";
    let build = |professional: u32| {
        let mut plan = plan(None);
        add_unit(&mut plan, "dv", None, UnitType::PublicServiceUnit);
        plan.positions
            .push(fixed("cm", "dv", professional, Category::Specialized, ""));
        plan.positions
            .push(fixed("pv", "dv", 20 - professional, Category::Support, ""));
        contracts(&mut plan, "dv", 5);
        plan
    };
    // 13 of 20 viên chức is 65%, the 5 contracts aside (13 of 25 would be 52%).
    none_of(&check(&build(13), "2026-09-01"), rule);
    let f = check(&build(12), "2026-09-01");
    assert_eq!(breach(&f, rule), (12.0, 13.0));
    assert!(
        only(&f, rule)
            .message
            .vi
            .contains("5 hợp đồng lao động không tính")
    );
}

#[test]
fn step_caps_are_information_for_units_that_set_their_own_ratios() {
    let caps = "nd232-2026.steps.caps";
    let at = "2026-09-01";
    let build = |group: AutonomyGroup| {
        let mut plan = position_with_steps(10, &[(5, 4), (4, 3), (3, 3)]);
        plan.units[0].autonomy_group = Some(group);
        plan
    };
    // Group 4: 4 at step 5 of 10 breaches the 30% cap.
    assert_eq!(
        breach(&check(&build(AutonomyGroup::Group4), at), caps),
        (4.0, 3.0)
    );
    // Group 1 sets its own ratios: the same figures are information.
    let f = check(&build(AutonomyGroup::Group1), at);
    none_of(&f, caps);
    let info = only(&f, caps);
    assert_eq!(info.severity, Severity::Info);
    assert_eq!((info.actual, info.limit), (Some(4.0), Some(3.0)));
    assert!(info.message.vi.contains("tự quyết định tỷ lệ"), "{info:#?}");
    // Even when the rule is blocking.
    let mut plan = build(AutonomyGroup::Group2);
    plan.blocking_rules = vec![caps.into()];
    assert_eq!(only(&check(&plan, at), caps).severity, Severity::Info);
    // A position on labour contracts has no steps of a viên chức to cap.
    let mut plan = build(AutonomyGroup::Group4);
    plan.positions[0].employment = Some(Employment::Contract);
    assert!(with_rule(&check(&plan, at), caps).is_empty());
}

/// A position whose workload is `fte` (a norm component), under `rounding`.
fn workload(fte: f64, rounding: Rounding) -> Plan {
    let mut plan = plan(None);
    plan.rounding = rounding;
    add_unit(&mut plan, "u", None, UnitType::Other);
    plan.positions.push(Position {
        category: Category::Specialized,
        method: Method::Workload,
        components: vec![Component {
            id: "c".into(),
            name: "Theo dõi".into(),
            code: None,
            kind: ComponentKind::Norm {
                volume: 1.0,
                ratio: fte,
            },
        }],
        ..Position::new("vt", "u", "Văn thư")
    });
    plan
}

#[test]
fn work_that_rounds_to_nobody_is_to_be_held_concurrently() {
    let rule = "nd106-2020.workload.concurrent";
    let at = "2026-09-01";
    let f = check(&workload(0.297, Rounding::Nearest), at);
    let info = only(&f, rule);
    assert_eq!(info.severity, Severity::Info);
    assert_eq!(info.position_id.as_deref(), Some("vt"));
    assert!(info.message.vi.contains("0,297 FTE"), "{info:#?}");
    assert!(info.message.vi.contains("kiêm nhiệm"), "{info:#?}");
    assert_eq!(
        rules::rule(rule).unwrap().legal_basis(),
        "Khoản 4 Điều 3 Nghị định 106/2020/NĐ-CP"
    );
    // Half a person rounds to one: no finding.
    assert!(with_rule(&check(&workload(0.5, Rounding::Nearest), at), rule).is_empty());
    // Rounding down: 0,9 is nobody, 1,297 is one person.
    assert_eq!(
        with_rule(&check(&workload(0.9, Rounding::Down), at), rule).len(),
        1
    );
    assert!(with_rule(&check(&workload(1.297, Rounding::Down), at), rule).is_empty());
    // No work at all: nothing to hand over.
    assert!(with_rule(&check(&workload(0.0, Rounding::Nearest), at), rule).is_empty());
    // Information even when blocking.
    let mut plan = workload(0.297, Rounding::Nearest);
    plan.blocking_rules = vec![rule.into()];
    assert_eq!(only(&check(&plan, at), rule).severity, Severity::Info);
}

// ---------------------------------------------------------------------------------------------
// The catalogue

#[test]
fn the_catalogue_names_every_rule_with_its_instrument_and_dates() {
    let catalogue = rules::catalogue().expect("embedded packs parse");
    assert_eq!(catalogue.packs.len(), rules::PACKS.len());
    let rule = rules::rule("nd107-2020.minimum.division").unwrap();
    assert_eq!(
        rule.legal_basis(),
        "Khoản 3 Điều 1 Nghị định 107/2020/NĐ-CP"
    );
    assert_eq!(rule.rule.dates_vi(), "từ 25/11/2020 đến 28/02/2025");
    let params = rule.rule.params.describe();
    assert!(
        params
            .iter()
            .any(|i| i.label.vi == "Số người tối thiểu (Tỉnh loại I)" && i.value.vi == "6"),
        "{params:?}"
    );
    // Rules in force pick versions by date.
    let ids = |at: &str| -> Vec<String> {
        catalogue
            .in_force(date(at))
            .map(|r| r.rule.id.clone())
            .filter(|id| id.ends_with(".deputies.division"))
            .collect()
    };
    assert_eq!(
        ids("2024-06-01"),
        [
            "nd107-2020.deputies.division",
            "nd101-2020.deputies.division"
        ]
    );
    assert_eq!(
        ids("2026-09-01"),
        [
            "nd370-2025.deputies.division",
            "nd120-2020.deputies.division"
        ]
    );
    // The finding JSON has exactly the contract's keys.
    let f = check(&department_with_division(None, 9, 2), "2026-09-01");
    let json = serde_json::to_value(f[0].json(Language::Vietnamese)).unwrap();
    let mut keys: Vec<&str> = json
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    keys.sort();
    assert_eq!(
        keys,
        [
            "actual",
            "legal_basis",
            "limit",
            "message",
            "position_id",
            "rule_id",
            "severity",
            "unit_id"
        ]
    );
}

fn job_description_plan(employment: Option<vtvl::model::Employment>) -> Plan {
    let mut plan = plan(None);
    add_unit(&mut plan, "dv", None, UnitType::PublicServiceUnit);
    let mut position = fixed("bs", "dv", 2, Category::Specialized, "V.08.01.03");
    position.employment = employment;
    plan.positions.push(position);
    plan
}

fn complete_description() -> vtvl::model::JobDescription {
    use vtvl::model::{
        Competency, CompetencyGroup, JobDescription, Requirement, WorkItem, WorkSection,
    };
    JobDescription {
        purpose: "Khám, chữa bệnh".into(),
        work_items: vec![WorkItem {
            section: WorkSection::Professional,
            step: "Bậc 3".into(),
            content: "Khám bệnh ngoại trú".into(),
            output: "Lượt khám".into(),
            criterion: "Đúng quy trình".into(),
        }],
        competencies: vec![Competency {
            group: CompetencyGroup::Professional,
            name: "Chẩn đoán".into(),
            level: 3,
            step: String::new(),
        }],
        relationships: "Phối hợp với các khoa".into(),
        authority: "Chỉ định cận lâm sàng".into(),
        requirements: vec![Requirement {
            group: "Trình độ".into(),
            detail: "Bác sĩ đa khoa".into(),
        }],
    }
}

#[test]
fn an_empty_job_description_is_told_every_section_phu_luc_iv_requires() {
    const RULE: &str = "nd232-2026.job-description";
    let mut plan = job_description_plan(None);
    // Blocking the rule leaves information as it is.
    plan.blocking_rules = vec![RULE.into()];
    let found = check(&plan, "2026-09-01");
    let told = with_rule(&found, RULE);
    assert_eq!(told.len(), 1, "{found:#?}");
    let finding = told[0];
    assert_eq!(finding.severity, Severity::Info);
    assert_eq!(finding.position_id.as_deref(), Some("bs"));
    assert_eq!(finding.legal_basis, "Phụ lục IV Nghị định 232/2026/NĐ-CP");
    // The message names the sections by numeral; the explanation by title. A specialist's
    // missing work is section III, not management (IV) or support (V).
    assert!(
        finding
            .message
            .vi
            .ends_with("còn thiếu 6 mục theo Phụ lục IV (II, III, VI, VII, VIII, IX)"),
        "{}",
        finding.message.vi
    );
    let missing = missing_titles(finding);
    for section in [
        "II. Mục tiêu của vị trí việc làm",
        "III. Công việc chuyên môn, nghiệp vụ",
        "VI. Khung năng lực",
        "VII. Các mối quan hệ trong công việc",
        "VIII. Phạm vi quyền hạn",
        "IX. Yêu cầu về trình độ, năng lực, kinh nghiệm",
    ] {
        assert!(missing.contains(section), "{section}: {missing}");
    }
    assert!(!missing.contains("IV. Công việc quản lý"));
    assert!(!missing.contains("V. Công việc hỗ trợ"));
    // Nothing before the instrument applies.
    assert!(with_rule(&check(&plan, "2026-06-30"), RULE).is_empty());

    // A complete description is told nothing; one missing its purpose is told that alone.
    plan.positions[0].job_description = complete_description();
    assert!(with_rule(&check(&plan, "2026-09-01"), RULE).is_empty());
    plan.positions[0].job_description.purpose.clear();
    let found = check(&plan, "2026-09-01");
    let told = with_rule(&found, RULE);
    assert_eq!(told.len(), 1);
    assert!(
        told[0].message.vi.contains("thiếu 1 mục"),
        "{}",
        told[0].message.vi
    );

    // A leader's work is management (section IV).
    plan.positions[0].category = Category::Leadership;
    plan.positions[0].job_description = complete_description();
    let found = check(&plan, "2026-09-01");
    let told = with_rule(&found, RULE);
    assert_eq!(told.len(), 1);
    assert!(
        told[0].message.vi.ends_with("(IV)"),
        "{}",
        told[0].message.vi
    );
    assert_eq!(missing_titles(told[0]), "IV. Công việc quản lý");
}

/// The titles of the sections a job-description finding says are missing (its explanation).
fn missing_titles(finding: &Finding) -> &str {
    finding
        .inputs
        .iter()
        .find(|input| input.label.vi == "Các mục còn thiếu")
        .map(|input| input.value.vi.as_str())
        .unwrap_or_default()
}

#[test]
fn job_descriptions_of_civil_servants_and_contracts_are_not_held_to_nd232() {
    for basis in [
        vtvl::model::Employment::CivilServant,
        vtvl::model::Employment::Contract,
    ] {
        let plan = job_description_plan(Some(basis));
        let found = check(&plan, "2026-09-01");
        assert!(with_rule(&found, "nd232-2026.job-description").is_empty());
    }
}

#[test]
fn the_rank_catalogue_names_every_code_the_sample_plans_use() {
    let catalogue = rules::catalogue().unwrap();
    for bundled in vtvl::plan_file::BUNDLED {
        let plan = bundled.load().unwrap();
        let codes = plan
            .positions
            .iter()
            .map(|p| &p.rank_code)
            .chain(plan.staff.iter().map(|s| &s.rank_code))
            .filter(|code| !code.is_empty());
        for code in codes {
            let entry = catalogue
                .ranks
                .get(code)
                .unwrap_or_else(|| panic!("{code} of {} is not in ranks.ron", bundled.file));
            assert!(!entry.name.is_empty() && !entry.source.is_empty(), "{code}");
        }
    }
}
