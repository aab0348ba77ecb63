//! `vtvl project`: the JSON contract, the CSV rows, the tables, the options and the errors.

use crate::workdir::*;
use vtvl::model::{CivilDate, Scenario, ScenarioChange, Scenarios};

/// The small commune with birth dates: s1 (the chairman, a man born 10/1961) retired on
/// 30/04/2022, before the horizon; s2 (a woman born 1970) retires on 31/05/2027; s3 has no
/// birth date. The plan has a growth scenario, active, and an early-retirement one.
fn plan(wd: &Workdir) -> std::path::PathBuf {
    let dir = wd.interchange("commune");
    wd.write(
        "commune/staff.csv",
        "id,unit_id,position_id,rank_code,fte,birth_date,sex,full_name\n\
         s1,ubnd,chu-tich,01.002,1,1961-10-10,nam,Nguyễn Văn An\n\
         s2,vp,mot-cua,01.003,1,1970,nữ,Trần Thị Bình\n\
         s3,vp,van-thu,02.008,1,,,Lê Văn Cường\n",
    );
    let path = wd.path("commune.ron");
    assert_ok(&wd.run(&["import", s(&dir), "-o", s(&path)]));
    let mut plan = vtvl::plan_file::load(&path).unwrap();
    plan.scenarios = Scenarios {
        active: Some("tang-truong".into()),
        list: vec![
            Scenario {
                name: "tang-truong".into(),
                description: "Hồ sơ tăng đều".into(),
                changes: vec![ScenarioChange::Growth {
                    percent: 50.0,
                    code: None,
                    unit_id: None,
                }],
            },
            Scenario {
                name: "nghi-som".into(),
                description: String::new(),
                changes: vec![ScenarioChange::EarlyRetirement {
                    staff_id: "s3".into(),
                    on: CivilDate::new(2028, 6, 30).unwrap(),
                }],
            },
        ],
    };
    vtvl::plan_file::save(&plan, &path).unwrap();
    path
}

fn json(out: &std::process::Output) -> serde_json::Value {
    assert_ok(out);
    serde_json::from_str(&stdout(out)).expect("JSON")
}

fn keys(value: &serde_json::Value) -> Vec<&str> {
    let mut keys: Vec<&str> = value
        .as_object()
        .unwrap()
        .keys()
        .map(String::as_str)
        .collect();
    keys.sort_unstable();
    keys
}

#[test]
fn the_json_has_exactly_the_contract_s_keys() {
    let wd = Workdir::new();
    let plan = plan(&wd);
    let v = json(&wd.run(&["project", s(&plan), "--format", "json"]));
    assert_eq!(keys(&v), ["from", "scenario", "staff", "timeline", "years"]);
    assert_eq!(
        (v["from"].as_i64(), v["years"].as_i64()),
        (Some(2026), Some(5))
    );
    assert_eq!(v["scenario"], "tang-truong");
    let staff = v["staff"].as_array().unwrap();
    assert_eq!(keys(&staff[0]), ["id", "retires_on"]);
    assert_eq!(staff[0]["retires_on"], "2022-04-30");
    assert_eq!(staff[1]["retires_on"], "2027-05-31");
    assert!(staff[2]["retires_on"].is_null(), "unknown is null");
    let timeline = v["timeline"].as_array().unwrap();
    assert_eq!(timeline.len(), 5);
    let figures = ["needed", "required", "retiring", "staff_end", "staff_start"];
    for (i, year) in timeline.iter().enumerate() {
        assert_eq!(keys(year), ["positions", "total", "units", "year"]);
        assert_eq!(year["year"].as_i64(), Some(2026 + i as i64));
        assert_eq!(keys(&year["total"]), figures);
        let mut with_id = vec!["id"];
        with_id.extend(figures);
        with_id.sort_unstable();
        assert_eq!(keys(&year["units"][0]), with_id);
        assert_eq!(keys(&year["positions"][0]), with_id);
        assert_eq!(year["units"].as_array().unwrap().len(), 2);
        assert_eq!(year["positions"].as_array().unwrap().len(), 3);
    }
    // s1, past the age, counts as leaving in 2026; s2 leaves in 2027.
    let total = |i: usize, key: &str| timeline[i]["total"][key].as_f64().unwrap();
    assert_eq!(
        (
            total(0, "staff_start"),
            total(0, "retiring"),
            total(0, "staff_end")
        ),
        (3.0, 1.0, 2.0)
    );
    assert_eq!(
        (
            total(1, "staff_start"),
            total(1, "retiring"),
            total(1, "staff_end")
        ),
        (2.0, 1.0, 1.0)
    );
    for i in 0..5 {
        let needed = (total(i, "required") - total(i, "staff_end")).max(0.0);
        assert_eq!(total(i, "needed"), needed);
    }
    // Growth of 50 % a year raises the requirement after the first year.
    assert!(total(4, "required") > total(0, "required"));
    let ubnd = &timeline[0]["units"][0];
    assert_eq!(
        (ubnd["id"].as_str(), ubnd["staff_start"].as_f64()),
        (Some("ubnd"), Some(3.0))
    );
}

