//! Strict reading: what would silently change a plan is refused at its place, with the right
//! name suggested (issue 12's examples, one by one).

use std::fs;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};

use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};
use vtvl::interchange::{Problem, import_path};
use vtvl::language::{Language, Localized};

const SAMPLE: &str = "sample-orgs/trung-tam-y-te-huyen";

/// A copy of the health-centre sample folder, to break one thing in.
fn sample_copy() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let copy = dir.path().join("plan");
    fs::create_dir(&copy).unwrap();
    for entry in fs::read_dir(SAMPLE).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "csv") {
            fs::copy(&path, copy.join(path.file_name().unwrap())).unwrap();
        }
    }
    (dir, copy)
}

fn problems(path: &Path) -> Vec<Problem> {
    match import_path(path) {
        Ok(_) => panic!("expected problems"),
        Err(error) => error.problems().to_vec(),
    }
}

fn messages(path: &Path) -> Vec<String> {
    problems(path).iter().map(ToString::to_string).collect()
}

#[test]
fn the_sample_still_imports() {
    let (_dir, copy) = sample_copy();
    import_path(&copy).expect("the sample folder imports");
}

#[test]
fn a_misspelt_settings_key_is_an_error_suggesting_the_key() {
    let (_dir, copy) = sample_copy();
    let settings = fs::read_to_string(copy.join("settings.csv")).unwrap();
    assert!(settings.contains("rounding,"));
    fs::write(
        copy.join("settings.csv"),
        settings.replace("rounding,", "rouding,"),
    )
    .unwrap();
    let found = messages(&copy);
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(
        found[0].starts_with("settings.csv:")
            && found[0]
                .contains("column \"key\": unknown key \"rouding\"; did you mean \"rounding\"?"),
        "{found:?}"
    );
}

#[test]
fn a_table_file_named_otherwise_is_an_error_naming_the_table() {
    for stray in ["Duties.csv", "cong-viec.csv", "dutes.csv"] {
        let (_dir, copy) = sample_copy();
        fs::rename(copy.join("duties.csv"), copy.join(stray)).unwrap();
        let found = problems(&copy);
        assert_eq!(found[0].file(), stray);
        assert!(
            found[0].to_string().contains("rename it duties.csv"),
            "{found:?}"
        );
    }
    // A file unlike any table is left alone.
    let (_dir, copy) = sample_copy();
    fs::write(copy.join("ghi-chu.csv"), "a\n1\n").unwrap();
    import_path(&copy).expect("unrelated files are ignored");
}

#[test]
fn units_without_parent_id_are_refused_not_flattened() {
    let (_dir, copy) = sample_copy();
    let units = fs::read_to_string(copy.join("units.csv")).unwrap();
    let mut lines = units.lines();
    let header: Vec<&str> = lines.next().unwrap().split(',').collect();
    let parent = header.iter().position(|c| *c == "parent_id").unwrap();
    let drop = |line: &str| {
        let mut cells: Vec<&str> = line.split(',').collect();
        cells.remove(parent);
        cells.join(",")
    };
    let text: Vec<String> = units.lines().map(drop).collect();
    fs::write(copy.join("units.csv"), text.join("\n")).unwrap();
    let found = messages(&copy);
    assert!(
        found.contains(&"units.csv: required column \"parent_id\" is missing".to_owned()),
        "{found:?}"
    );
}

#[test]
fn a_row_shorter_than_its_header_is_an_error_with_its_line() {
    let (_dir, copy) = sample_copy();
    let mut staff = fs::read_to_string(copy.join("staff.csv")).unwrap();
    let line = staff.lines().count() + 1;
    staff.push_str("nv-ngan,ttyt\n");
    fs::write(copy.join("staff.csv"), staff).unwrap();
    let found = problems(&copy);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(
        (found[0].file(), found[0].line()),
        ("staff.csv", Some(line as u64))
    );
    assert!(
        found[0].to_string().contains("the row has 2 cells"),
        "{found:?}"
    );
}

#[test]
fn invisible_characters_in_ids_are_refused_at_their_cell() {
    for invisible in ['\u{FEFF}', '\u{200B}'] {
        let (_dir, copy) = sample_copy();
        let positions = fs::read_to_string(copy.join("positions.csv")).unwrap();
        let mut lines: Vec<String> = positions.lines().map(str::to_owned).collect();
        let (id, rest) = lines[1].split_once(',').unwrap();
        let id = format!("{}{invisible}{}", &id[..2], &id[2..]);
        lines[1] = format!("{id},{rest}");
        fs::write(copy.join("positions.csv"), lines.join("\n")).unwrap();
        let found = problems(&copy);
        let located = found
            .iter()
            .find(|p| p.column() == Some("id"))
            .expect("at the id");
        assert_eq!((located.file(), located.line()), ("positions.csv", Some(2)));
        assert!(
            located
                .to_string()
                .contains(&format!("U+{:04X}", u32::from(invisible))),
            "{found:?}"
        );
    }
}

