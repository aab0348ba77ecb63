//! A plan written into the workbook template's layout (`vtvl export-xlsx`, *Tệp > Xuất ra mẫu
//! Excel...*) and read back: the same plan for every sample, through LibreOffice too; and a
//! workbook filled with Vietnamese words and Vietnamese-written numbers reads as the coded one.

use std::collections::HashSet;
use std::path::{Path, PathBuf};
use std::process::Command;

use calamine::{Data, DataType, Reader, open_workbook_auto};
use rust_xlsxwriter::Workbook;
use unicode_normalization::UnicodeNormalization;
use vtvl::format::{read_number, vi_number};
use vtvl::interchange::{
    Problem, columns, export_dir, import_dir, import_path, write_plan_workbook,
};
use vtvl::language::{Language, Localized as _};
use vtvl::model::{Category, CompetencyGroup, Plan, Requirement, WorkItem, WorkSection};
use vtvl::plan_file::BUNDLED;

/// A sample plan with what the samples may lack: a job description with every kind of row, a
/// proposal, and staff with their full names.
fn sample(index: usize) -> Plan {
    let mut plan = BUNDLED[index].load().unwrap();
    plan.review = None;
    // Scenarios of the projection are kept in the plan file only.
    plan.scenarios = Default::default();
    let position = &mut plan.positions[0];
    position.job_description.purpose = "Tham mưu tổng hợp.\nGiúp việc lãnh đạo.".into();
    position.job_description.work_items.push(WorkItem {
        section: WorkSection::Support,
        step: String::new(),
        content: "Lưu trữ hồ sơ".into(),
        output: "Hồ sơ".into(),
        criterion: String::new(),
    });
    position
        .job_description
        .competencies
        .push(vtvl::model::Competency {
            group: CompetencyGroup::General,
            name: "Giao tiếp".into(),
            level: 3,
            step: String::new(),
        });
    // A requirement group spelt like a competency group keyword stays free text.
    position.job_description.requirements.push(Requirement {
        group: "general".into(),
        detail: "Đại học".into(),
    });
    for (i, member) in plan.staff.iter_mut().enumerate().take(3) {
        member
            .personal
            .insert("full_name".into(), format!("Nguyễn Văn Số{i}"));
    }
    plan
}

fn export(plan: &Plan, path: &Path) -> PathBuf {
    write_plan_workbook(plan, path).unwrap();
    path.to_owned()
}

#[test]
fn every_sample_plan_goes_out_to_the_template_and_back_the_same() {
    let dir = tempfile::tempdir().unwrap();
    for (index, bundled) in BUNDLED.iter().enumerate() {
        let plan = sample(index);
        let xlsx = export(&plan, &dir.path().join(format!("{index}.xlsx")));
        let back = import_path(&xlsx).unwrap_or_else(|e| panic!("{}: {e}", bundled.file));
        assert_eq!(back, plan, "{}", bundled.file);
    }
}

fn rows(xlsx: &Path, sheet: &str) -> Vec<Vec<Data>> {
    let mut book = open_workbook_auto(xlsx).unwrap();
    let range = book.worksheet_range(sheet).unwrap();
    range.rows().map(<[Data]>::to_vec).collect()
}

fn column(rows: &[Vec<Data>], name: &str) -> usize {
    rows[0]
        .iter()
        .position(|c| c.get_string() == Some(name))
        .unwrap_or_else(|| panic!("no column {name}"))
}

#[test]
fn keyword_cells_hold_labels_and_numbers_are_numeric() {
    let dir = tempfile::tempdir().unwrap();
    let plan = sample(0);
    let xlsx = export(&plan, &dir.path().join("mau.xlsx"));
    let positions = rows(&xlsx, "positions");
    let category = column(&positions, "category");
    let first = &plan.positions[0];
    assert_eq!(
        positions[2][category].to_string(),
        first.category.label_vi()
    );
    assert_ne!(first.category.label_vi(), first.category.keyword());
    let method = column(&positions, "method");
    assert_eq!(positions[2][method].to_string(), first.method.label_vi());
    let count = column(&positions, "count");
    assert!(
        matches!(positions[2][count], Data::Float(_) | Data::Int(_)),
        "{:?}",
        positions[2][count]
    );
    let duties = rows(&xlsx, "duties");
    let volume = column(&duties, "volume");
    assert!(
        duties[2..]
            .iter()
            .any(|r| matches!(r[volume], Data::Float(_)))
    );
    // Every keyword cell holds a label: no keyword of the categories is left.
    let keywords: HashSet<&str> = Category::ALL.iter().map(|c| c.keyword()).collect();
    assert!(
        positions[2..]
            .iter()
            .all(|r| !keywords.contains(r[category].to_string().as_str()))
    );
    // The full names sit in "Họ và tên".
    let staff = rows(&xlsx, "staff");
    let name = column(&staff, "full_name");
    assert_eq!(staff[1][name].to_string(), "Họ và tên");
    assert_eq!(staff[2][name].to_string(), "Nguyễn Văn Số0");
}

