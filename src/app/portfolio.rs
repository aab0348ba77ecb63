//! The portfolio view's state, apart from its drawing ([`super::ui`]): a folder of plan files
//! opened off the UI thread with [`crate::portfolio::open`] (the call `vtvl portfolio` makes)
//! and benchmarked with [`crate::portfolio::benchmark`], then how its tables are sorted and
//! filtered, and an agency's plan asked for while the unsaved-changes question is open.
//!
//! Every figure shown comes from the library's [`Portfolio`]; the view only orders rows.

use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::mpsc::{Receiver, TryRecvError, channel};

use super::files::{self, Pending};
use super::memo::Memo;
use super::state::{AppState, Dialog, Notice, Tab};
use crate::compare::Benchmark;
use crate::format::folded;
use crate::language::{Language, Localized as _};
use crate::portfolio::{self, Agency, Portfolio};

/// A portfolio opened.
#[derive(Debug)]
pub struct Loaded {
    pub portfolio: Portfolio,
    /// How long opening took, for the status line.
    pub seconds: f64,
}

/// What the worker reports: the portfolio first, then its benchmark (which takes longer), so
/// that the agencies show as soon as they are checked.
#[derive(Debug)]
enum Message {
    Opened(Result<Arc<Loaded>, String>),
    Benchmarked(Result<Benchmark, String>),
}

/// What the view shows under the totals.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Section {
    #[default]
    Agencies,
    Findings,
    Benchmark,
}

/// The columns of the agencies' table, each sortable.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AgencyColumn {
    Agency,
    UnitType,
    Quota,
    Current,
    Required,
    Proposed,
    Appraised,
    /// Current minus required: negative is a shortage.
    Difference,
    Errors,
    Warnings,
    File,
}

impl AgencyColumn {
    pub const ALL: [AgencyColumn; 11] = [
        AgencyColumn::Agency,
        AgencyColumn::UnitType,
        AgencyColumn::Quota,
        AgencyColumn::Current,
        AgencyColumn::Required,
        AgencyColumn::Proposed,
        AgencyColumn::Appraised,
        AgencyColumn::Difference,
        AgencyColumn::Errors,
        AgencyColumn::Warnings,
        AgencyColumn::File,
    ];

    pub fn title(self, language: Language) -> &'static str {
        let (vi, en) = match self {
            AgencyColumn::Agency => ("Cơ quan, đơn vị", "Agency"),
            AgencyColumn::UnitType => ("Loại", "Type"),
            AgencyColumn::Quota => ("Biên chế giao", "Quota"),
            AgencyColumn::Current => ("Hiện có", "Current"),
            AgencyColumn::Required => ("Cần có", "Required"),
            AgencyColumn::Proposed => ("Đề nghị", "Proposed"),
            AgencyColumn::Appraised => ("Thẩm định", "Appraised"),
            AgencyColumn::Difference => ("Chênh lệch", "Difference"),
            AgencyColumn::Errors => ("Lỗi", "Errors"),
            AgencyColumn::Warnings => ("Cảnh báo", "Warnings"),
            AgencyColumn::File => ("Tệp", "File"),
        };
        language.t(vi, en)
    }
}

/// Current minus required of an agency's row (the sign the app's colours read).
pub fn difference(agency: &Agency) -> Option<f64> {
    agency.figures().map(|f| f.current - f.required as f64)
}

/// One finding of one plan, by position in the portfolio.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FindingRow {
    pub agency: usize,
    pub finding: usize,
}

/// A portfolio being opened on a worker thread.
#[derive(Debug)]
struct Loading {
    root: PathBuf,
    receiver: Receiver<Message>,
}

type RowsKey = (u64, String, Option<(AgencyColumn, bool)>);

