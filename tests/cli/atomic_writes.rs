//! Writes are atomic: a save or an export killed (SIGKILL) at any moment leaves the old file
//! or the new one, complete, and the next write leaves no temporary file behind.
//!
//! Each test runs the large write once to measure it (from the moment its temporary file or
//! folder appears to the end of the run), then kills it before the write and at fractions of
//! that span. Whatever moment a kill lands on, the target must be the old version or the new
//! one; a kill that left a temporary file shows it landed inside the write.

use std::collections::BTreeMap;
use std::fmt::Debug;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use calamine::{Reader, open_workbook_auto};
use vtvl::output::atomic::{leftovers, remove_leftovers};

use crate::workdir::*;

/// When a kill lands, from the measured run.
#[derive(Debug, Clone, Copy)]
enum Moment {
    /// Half-way between the start and the first byte of the write.
    BeforeWrite,
    /// This share of the write's span after its temporary file appears.
    IntoWrite(f64),
}

const MOMENTS: [Moment; 5] = [
    Moment::BeforeWrite,
    Moment::IntoWrite(0.0),
    Moment::IntoWrite(0.25),
    Moment::IntoWrite(0.5),
    Moment::IntoWrite(0.75),
];

/// How long a run takes to start writing `target`, and how long the write then lasts.
struct Timing {
    until_write: Duration,
    write: Duration,
}

fn spawn(wd: &Workdir, args: &[&str]) -> Child {
    Command::new(env!("CARGO_BIN_EXE_vtvl"))
        .args(args)
        .current_dir(wd.path(""))
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("spawn vtvl")
}

/// Polls until a temporary of `target` exists; false when the child ended first.
fn wait_for_write(child: &mut Child, target: &Path) -> bool {
    let deadline = Instant::now() + Duration::from_secs(120);
    while leftovers(target).is_empty() {
        if child.try_wait().expect("poll").is_some() || Instant::now() > deadline {
            return false;
        }
        std::thread::sleep(Duration::from_micros(100));
    }
    true
}

/// Runs `args` to the end, timing the write of `target`. A small write lasts a millisecond or
/// two, which a poller kept off the cores by other tests can miss: the run is tried again.
fn measure(wd: &Workdir, args: &[&str], target: &Path) -> Timing {
    const TRIES: usize = 10;
    for _ in 0..TRIES {
        let start = Instant::now();
        let mut child = spawn(wd, args);
        let seen = wait_for_write(&mut child, target);
        let write_start = Instant::now();
        let status = child.wait().expect("wait");
        assert!(status.success(), "vtvl {args:?} failed");
        if !seen {
            continue;
        }
        let timing = Timing {
            until_write: write_start - start,
            write: write_start.elapsed(),
        };
        eprintln!(
            "{args:?}: {:?} until the write, {:?} writing",
            timing.until_write, timing.write
        );
        return timing;
    }
    panic!(
        "the write of {} was never seen in {TRIES} runs",
        target.display()
    );
}

/// Runs `args` and kills it (SIGKILL) at `moment`.
fn kill_at(wd: &Workdir, args: &[&str], target: &Path, timing: &Timing, moment: Moment) {
    let mut child = spawn(wd, args);
    match moment {
        Moment::BeforeWrite => std::thread::sleep(timing.until_write / 2),
        Moment::IntoWrite(share) => {
            if wait_for_write(&mut child, target) {
                std::thread::sleep(timing.write.mul_f64(share));
            }
        }
    }
    let _ = child.kill(); // SIGKILL on Unix
    child.wait().expect("reap");
}

/// Kills `new_args` at every moment over an old version of `target` (made by `restore`), and
/// checks that `state` (which also checks the target is complete) is the old or the new one.
fn kill_at_every_moment<S: PartialEq + Debug>(
    wd: &Workdir,
    target: &Path,
    new_args: &[&str],
    restore: impl Fn(),
    state: impl Fn(&Path) -> S,
) {
    let timing = measure(wd, new_args, target);
    let new = state(target);
    restore();
    let old = state(target);
    assert_ne!(old, new, "the old and new versions must differ");
    let mut inside_write = 0;
    // A kill at the very start of the write is retried until one lands inside it: the
    // either/or check holds whatever happens, this only keeps the test meaningful.
    let retries = std::iter::repeat_n(Moment::IntoWrite(0.0), 5);
    for (trial, moment) in MOMENTS.into_iter().chain(retries).enumerate() {
        if trial >= MOMENTS.len() && inside_write > 0 {
            break;
        }
        restore();
        kill_at(wd, new_args, target, &timing, moment);
        let now = state(target);
        assert!(
            now == old || now == new,
            "{moment:?}: {} is neither the old nor the new version: {now:?}",
            target.display()
        );
        let landed = !leftovers(target).is_empty();
        eprintln!("{moment:?}: inside the write: {landed}");
        if landed {
            inside_write += 1;
            // What the next write of the target does first.
            remove_leftovers(target);
            assert_eq!(leftovers(target), Vec::<PathBuf>::new(), "{moment:?}");
        }
    }
    assert!(inside_write > 0, "no kill landed inside the write");
}

