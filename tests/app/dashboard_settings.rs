//! The Dashboard and Settings tabs, driven by their visible labels on the bundled default plan.

use eframe::egui;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use vtvl::app::VtvlApp;
use vtvl::model::Rounding;

use crate::harness::default_harness;

fn open_tab(harness: &mut Harness<'static, VtvlApp>, tab: &str) {
    harness.get_by_label(tab).click();
    harness.run();
}

/// Types `text` into the field labelled `label` and leaves it with Enter.
fn type_into(harness: &mut Harness<'static, VtvlApp>, label: &str, text: &str) {
    harness.get_by_label(label).focus();
    harness.run();
    harness.get_by_label(label).set_text_value_accesskit(text);
    harness.run();
    harness.key_press(egui::Key::Enter);
    harness.run();
}

/// The vertical centre of the one node labelled `label`.
fn row_of(harness: &Harness<'static, VtvlApp>, label: &str) -> f32 {
    harness.get_by_label(label).rect().center().y
}

fn status_shows(harness: &Harness<'static, VtvlApp>, required: i64) -> bool {
    let text = format!("Cần {required} (");
    harness.query_all_by_label_contains(&text).next().is_some()
}

#[test]
fn dashboard_shows_the_charts_and_the_positions_under_pressure() {
    let mut harness = default_harness();
    open_tab(&mut harness, "Biểu đồ");
    harness.get_by_label("Tổng quan: Toàn bộ đề án");
    harness.get_by_label("Cần có và hiện có theo đơn vị");
    harness.get_by_label("Cần có và hiện có theo nhóm vị trí");
    harness.get_by_label("Cần có và hiện có theo ngạch");
    harness.get_by_label("Vị trí chịu áp lực công việc (tỷ lệ WISN dưới 1)");
    // The commune's one root is broken down by its offices, its own leaders first.
    harness.get_by_label("Trực tiếp tại Ủy ban nhân dân xã Tân Hòa");
    harness.get_by_label("Nghiệp vụ chuyên ngành");
    // Ranks are named in the table beside their chart.
    harness.get_by_label("Chuyên viên (01.003)");

    // Land administration: 3 staff for 3,84 FTE, ratio 0,78, on its row of the list.
    let land = row_of(&harness, "Chuyên viên địa chính - đất đai");
    assert!(
        harness
            .query_all_by_label("0,78")
            .any(|n| (n.rect().center().y - land).abs() < 2.0),
        "ratio 0,78 on the land administration row"
    );
    // Lowest ratio first: education-health (0), guards (0,67), land (0,78), building (0,84).
    let order = [
        row_of(&harness, "Chuyên viên giáo dục - y tế"),
        row_of(&harness, "Nhân viên bảo vệ, phục vụ (hợp đồng lao động)"),
        land,
        row_of(&harness, "Chuyên viên xây dựng, giao thông, đô thị"),
    ];
    assert!(order.windows(2).all(|w| w[0] < w[1]), "sorted: {order:?}");
    // Balanced or overstaffed positions are not listed.
    assert!(harness.query_by_label("Trưởng phòng Kinh tế").is_none());
    assert!(
        harness
            .query_by_label("Chuyên viên nông nghiệp - môi trường")
            .is_none()
    );
}

/// Whether a node labelled `text` sits on the row of the node labelled `row`.
fn on_row(harness: &Harness<'static, VtvlApp>, row: &str, text: &str) -> bool {
    let y = row_of(harness, row);
    harness
        .query_all_by_label(text)
        .any(|n| (n.rect().center().y - y).abs() < 2.0)
}

#[test]
fn dashboard_shows_the_establishment_apart_from_labour_contracts() {
    let mut harness = default_harness();
    open_tab(&mut harness, "Biểu đồ");
    harness.get_by_label("Biên chế và hợp đồng lao động");
    // The commune: 34 civil servants needed, 34 in post; the guards and the scanning clerk on
    // contract: 4 needed, 3 in post, 4 proposed.
    assert!(on_row(&harness, "Biên chế (công chức)", "34"));
    for figure in ["4", "3", "−1"] {
        assert!(
            on_row(&harness, "Hợp đồng lao động", figure),
            "{figure} on the contract row"
        );
    }
    harness.get_by_label("Hợp đồng lao động trong số cần có: 10,5 %");
}

