//! Editing in the app: positions, workload components, staff and units, each change applied at
//! once, refused with its reason when invalid, and undoable.

use eframe::egui::accesskit::Role;
use eframe::egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use vtvl::app::VtvlApp;
use vtvl::model::ComponentKind;

use crate::harness::default_harness;
use crate::harness::{click, has_label_containing, pick, select_unit, set_field, unit_in_tree};

fn volume_of(harness: &Harness<'static, VtvlApp>, position: &str, component: usize) -> f64 {
    let plan = harness.state().state.document.plan();
    match plan.position(position).unwrap().components[component].kind {
        ComponentKind::Service { volume, .. } => volume,
        _ => panic!("not a service component"),
    }
}

fn required(harness: &Harness<'static, VtvlApp>, position: &str) -> i64 {
    let results = harness.state().state.document.results().unwrap();
    results.position(position).unwrap().required
}

/// The land officer's position, on the Workload tab with the Explain panel open.
fn land_officer_workload() -> Harness<'static, VtvlApp> {
    let mut harness = default_harness();
    harness.state_mut().state.show_explain = true;
    // Lay out with the panel open first: the narrower centre may wrap the tab row.
    harness.run();
    click(&mut harness, "Chuyên viên địa chính - đất đai");
    click(&mut harness, "Khối lượng công việc");
    harness
}

#[test]
fn the_workload_tab_asks_for_a_position_first() {
    let mut harness = default_harness();
    click(&mut harness, "Khối lượng công việc");
    assert!(has_label_containing(&harness, "Chưa chọn vị trí việc làm"));
}

#[test]
fn changing_a_volume_updates_the_required_count_and_the_explanation() {
    let mut harness = land_officer_workload();
    let before = required(&harness, "pkt-dia-chinh");
    harness.get_by_label("FTE công việc chính = 6.556,67 giờ / 1.896 giờ = 3,4582");
    // Each component shows what it adds, from the engine: 380 × 480 min = 3.040 h.
    assert!(has_label_containing(
        &harness,
        "= 3.040 giờ/năm · 1,6034 FTE"
    ));
    let volume = harness.get_all_by_label("Khối lượng/năm").next().unwrap();
    assert_eq!(volume.value().as_deref(), Some("380"));

    set_field(&mut harness, "Khối lượng/năm", 0, "3800");

    assert_eq!(volume_of(&harness, "pkt-dia-chinh", 0), 3800.0);
    let after = required(&harness, "pkt-dia-chinh");
    assert!(after > before + 10, "required {before} -> {after}");
    assert!(has_label_containing(
        &harness,
        &format!("Cần {after} người")
    ));
    assert!(has_label_containing(&harness, "= 30.400 giờ/năm"));
    assert!(
        harness
            .query_by_label("FTE công việc chính = 6.556,67 giờ / 1.896 giờ = 3,4582")
            .is_none()
    );
    harness.get_by_label("FTE công việc chính = 33.916,67 giờ / 1.896 giờ = 17,8885");
}

#[test]
fn typing_a_vietnamese_decimal_and_pressing_enter_applies_it() {
    let mut harness = land_officer_workload();
    let field = harness.get_all_by_label("Phút/lần").next().unwrap();
    field.focus();
    harness.run();
    harness.key_press_modifiers(Modifiers::COMMAND, Key::A);
    harness
        .get_all_by_label("Phút/lần")
        .next()
        .unwrap()
        .type_text("480,5");
    harness.run();
    // Not applied while typing.
    let minutes = |h: &Harness<'static, VtvlApp>| match h
        .state()
        .state
        .document
        .plan()
        .position("pkt-dia-chinh")
        .unwrap()
        .components[0]
        .kind
    {
        ComponentKind::Service {
            minutes_per_item, ..
        } => minutes_per_item,
        _ => unreachable!(),
    };
    assert_eq!(minutes(&harness), 480.0);
    harness.key_press(Key::Enter);
    harness.run();
    assert_eq!(minutes(&harness), 480.5);
}

