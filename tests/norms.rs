//! Sector norms on hand-worked numbers: every calculator, rules picked by date, missing drivers,
//! findings on both sides of each bound, and blocking rules.

use vtvl::engine;
use vtvl::model::{
    Category, CivilDate, CommuneSetting, Employment, Method, NormDrivers, Plan, Position, Proposal,
    Unit, UnitType,
};
use vtvl::norms::{self, Driver, NormAssessment, NormFigure, NormPackError, Rounded};
use vtvl::rules::{Finding, Severity};

const EPS: f64 = 1e-9;

fn date(text: &str) -> CivilDate {
    text.parse().unwrap()
}

fn today() -> CivilDate {
    date("2026-03-01")
}

fn unit(id: &str, kind: UnitType, drivers: NormDrivers) -> Unit {
    Unit {
        id: id.into(),
        name: format!("Đơn vị {id}"),
        unit_type: kind,
        drivers,
        ..Default::default()
    }
}

/// A fixed-count position: its workload-based figure is `required`, its proposal `proposed`.
fn position(
    id: &str,
    unit: &str,
    name: &str,
    category: Category,
    required: u32,
    proposed: u32,
) -> Position {
    Position {
        id: id.into(),
        unit_id: unit.into(),
        name: name.into(),
        category,
        method: Method::Fixed,
        count: required,
        proposed: Some(Proposal {
            count: proposed,
            reason: String::new(),
        }),
        ..Default::default()
    }
}

fn plan(units: Vec<Unit>, positions: Vec<Position>) -> Plan {
    Plan {
        units,
        positions,
        ..Default::default()
    }
}

fn assess(plan: &Plan, unit_id: &str, at: CivilDate) -> Option<NormAssessment> {
    norms::assess(plan.unit(unit_id).unwrap(), plan, at)
}

fn figure<'a>(assessment: &'a NormAssessment, key: &str) -> &'a NormFigure {
    assessment
        .figure(key)
        .unwrap_or_else(|| panic!("no figure {key}"))
}

fn findings(plan: &Plan, at: CivilDate) -> Vec<Finding> {
    let results = engine::compute(plan).unwrap();
    norms::findings(plan, &results, at)
}

fn of_severity(findings: &[Finding], severity: Severity) -> Vec<&Finding> {
    findings.iter().filter(|f| f.severity == severity).collect()
}

fn school_drivers(classes: u32, pupils: u32, two_sessions: Option<bool>) -> NormDrivers {
    NormDrivers {
        classes: Some(classes),
        pupils: Some(pupils),
        two_sessions_a_day: two_sessions,
        ..Default::default()
    }
}

fn school(id: &str, kind: UnitType, zone: u8, drivers: NormDrivers) -> Unit {
    Unit {
        school_zone: Some(zone),
        ..unit(id, kind, drivers)
    }
}

// ---------------------------------------------------------------- packs

#[test]
fn embedded_packs_load_with_one_rule_per_unit_type_and_date() {
    let packs = norms::norm_packs().unwrap();
    let codes: Vec<&str> = packs.iter().map(|p| p.instrument.code.as_str()).collect();
    assert_eq!(
        codes,
        [
            "Thông tư 20/2023/TT-BGDĐT",
            "Thông tư 19/2023/TT-BGDĐT",
            "Thông tư 03/2023/TT-BYT",
            "Thông tư 09/2024/TT-BNV",
            "Nghị định 33/2023/NĐ-CP",
        ]
    );
    for pack in packs {
        for rule in &pack.rules {
            assert!(
                !rule.text.is_empty() && !rule.clause.is_empty(),
                "{}",
                rule.id
            );
        }
    }
}

#[test]
fn every_figure_label_of_the_embedded_packs_has_an_english_label() {
    use vtvl::language::has_vietnamese_letters;
    use vtvl::norms::params::NormParams;
    let mut labels = Vec::new();
    for pack in norms::norm_packs().unwrap() {
        for rule in &pack.rules {
            match &rule.params {
                NormParams::School(p) => labels.extend(p.posts.iter().map(|f| f.label_text())),
                NormParams::Kindergarten(p) => {
                    labels.extend(p.posts.iter().map(|f| f.label_text()))
                }
                NormParams::Fixed(p) => labels.extend(p.figures.iter().map(|f| f.label_text())),
                NormParams::Commune(p) => labels.extend(p.base.iter().map(|b| b.label_text())),
                NormParams::DiseaseControl(_) | NormParams::Archive(_) => {}
            }
        }
    }
    assert!(labels.len() >= 8, "{labels:?}");
    for label in &labels {
        assert!(has_vietnamese_letters(&label.vi), "{label:?}");
        assert!(!has_vietnamese_letters(&label.en), "{label:?}");
    }
    let en: Vec<&str> = labels.iter().map(|l| l.en.as_str()).collect();
    for expected in [
        "Young Pioneers' leader",
        "Clerk, cashier, accountant",
        "Staff",
        "Ward",
        "Commune, township",
    ] {
        assert!(en.contains(&expected), "{expected}: {en:?}");
    }
}

#[test]
fn a_pack_label_without_an_english_one_keeps_the_vietnamese() {
    let pack = r#"(
        instrument: (code: "Thông tư thử", title: "Thử"),
        rules: [(
            id: "x.norms.station",
            title: "Trạm",
            clause: "Điều 1",
            text: "Trạm có tối thiểu 3 người.",
            applies_from: "2020-01-01",
            params: Fixed((
                unit_types: ["tram_y_te"],
                figures: [(key: "k", label: "Nhân viên trạm", bound: minimum, count: 3, compared_with: WholeUnit)],
            )),
        )],
    )"#;
    let packs = norms::load(&[("thu.ron", pack)]).unwrap();
    let vtvl::norms::params::NormParams::Fixed(p) = &packs[0].rules[0].params else {
        panic!("not a fixed norm");
    };
    let label = p.figures[0].label_text();
    assert_eq!(
        (label.vi.as_str(), label.en.as_str()),
        ("Nhân viên trạm", "Nhân viên trạm")
    );
}

