//! The Checks panel (Kiểm tra): the findings of `vtvl check`, live; a click lands on the
//! position and explains the finding; blocking, the judgement date and the severity filter.

use eframe::egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use vtvl::app::VtvlApp;
use vtvl::app::state::Tab;
use vtvl::model::{
    AutonomyGroup, Category, Employment, LeaderRole, Method, Plan, Position, StepCount, Unit,
    UnitType,
};

use crate::harness::{click, harness_with, has_label_containing, set_field};

const FINDING: &str = "Giáo viên dạy nghề: 4 người ở bậc 5, vượt mức tối đa 3 người (30% của 10 người, làm tròn xuống)";

/// A state-funded centre judged at 1/9/2026 whose teachers (10) have 4 at step 5: ND 232/2026
/// allows floor(30% x 10) = 3.
fn centre() -> Plan {
    let mut plan = Plan::default();
    plan.meta.name = "Đề án Trung tâm thử".into();
    plan.meta.judged_at = Some("2026-09-01".parse().unwrap());
    plan.units.push(Unit {
        unit_type: UnitType::PublicServiceUnit,
        autonomy_group: Some(AutonomyGroup::Group4),
        ..Unit::new("dv", None, "Trung tâm Thử nghiệm")
    });
    plan.positions.push(Position {
        category: Category::Leadership,
        method: Method::Fixed,
        count: 1,
        role: Some(LeaderRole::Head),
        ..Position::new("gd", "dv", "Giám đốc trung tâm")
    });
    plan.positions.push(Position {
        method: Method::Fixed,
        count: 10,
        steps: vec![
            StepCount { step: 5, count: 4 },
            StepCount { step: 4, count: 3 },
            StepCount { step: 3, count: 3 },
        ],
        ..Position::new("gv", "dv", "Giáo viên dạy nghề")
    });
    plan
}

fn open_checks() -> Harness<'static, VtvlApp> {
    let mut harness = harness_with(centre());
    harness.run();
    harness.state_mut().state.document.wait_for_results();
    harness.run();
    click(&mut harness, "Kiểm tra");
    harness
}

#[test]
fn a_finding_jumps_to_its_position_and_explains_itself() {
    let mut harness = open_checks();
    assert!(has_label_containing(&harness, "0 lỗi · 1 cảnh báo"));
    harness.get_by_label("Cảnh báo (1)");
    // Start elsewhere, so that landing on the position shows.
    harness.state_mut().state.tab = Tab::Dashboard;
    harness.run();
    click(&mut harness, FINDING);

    let state = &harness.state().state;
    assert_eq!(state.tab, Tab::Positions);
    assert_eq!(state.selected_unit.as_deref(), Some("dv"));
    assert_eq!(state.selected_position.as_deref(), Some("gv"));
    // The explanation: the rule, its basis and dates, its parameters, the figures compared.
    for text in [
        "Tỷ lệ viên chức theo bậc của vị trí",
        "nd232-2026.steps.caps",
        "Nghị định 232/2026/NĐ-CP",
        "Hiệu lực: từ 01/07/2026",
        "suy luận",
        "Bậc cao nhất sử dụng là 5",
        "bậc 5 <= 30%, bậc 4 <= 40%",
        "bậc 5: 4; bậc 4: 3; bậc 3: 3",
        "floor(30% x 10) = 3",
        "Ngày xét (quy định có hiệu lực)",
    ] {
        assert!(has_label_containing(&harness, text), "{text}");
    }
}

#[test]
fn a_rule_made_blocking_turns_the_warning_into_an_error_and_can_be_undone() {
    let mut harness = open_checks();
    click(&mut harness, FINDING);
    click(&mut harness, "Chặn: vi phạm quy tắc này là lỗi");
    assert_eq!(
        harness.state().state.document.plan().blocking_rules,
        ["nd232-2026.steps.caps"]
    );
    assert!(has_label_containing(&harness, "1 lỗi · 0 cảnh báo"));
    harness.get_by_label("Lỗi (1)");

    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert!(
        harness
            .state()
            .state
            .document
            .plan()
            .blocking_rules
            .is_empty()
    );
    assert!(has_label_containing(&harness, "0 lỗi · 1 cảnh báo"));

    // The step caps have one version only: no "every version" choice is offered.
    assert!(!has_label_containing(&harness, "Chặn ở mọi phiên bản"));
}

