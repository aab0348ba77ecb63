//! `vtvl bench`: compute, load, save and the dossier export timed at province and national
//! scale.
//!
//! Run it on a release build (`cargo run --release -- bench`); debug builds are several times
//! slower. Peak memory is the process's high-water mark, so measure one scale per process.

use std::time::{Duration, Instant};

use anyhow::Context as _;
use clap::ValueEnum;

use crate::dossier;
use crate::engine;
use crate::generate::{self, Spec};
use crate::plan_file;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Which scale to measure.
    #[arg(long, value_enum, default_value_t = Scale::Province)]
    pub scale: Scale,
    /// Timed runs of each measurement (the median is reported).
    #[arg(long)]
    pub runs: Option<usize>,
    /// Seed of the synthetic plan.
    #[arg(long, default_value_t = 1)]
    pub seed: u64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Scale {
    /// 1,000 units, ~6,000 positions, ~60,000 components, 25,583 staff; compute, load, save and
    /// the dossier workbook.
    Province,
    /// 100,000 units, ~600,000 positions, ~6,000,000 components, ~2.5 million staff; compute.
    National,
    /// A province as a portfolio: 1,000 agency plan files (25,583 staff) opened, computed and
    /// checked, in process and as a whole `vtvl portfolio` process.
    Portfolio,
    /// The workforce projection of a province plan (25,583 staff) over 5 years: the plan as it
    /// is, and under a scenario whose workload grows every year (the engine once a year).
    Projection,
    /// One frame of the desktop app (layout and tessellation, no GPU) on a province plan.
    Ui,
}

pub fn run(args: &Args) -> anyhow::Result<()> {
    if cfg!(debug_assertions) {
        eprintln!("warning: a debug build; run `cargo run --release -- bench` for real figures");
    }
    match args.scale {
        Scale::Province => province(args.runs.unwrap_or(30), args.seed),
        Scale::National => national(args.runs.unwrap_or(5), args.seed),
        Scale::Portfolio => portfolio(args.runs.unwrap_or(5), args.seed),
        Scale::Ui => ui_frames(args.runs.unwrap_or(120), args.seed),
        Scale::Projection => projection(args.runs.unwrap_or(20), args.seed),
    }
}

fn describe(plan: &crate::model::Plan) -> String {
    format!(
        "{} units, {} positions, {} components, {} staff",
        plan.units.len(),
        plan.positions.len(),
        plan.component_count(),
        plan.staff.len()
    )
}

fn province(runs: usize, seed: u64) -> anyhow::Result<()> {
    let plan = generate::generate(Spec::province(seed));
    println!("province plan: {}", describe(&plan));
    let compute = timed(runs, || engine::compute(&plan).map(drop))?;
    report(
        "compute (province)",
        &compute,
        Some(Duration::from_millis(30)),
    );

    let dir = std::env::temp_dir().join(format!("vtvl-bench-{}", std::process::id()));
    std::fs::create_dir_all(&dir).with_context(|| format!("cannot create {}", dir.display()))?;
    let path = dir.join("province.ron");
    let save = timed(runs.min(10), || plan_file::save(&plan, &path))?;
    let size = std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0);
    let load_ron = timed(runs.min(10), || plan_file::load_ron(&path).map(drop))?;
    // The first load writes the cache beside the file; the others read it.
    let load = timed(runs.min(10), || plan_file::load(&path).map(drop))?;
    let validation = timed(runs.min(10), || {
        crate::validation::validate(&plan);
        Ok::<(), anyhow::Error>(())
    })?;
    let results = engine::compute(&plan)?;
    let workbook = dir.join("province.xlsx");
    let today = crate::model::CivilDate::today();
    let export = timed(runs.min(5), || {
        dossier::write_workbook(&plan, &results, &workbook, today)
    })?;
    let workbook_size = std::fs::metadata(&workbook).map(|m| m.len()).unwrap_or(0);
    std::fs::remove_dir_all(&dir).ok();
    println!("plan file: {:.1} MB", size as f64 / 1e6);
    report("save (province)", &save, Some(Duration::from_millis(300)));
    report(
        "load from RON alone (province)",
        &load_ron,
        Some(Duration::from_millis(300)),
    );
    report(
        "load through the cache (province)",
        &load,
        Some(Duration::from_millis(60)),
    );
    report("validation (province)", &validation, None);
    println!("dossier workbook: {:.1} MB", workbook_size as f64 / 1e6);
    report(
        "export --xlsx (province)",
        &export,
        Some(Duration::from_secs(1)),
    );
    print_peak_memory(None);
    Ok(())
}