#[test]
fn bad_packs_are_refused_with_their_place() {
    let broken =
        "(instrument: (code: \"X\", title: \"Y\", signed: \"2024-01-01\"),\n rules: [ (id: 1) ])";
    match norms::load(&[("broken.ron", broken)]) {
        Err(NormPackError::Parse(error)) => {
            assert_eq!(error.file, "broken.ron");
            assert_eq!(error.line, 2);
        }
        other => panic!("expected a parse error, got {other:?}"),
    }

    let rule = |id: &str, from: &str, bands: &str| {
        format!(
            "(id: \"{id}\", clause: \"Điều 1\", text: \"t\", applies_from: \"{from}\",
              params: DiseaseControl((unit_types: [\"cdc\"], population_bands: [{bands}],
                international_quarantine: 15, per_border_gate: 5, border_gates_from: 2,
                industrial_zones: 6, mountainous_factor: 1.3, factor_order: after_add_ons,
                bound: maximum, compared_with: WholeUnit)))"
        )
    };
    let pack = |rules: Vec<String>| {
        format!(
            "(instrument: (code: \"X\", title: \"Y\", signed: \"2024-01-01\"), rules: [{}])",
            rules.join(",")
        )
    };
    let good = "(up_to: 1000, staff: 10), (up_to: None, staff: 20)";
    assert!(norms::load(&[("ok.ron", &pack(vec![rule("a", "2024-01-01", good)]))]).is_ok());

    let descending = "(up_to: 1000, staff: 10), (up_to: 500, staff: 5), (up_to: None, staff: 20)";
    let error = norms::load(&[(
        "bands.ron",
        &pack(vec![rule("a", "2024-01-01", descending)]),
    )])
    .unwrap_err();
    assert!(matches!(error, NormPackError::Invalid { ref rule, .. } if rule == "a"));

    let overlapping = pack(vec![
        rule("a", "2024-01-01", good),
        rule("b", "2025-01-01", good),
    ]);
    let error = norms::load(&[("overlap.ron", &overlapping)]).unwrap_err();
    assert!(error.to_string().contains("same unit type"), "{error}");
}

#[test]
fn units_without_a_norm_get_no_assessment() {
    let p = plan(
        vec![unit(
            "so",
            UnitType::ProvincialDepartment,
            NormDrivers::default(),
        )],
        vec![],
    );
    assert!(assess(&p, "so", today()).is_none());
    assert!(norms::assess_plan(&p, today()).is_empty());
}

// ---------------------------------------------------------------- schools

#[test]
fn lower_secondary_zone_2_twelve_classes_is_22_teachers() {
    // 12 classes x 1,9 = 22,8 -> "không vượt quá": 22. 480 pupils = 12 x 40: no leftover.
    let p = plan(
        vec![school(
            "thcs",
            UnitType::LowerSecondarySchool,
            2,
            school_drivers(12, 480, None),
        )],
        vec![],
    );
    let a = assess(&p, "thcs", today()).unwrap();
    assert_eq!(a.rule_id, "tt20-2023.norms.lower-secondary");
    assert_eq!(a.legal_basis, "Điều 5 Thông tư 20/2023/TT-BGDĐT");
    let teachers = figure(&a, "giao_vien");
    let max = teachers.maximum.unwrap();
    assert!((max.exact - 22.8).abs() < EPS);
    assert_eq!(max.allowed, 22);
    assert_eq!(max.rounded, Rounded::Down);
    assert!(teachers.minimum.is_none());
    assert!(
        teachers
            .formula
            .vi
            .starts_with("12 lớp × 1,9 giáo viên/lớp = 22,8; không có học sinh dôi dư"),
        "{}",
        teachers.formula.vi
    );
    assert!(teachers.missing.is_empty());
    // The posts of a lower secondary school: one Tổng phụ trách Đội, at most two clerks.
    assert_eq!(figure(&a, "tong_phu_trach_doi").maximum.unwrap().allowed, 1);
    assert_eq!(
        figure(&a, "van_thu_thu_quy_ke_toan")
            .maximum
            .unwrap()
            .allowed,
        2
    );
}

#[test]
fn primary_two_sessions_allows_more_teachers_than_one_session() {
    // Zone 2, 20 classes, 600 pupils (= 20 x 30: no leftover).
    let two = plan(
        vec![school(
            "th",
            UnitType::PrimarySchool,
            2,
            school_drivers(20, 600, Some(true)),
        )],
        vec![],
    );
    let one = plan(
        vec![school(
            "th",
            UnitType::PrimarySchool,
            2,
            school_drivers(20, 600, Some(false)),
        )],
        vec![],
    );
    let two = assess(&two, "th", today()).unwrap();
    let one = assess(&one, "th", today()).unwrap();
    // 20 x 1,5 = 30; 20 x 1,2 = 24.
    assert_eq!(figure(&two, "giao_vien").maximum.unwrap().allowed, 30);
    assert_eq!(figure(&one, "giao_vien").maximum.unwrap().allowed, 24);
    assert!(
        figure(&one, "giao_vien")
            .formula
            .vi
            .starts_with("20 lớp × 1,2 giáo viên/lớp = 24")
    );
}

#[test]
fn leftover_pupils_add_a_teacher_per_full_group() {
    // Primary, zone 2, two sessions, 20 classes, 640 pupils: 640 - 20 x 30 = 40 leftover;
    // 40 : 15 = 2,67 -> 2 more teachers; 20 x 1,5 + 2 = 32.
    let p = plan(
        vec![school(
            "th",
            UnitType::PrimarySchool,
            2,
            school_drivers(20, 640, Some(true)),
        )],
        vec![],
    );
    let a = assess(&p, "th", today()).unwrap();
    let teachers = figure(&a, "giao_vien");
    assert_eq!(teachers.maximum.unwrap().allowed, 32);
    assert_eq!(
        teachers.formula.vi,
        "20 lớp × 1,5 giáo viên/lớp = 30; học sinh dôi dư: 640 - 20 × 30 = 40, cứ đủ 15 học \
         sinh thêm 01 giáo viên: 40 : 15 = 2,67, lấy phần nguyên 2; tổng 30 + 2 = 32"
    );

    // Upper secondary, zone 3, 10 classes, 494 pupils: 494 - 450 = 44; 44 : 22 = 2;
    // 10 x 2,25 + 2 = 24,5 -> 24.
    let p = plan(
        vec![school(
            "thpt",
            UnitType::UpperSecondarySchool,
            3,
            school_drivers(10, 494, None),
        )],
        vec![],
    );
    let a = assess(&p, "thpt", today()).unwrap();
    let max = figure(&a, "giao_vien").maximum.unwrap();
    assert!((max.exact - 24.5).abs() < EPS);
    assert_eq!(max.allowed, 24);
    // Upper secondary schools have no Tổng phụ trách Đội.
    assert!(a.figure("tong_phu_trach_doi").is_none());

    // One pupil short of a full group adds nothing: 20 classes, 614 pupils -> 14 : 15 = 0,93.
    let p = plan(
        vec![school(
            "th",
            UnitType::PrimarySchool,
            2,
            school_drivers(20, 614, Some(true)),
        )],
        vec![],
    );
    let a = assess(&p, "th", today()).unwrap();
    assert_eq!(figure(&a, "giao_vien").maximum.unwrap().allowed, 30);
}

