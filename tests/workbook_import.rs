//! Workbooks as an interchange source: a filled template imports to the same plan as the
//! equivalent CSV folder, bad cells are named by sheet, row and column, and the empty template
//! has the contract's sheets and columns.

use std::fs;
use std::path::Path;

#[path = "common/number_cases.rs"]
mod number_cases;

use calamine::{Data, Reader, open_workbook_auto};
use rust_xlsxwriter::Workbook;
use vtvl::app::document::Document;
use vtvl::app::state::{AppState, Preferences};
use vtvl::app::{commands, files};
use vtvl::interchange::columns;
use vtvl::interchange::{
    ImportError, Problem, export_dir, import_dir, import_path, write_template,
};
use vtvl::model::{
    AutonomyGroup, CivilDate, Competency, CompetencyGroup, Employment, JobDescription, LeaderRole,
    Plan, Proposal, ProvinceClass, Requirement, StepCount, WorkItem, WorkSection,
};
use vtvl::plan_file::{BUNDLED, BundledPlan};

/// Writes the CSV files of `dir` into a workbook, one sheet per file, as a planner filling the
/// template would: column names in row 1, the Vietnamese labels in row 2 when `labels`, then
/// the rows, numbers as numbers.
fn csv_folder_to_workbook(dir: &Path, xlsx: &Path, labels: bool) {
    let mut book = Workbook::new();
    for spec in &columns::ALL {
        let path = dir.join(spec.file_name());
        if !path.exists() {
            continue;
        }
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .from_path(&path)
            .unwrap();
        let records: Vec<Vec<String>> = reader
            .records()
            .map(|r| r.unwrap().iter().map(str::to_owned).collect())
            .collect();
        let sheet = book.add_worksheet();
        sheet.set_name(spec.name).unwrap();
        let mut row = 0u32;
        for (i, record) in records.iter().enumerate() {
            write_row(sheet, row, record);
            row += 1;
            if i == 0 && labels {
                let label_row: Vec<String> = record
                    .iter()
                    .map(|name| spec.label_vi(name).unwrap_or("Ghi chú").to_owned())
                    .collect();
                write_row(sheet, row, &label_row);
                row += 1;
            }
        }
    }
    book.save(xlsx).unwrap();
}

fn write_row(sheet: &mut rust_xlsxwriter::Worksheet, row: u32, cells: &[String]) {
    for (col, text) in cells.iter().enumerate() {
        let col = col as u16;
        if text.is_empty() {
            continue;
        }
        // A number a spreadsheet would store as a number: it reads back to the same text.
        match text.parse::<f64>() {
            Ok(value) if format!("{value}") == *text => {
                sheet.write_number(row, col, value).unwrap();
            }
            _ => {
                sheet.write_string(row, col, text).unwrap();
            }
        }
    }
}

/// A sample plan with proposals and a full job description on its first workload position.
fn sample_with_descriptions(bundled: &BundledPlan) -> Plan {
    let mut plan = bundled.load().unwrap();
    // Scenarios of the projection are kept in the plan file only.
    plan.scenarios = Default::default();
    let position = &mut plan.positions[0];
    position.proposed = Some(Proposal {
        count: position.count + 2,
        reason: "Tăng khối lượng, \"một cửa\"".into(),
    });
    position.job_description = JobDescription {
        purpose: "Tham mưu tổng hợp.\nGiúp việc lãnh đạo.".into(),
        work_items: vec![WorkItem {
            section: WorkSection::Professional,
            step: "1".into(),
            content: "Soạn thảo văn bản".into(),
            output: "Văn bản".into(),
            criterion: "Đúng thể thức".into(),
        }],
        competencies: vec![Competency {
            group: CompetencyGroup::Professional,
            name: "Soạn thảo".into(),
            level: 4,
            step: "2".into(),
        }],
        relationships: "Phối hợp các phòng".into(),
        authority: "Đề xuất".into(),
        requirements: vec![Requirement {
            group: "Trình độ".into(),
            detail: "Đại học".into(),
        }],
    };
    plan
}

