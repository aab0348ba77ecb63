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