fn projection(runs: usize, seed: u64) -> anyhow::Result<()> {
    use crate::model::{Scenario, ScenarioChange};
    use crate::projection::{Options, ScenarioChoice, project};
    let mut plan = generate::generate(Spec::province(seed));
    println!("province plan: {}", describe(&plan));
    let target = Some(Duration::from_millis(100));
    let plain = Options {
        scenario: ScenarioChoice::Plain,
        ..Options::default()
    };
    let times = timed(runs, || project(&plan, &plain).map(drop))?;
    report("projection, 5 years (province)", &times, target);
    plan.scenarios.list.push(Scenario {
        name: "growth".into(),
        description: String::new(),
        changes: vec![ScenarioChange::Growth {
            percent: 3.0,
            code: None,
            unit_id: None,
        }],
    });
    let growth = Options {
        scenario: ScenarioChoice::Named("growth".into()),
        ..Options::default()
    };
    let times = timed(runs, || project(&plan, &growth).map(drop))?;
    report(
        "projection, 5 years, workload growing each year (province)",
        &times,
        target,
    );
    Ok(())
}

/// The pandas script `vtvl compute` is compared with at national scale.
const PANDAS_SCRIPT: &str = include_str!("../../benches/compute_pandas.py");

/// The whole-process targets at national scale: at least 3 times faster than the pandas
/// script (10.4 s on this machine's kind when last measured, used when pandas is absent) and
/// under 2 GiB.
const PANDAS_MEASURED: Duration = Duration::from_millis(10_400);
const NATIONAL_PEAK_TARGET: u64 = 2 << 30;

fn national(runs: usize, seed: u64) -> anyhow::Result<()> {
    // The whole process first, as a user runs it, while this process is still small: a child
    // inherits the peak memory of the process it was started from, which would hide its own.
    // The plan file is written by a child too, then a first run reads the RON file and writes
    // the caches beside it, then runs are made from the columnar cache.
    let dir = std::env::temp_dir().join(format!("vtvl-bench-national-{}", std::process::id()));
    std::fs::create_dir_all(&dir).with_context(|| format!("cannot create {}", dir.display()))?;
    let path = dir.join("nation.ron");
    let exe = std::env::current_exe().context("cannot find the vtvl executable")?;
    let measured = child_run(
        std::process::Command::new(&exe)
            .args([
                "generate",
                "--units",
                "100000",
                "--seed",
                &seed.to_string(),
                "-o",
            ])
            .arg(&path),
    )
    .and_then(|written| {
        let size = std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0);
        println!(
            "national plan file: {:.2} GB of RON, generated and written in {:.1} s",
            size as f64 / 1e9,
            written.time.as_secs_f64()
        );
        national_processes(&dir, &path, runs.clamp(1, 5))
    });
    std::fs::remove_dir_all(&dir).ok();
    measured?;

    let started = Instant::now();
    let plan = generate::generate(Spec::national(seed));
    println!(
        "national plan: {} (generated in {:.1} s)",
        describe(&plan),
        started.elapsed().as_secs_f64()
    );
    let compute = timed(runs, || engine::compute(&plan).map(drop))?;
    report(
        "compute (national, in process)",
        &compute,
        Some(Duration::from_secs(3)),
    );
    print_peak_memory(None);
    Ok(())
}

