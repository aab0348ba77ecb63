//! The Compare tab: the open commune plan against a changed copy chosen in a (scripted) file
//! dialog, a position expanded to its workload change, and a benchmark against a copy asking
//! four times the time for one procedure.

use std::path::PathBuf;

use vtvl::app::document::Document;
use vtvl::model::{ComponentKind, Plan};
use vtvl::plan_file;

use egui_kittest::kittest::Queryable as _;

use crate::harness::{ScriptedDialogs, click, files_harness, has_label_containing};

fn commune() -> Plan {
    plan_file::default_plan().unwrap()
}

/// Writes a copy of the commune plan, changed by `change`, into `dir`.
fn copy(dir: &tempfile::TempDir, name: &str, change: impl FnOnce(&mut Plan)) -> PathBuf {
    let mut plan = commune();
    change(&mut plan);
    let path = dir.path().join(name);
    plan_file::save(&plan, &path).unwrap();
    path
}

fn scale_service(
    plan: &mut Plan,
    matches: impl Fn(&vtvl::model::Component) -> bool,
    volume_by: f64,
    minutes_by: f64,
) {
    for component in plan
        .positions
        .iter_mut()
        .flat_map(|p| p.components.iter_mut())
        .filter(|c| matches(c))
    {
        if let ComponentKind::Service {
            volume,
            minutes_per_item,
            ..
        } = &mut component.kind
        {
            *volume *= volume_by;
            *minutes_per_item *= minutes_by;
        }
    }
}

#[test]
fn the_open_plan_against_a_newer_version_shows_the_changed_position_and_its_workload() {
    let dir = tempfile::tempdir().unwrap();
    // 1,100 -> 1,650 documents a year for the office's general-affairs position.
    let newer = copy(&dir, "xa-moi.ron", |plan| {
        scale_service(plan, |c| c.id == "d-vp-001", 1.5, 1.0);
    });
    let dialogs = ScriptedDialogs::default();
    let mut harness = files_harness(Document::new(commune(), None), &dialogs, None);

    click(&mut harness, "So sánh");
    assert!(has_label_containing(&harness, "Chọn một tệp kế hoạch"));
    dialogs.answer_path(&newer);
    click(&mut harness, "Chọn kế hoạch để so sánh...");
    assert_eq!(dialogs.asked(), ["Chọn kế hoạch để so sánh"]);
    click(&mut harness, "Tệp đã chọn là bản mới (B)");

    assert!(has_label_containing(&harness, "[xa-moi.ron]"));
    assert!(has_label_containing(
        &harness,
        "Vị trí việc làm: 0 thêm mới, 0 bị bỏ, 1 thay đổi, 26 không đổi"
    ));
    // 2 -> 3 required and proposed (no proposal), 2 people today.
    let header = "Chuyên viên tổng hợp, tham mưu HĐND và UBND [thay đổi]: cần 2 -> 3 · đề xuất 2 -> 3 · hiện có 2";
    assert!(has_label_containing(&harness, header));
    assert!(!has_label_containing(&harness, "khối lượng 1.100 -> 1.650"));

    harness.get_by_label_contains(header).click();
    harness.run();
    // 1,100 x 90 / 60 / 1,896 = 0,8703 FTE; 1,650 x 90 / 60 / 1,896 = 1,3054.
    assert!(has_label_containing(&harness, "khối lượng 1.100 -> 1.650"));
    assert!(has_label_containing(&harness, "0,8703"));
    assert!(has_label_containing(&harness, "1,3054"));
    assert!(has_label_containing(&harness, "+0,4351"));

    // The other way round: the chosen file is the older version.
    click(&mut harness, "Tệp đã chọn là bản cũ (A)");
    assert!(has_label_containing(
        &harness,
        "Chuyên viên tổng hợp, tham mưu HĐND và UBND [thay đổi]: cần 3 -> 2"
    ));
}

#[test]
fn a_bad_file_is_reported_by_name_and_the_benchmark_flags_outliers() {
    let dir = tempfile::tempdir().unwrap();
    let broken = dir.path().join("hong.ron");
    std::fs::write(&broken, "(format_version: 2, meta: (name: ),)").unwrap();
    // Chứng thực bản sao (2.000815) at four times the minutes.
    let slower = copy(&dir, "xa-khac.ron", |plan| {
        plan.meta.agency = "UBND xã Khác".into();
        scale_service(plan, |c| c.code.as_deref() == Some("2.000815"), 1.0, 4.0);
    });
    let dialogs = ScriptedDialogs::default();
    let mut harness = files_harness(Document::new(commune(), None), &dialogs, None);
    click(&mut harness, "So sánh");

    dialogs.answer_path(&broken);
    click(&mut harness, "Chọn kế hoạch để so sánh...");
    assert!(has_label_containing(&harness, "hong.ron"));

    dialogs.answer_path(&slower);
    click(&mut harness, "Thêm kế hoạch của cơ quan khác...");
    assert!(has_label_containing(
        &harness,
        "2. UBND xã Khác (xa-khac.ron)"
    ));
    // One procedure, two measures, two agencies each.
    assert!(has_label_containing(&harness, "Giá trị bất thường: 4"));
    assert!(has_label_containing(&harness, "phút cao, người cao"));
    assert!(has_label_containing(&harness, "phút thấp, người thấp"));

    click(&mut harness, "Bỏ tất cả");
    assert!(has_label_containing(
        &harness,
        "Thêm ít nhất một kế hoạch khác"
    ));
}
