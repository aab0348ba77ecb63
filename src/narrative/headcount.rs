//! Phần IV of the đề án: the headcount proposed, per unit with its whole subtree as the engine
//! rolls it up (beside the quota, the people there today and what the workload requires), by
//! employment basis, and by rank or professional title. Set on landscape pages.

use std::collections::HashSet;

use super::NarrativeError;
use super::typeset::{
    Block, Cell, Grid, LANDSCAPE_WIDTH, caption, heading, note, part_heading, text,
};
use super::unit_lines::{UnitLine, basis_heading, present_bases, several_roots};
use crate::dossier::RankNames;
use crate::engine::{EmploymentFigures, PlanResults, breakdown};
use crate::format::{vi_number, vi_percent};
use crate::model::{Employment, Plan};
use crate::rules::{Finding, quota_excesses};

pub const TITLE: &str = "IV. SỐ LƯỢNG NGƯỜI LÀM VIỆC, BIÊN CHẾ ĐỀ NGHỊ";
pub const UNITS_TITLE: &str = "Bảng 3. Số lượng người làm việc đề nghị theo đơn vị";
pub const BASES_TITLE: &str = "Bảng 4. Tổng hợp theo hình thức sử dụng";
pub const RANKS_TITLE: &str = "Bảng 5. Cơ cấu ngạch công chức, chức danh nghề nghiệp viên chức";
/// The remark on a unit whose proposal is above the quota it was given.
pub const OVER_QUOTA: &str = "Vượt biên chế được giao";

