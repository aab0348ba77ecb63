//! The Dự báo tab's state: the horizon shown, the year the table shows, the cell whose leavers
//! are explained and whether personal data may be shown, and the projection kept per view key
//! (made again only after an edit, another document or another horizon; on a worker for a large
//! plan, the last one shown meanwhile).

use std::sync::Arc;

use super::background::{Background, Start, Taken};
use super::memo::{Memo, ViewKey};
use super::recompute;
use super::state::AppState;
use crate::engine::UnitTree;
use crate::language::{Language, Localized as _};
use crate::model::Plan;
use crate::projection::{self, Options, Projection, ScenarioChoice, ScenarioColumn};

/// A cell of the tab's table whose leavers are listed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ExplainedCell {
    Total,
    Unit(String),
    Position(String),
}

/// A row of the tab's table, by index in the plan (and in the year's figures, which follow the
/// plan's order).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TableRow {
    Total,
    Unit { index: usize, depth: usize },
    Position(usize),
}

/// What the tab remembers between frames.
#[derive(Default)]
pub struct ProjectionView {
    /// Years shown (0: the default horizon).
    pub years: u32,
    /// The year the table shows; `None` for the first.
    pub year: Option<i32>,
    /// The cell and year whose leavers are explained.
    pub explained: Option<(i32, ExplainedCell)>,
    /// The user asked to see who (by id and date): personal data stays hidden otherwise.
    pub show_personal: bool,
    /// The name typed for a new scenario.
    pub new_scenario: String,
    /// The growth percentage typed for a new change.
    pub growth_percent: String,
    /// The quota cut (percent of the first year's quota) and the year it is due, typed for a
    /// new change.
    pub cut_percent: String,
    pub cut_year: String,
    pub made: Background<ProjectionKey, Result<Projection, String>>,
    /// The user asked for the scenarios side by side (made only then: one projection each).
    pub show_comparison: bool,
    pub comparison: Background<ProjectionKey, Result<Vec<ScenarioColumn>, String>>,
    /// The volume change being written: the position, its component, the volume and the
    /// year it applies from.
    pub volume_position: Option<String>,
    pub volume_component: Option<String>,
    pub volume_value: String,
    pub volume_year: String,
    /// The early retirement being written: who, and on which date.
    pub retiring_staff: Option<String>,
    pub retiring_on: String,
    /// The positions whose workload has a volume, and the staff, as choices.
    pub position_choices: Memo<ViewKey, ChoiceList>,
    pub staff_choices: Memo<ViewKey, ChoiceList>,
    /// The table's rows for the unit chosen in the tree (none: the whole plan).
    pub rows: Memo<(ViewKey, Option<String>), Arc<Vec<TableRow>>>,
}

impl ProjectionView {
    /// The horizon in years.
    pub fn horizon(&self) -> u32 {
        if self.years == 0 {
            projection::DEFAULT_YEARS
        } else {
            self.years
        }
    }
}

/// The key a projection is kept under.
pub type ProjectionKey = (ViewKey, u32);

/// Takes the projection of the open plan under its active scenario out to draw it (made
/// again only when the key changed, on a worker for a large plan: the last one is given
/// meanwhile, not fresh); `None` while the plan has no results (it does not validate). Give
/// it back with [`keep`] once drawn, so that frames never copy it.
pub fn take(state: &mut AppState) -> Option<Taken<ProjectionKey, Result<Projection, String>>> {
    take_made(state, |view| &mut view.made, projection::project)
}

/// Gives back a projection taken with [`take`].
pub fn keep(state: &mut AppState, taken: Taken<ProjectionKey, Result<Projection, String>>) {
    state.projection.made.keep(taken);
}

/// The plan as it is and every scenario side by side over the horizon, taken out to draw as
/// [`take`] does (made once per view key, on a worker for a large plan); give it back with
/// [`keep_comparison`].
pub fn take_comparison(
    state: &mut AppState,
) -> Option<Taken<ProjectionKey, Result<Vec<ScenarioColumn>, String>>> {
    take_made(
        state,
        |view| &mut view.comparison,
        |plan, options| {
            let mut choices = vec![ScenarioChoice::Plain];
            choices.extend(
                plan.scenarios
                    .list
                    .iter()
                    .map(|s| ScenarioChoice::Named(s.name.clone())),
            );
            projection::compare(plan, options, &choices)
        },
    )
}

/// Takes what `make` derives from the open plan over the horizon shown out of the background
/// value `kept` picks: made again when the key changed (never standing in for another
/// document's), at once for a small plan and on a worker for a large one.
fn take_made<V: Send + 'static>(
    state: &mut AppState,
    kept: fn(&mut ProjectionView) -> &mut Background<ProjectionKey, Result<V, String>>,
    make: fn(&Plan, &Options) -> Result<V, projection::ProjectionError>,
) -> Option<Taken<ProjectionKey, Result<V, String>>> {
    let years = state.projection.horizon();
    let key = (state.view_key(), years);
    let language = state.language();
    let generation = key.0.0;
    let background = kept(&mut state.projection);
    background.forget_if(|(view, _)| view.0 != generation);
    let document = &state.document;
    background.take(&key, || {
        start(document, language, move |plan| {
            let options = Options {
                years,
                ..Options::default()
            };
            make(plan, &options).map_err(|e| e.message(language))
        })
    })
}

