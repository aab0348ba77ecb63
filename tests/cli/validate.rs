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
