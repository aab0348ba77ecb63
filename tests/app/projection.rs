//! The Dự báo tab: the sample's scenario and its figures, who retires in a cell only when
//! personal data is asked for, and scenario edits that undo.

use egui_kittest::kittest::Queryable as _;
use vtvl::app::projection_view::{self, ExplainedCell};

use crate::harness::{click, default_harness, has_label_containing, pick, set_field};

#[test]
fn the_projection_shows_the_scenario_its_figures_and_who_retires_on_request() {
    let mut harness = default_harness();
    click(&mut harness, "Dự báo");
    // The sample's active scenario and its assumptions in words.
    harness.get_by_label(
        "Dân số và hồ sơ thủ tục hành chính tăng đều; chứng thực bản sao giảm khi dùng bản điện tử; thực hiện tinh giản biên chế theo chủ trương chung.",
    );
    harness.get_by_label("Khối lượng công việc tăng 3% mỗi năm từ năm thứ hai (mọi công việc)");
    harness.get_by_label("Tinh giản 5% biên chế của năm đầu đến năm 2030 (toàn đề án)");
    // The early retirement is counted, not named.
    assert!(!has_label_containing(&harness, "s-012"));
    // s-035 has no birth date: counted as staying, reported.
    assert!(has_label_containing(
        &harness,
        "Chưa rõ ngày nghỉ hưu, tính là tiếp tục làm việc: 1 người (ttpvhcc: 1)"
    ));
    // The quota cut against the biên chế held at the end of 2030.
    harness.get_by_label("Tinh giản 5%: mục tiêu 35,15; biên chế giữ năm 2030: 35 (đạt)");
    harness.get_by_label("Toàn đề án");
    harness.get_by_label("2030");

    // Who retires in 2026 in the land-registry position: counted, then named on request.
    harness.state_mut().state.projection.explained =
        Some((2026, ExplainedCell::Position("pkt-dia-chinh".into())));
    harness.run();
    harness.get_by_label("Nghỉ hưu năm 2026 (pkt-dia-chinh): 1 người");
    assert!(!has_label_containing(&harness, "s-016"));
    click(&mut harness, "Hiện dữ liệu cá nhân");
    harness.get_by_label("s-016: 30/06/2026 (theo tuổi nghỉ hưu)");

    // The scenarios side by side, on request: the plan as it is and the sample's scenario,
    // five years each.
    click(&mut harness, "So sánh các kịch bản");
    assert_eq!(harness.get_all_by_label("(đề án như hiện tại)").count(), 5);
    assert_eq!(harness.get_all_by_label("Tăng trưởng 2026-2030").count(), 5);
    harness.get_by_label("Giảm so với biên chế năm đầu");
}

#[test]
fn scenario_edits_go_through_the_history_and_undo() {
    let mut harness = default_harness();
    click(&mut harness, "Dự báo");
    pick(&mut harness, "Kịch bản:", "(không áp dụng kịch bản)");
    assert_eq!(harness.state().state.document.plan().scenarios.active, None);
    assert!(!has_label_containing(&harness, "Giả định của kịch bản"));
    harness.key_press_modifiers(eframe::egui::Modifiers::COMMAND, eframe::egui::Key::Z);
    harness.run();
    let active = harness
        .state()
        .state
        .document
        .plan()
        .scenarios
        .active
        .clone();
    assert_eq!(active.as_deref(), Some("Tăng trưởng 2026-2030"));

    set_field(&mut harness, "Tăng khối lượng (%/năm):", 0, "2,5");
    click(&mut harness, "Thêm");
    harness.get_by_label("Khối lượng công việc tăng 2,5% mỗi năm từ năm thứ hai (mọi công việc)");
    let plan = harness.state().state.document.plan().clone();
    assert_eq!(plan.scenarios.list[0].changes.len(), 5);

    // A quota cut target: refused with a year that is not one, added with one.
    set_field(&mut harness, "Tinh giản biên chế (%):", 0, "10");
    set_field(&mut harness, "đến năm:", 0, "năm sau");
    click(&mut harness, "Thêm tinh giản");
    assert!(has_label_containing(&harness, "Năm phải là số nguyên"));
    assert_eq!(harness.state().state.document.plan(), &plan);
    set_field(&mut harness, "đến năm:", 0, "2029");
    click(&mut harness, "Thêm tinh giản");
    harness.get_by_label("Tinh giản 10% biên chế của năm đầu đến năm 2029 (toàn đề án)");
    let changes = &harness.state().state.document.plan().scenarios.list[0].changes;
    assert_eq!(
        changes.last(),
        Some(&vtvl::model::ScenarioChange::QuotaCut {
            percent: 10.0,
            by_year: 2029,
            unit_id: None
        })
    );

    set_field(&mut harness, "Kịch bản mới:", 0, "Giữ nguyên");
    click(&mut harness, "Thêm kịch bản");
    let scenarios = harness.state().state.document.plan().scenarios.clone();
    assert_eq!(scenarios.active.as_deref(), Some("Giữ nguyên"));
    assert_eq!(scenarios.list.len(), 2);
}