/// Gives back a comparison taken with [`take_comparison`].
pub fn keep_comparison(
    state: &mut AppState,
    taken: Taken<ProjectionKey, Result<Vec<ScenarioColumn>, String>>,
) {
    state.projection.comparison.keep(taken);
}

/// A list of ids to choose from, each with its text, the first one "none chosen".
pub type ChoiceList = Arc<Vec<(Option<String>, String)>>;

/// The positions whose workload has a volume (a volume change can name their tasks), by id,
/// named with their unit; made again only after an edit.
pub fn position_choices(state: &mut AppState) -> ChoiceList {
    let key = state.view_key();
    let language = state.language();
    let plan = state.document.plan();
    let choices = state.projection.position_choices.get_or_make(key, || {
        let none = language.t("(chọn vị trí)", "(choose a position)");
        let positions = plan
            .positions
            .iter()
            // A fixed position's workload does not count: a volume would change nothing.
            .filter(|p| p.method == crate::model::Method::Workload)
            .filter(|p| p.components.iter().any(|c| c.kind.volume().is_some()))
            .map(|p| (p.id.as_str(), p.name.as_str(), p.unit_id.as_str()));
        Arc::new(choice_list(plan, none, positions))
    });
    Arc::clone(choices)
}

/// The staff by id, with their unit (personal data: asked for only once it is shown); made
/// again only after an edit.
pub fn staff_choices(state: &mut AppState) -> ChoiceList {
    let key = state.view_key();
    let language = state.language();
    let plan = state.document.plan();
    let choices = state.projection.staff_choices.get_or_make(key, || {
        let none = language.t("(chọn người)", "(choose a person)");
        let staff = plan
            .staff
            .iter()
            .map(|m| (m.id.as_str(), m.id.as_str(), m.unit_id.as_str()));
        Arc::new(choice_list(plan, none, staff))
    });
    Arc::clone(choices)
}

/// `none` first, then each (id, text, unit id) as "text (unit name)".
fn choice_list<'p>(
    plan: &'p Plan,
    none: &str,
    items: impl Iterator<Item = (&'p str, &'p str, &'p str)>,
) -> Vec<(Option<String>, String)> {
    let unit_names: std::collections::HashMap<&str, &str> = plan
        .units
        .iter()
        .map(|u| (u.id.as_str(), u.name.as_str()))
        .collect();
    let mut list = vec![(None, none.to_owned())];
    list.extend(items.map(|(id, text, unit)| {
        let unit = unit_names.get(unit).copied().unwrap_or_default();
        (Some(id.to_owned()), format!("{text} ({unit})"))
    }));
    list
}

/// The rows of the tab's table: the total, then the units of the subtree of the unit chosen in
/// the tree (all units when none), each at its depth, then the positions of those units; made
/// again only after an edit or another choice.
pub fn table_rows(state: &mut AppState) -> Arc<Vec<TableRow>> {
    let key = (state.view_key(), state.selected_unit.clone());
    let plan = state.document.plan();
    let rows = state.projection.rows.get_or_make(key, || {
        let tree = UnitTree::lenient(&plan.units);
        let root = state
            .selected_unit
            .as_deref()
            .and_then(|id| plan.units.iter().position(|u| u.id == id));
        let units = match root {
            Some(root) => tree.subtree_with_depth(root),
            None => tree.with_depth(),
        };
        let inside: std::collections::HashSet<&str> = units
            .iter()
            .filter_map(|&(u, _)| plan.units.get(u).map(|u| u.id.as_str()))
            .collect();
        let mut rows = vec![TableRow::Total];
        rows.extend(
            units
                .iter()
                .map(|&(index, depth)| TableRow::Unit { index, depth }),
        );
        rows.extend(
            plan.positions
                .iter()
                .enumerate()
                .filter(|(_, p)| inside.contains(p.unit_id.as_str()))
                .map(|(index, _)| TableRow::Position(index)),
        );
        Arc::new(rows)
    });
    Arc::clone(rows)
}

/// Whether a projection or comparison is being made on a worker.
pub fn is_updating(state: &AppState) -> bool {
    state.projection.made.is_pending() || state.projection.comparison.is_pending()
}

/// Waits for the projections being made (tests and benchmarks).
pub fn wait(state: &mut AppState) {
    state.projection.made.wait();
    state.projection.comparison.wait();
}

/// How to make a projection of the document's plan: at once for a small plan, on a worker
/// for a large one once the plan can be shared without copying it.
fn start<V: Send + 'static>(
    document: &super::document::Document,
    language: Language,
    make: impl FnOnce(&Plan) -> Result<V, String> + Send + 'static,
) -> Start<Result<V, String>> {
    if document.results().is_none() {
        return Start::Nothing;
    }
    let plan = document.plan();
    if recompute::is_small(plan) {
        return Start::Made(make(plan));
    }
    let Some(shared): Option<Arc<Plan>> = document.snapshot() else {
        return Start::Later;
    };
    Start::OnWorker {
        make: Box::new(move || make(&shared)),
        lost: Err(language
            .t(
                "Dự báo bị dừng bất ngờ",
                "The projection stopped unexpectedly",
            )
            .to_owned()),
    }
}
