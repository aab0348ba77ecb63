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
        "employment",
        "method",
        "available_hours",
        "service_fte",
        "caf",
        "iaf",
        "norm_fte",
        "required_fte",
        "required",
        "remainder",
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
        "by_employment",
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
        "by_employment",
    ];
    expected.sort();
    assert_eq!(keys(&json["total"]), expected);
    let split = &json["total"]["by_employment"];
    assert_eq!(
        keys(split),
        vec!["civil_servant", "contract", "public_employee"]
    );
    assert_eq!(
        keys(&split["contract"]),
        vec!["current", "proposed", "required"]
    );

    // mot-cua: (1,800 h + 208 h) / 1,896 h / 0.9 + 60 min x 237/5 weeks / 1,896 h.
    let mot_cua = &json["positions"][1];
    assert_eq!(mot_cua["id"], "mot-cua");
    assert_eq!(mot_cua["category"], "specialized");
    assert_eq!(mot_cua["method"], "workload");
    let required_fte = 2008.0 / 1896.0 / 0.9 + 47.4 / 1896.0;
    assert!((mot_cua["required_fte"].as_f64().unwrap() - required_fte).abs() < 1e-12);
    assert_eq!(mot_cua["required"], 1);
    assert_eq!(mot_cua["current"], 1.0);
    assert_eq!(mot_cua["employment"], "civil_servant");
    // Rounded to the nearest, 1 person leaves the rest of the workload for kiêm nhiệm.
    assert!((mot_cua["remainder"].as_f64().unwrap() - (required_fte - 1.0)).abs() < 1e-12);
    assert_eq!(
        json["positions"][0]["remainder"], 0.0,
        "fixed: no remainder"
    );
    // van-thu: norm 0 x 0.5 with min 1; nobody holds it; ratio 0 / 0 is null.
    let van_thu = &json["positions"][2];
    assert_eq!(van_thu["required"], 1);
    assert!(van_thu["ratio"].is_null());
    assert_eq!(
        van_thu["remainder"], 0.0,
        "the minimum covers more than the workload"
    );
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
        .args(["--lang", "en"])
        .output()
        .unwrap();
    let err = assert_invalid(&out);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(
        err.contains("no display") && err.contains("compute"),
        "{err}"
    );
}

/// The review section added to the small commune's plan file: one-stop desk raised from the
/// proposed 1 to 3, the clerk rejected, the chairman not yet appraised.
const REVIEW: &str = r#"    review: (
        reviewer: "Lê Thị Hạnh",
        organisation: "Sở Nội vụ tỉnh An Hòa",
        date: "2026-11-20",
        conclusion: "Thống nhất 3 người.\nBổ sung hồ sơ một cửa.",
        lines: [
            (
                position_id: "mot-cua",
                appraised: 3,
                decision: adjust,
                comment: "Tăng 2 người cho bộ phận một cửa",
            ),
            (
                position_id: "van-thu",
                decision: reject,
                comment: "Giao kiêm nhiệm",
            ),
        ],
    ),
"#;

fn reviewed_plan(wd: &Workdir) -> std::path::PathBuf {
    let text = std::fs::read_to_string(wd.plan()).unwrap();
    let body = text
        .trim_end()
        .strip_suffix(')')
        .expect("a plan ends with )");
    wd.write("reviewed.ron", &format!("{body}{REVIEW})\n"))
}

/// The cell under the right-aligned column `title` of the row starting with the words of
/// `row_start`, in the table whose header line holds `header_marker` (empty when blank).
fn cell(text: &str, header_marker: &str, row_start: &str, title: &str) -> String {
    let lines: Vec<&str> = text.lines().collect();
    let at = lines
        .iter()
        .position(|l| l.contains(header_marker))
        .expect("header");
    let header: Vec<char> = lines[at].chars().collect();
    let title_chars: Vec<char> = title.chars().collect();
    let start = (0..header.len())
        .find(|&i| header[i..].starts_with(&title_chars))
        .unwrap_or_else(|| panic!("{title} in {}", lines[at]));
    let end = start + title_chars.len();
    let row: Vec<char> = lines[at..]
        .iter()
        .find(|l| {
            l.split_whitespace()
                .zip(row_start.split_whitespace())
                .all(|(a, b)| a == b)
                && !l.trim().is_empty()
        })
        .unwrap_or_else(|| panic!("row {row_start}"))
        .chars()
        .collect();
    if row.len() < end {
        // Trailing blank cells are trimmed.
        return String::new();
    }
    let mut from = end;
    while from > 0 && row[from - 1] != ' ' {
        from -= 1;
    }
    row[from..end].iter().collect()
}