#[test]
fn a_plan_save_killed_at_any_moment_leaves_the_old_or_the_new_plan() {
    let wd = Workdir::new();
    let target = wd.path("plan.ron");
    // The new plan: an 80-unit generated plan imported from its CSV folder over the old one.
    assert_ok(&wd.run(&["generate", "--units", "80", "--seed", "2", "-o", "big.ron"]));
    assert_ok(&wd.run(&["export-csv", "big.ron", "big"]));
    assert_ok(&wd.run(&["generate", "--units", "3", "--seed", "1", "-o", "plan.ron"]));
    let old = std::fs::read(&target).unwrap();
    let restore = || std::fs::write(&target, &old).unwrap();
    let state = |path: &Path| {
        let bytes = std::fs::read(path).expect("the plan file always exists");
        vtvl::plan_file::load(path).expect("the plan loads");
        bytes.len()
    };
    kill_at_every_moment(
        &wd,
        &target,
        &["import", "big", "-o", "plan.ron"],
        restore,
        state,
    );
    // A real save cleans what a killed one left, and keeps the previous plan as backup.
    restore();
    assert_ok(&wd.run(&["import", "big", "-o", "plan.ron"]));
    assert!(leftovers(&target).is_empty(), "{:?}", leftovers(&target));
    assert!(std::fs::read(wd.path("plan.ron.bak")).unwrap() == old);
}

/// What identifies a workbook's content: its sheets and their sizes (the bytes hold the time
/// of writing).
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
    assert_ok(&wd.run(&["generate", "--units", "1", "--seed", "1", "-o", "small.ron"]));
    assert_ok(&wd.run(&["generate", "--units", "3", "--seed", "2", "-o", "large.ron"]));
    assert_ok(&wd.run(&["export", "small.ron", "--xlsx", "dossier.xlsx"]));
    let old = std::fs::read(&target).unwrap();
    let restore = || std::fs::write(&target, &old).unwrap();
    kill_at_every_moment(
        &wd,
        &target,
        &["export", "large.ron", "--xlsx", "dossier.xlsx"],
        restore,
        signature,
    );
    assert_ok(&wd.run(&["export", "small.ron", "--xlsx", "dossier.xlsx"]));
    assert!(leftovers(&target).is_empty(), "{:?}", leftovers(&target));
}

/// Every file of a CSV folder with its bytes, after checking the folder imports.
fn folder_state(dir: &Path) -> BTreeMap<String, Vec<u8>> {
    vtvl::interchange::import_dir(dir).expect("the folder imports");
    std::fs::read_dir(dir)
        .expect("the folder always exists")
        .map(|entry| {
            let entry = entry.unwrap();
            let name = entry.file_name().to_string_lossy().into_owned();
            (name, std::fs::read(entry.path()).unwrap())
        })
        .collect()
}

#[test]
fn a_csv_export_killed_at_any_moment_leaves_the_old_or_the_new_folder() {
    let wd = Workdir::new();
    let target = wd.path("out");
    assert_ok(&wd.run(&["generate", "--units", "2", "--seed", "1", "-o", "small.ron"]));
    assert_ok(&wd.run(&["generate", "--units", "80", "--seed", "2", "-o", "big.ron"]));
    let restore = || assert_ok(&wd.run(&["export-csv", "small.ron", "out"]));
    kill_at_every_moment(
        &wd,
        &target,
        &["export-csv", "big.ron", "out"],
        restore,
        folder_state,
    );
    restore();
    assert!(leftovers(&target).is_empty(), "{:?}", leftovers(&target));
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
    assert!(
        stderr(&out).contains("out: thư mục có tệp \"ghi-chu.txt\" mà lần xuất này không ghi"),
        "{}",
        stderr(&out)
    );
    let out = wd.run(&["export-csv", s(&plan), s(&dir), "--lang", "en"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        stderr(&out).contains(
            "out: the folder holds \"ghi-chu.txt\", which this export would not write; export \
             into a new or empty folder"
        ),
        "{}",
        stderr(&out)
    );
    assert!(dir.join("ghi-chu.txt").exists() && dir.join("units.csv").exists());
    assert!(leftovers(&dir).is_empty());
}