#[test]
fn kindergarten_three_nursery_groups_and_eight_classes_is_25_teachers() {
    // 3 x 2,5 + 8 x 2,2 = 25,1 -> 25.
    let drivers = NormDrivers {
        nursery_groups: Some(3),
        classes: Some(8),
        ..Default::default()
    };
    let p = plan(vec![unit("mn", UnitType::Kindergarten, drivers)], vec![]);
    let a = assess(&p, "mn", today()).unwrap();
    assert_eq!(a.rule_id, "tt19-2023.norms.kindergarten");
    let teachers = figure(&a, "giao_vien");
    let max = teachers.maximum.unwrap();
    assert!((max.exact - 25.1).abs() < EPS);
    assert_eq!(max.allowed, 25);
    assert_eq!(
        teachers.formula.vi,
        "3 nhóm trẻ × 2,5 giáo viên/nhóm + 8 lớp × 2,2 giáo viên/lớp = 25,1"
    );
}

#[test]
fn school_teachers_count_specialised_teacher_positions_of_the_subtree_less_the_posts() {
    let drivers = school_drivers(12, 480, None);
    let mut group = unit(
        "to-toan",
        UnitType::SchoolSubjectGroup,
        NormDrivers::default(),
    );
    group.parent_id = Some("thcs".into());
    let p = plan(
        vec![
            school("thcs", UnitType::LowerSecondarySchool, 2, drivers),
            group,
        ],
        vec![
            position("ht", "thcs", "Hiệu trưởng", Category::Leadership, 1, 1),
            position(
                "gv-van",
                "thcs",
                "Giáo viên Ngữ văn",
                Category::Specialized,
                8,
                8,
            ),
            position(
                "gv-toan",
                "to-toan",
                "Giáo viên Toán",
                Category::Specialized,
                9,
                9,
            ),
            position(
                "tpt",
                "thcs",
                "Tổng phụ trách Đội",
                Category::Specialized,
                1,
                1,
            ),
            position("vt", "thcs", "Văn thư", Category::Shared, 1, 1),
            position("kt", "thcs", "Kế toán", Category::Shared, 1, 1),
            position("bv", "thcs", "Bảo vệ", Category::Support, 2, 2),
            position("tv", "thcs", "Thư viện", Category::Specialized, 1, 1),
        ],
    );
    let a = assess(&p, "thcs", today()).unwrap();
    assert_eq!(
        figure(&a, "giao_vien").compared_with.position_ids,
        ["gv-van", "gv-toan"]
    );
    assert_eq!(
        figure(&a, "tong_phu_trach_doi").compared_with.position_ids,
        ["tpt"]
    );
    assert_eq!(
        figure(&a, "van_thu_thu_quy_ke_toan")
            .compared_with
            .position_ids,
        ["vt", "kt"]
    );

    let found = findings(&p, today());
    // Teachers: 8 + 9 = 17 by workload and proposed, within 22; posts within their maximums.
    assert!(
        of_severity(&found, Severity::Warning).is_empty(),
        "{found:#?}"
    );
    let info = found
        .iter()
        .find(|f| f.message.vi.contains("Giáo viên:"))
        .unwrap();
    assert_eq!(info.severity, Severity::Info);
    assert_eq!(info.actual, Some(17.0));
    assert_eq!(info.limit, Some(22.0));
    assert_eq!(info.legal_basis, "Điều 5 Thông tư 20/2023/TT-BGDĐT");
    assert_eq!(
        info.message.vi,
        "Đơn vị thcs - Giáo viên: định mức tối đa 22 người (22,8 làm tròn xuống); theo khối \
         lượng công việc 17 người; đề xuất 17 người. Cách tính: 12 lớp × 1,9 giáo viên/lớp = \
         22,8; không có học sinh dôi dư (480 học sinh, không quá 12 × 40 = 480)."
    );
    assert!(
        info.inputs
            .iter()
            .any(|i| i.label.vi == "Công thức" && i.value.vi.starts_with("12 lớp × 1,9"))
    );
    assert!(
        info.inputs
            .iter()
            .any(|i| i.label.vi == "Các vị trí được tính" && i.value.vi == "gv-van, gv-toan")
    );
    // The Tổng phụ trách Đội finding points at its one position.
    let post = found
        .iter()
        .find(|f| f.message.vi.contains("Tổng phụ trách Đội:"))
        .unwrap();
    assert_eq!(post.position_id.as_deref(), Some("tpt"));
}

#[test]
fn teacher_findings_on_both_sides_of_the_maximum() {
    let at_limit = |proposed: u32| {
        plan(
            vec![school(
                "thcs",
                UnitType::LowerSecondarySchool,
                2,
                school_drivers(12, 480, None),
            )],
            vec![position(
                "gv",
                "thcs",
                "Giáo viên",
                Category::Specialized,
                24,
                proposed,
            )],
        )
    };
    let found = findings(&at_limit(22), today());
    assert!(of_severity(&found, Severity::Warning).is_empty());
    // The info finding still shows the workload figure (24) beside the norm (22).
    let info = found
        .iter()
        .find(|f| f.message.vi.contains("Giáo viên:"))
        .unwrap();
    assert_eq!((info.actual, info.limit), (Some(24.0), Some(22.0)));

    let found = findings(&at_limit(23), today());
    let warnings = of_severity(&found, Severity::Warning);
    assert_eq!(warnings.len(), 1);
    let warning = warnings[0];
    assert_eq!(warning.rule_id, "tt20-2023.norms.lower-secondary");
    assert_eq!(warning.unit_id.as_deref(), Some("thcs"));
    assert_eq!((warning.actual, warning.limit), (Some(23.0), Some(22.0)));
    assert!(
        warning.message.vi.starts_with(
            "Đơn vị thcs - Giáo viên: đề xuất 23 người, vượt định mức tối đa 22 người"
        ),
        "{}",
        warning.message.vi
    );
}

#[test]
fn posts_findings_on_both_sides_of_their_maximums() {
    let with = |positions: Vec<Position>| {
        findings(
            &plan(
                vec![school(
                    "th",
                    UnitType::PrimarySchool,
                    1,
                    school_drivers(10, 250, Some(true)),
                )],
                positions,
            ),
            today(),
        )
    };
    // Two clerks and accountants: at the maximum.
    let found = with(vec![
        position("vt", "th", "Văn thư", Category::Shared, 1, 1),
        position("kt", "th", "Kế toán", Category::Shared, 1, 1),
        position(
            "tpt",
            "th",
            "Tổng phụ trách Đội",
            Category::Specialized,
            1,
            1,
        ),
    ]);
    assert!(
        of_severity(&found, Severity::Warning).is_empty(),
        "{found:#?}"
    );
    // Three, and two Tổng phụ trách Đội: both above.
    let found = with(vec![
        position("vt", "th", "Văn thư", Category::Shared, 1, 1),
        position("kt", "th", "Kế toán", Category::Shared, 1, 2),
        position(
            "tpt",
            "th",
            "Tổng phụ trách Đội",
            Category::Specialized,
            1,
            2,
        ),
    ]);
    let warnings = of_severity(&found, Severity::Warning);
    assert_eq!(warnings.len(), 2, "{warnings:#?}");
    let admin = warnings
        .iter()
        .find(|f| f.message.vi.contains("Văn thư, thủ quỹ, kế toán"))
        .unwrap();
    assert_eq!((admin.actual, admin.limit), (Some(3.0), Some(2.0)));
    let doi = warnings
        .iter()
        .find(|f| f.message.vi.contains("Tổng phụ trách Đội"))
        .unwrap();
    assert_eq!((doi.actual, doi.limit), (Some(2.0), Some(1.0)));
}