#[test]
fn dashboard_follows_the_selected_unit() {
    let mut harness = default_harness();
    open_tab(&mut harness, "Biểu đồ");
    // The tree is drawn before the dashboard's table, which also names the office.
    harness
        .query_all_by_label("Phòng Văn hóa - Xã hội")
        .next()
        .expect("unit in the tree")
        .click();
    harness.run();
    assert_eq!(
        harness.state().state.selected_unit.as_deref(),
        Some("pvhxh")
    );
    harness.get_by_label("Tổng quan: Phòng Văn hóa - Xã hội");
    harness.get_by_label("Trực tiếp tại Phòng Văn hóa - Xã hội");
    harness.get_by_label("Chuyên viên giáo dục - y tế");
    assert!(
        harness
            .query_by_label("Chuyên viên địa chính - đất đai")
            .is_none()
    );
}

#[test]
fn changing_the_rounding_policy_changes_the_total_and_undo_restores_it() {
    let mut harness = default_harness();
    let nearest = harness
        .state()
        .state
        .document
        .results()
        .unwrap()
        .total
        .required;
    let mut up_plan = harness.state().state.document.plan().clone();
    up_plan.rounding = Rounding::Up;
    let up = vtvl::engine::compute(&up_plan).unwrap().total.required;
    assert_ne!(nearest, up, "the default plan has fractions to round");
    assert!(status_shows(&harness, nearest));

    open_tab(&mut harness, "Thiết lập");
    harness.get_by_label("Quy tắc làm tròn");
    harness.get_by_label(Rounding::Up.label_vi()).click();
    harness.run();
    assert_eq!(harness.state().state.document.plan().rounding, Rounding::Up);
    assert!(status_shows(&harness, up), "status shows {up}");
    assert!(!status_shows(&harness, nearest));

    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    harness.run();
    assert_eq!(
        harness.state().state.document.plan().rounding,
        Rounding::Nearest
    );
    assert!(status_shows(&harness, nearest), "undo restores {nearest}");
}

#[test]
fn adding_a_calendar_and_editing_its_leave_changes_the_available_hours() {
    let mut harness = default_harness();
    open_tab(&mut harness, "Thiết lập");
    harness.get_by_label_contains("áp dụng lịch mặc định của Việt Nam (237 ngày, 1.896 giờ");

    harness.get_by_label("Thêm lịch làm việc").click();
    harness.run();
    let calendars = harness.state().state.document.plan().calendars.clone();
    assert_eq!(calendars.len(), 1);
    assert_eq!(calendars[0].id, "mac-dinh");
    assert!(
        harness
            .query_by_label_contains("áp dụng lịch mặc định")
            .is_none()
    );
    harness.get_by_label("237");
    harness.get_by_label("1.896");

    // 260 - 11 - 20 = 229 days, x 8 hours.
    type_into(&mut harness, "Nghỉ phép năm", "20");
    assert_eq!(
        harness.state().state.document.plan().calendars[0].annual_leave,
        20.0
    );
    harness.get_by_label("229");
    harness.get_by_label("1.832");
    assert!(harness.query_by_label("1.896").is_none());

    // Decimal point and decimal comma both work: 229 x 7,5, then 226,5 x 7,5.
    type_into(&mut harness, "Giờ/ngày", "7.5");
    harness.get_by_label("1.717,5");
    type_into(&mut harness, "Nghỉ ốm", "2,5");
    harness.get_by_label("226,5");
    harness.get_by_label("1.698,75");

    // A fixed figure replaces the computed hours; emptying it brings them back.
    type_into(&mut harness, "Giờ cố định", "1200");
    harness.get_by_label("1.200");
    type_into(&mut harness, "Giờ cố định", "");
    harness.get_by_label("1.698,75");

    harness.get_by_label("Xóa").click();
    harness.run();
    assert!(harness.state().state.document.plan().calendars.is_empty());
    harness.get_by_label_contains("áp dụng lịch mặc định của Việt Nam");
}