/// Times `vtvl compute --format json` on the national plan file at `path` as whole processes,
/// and the pandas script on the same data (in `dir`) when python3 has pandas.
fn national_processes(
    dir: &std::path::Path,
    path: &std::path::Path,
    runs: usize,
) -> anyhow::Result<()> {
    let exe = std::env::current_exe().context("cannot find the vtvl executable")?;
    let compute = || {
        let mut command = std::process::Command::new(&exe);
        command.args(["compute", "--format", "json"]).arg(path);
        command
    };
    let first = child_run(&mut compute())?;
    println!(
        "vtvl compute --format json, first run (reads the RON file, writes the caches): {:.1} s, peak memory {}",
        first.time.as_secs_f64(),
        gib(first.peak_bytes)
    );
    let columns = plan_file::columns_path(path)
        .and_then(|columns| std::fs::metadata(columns).ok())
        .map(|m| m.len());
    match columns {
        Some(bytes) => println!("columnar cache: {:.0} MB", bytes as f64 / 1e6),
        None => println!("columnar cache: none was written"),
    }
    let mut cached = Vec::with_capacity(runs);
    for _ in 0..runs {
        cached.push(child_run(&mut compute())?);
    }
    let mut times: Vec<Duration> = cached.iter().map(|run| run.time).collect();
    times.sort();
    let peak = cached.iter().filter_map(|run| run.peak_bytes).max();

    let pandas = pandas_run(dir, &exe, path)?;
    let pandas_time = pandas.as_ref().map_or(PANDAS_MEASURED, |run| run.time);
    let target = pandas_time / 3;
    match &pandas {
        Some(run) => println!(
            "pandas (benches/compute_pandas.py on the plan's CSV export): {:.1} s, peak memory {}",
            run.time.as_secs_f64(),
            gib(run.peak_bytes)
        ),
        None => println!(
            "pandas: python3 with pandas not found; target from the last measured figure ({:.1} s)",
            PANDAS_MEASURED.as_secs_f64()
        ),
    }
    report(
        "vtvl compute --format json (national, whole process, cached)",
        &times,
        Some(target),
    );
    if let Some(median) = times.get(times.len() / 2) {
        println!(
            "  {:.1} times faster than pandas",
            pandas_time.as_secs_f64() / median.as_secs_f64().max(1e-9)
        );
    }
    match peak {
        Some(peak) => println!(
            "  peak memory {}; target <= 2 GiB: {}",
            gib(Some(peak)),
            if peak <= NATIONAL_PEAK_TARGET {
                "met"
            } else {
                "MISSED"
            }
        ),
        None => println!("  peak memory: not available on this system"),
    }
    Ok(())
}

/// The pandas script on the plan exported as CSV, when python3 can import pandas.
fn pandas_run(
    dir: &std::path::Path,
    exe: &std::path::Path,
    plan: &std::path::Path,
) -> anyhow::Result<Option<ChildRun>> {
    let has_pandas = std::process::Command::new("python3")
        .args(["-c", "import pandas, numpy"])
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .status()
        .is_ok_and(|status| status.success());
    if !has_pandas {
        return Ok(None);
    }
    let csv = dir.join("nation-csv");
    child_run(
        std::process::Command::new(exe)
            .arg("export-csv")
            .arg(plan)
            .arg(&csv),
    )?;
    let script = dir.join("compute_pandas.py");
    std::fs::write(&script, PANDAS_SCRIPT)
        .with_context(|| format!("cannot write {}", script.display()))?;
    child_run(std::process::Command::new("python3").arg(&script).arg(&csv)).map(Some)
}

/// A child process's wall time and peak resident memory.
struct ChildRun {
    time: Duration,
    peak_bytes: Option<u64>,
}