/// Each case of the shared table typed into a volume field: read as the CSV and workbook
/// readers read it, or refused with its reason and the plan unchanged.
#[test]
fn typed_numbers_read_as_the_shared_table_says() {
    use crate::number_cases::{CASES, Reads};
    let mut harness = land_officer_workload();
    for (text, expected) in CASES {
        let before = harness.state().state.document.plan().clone();
        set_field(&mut harness, "Khối lượng/năm", 0, text);
        match expected {
            Reads::Value(value) => {
                assert_eq!(volume_of(&harness, "pkt-dia-chinh", 0), *value, "{text:?}");
            }
            Reads::Ambiguous => {
                assert_eq!(harness.state().state.document.plan(), &before, "{text:?}");
                assert!(
                    has_label_containing(&harness, "có hai cách hiểu"),
                    "{text:?}"
                );
            }
            Reads::Refused => {
                assert_eq!(harness.state().state.document.plan(), &before, "{text:?}");
                assert!(
                    has_label_containing(&harness, "không phải là số"),
                    "{text:?}"
                );
            }
        }
    }
    // "2.400", as vtvl prints it, is two thousand four hundred, never 2,4.
    set_field(&mut harness, "Khối lượng/năm", 0, "2.400");
    assert_eq!(volume_of(&harness, "pkt-dia-chinh", 0), 2400.0);
}

#[test]
fn adding_a_position_and_a_component() {
    let mut harness = default_harness();
    select_unit(&mut harness, "Phòng Kinh tế");
    click(&mut harness, "Thêm vị trí");
    let id = harness.state().state.selected_position.clone().unwrap();
    set_field(&mut harness, "Tên vị trí", 0, "Chuyên viên thống kê");
    harness.get_by_label("Chuyên viên thống kê");
    click(&mut harness, "Khối lượng công việc");
    assert!(has_label_containing(&harness, "chưa có công việc nào"));

    click(&mut harness, "Thêm công việc chính");
    set_field(
        &mut harness,
        "Tên công việc",
        0,
        "Tổng hợp số liệu thống kê",
    );
    set_field(&mut harness, "Khối lượng/năm", 0, "1200");
    // 1.200 × 94,8 minutes = 1.896 hours: one full year of one person.
    set_field(&mut harness, "Phút/lần", 0, "94,8");

    let plan = harness.state().state.document.plan();
    let position = plan.position(&id).unwrap();
    assert_eq!(position.unit_id, "pkt");
    assert_eq!(position.name, "Chuyên viên thống kê");
    assert_eq!(position.components.len(), 1);
    assert_eq!(position.components[0].name, "Tổng hợp số liệu thống kê");
    assert_eq!(required(&harness, &id), 1);
    assert!(has_label_containing(&harness, "= 1.896 giờ/năm · 1 FTE"));

    click(&mut harness, "Thêm công việc hỗ trợ");
    set_field(&mut harness, "Phần trăm thời gian", 0, "10");
    assert!(has_label_containing(&harness, "= 10% thời gian làm việc"));
    harness
        .get_all_by_label("Nhân bản công việc")
        .last()
        .unwrap()
        .click();
    harness.run();
    let components = &harness
        .state()
        .state
        .document
        .plan()
        .position(&id)
        .unwrap()
        .components;
    assert_eq!(components.len(), 3);
    assert_eq!(components[1].kind, components[2].kind);
    harness
        .get_all_by_label("Xóa công việc")
        .last()
        .unwrap()
        .click();
    harness.run();
    harness
        .get_all_by_label("Xóa công việc")
        .last()
        .unwrap()
        .click();
    harness.run();
    let position = harness.state().state.document.plan().position(&id).unwrap();
    assert_eq!(position.components.len(), 1);
}

