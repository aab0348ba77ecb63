//! Mô tả công việc: one block per position following the sections of Phụ lục IV (ND 232/2026),
//! each starting on a new printed page, filled from the plan as far as it goes so that the
//! planner only has to complete it.
//!
//! Section I comes from the plan and the engine's results (unit and its parent, category, rank
//! or professional title by name, employment basis, steps used, headcount, incumbents). A
//! position whose description lists no work items gets its workload components in the work
//! section of its category (III, or IV for leaders, V for support posts), marked as drawn from
//! the workload, with "Tiêu chí đánh giá" left for the planner. A section still empty says
//! "(chưa có)" and what to write there.

use std::collections::HashMap;

use rust_xlsxwriter::{Format, RowNum};

use super::DossierError;
use super::continued;
use super::figures::unit_figures;
use super::form;
use super::print::{self, Styles, wrapped_height};
use super::rank_names::{RankNames, term};
use super::sheet::Sheet;
use crate::engine::{PlanResults, PositionResult};
use crate::format::vi_number;
use crate::model::{
    Component, ComponentKind, Employment, JobSection, Plan, Position, SupportAmount, Unit,
    WorkSection, people_by_step,
};

pub const NAME: &str = "Mô tả công việc";
/// What an empty section starts with (a hint on what to write follows).
pub const EMPTY: &str = "(chưa có)";
pub const TITLE: &str = "BẢN MÔ TẢ CÔNG VIỆC VÀ KHUNG NĂNG LỰC CỦA VỊ TRÍ VIỆC LÀM";
/// The appendix's title above the first description.
const TITLE_PLURAL: &str = "BẢN MÔ TẢ CÔNG VIỆC VÀ KHUNG NĂNG LỰC CỦA CÁC VỊ TRÍ VIỆC LÀM";
/// The note above work drawn from the workload.
pub const DRAWN: &str = "Lấy từ khối lượng công việc của đề án (các công việc dùng để tính số người): đơn vị ghi tiêu chí đánh giá, và bậc nếu công việc thuộc một bậc riêng.";
/// What a drawn work item's criterion cell says.
pub const TO_COMPLETE: &str = "(đơn vị bổ sung)";

/// The height of a section's title row: a blank line's worth above its 12-point text.
const HEADING_HEIGHT: f64 = 21.0;
const WIDTHS: [f64; 4] = [22.0, 38.0, 24.0, 24.0];
const LAST_COL: u16 = 3;
/// Characters per line of a paragraph across the four columns (a little under their sum).
const FULL_WIDTH: f64 = 100.0;
const WORK_HEADERS: [&str; 4] = [
    "Bậc",
    "Nội dung công việc",
    "Sản phẩm, kết quả đầu ra",
    "Tiêu chí đánh giá",
];

/// Descriptions per sheet: about 40 rows each, so that a sheet holds about
/// [`continued::ROWS_PER_SHEET`] rows (see there why). A province's 6,000 descriptions on one
/// sheet (300,000 rows) would take hours to print; on sheets of 100 (5,000 rows) the
/// conversion's layout work was still about 20 ms a page. Sheets of 10 printed 1,200
/// descriptions alone faster, but the whole province slower (194 s of CPU against 160 s, in
/// 2.7 GB against 1.7 GB), and sheets of 30 slower too (168 s).
pub const PER_SHEET: usize = 20;

/// The name of the `index`th sheet (0-based) of descriptions: the first is [`NAME`], the
/// following ones "Mô tả công việc (2)"...
pub fn sheet_name(index: usize) -> String {
    continued::sheet_name(NAME, index)
}

/// The positions to describe in tree order, each with its place, shared by the sheets.
pub struct Described<'a> {
    items: Vec<(&'a Position, &'a PositionResult, Place<'a>)>,
    names: RankNames,
}

impl<'a> Described<'a> {
    pub fn of(plan: &'a Plan, results: &'a PlanResults) -> Result<Self, DossierError> {
        let mut incumbents: HashMap<&str, usize> = HashMap::new();
        for member in &plan.staff {
            if let Some(id) = member.position_id.as_deref() {
                *incumbents.entry(id).or_default() += 1;
            }
        }
        let mut items = Vec::new();
        for unit in unit_figures(plan, results)? {
            let parent = unit.unit.parent_id.as_deref().and_then(|id| plan.unit(id));
            for (position, figures) in unit.positions {
                let place = Place {
                    unit: unit.unit,
                    parent,
                    incumbents: incumbents.get(position.id.as_str()).copied().unwrap_or(0),
                };
                items.push((position, figures, place));
            }
        }
        Ok(Described {
            items,
            names: RankNames::embedded()?,
        })
    }

