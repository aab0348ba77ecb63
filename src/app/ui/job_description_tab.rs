//! The Job description tab (Mô tả công việc): the selected position's description following
//! the ND 232/2026 template (Phụ lục IV): purpose, work items, competency frame, working
//! relationships, authority and requirements.
//!
//! Every change replaces the whole position ([`Edit::UpdatePosition`]), so it is one undo step.
//! Multi-line fields apply when the user leaves them, not at each keystroke.

use eframe::egui;

use super::fields::{apply_choice, combo_box, commit, field_error, pending_field, text_field};
use super::figures::header_row;
use super::positions_tab::category_label;
use crate::app::state::AppState;
use crate::editing::Edit;
use crate::model::{
    Competency, CompetencyGroup, JobDescription, Position, Requirement, WorkItem, WorkSection,
};

/// The levels of a competency (khung năng lực: cấp độ 1 to 5).
const LEVELS: [u8; 5] = [1, 2, 3, 4, 5];

pub fn job_description_tab_ui(state: &mut AppState, ui: &mut egui::Ui) {
    let position = state.selected_position();
    let Some(position) = position else {
        ui.label(state.t(
            "Chưa chọn vị trí việc làm. Chọn một vị trí ở thẻ Vị trí việc làm để xem và sửa \
             bản mô tả công việc và khung năng lực của vị trí đó.",
            "No position selected. Select one in the Positions tab to see and edit its job \
             description and competency frame.",
        ));
        return;
    };
    egui::ScrollArea::vertical()
        .auto_shrink(false)
        .show(ui, |ui| {
            general_ui(state, ui, &position);
            let heading = state.t("II. Mục tiêu vị trí việc làm", "II. Purpose");
            text_block_ui(state, ui, &position, heading, "purpose", |d| &mut d.purpose);
            work_items_ui(state, ui, &position);
            competencies_ui(state, ui, &position);
            let heading = state.t(
                "VII. Các mối quan hệ công việc",
                "VII. Working relationships",
            );
            text_block_ui(state, ui, &position, heading, "relationships", |d| {
                &mut d.relationships
            });
            let heading = state.t("VIII. Phạm vi quyền hạn", "VIII. Authority");
            text_block_ui(state, ui, &position, heading, "authority", |d| {
                &mut d.authority
            });
            requirements_ui(state, ui, &position);
        });
}

/// Section I: what the position is, from the plan and its results.
fn general_ui(state: &AppState, ui: &mut egui::Ui, position: &Position) {
    ui.heading(&position.name);
    let plan = state.document.plan();
    let unit = plan
        .unit(&position.unit_id)
        .map_or(position.unit_id.as_str(), |u| u.name.as_str());
    let mut line = format!(
        "{}: {unit} · {}: {}",
        state.t("Đơn vị", "Unit"),
        state.t("Nhóm", "Category"),
        category_label(state, position.category),
    );
    if !position.rank_code.is_empty() {
        line.push_str(&format!(
            " · {}: {}",
            state.t("Ngạch, chức danh", "Rank"),
            state.rank_label(&position.rank_code)
        ));
    }
    if let Some(result) = state
        .document
        .results()
        .and_then(|r| r.position(&position.id))
    {
        line.push_str(&format!(
            " · {} {}",
            state.t("Hiện có", "Current"),
            state.number(result.current, 2)
        ));
    }
    ui.label(line);
    ui.add_space(8.0);
}

/// The edit replacing the position by one whose description is changed by `change`. It starts
/// from the plan as it is now, not as the frame began: a field left by clicking a button
/// applies in the same frame as the button, and neither change may undo the other.
fn update(state: &AppState, position: &Position, change: impl FnOnce(&mut JobDescription)) -> Edit {
    let mut updated = state
        .document
        .plan()
        .position(&position.id)
        .unwrap_or(position)
        .clone();
    change(&mut updated.job_description);
    Edit::UpdatePosition(Box::new(updated))
}

/// The key of a field being typed into, naming the position and the field.
fn cell_key(position: &Position, field: &str) -> String {
    format!("job/{}/{field}", position.id)
}

/// As [`text_field`], on several lines: Enter starts a new line, so the text applies when the
/// field loses focus (or is set by assistive technology). Escape drops what was typed.
fn multiline_field(
    state: &mut AppState,
    ui: &mut egui::Ui,
    key: &str,
    current: &str,
    width: f32,
    rows: usize,
) -> (egui::Response, Option<String>) {
    pending_field(state, ui, key, current, width, Some(rows))
}

