//! File > Xuất hồ sơ Excel... and Xuất đề án Word...: the dossier workbook and the đề án
//! written where the dialog says, read back.

use calamine::{Reader, open_workbook_auto};
use egui_kittest::kittest::Queryable as _;
use vtvl::app::document::Document;
use vtvl::app::state::Notice;
use vtvl::plan_file;

use crate::harness::{ScriptedDialogs, files_harness};

#[test]
fn file_export_writes_the_dossier_workbook_where_chosen() {
    let dir = tempfile::tempdir().unwrap();
    let dialogs = ScriptedDialogs::default();
    // No extension typed: the app adds .xlsx.
    dialogs.answer_path(dir.path().join("ho-so"));
    let document = Document::new(plan_file::default_plan().unwrap(), None);
    let mut harness = files_harness(document, &dialogs, None);
    harness.get_by_label("Tệp").click();
    harness.run();
    harness.get_by_label("Xuất hồ sơ Excel...").click();
    harness.run();
    assert_eq!(dialogs.asked(), ["Xuất hồ sơ Excel"]);
    let path = dir.path().join("ho-so.xlsx");
    match &harness.state().state.notice {
        Some(Notice::Info(text)) => assert!(text.contains("Đã xuất hồ sơ"), "{text}"),
        other => panic!("{other:?}"),
    }
    let book = open_workbook_auto(&path).unwrap();
    assert_eq!(book.sheet_names(), vtvl::dossier::SHEET_NAMES);
}

#[test]
fn cancelling_the_dialog_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let dialogs = ScriptedDialogs::default();
    let document = Document::new(plan_file::default_plan().unwrap(), None);
    let mut harness = files_harness(document, &dialogs, None);
    harness.get_by_label("Tệp").click();
    harness.run();
    harness.get_by_label("Xuất hồ sơ Excel...").click();
    harness.run();
    assert_eq!(dialogs.asked().len(), 1);
    assert!(harness.state().state.notice.is_none());
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
}

#[test]
fn results_export_csv_writes_what_the_command_line_prints() {
    let dir = tempfile::tempdir().unwrap();
    let dialogs = ScriptedDialogs::default();
    dialogs.answer_path(dir.path().join("ket-qua"));
    let plan = plan_file::default_plan().unwrap();
    let document = Document::new(plan.clone(), None);
    let mut harness = files_harness(document, &dialogs, None);
    harness.get_by_label("Kết quả").click();
    harness.run();
    harness.get_by_label("Xuất kết quả CSV...").click();
    harness.run();
    assert_eq!(dialogs.asked(), ["Xuất kết quả CSV"]);
    let written = std::fs::read_to_string(dir.path().join("ket-qua.csv")).unwrap();
    let results = vtvl::engine::compute(&plan).unwrap();
    assert_eq!(written, vtvl::report::results_csv(&results).unwrap());
    assert!(written.starts_with("level,id,unit_id"));
    assert_eq!(
        written
            .lines()
            .filter(|l| l.starts_with("position,"))
            .count(),
        plan.positions.len()
    );
}

#[test]
fn file_export_writes_the_narrative_document_where_chosen() {
    use std::io::Read as _;
    let dir = tempfile::tempdir().unwrap();
    let dialogs = ScriptedDialogs::default();
    // No extension typed: the app adds .docx.
    dialogs.answer_path(dir.path().join("de-an"));
    let plan = plan_file::default_plan().unwrap();
    let document = Document::new(plan.clone(), None);
    let mut harness = files_harness(document, &dialogs, None);
    harness.get_by_label("Tệp").click();
    harness.run();
    harness.get_by_label("Xuất đề án Word...").click();
    harness.run();
    assert_eq!(dialogs.asked(), ["Xuất đề án Word"]);
    match &harness.state().state.notice {
        Some(Notice::Info(text)) => assert!(text.contains("Đã xuất đề án"), "{text}"),
        other => panic!("{other:?}"),
    }
    let file = std::fs::File::open(dir.path().join("de-an.docx")).unwrap();
    let mut archive = zip::ZipArchive::new(file).unwrap();
    let mut xml = String::new();
    archive
        .by_name("word/document.xml")
        .unwrap()
        .read_to_string(&mut xml)
        .unwrap();
    assert!(xml.contains(vtvl::narrative::agency(&plan)));
    for title in vtvl::narrative::PART_TITLES {
        assert!(xml.contains(title), "{title}");
    }
}