#[derive(Debug, Default)]
pub struct PortfolioState {
    loading: Option<Loading>,
    pub loaded: Option<Arc<Loaded>>,
    /// The worker still to send the loaded portfolio's benchmark.
    benchmarking: Option<Receiver<Message>>,
    /// The benchmark on task codes of every plan read, or why it could not be made; `None`
    /// while it is being made.
    pub benchmark: Option<Arc<Result<Benchmark, String>>>,
    /// Why the last folder could not be opened.
    pub error: Option<String>,
    pub section: Section,
    /// Agencies whose name or file contains this (accents and case ignored).
    pub filter: String,
    pub sort: Option<(AgencyColumn, bool)>,
    /// Only list flagged values in the benchmark.
    pub only_outliers: bool,
    /// Bumped when another portfolio is loaded.
    generation: u64,
    rows: Memo<RowsKey, Arc<Vec<usize>>>,
    findings: Memo<u64, Arc<Vec<FindingRow>>>,
    /// The agency's plan asked for while the unsaved-changes question is open.
    opening: Option<PathBuf>,
}

impl PortfolioState {
    /// Whether the view has something to show: a portfolio, one loading, or an error.
    pub fn is_open(&self) -> bool {
        self.loaded.is_some() || self.loading.is_some() || self.error.is_some()
    }

    /// The folder being opened, while it is.
    pub fn loading(&self) -> Option<&Path> {
        self.loading.as_ref().map(|l| l.root.as_path())
    }

    /// Whether the worker is still opening the folder or benchmarking its plans.
    pub fn is_busy(&self) -> bool {
        self.loading.is_some() || self.benchmarking.is_some()
    }

    /// The rows of the agencies' table: indices into the portfolio's agencies, filtered and
    /// sorted (a plan that could not be read sorts after the others).
    pub fn rows(&mut self, language: Language) -> Arc<Vec<usize>> {
        let Some(loaded) = self.loaded.clone() else {
            return Arc::default();
        };
        let key = (self.generation, self.filter.clone(), self.sort);
        let filter = folded(self.filter.trim());
        let sort = self.sort;
        self.rows
            .get_or_make(key, || {
                Arc::new(agency_rows(&loaded.portfolio, &filter, sort, language))
            })
            .clone()
    }

    /// Every finding of every plan, errors first, then by file.
    pub fn findings(&mut self) -> Arc<Vec<FindingRow>> {
        let Some(loaded) = self.loaded.clone() else {
            return Arc::default();
        };
        self.findings
            .get_or_make(self.generation, || {
                let mut rows: Vec<(crate::rules::Severity, FindingRow)> = Vec::new();
                for (a, agency) in loaded.portfolio.agencies.iter().enumerate() {
                    let Ok(checked) = &agency.outcome else {
                        continue;
                    };
                    for (f, finding) in checked.findings.iter().enumerate() {
                        rows.push((
                            finding.severity,
                            FindingRow {
                                agency: a,
                                finding: f,
                            },
                        ));
                    }
                }
                // Stable: within a severity the plans keep their file order.
                rows.sort_by_key(|(severity, _)| *severity);
                Arc::new(rows.into_iter().map(|(_, row)| row).collect())
            })
            .clone()
    }
}