/// Applies typed text to the description through `set`, trimmed; text that is the same once
/// trimmed changes nothing (and makes no undo step).
fn commit_text(
    state: &mut AppState,
    position: &Position,
    key: &str,
    name: &str,
    current: &str,
    text: String,
    set: impl FnOnce(&mut JobDescription, String),
) {
    let trimmed = text.trim().to_owned();
    if trimmed == current {
        state.cells.remove(key);
        return;
    }
    let edit = update(state, position, |d| set(d, trimmed));
    commit(state, key, name, text, Ok(edit));
}

/// A multi-line section of the template (II, VII, VIII): a heading and the text under it.
fn text_block_ui(
    state: &mut AppState,
    ui: &mut egui::Ui,
    position: &Position,
    heading: &str,
    field: &str,
    access: fn(&mut JobDescription) -> &mut String,
) {
    let label = ui.strong(heading);
    let key = cell_key(position, field);
    let current = access(&mut position.job_description.clone()).clone();
    let (response, committed) = multiline_field(state, ui, &key, &current, ui.available_width(), 3);
    response.labelled_by(label.id);
    field_error(state, ui, &key);
    if let Some(text) = committed {
        commit_text(state, position, &key, heading, &current, text, |d, t| {
            *access(d) = t;
        });
    }
    ui.add_space(8.0);
}

/// A typed cell of a table row, named for assistive technology as `name` (column and row).
#[allow(clippy::too_many_arguments)]
fn text_cell(
    state: &mut AppState,
    ui: &mut egui::Ui,
    position: &Position,
    field: &str,
    name: &str,
    current: &str,
    width: f32,
    multiline: bool,
    set: impl FnOnce(&mut JobDescription, String),
) {
    let key = cell_key(position, field);
    let (response, committed) = if multiline {
        multiline_field(state, ui, &key, current, width, 2)
    } else {
        text_field(state, ui, &key, current, width)
    };
    response.accessible_name(name);
    if let Some(text) = committed {
        commit_text(state, position, &key, name, current, text, set);
    }
}

/// A choice in a table row, named `name`; returns the option picked when it differs.
fn cell_choice<T: PartialEq + Clone>(
    ui: &mut egui::Ui,
    name: &str,
    id_salt: impl egui::AsIdSalt,
    current: &T,
    options: &[(T, String)],
    width: f32,
) -> Option<T> {
    let (response, picked) = combo_box(ui, id_salt, current, options, width);
    response.accessible_name(name);
    picked
}

/// The button deleting row `number` of a table; what was typed in that table is dropped, as
/// the rows below move up.
fn delete_row_button(
    state: &mut AppState,
    ui: &mut egui::Ui,
    position: &Position,
    table: &str,
    name: &str,
    remove: impl FnOnce(&mut JobDescription),
) {
    let clicked = ui
        .small_button(state.t("Xóa", "Delete"))
        .accessible_name(name)
        .on_hover_text(name)
        .clicked();
    if clicked && apply_choice(state, update(state, position, remove)).is_some() {
        let prefix = cell_key(position, &format!("{table}/"));
        state.cells.retain(|key, _| !key.starts_with(&prefix));
    }
}

fn section_label(state: &AppState, section: WorkSection) -> String {
    state.t(section.label_vi(), section.label_en()).to_owned()
}

fn group_label(state: &AppState, group: CompetencyGroup) -> String {
    state.t(group.label_vi(), group.label_en()).to_owned()
}

/// A typed cell of a work item: field, column, text, width, on several lines, and the setter.
type WorkCell<'a> = (
    &'a str,
    &'a str,
    &'a str,
    f32,
    bool,
    fn(&mut WorkItem, String),
);