// ---------------------------------------------------------------- disease control

fn cdc(population: u64, gates: u32, quarantine: bool, industrial: bool, mountainous: bool) -> Unit {
    unit(
        "cdc",
        UnitType::DiseaseControlCentre,
        NormDrivers {
            population: Some(population),
            border_gates: Some(gates),
            international_quarantine: Some(quarantine),
            industrial_zones: Some(industrial),
            mountainous: Some(mountainous),
            ..Default::default()
        },
    )
}

fn cdc_figure(u: Unit) -> NormFigure {
    let p = plan(vec![u], vec![]);
    let a = assess(&p, "cdc", today()).unwrap();
    assert_eq!(a.rule_id, "tt03-2023.norms.disease-control-centre");
    figure(&a, "nguoi_lam_viec").clone()
}

#[test]
fn disease_control_band_add_ons_then_mountainous_factor() {
    // 1,2 million people: 150; 3 border gates: + 5 x 3; mountainous: x 1,3 after the add-ons.
    // (150 + 15) x 1,3 = 214,5 -> a maximum, so 214.
    let f = cdc_figure(cdc(1_200_000, 3, false, false, true));
    assert_eq!(f.formula.vi, "(150 + 5 × 3) × 1,3 = 214,5");
    let max = f.maximum.unwrap();
    assert!((max.exact - 214.5).abs() < EPS);
    assert_eq!(max.allowed, 214);
    assert_eq!(max.rounded, Rounded::Down);
    assert!(f.inputs.iter().any(|i| i.label.vi == "Mức theo dân số"
        && i.value.vi == "150 người (dân số trên 1.000.000 đến 1.500.000)"));

    // One border gate adds nothing (the add-on starts at two): 150 x 1,3 = 195.
    let f = cdc_figure(cdc(1_200_000, 1, false, false, true));
    assert_eq!(f.formula.vi, "150 × 1,3 = 195");
    assert_eq!(f.maximum.unwrap().allowed, 195);

    // Quarantine and industrial zones, not mountainous: 130 + 15 + 6 = 151.
    let f = cdc_figure(cdc(900_000, 0, true, true, false));
    assert_eq!(f.formula.vi, "130 + 15 + 6 = 151");
    assert_eq!(f.maximum.unwrap().allowed, 151);

    // Nothing added: the band alone.
    let f = cdc_figure(cdc(4_500_000, 0, false, false, false));
    assert_eq!(f.formula.vi, "400 (mức theo dân số)");
    assert_eq!(f.maximum.unwrap().allowed, 400);
}

#[test]
fn disease_control_band_edges_are_inclusive_at_the_top() {
    let staff = |population| {
        cdc_figure(cdc(population, 0, false, false, false))
            .maximum
            .unwrap()
            .allowed
    };
    assert_eq!(staff(1_000_000), 130);
    assert_eq!(staff(1_000_001), 150);
    assert_eq!(staff(1_500_000), 150);
    assert_eq!(staff(2_000_000), 170);
    assert_eq!(staff(3_000_000), 190);
    assert_eq!(staff(4_000_000), 260);
    assert_eq!(staff(4_000_001), 400);
}

#[test]
fn the_mountainous_factor_order_is_a_parameter() {
    let embedded = include_str!("../src/norms/packs/tt03-2023-byt.ron");
    let before = embedded.replace(
        "factor_order: after_add_ons",
        "factor_order: before_add_ons",
    );
    assert_ne!(before, embedded);
    let packs = norms::load(&[("tt03.ron", &before)]).unwrap();
    let p = plan(vec![cdc(1_200_000, 3, false, false, true)], vec![]);
    let a = norms::assess_with(&packs, p.unit("cdc").unwrap(), &p, today()).unwrap();
    let f = figure(&a, "nguoi_lam_viec");
    // 150 x 1,3 + 5 x 3 = 210.
    assert_eq!(f.formula.vi, "150 × 1,3 + 5 × 3 = 210");
    assert_eq!(f.maximum.unwrap().allowed, 210);
}

#[test]
fn disease_control_findings_on_both_sides_of_the_maximum() {
    let with = |proposed| {
        let p = plan(
            vec![cdc(1_200_000, 3, false, false, true)],
            vec![position(
                "dt",
                "cdc",
                "Dịch tễ",
                Category::Specialized,
                200,
                proposed,
            )],
        );
        findings(&p, today())
    };
    assert!(of_severity(&with(214), Severity::Warning).is_empty());
    let found = with(215);
    let warnings = of_severity(&found, Severity::Warning);
    assert_eq!(warnings.len(), 1);
    assert_eq!(
        (warnings[0].actual, warnings[0].limit),
        (Some(215.0), Some(214.0))
    );
    let info = of_severity(&found, Severity::Info);
    assert_eq!(info.len(), 1);
    // Whole-unit norms compare the unit's rolled-up figures: 200 by workload.
    assert_eq!((info[0].actual, info[0].limit), (Some(200.0), Some(214.0)));
}

// ---------------------------------------------------------------- health station

#[test]
fn commune_health_station_minimum_of_five() {
    let with = |proposed| {
        let p = plan(
            vec![unit(
                "tyt",
                UnitType::CommuneHealthStation,
                NormDrivers::default(),
            )],
            vec![position(
                "ys",
                "tyt",
                "Y sĩ",
                Category::Specialized,
                4,
                proposed,
            )],
        );
        findings(&p, today())
    };
    let found = with(4);
    let warnings = of_severity(&found, Severity::Warning);
    assert_eq!(warnings.len(), 1, "{found:#?}");
    assert_eq!(
        (warnings[0].actual, warnings[0].limit),
        (Some(4.0), Some(5.0))
    );
    assert!(
        warnings[0]
            .message
            .vi
            .contains("thấp hơn định mức tối thiểu 5 người")
    );
    assert_eq!(
        warnings[0].rule_id,
        "tt03-2023.norms.commune-health-station"
    );
    assert!(of_severity(&with(5), Severity::Warning).is_empty());

    let p = plan(
        vec![unit(
            "tyt",
            UnitType::CommuneHealthStation,
            NormDrivers::default(),
        )],
        vec![],
    );
    let a = assess(&p, "tyt", today()).unwrap();
    let f = figure(&a, "nguoi_lam_viec");
    assert_eq!(f.minimum.unwrap().allowed, 5);
    assert_eq!(f.minimum.unwrap().rounded, Rounded::Up);
    assert!(f.maximum.is_none());
}

// ---------------------------------------------------------------- archives

