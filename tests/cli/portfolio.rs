//! `vtvl portfolio`: a folder of the sample plans, generated agencies and a broken file gives
//! one row per plan equal to the plan's own `vtvl compute` and `vtvl check`, the broken file as
//! its row, exit 3, and a consolidated workbook whose totals are the portfolio's.

use std::collections::HashMap;
use std::path::Path;

use serde_json::Value;

use crate::workdir::*;

/// The samples, 10 generated agencies under `gen/`, and a broken file under `sub/`.
fn portfolio(wd: &Workdir) -> std::path::PathBuf {
    let dir = wd.path("tinh");
    let samples = Path::new(env!("CARGO_MANIFEST_DIR")).join("plans");
    for entry in std::fs::read_dir(samples).expect("plans") {
        let path = entry.expect("entry").path();
        let name = path.file_name().expect("name").to_str().expect("utf-8");
        wd.write(
            &format!("tinh/{name}"),
            &std::fs::read_to_string(&path).expect("read"),
        );
    }
    let generated = dir.join("gen");
    let out = wd.run(&[
        "generate",
        "--portfolio",
        s(&generated),
        "--agencies",
        "10",
        "--seed",
        "4",
    ]);
    assert_ok(&out);
    wd.write("tinh/sub/hong.ron", "(format_version: 2, meta: (name: ");
    dir
}

fn json(text: &str) -> Value {
    serde_json::from_str(text).expect("json")
}

/// The quotas of the units no unit above has a quota for, from `vtvl compute`'s units.
fn topmost_quota(units: &[Value]) -> Option<u64> {
    let by_id: HashMap<&str, &Value> = units
        .iter()
        .map(|u| (u["id"].as_str().expect("id"), u))
        .collect();
    let mut total = None;
    for unit in units {
        let Some(quota) = unit["quota"].as_u64() else {
            continue;
        };
        let mut above = unit["parent_id"].as_str();
        let mut covered = false;
        while let Some(parent) = above.and_then(|id| by_id.get(id)) {
            if parent["quota"].as_u64().is_some() {
                covered = true;
                break;
            }
            above = parent["parent_id"].as_str();
        }
        if !covered {
            total = Some(total.unwrap_or(0) + quota);
        }
    }
    total
}

#[test]
fn each_row_is_the_plans_own_compute_and_check_and_a_broken_file_is_its_row() {
    let wd = Workdir::new();
    let dir = portfolio(&wd);
    let out = wd.run(&["--lang", "en", "portfolio", s(&dir), "--format", "json"]);
    assert_eq!(out.status.code(), Some(3), "{}", stderr(&out));
    let report = json(&stdout(&out));
    let rows = report["plans"].as_array().expect("plans");
    assert_eq!(rows.len(), 5 + 10 + 1);
    let keys = [
        "file",
        "agency",
        "quota",
        "current",
        "required",
        "proposed",
        "appraised",
        "errors",
        "warnings",
    ];
    let (mut required, mut proposed, mut warnings) = (0, 0, 0);
    for row in rows {
        let file = row["file"].as_str().expect("file");
        if file == "sub/hong.ron" {
            let error = row["error"].as_str().expect("the broken file's error");
            assert!(error.contains("hong.ron:"), "{error}");
            assert!(row["required"].is_null() && row["agency"].is_null());
            continue;
        }
        let object = row.as_object().expect("object");
        assert_eq!(
            object.keys().map(String::as_str).collect::<Vec<_>>().len(),
            keys.len(),
            "{row}"
        );
        assert!(keys.iter().all(|k| object.contains_key(*k)), "{row}");
        let path = dir.join(file);
        let compute = wd.run(&["compute", s(&path), "--format", "json"]);
        assert_ok(&compute);
        let compute = json(&stdout(&compute));
        let total = &compute["total"];
        for key in ["required", "proposed", "appraised"] {
            assert_eq!(row[key], total[key], "{file} {key}");
        }
        let current = row["current"].as_f64().expect("current");
        assert!((current - total["current"].as_f64().expect("current")).abs() < 1e-9);
        assert_eq!(
            row["quota"].as_u64(),
            topmost_quota(compute["units"].as_array().expect("units")),
            "{file}"
        );
        let check = wd.run(&["check", s(&path), "--format", "json"]);
        let findings = json(&stdout(&check));
        let count = |severity: &str| {
            findings
                .as_array()
                .expect("findings")
                .iter()
                .filter(|f| f["severity"] == severity)
                .count() as u64
        };
        assert_eq!(row["errors"].as_u64(), Some(count("error")), "{file}");
        assert_eq!(row["warnings"].as_u64(), Some(count("warning")), "{file}");
        required += row["required"].as_i64().expect("required");
        proposed += row["proposed"].as_i64().expect("proposed");
        warnings += row["warnings"].as_i64().expect("warnings");
    }
    let total = &report["total"];
    assert_eq!(total["plans"], 15);
    assert_eq!(total["unreadable"], 1);
    assert_eq!(total["required"].as_i64(), Some(required));
    assert_eq!(total["proposed"].as_i64(), Some(proposed));
    assert_eq!(total["warnings"].as_i64(), Some(warnings));
    // The appraised commune sample is the only appraised plan.
    assert_eq!(total["appraised"].as_i64(), Some(37));
    let by_type: i64 = report["by_unit_type"]
        .as_array()
        .expect("by type")
        .iter()
        .map(|t| t["required"].as_i64().expect("required"))
        .sum();
    assert_eq!(by_type, required);
    let bases = &report["by_employment"];
    let by_basis: i64 = ["civil_servant", "public_employee", "contract"]
        .iter()
        .map(|b| bases[*b]["required"].as_i64().expect("required"))
        .sum();
    assert_eq!(by_basis, required);
}

