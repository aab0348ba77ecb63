//! The large memory pages are off while a dossier is built and on again after. A test binary
//! of its own: the switch is the whole process's, and other tests export dossiers meanwhile.
#![cfg(target_os = "linux")]

use std::time::Duration;

use rustix::thread::transparent_huge_pages_are_disabled as large_pages_off;
use vtvl::dossier;
use vtvl::engine;
use vtvl::model::CivilDate;
use vtvl::plan_file::BUNDLED;

const TODAY: CivilDate = CivilDate {
    day: 7,
    month: 12,
    year: 2026,
};

/// Runs `export` on a thread of its own, watching the switch until it ends: whether the large
/// pages were seen off meanwhile.
fn seen_off_during(export: impl FnOnce() + Send) -> bool {
    std::thread::scope(|scope| {
        let running = scope.spawn(export);
        let mut seen_off = false;
        while !running.is_finished() {
            seen_off |= large_pages_off().unwrap();
            std::thread::sleep(Duration::from_micros(200));
        }
        running.join().unwrap();
        seen_off
    })
}

#[test]
fn large_pages_are_off_while_a_dossier_is_built_and_on_again_after() {
    if large_pages_off().unwrap() {
        eprintln!("skipped: the large pages were off for the whole process from its start");
        return;
    }
    let plan = BUNDLED[0].load().unwrap();
    let results = engine::compute(&plan).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("dossier.xlsx");

    let written = seen_off_during(|| {
        dossier::write_workbook(&plan, &results, &path, TODAY).unwrap();
    });
    assert!(
        written,
        "the large pages stayed on while the workbook was written"
    );
    assert!(!large_pages_off().unwrap(), "the large pages stayed off");

    let in_memory = seen_off_during(|| {
        dossier::workbook_bytes(&plan, &results, TODAY).unwrap();
    });
    assert!(
        in_memory,
        "the large pages stayed on while the workbook was made"
    );
    assert!(!large_pages_off().unwrap(), "the large pages stayed off");
}
