//! `vtvl validate`: every problem at once, each with its place.

use crate::workdir::*;

#[test]
fn valid_plan_says_so() {
    let wd = Workdir::new();
    let plan = wd.plan();
    let out = wd.run(&["validate", s(&plan)]);
    assert_ok(&out);
    assert!(stdout(&out).contains("hợp lệ"));
}

#[test]
fn every_problem_is_listed_with_its_place() {
    let wd = Workdir::new();
    let plan = wd.plan();
    let text = std::fs::read_to_string(&plan).unwrap();
    // A cycle (the commune under its own office), and a negative volume.
    let broken = text
        .replacen(
            "id: \"ubnd\",",
            "id: \"ubnd\",\n            parent_id: Some(\"vp\"),",
            1,
        )
        .replacen("volume: 1200.0", "volume: -1200.0", 1);
    assert_ne!(text, broken);
    let path = wd.write("broken.ron", &broken);
    let err = assert_invalid(&wd.run(&["validate", s(&path)]));
    assert!(err.contains("broken.ron"), "{err}");
    assert!(err.contains("tìm thấy 2 lỗi"), "{err}");
    assert!(err.contains("d1"), "{err}");
    assert!(err.contains("ubnd"), "{err}");
}

/// The health-centre plan, with two calendars and every component kind.
const HEALTH_CENTRE: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/plans/trung-tam-y-te-huyen.ron"
);

#[test]
fn the_issues_implausible_values_exit_1_at_their_place_in_both_languages() {
    let wd = Workdir::new();
    let text = std::fs::read_to_string(HEALTH_CENTRE).unwrap();
    let long_name = format!("name: \"{}\"", "N".repeat(40_000));
    // (edit from, edit to, English message, Vietnamese message)
    let cases = [
        (
            "volume: 520.0",
            "volume: 1e308",
            "component \"d-p-tchc-001\" of position \"tchc-to-chuc\" (volume): must be between \
             0 and 1,000,000,000, found 1e308",
            "công việc \"d-p-tchc-001\" của vị trí \"tchc-to-chuc\" (volume): phải trong khoảng \
             từ 0 đến 1.000.000.000, đang là 1e308",
        ),
        (
            "days_per_week: 5.0",
            "days_per_week: 8.0",
            "calendar \"chung\" (days_per_week): must be greater than 0 and at most 7, found 8",
            "lịch làm việc \"chung\" (days_per_week): phải lớn hơn 0 và không quá 7, đang là 8",
        ),
        (
            "weeks_per_year: 52.0",
            "weeks_per_year: 60.0",
            "calendar \"chung\" (weeks_per_year): must be between 0 and 53, found 60",
            "lịch làm việc \"chung\" (weeks_per_year): phải trong khoảng từ 0 đến 53, đang là 60",
        ),
        (
            "hours_per_day: 8.0",
            "hours_per_day: 25.0",
            "calendar \"chung\" (hours_per_day): must be greater than 0 and at most 24, found 25",
            "lịch làm việc \"chung\" (hours_per_day): phải lớn hơn 0 và không quá 24, đang là 25",
        ),
        (
            "hours_per_day: 8.0",
            "hours_per_day: 1e-320",
            "calendar \"chung\" (available_hours): the calendar makes 2.319974e-318 available \
             hours a year; they must be between 1 and 8,784",
            "lịch làm việc \"chung\" (available_hours): lịch này cho 2.319974e-318 giờ làm việc \
             có được trong năm; phải trong khoảng từ 1 đến 8.784",
        ),
        (
            "rank_code: \"V.08.01.02\",\n            personal",
            "rank_code: \"V.08.01.02\",\n            fte: 50.0,\n            personal",
            "staff member \"s-001\" (fte): must be greater than 0 and at most 1, found 50",
            "nhân sự \"s-001\" (fte): phải lớn hơn 0 và không quá 1, đang là 50",
        ),
        (
            "year: 2026",
            "year: -1",
            "plan (year): must be between 1,900 and 2,200, found −1",
            "kế hoạch (year): phải trong khoảng từ 1.900 đến 2.200, đang là −1",
        ),
        (
            "name: \"Đề án vị trí việc làm năm 2026 của Trung tâm Y tế khu vực Phú Bình\"",
            &long_name,
            "plan (name): has 40,000 characters; at most 32,767 are accepted",
            "kế hoạch (name): dài 40.000 ký tự; tối đa 32.767 ký tự",
        ),
    ];
    for (from, to, english, vietnamese) in cases {
        let broken = text.replacen(from, to, 1);
        assert_ne!(broken, text, "{from}");
        let plan = wd.write("broken.ron", &broken);
        for command in ["validate", "compute"] {
            for (lang, expected) in [("en", english), ("vi", vietnamese)] {
                let out = wd.run(&[command, s(&plan), "--lang", lang]);
                let err = assert_invalid(&out);
                assert!(
                    err.contains(expected),
                    "{command} {to} --lang {lang}: {err}"
                );
                assert!(stdout(&out).is_empty(), "{command} {to}: no figure");
            }
        }
    }
}

