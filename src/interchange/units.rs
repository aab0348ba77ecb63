//! `units.csv`: the organisation tree, one unit a row, each naming its parent, with the
//! attributes the rules read (autonomy group, school zone, norm drivers) in optional columns.

use super::cells::{self, Cells, Word};
use super::columns::UNITS;
use super::error::{ExportError, Problem};
use super::export::number;
use super::table::{Bound, OutTable};
use crate::language::{Localized, Text};
use crate::model::{
    AutonomyGroup, DriverKind, DriverValue, DriverValueError, NormDriver, NormDrivers, Unit,
    UnitType,
};

/// The units of the table, in file order; rows with problems are left out.
///
/// With two units or more, the `parent_id` column is required: without it every unit would be
/// a root and the tree would silently flatten.
pub fn read(bound: &Bound, problems: &mut Vec<Problem>) -> Vec<Unit> {
    let has_parent_column = bound
        .table
        .header
        .iter()
        .any(|name| name.eq_ignore_ascii_case("parent_id"));
    if bound.table.rows.len() > 1 && !has_parent_column {
        problems.push(Problem::MissingColumn {
            file: bound.source().to_owned(),
            column: "parent_id".to_owned(),
        });
        return Vec::new();
    }
    let mut units = Vec::new();
    for row in &bound.table.rows {
        let mut cells = Cells::new(bound, row, problems);
        let unit = Unit {
            unit_type: cells.choice::<UnitType>("unit_type").unwrap_or_default(),
            quota: cells.count("quota"),
            autonomy_group: cells
                .between("autonomy_group", 1, 4)
                .and_then(|n| u8::try_from(n).ok())
                .and_then(AutonomyGroup::from_number),
            school_zone: cells
                .between("school_zone", 1, 3)
                .and_then(|n| u8::try_from(n).ok()),
            drivers: read_drivers(&mut cells),
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

fn read_drivers(cells: &mut Cells) -> NormDrivers {
    let mut drivers = NormDrivers::default();
    for driver in NormDriver::ALL {
        let column = driver.keyword();
        let value = match driver.kind() {
            DriverKind::Count => cells.large_count(column).map(DriverValue::Count),
            DriverKind::Class => cells
                .between(column, 1, 3)
                .map(|n| DriverValue::Count(u64::from(n))),
            DriverKind::Amount => cells.number(column).map(DriverValue::Amount),
            DriverKind::Flag => cells.flag(column).map(DriverValue::Flag),
            DriverKind::Choice(choices) => {
                let allowed: Vec<Word<DriverValue>> = choices
                    .iter()
                    .map(|c| (c.keyword, c.label_vi, DriverValue::Choice(c.keyword)))
                    .collect();
                cells.keyword(column, &allowed)
            }
        };
        if let Err(error) = driver.set(&mut drivers, value) {
            let text = cells.raw(column);
            let message = match error {
                DriverValueError::OutOfRange { .. } => Text::new(
                    format!("{text:?} quá lớn"),
                    format!("{text:?} is too large"),
                ),
                other => Text::from_fn(|language| format!("{text:?}: {}", other.message(language))),
            };
            cells.error(column, message);
        }
    }
    drivers
}

/// The units as a table. The columns of the rules' attributes are written only when some unit
/// has a value in them, so a plan without them exports as before.
pub fn write(units: &[Unit]) -> Result<OutTable, ExportError> {
    let mut table = OutTable::new(&UNITS);
    let mut rows = Vec::new();
    for u in units {
        let mut row = vec![
            u.id.clone(),
            u.parent_id.clone().unwrap_or_default(),
            u.name.clone(),
            u.unit_type.keyword().to_owned(),
            u.quota.map(|q| q.to_string()).unwrap_or_default(),
            u.autonomy_group
                .map(|g| g.number().to_string())
                .unwrap_or_default(),
            u.school_zone.map(|z| z.to_string()).unwrap_or_default(),
        ];
        for driver in NormDriver::ALL {
            row.push(match driver.get(&u.drivers) {
                None => String::new(),
                Some(DriverValue::Count(count)) => count.to_string(),
                Some(DriverValue::Amount(amount)) => {
                    number(&UNITS, &u.id, driver.keyword(), amount)?
                }
                Some(DriverValue::Flag(flag)) => cells::flag_text(flag).to_owned(),
                Some(DriverValue::Choice(keyword)) => keyword.to_owned(),
            });
        }
        rows.push(row);
    }
    table.rows = rows;
    table.drop_empty_columns_from("autonomy_group");
    Ok(table)
}
