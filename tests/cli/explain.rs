//! `vtvl explain`: the formula with its actual inputs.

use crate::workdir::*;

#[test]
fn explains_a_workload_position_in_words_and_numbers() {
    let wd = Workdir::new();
    let plan = wd.plan();
    let out = wd.run(&["explain", s(&plan), "mot-cua"]);
    assert_ok(&out);
    let text = stdout(&out);
    for expected in [
        "Chuyên viên một cửa",
        "5 ngày/tuần × 52 tuần − 23 ngày nghỉ = 237 ngày × 8 giờ = 1.896 giờ/năm",
        "1.200 × 90 phút × hệ số 1 / 60 = 1.800 giờ",
        "2.008 giờ / 1.896 giờ",
        "1 / (1 − 10%)",
        "60 phút/tuần × 1 người = 47,4 giờ/năm",
        "Công thức: ",
    ] {
        assert!(text.contains(expected), "missing {expected:?} in\n{text}");
    }
}

#[test]
fn explains_a_fixed_position() {
    let wd = Workdir::new();
    let plan = wd.plan();
    let out = wd.run(&["explain", s(&plan), "chu-tich"]);
    assert_ok(&out);
    assert!(stdout(&out).contains("số lượng cố định"));
}

#[test]
fn unknown_position_is_exit_1() {
    let wd = Workdir::new();
    let plan = wd.plan();
    let err = assert_invalid(&wd.run(&["explain", s(&plan), "nobody"]));
    assert!(err.contains("nobody"), "{err}");
}
