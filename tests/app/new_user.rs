//! A new user builds a small plan from nothing, saves it, reopens it, and reads the same
//! figures that `vtvl compute` prints for that file.

use std::process::Command;

use egui_kittest::kittest::Queryable as _;
use vtvl::app::document::Document;
use vtvl::plan_file;

use crate::harness::{ScriptedDialogs, files_harness};
use crate::harness::{click, set_field};

#[test]
fn a_plan_built_from_nothing_saves_reopens_and_matches_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let dialogs = ScriptedDialogs::default();
    let document = Document::new(plan_file::default_plan().unwrap(), None);
    let mut harness = files_harness(document, &dialogs, None);

    // A blank plan with one root unit; the user renames it, typing in decomposed form (NFD).
    harness.get_by_label("Tệp").click();
    harness.run();
    click(&mut harness, "Mới");
    click(&mut harness, "Kế hoạch trống (Ctrl+N)");
    click(&mut harness, "Đơn vị mới");
    set_field(
        &mut harness,
        "Tên đơn vị",
        0,
        "UBND xa\u{303} Thu\u{31b}\u{309}",
    );
    let root = harness.state().state.document.plan().units[0].clone();
    assert_eq!(
        root.name, "UBND xã Thử",
        "typed text is stored composed (NFC)"
    );

    // A sub-unit with a position, its workload and one person.
    click(&mut harness, "Thêm đơn vị con");
    set_field(&mut harness, "Tên đơn vị", 0, "Văn phòng");
    click(&mut harness, "Thêm vị trí");
    set_field(&mut harness, "Tên vị trí", 0, "Chuyên viên một cửa");
    click(&mut harness, "Khối lượng công việc");
    click(&mut harness, "Thêm công việc chính");
    set_field(&mut harness, "Tên công việc", 0, "Chứng thực bản sao");
    set_field(&mut harness, "Khối lượng/năm", 0, "2400");
    set_field(&mut harness, "Phút/lần", 0, "60");
    click(&mut harness, "Thêm công việc hỗ trợ");
    set_field(&mut harness, "Phần trăm thời gian", 0, "10");
    click(&mut harness, "Nhân sự");
    click(&mut harness, "Thêm nhân sự");

    let state = &harness.state().state;
    let plan = state.document.plan().clone();
    assert_eq!(plan.units.len(), 2);
    assert_eq!(plan.positions.len(), 1);
    assert_eq!(plan.positions[0].components.len(), 2);
    assert_eq!(plan.staff.len(), 1);
    assert!(state.document.problems().is_empty());
    // 2.400 × 60 min = 2.400 h / 1.896 h / 0,9 = 1,41 FTE -> 1 person.
    let shown = state.document.results().unwrap().clone();
    assert_eq!(shown.total.required, 1);
    assert!((shown.total.required_fte - 2400.0 / 1896.0 / 0.9).abs() < 1e-12);

    // Save As (Ctrl+S on a plan with no file), then reopen the file.
    let path = dir.path().join("xa-thu.ron");
    dialogs.answer_path(path.clone());
    harness.key_press_modifiers(eframe::egui::Modifiers::COMMAND, eframe::egui::Key::S);
    harness.run();
    assert_eq!(harness.state().state.document.path(), Some(path.as_path()));
    let mut reopened = Document::open(&path).unwrap();
    reopened.wait_for_results();
    assert_eq!(reopened.plan(), &plan);
    assert_eq!(reopened.results().unwrap(), &shown);

    // The command line prints the same figures for that file.
    let out = Command::new(env!("CARGO_BIN_EXE_vtvl"))
        .args(["compute", path.to_str().unwrap(), "--format", "json"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["total"]["required"], shown.total.required);
    assert_eq!(
        json["total"]["required_fte"].as_f64().unwrap(),
        shown.total.required_fte
    );
    assert_eq!(
        json["positions"][0]["required_fte"].as_f64().unwrap(),
        shown.positions[0].required_fte
    );
}
