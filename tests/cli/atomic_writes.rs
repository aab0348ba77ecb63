//! Writes are atomic: a save or an export killed at any moment leaves the old file or the new
//! one, complete, and the next write leaves no temporary file behind.

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use calamine::{Reader, open_workbook_auto};
use vtvl::output::atomic::leftovers;

use crate::workdir::*;

/// Delays after the temporary file appears (the write has begun) at which the child is killed.
const KILL_AFTER_MS: [u64; 6] = [0, 5, 20, 50, 100, 200];

/// Runs `vtvl args`, waits until a temporary file of `target` appears (or the run ends), lets
/// it go on for `delay`, then kills it with SIGKILL. True when the child was killed while
/// still running after its write had begun.
fn kill_during_write(wd: &Workdir, args: &[&str], target: &Path, delay: Duration) -> bool {
    let mut child = Command::new(env!("CARGO_BIN_EXE_vtvl"))
        .args(args)
        .current_dir(wd.path(""))
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("spawn vtvl");
    let deadline = Instant::now() + Duration::from_secs(120);
    while leftovers(target).is_empty() && Instant::now() < deadline {
        if child.try_wait().expect("poll").is_some() {
            return false;
        }
        std::thread::sleep(Duration::from_micros(200));
    }
    std::thread::sleep(delay);
    let running = child.try_wait().expect("poll").is_none();
    let _ = child.kill(); // SIGKILL on Unix
    child.wait().expect("reap");
    running
}

#[test]
fn a_plan_save_killed_at_any_moment_leaves_the_old_or_the_new_plan() {
    let wd = Workdir::new();
    let target = wd.path("plan.ron");
    let old_args = ["generate", "--units", "5", "--seed", "1", "-o", "plan.ron"];
    let new_args = [
        "generate", "--units", "200", "--seed", "2", "-o", "plan.ron",
    ];
    assert_ok(&wd.run(&new_args));
    let new = std::fs::read(&target).unwrap();
    let mut killed_mid_write = 0;
    for (trial, ms) in KILL_AFTER_MS.into_iter().enumerate() {
        assert_ok(&wd.run(&old_args));
        let old = std::fs::read(&target).unwrap();
        killed_mid_write += usize::from(kill_during_write(
            &wd,
            &new_args,
            &target,
            Duration::from_millis(ms),
        ));
        let now = std::fs::read(&target).expect("the plan file always exists");
        assert!(
            now == old || now == new,
            "trial {trial} ({ms} ms): {} bytes, neither old ({}) nor new ({})",
            now.len(),
            old.len(),
            new.len()
        );
        vtvl::plan_file::load(&target).expect("the plan loads");
        // The next save removes what the killed one left.
        assert_ok(&wd.run(&old_args));
        assert_eq!(leftovers(&target), Vec::<std::path::PathBuf>::new());
    }
    // The test means something only if some kills landed inside a write.
    assert!(killed_mid_write > 0, "no kill landed during the write");
}

/// What identifies a workbook's content: its sheets and their sizes.
fn signature(path: &Path) -> Vec<(String, usize)> {
    let mut book = open_workbook_auto(path).expect("the workbook opens");
    book.sheet_names()
        .into_iter()
        .map(|name| {
            let rows = book.worksheet_range(&name).expect("sheet").height();
            (name, rows)
        })
        .collect()
}

#[test]
fn a_dossier_export_killed_at_any_moment_leaves_the_old_or_the_new_workbook() {
    let wd = Workdir::new();
    let target = wd.path("dossier.xlsx");
    assert_ok(&wd.run(&["generate", "--units", "3", "--seed", "1", "-o", "small.ron"]));
    assert_ok(&wd.run(&[
        "generate",
        "--units",
        "25",
        "--seed",
        "2",
        "-o",
        "large.ron",
    ]));
    let old_args = ["export", "small.ron", "--xlsx", "dossier.xlsx"];
    let new_args = ["export", "large.ron", "--xlsx", "dossier.xlsx"];
    assert_ok(&wd.run(&new_args));
    let new = signature(&target);
    let mut killed_mid_write = 0;
    for (trial, ms) in [0, 20, 100].into_iter().enumerate() {
        assert_ok(&wd.run(&old_args));
        let old = signature(&target);
        assert_ne!(old, new);
        killed_mid_write += usize::from(kill_during_write(
            &wd,
            &new_args,
            &target,
            Duration::from_millis(ms),
        ));
        let now = signature(&target);
        assert!(now == old || now == new, "trial {trial} ({ms} ms): {now:?}");
        assert_ok(&wd.run(&old_args));
        assert!(leftovers(&target).is_empty(), "{:?}", leftovers(&target));
    }
    assert!(killed_mid_write > 0, "no kill landed during the write");
}

#[test]
fn an_output_equal_to_an_input_is_refused_and_the_input_kept() {
    let wd = Workdir::new();
    let plan = wd.plan();
    let before = std::fs::read(&plan).unwrap();
    let out = wd.run(&["export", s(&plan), "--xlsx", s(&plan), "--lang", "en"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains("the output is the input file"),
        "{}",
        stderr(&out)
    );
    assert_eq!(std::fs::read(&plan).unwrap(), before);

    let book = wd.path("W.xlsx");
    assert_ok(&wd.run(&["template", "--xlsx", s(&book)]));
    let before = std::fs::read(&book).unwrap();
    // The same file by another spelling.
    let out = wd.run(&["import", "W.xlsx", "-o", "./W.xlsx"]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert_eq!(std::fs::read(&book).unwrap(), before);
}

#[test]
fn a_csv_export_replaces_the_folder_whole_and_keeps_foreign_files() {
    let wd = Workdir::new();
    let plan = wd.plan();
    let dir = wd.path("out");
    assert_ok(&wd.run(&["export-csv", s(&plan), s(&dir)]));
    // A stray table of an older export is gone after the next one, as a mix would show it.
    std::fs::write(dir.join("calendars.csv"), "id\nx\n").unwrap();
    assert_ok(&wd.run(&["export-csv", s(&plan), s(&dir)]));
    assert!(!dir.join("calendars.csv").exists());
    assert!(dir.join("units.csv").exists());
    // A folder with the user's own files is not replaced.
    std::fs::write(dir.join("ghi-chu.txt"), "của tôi").unwrap();
    let out = wd.run(&["export-csv", s(&plan), s(&dir)]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("ghi-chu.txt"), "{}", stderr(&out));
    assert!(dir.join("ghi-chu.txt").exists() && dir.join("units.csv").exists());
    assert!(leftovers(&dir).is_empty());
}
