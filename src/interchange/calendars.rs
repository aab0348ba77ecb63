//! `calendars.csv`: working calendars, one row each.

use super::cells::Cells;
use super::columns::CALENDARS;
use super::error::{ExportError, Problem};
use super::export::number;
use super::table::{Bound, OutTable};
use crate::language::Text;
use crate::model::Calendar;

/// The calendars of the table, in file order; rows with problems are left out.
pub fn read(bound: &Bound, problems: &mut Vec<Problem>) -> Vec<Calendar> {
    let mut calendars = Vec::new();
    for row in &bound.table.rows {
        let mut cells = Cells::new(bound, row, problems);
        let id = cells.required_text("id");
        let why = Text::new("cho một lịch làm việc", "for a calendar");
        let calendar = Calendar {
            name: cells.text("name"),
            days_per_week: cells.required_number("days_per_week", &why),
            weeks_per_year: cells.required_number("weeks_per_year", &why),
            public_holidays: cells.required_number("public_holidays", &why),
            annual_leave: cells.required_number("annual_leave", &why),
            sick_leave: cells.number_or("sick_leave", 0.0),
            other_leave: cells.number_or("other_leave", 0.0),
            hours_per_day: cells.required_number("hours_per_day", &why),
            available_hours: cells.number("available_hours"),
            id,
        };
        if cells.ok() {
            calendars.push(calendar);
        }
    }
    calendars
}

/// The calendars as a table; the `name` column only when some calendar has a name.
pub fn write(calendars: &[Calendar]) -> Result<OutTable, ExportError> {
    let mut table = OutTable::new(&CALENDARS);
    let named = calendars.iter().any(|c| !c.name.is_empty());
    if !named {
        table.header.retain(|column| column != "name");
    }
    for c in calendars {
        let num = |column: &str, value: f64| number(&CALENDARS, &c.id, column, value);
        let mut row = vec![
            c.id.clone(),
            num("days_per_week", c.days_per_week)?,
            num("weeks_per_year", c.weeks_per_year)?,
            num("public_holidays", c.public_holidays)?,
            num("annual_leave", c.annual_leave)?,
            num("sick_leave", c.sick_leave)?,
            num("other_leave", c.other_leave)?,
            num("hours_per_day", c.hours_per_day)?,
            match c.available_hours {
                Some(hours) => num("available_hours", hours)?,
                None => String::new(),
            },
        ];
        if named {
            row.push(c.name.clone());
        }
        table.rows.push(row);
    }
    Ok(table)
}