#[test]
fn the_judgement_date_picks_the_rules_and_severities_filter_the_list() {
    let mut harness = open_checks();
    assert!(has_label_containing(&harness, FINDING));
    click(&mut harness, "Cảnh báo (1)");
    assert!(!has_label_containing(&harness, FINDING));
    click(&mut harness, "Cảnh báo (1)");
    assert!(has_label_containing(&harness, FINDING));

    // Before ND 232/2026 took effect there is no step cap.
    set_field(&mut harness, "Ngày xét", 0, "01/06/2026");
    harness.state_mut().state.document.wait_for_results();
    harness.run();
    assert_eq!(
        harness.state().state.document.plan().meta.judged_at,
        Some("2026-06-01".parse().unwrap())
    );
    assert!(!has_label_containing(&harness, FINDING));
    assert!(has_label_containing(&harness, "Không có phát hiện nào"));

    // A date that is not one stays in the field with the reason; the plan keeps its date.
    set_field(&mut harness, "Ngày xét", 0, "31/02/2026");
    assert!(has_label_containing(&harness, "không phải ngày"));
    assert_eq!(
        harness.state().state.document.plan().meta.judged_at,
        Some("2026-06-01".parse().unwrap())
    );
}

#[test]
fn a_sector_norm_finding_explains_itself_with_its_rule() {
    let path =
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("plans/truong-thcs-nguyen-du.ron");
    let mut plan = vtvl::plan_file::load(&path).unwrap();
    plan.meta.judged_at = Some("2026-09-01".parse().unwrap());
    // The same finding as `vtvl check`: 28 classes x 1,9 = 53,2 teachers at most, so 53.
    let results = vtvl::engine::compute(&plan).unwrap();
    let findings = vtvl::rules::check(&plan, &results, plan.judgement_date());
    let teachers = findings
        .iter()
        .find(|f| f.message.vi.contains("Giáo viên: định mức tối đa 53 người"))
        .expect("the teacher norm finding")
        .message
        .vi
        .clone();
    let mut harness = harness_with(plan);
    harness.run();
    harness.state_mut().state.document.wait_for_results();
    harness.run();
    click(&mut harness, "Kiểm tra");
    click(&mut harness, &teachers);
    for text in [
        "tt20-2023.norms.lower-secondary",
        "Thông tư 20/2023/TT-BGDĐT",
        "Hiệu lực: từ 16/12/2023",
        "tối đa 1,9 giáo viên/lớp",
        "28 lớp",
    ] {
        assert!(has_label_containing(&harness, text), "{text}");
    }
}

/// A Văn phòng sở of 9 civil servants (2 deputies among them) and 3 drivers and guards on labour
/// contracts, judged at 1/3/2026 under ND 150/2025 as amended by ND 370/2025.
fn office_with_contracts() -> Plan {
    let mut plan = Plan::default();
    plan.meta.name = "Đề án Sở thử".into();
    plan.meta.judged_at = Some("2026-03-01".parse().unwrap());
    plan.units.push(Unit {
        unit_type: UnitType::ProvincialDepartment,
        ..Unit::new("so", None, "Sở Thử")
    });
    plan.units.push(Unit {
        unit_type: UnitType::DepartmentOffice,
        ..Unit::new("vp", Some("so".into()), "Văn phòng sở")
    });
    let fixed = |id: &str, name: &str, count: u32, category: Category| Position {
        category,
        method: Method::Fixed,
        count,
        ..Position::new(id, "vp", name)
    };
    plan.positions.push(Position {
        role: Some(LeaderRole::Head),
        ..fixed("cvp", "Chánh Văn phòng", 1, Category::Leadership)
    });
    plan.positions.push(Position {
        role: Some(LeaderRole::Deputy),
        ..fixed("pcvp", "Phó Chánh Văn phòng", 2, Category::Leadership)
    });
    plan.positions
        .push(fixed("cv", "Chuyên viên tổng hợp", 6, Category::Shared));
    plan.positions.push(Position {
        employment: Some(Employment::Contract),
        ..fixed("lx", "Lái xe, bảo vệ", 3, Category::Support)
    });
    plan
}

#[test]
fn a_deputy_cap_explains_that_contract_posts_were_not_counted() {
    let mut harness = harness_with(office_with_contracts());
    harness.run();
    harness.state_mut().state.document.wait_for_results();
    harness.run();
    click(&mut harness, "Kiểm tra");
    click(
        &mut harness,
        "Văn phòng sở: 2 cấp phó, vượt mức tối đa 1 cấp phó của văn phòng sở có 9 biên chế (3 hợp đồng lao động không tính)",
    );
    assert_eq!(harness.state().state.selected_unit.as_deref(), Some("vp"));
    for text in [
        "nd370-2025.deputies.division",
        "9 biên chế; 3 hợp đồng lao động không tính",
        "biên chế (công chức, viên chức); không tính hợp đồng lao động",
    ] {
        assert!(has_label_containing(&harness, text), "{text}");
    }
}