/// A task's volume from a year, and an early retirement (named only once personal data is
/// shown), added from the tab; fields that do not read are refused with their reason.
#[test]
fn a_volume_change_and_an_early_retirement_are_added_from_the_tab() {
    use vtvl::model::{CivilDate, ScenarioChange};
    let mut harness = default_harness();
    click(&mut harness, "Dự báo");
    let before = harness.state().state.document.plan().clone();
    let changes = |harness: &egui_kittest::Harness<'static, vtvl::app::VtvlApp>| {
        harness.state().state.document.plan().scenarios.list[0]
            .changes
            .clone()
    };

    // No task chosen yet: refused.
    set_field(&mut harness, "khối lượng/năm:", 0, "500");
    set_field(&mut harness, "từ năm:", 0, "2028");
    click(&mut harness, "Thêm khối lượng");
    assert!(has_label_containing(&harness, "Chọn vị trí và công việc"));
    assert_eq!(harness.state().state.document.plan(), &before);

    pick(
        &mut harness,
        "vị trí:",
        "Chuyên viên địa chính - đất đai (Phòng Kinh tế)",
    );
    pick(
        &mut harness,
        "công việc:",
        "Thẩm tra, xác nhận hồ sơ đăng ký biến động đất đai (hồ sơ): 1.400",
    );
    set_field(&mut harness, "khối lượng/năm:", 0, "-3");
    click(&mut harness, "Thêm khối lượng");
    // The projection's own rule refuses it, with its reason.
    assert!(has_label_containing(
        &harness,
        "-3 phải là số hữu hạn, không âm"
    ));
    assert_eq!(harness.state().state.document.plan(), &before);
    set_field(&mut harness, "khối lượng/năm:", 0, "1.800");
    click(&mut harness, "Thêm khối lượng");
    assert_eq!(
        changes(&harness).last(),
        Some(&ScenarioChange::Volume {
            component_id: "d-pkt-002".into(),
            volume: 1800.0,
            from_year: 2028,
        })
    );

    // Who retires early is chosen only once personal data is shown.
    assert!(harness.query_by_label("Nghỉ hưu trước tuổi:").is_none());
    click(&mut harness, "Hiện dữ liệu cá nhân");
    pick(
        &mut harness,
        "Nghỉ hưu trước tuổi:",
        "s-002 (Ủy ban nhân dân xã Tân Hòa)",
    );
    set_field(&mut harness, "ngày nghỉ:", 0, "31/13/2027");
    click(&mut harness, "Thêm người nghỉ");
    assert!(has_label_containing(&harness, "Ngày phải viết dd/mm/yyyy"));
    set_field(&mut harness, "ngày nghỉ:", 0, "30/06/2027");
    click(&mut harness, "Thêm người nghỉ");
    assert_eq!(
        changes(&harness).last(),
        Some(&ScenarioChange::EarlyRetirement {
            staff_id: "s-002".into(),
            on: "2027-06-30".parse::<CivilDate>().unwrap(),
        })
    );
    assert_eq!(
        changes(&harness).len(),
        before.scenarios.list[0].changes.len() + 2
    );
    // Both undo.
    for _ in 0..2 {
        harness.key_press_modifiers(eframe::egui::Modifiers::COMMAND, eframe::egui::Key::Z);
        harness.run();
    }
    assert_eq!(harness.state().state.document.plan(), &before);
}

#[test]
fn a_large_plan_has_a_row_for_every_unit_and_position_drawing_those_in_view() {
    let plan = vtvl::generate::generate(vtvl::generate::Spec {
        units: 120,
        seed: 3,
        staff: None,
    });
    let rows = 1 + plan.units.len() + plan.positions.len();
    let last = plan.positions.last().unwrap().clone();
    let mut harness = crate::harness::harness_with(plan);
    click(&mut harness, "Dự báo");
    // A large plan is projected on a worker; the tab says so meanwhile.
    harness.get_by_label("Đang dự báo…");
    projection_view::wait(&mut harness.state_mut().state);
    harness.run();
    harness.get_by_label("Toàn đề án");
    let last_row = format!("• {} ({})", last.name, last.unit_id);
    // Only the rows in view are drawn: the units come first, the positions below them are out
    // of view.
    assert!(rows > 800, "{rows}");
    assert_eq!(harness.query_all_by_label_contains("• ").count(), 0);
    // Choosing a unit in the tree narrows the table to its subtree: its last position shows.
    harness.state_mut().state.selected_unit = Some(last.unit_id.clone());
    harness.run();
    harness.get_by_label(&last_row);
    let more = last_row;
    assert!(!has_label_containing(&harness, "Đang cập nhật dự báo"));

    // After an edit, the last projection stays in view, marked, until the new one arrives.
    let mut scenarios = harness.state().state.document.plan().scenarios.clone();
    scenarios.list.push(vtvl::model::Scenario {
        name: "Tăng".into(),
        changes: vec![vtvl::model::ScenarioChange::Growth {
            percent: 10.0,
            code: None,
            unit_id: None,
        }],
        ..Default::default()
    });
    scenarios.active = Some("Tăng".into());
    harness
        .state_mut()
        .state
        .apply(vtvl::editing::Edit::SetScenarios(scenarios))
        .unwrap();
    harness.step();
    harness.get_by_label(&more);
    harness.get_by_label("Đang cập nhật dự báo theo thay đổi mới…");
    harness.state_mut().state.document.wait_for_results();
    harness.step();
    projection_view::wait(&mut harness.state_mut().state);
    harness.run();
    assert!(!has_label_containing(&harness, "Đang cập nhật dự báo"));
    assert!(!projection_view::is_updating(&harness.state().state));
}
