//! Rows that belong to a position (duties, job-description items): finding the position and
//! reporting one the positions table does not list.

use crate::language::Text;
use std::collections::{HashMap, HashSet};

use super::cells::Cells;
use crate::model::Position;

/// The first index of each position id.
pub fn index_by_id(positions: &[Position]) -> HashMap<String, usize> {
    let mut index = HashMap::new();
    for (i, position) in positions.iter().enumerate() {
        index.entry(position.id.clone()).or_insert(i);
    }
    index
}

/// Reads the row's `position_id`, reporting it on that cell when the positions table (`known`,
/// named `source`) does not list it. With no table (it could not be read) nothing is reported.
pub fn position_id(cells: &mut Cells, known_ids: Option<(&HashSet<String>, &str)>) -> String {
    let position_id = cells.required_text("position_id");
    if let Some((known, source)) = known_ids
        && !position_id.is_empty()
        && !known.contains(&position_id)
    {
        cells.error(
            "position_id",
            Text::new(
                format!("không có vị trí {position_id:?} trong {source}"),
                format!("no position {position_id:?} in {source}"),
            ),
        );
    }
    position_id
}