fn archive(shelf: f64, mb: f64, hours: f64, city: bool) -> Unit {
    unit(
        "lt",
        UnitType::HistoricalArchive,
        NormDrivers {
            shelf_metres: Some(shelf),
            electronic_mb: Some(mb),
            audio_visual_hours: Some(hours),
            centrally_run_city: Some(city),
            ..Default::default()
        },
    )
}

fn archive_figure(u: Unit) -> NormFigure {
    let p = plan(vec![u], vec![]);
    let a = assess(&p, "lt", today()).unwrap();
    assert_eq!(a.rule_id, "tt09-2024.norms.provincial-archive");
    assert_eq!(a.bound(), Some(vtvl::norms::params::Bound::Both));
    figure(&a, "nguoi_lam_viec").clone()
}

#[test]
fn archive_minimum_add_ons_and_caps() {
    // 2.600 m: (2.600 - 2.000) : 300 = 2; 2.000.000 MB: 2; no audio-visual: 15 + 2 + 2 = 19.
    let f = archive_figure(archive(2600.0, 2_000_000.0, 0.0, false));
    assert_eq!(f.minimum.unwrap().allowed, 15);
    assert_eq!(f.maximum.unwrap().allowed, 19);
    assert!(
        f.formula.vi.starts_with(
            "15 + 2 + 2 + 0 = 19 (tài liệu giấy: (2.600 - 2.000) : 300 = 2; điện tử: \
             2.000.000 : 1.000.000 = 2; nghe nhìn: 0 : 500 = 0)"
        ),
        "{}",
        f.formula.vi
    );

    // Below 2.000 m paper adds nothing.
    let f = archive_figure(archive(1500.0, 0.0, 0.0, false));
    assert_eq!(f.maximum.unwrap().allowed, 15);

    // 5.000 m: 10; 3.000.000 MB: 3; 600 h: 1 -> 29: a province is capped at 22, a city not at 30.
    let f = archive_figure(archive(5000.0, 3_000_000.0, 600.0, false));
    assert_eq!(f.maximum.unwrap().allowed, 22);
    assert!(f.formula.vi.contains("= 29"));
    assert!(
        f.formula
            .vi
            .contains("vượt mức tối đa 22 (tỉnh) nên lấy 22")
    );
    let f = archive_figure(archive(5000.0, 3_000_000.0, 600.0, true));
    assert_eq!(f.maximum.unwrap().allowed, 29);

    // 8.000 m: 20 -> 15 + 20 + 3 + 1 = 39: a city is capped at 30.
    let f = archive_figure(archive(8000.0, 3_000_000.0, 600.0, true));
    assert_eq!(f.maximum.unwrap().allowed, 30);
}

#[test]
fn archive_findings_on_both_sides_of_both_bounds() {
    let with = |proposed| {
        let p = plan(
            vec![archive(2600.0, 2_000_000.0, 0.0, false)],
            vec![position(
                "lt-vt",
                "lt",
                "Lưu trữ viên",
                Category::Specialized,
                16,
                proposed,
            )],
        );
        findings(&p, today())
    };
    let below = with(14);
    let warnings = of_severity(&below, Severity::Warning);
    assert_eq!(warnings.len(), 1);
    assert_eq!(
        (warnings[0].actual, warnings[0].limit),
        (Some(14.0), Some(15.0))
    );
    assert!(
        warnings[0]
            .message
            .vi
            .contains("thấp hơn định mức tối thiểu 15 người")
    );
    assert!(of_severity(&with(15), Severity::Warning).is_empty());
    assert!(of_severity(&with(19), Severity::Warning).is_empty());
    let above = with(20);
    let warnings = of_severity(&above, Severity::Warning);
    assert_eq!(warnings.len(), 1);
    assert_eq!(
        (warnings[0].actual, warnings[0].limit),
        (Some(20.0), Some(19.0))
    );
    let info = of_severity(&above, Severity::Info);
    assert!(
        info[0]
            .message
            .vi
            .contains("định mức tối thiểu 15 người, tối đa 19 người;"),
        "{}",
        info[0].message.vi
    );
}

// ---------------------------------------------------------------- communes

fn commune(kind: UnitType, class: u8, population: u64, setting: CommuneSetting) -> Unit {
    unit(
        "xa",
        kind,
        NormDrivers {
            commune_class: Some(class),
            population: Some(population),
            commune_setting: Some(setting),
            ..Default::default()
        },
    )
}

#[test]
fn communes_follow_nd33_only_before_the_reform() {
    // Class II commune of 12.500 people: 20 + (12.500 - 8.000) : 4.000 = 1,13 -> 1 = 21.
    let p = plan(
        vec![commune(
            UnitType::CommuneCommittee,
            2,
            12_500,
            CommuneSetting::Commune,
        )],
        vec![],
    );
    assert!(assess(&p, "xa", date("2023-07-31")).is_none());
    let a = assess(&p, "xa", date("2023-08-01")).unwrap();
    assert_eq!(a.rule_id, "nd33-2023.norms.commune");
    assert_eq!(a.legal_basis, "Điều 6 Nghị định 33/2023/NĐ-CP");
    let f = figure(&a, "can_bo_cong_chuc");
    assert_eq!(f.maximum.unwrap().allowed, 21);
    assert_eq!(
        f.formula.vi,
        "Xã, thị trấn loại II: 20; dân số 12.500 vượt quy mô tiêu chuẩn 8.000 là 4.500: 4.500 : \
         4.000 = 1,13, lấy phần nguyên 1; tổng 20 + 1 = 21"
    );
    assert!(assess(&p, "xa", date("2025-06-30")).is_some());
    assert!(assess(&p, "xa", date("2025-07-01")).is_none());
    assert!(norms::assess_plan(&p, date("2026-01-01")).is_empty());
    assert!(findings(&p, date("2026-01-01")).is_empty());
}

#[test]
fn wards_by_class_and_setting() {
    // Class I ward of an urban district, 26.000 people: 23 + (26.000 - 15.000) : 5.000 = 2 -> 25.
    let p = plan(
        vec![commune(
            UnitType::WardCommittee,
            1,
            26_000,
            CommuneSetting::UrbanDistrictWard,
        )],
        vec![],
    );
    let a = assess(&p, "xa", date("2024-06-01")).unwrap();
    assert_eq!(figure(&a, "can_bo_cong_chuc").maximum.unwrap().allowed, 25);
    // Class III ward of a town below its standard: 19.
    let p = plan(
        vec![commune(
            UnitType::WardCommittee,
            3,
            4_000,
            CommuneSetting::TownWard,
        )],
        vec![],
    );
    let a = assess(&p, "xa", date("2024-06-01")).unwrap();
    let f = figure(&a, "can_bo_cong_chuc");
    assert_eq!(f.maximum.unwrap().allowed, 19);
    assert!(
        f.formula
            .vi
            .ends_with("dân số 4.000 không vượt quy mô tiêu chuẩn 5.000")
    );
}