    /// How many sheets the descriptions fill (at least one).
    pub fn sheets(&self) -> usize {
        self.items.len().div_ceil(PER_SHEET).max(1)
    }
}

/// Writes sheet `part` of the descriptions: the appendix's head on the first, its foot on the
/// last, so that the sheets print as one appendix.
pub fn write<'s>(
    sheet: &mut Sheet<'_, 's>,
    styles: &'s Styles,
    plan: &Plan,
    described: &Described<'_>,
    part: usize,
) -> Result<(), DossierError> {
    let name = sheet_name(part);
    sheet.set_name(&name)?;
    // No page footer: each description starts its own page under its title and the position's
    // name, which say what the page is. LibreOffice lays a footer out anew for every page it
    // prints, about 7 ms a page: 43 s of the 143 s it took to print a province's dossier,
    // whose 6,000 descriptions are two thirds of its pages.
    print::page_setup(sheet, false, None, None, &WIDTHS)?;
    let layout = form::Layout {
        split: 1,
        last: 3,
        width: WIDTHS.iter().sum(),
    };
    let top = if part == 0 {
        form::head(sheet, styles, plan, layout, 6, TITLE_PLURAL)?
    } else {
        0
    };
    let mut block = Block {
        sheet,
        styles,
        names: &described.names,
        row: top,
    };
    let mut breaks = Vec::new();
    let items = described
        .items
        .chunks(PER_SHEET)
        .nth(part)
        .unwrap_or_default();
    for (position, figures, place) in items {
        if block.row > top {
            breaks.push(block.row);
        }
        block.position(position, figures, place)?;
        block.row += 1;
    }
    // Excel allows at most 1,023 manual page breaks.
    breaks.truncate(1023);
    block.sheet.set_page_breaks(&breaks)?;
    if part + 1 == described.sheets() {
        form::foot(block.sheet, styles, plan, layout, block.row)?;
    }
    Ok(())
}

/// Where a position sits and who holds it.
struct Place<'a> {
    unit: &'a Unit,
    parent: Option<&'a Unit>,
    /// Staff rows on the position (a person holding two positions counts on each).
    incumbents: usize,
}

/// What to write in a section left empty.
fn hint(section: JobSection) -> &'static str {
    match section {
        JobSection::General => "",
        JobSection::Purpose => {
            "Ghi vị trí được lập để làm gì và kết quả chính vị trí mang lại cho đơn vị."
        }
        JobSection::Professional => {
            "Ghi từng công việc chuyên môn, nghiệp vụ theo bậc: nội dung, sản phẩm đầu ra, tiêu chí đánh giá."
        }
        JobSection::Management => {
            "Ghi công việc quản lý (chỉ đạo, điều hành, phân công, kiểm tra) nếu vị trí có."
        }
        JobSection::Support => "Ghi công việc hỗ trợ, phục vụ nếu vị trí có.",
        JobSection::Competency => {
            "Ghi năng lực chung, năng lực chuyên môn (cấp độ 1-5, theo bậc) và năng lực quản lý nếu có."
        }
        JobSection::Relationships => {
            "Ghi cơ quan, đơn vị, cá nhân vị trí phối hợp trong và ngoài đơn vị, và nội dung phối hợp."
        }
        JobSection::Authority => {
            "Ghi những việc vị trí được quyết định, được đề xuất, được ký văn bản."
        }
        JobSection::Requirement => {
            "Ghi yêu cầu về trình độ đào tạo, chứng chỉ, kinh nghiệm công tác và phẩm chất."
        }
    }
}

/// How the position's people are employed, for section I.
fn employment_text(employment: Employment) -> &'static str {
    match employment {
        Employment::CivilServant => "Công chức (trong biên chế công chức)",
        Employment::PublicEmployee => "Viên chức (trong số lượng người làm việc)",
        Employment::Contract => "Hợp đồng lao động (ngoài biên chế)",
    }
}

/// The unit of output a component's name ends with, as in `Chứng thực (hồ sơ)`: a short
/// parenthesis without figures.
fn output_unit(name: &str) -> Option<&str> {
    let (_, inner) = name.trim_end().strip_suffix(')')?.rsplit_once('(')?;
    let inner = inner.trim();
    (!inner.is_empty() && inner.chars().count() <= 20 && !inner.chars().any(|c| c.is_ascii_digit()))
        .then_some(inner)
}