/// Runs `command` to its end, its standard output discarded, and fails when it fails.
fn child_run(command: &mut std::process::Command) -> anyhow::Result<ChildRun> {
    let start = Instant::now();
    let child = command
        .stdout(std::process::Stdio::null())
        .spawn()
        .with_context(|| format!("cannot run {command:?}"))?;
    let (success, peak_bytes) = wait_with_peak(child)?;
    let time = start.elapsed();
    if !success {
        anyhow::bail!("{command:?} failed");
    }
    Ok(ChildRun { time, peak_bytes })
}

/// Waits for a child and takes its peak resident memory from the kernel. The kernel counts
/// the memory of the process a child was started from in that peak, so children are measured
/// while this process is small.
#[cfg(target_os = "linux")]
fn wait_with_peak(child: std::process::Child) -> anyhow::Result<(bool, Option<u64>)> {
    let pid = libc::pid_t::try_from(child.id()).context("process id out of range")?;
    let mut status = 0;
    // SAFETY: a zeroed rusage is a valid value of this plain C struct, and wait4 writes only
    // into the two locals it is given, for a child of this process that nothing else waits for.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    loop {
        // SAFETY: as above.
        let waited = unsafe { libc::wait4(pid, &mut status, 0, &mut usage) };
        if waited == pid {
            break;
        }
        let error = std::io::Error::last_os_error();
        if error.kind() != std::io::ErrorKind::Interrupted {
            return Err(error).context("cannot wait for the child process");
        }
    }
    let success = libc::WIFEXITED(status) && libc::WEXITSTATUS(status) == 0;
    // Linux gives the peak in kilobytes.
    Ok((
        success,
        u64::try_from(usage.ru_maxrss).ok().map(|kb| kb * 1024),
    ))
}

#[cfg(not(target_os = "linux"))]
fn wait_with_peak(mut child: std::process::Child) -> anyhow::Result<(bool, Option<u64>)> {
    Ok((child.wait()?.success(), None))
}

fn gib(bytes: Option<u64>) -> String {
    bytes.map_or_else(
        || "not available".to_owned(),
        |bytes| format!("{:.2} GiB", bytes as f64 / (1u64 << 30) as f64),
    )
}

