//! The workload as a table, and the drop-downs: a long list finds what is typed, Tab only
//! focuses a drop-down, and a field with nothing below applies its text on Enter.

use eframe::egui::Key;
use eframe::egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use vtvl::app::VtvlApp;
use vtvl::app::state::WorkloadView;
use vtvl::model::{ComponentKind, UnitType};

use crate::harness::{click, default_harness, select_unit};

/// The land officer's first component: its id and (volume, minutes per item).
fn first_component(harness: &Harness<'static, VtvlApp>) -> (String, f64, f64) {
    let plan = harness.state().state.document.plan();
    let component = &plan.position("pkt-dia-chinh").unwrap().components[0];
    match component.kind {
        ComponentKind::Service {
            volume,
            minutes_per_item,
            ..
        } => (component.id.clone(), volume, minutes_per_item),
        _ => panic!("not a service component"),
    }
}

/// Types `text` into the table cell named `name` and presses Enter.
fn type_into_cell(harness: &mut Harness<'static, VtvlApp>, name: &str, text: &str) {
    harness.get_by_label(name).focus();
    harness.run();
    harness.get_by_label(name).type_text(text);
    harness.run();
    harness.key_press(Key::Enter);
    harness.run();
}

fn no_open_list(harness: &Harness<'static, VtvlApp>) -> bool {
    harness.query_by_role(Role::ListBox).is_none()
}

#[test]
fn the_workload_table_edits_a_component_and_its_hours_follow() {
    let mut harness = default_harness();
    click(&mut harness, "Chuyên viên địa chính - đất đai");
    click(&mut harness, "Khối lượng công việc");
    click(&mut harness, "Dạng bảng");
    assert_eq!(
        harness.state().state.preferences.workload_view,
        WorkloadView::Table,
        "the view is remembered with the settings"
    );
    let (id, volume, minutes) = first_component(&harness);
    assert_eq!((volume, minutes), (380.0, 480.0));
    // 380 x 480 minutes = 3.040 hours a year, read from the engine's results.
    harness.get_by_label("3.040");

    // Typing replaces the cell's 480; Enter applies it.
    type_into_cell(&mut harness, &format!("Phút/lần {id}"), "240");
    harness.state_mut().state.document.wait_for_results();
    harness.run();
    assert_eq!(first_component(&harness), (id.clone(), 380.0, 240.0));
    harness.get_by_label("1.520");
    assert!(harness.query_by_label("3.040").is_none());

    type_into_cell(&mut harness, &format!("Khối lượng/năm {id}"), "760");
    harness.state_mut().state.document.wait_for_results();
    harness.run();
    assert_eq!(first_component(&harness), (id.clone(), 760.0, 240.0));
    harness.get_by_label("3.040");

    // A refused figure stays in its cell and the plan keeps its value.
    type_into_cell(&mut harness, &format!("Hệ số {id}"), "-1");
    assert_eq!(first_component(&harness), (id, 760.0, 240.0));
    assert!(crate::harness::has_label_containing(&harness, "là số âm"));
}

#[test]
fn a_component_added_in_the_table_is_scrolled_into_view() {
    let mut harness = default_harness();
    click(&mut harness, "Chuyên viên địa chính - đất đai");
    click(&mut harness, "Khối lượng công việc");
    click(&mut harness, "Dạng bảng");
    let before = harness
        .state()
        .state
        .document
        .plan()
        .position("pkt-dia-chinh")
        .unwrap()
        .components
        .len();
    for _ in 0..30 {
        click(&mut harness, "Thêm công việc chính");
    }
    let plan = harness.state().state.document.plan();
    let components = &plan.position("pkt-dia-chinh").unwrap().components;
    assert_eq!(components.len(), before + 30);
    let last = components.last().unwrap().id.clone();
    // The last row is laid out inside the window, not only somewhere below it.
    let cell = harness
        .get_by_label(&format!("Tên công việc {last}"))
        .rect();
    assert!(cell.max.y <= 900.0, "the new row at {cell:?}");
}

#[test]
fn typing_in_a_long_list_finds_the_unit_type() {
    let mut harness = default_harness();
    select_unit(&mut harness, "Phòng Kinh tế");
    harness
        .get_by_role_and_label(Role::ComboBox, "Loại")
        .click();
    harness.run();
    // The list opens with the find field holding the keyboard.
    let list = harness.get_by_role(Role::ListBox);
    let find = list.get_by_role(Role::TextInput);
    assert!(find.is_focused(), "the find field has the keyboard");
    find.type_text("tram y");
    harness.run();
    {
        let list = harness.get_by_role(Role::ListBox);
        list.get_by_label("Trạm y tế xã");
        assert!(list.query_by_label("Trường tiểu học").is_none(), "filtered");
        assert!(list.query_by_label("UBND xã").is_none(), "filtered");
    }
    harness.key_press(Key::Enter);
    harness.run();
    let plan = harness.state().state.document.plan();
    let unit = plan
        .units
        .iter()
        .find(|u| u.name == "Phòng Kinh tế")
        .unwrap();
    assert_eq!(unit.unit_type, UnitType::CommuneHealthStation);
    assert!(no_open_list(&harness), "Enter closed the list");
}