pub fn part(
    plan: &Plan,
    results: &PlanResults,
    lines: &[UnitLine<'_>],
    findings: &[Finding],
) -> Result<Vec<Block>, NarrativeError> {
    let total = &results.total;
    let establishment = total.by_employment.establishment();
    let mut blocks = vec![part_heading(TITLE), heading("1. Tổng hợp chung")];
    let parts: Vec<String> = present_bases(results)
        .into_iter()
        .map(|b| format!("{} {}", b.label_vi(), total.by_employment.get(b).proposed))
        .collect();
    blocks.push(text(&format!(
        "Tổng số người làm việc đề nghị là {} người ({}), trong đó biên chế (công chức, viên \
         chức) {} người; số người cần theo khối lượng công việc là {} người; số người hiện có là \
         {} người. Số liệu theo từng đơn vị tại Bảng 3 (số của mỗi đơn vị gồm cả các đơn vị \
         trực thuộc), theo hình thức sử dụng tại Bảng 4 và theo ngạch, chức danh nghề nghiệp tại \
         Bảng 5.",
        total.proposed,
        parts.join(", "),
        establishment.proposed,
        total.required,
        vi_number(total.current, 2),
    )));
    blocks.push(heading("2. Theo đơn vị"));
    blocks.push(caption(UNITS_TITLE));
    blocks.push(units_table(results, lines, findings));
    blocks.push(note(
        "Ghi chú: biên chế được giao so sánh với số đề nghị trong biên chế (công chức, viên \
         chức); hợp đồng lao động không tính vào biên chế.",
    ));
    blocks.push(heading("3. Theo hình thức sử dụng"));
    blocks.push(caption(BASES_TITLE));
    blocks.push(bases_table(results));
    blocks.push(heading("4. Theo ngạch, chức danh nghề nghiệp"));
    blocks.push(caption(RANKS_TITLE));
    blocks.push(ranks_table(plan, results)?);
    Ok(blocks)
}

fn units_table(results: &PlanResults, lines: &[UnitLine<'_>], findings: &[Finding]) -> Block {
    let bases = present_bases(results);
    let headings: Vec<String> = bases
        .iter()
        .map(|&b| format!("Đề nghị: {}", basis_heading(b).to_lowercase()))
        .collect();
    let mut columns: Vec<(&str, u32)> = vec![
        ("STT", 700),
        ("Đơn vị", 0),
        ("Biên chế được giao", 1200),
        ("Hiện có", 1100),
        ("Cần theo khối lượng công việc", 1400),
    ];
    for heading in &headings {
        columns.push((heading.as_str(), 1200));
    }
    columns.push(("Tổng số đề nghị", 1200));
    columns.push(("Ghi chú", 1900));
    let mut grid = Grid::new(&columns, LANDSCAPE_WIDTH);
    let over: HashSet<&str> = quota_excesses(findings)
        .iter()
        .map(|excess| excess.unit_id)
        .collect();
    for line in lines {
        let whole = line.depth == 0 || line.has_children;
        let bold = |cell: Cell| if whole { cell.bold() } else { cell };
        let r = line.result;
        let mut row = vec![
            bold(Cell::centre(line.number.clone())),
            bold(Cell::left(line.unit.name.clone()).indented(line.depth)),
            bold(Cell::number(
                line.unit.quota.map(|q| q.to_string()).unwrap_or_default(),
            )),
            bold(Cell::number(vi_number(r.current, 2))),
            bold(Cell::number(r.required.to_string())),
        ];
        for &basis in &bases {
            row.push(bold(Cell::number(
                r.by_employment.get(basis).proposed.to_string(),
            )));
        }
        row.push(bold(Cell::number(r.proposed.to_string())));
        let remark = if over.contains(line.unit.id.as_str()) {
            OVER_QUOTA
        } else {
            ""
        };
        row.push(Cell::left(remark));
        grid.push(row);
    }
    if several_roots(lines) {
        let t = &results.total;
        let mut row = vec![
            Cell::left("Tổng cộng").bold().spanning(3),
            Cell::number(vi_number(t.current, 2)).bold(),
            Cell::number(t.required.to_string()).bold(),
        ];
        for &basis in &bases {
            row.push(Cell::number(t.by_employment.get(basis).proposed.to_string()).bold());
        }
        row.push(Cell::number(t.proposed.to_string()).bold());
        row.push(Cell::left(""));
        grid.push(row);
    }
    grid.table()
}

fn bases_table(results: &PlanResults) -> Block {
    let columns = [
        ("STT", 700),
        ("Hình thức sử dụng", 0),
        ("Hiện có", 1800),
        ("Cần theo khối lượng công việc", 2200),
        ("Đề nghị", 1800),
        ("Chênh lệch đề nghị so với hiện có", 2400),
    ];
    let mut grid = Grid::new(&columns, LANDSCAPE_WIDTH);
    let row = |number: &str, label: String, f: EmploymentFigures, bold: bool| {
        let cells = vec![
            Cell::centre(number),
            Cell::left(label),
            Cell::number(vi_number(f.current, 2)),
            Cell::number(f.required.to_string()),
            Cell::number(f.proposed.to_string()),
            Cell::number(vi_number(f.proposed as f64 - f.current, 2)),
        ];
        if bold {
            cells.into_iter().map(Cell::bold).collect()
        } else {
            cells
        }
    };
    let split = &results.total.by_employment;
    for (i, basis) in present_bases(results).into_iter().enumerate() {
        let label = match basis {
            Employment::Contract => "Hợp đồng lao động (ngoài biên chế)".to_owned(),
            other => basis_heading(other),
        };
        grid.push(row(&(i + 1).to_string(), label, split.get(basis), false));
    }
    grid.push(row(
        "",
        "Trong biên chế".to_owned(),
        split.establishment(),
        true,
    ));
    let total = EmploymentFigures {
        required: results.total.required,
        current: results.total.current,
        proposed: results.total.proposed,
    };
    grid.push(row("", "Tổng cộng".to_owned(), total, true));
    grid.table()
}

fn ranks_table(plan: &Plan, results: &PlanResults) -> Result<Block, NarrativeError> {
    let names = RankNames::embedded()?;
    let whole = breakdown(plan, results, None)?;
    let establishment = results.total.by_employment.establishment();
    let columns = [
        ("STT", 700),
        ("Ngạch công chức, chức danh nghề nghiệp", 0),
        ("Hiện có", 1800),
        ("Đề nghị", 1800),
        ("Tỷ lệ đề nghị trong biên chế", 2400),
    ];
    let mut grid = Grid::new(&columns, LANDSCAPE_WIDTH);
    let mut number = 0;
    for basis in [Employment::CivilServant, Employment::PublicEmployee] {
        let rows: Vec<(String, EmploymentFigures)> = whole
            .ranks
            .iter()
            .map(|r| {
                (
                    names.label(&r.rank_code, basis),
                    r.figures.by_employment.get(basis),
                )
            })
            .filter(|(_, f)| *f != EmploymentFigures::default())
            .collect();
        if rows.is_empty() {
            continue;
        }
        let group = match basis {
            Employment::CivilServant => "Ngạch công chức",
            _ => "Chức danh nghề nghiệp viên chức",
        };
        grid.push(vec![Cell::left(group).bold().spanning(5)]);
        for (label, f) in rows {
            number += 1;
            let share = if establishment.proposed == 0 {
                String::new()
            } else {
                vi_percent(f.proposed as f64 / establishment.proposed as f64, 1)
            };
            grid.push(vec![
                Cell::centre(number.to_string()),
                Cell::left(label),
                Cell::number(vi_number(f.current, 2)),
                Cell::number(f.proposed.to_string()),
                Cell::number(share),
            ]);
        }
    }
    grid.push(vec![
        Cell::left("Cộng trong biên chế").bold().spanning(2),
        Cell::number(vi_number(establishment.current, 2)).bold(),
        Cell::number(establishment.proposed.to_string()).bold(),
        Cell::number(if establishment.proposed == 0 {
            String::new()
        } else {
            vi_percent(1.0, 1)
        })
        .bold(),
    ]);
    Ok(grid.table())
}
