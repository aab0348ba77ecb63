//! `units.csv`: the organisation tree, one unit a row, each naming its parent.

use super::cells::Cells;
use super::columns::UNITS;
use super::error::Problem;
use super::table::{Bound, OutTable};
use crate::model::{Unit, UnitType};

/// The units of the table, in file order; rows with problems are left out.
pub fn read(bound: &Bound, problems: &mut Vec<Problem>) -> Vec<Unit> {
    let mut units = Vec::new();
    for row in &bound.table.rows {
        let mut cells = Cells::new(bound, row, problems);
        let unit_types: Vec<(&str, UnitType)> =
            UnitType::ALL.iter().map(|t| (t.keyword(), *t)).collect();
        let unit = Unit {
            unit_type: cells.keyword("unit_type", &unit_types).unwrap_or_default(),
            quota: cells.count("quota"),
            ..Unit::new(
                cells.required_text("id"),
                cells.optional_text("parent_id"),
                cells.required_text("name"),
            )
        };
        if cells.ok() {
            units.push(unit);
        }
    }
    units
}

/// The units as a table.
pub fn write(units: &[Unit]) -> OutTable {
    let mut table = OutTable::new(&UNITS);
    table.rows = units
        .iter()
        .map(|u| {
            vec![
                u.id.clone(),
                u.parent_id.clone().unwrap_or_default(),
                u.name.clone(),
                u.unit_type.keyword().to_owned(),
                u.quota.map(|q| q.to_string()).unwrap_or_default(),
            ]
        })
        .collect();
    table
}