#[test]
fn undo_and_redo_by_keyboard_and_by_the_edit_menu() {
    let mut harness = land_officer_workload();
    set_field(&mut harness, "Khối lượng/năm", 0, "3800");
    assert_eq!(volume_of(&harness, "pkt-dia-chinh", 0), 3800.0);

    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(volume_of(&harness, "pkt-dia-chinh", 0), 380.0);
    let field = harness.get_all_by_label("Khối lượng/năm").next().unwrap();
    assert_eq!(field.value().as_deref(), Some("380"));

    harness.key_press_modifiers(Modifiers::COMMAND, Key::Y);
    harness.run();
    assert_eq!(volume_of(&harness, "pkt-dia-chinh", 0), 3800.0);

    click(&mut harness, "Sửa");
    click(&mut harness, "Hoàn tác (Ctrl+Z)");
    assert_eq!(volume_of(&harness, "pkt-dia-chinh", 0), 380.0);
    click(&mut harness, "Sửa");
    click(&mut harness, "Làm lại (Ctrl+Y)");
    assert_eq!(volume_of(&harness, "pkt-dia-chinh", 0), 3800.0);
}

#[test]
fn invalid_input_is_refused_with_its_reason_and_the_plan_unchanged() {
    let mut harness = default_harness();
    click(&mut harness, "Chủ tịch Ủy ban nhân dân xã");
    let before = harness.state().state.document.plan().clone();

    set_field(&mut harness, "Số cố định", 0, "abc");
    assert!(has_label_containing(&harness, "\"abc\" không phải là số"));
    assert!(has_label_containing(
        &harness,
        "Số cố định: \"abc\" không phải là số"
    ));
    assert_eq!(harness.state().state.document.plan(), &before);
    assert!(!harness.state().state.document.can_undo());

    set_field(&mut harness, "Số cố định", 0, "-1");
    harness.get_by_label("\"-1\" là số âm: giá trị phải từ 0 trở lên");
    assert_eq!(harness.state().state.document.plan(), &before);

    // A valid value clears the mark and applies.
    set_field(&mut harness, "Số cố định", 0, "2");
    assert!(
        harness
            .query_by_label("\"-1\" là số âm: giá trị phải từ 0 trở lên")
            .is_none()
    );
    let count = |h: &Harness<'static, VtvlApp>| {
        h.state()
            .state
            .document
            .plan()
            .position("ubnd-chu-tich")
            .unwrap()
            .count
    };
    assert_eq!(count(&harness), 2);

    // min above max is refused by the plan's validation, with its reason.
    set_field(&mut harness, "Tối đa", 0, "1");
    set_field(&mut harness, "Tối thiểu", 0, "3");
    harness.get_by_label("tối thiểu 3 lớn hơn tối đa 1");
    let position = harness
        .state()
        .state
        .document
        .plan()
        .position("ubnd-chu-tich")
        .unwrap();
    assert_eq!((position.min, position.max), (None, Some(1)));

    // In the workload tab too.
    click(&mut harness, "Chuyên viên địa chính - đất đai");
    click(&mut harness, "Khối lượng công việc");
    let before = harness.state().state.document.plan().clone();
    set_field(&mut harness, "Khối lượng/năm", 0, "-5");
    harness.get_by_label("\"-5\" là số âm: giá trị phải từ 0 trở lên");
    set_field(&mut harness, "Tên công việc", 0, " ");
    harness.get_by_label("tên đang để trống");
    assert_eq!(harness.state().state.document.plan(), &before);
}