/// Frame times of the app on a province plan: idle frames, scrolling the positions table,
/// and frames while a recompute after an edit runs on the worker thread.
fn ui_frames(runs: usize, seed: u64) -> anyhow::Result<()> {
    use crate::app::VtvlApp;
    use crate::app::document::Document;
    use crate::app::headless::HeadlessWindow;
    use crate::app::state::Preferences;
    use crate::editing::{Edit, Undo};
    use crate::validation::{Scope, Validation};
    use eframe::egui;

    let plan = generate::generate(Spec::province(seed));
    println!("province plan: {}", describe(&plan));
    let first_workload = plan
        .positions
        .iter()
        .find(|p| p.method == crate::model::Method::Workload)
        .cloned()
        .context("the synthetic plan has no workload position")?;
    // The parts of one edit, on the library alone: its undo record and the edit, then the
    // validation of what it touched that decides whether it stays.
    let mut renamed = first_workload.clone();
    renamed.name.push_str(" (sửa)");
    let edit = Edit::UpdatePosition(Box::new(renamed));
    let mut edited = plan.clone();
    let undoable = timed(runs.clamp(1, 30), || {
        let undo = Undo::before(&edit, &edited);
        let applied = edit.clone().apply(&mut edited).map(drop);
        undo.apply(&mut edited);
        applied
    })?;
    report(
        "one edit with its undo record (province)",
        &undoable,
        Some(Duration::from_millis(2)),
    );
    let undo = Undo::before(&edit, &edited);
    edit.clone().apply(&mut edited)?;
    let touched = undo.touched(&edited);
    let validation = Validation::of(&edited);
    let scoped = timed(runs.clamp(1, 30), || {
        let scope = Scope::of(&touched, &edited);
        let found = Validation::within(&edited, &scope);
        validation.first_added(&scope, &found);
        Ok::<(), anyhow::Error>(())
    })?;
    report(
        "validation of what an edit touched (province)",
        &scoped,
        Some(Duration::from_millis(2)),
    );
    let full = timed(runs.clamp(1, 30), || {
        crate::validation::validate(&edited);
        Ok::<(), anyhow::Error>(())
    })?;
    report(
        "full validation, as on opening a plan (province)",
        &full,
        None,
    );
    drop(edited);
    let mut document = Document::new(plan, None);
    document.wait_for_results();
    let mut app = VtvlApp::new(document, Preferences::default());
    app.state.selected_position = Some(first_workload.id.clone());
    let mut window = HeadlessWindow::new(app, egui::vec2(1280.0, 800.0));
    for _ in 0..10 {
        window.frame(vec![]);
    }
    let idle = timed_frames(runs, || {
        window.frame(vec![HeadlessWindow::pointer_at(700.0, 400.0)])
    });
    report(
        "frame, idle (province)",
        &idle,
        Some(Duration::from_millis(4)),
    );
    let scrolling = timed_frames(runs, || {
        window.frame(vec![
            HeadlessWindow::pointer_at(700.0, 400.0),
            HeadlessWindow::scroll(3.0),
        ])
    });
    report(
        "frame, scrolling positions (province)",
        &scrolling,
        Some(Duration::from_millis(4)),
    );
    // One edit at a time, as a user types: the recompute it starts finishes before the next.
    let renamed = |run: usize| {
        let mut edited = first_workload.clone();
        edited.name.push_str(&format!(" (sửa {run})"));
        Edit::UpdatePosition(Box::new(edited))
    };
    let apply = |window: &mut HeadlessWindow, run: usize| -> anyhow::Result<()> {
        window
            .app_mut()
            .state
            .document
            .apply(renamed(run))
            .map(|_| ())
            .map_err(|reason| anyhow::anyhow!(reason))
    };
    let edit_runs = runs.clamp(1, 30);
    let mut edits = Vec::with_capacity(edit_runs);
    let mut shown = Vec::with_capacity(edit_runs);
    let mut arrived = Vec::with_capacity(edit_runs);
    for run in 0..edit_runs {
        let start = Instant::now();
        apply(&mut window, run)?;
        edits.push(start.elapsed());
        window.frame(vec![]);
        shown.push(start.elapsed());
        window.app_mut().state.document.wait_for_results();
        arrived.push(window.frame(vec![]));
    }
    edits.sort();
    shown.sort();
    arrived.sort();
    report(
        "applying one edit (undo record, validation, start of the recompute)",
        &edits,
        Some(Duration::from_millis(16)),
    );
    report(
        "one edit and the frame that shows it",
        &shown,
        Some(Duration::from_millis(16)),
    );
    report(
        "frame, the results of an edit arriving",
        &arrived,
        Some(Duration::from_millis(16)),
    );
    // Edits in quick succession: each comes while the recompute of the one before still runs.
    let mut quick = Vec::with_capacity(edit_runs);
    for run in 0..edit_runs {
        let start = Instant::now();
        apply(&mut window, edit_runs + run)?;
        quick.push(start.elapsed());
    }
    window.app_mut().state.document.wait_for_results();
    quick.sort();
    report(
        "applying one edit while results are updating",
        &quick,
        Some(Duration::from_millis(16)),
    );
    let mut edited = first_workload;
    edited.name.push_str(" (sửa)");
    window
        .app_mut()
        .state
        .document
        .apply(Edit::UpdatePosition(Box::new(edited)))
        .map_err(|reason| anyhow::anyhow!(reason))?;
    let updating = timed_frames(runs.min(30), || window.frame(vec![]));
    report(
        "frame, results updating after an edit (province)",
        &updating,
        Some(Duration::from_millis(8)),
    );
    window.app_mut().state.document.wait_for_results();
    projection_frames(&mut window, runs)
}