#[test]
fn table_sets_current_proposed_and_appraised_side_by_side_with_the_review_below() {
    let wd = Workdir::new();
    let out = wd.run(&["compute", s(&reviewed_plan(&wd))]);
    assert_ok(&out);
    let text = stdout(&out);
    let position = |id: &str, title: &str| cell(&text, "Mã VTVL", &format!("vp  {id}"), title);
    // mot-cua: 1 in post, 1 proposed (the computed one), 3 appraised.
    assert_eq!(position("mot-cua", "Hiện có"), "1");
    assert_eq!(position("mot-cua", "Đề xuất"), "1");
    assert_eq!(position("mot-cua", "Thẩm định"), "3");
    assert_eq!(position("mot-cua", "ĐX - HC"), "0");
    assert_eq!(position("mot-cua", "TĐ - ĐX"), "+2");
    // van-thu: nobody in post, 1 proposed, rejected: 0.
    assert_eq!(position("van-thu", "ĐX - HC"), "+1");
    assert_eq!(position("van-thu", "Thẩm định"), "0");
    assert_eq!(position("van-thu", "TĐ - ĐX"), "−1");
    // The chairman is not appraised: blank.
    let chair = |title: &str| cell(&text, "Mã VTVL", "ubnd  chu-tich", title);
    assert_eq!(chair("Đề xuất"), "1");
    assert_eq!(chair("Thẩm định"), "");
    assert_eq!(chair("TĐ - ĐX"), "");
    // The commune: 3 proposed, 2 in post; 3 appraised against the 2 proposed on the
    // appraised lines.
    let commune = |title: &str| cell(&text, "Biên chế giao", "UBND xã Thử", title);
    assert_eq!(commune("Đề xuất"), "3");
    assert_eq!(commune("Thẩm định"), "3");
    assert_eq!(commune("ĐX - HC"), "+1");
    assert_eq!(commune("TĐ - ĐX"), "+1");
    for expected in [
        "đề xuất 3, thẩm định 3 (+1 so với đề xuất của 2/3 vị trí đã thẩm định)",
        "Người thẩm định: Lê Thị Hạnh",
        "Cơ quan thẩm định: Sở Nội vụ tỉnh An Hòa",
        "Ngày thẩm định: 20/11/2026",
        "  Chuyên viên một cửa (mot-cua): Điều chỉnh. Tăng 2 người cho bộ phận một cửa",
        "  Văn thư (van-thu): Không thống nhất. Giao kiêm nhiệm",
        "Kết luận thẩm định:\n  Thống nhất 3 người.\n  Bổ sung hồ sơ một cửa.\n",
    ] {
        assert!(text.contains(expected), "missing {expected:?} in\n{text}");
    }
}

#[test]
fn table_without_a_review_leaves_the_appraisal_blank() {
    let wd = Workdir::new();
    let out = wd.run(&["compute", s(&wd.plan())]);
    assert_ok(&out);
    let text = stdout(&out);
    assert_eq!(cell(&text, "Mã VTVL", "vp  mot-cua", "Thẩm định"), "");
    assert_eq!(cell(&text, "Mã VTVL", "vp  van-thu", "Đề xuất"), "1");
    assert!(!text.contains("THẨM ĐỊNH"), "{text}");
    assert!(text.contains("đề xuất 3\n"), "{text}");
}

/// `vtvl compute --format csv` of a plan, read back.
struct ResultsCsv {
    headers: csv::StringRecord,
    rows: Vec<csv::StringRecord>,
}

