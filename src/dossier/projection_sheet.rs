//! Dự báo biên chế 5 năm: the workforce projection of the plan under its active scenario, per
//! year for each unit (with its sub-units) and each rank, and the scenario's assumptions. Counts
//! only: no person is named or dated here.

use rust_xlsxwriter::RowNum;

use super::DossierError;
use super::form::{self, Layout};
use super::print::{self, Styles, wrapped_height};
use super::rank_names::RankNames;
use super::sheet::Sheet;
use crate::engine::UnitTree;
use crate::format::vi_number;
use crate::language::Language;
use crate::model::{Employment, Plan};
use crate::projection::{self, Figures, Options, Projection, assumptions, chosen_scenario};

pub const NAME: &str = "Dự báo biên chế 5 năm";
/// The appendix number of the sheet.
pub const APPENDIX: usize = 8;
/// The figures printed for each year, in order.
pub const YEAR_COLUMNS: [&str; 4] = ["Cần có", "Nghỉ hưu", "Có mặt cuối năm", "Cần tuyển"];
const NAME_WIDTH: f64 = 36.0;
const FIGURE_WIDTH: f64 = 8.5;

/// Writes the sheet: the projection of [`projection::DEFAULT_YEARS`] from the plan year.
pub fn write<'s>(
    sheet: &mut Sheet<'_, 's>,
    styles: &'s Styles,
    plan: &Plan,
) -> Result<(), DossierError> {
    sheet.set_name(NAME)?;
    let projection = projection::project(plan, &Options::default())?;
    let years = projection.timeline.len();
    let last = 1 + u16::try_from(years * YEAR_COLUMNS.len()).unwrap_or(u16::MAX - 1);
    let width = 5.0 + NAME_WIDTH + FIGURE_WIDTH * (years * YEAR_COLUMNS.len()) as f64;
    let layout = Layout {
        split: (last / 3).max(1),
        last,
        width,
    };
    let title = format!(
        "DỰ BÁO BIÊN CHẾ GIAI ĐOẠN {} - {}",
        projection.from,
        projection.to()
    );
    let mut row = form::head(sheet, styles, plan, layout, APPENDIX, &title)?;
    let mut widths = vec![5.0, NAME_WIDTH];
    widths.resize(usize::from(last) + 1, FIGURE_WIDTH);
    print::page_setup(sheet, true, None, Some(NAME), &widths)?;
    for line in assumption_lines(plan, &projection)? {
        sheet.merge_range(row, 0, row, last, &line, &styles.note)?;
        sheet.set_row_height(row, wrapped_height(&line, width).max(16.0))?;
        row += 1;
    }
    row += 1;
    sheet.merge_range(
        row,
        0,
        row,
        last,
        "I. Theo đơn vị (gồm các đơn vị trực thuộc)",
        &styles.label,
    )?;
    row = header(sheet, styles, &projection, row + 1, "Đơn vị")?;
    let tree = UnitTree::build(&plan.units)?;
    let mut number = 0u32;
    for (index, depth) in tree.with_depth() {
        let Some(unit) = plan.units.get(index) else {
            continue;
        };
        number += 1;
        let name = format!("{}{}", "   ".repeat(depth), unit.name);
        let cells: Vec<Figures> = projection
            .timeline
            .iter()
            .filter_map(|y| {
                y.units
                    .get(index)
                    .filter(|r| r.id == unit.id)
                    .map(|r| r.figures)
            })
            .collect();
        figures_row(sheet, styles, row, Some(number), &name, &cells)?;
        row += 1;
    }
    let totals: Vec<Figures> = projection.timeline.iter().map(|y| y.total).collect();
    figures_row(sheet, styles, row, None, "Tổng cộng", &totals)?;
    row += 2;

    sheet.merge_range(
        row,
        0,
        row,
        last,
        "II. Theo ngạch, chức danh nghề nghiệp (cần có theo ngạch của vị trí; nhân sự theo ngạch đang giữ)",
        &styles.label,
    )?;
    row = header(sheet, styles, &projection, row + 1, "Ngạch, chức danh")?;
    let names = RankNames::embedded()?;
    let codes: Vec<String> = projection
        .timeline
        .first()
        .map(|y| y.ranks.iter().map(|r| r.id.clone()).collect())
        .unwrap_or_default();
    for (number, code) in (1u32..).zip(&codes) {
        let cells: Vec<Figures> = projection
            .timeline
            .iter()
            .map(|y| {
                y.ranks
                    .iter()
                    .find(|r| r.id == *code)
                    .map(|r| r.figures)
                    .unwrap_or_default()
            })
            .collect();
        let name = names.label(code, Employment::CivilServant);
        figures_row(sheet, styles, row, Some(number), &name, &cells)?;
        row += 1;
    }
    row += 1;
    let biên_chế: Vec<Figures> = projection
        .timeline
        .iter()
        .map(|y| y.establishment())
        .collect();
    figures_row(
        sheet,
        styles,
        row,
        None,
        "Trong đó biên chế (không kể hợp đồng lao động)",
        &biên_chế,
    )?;
    form::foot(sheet, styles, plan, layout, row + 2)?;
    Ok(())
}

