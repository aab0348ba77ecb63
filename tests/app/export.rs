//! File > Xuất hồ sơ Excel... and Xuất đề án Word...: the dossier workbook and the đề án
//! written where the dialog says, read back.

use calamine::{Reader, open_workbook_auto};
use egui_kittest::kittest::Queryable as _;
use vtvl::app::document::Document;
use vtvl::app::state::Notice;
use vtvl::plan_file;

use vtvl::app::files::Picked;

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
    assert_eq!(tables(&book.sheet_names()), vtvl::dossier::SHEET_NAMES);
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

fn menu(harness: &mut egui_kittest::Harness<'static, vtvl::app::VtvlApp>, items: &[&str]) {
    for item in items {
        harness.get_by_label(item).click();
        harness.run();
    }
}

#[test]
fn import_from_excel_lists_workbooks_and_the_csv_item_asks_for_a_folder() {
    let dialogs = ScriptedDialogs::default();
    let document = Document::new(plan_file::default_plan().unwrap(), None);
    let mut harness = files_harness(document, &dialogs, None);
    menu(&mut harness, &["Tệp", "Nhập từ tệp Excel..."]);
    menu(&mut harness, &["Tệp", "Nhập từ thư mục CSV..."]);
    let asked = dialogs.dialogs();
    assert_eq!(asked.len(), 2);
    assert_eq!(asked[0].title, "Chọn tệp Excel để nhập");
    assert_eq!(asked[0].extensions, ["xlsx", "xlsm", "ods"]);
    assert_eq!(asked[1].title, "Chọn thư mục CSV để nhập");
    assert!(asked[1].extensions.is_empty(), "a folder dialog");
}

#[test]
fn every_export_suggests_the_plan_name_and_what_it_holds() {
    let dialogs = ScriptedDialogs::default();
    let document = Document::new(plan_file::default_plan().unwrap(), None);
    let mut harness = files_harness(document, &dialogs, None);
    menu(&mut harness, &["Tệp", "Xuất hồ sơ Excel..."]);
    menu(&mut harness, &["Tệp", "Xuất ra mẫu Excel..."]);
    menu(&mut harness, &["Tệp", "Ghi mẫu Excel trống..."]);
    menu(&mut harness, &["Kết quả", "Xuất kết quả CSV..."]);
    menu(
        &mut harness,
        &["Kết quả", "Xuất biểu đồ theo đơn vị (PNG)..."],
    );
    menu(
        &mut harness,
        &["Kết quả", "Xuất biểu đồ theo ngạch (PNG)..."],
    );
    let stem = "de-an-vi-tri-viec-lam-nam-2026-cua-ubnd-xa-tan-hoa";
    let asked: Vec<(String, String, Vec<String>)> = dialogs
        .dialogs()
        .into_iter()
        .map(|a| (a.title, a.suggested, a.extensions))
        .collect();
    let expected = [
        ("Xuất hồ sơ Excel", "ho-so.xlsx", "xlsx"),
        ("Xuất ra mẫu Excel", "mau.xlsx", "xlsx"),
        ("Ghi mẫu Excel trống", "mau-trong.xlsx", "xlsx"),
        ("Xuất kết quả CSV", "ket-qua.csv", "csv"),
        (
            "Xuất biểu đồ theo đơn vị (PNG)",
            "bieu-do-don-vi.png",
            "png",
        ),
        ("Xuất biểu đồ theo ngạch (PNG)", "bieu-do-ngach.png", "png"),
    ]
    .map(|(title, name, extension)| {
        (
            title.to_owned(),
            format!("{stem}-{name}"),
            vec![extension.to_owned()],
        )
    });
    assert_eq!(asked, expected);
}

/// The notice's text, or a panic naming what was there instead.
fn info(harness: &egui_kittest::Harness<'static, vtvl::app::VtvlApp>) -> String {
    match &harness.state().state.notice {
        Some(Notice::Info(text)) => text.clone(),
        other => panic!("{other:?}"),
    }
}

#[test]
fn an_existing_file_is_replaced_only_when_the_user_agrees() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("ho-so.xlsx");
    std::fs::write(&path, "bản cũ").unwrap();
    let dialogs = ScriptedDialogs::default();
    dialogs.answer_path(&path);
    dialogs.answer_path(&path);
    let document = Document::new(plan_file::default_plan().unwrap(), None);
    let mut harness = files_harness(document, &dialogs, None);

    menu(&mut harness, &["Tệp", "Xuất hồ sơ Excel..."]);
    harness.get_by_label("Ghi đè tệp đã có?");
    menu(&mut harness, &["Hủy"]);
    assert!(harness.state().state.dialog.is_none());
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "bản cũ", "kept");
    assert!(harness.state().state.notice.is_none());

    menu(&mut harness, &["Tệp", "Xuất hồ sơ Excel...", "Ghi đè"]);
    assert!(info(&harness).contains("Đã xuất hồ sơ"));
    let book = open_workbook_auto(&path).unwrap();
    assert_eq!(tables(&book.sheet_names()), vtvl::dossier::SHEET_NAMES);
}

