//! The portfolio view: Tệp > Mở thư mục tổng hợp... opens a folder of the samples, generated
//! agencies and a broken file; its rows and totals are each plan's own compute and check, the
//! broken file is its row, the table sorts and filters, the benchmark is the library's, and a
//! click opens an agency's plan (asking first about unsaved changes).

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable as _;
use vtvl::app::VtvlApp;
use vtvl::app::document::Document;
use vtvl::app::files::Picked;
use vtvl::app::portfolio::AgencyColumn;
use vtvl::app::state::{Dialog, Tab};
use vtvl::editing::Edit;
use vtvl::format::vi_number;
use vtvl::rules::Severity;
use vtvl::{engine, generate, plan_file, rules};

use crate::harness::{ScriptedDialogs, click, files_harness, has_label_containing, set_field};

const OPEN_FOLDER: &str = "Mở thư mục tổng hợp...";
const SAMPLE_AGENCY: &str = "Sở Tài chính tỉnh An Hòa";

/// The samples, 12 generated agencies under `gen/` and a broken file under `sub/`.
fn portfolio_folder() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let samples = Path::new(env!("CARGO_MANIFEST_DIR")).join("plans");
    for entry in std::fs::read_dir(samples).unwrap() {
        let path = entry.unwrap().path();
        std::fs::copy(&path, dir.path().join(path.file_name().unwrap())).unwrap();
    }
    let spec = generate::PortfolioSpec {
        agencies: 12,
        seed: 9,
        staff: None,
    };
    for agency in generate::portfolio(spec) {
        let path = dir.path().join("gen").join(&agency.relative);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        plan_file::save(&agency.plan, &path).unwrap();
    }
    std::fs::create_dir_all(dir.path().join("sub")).unwrap();
    std::fs::write(
        dir.path().join("sub/hong.ron"),
        "(format_version: 2, meta: (name: ",
    )
    .unwrap();
    dir
}

fn harness(dialogs: &ScriptedDialogs) -> Harness<'static, VtvlApp> {
    files_harness(
        Document::new(plan_file::default_plan().unwrap(), None),
        dialogs,
        None,
    )
}

/// Lets the worker finish opening the portfolio.
fn wait_loaded(harness: &mut Harness<'static, VtvlApp>) {
    let started = Instant::now();
    while harness.state().state.portfolio.is_busy() {
        assert!(
            started.elapsed() < Duration::from_secs(120),
            "the portfolio opens"
        );
        std::thread::sleep(Duration::from_millis(20));
        harness.step();
    }
    harness.run();
}

fn open_from_menu(harness: &mut Harness<'static, VtvlApp>) {
    click(harness, "Tệp");
    click(harness, OPEN_FOLDER);
    wait_loaded(harness);
}

/// A plan's row as computed here, apart from the app: its totals and its check's counts.
struct Expected {
    required: i64,
    proposed: i64,
    current: f64,
    errors: usize,
    warnings: usize,
}

fn expected(file: &Path) -> Expected {
    let plan = plan_file::load(file).unwrap();
    let results = engine::compute(&plan).unwrap();
    let findings = rules::check(&plan, &results, plan.judgement_date());
    let count = |s| findings.iter().filter(|f| f.severity == s).count();
    Expected {
        required: results.total.required,
        proposed: results.total.proposed,
        current: results.total.current,
        errors: count(Severity::Error),
        warnings: count(Severity::Warning),
    }
}

fn plan_files(dir: &Path) -> Vec<PathBuf> {
    let mut files = Vec::new();
    let mut folders = vec![dir.to_path_buf()];
    while let Some(folder) = folders.pop() {
        for entry in std::fs::read_dir(folder).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                folders.push(path);
            } else {
                files.push(path);
            }
        }
    }
    files
}