/// The sample folder as a workbook, one sheet per file; `edit` changes it before saving.
fn sample_workbook(path: &Path, edit: impl FnOnce(&mut Workbook)) {
    let (_dir, copy) = sample_copy();
    let mut book = Workbook::new();
    let mut files: Vec<PathBuf> = fs::read_dir(&copy)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    for file in files {
        let name = file.file_stem().unwrap().to_str().unwrap().to_owned();
        let sheet = book.add_worksheet();
        sheet.set_name(&name).unwrap();
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .from_path(&file)
            .unwrap();
        for (row, record) in reader.records().enumerate() {
            for (col, text) in record.unwrap().iter().enumerate() {
                match text.parse::<f64>() {
                    Ok(value) if format!("{value}") == text => {
                        sheet.write_number(row as u32, col as u16, value).unwrap();
                    }
                    _ => {
                        sheet.write_string(row as u32, col as u16, text).unwrap();
                    }
                }
            }
        }
    }
    edit(&mut book);
    book.save(path).unwrap();
}

/// The column index of `name` in the sample's `table`.
fn column_of(table: &str, name: &str) -> u16 {
    let text = fs::read_to_string(Path::new(SAMPLE).join(format!("{table}.csv"))).unwrap();
    let header = text.lines().next().unwrap();
    header.split(',').position(|c| c == name).unwrap() as u16
}

#[test]
fn the_sample_workbook_imports() {
    let dir = tempfile::tempdir().unwrap();
    let xlsx = dir.path().join("w.xlsx");
    sample_workbook(&xlsx, |_| {});
    import_path(&xlsx).expect("imports");
}

#[test]
fn a_sheet_named_otherwise_is_an_error_naming_the_table() {
    for name in ["Duties", "Công việc"] {
        let dir = tempfile::tempdir().unwrap();
        let xlsx = dir.path().join("w.xlsx");
        sample_workbook(&xlsx, |book| {
            book.worksheet_from_name("duties")
                .unwrap()
                .set_name(name)
                .unwrap();
        });
        let found = problems(&xlsx);
        assert_eq!(found[0].file(), name);
        assert!(
            found[0].to_string().contains("rename it \"duties\""),
            "{found:?}"
        );
    }
    // The template's lists sheet is no table and no problem.
    let dir = tempfile::tempdir().unwrap();
    let xlsx = dir.path().join("w.xlsx");
    sample_workbook(&xlsx, |book| {
        let lists = book.add_worksheet();
        lists.set_name("lists").unwrap();
        lists.set_hidden(true);
    });
    import_path(&xlsx).expect("a lists sheet is allowed");
}

#[test]
fn a_time_of_day_in_a_number_column_is_refused_at_its_cell() {
    let dir = tempfile::tempdir().unwrap();
    let xlsx = dir.path().join("w.xlsx");
    let column = column_of("calendars", "hours_per_day");
    sample_workbook(&xlsx, |book| {
        let sheet = book.worksheet_from_name("calendars").unwrap();
        let eight = ExcelDateTime::from_hms(8, 0, 0).unwrap();
        let format = Format::new().set_num_format("hh:mm");
        sheet
            .write_datetime_with_format(1, column, &eight, &format)
            .unwrap();
    });
    let found = problems(&xlsx);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(
        (found[0].file(), found[0].line(), found[0].column()),
        ("calendars", Some(2), Some("hours_per_day"))
    );
    assert!(found[0].to_string().contains("08:00"), "{found:?}");
}

/// Rewrites one part of the workbook's zip with `edit`.
fn edit_part(xlsx: &Path, part: &str, edit: impl Fn(String) -> String) {
    let mut archive = zip::ZipArchive::new(fs::File::open(xlsx).unwrap()).unwrap();
    let mut parts = Vec::new();
    for i in 0..archive.len() {
        let mut file = archive.by_index(i).unwrap();
        let mut bytes = Vec::new();
        file.read_to_end(&mut bytes).unwrap();
        parts.push((file.name().unwrap().to_string(), bytes));
    }
    let out = fs::File::create(xlsx).unwrap();
    let mut writer = zip::ZipWriter::new(out);
    for (name, bytes) in parts {
        writer
            .start_file(name.as_str(), zip::write::SimpleFileOptions::default())
            .unwrap();
        let bytes = if name == part {
            edit(String::from_utf8(bytes).unwrap()).into_bytes()
        } else {
            bytes
        };
        writer.write_all(&bytes).unwrap();
    }
    writer.finish().unwrap();
}