/// A component's output and amount as section III's "Sản phẩm, kết quả đầu ra" reads it.
fn drawn_output(component: &Component) -> String {
    let unit = output_unit(&component.name).unwrap_or("sản phẩm");
    match &component.kind {
        ComponentKind::Service {
            volume,
            minutes_per_item,
            coefficient,
        } => {
            let mut text = format!(
                "{} {unit}/năm; {} phút/{unit}",
                vi_number(*volume, 2),
                vi_number(*minutes_per_item, 2)
            );
            if *coefficient != 1.0 {
                text.push_str(&format!("; hệ số {}", vi_number(*coefficient, 2)));
            }
            text
        }
        ComponentKind::Additional {
            minutes,
            per,
            staff,
        } => format!(
            "{} phút/{}, {} người đảm nhận",
            vi_number(*minutes, 2),
            per.label_vi(),
            vi_number(*staff, 2)
        ),
        ComponentKind::Support(SupportAmount::Percent(percent)) => {
            format!("{}% thời gian làm việc", vi_number(*percent, 2))
        }
        ComponentKind::Support(SupportAmount::Time { minutes, per }) => {
            format!("{} phút/{}", vi_number(*minutes, 2), per.label_vi())
        }
        ComponentKind::Norm { volume, ratio } => format!(
            "Định mức: {} × {} người",
            vi_number(*volume, 2),
            vi_number(*ratio, 4)
        ),
    }
}

/// `Bậc 4: 3 người; bậc 3: 6 người`, highest first; `None` without steps.
fn steps_text(position: &Position) -> Option<String> {
    let by_step = people_by_step(&position.steps);
    if by_step.is_empty() {
        return None;
    }
    let parts: Vec<String> = by_step
        .iter()
        .rev()
        .map(|(step, people)| format!("bậc {step}: {people} người"))
        .collect();
    let text = parts.join("; ");
    let mut chars = text.chars();
    Some(
        chars
            .next()
            .map(|first| first.to_uppercase().chain(chars).collect())
            .unwrap_or_default(),
    )
}

struct Block<'a, 'w, 's> {
    sheet: &'a mut Sheet<'w, 's>,
    styles: &'s Styles,
    names: &'a RankNames,
    row: RowNum,
}

impl<'s> Block<'_, '_, 's> {
    fn position(
        &mut self,
        position: &Position,
        figures: &PositionResult,
        place: &Place<'_>,
    ) -> Result<(), DossierError> {
        let styles = self.styles;
        let jd = &position.job_description;
        self.sheet
            .merge_range(self.row, 0, self.row, LAST_COL, TITLE, &styles.title)?;
        self.sheet.set_row_height(self.row, 36)?;
        self.row += 1;
        self.sheet.merge_range(
            self.row,
            0,
            self.row,
            LAST_COL,
            &position.name,
            &styles.subtitle,
        )?;
        self.row += 1;

        self.general(position, figures, place)?;

        self.heading(JobSection::Purpose)?;
        self.paragraph(&jd.purpose, JobSection::Purpose)?;

        // With no work items written, the workload fills the category's work section.
        let drawn = (jd.work_items.is_empty() && !position.components.is_empty())
            .then(|| JobSection::work_of(position.category));
        for section in WorkSection::ALL {
            let job_section = JobSection::of_work(section);
            self.heading(job_section)?;
            if drawn == Some(section) {
                self.drawn_work(&position.components)?;
                continue;
            }
            let items: Vec<[&str; 4]> = jd
                .work_items
                .iter()
                .filter(|w| w.section == section)
                .map(|w| {
                    [
                        w.step.as_str(),
                        w.content.as_str(),
                        w.output.as_str(),
                        w.criterion.as_str(),
                    ]
                })
                .collect();
            self.table(&WORK_HEADERS, &items, job_section)?;
        }

        self.heading(JobSection::Competency)?;
        let levels: Vec<[String; 4]> = jd
            .competencies
            .iter()
            .map(|c| {
                [
                    c.group.label_vi().to_owned(),
                    c.name.clone(),
                    format!("Cấp độ {}", c.level),
                    c.step.clone(),
                ]
            })
            .collect();
        let rows: Vec<[&str; 4]> = levels
            .iter()
            .map(|cells| cells.each_ref().map(String::as_str))
            .collect();
        self.table(
            &["Nhóm năng lực", "Tên năng lực", "Cấp độ (1-5)", "Bậc"],
            &rows,
            JobSection::Competency,
        )?;

        self.heading(JobSection::Relationships)?;
        self.paragraph(&jd.relationships, JobSection::Relationships)?;
        self.heading(JobSection::Authority)?;
        self.paragraph(&jd.authority, JobSection::Authority)?;

        self.heading(JobSection::Requirement)?;
        if jd.requirements.is_empty() {
            self.paragraph("", JobSection::Requirement)?;
        } else {
            self.sheet
                .write_string_with_format(self.row, 0, "Nhóm yêu cầu", &styles.header)?;
            self.sheet.merge_range(
                self.row,
                1,
                self.row,
                LAST_COL,
                "Yêu cầu cụ thể",
                &styles.header,
            )?;
            self.row += 1;
            for requirement in &jd.requirements {
                self.sheet.write_string_with_format(
                    self.row,
                    0,
                    &requirement.group,
                    &styles.text,
                )?;
                self.sheet.merge_range(
                    self.row,
                    1,
                    self.row,
                    LAST_COL,
                    &requirement.detail,
                    &styles.paragraph,
                )?;
                let height = wrapped_height(&requirement.detail, FULL_WIDTH - WIDTHS[0])
                    .max(wrapped_height(&requirement.group, WIDTHS[0]));
                self.sheet.set_row_height(self.row, height)?;
                self.row += 1;
            }
        }
        Ok(())
    }

