//! The Compare view's state, apart from its drawing ([`super::ui`]): the other version of the
//! open plan and which side it is, the other agencies' plans for the benchmark, what is
//! expanded, and the results, recomputed only when the open plan or the chosen files change.
//!
//! Files are chosen through [`super::files::FileDialogs`]; when no dialog can be shown the view
//! asks for a typed path. Every figure comes from [`crate::compare`].

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use super::memo::{Memo, ViewKey};
use super::state::AppState;
use crate::compare::{self, Benchmark, BenchmarkPlan, VersionComparison};
use crate::language::{Language, Localized as _};
use crate::model::Plan;
use crate::{plan_file, validation};

/// A plan read from a file for comparison.
#[derive(Debug, Clone, PartialEq)]
pub struct LoadedPlan {
    pub path: PathBuf,
    pub plan: Plan,
}

impl LoadedPlan {
    /// The file name, for lists.
    pub fn file_name(&self) -> String {
        self.path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| self.path.display().to_string())
    }
}

/// What a typed path (asked for when no file dialog can be shown) is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PathFor {
    /// The other version.
    Version,
    /// One more agency for the benchmark.
    Benchmark,
}

/// Results kept until the open plan or the chosen files change: keyed by the document's
/// [`ViewKey`] and [`CompareState`]'s generation.
type Cached<T> = Memo<(ViewKey, u64), Result<T, String>>;

#[derive(Debug, Default)]
pub struct CompareState {
    /// The other version of the open plan.
    pub other: Option<LoadedPlan>,
    /// Whether the other version is the newer one (B); by default it is the older (A), the
    /// open plan being the proposal under review.
    pub other_is_newer: bool,
    /// Also list units and positions that did not change.
    pub show_unchanged: bool,
    /// Positions whose details are open, by id (new id, else old).
    pub expanded: HashSet<String>,
    /// Other agencies' plans benchmarked with the open one.
    pub agencies: Vec<LoadedPlan>,
    /// Only list flagged values in the benchmark.
    pub only_outliers: bool,
    /// A path being typed, and what for.
    pub typed: Option<(PathFor, String)>,
    /// Why the last chosen file could not be used.
    pub error: Option<String>,
    /// Bumped whenever the chosen files or the side change.
    generation: u64,
    comparison: Cached<VersionComparison>,
    benchmark: Cached<Benchmark>,
}

impl CompareState {
    fn changed(&mut self) {
        self.generation += 1;
    }

    pub fn set_other_is_newer(&mut self, newer: bool) {
        if self.other_is_newer != newer {
            self.other_is_newer = newer;
            self.changed();
        }
    }

    pub fn remove_agency(&mut self, index: usize) {
        if index < self.agencies.len() {
            self.agencies.remove(index);
            self.changed();
        }
    }

    pub fn clear_agencies(&mut self) {
        self.agencies.clear();
        self.changed();
    }
}

/// Reads and validates a plan file; the message names the file.
pub fn load_plan(path: &Path, language: Language) -> Result<Plan, String> {
    let plan = plan_file::load(path).map_err(|e| e.message(language))?;
    let problems = validation::validate(&plan);
    if let Some(first) = problems.first() {
        return Err(format!(
            "{}: {} {} ({} {})",
            path.display(),
            problems.len(),
            language.t("lỗi", "problems"),
            language.t("đầu tiên:", "first:"),
            first.message(language)
        ));
    }
    Ok(plan)
}

/// Asks for a plan file (a dialog, else a typed path) and uses it for `purpose`.
pub fn choose(state: &mut AppState, purpose: PathFor) {
    let title = match purpose {
        PathFor::Version => state.t("Chọn kế hoạch để so sánh", "Choose a plan to compare with"),
        PathFor::Benchmark => state.t(
            "Chọn kế hoạch của cơ quan khác",
            "Choose another agency's plan",
        ),
    }
    .to_owned();
    let folder = state
        .document
        .path()
        .and_then(Path::parent)
        .map(Path::to_path_buf);
    match state.files.dialogs.pick_plan(&title, folder.as_deref()) {
        super::files::Picked::Path(path) => use_path(state, purpose, &path),
        super::files::Picked::Cancelled => {}
        super::files::Picked::Unavailable => {
            let start = folder
                .map(|f| {
                    let mut text = f.to_string_lossy().into_owned();
                    text.push(std::path::MAIN_SEPARATOR);
                    text
                })
                .unwrap_or_default();
            state.compare.typed = Some((purpose, start));
        }
    }
}