/// Frames of the Dự báo tab on the province plan: idle once the projection is made, and after
/// a scenario edit, while the new projection is made on a worker (the last one stays drawn).
fn projection_frames(
    window: &mut crate::app::headless::HeadlessWindow,
    runs: usize,
) -> anyhow::Result<()> {
    use crate::app::{projection_view, state::Tab};
    use crate::editing::Edit;
    use crate::model::{Scenario, ScenarioChange};

    let state = &mut window.app_mut().state;
    state.tab = Tab::Projection;
    state.selected_position = None;
    let first = window.frame(vec![]);
    projection_view::wait(&mut window.app_mut().state);
    let drawn = window.frame(vec![]);
    println!(
        "Dự báo tab: first frame {:.1} ms (the projection starts on a worker), the frame it arrives in {:.1} ms",
        first.as_secs_f64() * 1e3,
        drawn.as_secs_f64() * 1e3
    );
    let idle = timed_frames(runs, || window.frame(vec![]));
    report(
        "frame, Dự báo tab idle (province)",
        &idle,
        Some(Duration::from_millis(16)),
    );
    let edit_runs = runs.clamp(1, 30);
    let mut shown = Vec::with_capacity(edit_runs);
    let mut arrived = Vec::with_capacity(edit_runs);
    for run in 0..edit_runs {
        let state = &mut window.app_mut().state;
        let mut scenarios = state.document.plan().scenarios.clone();
        scenarios.list.retain(|s| s.name != "bench");
        scenarios.list.push(Scenario {
            name: "bench".into(),
            changes: vec![ScenarioChange::Growth {
                percent: 1.0 + run as f64,
                code: None,
                unit_id: None,
            }],
            ..Scenario::default()
        });
        scenarios.active = Some("bench".into());
        let start = Instant::now();
        state
            .document
            .apply(Edit::SetScenarios(scenarios))
            .map_err(|reason| anyhow::anyhow!(reason))?;
        window.frame(vec![]);
        shown.push(start.elapsed());
        window.app_mut().state.document.wait_for_results();
        window.frame(vec![]);
        projection_view::wait(&mut window.app_mut().state);
        arrived.push(window.frame(vec![]));
    }
    shown.sort();
    arrived.sort();
    report(
        "Dự báo tab: a scenario edit and the frame that shows it (province)",
        &shown,
        Some(Duration::from_millis(16)),
    );
    report(
        "Dự báo tab: the frame the new projection arrives in (province)",
        &arrived,
        Some(Duration::from_millis(16)),
    );
    Ok(())
}

fn timed_frames(runs: usize, mut frame: impl FnMut() -> Duration) -> Vec<Duration> {
    let mut times: Vec<Duration> = (0..runs.max(1)).map(|_| frame()).collect();
    times.sort();
    times
}

/// Runs `work` once to warm up, then `runs` times, and returns the sorted durations.
fn timed<E>(runs: usize, mut work: impl FnMut() -> Result<(), E>) -> Result<Vec<Duration>, E> {
    work()?;
    let mut times = Vec::with_capacity(runs);
    for _ in 0..runs.max(1) {
        let start = Instant::now();
        work()?;
        times.push(start.elapsed());
    }
    times.sort();
    Ok(times)
}