    /// Section I, from the plan and the engine's figures for the position.
    fn general(
        &mut self,
        position: &Position,
        figures: &PositionResult,
        place: &Place<'_>,
    ) -> Result<(), DossierError> {
        self.heading(JobSection::General)?;
        let unit = match place.parent {
            Some(parent) => format!("{} (thuộc {})", place.unit.name, parent.name),
            None => place.unit.name.clone(),
        };
        let employment = figures.employment;
        let proposed = vi_number(figures.proposed as f64, 0);
        let proposal = match &position.proposed {
            Some(p) if !p.reason.is_empty() => format!("{proposed} ({})", p.reason),
            _ => proposed,
        };
        let mut rows: Vec<(&str, String)> = vec![
            ("Tên vị trí việc làm", position.name.clone()),
            (
                "Nhóm vị trí việc làm",
                position.category.label_vi().to_owned(),
            ),
            ("Đơn vị", unit),
            ("Hình thức", employment_text(employment).to_owned()),
        ];
        // A contract post without a code has no rank to name: "Hình thức" says what it is.
        if employment != Employment::Contract || !position.rank_code.trim().is_empty() {
            rows.push((
                term(employment),
                self.names.label(&position.rank_code, employment),
            ));
        }
        if let Some(role) = position.role {
            rows.push(("Chức vụ", role.label_vi().to_owned()));
        }
        if employment == Employment::PublicEmployee {
            let steps = steps_text(position).unwrap_or_else(|| {
                format!("{EMPTY} Ghi số người ở từng bậc (1-5) mà vị trí sử dụng.")
            });
            rows.push(("Bậc sử dụng", steps));
        }
        for (label, value) in rows {
            self.labelled(label, &value)?;
        }
        // The head counts side by side, two to a row: short figures need no row of their own.
        self.labelled_pair(
            ("Số người hiện có", &vi_number(figures.current, 2)),
            ("Số người đang đảm nhiệm", &place.incumbents.to_string()),
        )?;
        self.labelled_pair(
            ("Số người theo tính toán", &figures.required.to_string()),
            ("Số người đề nghị", &proposal),
        )?;
        Ok(())
    }

    /// A section's title in a row taller than its text, the space above it setting the
    /// sections apart without a blank row (a description then fits one page more often, and a
    /// province's thousands of descriptions print in fewer pages).
    fn heading(&mut self, section: JobSection) -> Result<(), DossierError> {
        self.sheet.set_row_height(self.row, HEADING_HEIGHT)?;
        self.sheet.write_string_with_format(
            self.row,
            0,
            section.title_vi().to_uppercase(),
            &self.styles.section,
        )?;
        self.row += 1;
        Ok(())
    }

    fn labelled(&mut self, label: &str, value: &str) -> Result<(), DossierError> {
        let styles = self.styles;
        self.sheet
            .write_string_with_format(self.row, 0, label, &styles.total_label)?;
        self.sheet
            .merge_range(self.row, 1, self.row, LAST_COL, value, &styles.text)?;
        let height = wrapped_height(label, WIDTHS[0]).max(wrapped_height(value, 90.0));
        self.sheet.set_row_height(self.row, height)?;
        self.row += 1;
        Ok(())
    }

    /// Two labelled values in one row, each label and value in a column of its own.
    fn labelled_pair(
        &mut self,
        left: (&str, &str),
        right: (&str, &str),
    ) -> Result<(), DossierError> {
        let (label, value) = (&self.styles.total_label, &self.styles.text);
        self.formatted_cells([
            (left.0, label),
            (left.1, value),
            (right.0, label),
            (right.1, value),
        ])?;
        self.row += 1;
        Ok(())
    }

