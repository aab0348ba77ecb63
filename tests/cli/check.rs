//! `vtvl check`: the JSON contract, the table, exit codes 0 / 3 / 1, and `--at` picking the
//! version of a rule.

use crate::workdir::*;

/// A Sở of a class I province with one 9-person division and 2 deputies (both fixed counts):
/// allowed under ND 107/2020 (from 9 people, two deputies), too many under ND 45/2025 and later
/// (below 10, one). The specialists carry no rank code, so rank shares stay within their caps.
fn department(blocking: &[&str], judged_at: Option<&str>) -> String {
    let blocking = blocking
        .iter()
        .map(|b| format!("\"{b}\""))
        .collect::<Vec<_>>()
        .join(", ");
    let judged_at = judged_at
        .map(|d| format!("judged_at: \"{d}\","))
        .unwrap_or_default();
    format!(
        r#"(
    format_version: 2,
    meta: (name: "Sở thử", province_class: i, {judged_at}),
    units: [
        (id: "so", name: "Sở Thử", unit_type: "so"),
        (id: "p", parent_id: Some("so"), name: "Phòng Một", unit_type: "phong_thuoc_so"),
    ],
    positions: [
        (id: "tp", unit_id: "p", name: "Trưởng phòng", category: leadership, rank_code: "01.002",
         method: fixed, count: 1, role: Some(head)),
        (id: "pp", unit_id: "p", name: "Phó trưởng phòng", category: leadership, rank_code: "01.002",
         method: fixed, count: 2, role: Some(deputy)),
        (id: "cv", unit_id: "p", name: "Chuyên viên", category: specialized,
         method: fixed, count: 6),
    ],
    blocking_rules: [{blocking}],
)
"#
    )
}

fn findings(json: &str) -> Vec<serde_json::Value> {
    serde_json::from_str::<serde_json::Value>(json)
        .expect("json")
        .as_array()
        .expect("an array of findings")
        .clone()
}

#[test]
fn json_has_exactly_the_contract_keys() {
    let wd = Workdir::new();
    let plan = wd.write("so.ron", &department(&[], None));
    let out = wd.run(&["check", s(&plan), "--at", "2026-03-01", "--format", "json"]);
    assert_ok(&out);
    let all = findings(&stdout(&out));
    let division = all
        .iter()
        .find(|f| f["rule_id"] == "nd370-2025.deputies.division")
        .expect("the deputy cap of ND 370/2025");
    let mut keys: Vec<&str> = division
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    keys.sort();
    assert_eq!(
        keys,
        [
            "actual",
            "legal_basis",
            "limit",
            "message",
            "position_id",
            "rule_id",
            "severity",
            "unit_id"
        ]
    );
    assert_eq!(division["severity"], "warning");
    assert_eq!(division["unit_id"], "p");
    assert_eq!(division["position_id"], serde_json::Value::Null);
    assert_eq!(division["actual"], 2.0);
    assert_eq!(division["limit"], 1.0);
    assert_eq!(
        division["message"],
        "Phòng Một: 2 cấp phó, vượt mức tối đa 1 cấp phó của phòng thuộc sở có 9 biên chế"
    );
    assert!(
        division["legal_basis"]
            .as_str()
            .unwrap()
            .contains("Nghị định 370/2025/NĐ-CP")
    );
}

#[test]
fn at_picks_the_version_in_force_and_overrides_the_plans_date() {
    let wd = Workdir::new();
    let plan = wd.write("so.ron", &department(&[], Some("2026-03-01")));
    let rules_at = |at: Option<&str>| -> Vec<String> {
        let mut args = vec!["check", s(&plan), "--format", "json"];
        if let Some(at) = at {
            args.extend(["--at", at]);
        }
        let out = wd.run(&args);
        assert_ok(&out);
        findings(&stdout(&out))
            .iter()
            .filter(|f| f["severity"] != "info")
            .map(|f| f["rule_id"].as_str().unwrap().to_owned())
            .collect()
    };
    // ND 107/2020: 9 people in a class I province may have two deputies.
    assert!(rules_at(Some("2024-06-01")).is_empty());
    assert_eq!(
        rules_at(Some("01/06/2025")),
        ["nd45-2025.deputies.division"]
    );
    // Without --at, the plan's own date (1/3/2026).
    assert_eq!(rules_at(None), ["nd370-2025.deputies.division"]);
}