#[test]
fn a_filled_workbook_imports_to_the_same_plan_as_the_csv_folder() {
    for bundled in &BUNDLED {
        let plan = sample_with_descriptions(bundled);
        let dir = tempfile::tempdir().unwrap();
        let csv_dir = dir.path().join("csv");
        export_dir(&plan, &csv_dir).unwrap();
        for labels in [true, false] {
            let xlsx = dir.path().join(format!("plan-{labels}.xlsx"));
            csv_folder_to_workbook(&csv_dir, &xlsx, labels);
            let from_csv = import_dir(&csv_dir).unwrap();
            let from_workbook = import_path(&xlsx).unwrap();
            assert_eq!(from_workbook, from_csv, "{}", bundled.file);
            assert_eq!(from_workbook, plan);
        }
    }
}

fn sheet_problems(xlsx: &Path) -> Vec<Problem> {
    match import_path(xlsx) {
        Ok(plan) => panic!("expected problems, got {plan:?}"),
        Err(error) => error.problems().to_vec(),
    }
}

#[test]
fn a_bad_cell_is_named_by_sheet_row_and_column() {
    let plan = sample_with_descriptions(&BUNDLED[0]);
    let dir = tempfile::tempdir().unwrap();
    let csv_dir = dir.path().join("csv");
    export_dir(&plan, &csv_dir).unwrap();
    // The second position gets a count that is not a number, the job description a level 9.
    let positions = fs::read_to_string(csv_dir.join("positions.csv")).unwrap();
    let mut lines: Vec<String> = positions.lines().map(str::to_owned).collect();
    let mut cells: Vec<String> = lines[2].split(',').map(str::to_owned).collect();
    cells[6] = "nhiều".into();
    lines[2] = cells.join(",");
    fs::write(csv_dir.join("positions.csv"), lines.join("\n") + "\n").unwrap();
    let jd = fs::read_to_string(csv_dir.join("job_descriptions.csv")).unwrap();
    fs::write(
        csv_dir.join("job_descriptions.csv"),
        jd.replace(",Soạn thảo,4,", ",Soạn thảo,9,"),
    )
    .unwrap();

    let xlsx = dir.path().join("bad.xlsx");
    csv_folder_to_workbook(&csv_dir, &xlsx, true);
    let found = sheet_problems(&xlsx);
    // Row 1 names, row 2 labels: the second position is on row 4.
    let count = found
        .iter()
        .find(|p| p.file() == "positions")
        .expect("a problem in the positions sheet");
    assert_eq!(count.line(), Some(4));
    assert_eq!(count.column(), Some("count"));
    assert!(
        count
            .to_string()
            .starts_with("positions, row 4, column \"count\": \"nhiều\""),
        "{count}"
    );
    let level = found
        .iter()
        .find(|p| p.file() == "job_descriptions")
        .expect("a problem in the job_descriptions sheet");
    assert_eq!(level.column(), Some("level"));
    assert!(
        level.to_string().contains("not a level from 1 to 5"),
        "{level}"
    );
}

/// A workbook with one unit, one position and one service duty whose volume cell is `volume`.
fn duty_workbook(xlsx: &Path, volume: impl Fn(&mut rust_xlsxwriter::Worksheet)) {
    let mut book = Workbook::new();
    let sheets: [(&str, &[&str], &[&str]); 2] = [
        ("units", &["id", "name"], &["so", "Sở"]),
        (
            "positions",
            &["id", "unit_id", "name", "category", "method"],
            &["cv", "so", "Chuyên viên", "specialized", "workload"],
        ),
    ];
    for (name, header, row) in sheets {
        let sheet = book.add_worksheet();
        sheet.set_name(name).unwrap();
        for (col, (h, v)) in header.iter().zip(row).enumerate() {
            sheet.write_string(0, col as u16, *h).unwrap();
            sheet.write_string(1, col as u16, *v).unwrap();
        }
    }
    let sheet = book.add_worksheet();
    sheet.set_name("duties").unwrap();
    let header = [
        "id",
        "position_id",
        "name",
        "kind",
        "volume",
        "minutes_per_item",
    ];
    let row = ["d1", "cv", "Hồ sơ", "service"];
    for (col, h) in header.iter().enumerate() {
        sheet.write_string(0, col as u16, *h).unwrap();
    }
    for (col, v) in row.iter().enumerate() {
        sheet.write_string(1, col as u16, *v).unwrap();
    }
    volume(sheet);
    sheet.write_number(1, 5, 30.0).unwrap();
    book.save(xlsx).unwrap();
}