impl ResultsCsv {
    fn of(wd: &Workdir, plan: &std::path::Path) -> Self {
        let out = wd.run(&["compute", s(plan), "--format", "csv"]);
        assert_ok(&out);
        let text = stdout(&out);
        let mut reader = csv::Reader::from_reader(text.as_bytes());
        let headers = reader.headers().unwrap().clone();
        let rows = reader.records().map(Result::unwrap).collect();
        ResultsCsv { headers, rows }
    }

    /// The cell of `column` on the row of `level` (position, unit, total) and `id`.
    fn field(&self, level: &str, id: &str, column: &str) -> String {
        let at = self.headers.iter().position(|h| h == column).unwrap();
        self.rows
            .iter()
            .find(|r| &r[0] == level && &r[1] == id)
            .unwrap_or_else(|| panic!("{level} {id}"))[at]
            .to_owned()
    }
}

#[test]
fn csv_and_json_carry_the_proposal_and_the_review() {
    let wd = Workdir::new();
    let plan = reviewed_plan(&wd);
    let csv = ResultsCsv::of(&wd, &plan);
    let field = |level: &str, id: &str, column: &str| csv.field(level, id, column);
    let names: Vec<&str> = csv.headers.iter().collect();
    let at = names.iter().position(|h| *h == "proposed").unwrap();
    assert_eq!(
        names[at..at + 4],
        ["proposed", "appraised", "decision", "comment"]
    );
    assert_eq!(field("position", "mot-cua", "proposed"), "1");
    assert_eq!(field("position", "mot-cua", "appraised"), "3");
    assert_eq!(field("position", "mot-cua", "decision"), "adjust");
    assert_eq!(
        field("position", "mot-cua", "comment"),
        "Tăng 2 người cho bộ phận một cửa"
    );
    assert_eq!(field("position", "van-thu", "appraised"), "0");
    assert_eq!(field("position", "van-thu", "decision"), "reject");
    assert_eq!(field("position", "chu-tich", "appraised"), "");
    assert_eq!(field("position", "chu-tich", "decision"), "");
    assert_eq!(field("unit", "vp", "appraised"), "3");
    assert_eq!(field("unit", "ubnd", "proposed"), "3");
    assert_eq!(field("total", "", "appraised"), "3");

    let out = wd.run(&["compute", s(&plan), "--format", "json"]);
    assert_ok(&out);
    let json: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    let mot_cua = &json["positions"][1];
    assert_eq!(mot_cua["appraised"], 3);
    assert_eq!(mot_cua["decision"], "adjust");
    assert_eq!(mot_cua["comment"], "Tăng 2 người cho bộ phận một cửa");
    assert!(json["positions"][0]["decision"].is_null());
    assert!(json["positions"][0]["comment"].is_null());
    assert_eq!(json["total"]["appraised"], 3);
}

/// The small commune with its clerk on a labour contract.
fn plan_with_a_contract(wd: &Workdir) -> std::path::PathBuf {
    let text = std::fs::read_to_string(wd.plan()).unwrap();
    let marked = text.replacen(
        "            name: \"Văn thư\",\n",
        "            name: \"Văn thư\",\n            employment: contract,\n",
        1,
    );
    assert_ne!(marked, text);
    // Fields follow the plan file's order when saved; reading accepts them in any order.
    wd.write("hop-dong.ron", &marked)
}

#[test]
fn the_table_shows_each_basis_and_the_establishment_apart_from_contracts() {
    let wd = Workdir::new();
    let out = wd.run(&["compute", s(&plan_with_a_contract(&wd))]);
    assert_ok(&out);
    let text = stdout(&out);
    assert!(
        text.lines()
            .any(|l| l.contains("van-thu") && l.contains("hợp đồng lao động")),
        "{text}"
    );
    assert!(
        text.lines()
            .any(|l| l.contains("mot-cua") && l.contains("công chức")),
        "{text}"
    );
    // The office: the one-stop desk in biên chế (1 needed, 1 in post), the clerk on contract
    // (1 needed, nobody).
    let office = |title: &str| cell(&text, "Biên chế giao", "Văn phòng HĐND và UBND", title);
    assert_eq!(office("Biên chế cần/HC/ĐX"), "1/1/1");
    assert_eq!(office("HĐLĐ cần/HC/ĐX"), "1/0/1");
    assert!(
        text.contains(
            "Trong đó biên chế: cần 2, hiện có 2, đề xuất 2; hợp đồng lao động: cần 1, \
             hiện có 0, đề xuất 1\n"
        ),
        "{text}"
    );
}