/// Sections III to V: the work items, one row each.
fn work_items_ui(state: &mut AppState, ui: &mut egui::Ui, position: &Position) {
    ui.strong(state.t(
        "III-V. Công việc chuyên môn, quản lý, hỗ trợ",
        "III-V. Professional, management and support work",
    ));
    let items = &position.job_description.work_items;
    let [part, step, content, output, criterion] = [
        state.t("Phần", "Part"),
        state.t("Bậc", "Step"),
        state.t("Nội dung công việc", "Work content"),
        state.t("Sản phẩm, kết quả đầu ra", "Output"),
        state.t("Tiêu chí đánh giá", "Evaluation criterion"),
    ];
    if items.is_empty() {
        ui.label(state.t("Chưa có công việc nào.", "No work items yet."));
    } else {
        let sections: Vec<(WorkSection, String)> = WorkSection::ALL
            .into_iter()
            .map(|s| (s, section_label(state, s)))
            .collect();
        let delete = state.t("Xóa công việc", "Delete work item");
        // The three texts share what the fixed columns leave, so the table fits the panel.
        let free = (ui.available_width() - 400.0).max(360.0);
        let widths = [free * 0.4, free * 0.3, free * 0.3];
        egui::Grid::new(("work_items", &position.id))
            .striped(true)
            .num_columns(7)
            .show(ui, |ui| {
                header_row(ui, &["", part, step, content, output, criterion, ""]);
                for (index, item) in items.iter().enumerate() {
                    let number = index + 1;
                    let field = |name: &str| format!("work/{index}/{name}");
                    ui.label(number.to_string());
                    let picked = cell_choice(
                        ui,
                        &format!("{part} {number}"),
                        ("work_section", &position.id, index),
                        &item.section,
                        &sections,
                        160.0,
                    );
                    if let Some(section) = picked {
                        apply_choice(
                            state,
                            update(state, position, |d| {
                                if let Some(item) = d.work_items.get_mut(index) {
                                    item.section = section;
                                }
                            }),
                        );
                    }
                    let cells: [WorkCell<'_>; 4] = [
                        ("step", step, &item.step, 60.0, false, |i, t| i.step = t),
                        (
                            "content",
                            content,
                            &item.content,
                            widths[0],
                            true,
                            |i, t| i.content = t,
                        ),
                        ("output", output, &item.output, widths[1], true, |i, t| {
                            i.output = t
                        }),
                        (
                            "criterion",
                            criterion,
                            &item.criterion,
                            widths[2],
                            true,
                            |i, t| i.criterion = t,
                        ),
                    ];
                    for (name, column, current, width, multiline, set) in cells {
                        text_cell(
                            state,
                            ui,
                            position,
                            &field(name),
                            &format!("{column} {number}"),
                            current,
                            width,
                            multiline,
                            |d, text| {
                                if let Some(item) = d.work_items.get_mut(index) {
                                    set(item, text);
                                }
                            },
                        );
                    }
                    delete_row_button(
                        state,
                        ui,
                        position,
                        "work",
                        &format!("{delete} {number}"),
                        |d| {
                            if index < d.work_items.len() {
                                d.work_items.remove(index);
                            }
                        },
                    );
                    ui.end_row();
                }
            });
    }
    if ui
        .button(state.t("Thêm dòng công việc", "Add work item"))
        .clicked()
    {
        apply_choice(
            state,
            update(state, position, |d| {
                d.work_items.push(WorkItem {
                    section: WorkSection::Professional,
                    step: String::new(),
                    content: String::new(),
                    output: String::new(),
                    criterion: String::new(),
                });
            }),
        );
    }
    ui.add_space(8.0);
}