#[test]
fn deleting_a_unit_with_children_asks_first() {
    let mut harness = default_harness();
    let centre = "Trung tâm Phục vụ hành chính công";
    select_unit(&mut harness, centre);
    click(&mut harness, "Xóa đơn vị");
    harness.get_by_label("Xóa đơn vị?");
    assert!(has_label_containing(&harness, "cùng 2 đơn vị con"));

    click(&mut harness, "Hủy");
    assert!(harness.query_by_label("Xóa đơn vị?").is_none());
    assert!(
        harness
            .state()
            .state
            .document
            .plan()
            .unit("ttpvhcc")
            .is_some()
    );

    click(&mut harness, "Xóa đơn vị");
    click(&mut harness, "Xóa");
    let plan = harness.state().state.document.plan();
    for id in ["ttpvhcc", "diem-hoa-an", "diem-tan-phu"] {
        assert!(plan.unit(id).is_none(), "{id} deleted");
    }
    assert!(plan.positions.iter().all(|p| p.unit_id != "ttpvhcc"));
    assert!(harness.query_by_label(centre).is_none());

    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert!(
        harness
            .state()
            .state
            .document
            .plan()
            .unit("diem-tan-phu")
            .is_some()
    );
    unit_in_tree(&harness, centre);
}

#[test]
fn an_empty_unit_is_deleted_at_once() {
    let mut harness = default_harness();
    select_unit(&mut harness, "Phòng Kinh tế");
    click(&mut harness, "Thêm đơn vị con");
    let id = harness.state().state.selected_unit.clone().unwrap();
    let unit = harness
        .state()
        .state
        .document
        .plan()
        .unit(&id)
        .unwrap()
        .clone();
    assert_eq!(unit.parent_id.as_deref(), Some("pkt"));
    harness.get_by_label("Đơn vị mới");
    click(&mut harness, "Xóa đơn vị");
    assert!(harness.query_by_label("Xóa đơn vị?").is_none());
    assert!(harness.state().state.document.plan().unit(&id).is_none());
}

#[test]
fn renaming_and_moving_a_unit() {
    let mut harness = default_harness();
    select_unit(&mut harness, "Phòng Văn hóa - Xã hội");
    set_field(
        &mut harness,
        "Tên đơn vị",
        0,
        "Phòng Văn hóa, Khoa học và Thông tin",
    );
    unit_in_tree(&harness, "Phòng Văn hóa, Khoa học và Thông tin");
    assert!(harness.query_by_label("Phòng Văn hóa - Xã hội").is_none());
    set_field(&mut harness, "Biên chế giao", 0, "8");
    let unit = harness
        .state()
        .state
        .document
        .plan()
        .unit("pvhxh")
        .unwrap()
        .clone();
    assert_eq!(
        (unit.name.as_str(), unit.quota),
        ("Phòng Văn hóa, Khoa học và Thông tin", Some(8))
    );

    click(
        &mut harness,
        "Điểm tiếp nhận hồ sơ Tân Phú (trụ sở xã Tân Phú cũ)",
    );
    pick(&mut harness, "Thuộc", "Phòng Kinh tế");
    let parent = |h: &Harness<'static, VtvlApp>| {
        h.state()
            .state
            .document
            .plan()
            .unit("diem-tan-phu")
            .unwrap()
            .parent_id
            .clone()
    };
    assert_eq!(parent(&harness).as_deref(), Some("pkt"));

    // A unit cannot move under its own sub-units: they are not offered.
    select_unit(&mut harness, "Trung tâm Phục vụ hành chính công");
    harness
        .get_by_role_and_label(Role::ComboBox, "Thuộc")
        .click();
    harness.run();
    let list = harness.get_by_role(Role::ListBox);
    assert!(
        list.query_by_label("Điểm tiếp nhận hồ sơ Hòa An (trụ sở xã Hòa An cũ)")
            .is_none()
    );
    assert!(
        list.query_by_label("Trung tâm Phục vụ hành chính công")
            .is_none()
    );
    list.get_by_label("Phòng Kinh tế");
}