#[test]
fn csv_and_json_split_units_and_total_by_basis() {
    let wd = Workdir::new();
    let plan = plan_with_a_contract(&wd);
    let csv = ResultsCsv::of(&wd, &plan);
    let names: Vec<&str> = csv.headers.iter().collect();
    let at = names.iter().position(|h| *h == "employment").unwrap();
    assert_eq!(
        names[at..],
        [
            "employment",
            "remainder",
            "civil_servant_required",
            "civil_servant_current",
            "civil_servant_proposed",
            "public_employee_required",
            "public_employee_current",
            "public_employee_proposed",
            "contract_required",
            "contract_current",
            "contract_proposed",
        ]
    );
    let field = |level: &str, id: &str, column: &str| csv.field(level, id, column);
    assert_eq!(field("position", "van-thu", "employment"), "contract");
    assert_eq!(field("position", "mot-cua", "employment"), "civil_servant");
    assert_eq!(field("position", "chu-tich", "remainder"), "0");
    assert_eq!(field("position", "mot-cua", "contract_required"), "");
    assert_eq!(field("unit", "vp", "civil_servant_required"), "1");
    assert_eq!(field("unit", "vp", "contract_required"), "1");
    assert_eq!(field("unit", "vp", "contract_current"), "0");
    assert_eq!(field("unit", "ubnd", "civil_servant_current"), "2");
    assert_eq!(field("total", "", "contract_proposed"), "1");
    assert_eq!(field("total", "", "civil_servant_required"), "2");
    assert_eq!(field("total", "", "public_employee_required"), "0");

    let out = wd.run(&["compute", s(&plan), "--format", "json"]);
    assert_ok(&out);
    let json: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert_eq!(json["positions"][2]["employment"], "contract");
    assert_eq!(json["total"]["by_employment"]["contract"]["required"], 1);
    assert_eq!(
        json["total"]["by_employment"]["civil_servant"]["required"],
        2
    );
    assert_eq!(json["total"]["required"], 3, "still over all posts");
}

/// The reviewed plan, each line keeping what it saw: the one-stop desk was appraised when two
/// people held it, the clerk on the proposal as it still is.
fn plan_changed_since_appraisal(wd: &Workdir) -> std::path::PathBuf {
    let text = std::fs::read_to_string(reviewed_plan(wd)).unwrap();
    let seen = |current: &str, rank: &str| {
        format!(
            "decision_follows_figure: false,\n                seen: (proposed: 1, required: 1, \
             current: {current}, rank_code: \"{rank}\", unit_id: \"vp\"),\n                \
             comment:"
        )
    };
    let text = text
        .replacen(
            "decision: adjust,\n                comment:",
            &format!(
                "decision: adjust,\n                {}",
                seen("2.0", "01.003")
            ),
            1,
        )
        .replacen(
            "decision: reject,\n                comment:",
            &format!(
                "decision: reject,\n                {}",
                seen("0.0", "02.008")
            ),
            1,
        );
    assert_eq!(text.matches("seen: (").count(), 2, "{text}");
    wd.write("changed.ron", &text)
}

