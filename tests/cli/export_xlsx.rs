//! `vtvl export-xlsx`: a plan written into the template's layout imports to the same plan.

use calamine::{Reader, open_workbook_auto};

use crate::workdir::*;

#[test]
fn export_xlsx_then_import_gives_the_same_plan() {
    let wd = Workdir::new();
    let first = wd.plan();
    let xlsx = wd.path("mau.xlsx");
    assert_ok(&wd.run(&["export-xlsx", s(&first), "-o", s(&xlsx)]));
    let mut book = open_workbook_auto(&xlsx).unwrap();
    // The template's sheets, the drop-downs' lists last.
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
    // Row 3 holds the first position, its category by the label the app shows.
    let category = positions.get((2, 3)).unwrap().to_string();
    assert!(
        [
            "Lãnh đạo, quản lý",
            "Nghiệp vụ chuyên ngành",
            "Nghiệp vụ chuyên môn dùng chung",
            "Hỗ trợ, phục vụ"
        ]
        .contains(&category.as_str()),
        "{category}"
    );
    let second = wd.path("second.ron");
    assert_ok(&wd.run(&["import", s(&xlsx), "-o", s(&second)]));
    assert_eq!(
        std::fs::read_to_string(&first).unwrap(),
        std::fs::read_to_string(&second).unwrap()
    );
}

#[test]
fn a_missing_plan_is_refused() {
    let wd = Workdir::new();
    let out = wd.run(&[
        "export-xlsx",
        s(&wd.path("none.ron")),
        "-o",
        s(&wd.path("x.xlsx")),
    ]);
    assert_invalid(&out);
    assert!(!wd.path("x.xlsx").exists());
}