/// The zip part of a sheet, by its place among the sample's sorted files.
fn sheet_part(name: &str) -> String {
    let mut names: Vec<String> = fs::read_dir(SAMPLE)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "csv"))
        .map(|p| p.file_stem().unwrap().to_str().unwrap().to_owned())
        .collect();
    names.sort();
    let index = names.iter().position(|n| n == name).unwrap() + 1;
    format!("xl/worksheets/sheet{index}.xml")
}

#[test]
fn a_formula_without_a_computed_value_is_refused_at_its_cell() {
    let dir = tempfile::tempdir().unwrap();
    let xlsx = dir.path().join("w.xlsx");
    let column = column_of("positions", "count");
    sample_workbook(&xlsx, |book| {
        let sheet = book.worksheet_from_name("positions").unwrap();
        sheet.write_formula(1, column, "=1+0").unwrap();
    });
    // rust_xlsxwriter stores 0 as the value; a workbook saved by a generator without a
    // calculation engine has none.
    edit_part(&xlsx, &sheet_part("positions"), |xml| {
        xml.replace("<f>1+0</f><v>0</v>", "<f>1+0</f>")
    });
    let found = problems(&xlsx);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(
        (found[0].file(), found[0].line(), found[0].column()),
        ("positions", Some(2), Some("count"))
    );
    assert_eq!(
        found[0].to_string(),
        "positions, row 2, column \"count\": the formula =1+0 has no computed value; open the \
         workbook in a spreadsheet program and save it, or type the value"
    );
    assert_eq!(
        found[0].message(Language::Vietnamese),
        "positions, dòng 2, cột \"count\": công thức =1+0 chưa có giá trị tính sẵn; hãy mở sổ \
         tính bằng chương trình bảng tính rồi lưu lại, hoặc gõ giá trị"
    );
}

#[test]
fn a_cell_at_the_far_corner_is_refused_without_allocating_the_sheet() {
    let dir = tempfile::tempdir().unwrap();
    let xlsx = dir.path().join("w.xlsx");
    sample_workbook(&xlsx, |book| {
        let sheet = book.worksheet_from_name("staff").unwrap();
        sheet.write_string(1_048_575, 16_383, "x").unwrap();
    });
    let found = problems(&xlsx);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(
        (found[0].file(), found[0].line(), found[0].column()),
        ("staff", Some(1_048_576), Some("XFD"))
    );
    assert!(
        found[0]
            .to_string()
            .contains("a filled cell beyond the table's area (at most 256 columns)"),
        "{found:?}"
    );
}

#[test]
fn a_text_longer_than_a_cell_is_refused_at_its_cell() {
    let dir = tempfile::tempdir().unwrap();
    let xlsx = dir.path().join("w.xlsx");
    let column = column_of("units", "name");
    sample_workbook(&xlsx, |book| {
        let sheet = book.worksheet_from_name("units").unwrap();
        // rust_xlsxwriter refuses to write more than a cell holds: write the limit, then
        // lengthen it in the XML.
        sheet.write_string(1, column, "a".repeat(32_767)).unwrap();
    });
    edit_part(&xlsx, "xl/sharedStrings.xml", |xml| {
        xml.replace(&"a".repeat(32_767), &"a".repeat(40_000))
    });
    // Measured in the workbook's XML before it is read: the cell by its letters.
    let found = problems(&xlsx);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(
        (found[0].file(), found[0].line(), found[0].column()),
        ("units", Some(2), Some("C"))
    );
    assert_eq!(
        found[0].to_string(),
        "units, row 2, column \"C\": the text has 40,000 characters; a cell holds at most 32,767"
    );
    assert_eq!(
        found[0].message(Language::Vietnamese),
        "units, dòng 2, cột \"C\": văn bản dài 40.000 ký tự; một ô chứa tối đa 32.767"
    );

    // The same in the cell itself (an inline string), longer still.
    let dir = tempfile::tempdir().unwrap();
    let xlsx = dir.path().join("w.xlsx");
    sample_workbook(&xlsx, |_| {});
    edit_part(&xlsx, &sheet_part("staff"), |xml| {
        let at = xml.find("<c r=\"F2\"").expect("a full name at F2");
        let end = at + xml[at..].find("</c>").unwrap() + 4;
        let long = "ệ".repeat(2_000_000);
        let cell = format!("<c r=\"F2\" t=\"inlineStr\"><is><t>{long}</t></is></c>");
        format!("{}{cell}{}", &xml[..at], &xml[end..])
    });
    let found = problems(&xlsx);
    assert_eq!(
        (found[0].file(), found[0].line(), found[0].column()),
        ("staff", Some(2), Some("F"))
    );
    assert!(
        found[0]
            .to_string()
            .ends_with("the text has 2,000,000 characters; a cell holds at most 32,767"),
        "{found:?}"
    );
}
