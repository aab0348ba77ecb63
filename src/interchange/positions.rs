//! `positions.csv`: job positions, one a row, with the headcount proposed for each, whether a
//! leadership position heads or deputises, how its people spread over career steps, and their
//! employment basis when it is not the unit's (their workload is in `duties.csv`, their job
//! descriptions in `job_descriptions.csv`).

use crate::language::Text;
use std::collections::HashSet;

use super::cells::Cells;
use super::columns::POSITIONS;
use super::error::Problem;
use super::table::{Bound, OutTable};
use crate::model::{
    Category, Employment, LeaderRole, Method, Position, Proposal, StepCount, steps_from_text,
    steps_to_text,
};

/// The positions of the table, in file order, without components; rows with problems are left
/// out. Also returns every id named in the table, good rows or not, so that duties naming a
/// position whose row had a problem are not reported a second time.
pub fn read(bound: &Bound, problems: &mut Vec<Problem>) -> (Vec<Position>, HashSet<String>) {
    let mut positions = Vec::new();
    let mut ids = HashSet::new();
    for row in &bound.table.rows {
        let mut cells = Cells::new(bound, row, problems);
        let id = cells.required_text("id");
        if !id.is_empty() {
            ids.insert(id.clone());
        }
        let unit_id = cells.required_text("unit_id");
        let name = cells.required_text("name");
        let why = Text::new("cho một vị trí", "for a position");
        let category = cells.required_choice::<Category>("category", &why);
        let rank_code = cells.text("rank_code");
        let method = cells.required_choice::<Method>("method", &why);
        let count = cells.count("count").unwrap_or(0);
        let min = cells.count("min");
        let max = cells.count("max");
        let calendar = cells.optional_text("calendar");
        let proposed = cells.count("proposed");
        let reason = cells.text("proposed_reason");
        if proposed.is_none() && !reason.is_empty() {
            cells.error(
                "proposed_reason",
                Text::new(
                    "có lý do nhưng không có số đề xuất ở cột \"proposed\"",
                    "a reason is given without a proposed count in \"proposed\"",
                ),
            );
        }
        let role = cells.choice::<LeaderRole>("role");
        if role.is_some() && category.is_some_and(|c| c != Category::Leadership) {
            cells.error(
                "role",
                Text::new(
                    "chỉ vị trí lãnh đạo, quản lý mới là cấp trưởng hoặc cấp phó \
                     (category \"leadership\")",
                    "only leadership positions are heads or deputies (category \"leadership\")",
                ),
            );
        }
        let steps = cells.with("steps", parse_steps).unwrap_or_default();
        let employment = cells.choice::<Employment>("employment");
        if let (true, Some(category), Some(method)) = (cells.ok(), category, method) {
            positions.push(Position {
                category,
                rank_code,
                method,
                count,
                min,
                max,
                calendar,
                proposed: proposed.map(|count| Proposal { count, reason }),
                role,
                steps,
                employment,
                ..Position::new(id, unit_id, name)
            });
        }
    }
    (positions, ids)
}

/// Steps as `5:2;4:3`: each step from 1 to 5 at most once, each count a whole number.
fn parse_steps(text: &str) -> Result<Vec<StepCount>, Text> {
    let steps = steps_from_text(text).ok_or_else(|| {
        Text::new(
            format!(
                "{text:?} không phải danh sách bậc: viết các cặp bậc:số người cách nhau bởi \
                 \";\", ví dụ 5:2;4:3"
            ),
            format!(
                "{text:?} is not a list of steps: write step:count pairs separated by \";\", \
                 e.g. 5:2;4:3"
            ),
        )
    })?;
    for (i, step) in steps.iter().enumerate() {
        let number = step.step;
        if !(1..=5).contains(&number) {
            return Err(Text::new(
                format!("bậc {number} trong {text:?} không phải bậc từ 1 đến 5"),
                format!("step {number} in {text:?} is not a step from 1 to 5"),
            ));
        }
        if steps[..i].iter().any(|s| s.step == number) {
            return Err(Text::new(
                format!("bậc {number} được ghi hai lần trong {text:?}"),
                format!("step {number} is given twice in {text:?}"),
            ));
        }
    }
    Ok(steps)
}

/// The positions as a table; `role`, `steps` and `employment` only when some position has
/// them.
pub fn write(positions: &[Position]) -> OutTable {
    let mut table = OutTable::new(&POSITIONS);
    let optional = |value: Option<u32>| value.map(|v| v.to_string()).unwrap_or_default();
    table.rows = positions
        .iter()
        .map(|p| {
            vec![
                p.id.clone(),
                p.unit_id.clone(),
                p.name.clone(),
                p.category.keyword().to_owned(),
                p.rank_code.clone(),
                p.method.keyword().to_owned(),
                p.count.to_string(),
                optional(p.min),
                optional(p.max),
                p.calendar.clone().unwrap_or_default(),
                optional(p.proposed.as_ref().map(|proposal| proposal.count)),
                p.proposed
                    .as_ref()
                    .map(|proposal| proposal.reason.clone())
                    .unwrap_or_default(),
                p.role.map(|r| r.keyword().to_owned()).unwrap_or_default(),
                steps_to_text(&p.steps),
                p.employment
                    .map(|e| e.keyword().to_owned())
                    .unwrap_or_default(),
            ]
        })
        .collect();
    table.drop_empty_columns_from("role");
    table
}
