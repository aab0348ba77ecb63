//! `job_descriptions.csv`: the job description of each position (Phụ lục IV), one item a row.
//!
//! `section` says what the row is: a text (`purpose`, `relationships`, `authority`, in
//! `content`), a work item (`professional`, `management`, `support`: `step`, `content`,
//! `output`, `criterion`), a competency (`group`, `name`, `level` 1-5, `step`) or a
//! requirement (`group`, `detail`). As in `duties.csv`, a filled column the section does not
//! use is an error. Several rows of one text section are joined with line breaks.

use crate::language::Text;
use std::collections::HashSet;

use super::cells::{Cells, Word, parse_count};
use super::columns::JOB_DESCRIPTIONS;
use super::error::Problem;
use super::position_rows;
use super::table::{Bound, OutTable};
use crate::model::{
    Competency, CompetencyGroup, JobDescription, JobSection, Position, Requirement, WorkItem,
    WorkSection,
};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Section {
    Purpose,
    Relationships,
    Authority,
    Work(WorkSection),
    Competency,
    Requirement,
}

/// The words of the `section` column (keyword, the section's title in Phụ lục IV), in the order
/// of the template.
pub fn sections() -> [Word<Section>; 8] {
    [
        ("purpose", JobSection::Purpose.label_vi(), Section::Purpose),
        (
            "professional",
            WorkSection::Professional.label_vi(),
            Section::Work(WorkSection::Professional),
        ),
        (
            "management",
            WorkSection::Management.label_vi(),
            Section::Work(WorkSection::Management),
        ),
        (
            "support",
            WorkSection::Support.label_vi(),
            Section::Work(WorkSection::Support),
        ),
        (
            "competency",
            JobSection::Competency.label_vi(),
            Section::Competency,
        ),
        (
            "relationships",
            JobSection::Relationships.label_vi(),
            Section::Relationships,
        ),
        (
            "authority",
            JobSection::Authority.label_vi(),
            Section::Authority,
        ),
        (
            "requirement",
            JobSection::Requirement.label_vi(),
            Section::Requirement,
        ),
    ]
}

/// The lowest and highest competency level.
pub const LEVELS: std::ops::RangeInclusive<u8> = 1..=5;

/// Reads the rows into the job descriptions of `positions`, in file order. `known_ids` as in
/// [`duties::read`](super::duties::read).
pub fn read(
    bound: &Bound,
    positions: &mut [Position],
    known_ids: Option<(&HashSet<String>, &str)>,
    problems: &mut Vec<Problem>,
) {
    let index = position_rows::index_by_id(positions);
    for row in &bound.table.rows {
        let mut cells = Cells::new(bound, row, problems);
        let position_id = position_rows::position_id(&mut cells, known_ids);
        let item = cells
            .required_keyword(
                "section",
                &sections(),
                &Text::new("cho một dòng mô tả công việc", "for a job description row"),
            )
            .and_then(|section| read_item(&mut cells, section));
        if let (true, Some(item), Some(&i)) = (cells.ok(), item, index.get(&position_id)) {
            item.add_to(&mut positions[i].job_description);
        }
    }
}

/// One row of the table, read.
enum Item {
    Text(Section, String),
    Work(WorkItem),
    Competency(Competency),
    Requirement(Requirement),
}

impl Item {
    fn add_to(self, description: &mut JobDescription) {
        match self {
            Item::Text(section, text) => {
                let target = match section {
                    Section::Purpose => &mut description.purpose,
                    Section::Relationships => &mut description.relationships,
                    _ => &mut description.authority,
                };
                if !target.is_empty() {
                    target.push('\n');
                }
                target.push_str(&text);
            }
            Item::Work(item) => description.work_items.push(item),
            Item::Competency(competency) => description.competencies.push(competency),
            Item::Requirement(requirement) => description.requirements.push(requirement),
        }
    }
}

