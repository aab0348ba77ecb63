//! Phần II of the đề án: the agency's units as a tree and the people working in them today,
//! by unit and by employment basis.

use super::form::agency;
use super::typeset::{
    Block, Cell, Grid, PORTRAIT_WIDTH, caption, heading, item, note, part_heading, text,
};
use super::unit_lines::{UnitLine, basis_heading, present_bases, several_roots};
use crate::engine::PlanResults;
use crate::format::vi_number;
use crate::model::{Plan, UnitType};

pub const TITLE: &str = "II. HIỆN TRẠNG CƠ CẤU TỔ CHỨC VÀ ĐỘI NGŨ";
pub const TABLE_TITLE: &str = "Bảng 1. Số người làm việc hiện có theo đơn vị";

pub fn part(plan: &Plan, results: &PlanResults, lines: &[UnitLine<'_>]) -> Vec<Block> {
    let agency = agency(plan);
    let mut blocks = vec![part_heading(TITLE), heading("1. Cơ cấu tổ chức")];
    blocks.push(text(&format!(
        "Cơ cấu tổ chức của {agency} gồm {} đơn vị:",
        lines.len()
    )));
    for line in lines {
        let kind = match line.unit.unit_type {
            UnitType::Other => String::new(),
            other => format!(": {}", other.label_vi()),
        };
        let number = format!("{}.", line.number);
        blocks.push(item(
            &format!("{number} {}{kind};", line.unit.name),
            line.depth,
        ));
    }

    blocks.push(heading("2. Đội ngũ hiện có"));
    let total = &results.total;
    let parts: Vec<String> = present_bases(results)
        .into_iter()
        .map(|basis| {
            let current = total.by_employment.get(basis).current;
            format!("{} {}", basis.label_vi(), vi_number(current, 2))
        })
        .collect();
    blocks.push(text(&format!(
        "Tổng số người làm việc hiện có là {} người{}. Số liệu chi tiết theo từng đơn vị tại \
         Bảng 1 (số của mỗi đơn vị gồm cả các đơn vị trực thuộc).",
        vi_number(total.current, 2),
        if parts.is_empty() {
            String::new()
        } else {
            format!(", gồm: {}", parts.join(", "))
        }
    )));
    blocks.push(caption(TABLE_TITLE));
    blocks.push(table(results, lines));
    blocks.push(note(
        "Ghi chú: số người hiện có tính theo thời gian làm việc (người làm kiêm nhiệm tính \
         theo phần thời gian làm tại vị trí).",
    ));
    blocks
}

fn table(results: &PlanResults, lines: &[UnitLine<'_>]) -> Block {
    let bases = present_bases(results);
    let headings: Vec<String> = bases.iter().map(|&b| basis_heading(b)).collect();
    let mut columns: Vec<(&str, u32)> =
        vec![("STT", 700), ("Đơn vị", 0), ("Biên chế được giao", 1300)];
    for heading in &headings {
        columns.push((heading.as_str(), 1150));
    }
    columns.push(("Tổng số", 1100));
    let mut grid = Grid::new(&columns, PORTRAIT_WIDTH);
    for line in lines {
        let whole = line.depth == 0 || line.has_children;
        let bold = |cell: Cell| if whole { cell.bold() } else { cell };
        let mut row = vec![
            bold(Cell::centre(line.number.clone())),
            bold(Cell::left(line.unit.name.clone()).indented(line.depth)),
            bold(Cell::number(
                line.unit.quota.map(|q| q.to_string()).unwrap_or_default(),
            )),
        ];
        for &basis in &bases {
            let current = line.result.by_employment.get(basis).current;
            row.push(bold(Cell::number(vi_number(current, 2))));
        }
        row.push(bold(Cell::number(vi_number(line.result.current, 2))));
        grid.push(row);
    }
    if several_roots(lines) {
        let mut row = vec![Cell::left("Tổng cộng").bold().spanning(3)];
        for &basis in &bases {
            row.push(
                Cell::number(vi_number(results.total.by_employment.get(basis).current, 2)).bold(),
            );
        }
        row.push(Cell::number(vi_number(results.total.current, 2)).bold());
        grid.push(row);
    }
    grid.table()
}
