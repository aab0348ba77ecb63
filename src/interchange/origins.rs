//! Where each element of an imported plan was read: the table (a file `units.csv` or a sheet
//! `units`) and its row. The import path keeps this map so that a problem found after reading
//! (a position in a unit that does not exist, a duplicate id, a cycle) names the row and column
//! the user fixes, not only ids: `positions, dòng 5, cột "unit_id": đơn vị "vp-khong-co" không
//! có trong sheet units`.

use std::collections::HashMap;

use super::error::Problem;
use crate::language::{Localized, Text};
use crate::validation::{self, Place, ProblemKind};

/// A table row an element was read from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Origin {
    /// The table as the user knows it: `units.csv`, or the sheet `units`.
    pub source: String,
    /// The row's line in the file (header = 1), or the sheet's row number.
    pub line: u64,
}

/// The rows of one table, in plan order.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Rows {
    /// The table's name in messages; empty when the source has no such table.
    pub source: String,
    pub lines: Vec<u64>,
}

impl Rows {
    pub(super) fn new(source: &str, lines: impl IntoIterator<Item = u64>) -> Self {
        Rows {
            source: source.to_owned(),
            lines: lines.into_iter().collect(),
        }
    }

    fn get(&self, index: usize) -> Option<Origin> {
        self.lines.get(index).map(|&line| Origin {
            source: self.source.clone(),
            line,
        })
    }
}

/// The origin of every element of an imported plan, by its index in the plan's lists.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Origins {
    pub calendars: Rows,
    pub units: Rows,
    pub positions: Rows,
    pub staff: Rows,
    /// The duties table's name, and each position's components' lines, by position index.
    pub duties_source: String,
    pub components: Vec<Vec<u64>>,
    /// The settings table's name, and each key's line.
    pub settings_source: String,
    pub settings: HashMap<String, u64>,
}

impl Origins {
    /// The row a validation place is in, when the import read it from a table.
    pub fn origin(&self, place: &Place) -> Option<Origin> {
        match place {
            Place::Meta { field } => self.settings.get(*field).map(|&line| Origin {
                source: self.settings_source.clone(),
                line,
            }),
            Place::Calendar { index, .. } => self.calendars.get(*index),
            Place::Unit { index, .. } => self.units.get(*index),
            Place::Position { index, .. } => self.positions.get(*index),
            Place::Staff { index, .. } => self.staff.get(*index),
            Place::Component {
                position_index,
                component_index,
                ..
            } => self
                .components
                .get(*position_index)
                .and_then(|lines| lines.get(*component_index))
                .map(|&line| Origin {
                    source: self.duties_source.clone(),
                    line,
                }),
            Place::Appraisal { .. } => None,
        }
    }

    /// A validation problem as an import problem: at its table, row and column when the
    /// import read the row, else at its place in the plan.
    pub fn locate(&self, problem: &validation::Problem) -> Problem {
        let message = self.kind_text(&problem.kind);
        match self.origin(&problem.place) {
            Some(origin) => Problem::Cell {
                file: origin.source,
                line: origin.line,
                // A setting's value is in the `value` column of its key's row.
                column: match problem.place {
                    Place::Meta { .. } => "value".to_owned(),
                    _ => problem.place.field().to_owned(),
                },
                message,
            },
            None => Problem::Plan {
                message: Text::from_fn(|language| problem.message(language)),
            },
        }
    }

    /// What is wrong, naming tables and rows instead of places in the plan where it can.
    fn kind_text(&self, kind: &ProblemKind) -> Text {
        let missing = |table: &Rows, id: &str, noun: Text| {
            if table.source.is_empty() {
                return Text::from_fn(|language| kind.message(language));
            }
            let source = &table.source;
            let (vi_where, en_where) = if source.ends_with(".csv") {
                (source.clone(), source.clone())
            } else {
                (format!("sheet {source}"), format!("sheet {source}"))
            };
            Text::new(
                format!("{} \"{id}\" không có trong {vi_where}", noun.vi),
                format!("{} \"{id}\" is not in {en_where}", noun.en),
            )
        };
        match kind {
            ProblemKind::MissingUnit { id } => {
                missing(&self.units, id, Text::new("đơn vị", "unit"))
            }
            ProblemKind::MissingPosition { id } => {
                missing(&self.positions, id, Text::new("vị trí", "position"))
            }
            ProblemKind::MissingCalendar { id } => {
                missing(&self.calendars, id, Text::new("lịch làm việc", "calendar"))
            }
            ProblemKind::DuplicateId { id, first } => match self.origin(first) {
                Some(origin) => Text::new(
                    format!(
                        "mã \"{id}\" bị trùng, đã dùng ở {}, dòng {}",
                        origin.source, origin.line
                    ),
                    format!(
                        "duplicate id \"{id}\", already used in {}, row {}",
                        origin.source, origin.line
                    ),
                ),
                None => Text::from_fn(|language| kind.message(language)),
            },
            _ => Text::from_fn(|language| kind.message(language)),
        }
    }

    /// Every validation problem of an imported plan, located.
    pub fn locate_all(&self, problems: &[validation::Problem]) -> Vec<Problem> {
        problems
            .iter()
            .map(|problem| self.locate(problem))
            .collect()
    }
}