/// The scenario, its assumptions, the rounding and how to read the figures; staff without a
/// retirement date and the quota cuts, counted.
fn assumption_lines(plan: &Plan, projection: &Projection) -> Result<Vec<String>, DossierError> {
    let language = Language::Vietnamese;
    let mut lines = vec![assumptions::scenario_heading(
        projection.scenario.as_deref(),
        language,
    )];
    if let Some(scenario) = chosen_scenario(plan, &projection::ScenarioChoice::Active)? {
        lines.extend(
            assumptions::assumptions(plan, scenario, language)
                .into_iter()
                .map(|line| format!("- {line}")),
        );
    }
    lines.push(format!(
        "Cần có: theo khối lượng công việc của từng năm, làm tròn {}. Nghỉ hưu: theo tuổi nghỉ hưu (Điều 169 Bộ luật Lao động 2019, Nghị định 135/2020/NĐ-CP) hoặc ngày đã quyết định. Cần tuyển = cần có − có mặt cuối năm (không âm), cộng dồn nếu không tuyển trước đó. Số người tính theo FTE.",
        plan.rounding.label(language)
    ));
    let undated = &projection.undated;
    if undated.people > 0 {
        lines.push(format!(
            "{} người chưa có ngày sinh hoặc giới tính được tính là tiếp tục làm việc.",
            undated.people
        ));
    }
    for cut in &projection.quota_cuts {
        let met = match cut.met {
            Some(true) => "đạt",
            Some(false) => "chưa đạt",
            None => "ngoài giai đoạn dự báo",
        };
        let held = cut
            .years
            .iter()
            .find(|y| y.year == cut.by_year)
            .map(|y| vi_number(y.held, 2))
            .unwrap_or_default();
        lines.push(format!(
            "Mục tiêu tinh giản {}% đến năm {}: từ {} xuống {}; biên chế giữ nếu chỉ tuyển số cần tuyển: {held} ({met}).",
            vi_number(cut.percent, 2),
            cut.by_year,
            vi_number(cut.base, 2),
            vi_number(cut.target, 2)
        ));
    }
    Ok(lines)
}

/// Two header rows: the years over their four columns, then the figures' names.
fn header<'s>(
    sheet: &mut Sheet<'_, 's>,
    styles: &'s Styles,
    projection: &Projection,
    row: RowNum,
    first: &str,
) -> Result<RowNum, DossierError> {
    sheet.merge_range(row, 0, row + 1, 0, "STT", &styles.header)?;
    sheet.merge_range(row, 1, row + 1, 1, first, &styles.header)?;
    let span = YEAR_COLUMNS.len() as u16;
    for (i, year) in (0u16..).zip(&projection.timeline) {
        let col = 2 + i * span;
        sheet.merge_range(
            row,
            col,
            row,
            col + span - 1,
            &format!("Năm {}", year.year),
            &styles.header,
        )?;
        for (j, name) in (0u16..).zip(YEAR_COLUMNS) {
            sheet.write_string_with_format(row + 1, col + j, name, &styles.header)?;
        }
    }
    sheet.set_row_height(row + 1, 30)?;
    Ok(row + 2)
}

fn figures_row<'s>(
    sheet: &mut Sheet<'_, 's>,
    styles: &'s Styles,
    row: RowNum,
    number: Option<u32>,
    name: &str,
    years: &[Figures],
) -> Result<(), DossierError> {
    match number {
        Some(number) => sheet.write_number_with_format(row, 0, number, &styles.text_center)?,
        None => sheet.write_blank(row, 0, &styles.general)?,
    };
    sheet.write_string_with_format(row, 1, name, &styles.text)?;
    let span = YEAR_COLUMNS.len() as u16;
    for (i, f) in (0u16..).zip(years) {
        let col = 2 + i * span;
        let values = [f.required as f64, f.retiring, f.staff_end, f.needed];
        for (j, value) in (0u16..).zip(values) {
            sheet.write_number_with_format(row, col + j, value, styles.count(value))?;
        }
    }
    Ok(())
}