#[test]
fn from_years_and_scenario_choose_the_horizon_and_the_variation() {
    let wd = Workdir::new();
    let plan = plan(&wd);
    let v = json(&wd.run(&[
        "project",
        s(&plan),
        "--from",
        "2027",
        "--years",
        "3",
        "--scenario",
        "nghi-som",
        "--format",
        "json",
    ]));
    assert_eq!(
        (v["from"].as_i64(), v["years"].as_i64()),
        (Some(2027), Some(3))
    );
    assert_eq!(v["scenario"], "nghi-som");
    assert_eq!(v["staff"][2]["retires_on"], "2028-06-30");
    let timeline = v["timeline"].as_array().unwrap();
    let years: Vec<i64> = timeline
        .iter()
        .map(|y| y["year"].as_i64().unwrap())
        .collect();
    assert_eq!(years, [2027, 2028, 2029]);
    // From 2027: s1 (gone in 2022) and s2 leave in 2027, s3 in 2028; no growth here.
    assert_eq!(timeline[0]["total"]["retiring"].as_f64(), Some(2.0));
    assert_eq!(timeline[1]["total"]["retiring"].as_f64(), Some(1.0));
    assert_eq!(timeline[2]["total"]["staff_start"].as_f64(), Some(0.0));
    assert_eq!(
        timeline[0]["total"]["required"],
        timeline[2]["total"]["required"]
    );
}

#[test]
fn csv_has_a_row_per_year_and_total_unit_or_position() {
    let wd = Workdir::new();
    let plan = plan(&wd);
    let out = wd.run(&["project", s(&plan), "--format", "csv", "--years", "2"]);
    assert_ok(&out);
    let text = stdout(&out);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(
        lines[0],
        "year,level,id,required,staff_start,retiring,staff_end,needed"
    );
    // (1 total + 2 units + 3 positions) × 2 years.
    assert_eq!(lines.len(), 1 + 12);
    assert!(lines[1].starts_with("2026,total,,"));
    assert!(
        lines
            .iter()
            .any(|l| l.starts_with("2027,position,chu-tich,1,0,0,0,1")),
        "{text}"
    );
}

#[test]
fn the_table_speaks_both_languages_and_names_the_staff_without_dates() {
    let wd = Workdir::new();
    let plan = plan(&wd);
    let out = wd.run(&["project", s(&plan)]);
    assert_ok(&out);
    let text = stdout(&out);
    for expected in [
        "Dự báo biên chế 2026 - 2030 (5 năm)",
        "Kịch bản: tang-truong",
        "Hồ sơ tăng đều",
        "Khối lượng công việc tăng 50% mỗi năm từ năm thứ hai (mọi công việc)",
        "Cần tuyển",
        "Chưa rõ ngày nghỉ hưu, tính là tiếp tục làm việc: 1 người (thiếu ngày sinh: 1, thiếu giới tính: 0); theo đơn vị: vp: 1",
        "Theo đơn vị",
        "Theo ngạch",
    ] {
        assert!(text.contains(expected), "missing {expected:?} in\n{text}");
    }
    let out = wd.run(&[
        "--lang",
        "en",
        "project",
        s(&plan),
        "--scenario",
        "nghi-som",
    ]);
    assert_ok(&out);
    let text = stdout(&out);
    assert!(
        !text.contains("Retirement date unknown"),
        "s3 leaves early: no one undated"
    );
    for expected in [
        "Workforce projection 2026-2030 (5 years)",
        "Scenario: nghi-som",
        "1 person retires early (as listed)",
        "Needed",
    ] {
        assert!(text.contains(expected), "missing {expected:?} in\n{text}");
    }
}

#[test]
fn an_unknown_scenario_or_horizon_is_exit_1_with_its_reason() {
    let wd = Workdir::new();
    let plan = plan(&wd);
    let err = assert_invalid(&wd.run(&["project", s(&plan), "--scenario", "khong-co"]));
    assert!(
        err.contains("đề án không có kịch bản \"khong-co\""),
        "{err}"
    );
    let err = assert_invalid(&wd.run(&["--lang", "en", "project", s(&plan), "--years", "0"]));
    assert!(
        err.contains("the projection covers 1 to 30 years, not 0"),
        "{err}"
    );
    let bad = wd.write(
        "bad.ron",
        "(format_version: 2, meta: (name: \"x\"), units: [(id: \"\", name: \"a\")])",
    );
    let err = assert_invalid(&wd.run(&["project", s(&bad)]));
    assert!(err.contains("bad.ron"), "{err}");
}