fn agency_rows(
    portfolio: &Portfolio,
    filter: &str,
    sort: Option<(AgencyColumn, bool)>,
    language: Language,
) -> Vec<usize> {
    let agencies = &portfolio.agencies;
    let mut rows: Vec<usize> = (0..agencies.len())
        .filter(|&i| {
            filter.is_empty()
                || agencies.get(i).is_some_and(|a| {
                    let name = a.figures().map(|f| f.agency.as_str()).unwrap_or_default();
                    folded(name).contains(filter) || folded(&a.relative).contains(filter)
                })
        })
        .collect();
    let Some((column, ascending)) = sort else {
        return rows;
    };
    let text = |agency: &Agency| -> String {
        match column {
            AgencyColumn::Agency => agency
                .figures()
                .map(|f| folded(&f.agency))
                .unwrap_or_default(),
            AgencyColumn::UnitType => agency
                .figures()
                .map(|f| f.unit_type.label(language).to_owned())
                .unwrap_or_default(),
            _ => folded(&agency.relative),
        }
    };
    let number = |agency: &Agency| -> Option<f64> {
        let f = agency.figures()?;
        match column {
            AgencyColumn::Quota => f.quota.map(f64::from),
            AgencyColumn::Current => Some(f.current),
            AgencyColumn::Required => Some(f.required as f64),
            AgencyColumn::Proposed => Some(f.proposed as f64),
            AgencyColumn::Appraised => f.appraised.map(|a| a as f64),
            AgencyColumn::Difference => difference(agency),
            AgencyColumn::Errors => Some(f.errors as f64),
            AgencyColumn::Warnings => Some(f.warnings as f64),
            AgencyColumn::Agency | AgencyColumn::UnitType | AgencyColumn::File => None,
        }
    };
    let numeric = !matches!(
        column,
        AgencyColumn::Agency | AgencyColumn::UnitType | AgencyColumn::File
    );
    let get = |i: usize| agencies.get(i);
    if numeric {
        rows.sort_by(|&a, &b| {
            let (a, b) = (get(a).and_then(number), get(b).and_then(number));
            match (a, b) {
                (Some(a), Some(b)) => {
                    let order = a.total_cmp(&b);
                    if ascending { order } else { order.reverse() }
                }
                // Rows without the figure go last either way.
                (Some(_), None) => std::cmp::Ordering::Less,
                (None, Some(_)) => std::cmp::Ordering::Greater,
                (None, None) => std::cmp::Ordering::Equal,
            }
        });
    } else {
        let keys: Vec<(usize, String)> = rows
            .iter()
            .map(|&i| (i, get(i).map(text).unwrap_or_default()))
            .collect();
        let mut keys = keys;
        keys.sort_by(|(_, a), (_, b)| if ascending { a.cmp(b) } else { b.cmp(a) });
        rows = keys.into_iter().map(|(i, _)| i).collect();
    }
    rows
}

/// Tệp > Mở thư mục tổng hợp...: asks for a folder (a dialog, else a typed path) and opens it.
pub fn choose(state: &mut AppState) {
    let title = state
        .t(
            "Chọn thư mục đề án để tổng hợp",
            "Choose a folder of plans to consolidate",
        )
        .to_owned();
    let folder = state
        .portfolio
        .loaded
        .as_ref()
        .map(|l| l.portfolio.root.clone())
        .or_else(|| {
            state
                .document
                .path()
                .and_then(Path::parent)
                .map(Path::to_path_buf)
        });
    match state.files.dialogs.pick_folder(&title, folder.as_deref()) {
        files::Picked::Path(path) => open(state, &path),
        files::Picked::Cancelled => {}
        files::Picked::Unavailable => {
            let typed = files::TypedPath::new(files::PathPurpose::Portfolio, folder.as_deref(), "");
            state.dialog = Some(Dialog::File(files::FileDialog::TypePath(typed)));
        }
    }
}

/// Opens `root` as a portfolio on a worker thread and shows the portfolio view; the view says
/// it is loading until [`poll`] receives it.
pub fn open(state: &mut AppState, root: &Path) {
    let (sender, receiver) = channel();
    let language = state.language();
    let folder = root.to_path_buf();
    std::thread::spawn(move || {
        let started = std::time::Instant::now();
        let opened = portfolio::open(&folder, None)
            .map(|portfolio| {
                Arc::new(Loaded {
                    portfolio,
                    seconds: started.elapsed().as_secs_f64(),
                })
            })
            .map_err(|e| e.message(language));
        let loaded = opened.as_ref().ok().cloned();
        // The window may have closed, or opened another folder, meanwhile: nobody is left to
        // tell, and the work stops.
        if sender.send(Message::Opened(opened)).is_err() {
            return;
        }
        if let Some(loaded) = loaded {
            let benchmark =
                portfolio::benchmark(&loaded.portfolio).map_err(|e| e.message(language));
            let _ = sender.send(Message::Benchmarked(benchmark));
        }
    });
    state.portfolio.loading = Some(Loading {
        root: root.to_path_buf(),
        receiver,
    });
    state.portfolio.error = None;
    state.portfolio.benchmarking = None;
    state.tab = Tab::Portfolio;
}

