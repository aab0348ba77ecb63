//! `duties.csv`: the workload components of all positions, one a row, in the four kinds.
//!
//! Each kind uses its own columns; a filled column that the kind does not use is an error, as
//! it usually means the cells of the row have shifted.

use crate::language::Text;
use std::collections::HashSet;

use super::cells::Cells;
use super::columns::DUTIES;
use super::error::{ExportError, Problem};
use super::export::number;
use super::position_rows;
use super::table::{Bound, OutTable};
use crate::model::{Component, ComponentKind, ComponentType, Period, Position, SupportAmount};

/// Reads the duties and attaches each to its position, in file order. `known_ids` are the ids
/// listed in the positions table, with that table's name for messages (`None` when it could
/// not be read, and then no duty is reported for naming an unknown position).
pub fn read(
    bound: &Bound,
    positions: &mut [Position],
    known_ids: Option<(&HashSet<String>, &str)>,
    problems: &mut Vec<Problem>,
) {
    let index = position_rows::index_by_id(positions);
    for row in &bound.table.rows {
        let mut cells = Cells::new(bound, row, problems);
        let id = cells.required_text("id");
        let position_id = position_rows::position_id(&mut cells, known_ids);
        let name = cells.required_text("name");
        let code = cells.optional_text("code");
        let kind = cells
            .required_choice::<ComponentType>("kind", &Text::new("cho một công việc", "for a duty"))
            .and_then(|kind| read_kind(&mut cells, kind));
        if let (true, Some(kind), Some(&i)) = (cells.ok(), kind, index.get(&position_id)) {
            positions[i].components.push(Component {
                id,
                name,
                code,
                kind,
            });
        }
    }
}

/// The line of each position's components, by position index, as [`read`] added them (each
/// row to the first position with its id).
pub fn lines(bound: &Bound, positions: &[Position]) -> Vec<Vec<u64>> {
    let index = position_rows::index_by_id(positions);
    let mut lines = vec![Vec::new(); positions.len()];
    for row in &bound.table.rows {
        let position_id = bound.cell(row, "position_id");
        if let Some(&i) = index.get(position_id) {
            lines[i].push(row.line);
        }
    }
    lines
}

fn read_kind(cells: &mut Cells, kind: ComponentType) -> Option<ComponentKind> {
    match kind {
        ComponentType::Service => {
            let why = Text::new("cho loại service", "for kind service");
            let kind = ComponentKind::Service {
                volume: cells.required_number("volume", &why),
                minutes_per_item: cells.required_number("minutes_per_item", &why),
                coefficient: cells.number_or("coefficient", 1.0),
            };
            cells.unused(
                &["percent", "minutes", "per", "staff", "ratio"],
                &Text::new("loại service", "kind service"),
            );
            Some(kind)
        }
        ComponentType::Support => {
            cells.unused(
                &[
                    "volume",
                    "minutes_per_item",
                    "coefficient",
                    "staff",
                    "ratio",
                ],
                &Text::new("loại support", "kind support"),
            );
            let by_time = cells.is_filled("minutes") || cells.is_filled("per");
            if cells.is_filled("percent") {
                if by_time {
                    cells.error(
                        "percent",
                        Text::new(
                            "ghi percent, hoặc minutes và per, không ghi cả hai",
                            "give either percent, or minutes and per, not both",
                        ),
                    );
                }
                return cells
                    .number("percent")
                    .map(SupportAmount::Percent)
                    .map(ComponentKind::Support);
            }
            if !by_time {
                cells.error(
                    "percent",
                    Text::new(
                        "cần nhập một số cho loại support (hoặc ghi minutes và per)",
                        "a number is required for kind support (or give minutes and per instead)",
                    ),
                );
                return None;
            }
            let why = Text::new(
                "cho loại support tính theo thời gian",
                "for kind support given as time",
            );
            let minutes = cells.required_number("minutes", &why);
            let per = cells.required_choice::<Period>("per", &why)?;
            Some(ComponentKind::Support(SupportAmount::Time { minutes, per }))
        }
        ComponentType::Additional => {
            let why = Text::new("cho loại additional", "for kind additional");
            let minutes = cells.required_number("minutes", &why);
            let per = cells.required_choice::<Period>("per", &why);
            let staff = cells.number_or("staff", 1.0);
            cells.unused(
                &[
                    "volume",
                    "minutes_per_item",
                    "coefficient",
                    "percent",
                    "ratio",
                ],
                &Text::new("loại additional", "kind additional"),
            );
            Some(ComponentKind::Additional {
                minutes,
                per: per?,
                staff,
            })
        }
        ComponentType::Norm => {
            let why = Text::new("cho loại norm", "for kind norm");
            let kind = ComponentKind::Norm {
                volume: cells.required_number("volume", &why),
                ratio: cells.required_number("ratio", &why),
            };
            cells.unused(
                &[
                    "minutes_per_item",
                    "coefficient",
                    "percent",
                    "minutes",
                    "per",
                    "staff",
                ],
                &Text::new("loại norm", "kind norm"),
            );
            Some(kind)
        }
    }
}

/// The components of all positions as one table, position by position.
pub fn write(positions: &[Position]) -> Result<OutTable, ExportError> {
    let mut table = OutTable::new(&DUTIES);
    for position in positions {
        for component in &position.components {
            table.rows.push(row(position, component)?);
        }
    }
    Ok(table)
}

fn row(position: &Position, component: &Component) -> Result<Vec<String>, ExportError> {
    let mut cells: Vec<(&str, String)> = vec![
        ("id", component.id.clone()),
        ("position_id", position.id.clone()),
        ("name", component.name.clone()),
        ("kind", component.kind.keyword().to_owned()),
        ("code", component.code.clone().unwrap_or_default()),
    ];
    let mut numbers: Vec<(&str, f64)> = Vec::new();
    match &component.kind {
        ComponentKind::Service {
            volume,
            minutes_per_item,
            coefficient,
        } => numbers.extend([
            ("volume", *volume),
            ("minutes_per_item", *minutes_per_item),
            ("coefficient", *coefficient),
        ]),
        ComponentKind::Support(SupportAmount::Percent(percent)) => {
            numbers.push(("percent", *percent));
        }
        ComponentKind::Support(SupportAmount::Time { minutes, per }) => {
            numbers.push(("minutes", *minutes));
            cells.push(("per", per.keyword().to_owned()));
        }
        ComponentKind::Additional {
            minutes,
            per,
            staff,
        } => {
            numbers.extend([("minutes", *minutes), ("staff", *staff)]);
            cells.push(("per", per.keyword().to_owned()));
        }
        ComponentKind::Norm { volume, ratio } => {
            numbers.extend([("volume", *volume), ("ratio", *ratio)]);
        }
    }
    for (column, value) in numbers {
        cells.push((column, number(&DUTIES, &component.id, column, value)?));
    }
    Ok(DUTIES
        .column_names()
        .map(|column| {
            cells
                .iter()
                .find(|(name, _)| *name == column)
                .map(|(_, text)| text.clone())
                .unwrap_or_default()
        })
        .collect())
}