#[test]
fn a_folder_opens_with_each_plans_own_figures_and_the_broken_file_as_its_row() {
    let dir = portfolio_folder();
    let dialogs = ScriptedDialogs::default();
    dialogs.answer_path(dir.path());
    let mut harness = harness(&dialogs);
    assert!(
        !has_label_containing(&harness, "Tổng hợp"),
        "no portfolio tab before a portfolio is opened"
    );
    open_from_menu(&mut harness);
    assert_eq!(
        dialogs.asked(),
        vec!["Chọn thư mục đề án để tổng hợp".to_owned()]
    );
    let state = &harness.state().state;
    assert_eq!(state.tab, Tab::Portfolio);
    let loaded = state.portfolio.loaded.clone().expect("loaded");
    let files = plan_files(dir.path());
    assert_eq!(loaded.portfolio.agencies.len(), files.len());
    assert_eq!(files.len(), 5 + 12 + 1);

    let (mut required, mut proposed, mut errors, mut warnings) = (0, 0, 0, 0);
    for file in &files {
        let agency = loaded
            .portfolio
            .agencies
            .iter()
            .find(|a| &a.file == file)
            .unwrap_or_else(|| panic!("{} has its row", file.display()));
        if file.ends_with("sub/hong.ron") {
            let error = agency
                .outcome
                .as_ref()
                .expect_err("the broken file's error");
            assert!(error.to_string().contains("hong.ron"), "{error}");
            continue;
        }
        let row = agency.figures().expect("figures");
        let own = expected(file);
        assert_eq!(row.required, own.required, "{}", file.display());
        assert_eq!(row.proposed, own.proposed, "{}", file.display());
        assert!((row.current - own.current).abs() < 1e-9);
        assert_eq!(
            (row.errors, row.warnings),
            (own.errors, own.warnings),
            "{}",
            file.display()
        );
        required += own.required;
        proposed += own.proposed;
        errors += own.errors;
        warnings += own.warnings;
    }
    let all = &loaded.portfolio.totals.all;
    assert_eq!((all.required, all.proposed), (required, proposed));
    assert_eq!(loaded.portfolio.totals.unreadable, 1);

    // What the window shows: the sums, the broken file's row, an agency's row.
    for text in [
        format!("{} đề án", files.len() - 1),
        format!("cần có {}", vi_number(required as f64, 0)),
        format!("đề nghị {}", vi_number(proposed as f64, 0)),
        "1 đề án không đọc được".to_owned(),
    ] {
        assert!(has_label_containing(&harness, &text), "{text} shown");
    }
    harness.get_by_label("sub/hong.ron");
    harness.get_by_label(SAMPLE_AGENCY);

    // The findings of all plans, and the benchmark on task codes: the library's.
    click(
        &mut harness,
        &format!("Kết quả kiểm tra ({})", errors + warnings),
    );
    assert_eq!(
        harness.state_mut().state.portfolio.findings().len(),
        loaded
            .portfolio
            .agencies
            .iter()
            .filter_map(|a| a.outcome.as_ref().ok())
            .map(|c| c.findings.len())
            .sum::<usize>()
    );
    let benchmark = vtvl::portfolio::benchmark(&vtvl::portfolio::open(dir.path(), None).unwrap())
        .expect("benchmark");
    assert_eq!(
        harness.state().state.portfolio.benchmark.as_deref(),
        Some(&Ok(benchmark.clone()))
    );
    assert!(
        !benchmark.codes.is_empty(),
        "generated plans share task codes"
    );
    click(
        &mut harness,
        &format!("So sánh theo mã nhiệm vụ ({})", benchmark.outlier_count()),
    );
    assert!(has_label_containing(
        &harness,
        &format!("{} mã nhiệm vụ", benchmark.codes.len())
    ));
    let first = benchmark.codes.first().unwrap();
    harness.get_by_label(&first.code);
}