/// Prints the median, 95th percentile, min and max of `sorted` durations, and whether the
/// median meets `target` when there is one.
fn report(what: &str, sorted: &[Duration], target: Option<Duration>) {
    let ms = |d: Duration| d.as_secs_f64() * 1e3;
    let at = |share: f64| {
        let index = ((sorted.len() as f64 * share).ceil() as usize).saturating_sub(1);
        sorted.get(index).copied().unwrap_or_default()
    };
    let median = sorted.get(sorted.len() / 2).copied().unwrap_or_default();
    let (min, max) = (
        sorted.first().copied().unwrap_or_default(),
        sorted.last().copied().unwrap_or_default(),
    );
    let verdict = target.map_or_else(String::new, |target| {
        format!(
            "; target <= {:.0} ms: {}",
            ms(target),
            if median <= target { "met" } else { "MISSED" }
        )
    });
    println!(
        "{what}: median {:.1} ms, p95 {:.1} (min {:.1}, max {:.1}, {} runs){verdict}",
        ms(median),
        ms(at(0.95)),
        ms(min),
        ms(max),
        sorted.len(),
    );
}

/// Prints the process's peak resident memory (Linux), against a target when given.
fn print_peak_memory(target_bytes: Option<u64>) {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let peak_kb = status
        .lines()
        .find_map(|l| l.strip_prefix("VmHWM:"))
        .and_then(|v| v.trim().trim_end_matches("kB").trim().parse::<u64>().ok());
    match (peak_kb, target_bytes) {
        (Some(kb), Some(target)) => println!(
            "peak memory: {:.2} GiB; target <= {:.0} GiB: {}",
            kb as f64 / (1u64 << 20) as f64,
            target as f64 / (1u64 << 30) as f64,
            if kb * 1024 <= target { "met" } else { "MISSED" }
        ),
        (Some(kb), None) => println!("peak memory: {:.0} MiB", kb as f64 / 1024.0),
        (None, _) => println!("peak memory: not available on this system"),
    }
}

/// A generated province portfolio opened, computed and checked: in process, then as a whole
/// `vtvl portfolio DIR --format json` process (start-up and output included); and the
/// benchmark on task codes the app's portfolio view makes of it.
fn portfolio(runs: usize, seed: u64) -> anyhow::Result<()> {
    let plans = generate::portfolio(generate::PortfolioSpec {
        agencies: 1_000,
        seed,
        staff: None,
    });
    let staff: usize = plans.iter().map(|a| a.plan.staff.len()).sum();
    let dir = std::env::temp_dir().join(format!("vtvl-bench-portfolio-{}", std::process::id()));
    for agency in &plans {
        let path = dir.join(&agency.relative);
        if let Some(folder) = path.parent() {
            std::fs::create_dir_all(folder)
                .with_context(|| format!("cannot create {}", folder.display()))?;
        }
        plan_file::save(&agency.plan, &path)?;
    }
    drop(plans);
    println!("province portfolio: 1000 plan files, {staff} staff");
    let open = timed(runs, || {
        let opened = crate::portfolio::open(&dir, None).map_err(|e| anyhow::anyhow!("{e}"))?;
        if opened.totals.unreadable > 0 {
            anyhow::bail!(
                "{} plans of the portfolio could not be read",
                opened.totals.unreadable
            );
        }
        Ok(())
    });
    let opened = crate::portfolio::open(&dir, None).map_err(|e| anyhow::anyhow!("{e}"))?;
    let benchmark = timed(runs, || {
        crate::portfolio::benchmark(&opened)
            .map(drop)
            .map_err(|e| anyhow::anyhow!("{e}"))
    });
    drop(opened);
    let exe = std::env::current_exe().context("cannot find the vtvl executable")?;
    let process = timed(runs, || {
        std::process::Command::new(&exe)
            .args(["portfolio", "--format", "json"])
            .arg(&dir)
            .stdout(std::process::Stdio::null())
            .status()
            .map(drop)
    });
    std::fs::remove_dir_all(&dir).ok();
    report(
        "open, compute and check (portfolio, in process)",
        &open?,
        Some(Duration::from_secs(1)),
    );
    report(
        "vtvl portfolio --format json (whole process)",
        &process?,
        Some(Duration::from_secs(1)),
    );
    report(
        "benchmark on task codes (portfolio view, in process)",
        &benchmark?,
        None,
    );
    print_peak_memory(None);
    Ok(())
}
