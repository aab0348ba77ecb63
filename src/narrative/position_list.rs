//! Phần III of the đề án: the list of job positions (danh mục vị trí việc làm) by group, each
//! with its unit, the rank or professional title it requires by name, and the number proposed.

use std::collections::HashMap;

use super::NarrativeError;
use super::typeset::{Block, Cell, Grid, PORTRAIT_WIDTH, caption, part_heading, text};
use super::unit_lines::UnitLine;
use crate::dossier::{RankNames, rank_column_heading};
use crate::engine::{PlanResults, PositionResult, breakdown};
use crate::format::roman;
use crate::model::{Category, Plan, Position};

pub const TITLE: &str = "III. DANH MỤC VỊ TRÍ VIỆC LÀM";
pub const TABLE_TITLE: &str = "Bảng 2. Danh mục vị trí việc làm";

pub fn part(
    plan: &Plan,
    results: &PlanResults,
    lines: &[UnitLine<'_>],
) -> Result<Vec<Block>, NarrativeError> {
    let names = RankNames::embedded()?;
    let whole = breakdown(plan, results, None)?;
    // Positions in tree order of their units, then plan order.
    let unit_order: HashMap<&str, usize> = lines
        .iter()
        .enumerate()
        .map(|(i, l)| (l.unit.id.as_str(), i))
        .collect();
    let unit_names: HashMap<&str, &str> = lines
        .iter()
        .map(|l| (l.unit.id.as_str(), l.unit.name.as_str()))
        .collect();
    let by_id: HashMap<&str, &PositionResult> = results
        .positions
        .iter()
        .map(|r| (r.id.as_str(), r))
        .collect();
    let mut positions: Vec<&Position> = plan.positions.iter().collect();
    positions.sort_by_key(|p| {
        unit_order
            .get(p.unit_id.as_str())
            .copied()
            .unwrap_or(usize::MAX)
    });

    let mut blocks = vec![part_heading(TITLE)];
    let counts: Vec<String> = whole
        .categories
        .iter()
        .map(|row| {
            format!(
                "{} {}",
                row.positions,
                row.category.label_vi().to_lowercase()
            )
        })
        .collect();
    blocks.push(text(&format!(
        "Trên cơ sở chức năng, nhiệm vụ được giao, đề án xác định {} vị trí việc làm, gồm: {}. \
         Danh mục vị trí việc làm theo nhóm tại Bảng 2.",
        plan.positions.len(),
        counts.join("; ")
    )));
    blocks.push(caption(TABLE_TITLE));
    let rank_heading = rank_column_heading(results.positions.iter().map(|p| p.employment));
    let columns = [
        ("STT", 700),
        ("Tên vị trí việc làm", 0),
        ("Đơn vị", 2300),
        (rank_heading, 2500),
        ("Số lượng đề nghị", 1100),
    ];
    let mut grid = Grid::new(&columns, PORTRAIT_WIDTH);
    let mut group = 0;
    for category in Category::ALL {
        let members: Vec<&Position> = positions
            .iter()
            .copied()
            .filter(|p| p.category == category)
            .collect();
        if members.is_empty() {
            continue;
        }
        let total = whole
            .categories
            .iter()
            .find(|row| row.category == category)
            .map(|row| row.figures.proposed)
            .unwrap_or_default();
        group += 1;
        let number = roman(group);
        grid.push(vec![
            Cell::centre(number).bold(),
            Cell::left(format!("Nhóm {}", category.label_vi().to_lowercase()))
                .bold()
                .spanning(3),
            Cell::number(total.to_string()).bold(),
        ]);
        for (i, position) in members.into_iter().enumerate() {
            let Some(result) = by_id.get(position.id.as_str()) else {
                continue;
            };
            let unit = unit_names
                .get(position.unit_id.as_str())
                .copied()
                .unwrap_or_default();
            grid.push(vec![
                Cell::centre((i + 1).to_string()),
                Cell::left(position.name.clone()),
                Cell::left(unit),
                Cell::left(names.label(&position.rank_code, result.employment)),
                Cell::number(result.proposed.to_string()),
            ]);
        }
    }
    blocks.push(grid.table());
    Ok(blocks)
}
