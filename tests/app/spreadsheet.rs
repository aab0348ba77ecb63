//! The tables and fields behave as in a spreadsheet: typing into a cell replaces it, Enter moves
//! on, Ctrl+Z undoes the typing before the edits, the unsaved marker follows undo, and a row
//! never shows another position's figures while results are being recomputed.

use eframe::egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use vtvl::app::VtvlApp;
use vtvl::app::document::Document;
use vtvl::editing::{Created, Edit};
use vtvl::model::{ComponentKind, Plan};

use crate::harness::{click, default_harness, harness_with, select_unit, set_field};

/// The land officer's position on the Workload tab.
fn land_officer_workload() -> Harness<'static, VtvlApp> {
    let mut harness = default_harness();
    click(&mut harness, "Chuyên viên địa chính - đất đai");
    click(&mut harness, "Khối lượng công việc");
    harness
}

fn first_component(harness: &Harness<'static, VtvlApp>) -> (f64, f64) {
    let plan = harness.state().state.document.plan();
    match plan.position("pkt-dia-chinh").unwrap().components[0].kind {
        ComponentKind::Service {
            volume,
            minutes_per_item,
            ..
        } => (volume, minutes_per_item),
        _ => panic!("not a service component"),
    }
}

fn focus_field(harness: &mut Harness<'static, VtvlApp>, label: &str) {
    harness.get_all_by_label(label).next().unwrap().focus();
    harness.run();
}

fn field_value(harness: &Harness<'static, VtvlApp>, label: &str) -> String {
    harness
        .get_all_by_label(label)
        .next()
        .unwrap()
        .value()
        .unwrap_or_default()
}

#[test]
fn typing_into_a_filled_cell_replaces_it_and_enter_moves_on() {
    let mut harness = land_officer_workload();
    assert_eq!(first_component(&harness).1, 480.0);
    focus_field(&mut harness, "Phút/lần");
    let focused = harness.ctx.memory(|m| m.focused());
    assert!(focused.is_some());
    harness
        .get_all_by_label("Phút/lần")
        .next()
        .unwrap()
        .type_text("2");
    harness.run();
    assert_eq!(field_value(&harness, "Phút/lần"), "2", "not 4802");
    harness.key_press(Key::Enter);
    harness.run();
    assert_eq!(first_component(&harness).1, 2.0);
    // Enter took the focus on to another field, as Tab does.
    let after_enter = harness.ctx.memory(|m| m.focused());
    assert!(after_enter.is_some() && after_enter != focused);
    harness.key_press(Key::Tab);
    harness.run();
    let after_tab = harness.ctx.memory(|m| m.focused());
    assert!(after_tab.is_some() && after_tab != after_enter);
}

#[test]
fn ctrl_z_in_a_field_undoes_the_typing_first_then_the_last_edit() {
    let mut harness = land_officer_workload();
    set_field(&mut harness, "Khối lượng/năm", 0, "3800");
    assert_eq!(first_component(&harness), (3800.0, 480.0));

    focus_field(&mut harness, "Phút/lần");
    harness
        .get_all_by_label("Phút/lần")
        .next()
        .unwrap()
        .type_text("9");
    harness.run();
    assert_eq!(field_value(&harness, "Phút/lần"), "9");

    // The first Ctrl+Z belongs to the field: the typing goes, the committed volume stays.
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(field_value(&harness, "Phút/lần"), "480");
    assert_eq!(first_component(&harness), (3800.0, 480.0));

    // With nothing typed left, Ctrl+Z undoes the last edit.
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    assert_eq!(first_component(&harness), (380.0, 480.0));
}

#[test]
fn the_unsaved_marker_follows_undo_back_to_the_saved_state() {
    let folder = tempfile::tempdir().unwrap();
    let path = folder.path().join("de-an.ron");
    vtvl::plan_file::save(&vtvl::plan_file::default_plan().unwrap(), &path).unwrap();
    let app = VtvlApp::new(
        Document::open(&path).unwrap(),
        vtvl::app::state::Preferences::default(),
    );
    let mut harness = Harness::builder()
        .with_size(eframe::egui::vec2(1400.0, 900.0))
        .with_context_setup(vtvl::app::fonts::install)
        .build_ui_state(|ui, app: &mut VtvlApp| app.ui(ui), app);
    harness.run();
    harness.get_by_label("de-an.ron");
    click(&mut harness, "Chuyên viên địa chính - đất đai");
    click(&mut harness, "Khối lượng công việc");
    set_field(&mut harness, "Khối lượng/năm", 0, "3800");
    harness.get_by_label("de-an.ron • chưa lưu");
    assert!(harness.state().state.document.is_dirty());

    harness.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    harness.run();
    harness.get_by_label("de-an.ron");
    assert!(!harness.state().state.document.is_dirty());
    // Redo leaves the saved state again.
    harness.key_press_modifiers(Modifiers::COMMAND, Key::Y);
    harness.run();
    harness.get_by_label("de-an.ron • chưa lưu");
}

