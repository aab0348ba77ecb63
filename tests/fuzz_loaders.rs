//! The project fuzzes itself: the three loaders (plan file, CSV folder, workbook) read mutated
//! samples, and each case ends in an error that names its place, or in a plan whose problems
//! are all placed, or in results that are all finite with no negative headcount. Never a panic.
//!
//! A few hundred cases run in CI from a fixed seed; `VTVL_FUZZ_CASES=100000` runs more, and
//! `VTVL_FUZZ_SEED` picks another seed.

use std::fs;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::Path;

use rust_xlsxwriter::Workbook;
use vtvl::interchange::{import_dir, import_path};
use vtvl::model::Plan;
use vtvl::plan_file::from_ron_str;
use vtvl::{engine, validation};

const SAMPLE_DIR: &str = "sample-orgs/ubnd-xa-tan-hoa";
const SAMPLE_PLAN: &str = "plans/ubnd-xa-tan-hoa.ron";
const TABLES: [&str; 5] = ["settings", "units", "positions", "duties", "staff"];

/// Values the issue found to slip through, and others at the edges.
const NASTY: [&str; 22] = [
    "1e308",
    "-1",
    "1e-320",
    "0",
    "-0",
    "NaN",
    "inf",
    "50",
    "8",
    "60",
    "25",
    "08:00",
    "\u{feff}",
    "\u{200b}",
    "",
    ",",
    "\"",
    "\n",
    "9999999999999999999",
    "2026-02-30",
    "Duties",
    "rouding",
];

fn cases(default: usize) -> usize {
    std::env::var("VTVL_FUZZ_CASES")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(default)
}

fn rng() -> fastrand::Rng {
    let seed = std::env::var("VTVL_FUZZ_SEED")
        .ok()
        .and_then(|n| n.parse().ok())
        .unwrap_or(12);
    fastrand::Rng::with_seed(seed)
}

/// One random change to `text`: a number or word replaced by a nasty value, a span deleted, a
/// line repeated, or a character inserted.
fn mutate(text: &str, rng: &mut fastrand::Rng) -> String {
    let chars: Vec<char> = text.chars().collect();
    if chars.is_empty() {
        return NASTY[rng.usize(..NASTY.len())].to_owned();
    }
    let at = rng.usize(..chars.len());
    let mut out: Vec<char> = chars.clone();
    match rng.u8(..4) {
        0 => {
            // Replace the token around `at` (digits, letters, dots, dashes).
            let token = |c: &char| c.is_alphanumeric() || matches!(c, '.' | '-' | '_');
            let mut start = at;
            while start > 0 && token(&chars[start - 1]) {
                start -= 1;
            }
            let mut end = at;
            while end < chars.len() && token(&chars[end]) {
                end += 1;
            }
            let nasty = NASTY[rng.usize(..NASTY.len())];
            out.splice(start..end, nasty.chars());
        }
        1 => {
            let end = (at + rng.usize(1..40)).min(chars.len());
            out.drain(at..end);
        }
        2 => {
            let lines: Vec<&str> = text.lines().collect();
            let line = lines[rng.usize(..lines.len())];
            return format!("{text}\n{line}\n");
        }
        _ => {
            let nasty = NASTY[rng.usize(..NASTY.len())];
            out.splice(at..at, nasty.chars());
        }
    }
    out.into_iter().collect()
}

/// What a loaded plan may give: placed problems, or finite results with no negative count.
fn check_plan(plan: &Plan, case: &str) {
    let problems = validation::validate(plan);
    if !problems.is_empty() {
        for problem in &problems {
            assert!(!problem.to_string().is_empty(), "{case}");
        }
        return;
    }
    let Ok(results) = engine::compute(plan) else {
        // A typed engine error names its position; it is never a figure.
        return;
    };
    for p in &results.positions {
        let figures = [
            p.required_fte,
            p.service_fte,
            p.caf,
            p.iaf,
            p.norm_fte,
            p.current,
        ];
        assert!(figures.iter().all(|f| f.is_finite()), "{case}: {p:?}");
        assert!(p.required >= 0 && p.proposed >= 0, "{case}: {p:?}");
    }
    for u in &results.units {
        assert!(
            u.required_fte.is_finite() && u.required >= 0,
            "{case}: {u:?}"
        );
    }
    assert!(
        results.total.required_fte.is_finite() && results.total.required >= 0,
        "{case}"
    );
}

