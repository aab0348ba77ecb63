//! `vtvl export` and `vtvl chart`: the dossier workbook and the charts from the command line.

use std::path::Path;

use crate::workdir::*;

fn bundled(name: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("plans")
        .join(name)
        .to_str()
        .unwrap()
        .to_owned()
}

#[test]
fn export_writes_the_workbook() {
    let wd = Workdir::new();
    let out = wd.path("ho-so.xlsx");
    assert_ok(&wd.run(&["export", &bundled("so-tai-chinh.ron"), "--xlsx", s(&out)]));
    let bytes = std::fs::read(&out).unwrap();
    assert!(bytes.starts_with(b"PK"), "a zip (xlsx) file");
}

#[test]
fn export_needs_no_temporary_folder() {
    // The charts are drawn in memory, and a sheet that cannot be streamed through a temporary
    // file is kept in memory: a missing temporary folder does not stop the export.
    let wd = Workdir::new();
    let out = wd.path("ho-so.xlsx");
    let missing = wd.path("khong-co-thu-muc-nay");
    let plan = bundled("trung-tam-y-te-huyen.ron");
    let env: Vec<(&str, &str)> = ["TMPDIR", "TMP", "TEMP"]
        .into_iter()
        .map(|name| (name, s(&missing)))
        .collect();
    assert_ok(&wd.run_with_env(&["export", &plan, "--xlsx", s(&out)], &env));
    let bytes = std::fs::read(&out).unwrap();
    let chart = b"xl/media/image1.png";
    assert!(
        bytes.windows(chart.len()).any(|w| w == chart),
        "the charts are embedded"
    );
}

#[test]
fn export_refuses_a_bad_plan() {
    let wd = Workdir::new();
    let bad = wd.write(
        "bad.ron",
        "(format_version: 1, meta: (name: \"x\"), units: [",
    );
    let out = wd.path("ho-so.xlsx");
    assert_invalid(&wd.run(&["export", s(&bad), "--xlsx", s(&out)]));
    assert!(!out.exists());
    let missing = wd.path("missing.ron");
    assert_invalid(&wd.run(&["export", s(&missing), "--xlsx", s(&out)]));
}

#[test]
fn chart_writes_png_and_svg() {
    let wd = Workdir::new();
    let png = wd.path("don-vi.png");
    let plan = bundled("trung-tam-y-te-huyen.ron");
    assert_ok(&wd.run(&["chart", &plan, "--kind", "units", "--png", s(&png)]));
    assert!(std::fs::read(&png).unwrap().starts_with(b"\x89PNG"));
    let svg = wd.path("ngach.svg");
    assert_ok(&wd.run(&["chart", &plan, "--kind", "ranks", "--svg", s(&svg)]));
    assert!(std::fs::read_to_string(&svg).unwrap().contains("<svg"));
    // Exactly one output is required.
    let out = wd.run(&["chart", &plan, "--kind", "ranks"]);
    assert_eq!(out.status.code(), Some(2));
}