/// A number as a Vietnamese planner types it: `.` between thousands, `,` before decimals.
fn typed_vietnamese(value: f64) -> Option<String> {
    let text = vi_number(value, 12).replace('\u{2212}', "-");
    (read_number(&text) == Ok(value)).then_some(text)
}

/// Rewrites an exported workbook as a planner would fill it by hand: every label in capitals,
/// decomposed (NFD) and padded with spaces, every number but the year typed as Vietnamese text
/// where that reads back unambiguously. Returns how many labels and numbers were rewritten.
fn retype_in_vietnamese(from: &Path, to: &Path) -> (usize, Vec<String>) {
    let lists = rows(from, "lists");
    let labels: HashSet<String> = lists
        .iter()
        .skip(1)
        .flatten()
        .map(ToString::to_string)
        .filter(|t| !t.is_empty())
        .collect();
    let mut book = Workbook::new();
    let mut words = 0;
    let mut numbers = Vec::new();
    for spec in &columns::ALL {
        let sheet = book.add_worksheet();
        sheet.set_name(spec.name).unwrap();
        for (r, row) in rows(from, spec.name).iter().enumerate() {
            for (c, cell) in row.iter().enumerate() {
                let (r, c) = (r as u32, c as u16);
                match cell {
                    Data::String(text) if r >= 2 && labels.contains(text) => {
                        let upper: String = text.to_uppercase().nfd().collect();
                        sheet.write_string(r, c, format!("  {upper} ")).unwrap();
                        words += 1;
                    }
                    Data::String(text) => {
                        sheet.write_string(r, c, text).unwrap();
                    }
                    // A year is typed without a thousands dot.
                    Data::Float(value) if spec.name == "settings" => {
                        sheet.write_number(r, c, *value).unwrap();
                    }
                    Data::Float(value) => match typed_vietnamese(*value) {
                        Some(text) => {
                            sheet.write_string(r, c, &text).unwrap();
                            numbers.push(text);
                        }
                        None => {
                            sheet.write_number(r, c, *value).unwrap();
                        }
                    },
                    Data::Empty => {}
                    other => panic!("unexpected cell {other:?}"),
                }
            }
        }
    }
    book.save(to).unwrap();
    (words, numbers)
}

#[test]
fn vietnamese_words_and_numbers_read_as_the_coded_workbook() {
    let dir = tempfile::tempdir().unwrap();
    for (index, bundled) in BUNDLED.iter().enumerate() {
        let plan = sample(index);
        // The coded form: keywords and plain numbers, as the CSV folder holds them.
        let csv = dir.path().join(format!("csv-{index}"));
        export_dir(&plan, &csv).unwrap();
        let coded = import_dir(&csv).unwrap();
        assert_eq!(coded, plan);

        let exported = export(&plan, &dir.path().join(format!("{index}.xlsx")));
        let typed = dir.path().join(format!("typed-{index}.xlsx"));
        let (words, numbers) = retype_in_vietnamese(&exported, &typed);
        assert!(words >= plan.positions.len() * 2, "{words} words retyped");
        let from_words = import_path(&typed).unwrap_or_else(|e| panic!("{index}: {e}"));
        assert_eq!(from_words, coded, "{}", bundled.file);
        if index == 0 {
            assert!(!numbers.is_empty());
        }
    }
}

#[test]
fn thousands_and_decimal_commas_typed_as_text_are_read() {
    let dir = tempfile::tempdir().unwrap();
    let mut plan = sample(0);
    let position = plan
        .positions
        .iter_mut()
        .find(|p| {
            p.components
                .iter()
                .any(|c| matches!(c.kind, vtvl::model::ComponentKind::Service { .. }))
        })
        .unwrap();
    for component in &mut position.components {
        if let vtvl::model::ComponentKind::Service {
            volume,
            coefficient,
            ..
        } = &mut component.kind
        {
            *volume = 2400.0;
            *coefficient = 0.5;
        }
    }
    let exported = export(&plan, &dir.path().join("mau.xlsx"));
    let typed = dir.path().join("typed.xlsx");
    let (_, numbers) = retype_in_vietnamese(&exported, &typed);
    assert!(numbers.contains(&"2.400".to_owned()), "{numbers:?}");
    assert!(numbers.contains(&"0,5".to_owned()), "{numbers:?}");
    assert_eq!(import_path(&typed).unwrap(), plan);
}

