//! The Dự báo tab's state: the horizon shown, the year the table shows, the cell whose leavers
//! are explained and whether personal data may be shown, and the projection memoised per view
//! key (made again only after an edit, another document or another horizon).

use super::memo::{Memo, ViewKey};
use super::state::AppState;
use crate::language::Localized as _;
use crate::projection::{self, Options, Projection, ScenarioChoice, ScenarioColumn};

/// A cell of the tab's table whose leavers are listed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ExplainedCell {
    Total,
    Unit(String),
    Position(String),
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
    pub memo: Memo<(ViewKey, u32), Result<Projection, String>>,
    /// The user asked for the scenarios side by side (made only then: one projection each).
    pub show_comparison: bool,
    pub comparison: Memo<(ViewKey, u32), Result<Vec<ScenarioColumn>, String>>,
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

/// Takes the projection of the open plan under its active scenario out of the memo, made again
/// only when the key changed; `None` while the plan has no results (it does not validate).
/// Put it back with [`keep`] once drawn, so that frames never copy it.
pub fn take(state: &mut AppState) -> Option<(ProjectionKey, Result<Projection, String>)> {
    let years = state.projection.horizon();
    let key = (state.view_key(), years);
    if let Some(kept) = state.projection.memo.take(&key) {
        return Some((key, kept));
    }
    state.document.results()?;
    let options = Options {
        years,
        ..Options::default()
    };
    let made = projection::project(state.document.plan(), &options)
        .map_err(|e| e.message(state.language()));
    Some((key, made))
}

/// Keeps a projection taken with [`take`].
pub fn keep(state: &mut AppState, key: ProjectionKey, value: Result<Projection, String>) {
    state.projection.memo.keep(key, value);
}

/// The plan as it is and every scenario side by side over the horizon, made once per view key.
pub fn comparison(state: &mut AppState) -> Option<Result<Vec<ScenarioColumn>, String>> {
    let years = state.projection.horizon();
    let key = (state.view_key(), years);
    let language = state.language();
    let document = &state.document;
    state
        .projection
        .comparison
        .get_or_try_make(key, || {
            document.results()?;
            let plan = document.plan();
            let mut choices = vec![ScenarioChoice::Plain];
            choices.extend(
                plan.scenarios
                    .list
                    .iter()
                    .map(|s| ScenarioChoice::Named(s.name.clone())),
            );
            let options = Options {
                years,
                ..Options::default()
            };
            Some(projection::compare(plan, &options, &choices).map_err(|e| e.message(language)))
        })
        .cloned()
}