#[test]
fn the_table_sorts_and_filters_and_a_click_opens_the_agencys_plan() {
    let dir = portfolio_folder();
    let dialogs = ScriptedDialogs::default();
    dialogs.answer_path(dir.path());
    let mut harness = harness(&dialogs);
    open_from_menu(&mut harness);

    // Sorting by required, ascending then descending; the broken file stays last.
    click(&mut harness, "Cần có");
    let required = |harness: &mut Harness<'static, VtvlApp>| -> Vec<Option<i64>> {
        let state = &mut harness.state_mut().state;
        let loaded = state.portfolio.loaded.clone().unwrap();
        let rows = state.portfolio.rows(state.preferences.language);
        rows.iter()
            .map(|&i| loaded.portfolio.agencies[i].figures().map(|f| f.required))
            .collect()
    };
    let ascending = required(&mut harness);
    assert_eq!(
        harness.state().state.portfolio.sort,
        Some((AgencyColumn::Required, true))
    );
    assert!(ascending.windows(2).all(|w| match (w[0], w[1]) {
        (Some(a), Some(b)) => a <= b,
        (_, None) => true,
        (None, Some(_)) => false,
    }));
    click(&mut harness, "Cần có");
    let descending = required(&mut harness);
    assert!(
        descending
            .iter()
            .flatten()
            .collect::<Vec<_>>()
            .windows(2)
            .all(|w| w[0] >= w[1])
    );
    assert_eq!(descending.last(), Some(&None));

    // Filtering, accents ignored.
    set_field(&mut harness, "Lọc:", 0, "so tai chinh tinh an hoa");
    let rows = {
        let state = &mut harness.state_mut().state;
        state.portfolio.rows(state.preferences.language)
    };
    assert_eq!(rows.len(), 1);

    // Unsaved work is asked about first; then the agency's plan opens on the Positions tab.
    let mut meta = harness.state().state.document.plan().meta.clone();
    meta.name = "Đã sửa".to_owned();
    harness
        .state_mut()
        .state
        .apply(Edit::SetMeta(meta))
        .unwrap();
    harness.run();
    click(&mut harness, SAMPLE_AGENCY);
    assert!(matches!(
        harness.state().state.dialog,
        Some(Dialog::File(_))
    ));
    click(&mut harness, "Không lưu");
    let state = &harness.state().state;
    let file = dir.path().join("so-tai-chinh.ron");
    assert_eq!(state.document.path(), Some(file.as_path()));
    assert_eq!(state.document.plan(), &plan_file::load(&file).unwrap());
    assert_eq!(state.tab, Tab::Positions);
    // The portfolio stays a tab away, in the tab row's » menu when the row is cut.
    click(&mut harness, "»");
    // The menu's entry comes first, before the tab cut off the row.
    harness.get_all_by_label("Tổng hợp").next().unwrap().click();
    harness.run();
    assert_eq!(harness.state().state.tab, Tab::Portfolio);
    let filter = harness.get_by_label("Lọc:");
    assert_eq!(filter.value().as_deref(), Some("so tai chinh tinh an hoa"));
}

#[test]
fn without_a_folder_dialog_the_folder_is_typed() {
    let dir = portfolio_folder();
    let dialogs = ScriptedDialogs::default();
    dialogs.answer(Picked::Unavailable);
    let mut harness = harness(&dialogs);
    click(&mut harness, "Tệp");
    click(&mut harness, OPEN_FOLDER);
    set_field(&mut harness, "Đường dẫn:", 0, dir.path().to_str().unwrap());
    click(&mut harness, "Mở thư mục");
    wait_loaded(&mut harness);
    let state = &harness.state().state;
    assert!(state.dialog.is_none());
    let loaded = state.portfolio.loaded.as_ref().expect("loaded");
    assert_eq!(loaded.portfolio.root, dir.path());
    assert_eq!(loaded.portfolio.agencies.len(), 18);

    // A folder that does not exist is said so, and nothing else changes.
    let missing = dir.path().join("khong-co");
    vtvl::app::portfolio::open(&mut harness.state_mut().state, &missing);
    wait_loaded(&mut harness);
    let state = &harness.state().state;
    assert!(
        state
            .portfolio
            .error
            .as_deref()
            .is_some_and(|e| e.contains("khong-co")),
        "{:?}",
        state.portfolio.error
    );
}