#[test]
fn a_required_fte_beyond_any_count_is_an_error_naming_the_position_not_a_figure() {
    let wd = Workdir::new();
    let text = std::fs::read_to_string(HEALTH_CENTRE).unwrap();
    // Each number within its bounds; together 8.98e10 people for one position.
    let huge = text.replacen(
        "volume: 520.0, minutes_per_item: 60.0",
        "volume: 1000000000.0, minutes_per_item: 10000000.0",
        1,
    );
    assert_ne!(huge, text);
    let plan = wd.write("huge.ron", &huge);
    assert_ok(&wd.run(&["validate", s(&plan)]));
    let cases = [
        (
            "en",
            "vtvl: position \"tchc-to-chuc\": the staff needed for service work cannot be \
             computed: it comes to 89,798,850,575, beyond the 1,000,000,000 a position can count",
        ),
        (
            "vi",
            "vtvl: vị trí \"tchc-to-chuc\": không tính được số người cần cho công việc chính: ra \
             89.798.850.575, vượt quá 1.000.000.000",
        ),
    ];
    for (lang, expected) in cases {
        for command in ["compute", "export"] {
            let mut args = vec![command, s(&plan), "--lang", lang];
            if command == "export" {
                args.extend(["--xlsx", "d.xlsx"]);
            }
            let out = wd.run(&args);
            let err = assert_invalid(&out);
            assert!(err.starts_with(expected), "{command} --lang {lang}: {err}");
            assert!(stdout(&out).is_empty());
        }
    }
    assert!(!wd.path("d.xlsx").exists());
}

/// The commune sample, whose scenario names a task, a person and the quota.
const COMMUNE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/plans/ubnd-xa-tan-hoa.ron");

#[test]
fn a_scenario_naming_what_the_plan_lacks_is_listed_with_its_change_and_field() {
    let wd = Workdir::new();
    let sample = wd.write("commune.ron", &std::fs::read_to_string(COMMUNE).unwrap());
    assert_ok(&wd.run(&["validate", s(&sample)]));
    let text = std::fs::read_to_string(COMMUNE).unwrap();
    let broken = text
        .replacen(
            "component_id: \"d-ttpvhcc-001\"",
            "component_id: \"d-khong-co\"",
            1,
        )
        .replacen("staff_id: \"s-012\"", "staff_id: \"s-999\"", 1)
        .replacen("growth(percent: 3.0)", "growth(percent: -150.0)", 1);
    assert_ne!(text, broken);
    let path = wd.write("broken.ron", &broken);
    let err = assert_invalid(&wd.run(&["validate", s(&path)]));
    assert!(
        err.contains("broken.ron: 3 lỗi trong kịch bản dự báo"),
        "{err}"
    );
    for named in ["d-khong-co", "s-999", "-150", "Tăng trưởng 2026-2030"] {
        assert!(err.contains(named), "{named}: {err}");
    }
    let err = assert_invalid(&wd.run(&["validate", "--lang", "en", s(&path)]));
    assert!(
        err.contains("3 problems in the projection's scenarios"),
        "{err}"
    );
}