#[test]
fn lines_whose_proposal_changed_since_the_appraisal_are_named() {
    let wd = Workdir::new();
    let plan = plan_changed_since_appraisal(&wd);
    let out = wd.run(&["compute", s(&plan)]);
    assert_ok(&out);
    let text = stdout(&out);
    let expected = "Đề xuất của 1 vị trí đã thay đổi sau khi thẩm định: ý kiến thẩm định của các \
                    vị trí này được ghi trên đề xuất cũ:\n  Chuyên viên một cửa (mot-cua): hiện \
                    có từ 2 thành 1\n";
    assert!(text.contains(expected), "{text}");
    assert!(!text.contains("(van-thu): hiện có"), "{text}");
    let out = wd.run(&["--lang", "en", "compute", s(&plan)]);
    assert_ok(&out);
    let text = stdout(&out);
    assert!(
        text.contains("The proposal of 1 position changed after the appraisal")
            && text.contains("  Chuyên viên một cửa (mot-cua): current from 2 to 1\n"),
        "{text}"
    );

    let out = wd.run(&["compute", s(&plan), "--format", "json"]);
    assert_ok(&out);
    let json: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    let changed = json["changed_since_appraisal"].as_array().unwrap();
    assert_eq!(changed.len(), 1);
    assert_eq!(changed[0]["position_id"], "mot-cua");
    assert_eq!(changed[0]["changes"], serde_json::json!(["current"]));
    assert_eq!(changed[0]["seen"]["current"], 2.0);
    assert_eq!(changed[0]["now"]["current"], 1.0);
    assert_eq!(changed[0]["now"]["proposed"], 1);
    // The results are all there beside it; a plan appraised on its proposal has no such key.
    assert_eq!(json["positions"][1]["appraised"], 3);
    let out = wd.run(&["compute", s(&reviewed_plan(&wd)), "--format", "json"]);
    let json: serde_json::Value = serde_json::from_str(&stdout(&out)).unwrap();
    assert!(json.get("changed_since_appraisal").is_none());
}

/// A columnar cache file's path beside a plan file.
fn columns_beside(plan: &std::path::Path) -> std::path::PathBuf {
    let name = plan.file_name().unwrap().to_str().unwrap();
    plan.with_file_name(format!(".{name}.vtvlcolumns"))
}

#[test]
fn a_large_plan_computes_from_its_columnar_cache_as_from_its_file() {
    let wd = Workdir::new();
    let plan = wd.path("large.ron");
    assert_ok(&wd.run(&["generate", "--units", "80", "-o", s(&plan)]));
    assert!(
        std::fs::metadata(&plan).unwrap().len() >= 1 << 20,
        "too small to cache"
    );
    let columns = columns_beside(&plan);
    let compute = |format: &str| {
        let out = wd.run(&["compute", s(&plan), "--format", format]);
        assert_ok(&out);
        stdout(&out)
    };
    // The first run reads the plan file and writes the cache; the next ones read the cache.
    let table = compute("table");
    assert!(
        !columns.exists(),
        "the table needs the plan: no cache for it"
    );
    let from_plan = compute("json");
    assert!(columns.exists());
    let written = std::fs::read(&columns).unwrap();
    let json: serde_json::Value = serde_json::from_str(&from_plan).unwrap();
    assert!(json["positions"].as_array().unwrap().len() > 100);
    assert_eq!(compute("json"), from_plan);
    let csv = compute("csv");
    std::fs::remove_file(&columns).unwrap();
    assert_eq!(compute("csv"), csv, "CSV from the plan and from the cache");
    assert_eq!(compute("table"), table);
    // A damaged cache is passed over and written again.
    let mut damaged = written.clone();
    let middle = damaged.len() / 2;
    damaged[middle] ^= 0x20;
    std::fs::write(&columns, &damaged).unwrap();
    assert_eq!(compute("json"), from_plan);
    assert_eq!(std::fs::read(&columns).unwrap(), written);
    // An edited plan is read again, and its cache follows it.
    let text = std::fs::read_to_string(&plan).unwrap();
    let edited = text.replacen("quota: ", "quota: 1", 1);
    assert_ne!(edited, text);
    std::fs::write(&plan, edited).unwrap();
    let after_edit = compute("json");
    assert_ne!(after_edit, from_plan);
    assert_eq!(compute("json"), after_edit);
    assert_ne!(std::fs::read(&columns).unwrap(), written);
}
