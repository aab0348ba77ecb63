//! Where a problem is: a table row and the column to mark.

use std::fmt;

use crate::language::{Language, Localized};

/// The cell a problem is about. `index` is the row's position in its list in the plan (from 0),
/// which stays exact when an id is empty or used twice. `field` is the column name of the
/// interchange format (`"parent_id"`, `"volume"`...); `"duties"` stands for a position's list
/// of workload components as a whole.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Place {
    Meta {
        field: &'static str,
    },
    Calendar {
        index: usize,
        id: String,
        field: &'static str,
    },
    Unit {
        index: usize,
        id: String,
        field: &'static str,
    },
    Position {
        index: usize,
        id: String,
        field: &'static str,
    },
    Component {
        position_index: usize,
        component_index: usize,
        position_id: String,
        component_id: String,
        field: &'static str,
    },
    Staff {
        index: usize,
        id: String,
        field: &'static str,
    },
    /// A line of the reviewer's appraisal.
    Appraisal {
        index: usize,
        position_id: String,
        field: &'static str,
    },
}

impl Place {
    /// The column to mark.
    pub fn field(&self) -> &'static str {
        match self {
            Place::Meta { field }
            | Place::Calendar { field, .. }
            | Place::Unit { field, .. }
            | Place::Position { field, .. }
            | Place::Component { field, .. }
            | Place::Staff { field, .. }
            | Place::Appraisal { field, .. } => field,
        }
    }

    /// The row alone, without the column: `unit "phong-ktn"`.
    pub fn row(&self) -> Row<'_> {
        Row(self, Language::English)
    }

    /// The row alone in a language: `đơn vị "phong-ktn"`.
    pub fn row_in(&self, language: Language) -> Row<'_> {
        Row(self, language)
    }
}

/// `vị trí "van-thu" (unit_id)`: the column keeps its interchange name in both languages.
impl Localized for Place {
    fn message(&self, language: Language) -> String {
        format!("{} ({})", self.row_in(language), self.field())
    }
}

/// Displays the row of a [`Place`]; see [`Place::row`].
pub struct Row<'a>(&'a Place, Language);

impl fmt::Display for Row<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let t = |vi, en| self.1.t(vi, en);
        match self.0 {
            Place::Meta { .. } => f.write_str(t("kế hoạch", "plan")),
            Place::Calendar { index, id, .. } => {
                write_row(f, t("lịch làm việc", "calendar"), *index, id)
            }
            Place::Unit { index, id, .. } => write_row(f, t("đơn vị", "unit"), *index, id),
            Place::Position { index, id, .. } => write_row(f, t("vị trí", "position"), *index, id),
            Place::Staff { index, id, .. } => {
                write_row(f, t("nhân sự", "staff member"), *index, id)
            }
            Place::Appraisal {
                index, position_id, ..
            } => write_row(
                f,
                t("thẩm định vị trí", "appraisal of position"),
                *index,
                position_id,
            ),
            Place::Component {
                position_index,
                component_index,
                position_id,
                component_id,
                ..
            } => {
                write_row(
                    f,
                    t("công việc", "component"),
                    *component_index,
                    component_id,
                )?;
                f.write_str(t(" của ", " of "))?;
                write_row(f, t("vị trí", "position"), *position_index, position_id)
            }
        }
    }
}

/// `unit "phong-ktn"`, or `unit #3` (counting from 1) when the id is empty.
fn write_row(f: &mut fmt::Formatter<'_>, table: &str, index: usize, id: &str) -> fmt::Result {
    if id.trim().is_empty() {
        write!(f, "{table} #{}", index + 1)
    } else {
        write!(f, "{table} \"{id}\"")
    }
}

/// `unit "phong-ktn" (parent_id)`.
impl fmt::Display for Place {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} ({})", self.row(), self.field())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn places_read_as_row_and_column() {
        let unit = Place::Unit {
            index: 0,
            id: "phong-ktn".into(),
            field: "parent_id",
        };
        assert_eq!(unit.to_string(), "unit \"phong-ktn\" (parent_id)");
        let component = Place::Component {
            position_index: 1,
            component_index: 0,
            position_id: "vt-1".into(),
            component_id: "cv-1".into(),
            field: "volume",
        };
        assert_eq!(
            component.to_string(),
            "component \"cv-1\" of position \"vt-1\" (volume)"
        );
        assert_eq!(Place::Meta { field: "name" }.to_string(), "plan (name)");
        assert_eq!(
            component.message(Language::Vietnamese),
            "công việc \"cv-1\" của vị trí \"vt-1\" (volume)"
        );
        assert_eq!(
            unit.message(Language::Vietnamese),
            "đơn vị \"phong-ktn\" (parent_id)"
        );
    }

    #[test]
    fn an_empty_id_is_shown_as_a_row_number() {
        let staff = Place::Staff {
            index: 2,
            id: String::new(),
            field: "id",
        };
        assert_eq!(staff.to_string(), "staff member #3 (id)");
    }
}