/// Runs `body`, turning a panic into a failure that names the case.
fn no_panic(case: &str, body: impl FnOnce()) {
    if catch_unwind(AssertUnwindSafe(body)).is_err() {
        panic!("panicked on {case}");
    }
}

#[test]
fn mutated_plan_files_never_panic_nor_give_bad_figures() {
    let text = fs::read_to_string(SAMPLE_PLAN).unwrap();
    let mut rng = rng();
    for case in 0..cases(120) {
        let mut mutated = mutate(&text, &mut rng);
        if rng.bool() {
            mutated = mutate(&mutated, &mut rng);
        }
        let label = format!("plan case {case}");
        no_panic(&label, || {
            match from_ron_str(&mutated, Path::new("x.ron")) {
                Ok(plan) => check_plan(&plan, &label),
                Err(error) => assert!(error.to_string().contains("x.ron"), "{label}: {error}"),
            }
        });
    }
}

/// Writes the sample folder with `changed` replacing one table's text.
fn write_folder(dir: &Path, changed: (&str, &str)) {
    for table in TABLES {
        let text = if table == changed.0 {
            changed.1.to_owned()
        } else {
            fs::read_to_string(Path::new(SAMPLE_DIR).join(format!("{table}.csv"))).unwrap()
        };
        fs::write(dir.join(format!("{table}.csv")), text).unwrap();
    }
}

/// The import's outcome checked: every problem names its file.
fn check_import(result: Result<Plan, vtvl::interchange::ImportError>, label: &str) {
    match result {
        Ok(plan) => check_plan(&plan, label),
        Err(error) => {
            for problem in error.problems() {
                assert!(!problem.file().is_empty(), "{label}: {problem}");
            }
            assert!(!error.to_string().is_empty(), "{label}");
        }
    }
}

#[test]
fn mutated_csv_folders_never_panic_nor_give_bad_figures() {
    let mut rng = rng();
    let dir = tempfile::tempdir().unwrap();
    for case in 0..cases(100) {
        let table = TABLES[rng.usize(..TABLES.len())];
        let text = fs::read_to_string(Path::new(SAMPLE_DIR).join(format!("{table}.csv"))).unwrap();
        let mutated = mutate(&text, &mut rng);
        write_folder(dir.path(), (table, &mutated));
        let label = format!("csv case {case} ({table}.csv)");
        no_panic(&label, || check_import(import_dir(dir.path()), &label));
    }
}

/// The sample folder as a workbook, cells as text or numbers as a planner would type them.
fn write_workbook(path: &Path, changed: (&str, &str)) {
    let mut book = Workbook::new();
    for table in TABLES {
        let text = if table == changed.0 {
            changed.1.to_owned()
        } else {
            fs::read_to_string(Path::new(SAMPLE_DIR).join(format!("{table}.csv"))).unwrap()
        };
        let sheet = book.add_worksheet();
        sheet.set_name(table).unwrap();
        let mut reader = csv::ReaderBuilder::new()
            .has_headers(false)
            .flexible(true)
            .from_reader(text.as_bytes());
        for (row, record) in reader.records().enumerate() {
            let Ok(record) = record else { continue };
            for (col, cell) in record.iter().enumerate() {
                let (row, col) = (row as u32, col as u16);
                let written = match cell.parse::<f64>() {
                    Ok(value) if value.is_finite() => sheet.write_number(row, col, value).is_ok(),
                    _ => sheet.write_string(row, col, cell).is_ok(),
                };
                assert!(written, "the test workbook takes every cell");
            }
        }
    }
    book.save(path).unwrap();
}

#[test]
fn mutated_workbooks_never_panic_nor_give_bad_figures() {
    let mut rng = rng();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("w.xlsx");
    for case in 0..cases(40) {
        let table = TABLES[rng.usize(..TABLES.len())];
        let text = fs::read_to_string(Path::new(SAMPLE_DIR).join(format!("{table}.csv"))).unwrap();
        let mutated = mutate(&text, &mut rng);
        write_workbook(&path, (table, &mutated));
        let label = format!("workbook case {case} ({table})");
        no_panic(&label, || check_import(import_path(&path), &label));
    }
}
