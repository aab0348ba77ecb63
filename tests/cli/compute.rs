//! `vtvl compute`: table, JSON and CSV output, and exit codes.

use crate::workdir::*;

#[test]
fn json_matches_the_contract() {
    let wd = Workdir::new();
    let plan = wd.plan();
    let out = wd.run(&["compute", s(&plan), "--format", "json"]);
    assert_ok(&out);
    let json: serde_json::Value = serde_json::from_str(&stdout(&out)).expect("json");
    assert_eq!(json["rounding"], "nearest");
    let keys = |v: &serde_json::Value| {
        let mut k: Vec<String> = v.as_object().unwrap().keys().cloned().collect();
        k.sort();
        k
    };
    let mut expected = vec![
        "id",
        "unit_id",
        "name",
        "category",
        "method",
        "available_hours",
        "service_fte",
        "caf",
        "iaf",
        "norm_fte",
        "required_fte",
        "required",
        "current",
        "proposed",
        "appraised",
        "decision",
        "comment",
        "difference",
        "ratio",
    ];
    expected.sort();
    assert_eq!(keys(&json["positions"][0]), expected);
    let mut expected = vec![
        "id",
        "parent_id",
        "name",
        "quota",
        "required_fte",
        "required",
        "current",
        "proposed",
        "appraised",
        "difference",
        "ratio",
    ];
    expected.sort();
    assert_eq!(keys(&json["units"][0]), expected);
    let mut expected = vec![
        "required_fte",
        "required",
        "current",
        "proposed",
        "appraised",
        "difference",
        "ratio",
    ];
    expected.sort();
    assert_eq!(keys(&json["total"]), expected);

    // mot-cua: (1,800 h + 208 h) / 1,896 h / 0.9 + 60 min x 237/5 weeks / 1,896 h.
    let mot_cua = &json["positions"][1];
    assert_eq!(mot_cua["id"], "mot-cua");
    assert_eq!(mot_cua["category"], "specialized");
    assert_eq!(mot_cua["method"], "workload");
    let required_fte = 2008.0 / 1896.0 / 0.9 + 47.4 / 1896.0;
    assert!((mot_cua["required_fte"].as_f64().unwrap() - required_fte).abs() < 1e-12);
    assert_eq!(mot_cua["required"], 1);
    assert_eq!(mot_cua["current"], 1.0);
    // van-thu: norm 0 x 0.5 with min 1; nobody holds it; ratio 0 / 0 is null.
    let van_thu = &json["positions"][2];
    assert_eq!(van_thu["required"], 1);
    assert!(van_thu["ratio"].is_null());
    // The commune rolls up the office.
    assert_eq!(json["units"][0]["required"], 3);
    assert_eq!(json["units"][0]["quota"], 10);
    assert_eq!(json["units"][1]["parent_id"], "ubnd");
    assert_eq!(json["total"]["required"], 3);
    assert_eq!(json["total"]["current"], 2.0);
}

#[test]
fn table_has_vietnamese_headers_and_numbers() {
    let wd = Workdir::new();
    let plan = wd.plan();
    let out = wd.run(&["compute", s(&plan)]);
    assert_ok(&out);
    let text = stdout(&out);
    for expected in [
        "Vị trí việc làm",
        "Cần (FTE)",
        "Hiện có",
        "Chênh lệch",
        "Chuyên viên một cửa",
        "1,2",
        "Quy tắc làm tròn",
    ] {
        assert!(text.contains(expected), "missing {expected:?} in\n{text}");
    }
}

#[test]
fn csv_lists_positions_units_and_total() {
    let wd = Workdir::new();
    let plan = wd.plan();
    let out = wd.run(&["compute", s(&plan), "--format", "csv"]);
    assert_ok(&out);
    let text = stdout(&out);
    let lines: Vec<&str> = text.lines().collect();
    assert!(lines[0].starts_with("level,id,unit_id"));
    assert_eq!(
        lines.iter().filter(|l| l.starts_with("position,")).count(),
        3
    );
    assert_eq!(lines.iter().filter(|l| l.starts_with("unit,")).count(), 2);
    assert!(lines.last().unwrap().starts_with("total,"));
}

#[test]
fn missing_file_is_exit_1_and_bad_usage_is_exit_2() {
    let wd = Workdir::new();
    let err = assert_invalid(&wd.run(&["compute", "nowhere.ron"]));
    assert!(err.contains("nowhere.ron"), "{err}");
    assert_eq!(wd.run(&["compute"]).status.code(), Some(2));
    assert_eq!(
        wd.run(&["compute", "x.ron", "--format", "xml"])
            .status
            .code(),
        Some(2)
    );
    assert_eq!(
        wd.run(&["compute", "x.ron", "--no-such-flag"])
            .status
            .code(),
        Some(2)
    );
    assert_eq!(wd.run(&["a.ron", "b.ron"]).status.code(), Some(2));
}

#[test]
fn malformed_plan_file_names_line_and_column() {
    let wd = Workdir::new();
    let path = wd.write(
        "broken.ron",
        "(\n    format_version: 1,\n    meta: (name: \"x\"),\n    units: [ (id: \"a\", name: ) ],\n)\n",
    );
    let err = assert_invalid(&wd.run(&["compute", s(&path)]));
    assert!(err.contains("broken.ron:4:"), "{err}");
}

#[test]
fn invalid_plan_lists_its_problems() {
    let wd = Workdir::new();
    let plan = wd.plan();
    let text = std::fs::read_to_string(&plan).unwrap();
    let broken = text.replacen("unit_id: \"vp\"", "unit_id: \"nowhere\"", 1);
    assert_ne!(text, broken);
    let path = wd.write("bad-ref.ron", &broken);
    let err = assert_invalid(&wd.run(&["compute", s(&path)]));
    assert!(err.contains("nowhere"), "{err}");
}

#[test]
fn without_a_display_the_app_says_so_and_names_the_commands() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_vtvl"))
        .env_remove("DISPLAY")
        .env_remove("WAYLAND_DISPLAY")
        .output()
        .unwrap();
    let err = assert_invalid(&out);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.contains("no display") && err.contains("compute"),
        "{err}"
    );
}