#[test]
fn invalid_input_is_refused_with_its_reason() {
    let mut harness = default_harness();
    open_tab(&mut harness, "Thiết lập");
    harness.get_by_label("Thêm lịch làm việc").click();
    harness.run();
    let before = harness.state().state.document.plan().clone();

    type_into(&mut harness, "Nghỉ phép năm", "-3");
    // Under the table and in the status line.
    let reason = "Nghỉ phép năm (mac-dinh): \"-3\" là số âm: giá trị phải từ 0 trở lên";
    assert_eq!(harness.query_all_by_label(reason).count(), 2);
    // The typed text stays in the cell; the plan keeps its value.
    assert_eq!(
        harness.get_by_label("Nghỉ phép năm").value().as_deref(),
        Some("-3")
    );
    assert_eq!(*harness.state().state.document.plan(), before);

    type_into(&mut harness, "Tuần/năm", "năm mươi");
    let reason = "Tuần/năm (mac-dinh): \"năm mươi\" không phải là số";
    assert_eq!(harness.query_all_by_label_contains(reason).count(), 2);

    // Zero days a week parses, but the document refuses it: it would divide by zero.
    type_into(&mut harness, "Ngày/tuần", "0");
    assert_eq!(
        harness
            .query_all_by_label("Ngày/tuần (mac-dinh): phải lớn hơn 0")
            .count(),
        2
    );
    assert_eq!(*harness.state().state.document.plan(), before);

    // Correcting a cell applies it and clears its reason.
    type_into(&mut harness, "Nghỉ phép năm", "14");
    assert!(harness.query_by_label_contains("là số âm").is_none());
    assert_eq!(
        harness.state().state.document.plan().calendars[0].annual_leave,
        14.0
    );

    type_into(&mut harness, "Năm", "2026,5");
    harness.get_by_label("\"2026,5\" không phải là số nguyên");
    assert_eq!(
        harness.state().state.document.plan().meta.year,
        before.meta.year
    );
}

#[test]
fn plan_name_and_year_are_edited_in_settings() {
    let mut harness = default_harness();
    open_tab(&mut harness, "Thiết lập");
    type_into(&mut harness, "Tên đề án", "Đề án thử nghiệm");
    type_into(&mut harness, "Năm", "2027");
    let meta = harness.state().state.document.plan().meta.clone();
    assert_eq!(meta.name, "Đề án thử nghiệm");
    assert_eq!(meta.year, Some(2027));
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
    harness.run();
    assert_ne!(harness.state().state.document.plan().meta.year, Some(2027));
    assert_eq!(
        harness.state().state.document.plan().meta.name,
        "Đề án thử nghiệm"
    );
}

#[test]
fn both_tabs_speak_english_too() {
    let mut harness = default_harness();
    harness.get_by_label("Xem").click();
    harness.run();
    harness.get_by_label("English").click();
    harness.run();
    open_tab(&mut harness, "Dashboard");
    harness.get_by_label("Overview: Whole plan");
    harness.get_by_label("Required and current by unit");
    harness.get_by_label("Positions under workload pressure (WISN ratio below 1)");
    // English notation: a decimal point.
    let land = row_of(&harness, "Chuyên viên địa chính - đất đai");
    assert!(
        harness
            .query_all_by_label("0.78")
            .any(|n| (n.rect().center().y - land).abs() < 2.0)
    );
    open_tab(&mut harness, "Settings");
    harness.get_by_label("Rounding policy");
    harness.get_by_label("always round up").click();
    harness.run();
    assert_eq!(harness.state().state.document.plan().rounding, Rounding::Up);
    harness.get_by_label("Add calendar").click();
    harness.run();
    type_into(&mut harness, "Hours/day", "7,5");
    harness.get_by_label("1,777.5");
}

#[test]
fn blocking_rules_are_listed_dropped_and_added_in_settings() {
    let mut plan = vtvl::plan_file::default_plan().unwrap();
    plan.meta.judged_at = Some("2026-09-01".parse().unwrap());
    plan.blocking_rules = vec!["bien-che.proposed".into()];
    let mut harness = crate::harness::harness_with(plan);
    open_tab(&mut harness, "Thiết lập");
    harness.get_by_label("Quy tắc chặn");
    harness.get_by_label("bien-che.proposed");
    harness.get_by_label("Bỏ").click();
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
    assert!(crate::harness::has_label_containing(
        &harness,
        "Chưa có quy tắc chặn."
    ));

    // The choice lists the rules in force on the plan's date, by id and title.
    let at = "2026-09-01".parse().unwrap();
    let first = vtvl::rules::catalogue()
        .unwrap()
        .in_force(at)
        .next()
        .unwrap()
        .rule;
    let option = format!("{}: {}", first.id, first.name());
    crate::harness::pick(&mut harness, "Thêm quy tắc chặn", &option);
    assert_eq!(
        harness.state().state.document.plan().blocking_rules,
        std::slice::from_ref(&first.id)
    );
    // Undoable like every edit.
    harness.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::Z);
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
}
