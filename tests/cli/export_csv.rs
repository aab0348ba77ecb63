//! `vtvl export-csv`: import -> export -> import gives the same plan.

use crate::workdir::*;

#[test]
fn import_export_import_round_trip() {
    let wd = Workdir::new();
    let first = wd.plan();
    let out_dir = wd.path("exported");
    assert_ok(&wd.run(&["export-csv", s(&first), s(&out_dir)]));
    for file in [
        "settings.csv",
        "units.csv",
        "positions.csv",
        "duties.csv",
        "staff.csv",
    ] {
        assert!(out_dir.join(file).exists(), "{file} written");
    }
    let second = wd.path("second.ron");
    assert_ok(&wd.run(&["import", s(&out_dir), "-o", s(&second)]));
    assert_eq!(
        std::fs::read_to_string(&first).unwrap(),
        std::fs::read_to_string(&second).unwrap()
    );
}

#[test]
fn the_review_stays_in_the_plan_file_and_export_says_so() {
    let wd = Workdir::new();
    let plan = wd.plan();
    let text = std::fs::read_to_string(&plan).unwrap();
    let body = text.trim_end().strip_suffix(')').unwrap();
    let reviewed = wd.write(
        "reviewed.ron",
        &format!(
            "{body}    review: (\n        reviewer: \"Lê Thị Hạnh\",\n        lines: [\n            (\n                position_id: \"mot-cua\",\n                decision: agree,\n            ),\n        ],\n    ),\n)\n"
        ),
    );
    let out_dir = wd.path("exported");
    let out = wd.run(&["export-csv", s(&reviewed), s(&out_dir)]);
    assert_ok(&out);
    let err = stderr(&out);
    assert!(err.contains("thẩm định"), "{err}");
    // The folder holds the proposal alone: it imports to the plan without its review.
    let again = wd.path("again.ron");
    assert_ok(&wd.run(&["import", s(&out_dir), "-o", s(&again)]));
    assert_eq!(
        std::fs::read_to_string(&plan).unwrap(),
        std::fs::read_to_string(&again).unwrap()
    );
    // Without a review, nothing is said about one.
    let out = wd.run(&["export-csv", s(&plan), s(&wd.path("plain"))]);
    assert!(!stderr(&out).contains("thẩm định"));
}
