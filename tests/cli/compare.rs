//! `vtvl compare`: two versions as JSON and as a table, the benchmark of several plans, and
//! exit codes.

use std::path::PathBuf;

use crate::workdir::*;

/// The small commune (A) and its next version (B): the certification duty d1 doubled (1,200 ->
/// 2,400 items at 90 minutes) and the clerk's position re-keyed from `van-thu` to `vt`.
fn versions(wd: &Workdir) -> (PathBuf, PathBuf) {
    let a = wd.plan();
    let text = std::fs::read_to_string(&a).unwrap();
    let changed = text
        .replace(
            "service(volume: 1200.0, minutes_per_item: 90.0)",
            "service(volume: 2400.0, minutes_per_item: 90.0)",
        )
        .replace("id: \"van-thu\"", "id: \"vt\"");
    assert_ne!(changed, text);
    (a, wd.write("b.ron", &changed))
}

fn keys(value: &serde_json::Value) -> Vec<String> {
    let mut keys: Vec<String> = value.as_object().expect("object").keys().cloned().collect();
    keys.sort();
    keys
}

#[test]
fn json_pairs_positions_and_explains_the_change() {
    let wd = Workdir::new();
    let (a, b) = versions(&wd);
    let out = wd.run(&["compare", s(&a), s(&b), "--format", "json"]);
    assert_ok(&out);
    let json: serde_json::Value = serde_json::from_str(&stdout(&out)).expect("json");
    assert_eq!(
        keys(&json),
        [
            "new_plan",
            "old_plan",
            "positions",
            "summary",
            "total",
            "units"
        ]
    );
    let positions = json["positions"].as_array().unwrap();
    assert_eq!(positions.len(), 3);
    let mot_cua = &positions[1];
    assert_eq!(
        keys(mot_cua),
        [
            "change",
            "fields",
            "hours",
            "matched_by",
            "new",
            "old",
            "status",
            "workload"
        ]
    );
    assert_eq!(
        keys(&mot_cua["new"]),
        [
            "available_hours",
            "category",
            "current",
            "id",
            "method",
            "name",
            "proposed",
            "required",
            "required_fte",
            "unit_id"
        ]
    );
    assert_eq!(mot_cua["status"], "changed");
    assert_eq!(mot_cua["matched_by"], "id");
    assert_eq!(mot_cua["old"]["required"], 1);
    assert_eq!(mot_cua["new"]["required"], 2);
    assert_eq!(mot_cua["change"]["proposed"], 1);
    let duty = &mot_cua["workload"][0];
    assert_eq!(duty["status"], "changed");
    assert_eq!(duty["old"]["volume"], 1200.0);
    assert_eq!(duty["new"]["volume"], 2400.0);
    assert_eq!(duty["new"]["code"], "2.000815");
    // 1,200 x 90 / 60 = 1,800 h over 1,896 h; doubled.
    let fte = |v: &serde_json::Value| v.as_f64().unwrap();
    assert!((fte(&duty["old"]["fte"]) - 1800.0 / 1896.0).abs() < 1e-12);
    assert!((fte(&duty["new"]["fte"]) - 3600.0 / 1896.0).abs() < 1e-12);

    let van_thu = &positions[2];
    assert_eq!(van_thu["matched_by"], "name");
    assert_eq!(van_thu["fields"][0]["field"], "id");
    assert_eq!(van_thu["fields"][0]["old"], "van-thu");
    assert_eq!(van_thu["fields"][0]["new"], "vt");
    assert!(van_thu["workload"].as_array().unwrap().is_empty());

    assert_eq!(json["summary"]["positions"]["changed"], 2);
    assert_eq!(json["summary"]["positions"]["unchanged"], 1);
    assert_eq!(json["total"]["old"]["required"], 3);
    assert_eq!(json["total"]["new"]["required"], 4);
    assert_eq!(json["total"]["change"]["current"], 0.0);
}

#[test]
fn table_is_in_vietnamese_with_the_workload_change() {
    let wd = Workdir::new();
    let (a, b) = versions(&wd);
    let out = wd.run(&["compare", s(&a), s(&b)]);
    assert_ok(&out);
    let text = stdout(&out);
    for expected in [
        "SO SÁNH HAI PHIÊN BẢN ĐỀ ÁN",
        "Vị trí việc làm: 0 thêm mới, 0 bị bỏ, 2 thay đổi, 1 không đổi",
        "theo tên (mã cũ van-thu)",
        "Mã: van-thu -> vt",
        "Công việc Chứng thực bản sao, chữ ký (d1, thay đổi): khối lượng 1.200 -> 2.400; \
         FTE 0,9494 -> 1,8987 (+0,9494)",
        "Tổng cộng: cần 3 -> 4 (+1), đề xuất 3 -> 4 (+1), hiện có 2 -> 2 (0)",
    ] {
        assert!(text.contains(expected), "missing {expected:?} in\n{text}");
    }
    // Unchanged positions are counted, not listed.
    assert!(!text.contains("Chủ tịch UBND"), "{text}");
}