#[test]
fn tab_from_a_field_focuses_the_next_drop_down_without_opening_it() {
    let mut harness = default_harness();
    select_unit(&mut harness, "Phòng Kinh tế");
    harness.get_by_label("Tên đơn vị").focus();
    harness.run();
    harness.key_press(Key::Tab);
    harness.run();
    let combo = harness.get_by_role_and_label(Role::ComboBox, "Loại");
    assert!(combo.is_focused(), "Tab moved on to the unit type");
    assert!(no_open_list(&harness), "and did not open it");
    // Enter from a field before a drop-down moves on without opening it either.
    harness.get_by_label("Tên đơn vị").focus();
    harness.run();
    harness.key_press(Key::Enter);
    harness.run_steps(4);
    assert!(no_open_list(&harness));
    // Space opens the focused drop-down.
    harness
        .get_by_role_and_label(Role::ComboBox, "Loại")
        .focus();
    harness.run();
    harness.key_press(Key::Space);
    harness.run();
    assert!(!no_open_list(&harness), "Space opens it");
}

/// The app at 1024 x 700 on the bundled plan.
fn small_window() -> Harness<'static, VtvlApp> {
    let plan = vtvl::plan_file::default_plan().unwrap();
    let app = VtvlApp::new(
        vtvl::app::document::Document::new(plan, None),
        vtvl::app::state::Preferences::default(),
    );
    let mut harness = Harness::builder()
        .with_size(eframe::egui::vec2(1024.0, 700.0))
        .with_context_setup(vtvl::app::fonts::install)
        .build_ui_state(|ui, app: &mut VtvlApp| app.ui(ui), app);
    harness.run();
    harness
}

/// Turns the mouse wheel down over the positions table.
fn scroll_positions_down(harness: &mut Harness<'static, VtvlApp>) {
    let table = harness.get_by_label("Chủ tịch Ủy ban nhân dân xã").rect();
    harness.hover_at(table.center());
    for _ in 0..6 {
        harness.event(eframe::egui::Event::MouseWheel {
            unit: eframe::egui::MouseWheelUnit::Point,
            delta: eframe::egui::vec2(0.0, -400.0),
            modifiers: eframe::egui::Modifiers::NONE,
            phase: eframe::egui::TouchPhase::Move,
            source: eframe::egui::MouseWheelSource::Unknown,
        });
        harness.run_steps(4);
    }
    harness.run_steps(60);
}

/// Whether the row named `name` is laid out inside the window.
fn row_in_view(harness: &Harness<'static, VtvlApp>, name: &str) -> bool {
    harness
        .query_by_label(name)
        .is_some_and(|node| node.rect().min.y >= 0.0 && node.rect().max.y <= 700.0)
}

#[test]
fn choosing_a_unit_shows_the_first_rows_of_its_table() {
    let mut harness = small_window();
    let first = "Chủ tịch Ủy ban nhân dân xã";
    assert!(row_in_view(&harness, first));
    scroll_positions_down(&mut harness);
    assert!(!row_in_view(&harness, first), "scrolled past the first row");
    // The commune's root holds every position: the same rows, from the top again.
    select_unit(&mut harness, "Ủy ban nhân dân xã Tân Hòa");
    harness.run_steps(4);
    assert!(row_in_view(&harness, first), "back at the first row");
}

#[test]
fn selecting_a_row_leaves_it_under_the_pointer() {
    let mut harness = small_window();
    for name in ["Văn thư - lưu trữ", "Chuyên viên địa chính - đất đai"] {
        let before = harness.get_by_label(name).rect();
        click(&mut harness, name);
        harness.run_steps(4);
        let after = harness.get_by_label(name).rect();
        assert!(
            (after.center().y - before.center().y).abs() < 1.0,
            "{name} moved from {before:?} to {after:?}"
        );
        assert_eq!(
            harness.state().state.selected_position.as_deref(),
            Some(
                harness
                    .state()
                    .state
                    .document
                    .plan()
                    .positions
                    .iter()
                    .find(|p| p.name == name)
                    .unwrap()
                    .id
                    .as_str()
            )
        );
    }
}

#[test]
fn a_new_position_is_scrolled_into_view() {
    let mut harness = small_window();
    select_unit(&mut harness, "Ủy ban nhân dân xã Tân Hòa");
    click(&mut harness, "Thêm vị trí");
    harness.run_steps(4);
    let plan = harness.state().state.document.plan();
    let added = plan.positions.last().unwrap();
    assert_eq!(added.name, "Vị trí mới");
    assert!(
        row_in_view(&harness, "Vị trí mới"),
        "the new row is in view"
    );
}

#[test]
fn a_column_hidden_from_the_columns_menu_leaves_the_table_and_is_remembered() {
    let mut harness = default_harness();
    assert!(
        harness.query_all_by_label("01.003").count() > 5,
        "rank codes"
    );
    click(&mut harness, "Cột…");
    harness
        .get_by_role_and_label(Role::CheckBox, "Ngạch")
        .click();
    harness.run();
    harness.key_press(Key::Escape);
    harness.run();
    assert_eq!(
        harness.state().state.preferences.hidden_position_columns,
        [vtvl::app::state::PositionColumn::Rank],
        "kept with the settings"
    );
    assert!(harness.query_by_label("Ngạch").is_none(), "no Ngạch header");
    assert_eq!(harness.query_all_by_label("01.003").count(), 0);
    // The figures stay.
    harness.get_by_label("3,84");

    click(&mut harness, "Cột…");
    harness
        .get_by_role_and_label(Role::CheckBox, "Ngạch")
        .click();
    harness.run();
    harness.key_press(Key::Escape);
    harness.run();
    assert!(
        harness
            .state()
            .state
            .preferences
            .hidden_position_columns
            .is_empty()
    );
    assert!(harness.query_all_by_label("01.003").count() > 5);
}