#[test]
fn a_wrong_word_is_named_by_sheet_row_and_column_with_the_words_accepted() {
    let dir = tempfile::tempdir().unwrap();
    let plan = sample(0);
    let exported = export(&plan, &dir.path().join("mau.xlsx"));
    // The first duty's period or kind becomes a word no list has.
    let mut book = Workbook::new();
    for spec in &columns::ALL {
        let sheet = book.add_worksheet();
        sheet.set_name(spec.name).unwrap();
        for (r, row) in rows(&exported, spec.name).iter().enumerate() {
            for (c, cell) in row.iter().enumerate() {
                let wrong =
                    spec.name == "positions" && r == 2 && rows_name(&exported, c) == "method";
                match cell {
                    _ if wrong => {
                        sheet.write_string(r as u32, c as u16, "theo tuần").unwrap();
                    }
                    Data::Float(v) => {
                        sheet.write_number(r as u32, c as u16, *v).unwrap();
                    }
                    Data::Empty => {}
                    other => {
                        sheet
                            .write_string(r as u32, c as u16, other.to_string())
                            .unwrap();
                    }
                }
            }
        }
    }
    let bad = dir.path().join("bad.xlsx");
    book.save(&bad).unwrap();
    let problems: Vec<Problem> = import_path(&bad).unwrap_err().problems().to_vec();
    assert_eq!(problems.len(), 1, "{problems:?}");
    let problem = &problems[0];
    assert_eq!(
        (problem.file(), problem.line(), problem.column()),
        ("positions", Some(3), Some("method"))
    );
    let text = problem.message(Language::Vietnamese);
    assert!(
        text.contains(
            "\"Theo khối lượng công việc\" (workload), \"Cố định theo quy định\" (fixed)"
        ),
        "{text}"
    );
}

fn rows_name(xlsx: &Path, col: usize) -> String {
    rows(xlsx, "positions")[0]
        .get(col)
        .map(ToString::to_string)
        .unwrap_or_default()
}

/// The LibreOffice program, when installed.
fn libreoffice() -> Option<PathBuf> {
    let paths = std::env::var_os("PATH")?;
    std::env::split_paths(&paths)
        .flat_map(|dir| [dir.join("libreoffice"), dir.join("soffice")])
        .find(|path| path.is_file())
}

/// Converts `files` with LibreOffice into `format` (`xlsx`, `ods`) in `out`: the files as
/// LibreOffice saves them.
fn convert(program: &Path, files: &[PathBuf], format: &str, out: &Path) {
    let profile = out.join("profile");
    let status = Command::new(program)
        .arg(format!(
            "-env:UserInstallation=file://{}",
            profile.display()
        ))
        .args(["--headless", "--convert-to", format, "--outdir"])
        .arg(out)
        .args(files)
        .status()
        .expect("run LibreOffice");
    assert!(status.success(), "LibreOffice failed: {status}");
}

/// Through LibreOffice: the exported workbook, saved again as `.xlsx` and as `.ods`, imports to
/// the same plan. Skipped without LibreOffice, unless `VTVL_REQUIRE_LIBREOFFICE=1` (the checks
/// script sets it), when its absence fails the test.
#[test]
fn the_exported_workbook_saved_by_libreoffice_imports_to_the_same_plan() {
    let Some(program) = libreoffice() else {
        assert!(
            std::env::var("VTVL_REQUIRE_LIBREOFFICE").as_deref() != Ok("1"),
            "VTVL_REQUIRE_LIBREOFFICE=1 but neither libreoffice nor soffice is on PATH"
        );
        eprintln!("LibreOffice not found: round trip through it skipped");
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let exported_dir = dir.path().join("exported");
    std::fs::create_dir(&exported_dir).unwrap();
    let plans: Vec<Plan> = (0..BUNDLED.len()).map(sample).collect();
    let files: Vec<PathBuf> = plans
        .iter()
        .enumerate()
        .map(|(i, plan)| export(plan, &exported_dir.join(format!("mau-{i}.xlsx"))))
        .collect();
    for format in ["xlsx", "ods"] {
        let out = dir.path().join(format);
        std::fs::create_dir(&out).unwrap();
        convert(&program, &files, format, &out);
        for (i, plan) in plans.iter().enumerate() {
            let saved = out.join(format!("mau-{i}.{format}"));
            assert!(saved.exists(), "{} written", saved.display());
            let back = import_path(&saved).unwrap_or_else(|e| panic!("{}: {e}", saved.display()));
            assert_eq!(&back, plan, "{} through LibreOffice", BUNDLED[i].file);
        }
    }
}