#[test]
fn adding_and_editing_a_staff_row() {
    let mut harness = default_harness();
    select_unit(&mut harness, "Phòng Kinh tế");
    click(&mut harness, "Nhân sự");
    let shown = |h: &Harness<'static, VtvlApp>| {
        let plan = h.state().state.document.plan();
        let units = vtvl::editing::subtree(plan, "pkt");
        plan.staff
            .iter()
            .filter(|s| units.contains(&s.unit_id))
            .count()
    };
    let before = shown(&harness);
    harness.get_by_label(&format!("{before} người"));

    click(&mut harness, "Thêm nhân sự");
    harness.get_by_label(&format!("{} người", before + 1));
    let id = harness
        .state()
        .state
        .document
        .plan()
        .staff
        .last()
        .unwrap()
        .id
        .clone();
    set_field(&mut harness, &format!("Họ và tên {id}"), 0, "Trần Thị Mai");
    set_field(&mut harness, &format!("Mã ngạch {id}"), 0, "01.003");
    set_field(&mut harness, &format!("FTE {id}"), 0, "0,5");
    pick(
        &mut harness,
        &format!("Vị trí việc làm {id}"),
        "Chuyên viên địa chính - đất đai",
    );
    let member = harness
        .state()
        .state
        .document
        .plan()
        .staff
        .last()
        .unwrap()
        .clone();
    assert_eq!(member.unit_id, "pkt");
    assert_eq!(
        member.personal.get("full_name").map(String::as_str),
        Some("Trần Thị Mai")
    );
    assert_eq!(member.rank_code, "01.003");
    assert_eq!(member.fte, 0.5);
    assert_eq!(member.position_id.as_deref(), Some("pkt-dia-chinh"));

    set_field(&mut harness, &format!("FTE {id}"), 0, "nửa");
    assert!(has_label_containing(&harness, "\"nửa\" không phải là số"));
    assert_eq!(
        harness
            .state()
            .state
            .document
            .plan()
            .staff
            .last()
            .unwrap()
            .fte,
        0.5
    );

    // Dates are read with surrounding spaces trimmed; a wrong one is refused in place.
    set_field(&mut harness, &format!("Ngày sinh {id}"), 0, " 15/03/1980 ");
    set_field(
        &mut harness,
        &format!("Ngày nghỉ hưu {id}"),
        0,
        "2040-03-31",
    );
    let dates = |h: &Harness<'static, VtvlApp>| {
        let plan = h.state().state.document.plan();
        let member = plan.staff.last().unwrap();
        (
            member.birth_date.map(|d| d.to_string()),
            member.retires_on.map(|d| d.to_string()),
        )
    };
    assert_eq!(
        dates(&harness),
        (Some("15/03/1980".to_owned()), Some("31/03/2040".to_owned()))
    );
    set_field(&mut harness, &format!("Ngày sinh {id}"), 0, "");
    assert_eq!(dates(&harness).0, None, "an empty birth date clears it");

    set_field(&mut harness, "Lọc:", 0, "trần thị mai");
    harness.get_by_label("1 người");
}

#[test]
fn the_roster_of_a_province_is_shown_and_filtered() {
    let plan = vtvl::generate::generate(vtvl::generate::Spec::province(7));
    let total = plan.staff.len();
    assert!(total > 25_000);
    let mut harness = crate::harness::harness_with(plan);
    harness.state_mut().state.document.wait_for_results();
    harness.run();
    click(&mut harness, "Nhân sự");
    // Frame times are measured by `vtvl bench --scale ui`, not here.
    harness.run_steps(5);
    harness.get_by_label("25.583 người");
    let name = harness.state().state.document.plan().staff[12_345]
        .personal
        .get("full_name")
        .cloned()
        .unwrap();
    set_field(&mut harness, "Lọc:", 0, &name);
    let state = &harness.state().state;
    let key = (
        state.view_key(),
        state.selected_unit.clone(),
        state.staff_filter.clone(),
    );
    let shown = state.memos.staff_rows.get(&key).unwrap().len();
    assert!((1..total).contains(&shown), "{shown} rows match {name}");
}
