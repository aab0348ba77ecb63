//! `vtvl template` and `vtvl import` of a workbook: the template's sheets, a filled workbook
//! imported like the CSV folder, and bad cells named by sheet, row and column.

use calamine::{Reader, open_workbook_auto};
use rust_xlsxwriter::Workbook;
use vtvl::interchange::columns;

use crate::workdir::*;

/// Writes CSV texts into a workbook as a filled template: names in row 1, labels in row 2,
/// numbers as numbers.
fn workbook(path: &std::path::Path, tables: &[(&str, &str)]) {
    let mut book = Workbook::new();
    for (name, text) in tables {
        let spec = columns::ALL.iter().find(|t| t.name == *name).unwrap();
        let sheet = book.add_worksheet();
        sheet.set_name(*name).unwrap();
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .from_reader(text.as_bytes());
        let mut row = 0u32;
        for record in reader.records() {
            let record = record.unwrap();
            for (col, text) in record.iter().enumerate() {
                let col = col as u16;
                match text.parse::<f64>() {
                    Ok(value) if format!("{value}") == text => {
                        sheet.write_number(row, col, value).unwrap();
                    }
                    _ => {
                        sheet.write_string(row, col, text).unwrap();
                    }
                }
            }
            if row == 0 {
                row += 1;
                for (col, name) in record.iter().enumerate() {
                    let label = spec.label_vi(name).unwrap_or("Họ tên");
                    sheet.write_string(row, col as u16, label).unwrap();
                }
            }
            row += 1;
        }
    }
    book.save(path).unwrap();
}

const COMMUNE: [(&str, &str); 5] = [
    ("settings", SETTINGS),
    ("units", UNITS),
    ("positions", POSITIONS),
    ("duties", DUTIES),
    ("staff", STAFF),
];

#[test]
fn writes_an_empty_template_with_a_sheet_per_table() {
    let wd = Workdir::new();
    let out = wd.run(&["template", "--xlsx", "mau.xlsx"]);
    assert_ok(&out);
    let mut book = open_workbook_auto(wd.path("mau.xlsx")).unwrap();
    assert_eq!(
        book.sheet_names(),
        [
            "settings",
            "calendars",
            "units",
            "positions",
            "duties",
            "staff",
            "job_descriptions",
            "lists"
        ]
    );
    let positions = book.worksheet_range("positions").unwrap();
    assert_eq!(positions.get((0, 0)).unwrap().to_string(), "id");
    assert_eq!(
        positions.get((1, 2)).unwrap().to_string(),
        "Tên vị trí việc làm"
    );
}

#[test]
fn a_filled_workbook_imports_like_the_csv_folder() {
    let wd = Workdir::new();
    let from_folder = wd.plan();
    let xlsx = wd.path("xa.xlsx");
    workbook(&xlsx, &COMMUNE);
    let from_workbook = wd.path("xa.ron");
    assert_ok(&wd.run(&["import", s(&xlsx), "-o", s(&from_workbook)]));
    assert_eq!(
        std::fs::read_to_string(&from_folder).unwrap(),
        std::fs::read_to_string(&from_workbook).unwrap()
    );
}

#[test]
fn a_bad_cell_names_sheet_row_and_column() {
    let wd = Workdir::new();
    let xlsx = wd.path("bad.xlsx");
    let duties = DUTIES.replace("1200,90", "1200,ninety");
    let mut tables = COMMUNE;
    tables[3].1 = &duties;
    workbook(&xlsx, &tables);
    let err = assert_invalid(&wd.run(&["import", s(&xlsx), "-o", "x.ron"]));
    assert!(
        err.contains("duties, dòng 3, cột \"minutes_per_item\""),
        "{err}"
    );
    assert!(!wd.path("x.ron").exists(), "nothing is written on error");
}

/// Problems found after reading a workbook name the sheet, row and column, through the source
/// map the import keeps: a unit that does not exist and a duplicate id.
#[test]
fn problems_found_after_reading_name_sheet_row_and_column() {
    let wd = Workdir::new();
    let xlsx = wd.path("bad.xlsx");
    let positions = POSITIONS.replacen(",vp,", ",vp-khong-co,", 1);
    let units = format!("{UNITS}vp,ubnd,Văn phòng khác,van_phong_xa,\n");
    let mut tables = COMMUNE;
    tables[1].1 = &units;
    tables[2].1 = &positions;
    workbook(&xlsx, &tables);
    let import = ["import", s(&xlsx), "-o", "x.ron"];
    let vi = assert_invalid(&wd.run(&import));
    // Rows 1 and 2 of a sheet are the names and the labels: the second position is on row 4.
    assert!(
        vi.contains(
            "positions, dòng 4, cột \"unit_id\": đơn vị \"vp-khong-co\" không có trong sheet units"
        ),
        "{vi}"
    );
    assert!(
        vi.contains("units, dòng 5, cột \"id\": mã \"vp\" bị trùng, đã dùng ở units, dòng 4"),
        "{vi}"
    );
    let en = assert_invalid(&wd.run(&[&import[..], &["--lang", "en"]].concat()));
    assert!(
        en.contains(
            "positions, row 4, column \"unit_id\": unit \"vp-khong-co\" is not in sheet units"
        ),
        "{en}"
    );
    assert!(
        en.contains(
            "units, row 5, column \"id\": duplicate id \"vp\", already used in units, row 4"
        ),
        "{en}"
    );
    assert!(!wd.path("x.ron").exists());
}

#[test]
fn a_file_that_is_not_a_workbook_is_refused() {
    let wd = Workdir::new();
    wd.write("notes.txt", "x");
    let err = assert_invalid(&wd.run(&["import", "notes.txt", "-o", "x.ron"]));
    assert!(err.contains("notes.txt") && err.contains(".xlsx"), "{err}");
}