fn service_volume(plan: &Plan) -> f64 {
    match plan.positions[0].components[0].kind {
        vtvl::model::ComponentKind::Service { volume, .. } => volume,
        ref other => panic!("not a service duty: {other:?}"),
    }
}

/// Each case of the shared table typed as text into the volume cell; numeric cells are numbers
/// whatever they hold.
#[test]
fn typed_numbers_in_text_cells_read_as_the_shared_table_says() {
    use number_cases::{CASES, Reads};
    let dir = tempfile::tempdir().unwrap();
    let xlsx = dir.path().join("so.xlsx");
    for (text, expected) in CASES {
        duty_workbook(&xlsx, |sheet| {
            sheet.write_string(1, 4, *text).unwrap();
        });
        match expected {
            Reads::Value(value) => {
                let plan = import_path(&xlsx).unwrap_or_else(|e| panic!("{text:?}: {e}"));
                assert_eq!(service_volume(&plan), *value, "{text:?}");
            }
            Reads::Ambiguous | Reads::Refused => {
                let found = sheet_problems(&xlsx);
                assert_eq!(found.len(), 1, "{text:?}: {found:?}");
                assert_eq!(
                    (found[0].file(), found[0].line(), found[0].column()),
                    ("duties", Some(2), Some("volume")),
                    "{text:?}"
                );
            }
        }
    }
    for value in [2400.0, 1.125, 999.999, 0.5, 1896.5] {
        duty_workbook(&xlsx, |sheet| {
            sheet.write_number(1, 4, value).unwrap();
        });
        assert_eq!(service_volume(&import_path(&xlsx).unwrap()), value);
    }
}

#[test]
fn missing_sheets_and_unreadable_files_are_reported() {
    let dir = tempfile::tempdir().unwrap();
    let xlsx = dir.path().join("units-only.xlsx");
    let mut book = Workbook::new();
    let sheet = book.add_worksheet();
    sheet.set_name("units").unwrap();
    sheet.write_row(0, 0, ["id", "parent_id", "name"]).unwrap();
    sheet.write_row(1, 0, ["so", "", "Sở"]).unwrap();
    book.save(&xlsx).unwrap();
    let found = sheet_problems(&xlsx);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].to_string(), "positions: required sheet is missing");

    let fake = dir.path().join("fake.xlsx");
    fs::write(&fake, "not a workbook").unwrap();
    assert!(matches!(
        import_path(&fake),
        Err(ImportError::Workbook { .. })
    ));
    let text = dir.path().join("notes.txt");
    fs::write(&text, "x").unwrap();
    assert!(matches!(
        import_path(&text),
        Err(ImportError::NotImportable(_))
    ));
    assert!(matches!(
        import_path(&dir.path().join("none.xlsx")),
        Err(ImportError::NotFound(_))
    ));
}

fn cell_text(cell: &Data) -> String {
    match cell {
        Data::String(s) => s.clone(),
        Data::Empty => String::new(),
        other => other.to_string(),
    }
}

#[test]
fn the_template_has_a_sheet_per_table_with_names_and_labels() {
    let dir = tempfile::tempdir().unwrap();
    let xlsx = dir.path().join("mau.xlsx");
    write_template(&xlsx).unwrap();
    let mut book = open_workbook_auto(&xlsx).unwrap();
    let mut names: Vec<&str> = columns::ALL.iter().map(|t| t.name).collect();
    names.push(columns::LISTS_SHEET);
    assert_eq!(book.sheet_names(), names);
    for spec in &columns::ALL {
        let range = book.worksheet_range(spec.name).unwrap();
        let rows: Vec<Vec<String>> = range
            .rows()
            .map(|r| r.iter().map(cell_text).collect())
            .collect();
        let expected: Vec<String> = spec.column_names().map(str::to_owned).collect();
        assert_eq!(rows[0], expected, "{}", spec.name);
        let labels: Vec<String> = spec
            .column_names()
            .map(|c| spec.label_vi(c).unwrap().to_owned())
            .collect();
        assert_eq!(rows[1], labels, "{}", spec.name);
    }
    assert_eq!(
        book.worksheet_range("positions").unwrap().rows().len(),
        2,
        "no data rows"
    );
    let settings = book.worksheet_range("settings").unwrap();
    let keys: Vec<String> = settings.rows().skip(2).map(|r| cell_text(&r[0])).collect();
    assert_eq!(
        keys,
        [
            "name",
            "agency",
            "year",
            "rounding",
            "province_class",
            "judged_at",
            "blocking_rules",
            "parent_body",
            "document_kind",
            "document_number",
            "document_date",
            "place",
            "signer_title",
            "signer_name",
            "preparer_name",
        ]
    );

    // The empty template imports to an empty plan.
    let plan = import_path(&xlsx).unwrap();
    assert!(plan.units.is_empty() && plan.positions.is_empty() && plan.staff.is_empty());
    assert_eq!(plan.meta, Default::default());
}