/// Opens the portfolio's folder again (after plans were changed).
pub fn reload(state: &mut AppState) {
    if let Some(root) = state
        .portfolio
        .loaded
        .as_ref()
        .map(|l| l.portfolio.root.clone())
    {
        open(state, &root);
    }
}

/// Once a frame: takes the portfolio the worker finished, and shows an agency's plan once it
/// was opened after the unsaved-changes question. Tells whether to draw again soon.
pub fn poll(state: &mut AppState) -> bool {
    if let Some(file) = state.portfolio.opening.clone()
        && state.dialog.is_none()
    {
        state.portfolio.opening = None;
        if state.document.path() == Some(file.as_path()) {
            state.tab = Tab::Positions;
        }
    }
    poll_benchmark(state);
    let Some(loading) = &state.portfolio.loading else {
        return state.portfolio.benchmarking.is_some();
    };
    match loading.receiver.try_recv() {
        Err(TryRecvError::Empty) => true,
        Err(TryRecvError::Disconnected) | Ok(Message::Benchmarked(_)) => {
            state.portfolio.loading = None;
            state.portfolio.error = Some(
                state
                    .t(
                        "Việc mở thư mục tổng hợp bị dừng giữa chừng",
                        "Opening the portfolio stopped before it ended",
                    )
                    .to_owned(),
            );
            false
        }
        Ok(Message::Opened(Err(error))) => {
            state.portfolio.loading = None;
            state.portfolio.error = Some(error.clone());
            state.notice = Some(Notice::Error(error));
            false
        }
        Ok(Message::Opened(Ok(loaded))) => {
            let receiver = state.portfolio.loading.take().map(|l| l.receiver);
            let p = &loaded.portfolio;
            state.notice = Some(Notice::Info(format!(
                "{} {}: {} {}, {} {} ({} s)",
                state.t("Đã mở thư mục tổng hợp", "Opened the portfolio"),
                p.root.display(),
                p.agencies.len(),
                state.t("đề án", "plans"),
                p.totals.unreadable,
                state.t("không đọc được", "unreadable"),
                state.number(loaded.seconds, 2),
            )));
            let portfolio = &mut state.portfolio;
            portfolio.loaded = Some(loaded);
            portfolio.benchmark = None;
            portfolio.benchmarking = receiver;
            portfolio.generation += 1;
            true
        }
    }
}

/// Takes the benchmark once the worker has made it.
fn poll_benchmark(state: &mut AppState) {
    let Some(receiver) = &state.portfolio.benchmarking else {
        return;
    };
    let benchmark = match receiver.try_recv() {
        Err(TryRecvError::Empty) => return,
        Ok(Message::Benchmarked(benchmark)) => benchmark,
        Err(TryRecvError::Disconnected) | Ok(Message::Opened(_)) => Err(state
            .t(
                "Việc so sánh theo mã nhiệm vụ bị dừng giữa chừng",
                "The benchmark stopped before it ended",
            )
            .to_owned()),
    };
    state.portfolio.benchmark = Some(Arc::new(benchmark));
    state.portfolio.benchmarking = None;
}

/// A click on an agency: its plan opens in the window (asking first about unsaved changes,
/// as opening a plan does), and the Positions tab shows it.
pub fn open_agency(state: &mut AppState, file: &Path) {
    files::request(state, Pending::OpenPath(file.to_path_buf()));
    if state.dialog.is_some() {
        state.portfolio.opening = Some(file.to_path_buf());
    } else if state.document.path() == Some(file) {
        state.tab = Tab::Positions;
    }
}
