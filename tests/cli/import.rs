//! `vtvl import`: interchange folders into plan files, and errors with their place.

use crate::workdir::*;

#[test]
fn imports_a_folder_into_a_plan_file() {
    let wd = Workdir::new();
    let plan = wd.plan();
    let text = std::fs::read_to_string(plan).unwrap();
    assert!(text.contains("format_version: 2"));
    assert!(text.contains("Chứng thực bản sao, chữ ký"));
}

#[test]
fn bad_cell_names_file_row_and_column() {
    let wd = Workdir::new();
    let dir = wd.interchange("bad");
    wd.write("bad/duties.csv", &DUTIES.replace("1200,90", "1200,ninety"));
    let out = wd.run(&["import", s(&dir), "-o", s(&wd.path("x.ron"))]);
    let err = assert_invalid(&out);
    assert!(err.contains("duties.csv"), "{err}");
    assert!(err.contains(":2"), "{err}");
    assert!(err.contains("minutes_per_item"), "{err}");
    assert!(!wd.path("x.ron").exists(), "nothing is written on error");
}

#[test]
fn unknown_kind_and_missing_column_are_reported() {
    let wd = Workdir::new();
    let dir = wd.interchange("bad");
    wd.write("bad/duties.csv", &DUTIES.replace(",norm,", ",ratio,"));
    let err = assert_invalid(&wd.run(&["import", s(&dir), "-o", s(&wd.path("x.ron"))]));
    assert!(err.contains("kind"), "{err}");
    wd.write("bad/duties.csv", DUTIES);
    wd.write("bad/units.csv", "id,parent_id,unit_type\nubnd,,x\n");
    let err = assert_invalid(&wd.run(&["import", s(&dir), "-o", s(&wd.path("x.ron"))]));
    assert!(err.contains("units.csv") && err.contains("name"), "{err}");
}

#[test]
fn cycle_in_the_unit_tree_is_refused() {
    let wd = Workdir::new();
    let dir = wd.interchange("cycle");
    wd.write(
        "cycle/units.csv",
        "id,parent_id,name\nubnd,vp,UBND\nvp,ubnd,Văn phòng\n",
    );
    let err = assert_invalid(&wd.run(&["import", s(&dir), "-o", s(&wd.path("x.ron"))]));
    assert!(err.contains("cycle"), "{err}");
}

#[test]
fn missing_folder_is_exit_1() {
    let wd = Workdir::new();
    let err = assert_invalid(&wd.run(&["import", "no-such-dir", "-o", "x.ron"]));
    assert!(err.contains("no-such-dir"), "{err}");
}