#[test]
fn commune_findings_on_both_sides_of_the_maximum() {
    let with = |proposed| {
        let p = plan(
            vec![commune(
                UnitType::CommuneCommittee,
                2,
                12_500,
                CommuneSetting::Commune,
            )],
            vec![position(
                "cc",
                "xa",
                "Công chức",
                Category::Specialized,
                21,
                proposed,
            )],
        );
        findings(&p, date("2024-06-01"))
    };
    assert!(of_severity(&with(21), Severity::Warning).is_empty());
    let found = with(22);
    let warnings = of_severity(&found, Severity::Warning);
    assert_eq!(warnings.len(), 1);
    assert_eq!(
        (warnings[0].actual, warnings[0].limit),
        (Some(22.0), Some(21.0))
    );
    assert_eq!(warnings[0].legal_basis, "Điều 6 Nghị định 33/2023/NĐ-CP");
}

/// `count` people on labour contracts in `unit`, proposed as required.
fn contracts(unit: &str, count: u32) -> Position {
    Position {
        employment: Some(Employment::Contract),
        ..position(
            "hd",
            unit,
            "Bảo vệ, phục vụ",
            Category::Support,
            count,
            count,
        )
    }
}

#[test]
fn the_commune_norm_counts_cadres_and_civil_servants_not_contracts() {
    // A class I commune at its population standard: at most 22 cán bộ, công chức.
    let with = |civil_servants| {
        let p = plan(
            vec![commune(
                UnitType::CommuneCommittee,
                1,
                8_000,
                CommuneSetting::Commune,
            )],
            vec![
                position(
                    "cc",
                    "xa",
                    "Công chức",
                    Category::Specialized,
                    civil_servants,
                    civil_servants,
                ),
                contracts("xa", 2),
            ],
        );
        findings(&p, date("2024-06-01"))
    };
    let found = with(22);
    assert!(
        of_severity(&found, Severity::Warning).is_empty(),
        "{found:#?}"
    );
    let info = of_severity(&found, Severity::Info);
    assert_eq!(info.len(), 1);
    assert_eq!((info[0].actual, info[0].limit), (Some(22.0), Some(22.0)));
    assert!(
        info[0]
            .message
            .vi
            .contains("đề xuất 22 người (2 hợp đồng lao động không tính)"),
        "{}",
        info[0].message.vi
    );
    let left_out = info[0]
        .inputs
        .iter()
        .find(|i| i.label.vi == "Vị trí hợp đồng lao động không tính")
        .expect("the contract posts left out");
    assert_eq!(left_out.value.vi, "hd");
    let found = with(23);
    let warnings = of_severity(&found, Severity::Warning);
    assert_eq!(warnings.len(), 1);
    assert_eq!(
        (warnings[0].actual, warnings[0].limit),
        (Some(23.0), Some(22.0))
    );
}

#[test]
fn health_norms_keep_contract_staff() {
    // TT 03/2023/TT-BYT counts contract staff: 4 viên chức and 1 contract make the 5 required.
    let with = |staff: Vec<Position>| {
        let p = plan(
            vec![unit(
                "tyt",
                UnitType::CommuneHealthStation,
                NormDrivers::default(),
            )],
            staff,
        );
        findings(&p, today())
    };
    let nurses = || position("ys", "tyt", "Y sĩ", Category::Specialized, 4, 4);
    let found = with(vec![nurses(), contracts("tyt", 1)]);
    assert!(
        of_severity(&found, Severity::Warning).is_empty(),
        "{found:#?}"
    );
    assert!(
        of_severity(&found, Severity::Info)[0]
            .message
            .vi
            .contains("đề xuất 5 người (gồm 1 hợp đồng lao động)")
    );
    let found = with(vec![nurses()]);
    assert_eq!(of_severity(&found, Severity::Warning).len(), 1);
}

#[test]
fn the_commune_sample_imported_from_csv_gets_its_population_add_on() {
    // The sample's units.csv: a class I commune (`xa`) of 36.000 people. Judged before the
    // reform: 22 + (36.000 - 8.000) : 4.000 = 7 -> 29.
    let folder =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("sample-orgs/ubnd-xa-tan-hoa");
    let imported = vtvl::interchange::import_dir(&folder).unwrap();
    let unit = imported.unit("ubnd").unwrap();
    assert_eq!(unit.drivers.commune_setting, Some(CommuneSetting::Commune));
    let a = assess(&imported, "ubnd", date("2025-01-01")).unwrap();
    assert_eq!(a.rule_id, "nd33-2023.norms.commune");
    let f = figure(&a, "can_bo_cong_chuc");
    assert!(f.is_computed(), "{:?}", f.missing);
    assert_eq!(f.maximum.unwrap().allowed, 29);
    assert!(f.formula.vi.starts_with("Xã, thị trấn loại I: 22; dân số 36.000 vượt quy mô tiêu chuẩn 8.000 là 28.000: 28.000 : 4.000 = 7"), "{}", f.formula.vi);
    assert!(
        f.formula.vi.ends_with("tổng 22 + 7 = 29"),
        "{}",
        f.formula.vi
    );
    assert!(
        f.inputs.iter().any(|i| i.value.vi == "Xã"),
        "the setting is shown with the figure: {:?}",
        f.inputs
    );
    // Without its setting the add-on cannot be worked out: no figure, the setting missing.
    let mut unset = imported.clone();
    unset.units[0].drivers.commune_setting = None;
    let a = assess(&unset, "ubnd", date("2025-01-01")).unwrap();
    let f = figure(&a, "can_bo_cong_chuc");
    assert!(f.maximum.is_none());
    assert_eq!(f.missing, [Driver::CommuneSetting]);
}

// ---------------------------------------------------------------- missing drivers, blocking

