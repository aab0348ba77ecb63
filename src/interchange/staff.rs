//! `staff.csv`: the roster, one person (or post) a row; columns beyond the fixed ones are the
//! person's personal fields, keyed by their header.

use std::collections::BTreeSet;

use super::cells::Cells;
use super::columns::{FULL_NAME, STAFF};
use super::error::{ExportError, Problem};
use super::export::number;
use super::table::{Bound, OutTable};
use crate::language::{Localized, Text};
use crate::model::{BirthDate, CivilDate, PersonalFields, Sex, StaffMember};

/// The staff of the table, in file order; rows with problems are left out.
pub fn read(bound: &Bound, problems: &mut Vec<Problem>) -> Vec<StaffMember> {
    let mut staff = Vec::new();
    for row in &bound.table.rows {
        let mut cells = Cells::new(bound, row, problems);
        let mut personal: PersonalFields = bound
            .others
            .iter()
            .filter_map(|(i, key)| {
                let value = row.cells.get(*i).filter(|v| !v.is_empty())?;
                Some((key.clone(), value.clone()))
            })
            .collect();
        if let Some(name) = cells.optional_text(FULL_NAME) {
            personal.insert(FULL_NAME.to_owned(), name);
        }
        let member = StaffMember {
            id: cells.required_text("id"),
            unit_id: cells.required_text("unit_id"),
            position_id: cells.optional_text("position_id"),
            rank_code: cells.text("rank_code"),
            fte: cells.number_or("fte", 1.0),
            birth_date: cells.with("birth_date", |text| {
                text.parse::<BirthDate>()
                    .map_err(|error| Text::from_fn(|language| error.message(language)))
            }),
            sex: cells.choice::<Sex>("sex"),
            retires_on: cells.with("retires_on", |text| {
                text.parse::<CivilDate>()
                    .map_err(|error| Text::from_fn(|language| error.message(language)))
            }),
            personal,
        };
        if cells.ok() {
            staff.push(member);
        }
    }
    staff
}

/// The staff as a table: the fixed columns (`full_name` from the personal fields), then the
/// union of the other personal keys, sorted.
pub fn write(staff: &[StaffMember]) -> Result<OutTable, ExportError> {
    let mut table = OutTable::new(&STAFF);
    let mut keys = BTreeSet::new();
    for member in staff {
        for key in member.personal.keys().filter(|key| *key != FULL_NAME) {
            let reason = if key.trim().is_empty() {
                Some(Text::new("có tên trống", "has an empty name"))
            } else if STAFF.column(key).is_some() {
                Some(Text::new(
                    "trùng tên một cột cố định",
                    "has the name of a fixed column",
                ))
            } else {
                None
            };
            if let Some(reason) = reason {
                return Err(ExportError::PersonalField {
                    file: STAFF.file_name(),
                    id: member.id.clone(),
                    key: key.clone(),
                    reason,
                });
            }
            keys.insert(key.as_str());
        }
    }
    table
        .header
        .extend(keys.iter().map(|key| (*key).to_owned()));
    for member in staff {
        let mut row = vec![
            member.id.clone(),
            member.unit_id.clone(),
            member.position_id.clone().unwrap_or_default(),
            member.rank_code.clone(),
            number(&STAFF, &member.id, "fte", member.fte)?,
            member.personal.get(FULL_NAME).cloned().unwrap_or_default(),
            member.birth_date.map(BirthDate::iso).unwrap_or_default(),
            member
                .sex
                .map(|sex| sex.keyword().to_owned())
                .unwrap_or_default(),
            member.retires_on.map(|date| date.iso()).unwrap_or_default(),
        ];
        row.extend(
            keys.iter()
                .map(|key| member.personal.get(key).cloned().unwrap_or_default()),
        );
        table.rows.push(row);
    }
    table.drop_empty_columns_from(FULL_NAME);
    Ok(table)
}