#[test]
fn a_folder_of_valid_plans_exits_0_and_csv_and_table_list_every_plan() {
    let wd = Workdir::new();
    let dir = wd.path("gen");
    assert_ok(&wd.run(&[
        "generate",
        "--portfolio",
        s(&dir),
        "--agencies",
        "6",
        "--seed",
        "2",
    ]));
    let out = wd.run(&["portfolio", s(&dir), "--format", "csv"]);
    assert_ok(&out);
    let csv = stdout(&out);
    let mut lines = csv.lines();
    assert_eq!(
        lines.next(),
        Some("file,agency,quota,current,required,proposed,appraised,errors,warnings,error")
    );
    assert_eq!(lines.count(), 6);
    assert!(csv.contains("so/so-0000.ron,Sở Tài chính,"), "{csv}");
    let table = stdout(&wd.run(&["portfolio", s(&dir)]));
    assert!(table.contains("TỔNG CỘNG"), "{table}");
    assert!(table.contains("xa/xa-0001.ron"), "{table}");
}

#[test]
fn a_missing_folder_is_invalid_input_naming_it() {
    let wd = Workdir::new();
    let err = assert_invalid(&wd.run(&["--lang", "en", "portfolio", "khong-co"]));
    assert!(err.contains("khong-co: not a folder"), "{err}");
}

#[test]
fn the_workbook_totals_are_the_portfolios() {
    use calamine::{Data, Reader, open_workbook_auto};
    let wd = Workdir::new();
    let dir = portfolio(&wd);
    let xlsx = wd.path("tinh.xlsx");
    let out = wd.run(&["portfolio", s(&dir), "--format", "json", "--xlsx", s(&xlsx)]);
    assert_eq!(out.status.code(), Some(3), "{}", stderr(&out));
    let total = json(&stdout(&out))["total"].clone();
    let mut book = open_workbook_auto(&xlsx).expect("open");
    let range = book
        .worksheet_range("Tổng hợp tỉnh")
        .expect("the consolidated sheet");
    let text = |row: u32, col: u32| match range.get_value((row, col)) {
        Some(Data::String(s)) => s.clone(),
        _ => String::new(),
    };
    let number = |row: u32, col: u32| match range.get_value((row, col)) {
        Some(Data::Float(f)) => *f,
        Some(Data::Int(i)) => *i as f64,
        other => panic!("no number at {row},{col}: {other:?}"),
    };
    assert_eq!(text(0, 3), "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
    let rows = range.height() as u32;
    let total_row = (0..rows)
        .find(|&r| text(r, 1) == "TỔNG CỘNG")
        .expect("a grand total row");
    assert_eq!(
        number(total_row, 2),
        total["quota"].as_f64().expect("quota")
    );
    assert_eq!(
        number(total_row, 3),
        total["current"].as_f64().expect("current")
    );
    assert_eq!(
        number(total_row, 4),
        total["proposed"].as_f64().expect("proposed")
    );
    assert_eq!(number(total_row, 5), 37.0);
    // The broken file is listed with its error.
    assert!((0..rows).any(|r| text(r, 1) == "sub/hong.ron" && text(r, 7).contains("hong.ron")));
    // The signature block follows the table.
    assert!((total_row..rows).any(|r| text(r, 0) == "NGƯỜI LẬP BIỂU"));
    // The grand total is a formula over the groups' rows.
    let formulas = book.worksheet_formula("Tổng hợp tỉnh").expect("formulas");
    let formula = formulas
        .get_value((total_row, 4))
        .cloned()
        .unwrap_or_default();
    assert!(
        formula.contains('+') || formula.contains("SUM"),
        "{formula}"
    );
}