/// The drop-down lists name the hidden `lists` sheet, which holds the Vietnamese labels the app
/// shows; frozen rows and number rules are in the sheets' XML.
#[test]
fn the_template_offers_lists_for_keywords() {
    let dir = tempfile::tempdir().unwrap();
    let xlsx = dir.path().join("mau.xlsx");
    write_template(&xlsx).unwrap();
    let sheet_xml = |index: usize| {
        use std::io::Read as _;
        let mut archive = zip::ZipArchive::new(std::fs::File::open(&xlsx).unwrap()).unwrap();
        let mut entry = archive
            .by_name(&format!("xl/worksheets/sheet{index}.xml"))
            .unwrap();
        let mut xml = String::new();
        entry.read_to_string(&mut xml).unwrap();
        xml
    };
    // The lists, one column each: name in row 1, labels under it.
    let mut book = open_workbook_auto(&xlsx).unwrap();
    let lists = book.worksheet_range("lists").unwrap();
    let width = lists.width();
    let list = |name: &str| -> Vec<String> {
        let col = (0..width)
            .find(|&c| cell_text(lists.get((0, c)).unwrap()) == name)
            .unwrap_or_else(|| panic!("no list {name}"));
        (1..lists.height())
            .map(|r| lists.get((r, col)).map(cell_text).unwrap_or_default())
            .take_while(|t| !t.is_empty())
            .collect()
    };
    assert_eq!(
        list("positions.category"),
        [
            "Lãnh đạo, quản lý",
            "Nghiệp vụ chuyên ngành",
            "Nghiệp vụ chuyên môn dùng chung",
            "Hỗ trợ, phục vụ"
        ]
    );
    assert_eq!(
        list("positions.method"),
        ["Theo khối lượng công việc", "Cố định theo quy định"]
    );
    assert_eq!(list("positions.role"), ["Cấp trưởng", "Cấp phó"]);
    assert_eq!(
        list("positions.employment"),
        ["công chức", "viên chức", "hợp đồng lao động"]
    );
    assert_eq!(
        list("duties.kind"),
        [
            "Công việc chính",
            "Công việc hỗ trợ",
            "Công việc bổ sung",
            "Định mức"
        ]
    );
    assert_eq!(list("duties.per"), ["ngày", "tuần", "tháng", "năm"]);
    assert_eq!(
        list("job_descriptions.group"),
        ["Năng lực chung", "Năng lực chuyên môn", "Năng lực quản lý"]
    );
    assert_eq!(list("job_descriptions.section").len(), 8);
    assert_eq!(
        list("units.unit_type").len(),
        vtvl::model::UnitType::ALL.len()
    );
    assert!(list("units.unit_type").contains(&"Phòng thuộc sở".to_owned()));
    assert_eq!(list("units.two_sessions_a_day"), ["Có", "Không"]);
    assert_eq!(list("units.commune_setting")[0], "Xã");
    assert_eq!(
        list("rounding"),
        [
            "làm tròn gần nhất, từ 0,5 trở lên",
            "luôn làm tròn lên",
            "làm tròn xuống, phần dư kiêm nhiệm"
        ]
    );
    assert_eq!(list("province_class")[1], "Tỉnh loại I");

    let positions = sheet_xml(4);
    assert!(positions.contains("<formula1>lists!$"), "lists referenced");
    assert!(positions.contains("<pane"), "header rows frozen");
    let workbook_xml = {
        use std::io::Read as _;
        let mut archive = zip::ZipArchive::new(std::fs::File::open(&xlsx).unwrap()).unwrap();
        let mut entry = archive.by_name("xl/workbook.xml").unwrap();
        let mut xml = String::new();
        entry.read_to_string(&mut xml).unwrap();
        xml
    };
    assert!(
        workbook_xml.contains(r#"name="lists" sheetId="8" state="hidden""#),
        "the lists sheet is hidden: {workbook_xml}"
    );
    let units = sheet_xml(3);
    // School zones and commune classes take 1 to 3, autonomy groups 1 to 4.
    assert!(units.contains("<formula1>1</formula1><formula2>3</formula2>"));
    assert!(units.contains("<formula1>1</formula1><formula2>4</formula2>"));
}

/// A workbook whose new columns are filled as a spreadsheet stores them: numbers as numbers, a
/// yes/no as a boolean cell, the judgement date as a date cell; with `bad_zone`, a second unit
/// in a school zone 4.
fn attributes_workbook(xlsx: &Path, bad_zone: bool) {
    use rust_xlsxwriter::{ExcelDateTime, Format};
    let mut book = Workbook::new();
    let settings = book.add_worksheet();
    settings.set_name("settings").unwrap();
    settings.write_row(0, 0, ["key", "value"]).unwrap();
    settings.write_row(1, 0, ["Khóa", "Giá trị"]).unwrap();
    settings.write_row(2, 0, ["province_class", "III"]).unwrap();
    settings.write_string(3, 0, "judged_at").unwrap();
    let date = ExcelDateTime::from_ymd(2026, 7, 1).unwrap();
    let date_format = Format::new().set_num_format("dd/mm/yyyy");
    settings
        .write_datetime_with_format(3, 1, &date, &date_format)
        .unwrap();
    let units = book.add_worksheet();
    units.set_name("units").unwrap();
    let header = [
        "id",
        "name",
        "unit_type",
        "autonomy_group",
        "school_zone",
        "classes",
        "pupils",
        "two_sessions_a_day",
        "area_km2",
        // Two units or more need the column, even when every unit is a root.
        "parent_id",
    ];
    units.write_row(0, 0, header).unwrap();
    let labels: Vec<&str> = header
        .iter()
        .map(|c| columns::UNITS.label_vi(c).unwrap())
        .collect();
    units.write_row(1, 0, labels).unwrap();
    units
        .write_row(2, 0, ["th", "Trường tiểu học", "truong_tieu_hoc"])
        .unwrap();
    for (col, value) in [(3, 4.0), (4, 1.0), (5, 20.0), (6, 610.0), (8, 12.5)] {
        units.write_number(2, col, value).unwrap();
    }
    units.write_boolean(2, 7, true).unwrap();
    if bad_zone {
        units
            .write_row(3, 0, ["x", "Trường khác", "truong_thcs"])
            .unwrap();
        units.write_number(3, 4, 4.0).unwrap();
    }
    let positions = book.add_worksheet();
    positions.set_name("positions").unwrap();
    let rows = [
        [
            "id",
            "unit_id",
            "name",
            "category",
            "method",
            "role",
            "steps",
            "employment",
        ],
        [
            "ht",
            "th",
            "Hiệu trưởng",
            "leadership",
            "fixed",
            "head",
            "",
            "",
        ],
        [
            "gv",
            "th",
            "Giáo viên",
            "specialized",
            "workload",
            "",
            "4:10;3:20",
            "",
        ],
        [
            "bv",
            "th",
            "Bảo vệ",
            "support",
            "workload",
            "",
            "",
            if bad_zone {
                "hợp đồng"
            } else {
                "hợp đồng lao động"
            },
        ],
    ];
    for (row, cells) in rows.iter().enumerate() {
        positions.write_row(row as u32, 0, *cells).unwrap();
    }
    book.save(xlsx).unwrap();
}

#[test]
fn a_workbook_with_the_rules_attributes_imports() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("vung-4.xlsx");
    attributes_workbook(&bad, true);
    let found = sheet_problems(&bad);
    assert_eq!(found.len(), 2, "{found:?}");
    assert_eq!(
        found[0].to_string(),
        "units, row 4, column \"school_zone\": \"4\" is not a whole number from 1 to 3"
    );
    assert!(
        found[1]
            .to_string()
            .starts_with("positions, row 4, column \"employment\": \"hợp đồng\" is not one of"),
        "{}",
        found[1]
    );

    let good = dir.path().join("thuoc-tinh.xlsx");
    attributes_workbook(&good, false);
    let plan = import_path(&good).unwrap();
    assert_eq!(plan.meta.province_class, Some(ProvinceClass::III));
    assert_eq!(plan.meta.judged_at, CivilDate::new(2026, 7, 1));
    let unit = plan.unit("th").unwrap();
    assert_eq!(unit.autonomy_group, Some(AutonomyGroup::Group4));
    assert_eq!(unit.school_zone, Some(1));
    assert_eq!(unit.drivers.classes, Some(20));
    assert_eq!(unit.drivers.pupils, Some(610));
    assert_eq!(unit.drivers.two_sessions_a_day, Some(true));
    assert_eq!(unit.drivers.area_km2, Some(12.5));
    assert_eq!(plan.position("ht").unwrap().role, Some(LeaderRole::Head));
    assert_eq!(plan.position("ht").unwrap().employment, None);
    assert_eq!(
        plan.position("bv").unwrap().employment,
        Some(Employment::Contract)
    );
    // The basis goes out as its keyword and comes back the same.
    let csv = dir.path().join("csv");
    export_dir(&plan, &csv).unwrap();
    let positions = fs::read_to_string(csv.join("positions.csv")).unwrap();
    assert!(positions.contains(",contract\n"), "{positions}");
    assert_eq!(import_dir(&csv).unwrap(), plan);
    assert_eq!(
        plan.position("gv").unwrap().steps,
        [
            StepCount { step: 4, count: 10 },
            StepCount { step: 3, count: 20 }
        ]
    );
}

