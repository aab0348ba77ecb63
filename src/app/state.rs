//! What the window remembers between frames, apart from how it is drawn.

use std::collections::HashMap;
use std::path::PathBuf;

use serde::{Deserialize, Serialize};

use super::document::Document;
use super::memo::{Memo, ViewKey};
use crate::editing::{Created, Edit};
use crate::engine::{Breakdown, Explanation};
use crate::format::{en_number, vi_number};
use crate::language::{Language, Localized};
use crate::model::Position;

/// The centre tabs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Tab {
    #[default]
    Positions,
    Workload,
    Staff,
    JobDescription,
    Dashboard,
    Compare,
    Settings,
    /// The reviewer's appraisal (Thẩm định).
    Appraisal,
    /// A folder of agencies' plans (Tổng hợp), shown once one is opened.
    Portfolio,
    /// The workforce projection (Dự báo).
    Projection,
}

/// The columns of the positions table, each sortable, all but the name hideable.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum PositionColumn {
    Id,
    Name,
    Unit,
    Category,
    Rank,
    RequiredFte,
    Required,
    /// The proposed count, or the computed one when there is no proposal.
    Proposed,
    /// The reviewer's figure (thẩm định).
    Appraised,
    /// The reviewer's decision and comment.
    Remark,
    Current,
    Difference,
    Ratio,
}

impl PositionColumn {
    /// The columns that can be hidden: all but the name, in the order the table shows them.
    pub const HIDEABLE: [PositionColumn; 12] = [
        PositionColumn::RequiredFte,
        PositionColumn::Required,
        PositionColumn::Proposed,
        PositionColumn::Appraised,
        PositionColumn::Remark,
        PositionColumn::Current,
        PositionColumn::Difference,
        PositionColumn::Ratio,
        PositionColumn::Category,
        PositionColumn::Rank,
        PositionColumn::Unit,
        PositionColumn::Id,
    ];
}

/// A line for the status bar: what just happened or went wrong.
#[derive(Debug, Clone, PartialEq)]
pub enum Notice {
    Info(String),
    Error(String),
}

/// A question the user must answer before the app goes on.
#[derive(Debug, Clone, PartialEq)]
pub enum Dialog {
    /// Delete a unit that has sub-units, positions or staff.
    ConfirmDeleteUnit { id: String, summary: String },
    /// New, open, save, import and recovery questions (see [`super::files`]).
    File(super::files::FileDialog),
}

/// Text typed into a field that is not in the plan (yet), and why it was refused if it was.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct PendingCell {
    pub text: String,
    pub error: Option<String>,
}

/// The views' memos, each keyed by the document's [`ViewKey`] and what else the view shows.
#[derive(Default)]
pub struct Memos {
    /// The explanation of a position (the Explain panel and the Workload tab), by its id.
    pub explanation: Memo<(ViewKey, String), Result<Explanation, String>>,
    /// The dashboard's breakdown of the selected unit's subtree.
    pub breakdown: Memo<(ViewKey, Option<String>), Result<Breakdown, String>>,
    /// The roster rows shown (indices into the plan's staff) for a selected unit and filter.
    pub staff_rows: Memo<(ViewKey, Option<String>, String), Vec<usize>>,
}

/// Settings kept across sessions (through eframe's storage).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct Preferences {
    pub language: Language,
    pub recent_files: Vec<PathBuf>,
    /// How the Workload tab shows a position's components.
    pub workload_view: WorkloadView,
    /// Columns of the positions table hidden through its Cột menu.
    pub hidden_position_columns: Vec<PositionColumn>,
}

/// The Workload tab's two views of the same components.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum WorkloadView {
    /// One card per component, with every field of its kind.
    #[default]
    Cards,
    /// One row per component, as in a spreadsheet.
    Table,
}