/// A copy of the small commune under another agency name, its certification duty taking
/// `minutes` per item.
fn agency_copy(
    wd: &Workdir,
    plan: &std::path::Path,
    file: &str,
    agency: &str,
    minutes: u32,
) -> PathBuf {
    let text = std::fs::read_to_string(plan).unwrap();
    let changed = text
        .replace("agency: \"UBND xã Thử\"", &format!("agency: \"{agency}\""))
        .replace(
            "service(volume: 1200.0, minutes_per_item: 90.0)",
            &format!("service(volume: 1200.0, minutes_per_item: {minutes}.0)"),
        );
    wd.write(file, &changed)
}

#[test]
fn benchmark_flags_the_agency_asking_for_more_time() {
    let wd = Workdir::new();
    let plan = wd.plan();
    let a = agency_copy(&wd, &plan, "a.ron", "UBND xã An", 60);
    let b = agency_copy(&wd, &plan, "b.ron", "UBND xã Bình", 60);
    let c = agency_copy(&wd, &plan, "c.ron", "UBND xã Chánh", 100);

    let out = wd.run(&[
        "compare",
        "--benchmark",
        s(&a),
        s(&b),
        s(&c),
        "--format",
        "json",
    ]);
    assert_ok(&out);
    let json: serde_json::Value = serde_json::from_str(&stdout(&out)).expect("json");
    assert_eq!(keys(&json), ["agencies", "codes"]);
    assert_eq!(json["agencies"][2], "UBND xã Chánh");
    // Only d1 carries a code.
    let codes = json["codes"].as_array().unwrap();
    assert_eq!(codes.len(), 1);
    let code = &codes[0];
    assert_eq!(code["code"], "2.000815");
    assert_eq!(code["agencies"], 3);
    assert_eq!(code["judged"], true);
    assert_eq!(code["minutes_per_item"]["median"], 60.0);
    // 100 > 1.5 x 60.
    assert_eq!(code["values"][2]["minutes_outlier"], "high");
    assert_eq!(code["values"][2]["staff_outlier"], "high");
    assert!(code["values"][0]["minutes_outlier"].is_null());
    // 1,200 x 60 / 60 = 1,200 h over 1,896 h, per 1,000 of the 1,200 items.
    let staff = code["values"][0]["staff_per_1000"].as_f64().unwrap();
    assert!((staff - 1200.0 / 1896.0 * 1000.0 / 1200.0).abs() < 1e-12);

    let out = wd.run(&["compare", "--benchmark", s(&a), s(&b), s(&c)]);
    assert_ok(&out);
    let text = stdout(&out);
    let row = text
        .lines()
        .find(|l| l.starts_with("2.000815") && l.contains("UBND xã Chánh"))
        .unwrap_or_else(|| panic!("no row for xã Chánh in\n{text}"));
    assert!(row.contains("100") && row.contains("cao"), "{row}");
    assert!(text.contains("Giá trị bất thường: 2."), "{text}");
}

#[test]
fn benchmark_tells_agencies_of_the_same_name_apart_by_file() {
    let wd = Workdir::new();
    let plan = wd.plan();
    let a = agency_copy(&wd, &plan, "a.ron", "UBND xã An", 60);
    let b = agency_copy(&wd, &plan, "b.ron", "UBND xã An", 90);
    let out = wd.run(&["compare", "--benchmark", s(&a), s(&b), "--format", "json"]);
    assert_ok(&out);
    let json: serde_json::Value = serde_json::from_str(&stdout(&out)).expect("json");
    assert_eq!(json["agencies"][0], "UBND xã An (a.ron)");
    assert_eq!(json["agencies"][1], "UBND xã An (b.ron)");
}

#[test]
fn bad_input_is_exit_1_naming_the_file_and_bad_usage_exit_2() {
    let wd = Workdir::new();
    let plan = wd.plan();
    let err = assert_invalid(&wd.run(&["compare", s(&plan), "nowhere.ron"]));
    assert!(err.contains("nowhere.ron"), "{err}");
    let broken = wd.write("broken.ron", "(format_version: 2, meta: (name: ),)\n");
    let err = assert_invalid(&wd.run(&["compare", "--benchmark", s(&plan), s(&broken)]));
    assert!(err.contains("broken.ron"), "{err}");
    // A plan that parses but does not validate.
    let text = std::fs::read_to_string(&plan).unwrap();
    let invalid = wd.write(
        "invalid.ron",
        &text.replace(
            "unit_id: \"vp\",\n            name: \"Văn thư\"",
            "unit_id: \"nowhere\",\n            name: \"Văn thư\"",
        ),
    );
    let err = assert_invalid(&wd.run(&["compare", s(&invalid), s(&plan)]));
    assert!(
        err.contains("invalid.ron") && err.contains("nowhere"),
        "{err}"
    );

    for args in [
        vec!["compare", s(&plan)],
        vec!["compare", "--benchmark", s(&plan)],
        vec![
            "compare",
            s(&plan),
            s(&plan),
            "--benchmark",
            s(&plan),
            s(&plan),
        ],
        vec!["compare", s(&plan), s(&plan), "--format", "xml"],
    ] {
        assert_eq!(wd.run(&args).status.code(), Some(2), "{args:?}");
    }
}