#[test]
fn a_plan_never_saved_is_named_new_plan_once() {
    let harness = default_harness();
    harness.get_by_label("Đề án mới");
    assert!(
        harness
            .query_all_by_label_contains("(chưa lưu)")
            .next()
            .is_none()
    );
}

/// A leaf unit of `plan` and three or more of its positions whose required FTE read with
/// decimals and all differently (so that no other row or column shows the same text).
fn unit_with_distinct_figures(
    plan: &Plan,
    harness: &Harness<'static, VtvlApp>,
) -> (String, Vec<String>) {
    let results = harness.state().state.document.results().unwrap();
    let state = &harness.state().state;
    let figure = |id: &str| state.number(results.position(id).unwrap().required_fte, 2);
    plan.units
        .iter()
        .filter(|u| {
            !plan
                .units
                .iter()
                .any(|c| c.parent_id.as_ref() == Some(&u.id))
        })
        .find_map(|u| {
            let figures: Vec<String> = plan
                .positions
                .iter()
                .filter(|p| p.unit_id == u.id)
                .map(|p| figure(&p.id))
                .collect();
            let picked: Vec<String> = plan
                .positions
                .iter()
                .filter(|p| p.unit_id == u.id)
                .filter(|p| {
                    let own = figure(&p.id);
                    own.contains(',') && figures.iter().filter(|f| **f == own).count() == 1
                })
                .map(|p| p.id.clone())
                .collect();
            (picked.len() >= 3).then(|| (u.id.clone(), picked))
        })
        .expect("a unit with distinct figures")
}

#[test]
fn a_duplicate_then_a_delete_on_a_large_plan_never_shows_another_positions_figures() {
    let plan = vtvl::generate::generate(vtvl::generate::Spec::province(3));
    assert!(plan.component_count() > 5_000, "computed on the worker");
    let mut harness = harness_with(plan.clone());
    harness.state_mut().state.document.wait_for_results();
    let (unit, positions) = unit_with_distinct_figures(&plan, &harness);
    let figure = |harness: &Harness<'static, VtvlApp>, id: &str| {
        let state = &harness.state().state;
        let results = state.document.results().unwrap();
        state.number(results.position(id).unwrap().required_fte, 2)
    };
    let shown =
        |harness: &Harness<'static, VtvlApp>, text: &str| harness.query_all_by_label(text).count();
    let figures: Vec<String> = positions.iter().map(|id| figure(&harness, id)).collect();
    harness.state_mut().state.selected_unit = Some(unit.clone());
    harness.run_steps(3);
    for text in &figures {
        assert_eq!(shown(&harness, text), 1, "{text} shown once");
    }

    // Duplicate the first position: until the worker finishes, the copy has no figures and
    // every other row keeps its own.
    let Ok(Created::Position(copy)) = harness.state_mut().state.apply(Edit::DuplicatePosition {
        id: positions[0].clone(),
    }) else {
        panic!("copied")
    };
    harness.step();
    assert!(
        harness.state().state.document.is_updating(),
        "still computing"
    );
    for text in &figures {
        assert_eq!(shown(&harness, text), 1, "{text} shown once after the copy");
    }
    assert!(
        shown(&harness, "…") >= 6,
        "the copy's row waits for its figures"
    );

    // Delete the second: its figure goes, the rest stay on their own rows.
    harness
        .state_mut()
        .state
        .apply(Edit::DeletePosition {
            id: positions[1].clone(),
        })
        .unwrap();
    harness.step();
    assert!(
        harness.state().state.document.is_updating(),
        "still computing"
    );
    assert_eq!(
        shown(&harness, &figures[1]),
        0,
        "the deleted position's figure"
    );
    for text in figures.iter().skip(2) {
        assert_eq!(shown(&harness, text), 1, "{text} on its own row");
    }
    // The copy shows the original's figure once the results that include it have arrived
    // (the worker may have finished the copy and be computing the delete), never before.
    let copy_computed = harness
        .state()
        .state
        .document
        .results()
        .is_some_and(|r| r.position(&copy).is_some());
    assert_eq!(
        shown(&harness, &figures[0]),
        1 + usize::from(copy_computed),
        "the original's figure, and the copy's own"
    );
    harness.state_mut().state.document.wait_for_results();
}

/// The app on the bundled plan in a 1024 x 700 window, with egui's memory as a previous run
/// left it (what eframe keeps between runs), if any.
fn narrow_harness(memory: Option<String>) -> Harness<'static, VtvlApp> {
    let plan = vtvl::plan_file::default_plan().unwrap();
    let app = VtvlApp::new(
        Document::new(plan, None),
        vtvl::app::state::Preferences::default(),
    );
    let mut harness = Harness::builder()
        .with_size(eframe::egui::vec2(1024.0, 700.0))
        .with_context_setup(move |ctx| {
            // The memory first: the fonts installed are held in it until the first frame.
            if let Some(memory) = &memory {
                let memory: eframe::egui::Memory = ron::from_str(memory).unwrap();
                ctx.memory_mut(|m| *m = memory);
            }
            vtvl::app::fonts::install(ctx);
        })
        .build_ui_state(|ui, app: &mut VtvlApp| app.ui(ui), app);
    harness.run();
    harness
}