fn read_item(cells: &mut Cells, section: Section) -> Option<Item> {
    match section {
        Section::Purpose | Section::Relationships | Section::Authority => {
            let content = cells.required_text("content");
            cells.unused(
                &[
                    "step",
                    "output",
                    "criterion",
                    "group",
                    "name",
                    "level",
                    "detail",
                ],
                &Text::new("mục này", "this section"),
            );
            Some(Item::Text(section, content))
        }
        Section::Work(work) => {
            let item = WorkItem {
                section: work,
                step: cells.text("step"),
                content: cells.required_text("content"),
                output: cells.text("output"),
                criterion: cells.text("criterion"),
            };
            cells.unused(
                &["group", "name", "level", "detail"],
                &Text::new("nội dung công việc", "work items"),
            );
            Some(Item::Work(item))
        }
        Section::Competency => {
            let group = cells.required_choice::<CompetencyGroup>(
                "group",
                &Text::new("cho một năng lực", "for a competency"),
            );
            let name = cells.required_text("name");
            let step = cells.text("step");
            if !cells.is_filled("level") {
                cells.error(
                    "level",
                    Text::new(
                        "cần nhập cấp độ từ 1 đến 5 cho một năng lực",
                        "a level from 1 to 5 is required for a competency",
                    ),
                );
            }
            let text = cells.raw("level");
            let level = parse_count(text)
                .ok()
                .and_then(|value| u8::try_from(value).ok())
                .filter(|value| LEVELS.contains(value));
            if level.is_none() && !text.is_empty() {
                cells.error(
                    "level",
                    Text::new(
                        format!("{text:?} không phải cấp độ từ 1 đến 5"),
                        format!("{text:?} is not a level from 1 to 5"),
                    ),
                );
            }
            cells.unused(
                &["content", "output", "criterion", "detail"],
                &Text::new("năng lực", "competencies"),
            );
            Some(Item::Competency(Competency {
                group: group?,
                name,
                level: level?,
                step,
            }))
        }
        Section::Requirement => {
            let requirement = Requirement {
                group: cells.text("group"),
                detail: cells.required_text("detail"),
            };
            cells.unused(
                &["step", "content", "output", "criterion", "name", "level"],
                &Text::new("yêu cầu", "requirements"),
            );
            Some(Item::Requirement(requirement))
        }
    }
}

/// The job descriptions of the positions as a table: for each position in order, its purpose,
/// work items, competencies, relationships, authority and requirements.
pub fn write(positions: &[Position]) -> OutTable {
    let mut table = OutTable::new(&JOB_DESCRIPTIONS);
    // Columns: position_id, section, step, content, output, criterion, group, name, level, detail.
    let mut push = |id: &str, section: &str, cells: [&str; 8]| {
        let mut row = vec![id.to_owned(), section.to_owned()];
        row.extend(cells.iter().map(|c| (*c).to_owned()));
        table.rows.push(row);
    };
    for position in positions {
        let id = position.id.as_str();
        let jd = &position.job_description;
        if !jd.purpose.is_empty() {
            push(id, "purpose", ["", &jd.purpose, "", "", "", "", "", ""]);
        }
        for item in &jd.work_items {
            push(
                id,
                item.section.keyword(),
                [
                    &item.step,
                    &item.content,
                    &item.output,
                    &item.criterion,
                    "",
                    "",
                    "",
                    "",
                ],
            );
        }
        for competency in &jd.competencies {
            let level = competency.level.to_string();
            push(
                id,
                "competency",
                [
                    &competency.step,
                    "",
                    "",
                    "",
                    competency.group.keyword(),
                    &competency.name,
                    &level,
                    "",
                ],
            );
        }
        for (section, value) in [
            ("relationships", &jd.relationships),
            ("authority", &jd.authority),
        ] {
            if !value.is_empty() {
                push(id, section, ["", value, "", "", "", "", "", ""]);
            }
        }
        for requirement in &jd.requirements {
            push(
                id,
                "requirement",
                [
                    "",
                    "",
                    "",
                    "",
                    &requirement.group,
                    "",
                    "",
                    &requirement.detail,
                ],
            );
        }
    }
    table
}