#[test]
fn missing_drivers_are_reported_instead_of_a_wrong_figure() {
    // A primary school with classes only: sessions, zone and pupils are missing.
    let p = plan(
        vec![unit(
            "th",
            UnitType::PrimarySchool,
            NormDrivers {
                classes: Some(20),
                ..Default::default()
            },
        )],
        vec![position(
            "gv",
            "th",
            "Giáo viên",
            Category::Specialized,
            40,
            40,
        )],
    );
    let a = assess(&p, "th", today()).unwrap();
    let teachers = figure(&a, "giao_vien");
    assert!(!teachers.is_computed());
    assert!(teachers.maximum.is_none());
    assert_eq!(
        teachers.missing,
        [Driver::TwoSessionsADay, Driver::SchoolZone, Driver::Pupils]
    );
    // The posts need no driver and are still computed.
    assert!(figure(&a, "tong_phu_trach_doi").is_computed());
    assert_eq!(
        a.missing(),
        [Driver::TwoSessionsADay, Driver::SchoolZone, Driver::Pupils]
    );

    let found = findings(&p, today());
    // No teacher comparison (40 would exceed any guess), one finding naming what to fill in.
    assert!(of_severity(&found, Severity::Warning).is_empty());
    let missing: Vec<&Finding> = found
        .iter()
        .filter(|f| f.message.vi.contains("chưa tính được"))
        .collect();
    assert_eq!(missing.len(), 1);
    assert_eq!(missing[0].severity, Severity::Info);
    assert_eq!(
        missing[0].message.vi,
        "Đơn vị th: chưa tính được định mức giáo viên theo Thông tư 20/2023/TT-BGDĐT vì còn \
         thiếu dạy học 2 buổi/ngày, vùng của trường (1, 2, 3), số học sinh; nhập các số liệu \
         này để so sánh."
    );
    assert!(
        missing[0]
            .inputs
            .iter()
            .any(|i| i.value.vi == "chưa nhập (trường school_zone)")
    );

    // A disease-control centre with nothing filled in: every driver listed, in order.
    let p = plan(
        vec![unit(
            "cdc",
            UnitType::DiseaseControlCentre,
            NormDrivers::default(),
        )],
        vec![],
    );
    let a = assess(&p, "cdc", today()).unwrap();
    assert_eq!(
        a.missing(),
        [
            Driver::Population,
            Driver::InternationalQuarantine,
            Driver::BorderGates,
            Driver::IndustrialZones,
            Driver::Mountainous
        ]
    );
    // A zone outside 1-3 counts as missing too.
    let p = plan(
        vec![school(
            "thcs",
            UnitType::LowerSecondarySchool,
            4,
            school_drivers(12, 480, None),
        )],
        vec![],
    );
    assert_eq!(
        assess(&p, "thcs", today()).unwrap().missing(),
        [Driver::SchoolZone]
    );
}

#[test]
fn blocking_rules_turn_warnings_into_errors() {
    let mut p = plan(
        vec![school(
            "thcs",
            UnitType::LowerSecondarySchool,
            2,
            school_drivers(12, 480, None),
        )],
        vec![position(
            "gv",
            "thcs",
            "Giáo viên",
            Category::Specialized,
            24,
            23,
        )],
    );
    let found = findings(&p, today());
    assert_eq!(of_severity(&found, Severity::Warning).len(), 1);
    assert!(of_severity(&found, Severity::Error).is_empty());

    p.blocking_rules = vec!["tt20-2023.norms.lower-secondary".into()];
    let found = findings(&p, today());
    assert!(of_severity(&found, Severity::Warning).is_empty());
    let errors = of_severity(&found, Severity::Error);
    assert_eq!(errors.len(), 1);
    assert_eq!(
        (errors[0].actual, errors[0].limit),
        (Some(23.0), Some(22.0))
    );
    // Information stays information.
    assert!(!of_severity(&found, Severity::Info).is_empty());

    // Blocking another rule changes nothing here.
    p.blocking_rules = vec!["tt20-2023.norms.primary".into()];
    let found = findings(&p, today());
    assert_eq!(of_severity(&found, Severity::Warning).len(), 1);
}

#[test]
fn assess_plan_lists_normed_units_in_plan_order() {
    let p = plan(
        vec![
            unit("so", UnitType::ProvincialDepartment, NormDrivers::default()),
            unit(
                "tyt",
                UnitType::CommuneHealthStation,
                NormDrivers::default(),
            ),
            school(
                "thcs",
                UnitType::LowerSecondarySchool,
                2,
                school_drivers(12, 480, None),
            ),
        ],
        vec![],
    );
    let ids: Vec<String> = norms::assess_plan(&p, today())
        .into_iter()
        .map(|a| a.unit_id)
        .collect();
    assert_eq!(ids, ["tyt", "thcs"]);
}

// ---------------------------------------------------------------- English

/// What the figure reads in English: its label and formula; the English side must have English
/// numbers only (no decimal comma, no "." grouping) and no Vietnamese letter.
fn english(f: &NormFigure) -> (&str, &str) {
    assert!(
        !vtvl::language::has_vietnamese_letters(&f.formula.en),
        "{}",
        f.formula.en
    );
    assert!(
        !vtvl::language::has_vietnamese_letters(&f.label.en),
        "{}",
        f.label.en
    );
    // The drivers and parameters shown with it, but for the citation of the instrument.
    for input in &f.inputs {
        let value = input.value.en.replace(&f.legal_basis, "");
        assert!(
            !vtvl::language::has_vietnamese_letters(&input.label.en)
                && !vtvl::language::has_vietnamese_letters(&value),
            "{}: {}",
            input.label.en,
            input.value.en
        );
    }
    (f.label.en.as_str(), f.formula.en.as_str())
}

#[test]
fn school_formulas_in_english_write_english_numbers() {
    // The sample school: 28 classes, 1.220 pupils, zone 3.
    let p = plan(
        vec![school(
            "thcs",
            UnitType::LowerSecondarySchool,
            3,
            school_drivers(28, 1220, None),
        )],
        vec![],
    );
    let a = assess(&p, "thcs", today()).unwrap();
    let teachers = figure(&a, "giao_vien");
    assert_eq!(
        teachers.formula.vi,
        "28 lớp × 1,9 giáo viên/lớp = 53,2; không có học sinh dôi dư (1.220 học sinh, không quá \
         28 × 45 = 1.260)"
    );
    assert_eq!(
        english(teachers),
        (
            "Teachers",
            "28 classes × 1.9 teachers per class = 53.2; no leftover pupils (1,220 pupils, not \
             above 28 × 45 = 1,260)"
        )
    );
    assert!(
        teachers
            .inputs
            .iter()
            .any(|i| i.label.en == "Pupils" && i.value.en == "1,220")
    );
    assert!(
        teachers
            .inputs
            .iter()
            .any(|i| i.label.en == "Teachers per class"
                && (i.value.vi.as_str(), i.value.en.as_str()) == ("1,9", "1.9"))
    );
    assert_eq!(
        figure(&a, "van_thu_thu_quy_ke_toan").label.en,
        "Clerk, cashier, accountant"
    );

    // Leftover pupils: the division and its whole part.
    let p = plan(
        vec![school(
            "th",
            UnitType::PrimarySchool,
            2,
            school_drivers(20, 640, Some(true)),
        )],
        vec![],
    );
    let a = assess(&p, "th", today()).unwrap();
    assert_eq!(
        english(figure(&a, "giao_vien")).1,
        "20 classes × 1.5 teachers per class = 30; leftover pupils: 640 - 20 × 30 = 40, one more \
         teacher for each full 15 pupils: 40 ÷ 15 = 2.67, whole part 2; total 30 + 2 = 32"
    );
}

#[test]
fn kindergarten_formula_in_english_writes_english_numbers() {
    let drivers = NormDrivers {
        nursery_groups: Some(3),
        classes: Some(8),
        ..Default::default()
    };
    let p = plan(vec![unit("mn", UnitType::Kindergarten, drivers)], vec![]);
    let a = assess(&p, "mn", today()).unwrap();
    assert_eq!(
        english(figure(&a, "giao_vien")),
        (
            "Teachers",
            "3 nursery groups × 2.5 teachers per group + 8 classes × 2.2 teachers per class = 25.1"
        )
    );
}