#[test]
fn without_a_native_dialog_the_typed_path_suggests_the_name_and_confirms_too() {
    let dir = tempfile::tempdir().unwrap();
    let plan = plan_file::default_plan().unwrap();
    let document = Document::new(plan.clone(), Some(dir.path().join("xa.ron")));
    let suggested = dir.path().join("xa-mau.xlsx");
    std::fs::write(&suggested, "bản cũ").unwrap();
    let dialogs = ScriptedDialogs::default();
    dialogs.answer(Picked::Unavailable);
    dialogs.answer(Picked::Unavailable);
    let mut harness = files_harness(document, &dialogs, None);

    menu(&mut harness, &["Tệp", "Xuất ra mẫu Excel..."]);
    // The plan's folder and the suggested name, and the workbooks there listed.
    let field = harness.get_by_label("Đường dẫn:");
    assert_eq!(field.value().as_deref(), suggested.to_str());
    harness.get_by_label("xa-mau.xlsx");
    menu(&mut harness, &["Xuất", "Hủy"]);
    assert_eq!(std::fs::read_to_string(&suggested).unwrap(), "bản cũ");

    menu(&mut harness, &["Tệp", "Xuất ra mẫu Excel...", "Xuất"]);
    harness.get_by_label("Ghi đè tệp đã có?");
    menu(&mut harness, &["Ghi đè"]);
    assert!(info(&harness).contains("Đã xuất ra mẫu Excel"));
    // The workbook imports to the plan, but for the projection's scenarios, which only the
    // plan file keeps.
    let mut without_scenarios = plan.clone();
    without_scenarios.scenarios = Default::default();
    assert_eq!(
        vtvl::interchange::import_path(&suggested).unwrap(),
        without_scenarios
    );
}

/// A workbook with three bad cells: a category, a count and a volume.
fn workbook_with_three_problems(path: &std::path::Path) {
    let mut book = rust_xlsxwriter::Workbook::new();
    let sheets: [(&str, &[&str], &[&str]); 3] = [
        ("units", &["id", "name"], &["so", "Sở"]),
        (
            "positions",
            &["id", "unit_id", "name", "category", "method", "count"],
            &["cv", "so", "Chuyên viên", "chuyên gia", "workload", "nhiều"],
        ),
        (
            "duties",
            &[
                "id",
                "position_id",
                "name",
                "kind",
                "volume",
                "minutes_per_item",
            ],
            &["d1", "cv", "Hồ sơ", "Công việc chính", "khoảng 20", "30"],
        ),
    ];
    for (name, header, row) in sheets {
        let sheet = book.add_worksheet();
        sheet.set_name(name).unwrap();
        sheet.write_row(0, 0, header.iter().copied()).unwrap();
        sheet.write_row(1, 0, row.iter().copied()).unwrap();
    }
    book.save(path).unwrap();
}

#[test]
fn an_import_with_three_problems_lists_all_three_and_keeps_the_plan() {
    let dir = tempfile::tempdir().unwrap();
    let xlsx = dir.path().join("loi.xlsx");
    workbook_with_three_problems(&xlsx);
    let dialogs = ScriptedDialogs::default();
    dialogs.answer_path(&xlsx);
    let plan = plan_file::default_plan().unwrap();
    let mut harness = files_harness(Document::new(plan.clone(), None), &dialogs, None);
    menu(&mut harness, &["Tệp", "Nhập từ tệp Excel..."]);
    let lines = match &harness.state().state.dialog {
        Some(vtvl::app::state::Dialog::File(vtvl::app::files::FileDialog::Problems {
            lines,
            ..
        })) => lines.clone(),
        other => panic!("{other:?}"),
    };
    assert_eq!(lines.len(), 3, "{lines:?}");
    for (line, place) in lines.iter().zip([
        "positions, dòng 2, cột \"category\"",
        "positions, dòng 2, cột \"count\"",
        "duties, dòng 2, cột \"volume\"",
    ]) {
        assert!(line.starts_with(place), "{line}");
        harness.get_by_label(line);
    }
    assert_eq!(
        harness.state().state.document.plan(),
        &plan,
        "the plan is kept"
    );
    menu(&mut harness, &["Đóng"]);
    assert!(harness.state().state.dialog.is_none());
}

#[test]
fn without_a_native_dialog_the_import_path_lists_workbooks_and_imports_one() {
    let dir = tempfile::tempdir().unwrap();
    let plan = vtvl::plan_file::BUNDLED[1].load().unwrap();
    vtvl::interchange::write_plan_workbook(&plan, &dir.path().join("mau.xlsx")).unwrap();
    std::fs::write(dir.path().join("ghi-chu.txt"), "x").unwrap();
    std::fs::create_dir(dir.path().join("thu-muc-csv")).unwrap();
    let dialogs = ScriptedDialogs::default();
    dialogs.answer(Picked::Unavailable);
    let document = Document::new(
        plan_file::default_plan().unwrap(),
        Some(dir.path().join("xa.ron")),
    );
    let mut harness = files_harness(document, &dialogs, None);
    menu(&mut harness, &["Tệp", "Nhập từ tệp Excel..."]);
    harness.get_by_label("Nhập từ tệp Excel hoặc thư mục CSV");
    harness.get_by_label("thu-muc-csv/");
    assert!(
        harness.query_by_label("ghi-chu.txt").is_none(),
        "other files left out"
    );
    menu(&mut harness, &["mau.xlsx", "Nhập"]);
    assert!(harness.state().state.dialog.is_none());
    assert_eq!(harness.state().state.document.plan(), &plan);
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

/// The dossier's tables in order, continuation sheets folded into theirs.
fn tables(sheets: &[String]) -> Vec<&str> {
    let mut tables: Vec<&str> = (sheets.iter())
        .map(|sheet| vtvl::dossier::table_of_sheet(sheet))
        .collect();
    tables.dedup();
    tables
}