/// Loads `path` as the other version or one more agency.
pub fn use_path(state: &mut AppState, purpose: PathFor, path: &Path) {
    let compare = &mut state.compare;
    compare.typed = None;
    let plan = match load_plan(path, state.preferences.language) {
        Ok(plan) => plan,
        Err(error) => {
            compare.error = Some(error);
            return;
        }
    };
    compare.error = None;
    let loaded = LoadedPlan {
        path: path.to_path_buf(),
        plan,
    };
    match purpose {
        PathFor::Version => {
            compare.other = Some(loaded);
            compare.expanded.clear();
        }
        PathFor::Benchmark => compare.agencies.push(loaded),
    }
    compare.changed();
}

/// Why the open plan cannot be compared now, if it cannot.
fn open_plan_blocked(state: &AppState) -> Option<String> {
    let problems = state.document.problems();
    (!problems.is_empty()).then(|| {
        format!(
            "{} ({} {})",
            state.t(
                "Kế hoạch đang mở còn lỗi, hãy sửa trước khi so sánh",
                "The open plan has problems; fix them before comparing"
            ),
            problems.len(),
            state.t("lỗi", "problems")
        )
    })
}

/// The comparison of the open plan with the other version, computed when first asked for
/// after a change. `None` while no other version is chosen.
pub fn comparison(state: &mut AppState) -> Option<Result<VersionComparison, String>> {
    let other = state.compare.other.as_ref()?;
    let key = (state.view_key(), state.compare.generation);
    if let Some(result) = state.compare.comparison.get(&key) {
        return Some(result.clone());
    }
    let result = match open_plan_blocked(state) {
        Some(reason) => Err(reason),
        None => {
            let open = state.document.plan();
            let (old, new) = if state.compare.other_is_newer {
                (open, &other.plan)
            } else {
                (&other.plan, open)
            };
            compare::compare_versions(old, new).map_err(|e| e.message(state.preferences.language))
        }
    };
    state.compare.comparison.keep(key, result.clone());
    Some(result)
}

/// The open plan's label in the benchmark: its agency, else its name.
pub fn agency_label(plan: &Plan) -> String {
    if plan.meta.agency.trim().is_empty() {
        plan.meta.name.clone()
    } else {
        plan.meta.agency.clone()
    }
}

/// The benchmark of the open plan (first) with the other agencies' plans. `None` until one
/// other plan is chosen.
pub fn benchmark(state: &mut AppState) -> Option<Result<Benchmark, String>> {
    if state.compare.agencies.is_empty() {
        return None;
    }
    let key = (state.view_key(), state.compare.generation);
    if let Some(result) = state.compare.benchmark.get(&key) {
        return Some(result.clone());
    }
    let result = match open_plan_blocked(state) {
        Some(reason) => Err(reason),
        None => {
            let open = state.document.plan();
            let mut labels = vec![agency_label(open)];
            labels.extend(
                state
                    .compare
                    .agencies
                    .iter()
                    .map(|a| format!("{} ({})", agency_label(&a.plan), a.file_name())),
            );
            let plans = std::iter::once(open).chain(state.compare.agencies.iter().map(|a| &a.plan));
            let entries: Vec<BenchmarkPlan> = plans
                .zip(&labels)
                .map(|(plan, label)| BenchmarkPlan { label, plan })
                .collect();
            compare::benchmark(&entries).map_err(|e| e.message(state.preferences.language))
        }
    };
    state.compare.benchmark.keep(key, result.clone());
    Some(result)
}
