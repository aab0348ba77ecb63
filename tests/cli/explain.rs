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
        // 1,2017 rounded to the nearest is 1: the rest goes to another post.
        "Phần dư 0,2017 FTE (1,2017 − 1) giao kiêm nhiệm cho vị trí khác",
        "Công thức: ",
    ] {
        assert!(text.contains(expected), "missing {expected:?} in\n{text}");
    }
}

#[test]
fn a_fixed_yearly_figure_gives_the_days_work_per_week_is_counted_over() {
    let wd = Workdir::new();
    let dir = wd.interchange("lich");
    wd.write(
        "lich/calendars.csv",
        "id,days_per_week,weeks_per_year,public_holidays,annual_leave,hours_per_day,\
         available_hours\nco-dinh,5,52,11,12,8,1600\n",
    );
    let plan = wd.path("lich.ron");
    assert_ok(&wd.run(&["import", s(&dir), "-o", s(&plan)]));
    let out = wd.run(&["explain", s(&plan), "mot-cua"]);
    assert_ok(&out);
    let text = stdout(&out);
    for expected in [
        "quy định cố định 1.600 giờ/năm; 1.600 giờ / 8 giờ/ngày = 200 ngày",
        // 60 min a week x 200 / 5 weeks.
        "60 phút/tuần × 1 người = 40 giờ/năm",
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