#[test]
fn the_app_imports_a_workbook() {
    let plan = sample_with_descriptions(&BUNDLED[1]);
    let dir = tempfile::tempdir().unwrap();
    let csv_dir = dir.path().join("csv");
    export_dir(&plan, &csv_dir).unwrap();
    let xlsx = dir.path().join("plan.xlsx");
    csv_folder_to_workbook(&csv_dir, &xlsx, true);
    let mut state = AppState::new(Document::new(Plan::default(), None), Preferences::default());
    files::import_path(&mut state, &xlsx);
    assert!(state.dialog.is_none(), "no problems shown");
    assert_eq!(state.document.plan(), &plan);
    assert!(
        state.document.is_dirty(),
        "the imported plan is not saved yet"
    );
}

/// Answers the workbook dialog with one path; any other dialog fails the test.
struct WorkbookDialog(std::path::PathBuf);

impl files::FileDialogs for WorkbookDialog {
    fn pick_file(
        &mut self,
        title: &str,
        _folder: Option<&Path>,
        filter: files::FileFilter,
    ) -> files::Picked {
        assert_eq!(title, "Chọn tệp Excel để nhập");
        assert_eq!(filter, files::WORKBOOK_FILES);
        files::Picked::Path(self.0.clone())
    }

    fn pick_save(
        &mut self,
        title: &str,
        _: Option<&Path>,
        _: &str,
        _: files::FileFilter,
    ) -> files::Picked {
        panic!("save dialog opened: {title}")
    }

    fn pick_folder(&mut self, title: &str, _folder: Option<&Path>) -> files::Picked {
        panic!("folder dialog opened: {title}")
    }
}

#[test]
fn the_import_workbook_command_asks_for_a_workbook_and_imports_it() {
    let plan = sample_with_descriptions(&BUNDLED[2]);
    let dir = tempfile::tempdir().unwrap();
    let csv_dir = dir.path().join("csv");
    export_dir(&plan, &csv_dir).unwrap();
    let xlsx = dir.path().join("plan.xlsx");
    csv_folder_to_workbook(&csv_dir, &xlsx, true);
    let mut state = AppState::new(Document::new(Plan::default(), None), Preferences::default());
    state.files = files::Files::new(Box::new(WorkbookDialog(xlsx)), None);
    commands::handle(&mut state, commands::Command::ImportWorkbook);
    assert!(state.dialog.is_none(), "no problems shown");
    assert_eq!(state.document.plan(), &plan);
}