/// Section VI: the competency frame, one competency a row with its level (1-5).
fn competencies_ui(state: &mut AppState, ui: &mut egui::Ui, position: &Position) {
    ui.strong(state.t("VI. Khung năng lực", "VI. Competency frame"));
    let competencies = &position.job_description.competencies;
    let [group, name, level, step] = [
        state.t("Nhóm năng lực", "Group"),
        state.t("Tên năng lực", "Competency"),
        state.t("Cấp độ", "Level"),
        state.t("Bậc áp dụng", "Applies to step"),
    ];
    if competencies.is_empty() {
        ui.label(state.t("Chưa có năng lực nào.", "No competencies yet."));
    } else {
        let groups: Vec<(CompetencyGroup, String)> = CompetencyGroup::ALL
            .into_iter()
            .map(|g| (g, group_label(state, g)))
            .collect();
        let levels: Vec<(u8, String)> = LEVELS.into_iter().map(|l| (l, l.to_string())).collect();
        let delete = state.t("Xóa năng lực", "Delete competency");
        egui::Grid::new(("competencies", &position.id))
            .striped(true)
            .num_columns(6)
            .show(ui, |ui| {
                header_row(ui, &["", group, name, level, step, ""]);
                for (index, competency) in competencies.iter().enumerate() {
                    let number = index + 1;
                    let field = |name: &str| format!("competency/{index}/{name}");
                    ui.label(number.to_string());
                    let picked = cell_choice(
                        ui,
                        &format!("{group} {number}"),
                        ("competency_group", &position.id, index),
                        &competency.group,
                        &groups,
                        160.0,
                    );
                    if let Some(picked) = picked {
                        apply_choice(
                            state,
                            update(state, position, |d| {
                                if let Some(c) = d.competencies.get_mut(index) {
                                    c.group = picked;
                                }
                            }),
                        );
                    }
                    text_cell(
                        state,
                        ui,
                        position,
                        &field("name"),
                        &format!("{name} {number}"),
                        &competency.name,
                        260.0,
                        false,
                        |d, text| {
                            if let Some(c) = d.competencies.get_mut(index) {
                                c.name = text;
                            }
                        },
                    );
                    let picked = cell_choice(
                        ui,
                        &format!("{level} {number}"),
                        ("competency_level", &position.id, index),
                        &competency.level,
                        &levels,
                        50.0,
                    );
                    if let Some(picked) = picked {
                        apply_choice(
                            state,
                            update(state, position, |d| {
                                if let Some(c) = d.competencies.get_mut(index) {
                                    c.level = picked;
                                }
                            }),
                        );
                    }
                    text_cell(
                        state,
                        ui,
                        position,
                        &field("step"),
                        &format!("{step} {number}"),
                        &competency.step,
                        80.0,
                        false,
                        |d, text| {
                            if let Some(c) = d.competencies.get_mut(index) {
                                c.step = text;
                            }
                        },
                    );
                    delete_row_button(
                        state,
                        ui,
                        position,
                        "competency",
                        &format!("{delete} {number}"),
                        |d| {
                            if index < d.competencies.len() {
                                d.competencies.remove(index);
                            }
                        },
                    );
                    ui.end_row();
                }
            });
    }
    if ui
        .button(state.t("Thêm năng lực", "Add competency"))
        .clicked()
    {
        apply_choice(
            state,
            update(state, position, |d| {
                d.competencies.push(Competency {
                    group: CompetencyGroup::General,
                    name: String::new(),
                    level: 1,
                    step: String::new(),
                });
            }),
        );
    }
    ui.add_space(8.0);
}

/// Section IX: requirements (training, certificates, experience, qualities), one a row.
fn requirements_ui(state: &mut AppState, ui: &mut egui::Ui, position: &Position) {
    ui.strong(state.t("IX. Yêu cầu về trình độ, năng lực", "IX. Requirements"));
    let requirements = &position.job_description.requirements;
    let [group, detail] = [
        state.t("Nhóm yêu cầu", "Requirement group"),
        state.t("Yêu cầu cụ thể", "Requirement"),
    ];
    if requirements.is_empty() {
        ui.label(state.t("Chưa có yêu cầu nào.", "No requirements yet."));
    } else {
        let delete = state.t("Xóa yêu cầu", "Delete requirement");
        let detail_width = (ui.available_width() - 340.0).max(240.0);
        egui::Grid::new(("requirements", &position.id))
            .striped(true)
            .num_columns(4)
            .show(ui, |ui| {
                header_row(ui, &["", group, detail, ""]);
                for (index, requirement) in requirements.iter().enumerate() {
                    let number = index + 1;
                    ui.label(number.to_string());
                    text_cell(
                        state,
                        ui,
                        position,
                        &format!("requirement/{index}/group"),
                        &format!("{group} {number}"),
                        &requirement.group,
                        200.0,
                        false,
                        |d, text| {
                            if let Some(r) = d.requirements.get_mut(index) {
                                r.group = text;
                            }
                        },
                    );
                    text_cell(
                        state,
                        ui,
                        position,
                        &format!("requirement/{index}/detail"),
                        &format!("{detail} {number}"),
                        &requirement.detail,
                        detail_width,
                        true,
                        |d, text| {
                            if let Some(r) = d.requirements.get_mut(index) {
                                r.detail = text;
                            }
                        },
                    );
                    delete_row_button(
                        state,
                        ui,
                        position,
                        "requirement",
                        &format!("{delete} {number}"),
                        |d| {
                            if index < d.requirements.len() {
                                d.requirements.remove(index);
                            }
                        },
                    );
                    ui.end_row();
                }
            });
    }
    if ui
        .button(state.t("Thêm yêu cầu", "Add requirement"))
        .clicked()
    {
        apply_choice(
            state,
            update(state, position, |d| {
                d.requirements.push(Requirement {
                    group: String::new(),
                    detail: String::new(),
                });
            }),
        );
    }
    ui.add_space(8.0);
}