    /// A paragraph across the block, or "(chưa có)" and what to write when it is empty.
    fn paragraph(&mut self, text: &str, section: JobSection) -> Result<(), DossierError> {
        let styles = self.styles;
        if text.trim().is_empty() {
            // One cell, unboxed and unmerged: a province has some 40,000 of these hints, and
            // a box across the block would take four cells each to write and to print.
            self.sheet.write_string_with_format(
                self.row,
                0,
                format!("{EMPTY} {}", hint(section)),
                &styles.hint,
            )?;
            self.row += 1;
        } else {
            self.sheet
                .merge_range(self.row, 0, self.row, LAST_COL, text, &styles.paragraph)?;
            self.sheet
                .set_row_height(self.row, wrapped_height(text, FULL_WIDTH))?;
            self.row += 1;
        }
        Ok(())
    }

    /// A grey line across the block.
    fn note(&mut self, text: &str) -> Result<(), DossierError> {
        self.sheet.merge_range(
            self.row,
            0,
            self.row,
            LAST_COL,
            text,
            &self.styles.empty_note,
        )?;
        self.sheet
            .set_row_height(self.row, wrapped_height(text, FULL_WIDTH))?;
        self.row += 1;
        Ok(())
    }

    /// The position's workload components as work items to complete.
    fn drawn_work(&mut self, components: &[Component]) -> Result<(), DossierError> {
        self.note(DRAWN)?;
        self.header_row(&WORK_HEADERS)?;
        let styles = self.styles;
        for component in components {
            let output = drawn_output(component);
            let cells = ["", component.name.as_str(), output.as_str()];
            self.cells(&cells)?;
            self.sheet.write_string_with_format(
                self.row,
                LAST_COL,
                TO_COMPLETE,
                &styles.empty_note,
            )?;
            self.row += 1;
        }
        Ok(())
    }

    /// A four-column table with a header row, or "(chưa có)" and a hint when it has no rows.
    fn table(
        &mut self,
        headers: &[&str; 4],
        rows: &[[&str; 4]],
        section: JobSection,
    ) -> Result<(), DossierError> {
        if rows.is_empty() {
            return self.paragraph("", section);
        }
        self.header_row(headers)?;
        for cells in rows {
            self.cells(cells)?;
            self.row += 1;
        }
        Ok(())
    }

    fn header_row(&mut self, headers: &[&str; 4]) -> Result<(), DossierError> {
        for (col, title) in (0u16..).zip(headers) {
            self.sheet
                .write_string_with_format(self.row, col, *title, &self.styles.header)?;
        }
        self.row += 1;
        Ok(())
    }

    /// Cells of the current row from the first column, the row as high as its longest text.
    fn cells(&mut self, cells: &[&str]) -> Result<(), DossierError> {
        let paragraph = &self.styles.paragraph;
        self.formatted_cells(cells.iter().map(|text| (*text, paragraph)))
    }

    /// Cells of the current row from the first column, each with its format, the row as high
    /// as its longest text.
    fn formatted_cells<'t>(
        &mut self,
        cells: impl IntoIterator<Item = (&'t str, &'s Format)>,
    ) -> Result<(), DossierError> {
        let mut height: f64 = 0.0;
        for ((col, (text, format)), width) in (0u16..).zip(cells).zip(WIDTHS) {
            self.sheet
                .write_string_with_format(self.row, col, text, format)?;
            height = height.max(wrapped_height(text, width));
        }
        self.sheet.set_row_height(self.row, height)?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_hint_fits_one_line_across_the_block() {
        for section in JobSection::ALL {
            let text = format!("{EMPTY} {}", hint(section));
            assert_eq!(
                wrapped_height(&text, FULL_WIDTH),
                wrapped_height("", FULL_WIDTH)
            );
        }
    }

    #[test]
    fn the_output_unit_is_a_short_parenthesis_at_the_end() {
        assert_eq!(output_unit("Chứng thực (hồ sơ)"), Some("hồ sơ"));
        assert_eq!(
            output_unit("Quản lý lễ hội (cơ sở, lượt)"),
            Some("cơ sở, lượt")
        );
        assert_eq!(output_unit("Số lớp học (3 tiết/tuần/lớp)"), None);
        assert_eq!(output_unit("Họp, học tập"), None);
        let component = Component {
            id: "d1".to_owned(),
            name: "Chứng thực (hồ sơ)".to_owned(),
            code: None,
            kind: ComponentKind::Service {
                volume: 1200.0,
                minutes_per_item: 90.0,
                coefficient: 1.0,
            },
        };
        assert_eq!(drawn_output(&component), "1.200 hồ sơ/năm; 90 phút/hồ sơ");
    }
}