/// Where the positions table's last column (Mã) is.
fn last_column(harness: &Harness<'static, VtvlApp>) -> eframe::egui::Rect {
    harness
        .get_all_by_label("Mã")
        .map(|node| node.rect())
        .next()
        .unwrap()
}

/// Turns the wheel sideways over the positions table until it stops.
fn scroll_sideways_to_the_end(harness: &mut Harness<'static, VtvlApp>) {
    let table = harness
        .get_by_label("Chuyên viên địa chính - đất đai")
        .rect();
    harness.hover_at(table.center());
    for _ in 0..10 {
        harness.event(eframe::egui::Event::MouseWheel {
            unit: eframe::egui::MouseWheelUnit::Point,
            delta: eframe::egui::vec2(-300.0, 0.0),
            modifiers: Modifiers::NONE,
            phase: eframe::egui::TouchPhase::Move,
            source: eframe::egui::MouseWheelSource::Unknown,
        });
        // The scroll is animated: frames step on rather than waiting for it to settle.
        harness.run_steps(4);
    }
    harness.run_steps(60);
}

fn in_window(rect: eframe::egui::Rect) -> bool {
    rect.max.x <= 1024.0 && rect.min.x >= 0.0
}

#[test]
fn the_last_column_is_reached_at_1024_by_700() {
    let mut harness = narrow_harness(None);
    assert!(
        last_column(&harness).max.x > 1024.0,
        "off to the right at first"
    );
    // Scrolling sideways over the table brings the last column into the window.
    scroll_sideways_to_the_end(&mut harness);
    let rect = last_column(&harness);
    assert!(in_window(rect), "the Mã column at {rect:?}");
    // The name stays pinned beside it, on the same row as the position's id in the last column
    // (the name also shows in its tooltip, under the pointer).
    let names: Vec<_> = harness
        .get_all_by_label("Chuyên viên địa chính - đất đai")
        .map(|node| node.rect())
        .collect();
    let (name, id) = harness
        .get_all_by_label("pkt-dia-chinh")
        .map(|node| node.rect())
        .find_map(|id| {
            let name = names
                .iter()
                .find(|name| (name.center().y - id.center().y).abs() < 2.0)?;
            Some((*name, id))
        })
        .expect("the name and the id on one row");
    assert!(
        name.min.x >= 0.0 && name.max.x < id.min.x && id.max.x <= 1024.0,
        "name at {name:?}, id at {id:?}"
    );
    // The tab row stayed on one line, its last tabs in the » menu.
    harness.get_by_label("»");
}

#[test]
fn the_checks_toggle_stays_in_view_at_1024_by_700() {
    let mut harness = narrow_harness(None);
    let toggle = harness.get_by_label("Kiểm tra");
    assert!(in_window(toggle.rect()), "Kiểm tra at {:?}", toggle.rect());
    toggle.click();
    harness.run();
    assert!(harness.state().state.checks.open);
    // The same panel from the Xem menu.
    click(&mut harness, "Xem");
    click(&mut harness, "Bảng kiểm tra");
    assert!(!harness.state().state.checks.open);
}

#[test]
fn the_table_is_scrolled_sideways_as_the_last_run_left_it() {
    let mut harness = narrow_harness(None);
    scroll_sideways_to_the_end(&mut harness);
    let memory = harness
        .ctx
        .memory(ron::to_string)
        .expect("egui's memory as eframe keeps it");
    drop(harness);
    let harness = narrow_harness(Some(memory));
    let rect = last_column(&harness);
    assert!(in_window(rect), "the Mã column at {rect:?} in the next run");
}

#[test]
fn tab_goes_from_a_pinned_name_to_the_same_rows_next_cell() {
    let mut harness = default_harness();
    select_unit(&mut harness, "Phòng Kinh tế");
    click(&mut harness, "Nhân sự");
    let plan = harness.state().state.document.plan();
    let units = vtvl::editing::subtree(plan, "pkt");
    let ids: Vec<String> = plan
        .staff
        .iter()
        .filter(|s| units.contains(&s.unit_id))
        .map(|s| s.id.clone())
        .take(2)
        .collect();
    assert_eq!(ids.len(), 2, "two people in the unit");
    // The name is pinned on the left; the row's position is the first typed cell on the right.
    focus_field(&mut harness, &format!("Họ và tên {}", ids[0]));
    harness.key_press(Key::Tab);
    harness.run();
    assert!(
        harness
            .get_by_label(&format!("Vị trí việc làm {}", ids[0]))
            .is_focused(),
        "Tab went along the row, not down the names"
    );
    // Shift+Tab comes back to the name.
    harness.key_press_modifiers(Modifiers::SHIFT, Key::Tab);
    harness.run();
    assert!(
        harness
            .get_by_label(&format!("Họ và tên {}", ids[0]))
            .is_focused()
    );
}