pub struct AppState {
    pub document: Document,
    pub preferences: Preferences,
    pub tab: Tab,
    pub selected_unit: Option<String>,
    pub selected_position: Option<String>,
    pub show_explain: bool,
    /// Trợ giúp > Hướng dẫn: the guide's window is open.
    pub show_help: bool,
    pub position_filter: String,
    /// Sort column of the positions table and whether it is ascending.
    pub position_sort: Option<(PositionColumn, bool)>,
    pub notice: Option<Notice>,
    pub dialog: Option<Dialog>,
    /// File dialogs, the recovery copy and closing the window.
    pub files: super::files::Files,
    /// Fields being typed into or refused, by a key naming the record and the field.
    pub cells: HashMap<String, PendingCell>,
    pub staff_filter: String,
    /// What the views derive from the plan, kept while it still holds.
    pub memos: Memos,
    /// The Compare tab: the other version and the agencies benchmarked.
    pub compare: super::comparison::CompareState,
    /// The Checks panel (Kiểm tra) and its findings.
    pub checks: super::checks::ChecksPanel,
    /// The portfolio view: a folder of agencies' plans.
    pub portfolio: super::portfolio::PortfolioState,
    /// The Dự báo tab: its horizon, explained cell and kept projection.
    pub projection: super::projection_view::ProjectionView,
    /// How many times the document was replaced: with its revision, a key for cached views.
    pub generation: u64,
}

impl AppState {
    pub fn new(document: Document, preferences: Preferences) -> Self {
        AppState {
            document,
            preferences,
            tab: Tab::default(),
            selected_unit: None,
            selected_position: None,
            show_explain: false,
            show_help: false,
            position_filter: String::new(),
            position_sort: None,
            notice: None,
            dialog: None,
            files: super::files::Files::default(),
            cells: HashMap::new(),
            staff_filter: String::new(),
            memos: Memos::default(),
            compare: Default::default(),
            checks: super::checks::ChecksPanel::default(),
            portfolio: Default::default(),
            projection: Default::default(),
            generation: 0,
        }
    }

    pub fn language(&self) -> Language {
        self.preferences.language
    }

    /// Shorthand for the current language's text.
    pub fn t<'a>(&self, vietnamese: &'a str, english: &'a str) -> &'a str {
        self.preferences.language.t(vietnamese, english)
    }

    /// A number in the current language's notation (1.896,5 or 1,896.5).
    pub fn number(&self, value: f64, max_decimals: usize) -> String {
        match self.preferences.language {
            Language::Vietnamese => vi_number(value, max_decimals),
            Language::English => en_number(value, max_decimals),
        }
    }

    /// A rank or professional-title code by its catalogue name, "Chuyên viên chính (01.002)", in
    /// the current language; the code alone when the catalogue cannot be read, empty for none.
    pub fn rank_label(&self, code: &str) -> String {
        let Ok(catalogue) = crate::rules::catalogue() else {
            return code.to_owned();
        };
        let label = match self.preferences.language {
            Language::Vietnamese => catalogue.ranks.label_vi(code),
            Language::English => catalogue.ranks.label_en(code),
        };
        label.unwrap_or_default()
    }

    /// A copy of the selected position, if one is selected and still exists.
    pub fn selected_position(&self) -> Option<Position> {
        self.selected_position
            .as_deref()
            .and_then(|id| self.document.plan().position(id))
            .cloned()
    }

    /// The document's part of a view's key: another document, an edit or another language
    /// makes a view derive its value again.
    pub fn view_key(&self) -> ViewKey {
        (self.generation, self.document.revision(), self.language())
    }

    /// How the engine reached position `position_id`'s figure, made once per view key; `None`
    /// while there are no results.
    pub fn explanation(&mut self, position_id: &str) -> Option<&Result<Explanation, String>> {
        let key = (self.view_key(), position_id.to_owned());
        let language = self.language();
        let document = &self.document;
        self.memos.explanation.get_or_try_make(key, || {
            let results = document.results()?;
            Some(
                crate::engine::explain(document.plan(), results, position_id)
                    .map_err(|e| e.message(language)),
            )
        })
    }

    /// Applies an edit to the document; a refusal comes back in the interface language.
    pub fn apply(&mut self, edit: Edit) -> Result<Created, String> {
        let language = self.language();
        self.document
            .apply(edit)
            .map_err(|refusal| refusal.message(language))
    }

    /// Replaces the open document (after a New, Open or Import).
    pub fn replace_document(&mut self, document: Document) {
        self.document = document;
        self.generation += 1;
        self.selected_unit = None;
        self.selected_position = None;
        self.dialog = None;
        self.cells.clear();
        self.checks.forget();
    }
}