#[test]
fn disease_control_formula_in_english_writes_english_numbers() {
    let f = cdc_figure(cdc(1_200_000, 3, false, false, true));
    assert_eq!(english(&f), ("Staff", "(150 + 5 × 3) × 1.3 = 214.5"));
    assert!(f.inputs.iter().any(|i| i.label.en == "Figure by population"
        && i.value.en == "150 people (population above 1,000,000 up to 1,500,000)"));
    let f = cdc_figure(cdc(4_500_000, 0, false, false, false));
    assert_eq!(english(&f).1, "400 (figure by population)");
}

#[test]
fn fixed_figures_in_english() {
    let p = plan(
        vec![unit(
            "tyt",
            UnitType::CommuneHealthStation,
            NormDrivers::default(),
        )],
        vec![],
    );
    let a = assess(&p, "tyt", today()).unwrap();
    assert_eq!(
        english(figure(&a, "nguoi_lam_viec")),
        ("Staff", "Fixed figure per unit: minimum 5 people")
    );
    let p = plan(
        vec![school(
            "thcs",
            UnitType::LowerSecondarySchool,
            2,
            school_drivers(12, 480, None),
        )],
        vec![],
    );
    let a = assess(&p, "thcs", today()).unwrap();
    let post = figure(&a, "tong_phu_trach_doi");
    assert_eq!(post.formula.vi, "Mức cố định mỗi đơn vị: tối đa 1 người");
    assert_eq!(
        english(post),
        (
            "Young Pioneers' leader",
            "Fixed figure per unit: maximum 1 person"
        )
    );
}

#[test]
fn archive_formula_in_english_writes_english_numbers() {
    let f = archive_figure(archive(2600.0, 2_000_000.0, 0.0, false));
    assert_eq!(
        english(&f),
        (
            "Staff",
            "15 + 2 + 2 + 0 = 19 (paper records: (2,600 - 2,000) ÷ 300 = 2; electronic: \
             2,000,000 ÷ 1,000,000 = 2; audio-visual: 0 ÷ 500 = 0); not above the maximum of 22 \
             (province)"
        )
    );
    let f = archive_figure(archive(5000.0, 3_000_000.0, 600.0, true));
    assert!(
        english(&f)
            .1
            .ends_with("not above the maximum of 30 (centrally-run city)"),
        "{}",
        f.formula.en
    );
    let f = archive_figure(archive(5000.0, 3_000_000.0, 600.0, false));
    assert!(
        english(&f)
            .1
            .ends_with("above the maximum of 22 (province), so 22"),
        "{}",
        f.formula.en
    );
    assert!(f.inputs.iter().any(|i| i.label.en == "Maximum (province)"));
}

#[test]
fn commune_formula_in_english_writes_english_numbers() {
    let p = plan(
        vec![commune(
            UnitType::CommuneCommittee,
            2,
            12_500,
            CommuneSetting::Commune,
        )],
        vec![],
    );
    let a = assess(&p, "xa", date("2024-06-01")).unwrap();
    assert_eq!(
        english(figure(&a, "can_bo_cong_chuc")),
        (
            "Commune cadres and civil servants",
            "Commune, township class II: 20; population 12,500 above the standard of 8,000 by \
             4,500: 4,500 ÷ 4,000 = 1.13, whole part 1; total 20 + 1 = 21"
        )
    );
    let p = plan(
        vec![commune(
            UnitType::WardCommittee,
            3,
            4_000,
            CommuneSetting::TownWard,
        )],
        vec![],
    );
    let a = assess(&p, "xa", date("2024-06-01")).unwrap();
    assert_eq!(
        english(figure(&a, "can_bo_cong_chuc")).1,
        "Ward class III: 19; population 4,000 not above the standard of 5,000"
    );
}

#[test]
fn a_figure_not_computed_says_what_is_missing_in_english() {
    let p = plan(
        vec![unit(
            "th",
            UnitType::PrimarySchool,
            NormDrivers {
                classes: Some(20),
                ..Default::default()
            },
        )],
        vec![],
    );
    let a = assess(&p, "th", today()).unwrap();
    let teachers = figure(&a, "giao_vien");
    assert_eq!(
        teachers.formula.vi,
        "Chưa tính được: còn thiếu dạy học 2 buổi/ngày, vùng của trường (1, 2, 3), số học sinh"
    );
    assert_eq!(
        english(teachers).1,
        "Not computed: missing two sessions a day, school zone (1, 2, 3), pupils"
    );
    let found = findings(&p, today());
    let missing = found
        .iter()
        .find(|f| f.message.vi.contains("chưa tính được"))
        .unwrap();
    assert_eq!(
        missing.message.en,
        "Đơn vị th: the norm for teachers under Thông tư 20/2023/TT-BGDĐT cannot be computed: \
         two sessions a day, school zone (1, 2, 3), pupils not given; fill them in to compare."
    );
}

#[test]
fn norm_findings_in_english_use_the_english_label_formula_and_numbers() {
    // 28 classes x 1,9 = 53,2 -> 53; 60 teachers proposed: above the maximum.
    let p = plan(
        vec![school(
            "thcs",
            UnitType::LowerSecondarySchool,
            3,
            school_drivers(28, 1220, None),
        )],
        vec![position(
            "gv",
            "thcs",
            "Giáo viên",
            Category::Specialized,
            60,
            60,
        )],
    );
    let found = findings(&p, today());
    let warning = of_severity(&found, Severity::Warning)
        .into_iter()
        .find(|f| f.rule_id == "tt20-2023.norms.lower-secondary")
        .unwrap();
    assert_eq!(
        warning.message.en,
        "Đơn vị thcs - Teachers: proposed 60 people, above the maximum norm of 53 people. \
         Computed: 28 classes × 1.9 teachers per class = 53.2; no leftover pupils (1,220 pupils, \
         not above 28 × 45 = 1,260)."
    );
    let info = found
        .iter()
        .find(|f| f.severity == Severity::Info && f.message.en.contains("- Teachers: norm"))
        .unwrap();
    assert!(
        info.message
            .en
            .contains("norm at most 53 people (53.2 rounded down)"),
        "{}",
        info.message.en
    );
    let input = |label: &str| {
        info.inputs
            .iter()
            .find(|i| i.label.en == label)
            .map(|i| i.value.en.clone())
            .unwrap_or_default()
    };
    assert_eq!(
        input("Rounding"),
        "53.2 -> 53 (rounded down (a maximum: not to exceed))"
    );
    assert_eq!(
        input("Compared with"),
        "specialised job positions of the unit and of the units under it whose name has \
         \"giáo viên\""
    );
}