#[test]
fn exit_code_is_3_when_a_blocking_rule_is_breached() {
    let wd = Workdir::new();
    let warned = wd.write("warned.ron", &department(&[], None));
    let out = wd.run(&["check", s(&warned), "--at", "2026-03-01"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let blocked = wd.write("blocked.ron", &department(&["*.deputies.division"], None));
    let out = wd.run(&["check", s(&blocked), "--at", "2026-03-01"]);
    assert_eq!(out.status.code(), Some(3), "{}", stderr(&out));
    let table = stdout(&out);
    assert!(table.contains("KIỂM TRA ĐỀ ÁN: Sở thử"), "{table}");
    assert!(
        table.contains("Theo quy định có hiệu lực ngày 01/03/2026"),
        "{table}"
    );
    for header in ["Mức độ", "Nơi", "Nội dung", "Thực tế", "Giới hạn", "Căn cứ"]
    {
        assert!(table.contains(header), "{header} in\n{table}");
    }
    let line = table
        .lines()
        .find(|l| l.starts_with("Lỗi"))
        .unwrap_or_else(|| panic!("an error line in\n{table}"));
    assert!(line.contains("Phòng Một (p)"), "{line}");
    assert!(line.contains("Nghị định 370/2025/NĐ-CP"), "{line}");
    assert!(table.contains("Tổng cộng: 1 lỗi, "), "{table}");
    // The same blocked rule is not in force in 2024: nothing to block.
    let out = wd.run(&["check", s(&blocked), "--at", "2024-06-01"]);
    assert_eq!(out.status.code(), Some(0));
}

/// A Văn phòng sở with `civil_servants` (2 deputies among them), 3 drivers and guards on labour
/// contracts, and a quota of `quota`.
fn office(civil_servants: u32, quota: u32, blocking: &str) -> String {
    format!(
        r#"(
    format_version: 2,
    meta: (name: "Sở thử", province_class: ii, judged_at: "2026-03-01"),
    units: [
        (id: "so", name: "Sở Thử", unit_type: "so"),
        (id: "vp", parent_id: "so", name: "Văn phòng sở", unit_type: "van_phong_so", quota: {quota}),
    ],
    positions: [
        (id: "cvp", unit_id: "vp", name: "Chánh Văn phòng", category: leadership,
         method: fixed, count: 1, role: head),
        (id: "pcvp", unit_id: "vp", name: "Phó Chánh Văn phòng", category: leadership,
         method: fixed, count: 2, role: deputy),
        (id: "cv", unit_id: "vp", name: "Chuyên viên", category: shared,
         method: fixed, count: {rest}),
        (id: "lx", unit_id: "vp", name: "Lái xe, bảo vệ", category: support,
         method: fixed, count: 3, employment: contract),
    ],
    blocking_rules: [{blocking}],
)
"#,
        rest = civil_servants - 3
    )
}

#[test]
fn contract_drivers_are_left_out_of_the_deputy_cap_and_the_quota() {
    let wd = Workdir::new();
    let judged = |name: &str, text: &str| {
        let plan = wd.write(name, text);
        let out = wd.run(&["check", s(&plan), "--format", "json"]);
        (out.status.code(), findings(&stdout(&out)))
    };
    let of = |all: &[serde_json::Value], rule: &str| -> Vec<serde_json::Value> {
        all.iter()
            .filter(|f| f["rule_id"] == rule && f["severity"] != "info")
            .cloned()
            .collect()
    };
    // 9 civil servants and 3 contracts, quota 9: one deputy allowed, quota kept.
    let (code, all) = judged("9.ron", &office(9, 9, ""));
    assert_eq!(code, Some(0));
    let deputies = of(&all, "nd370-2025.deputies.division");
    assert_eq!(deputies.len(), 1, "{all:#?}");
    assert_eq!(deputies[0]["actual"], 2.0);
    assert_eq!(deputies[0]["limit"], 1.0);
    assert_eq!(
        deputies[0]["message"],
        "Văn phòng sở: 2 cấp phó, vượt mức tối đa 1 cấp phó của văn phòng sở có 9 biên chế (3 hợp đồng lao động không tính)"
    );
    assert!(of(&all, "bien-che.proposed").is_empty(), "{all:#?}");
    // Blocking: the deputies are an error, exit code 3.
    let (code, all) = judged("9b.ron", &office(9, 9, "\"*.deputies.division\""));
    assert_eq!(code, Some(3));
    assert_eq!(
        of(&all, "nd370-2025.deputies.division")[0]["severity"],
        "error"
    );
    // 10 civil servants: two deputies are fine, and quota 9 is exceeded (an error when blocking).
    let (code, all) = judged("10.ron", &office(10, 9, "\"bien-che\""));
    assert_eq!(code, Some(3));
    assert!(
        of(&all, "nd370-2025.deputies.division").is_empty(),
        "{all:#?}"
    );
    let quota = of(&all, "bien-che.proposed");
    assert_eq!(quota.len(), 1, "{all:#?}");
    assert_eq!(quota[0]["severity"], "error");
    assert_eq!(
        (quota[0]["actual"].clone(), quota[0]["limit"].clone()),
        (10.0.into(), 9.0.into())
    );
}

#[test]
fn bad_dates_and_invalid_plans_exit_1_with_a_message() {
    let wd = Workdir::new();
    let plan = wd.write("so.ron", &department(&[], None));
    let out = wd.run(&["check", s(&plan), "--at", "2026-02-30"]);
    let err = assert_invalid(&out);
    assert!(err.contains("--at 2026-02-30"), "{err}");
    let broken = wd.write(
        "broken.ron",
        &department(&[], None).replace("parent_id: Some(\"so\")", "parent_id: Some(\"khong-co\")"),
    );
    let err = assert_invalid(&wd.run(&["check", s(&broken)]));
    assert!(err.contains("broken.ron"), "{err}");
    let err = assert_invalid(&wd.run(&["check", "khong-co.ron"]));
    assert!(err.contains("khong-co.ron"), "{err}");
}

#[test]
fn the_sample_commune_checks_without_errors() {
    let wd = Workdir::new();
    let plan = wd.plan();
    let out = wd.run(&["check", s(&plan), "--at", "2026-09-01"]);
    assert_ok(&out);
    assert!(stdout(&out).contains("Tổng cộng: 0 lỗi"));
}

#[test]
fn the_school_sample_is_told_which_job_description_sections_are_missing() {
    let wd = Workdir::new();
    let school = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("plans")
        .join("truong-thcs-nguyen-du.ron");
    let out = wd.run(&[
        "check",
        s(&school),
        "--at",
        "2026-09-01",
        "--format",
        "json",
    ]);
    assert_ok(&out);
    let told: Vec<serde_json::Value> = findings(&stdout(&out))
        .into_iter()
        .filter(|f| f["rule_id"] == "nd232-2026.job-description")
        .collect();
    // One per public employees' position: the sample writes no job descriptions.
    let computed = wd.run(&["compute", s(&school), "--format", "json"]);
    assert_ok(&computed);
    let results: serde_json::Value = serde_json::from_str(&stdout(&computed)).unwrap();
    let public_employees = results["positions"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|p| p["employment"] == "public_employee")
        .count();
    assert!(public_employees > 0);
    assert_eq!(told.len(), public_employees, "{told:#?}");
    for finding in &told {
        assert_eq!(finding["severity"], "info");
        assert!(finding["position_id"].is_string());
        // The sections missing, by numeral: VI (Khung năng lực) among them.
        let message = finding["message"].as_str().unwrap();
        let numerals = message
            .strip_suffix(')')
            .and_then(|m| m.rsplit_once("Phụ lục IV ("))
            .map(|(_, list)| list.split(", ").collect::<Vec<_>>())
            .unwrap_or_default();
        assert!(numerals.contains(&"VI"), "{message}");
    }
    let table = wd.run(&["check", s(&school), "--at", "2026-09-01"]);
    assert_ok(&table);
    assert!(stdout(&table).contains("Phụ lục IV Nghị định 232/2026/NĐ-CP"));
}
