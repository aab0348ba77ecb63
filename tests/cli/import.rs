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
    assert!(
        err.contains("duties.csv, dòng 2, cột \"minutes_per_item\": \"ninety\" không phải là số"),
        "{err}"
    );
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
    // Found after reading, the cycle is named at its row of units.csv.
    assert!(
        err.contains("units.csv, dòng 2, cột \"parent_id\": cây đơn vị bị vòng lặp"),
        "{err}"
    );
}

#[test]
fn missing_folder_is_exit_1() {
    let wd = Workdir::new();
    let err = assert_invalid(&wd.run(&["import", "no-such-dir", "-o", "x.ron"]));
    assert!(err.contains("no-such-dir"), "{err}");
}

#[test]
fn the_employment_column_round_trips_and_a_bad_value_is_named() {
    let wd = Workdir::new();
    let dir = wd.interchange("co-hop-dong");
    let positions = POSITIONS
        .replacen(",calendar\n", ",calendar,employment\n", 1)
        .replace(",1,,\n", ",1,,,Hợp đồng lao động\n");
    // Every row as wide as the header: the other rows get an empty employment cell.
    let positions: String = positions
        .lines()
        .map(|line| match line.matches(',').count() {
            9 => format!("{line},\n"),
            _ => format!("{line}\n"),
        })
        .collect();
    assert!(
        positions.contains("van-thu,vp,Văn thư,support,02.008,workload,,1,,,Hợp đồng lao động\n")
    );
    wd.write("co-hop-dong/positions.csv", &positions);
    let first = wd.path("first.ron");
    assert_ok(&wd.run(&["import", s(&dir), "-o", s(&first)]));
    let text = std::fs::read_to_string(&first).unwrap();
    assert_eq!(text.matches("employment: contract").count(), 1, "{text}");

    let exported = wd.path("exported");
    assert_ok(&wd.run(&["export-csv", s(&first), s(&exported)]));
    let written = std::fs::read_to_string(exported.join("positions.csv")).unwrap();
    assert!(written.lines().next().unwrap().ends_with(",employment"));
    assert!(written.contains("\nvan-thu,vp,Văn thư,support,02.008,workload,0,1,,,,,contract\n"));
    let second = wd.path("second.ron");
    assert_ok(&wd.run(&["import", s(&exported), "-o", s(&second)]));
    assert_eq!(std::fs::read_to_string(&second).unwrap(), text);

    wd.write(
        "co-hop-dong/positions.csv",
        &positions.replace("Hợp đồng lao động", "thời vụ"),
    );
    let out = wd.run(&["import", s(&dir), "-o", s(&wd.path("x.ron"))]);
    let err = assert_invalid(&out);
    assert!(
        err.contains(
            "positions.csv, dòng 4, cột \"employment\": \"thời vụ\" không thuộc danh sách"
        ),
        "{err}"
    );
    assert!(!wd.path("x.ron").exists());
}
