//! Mô tả công việc: one block per position following the sections of Phụ lục IV (ND 232/2026),
//! each starting on a new printed page. Empty sections say "(chưa có)".

use rust_xlsxwriter::{RowNum, Worksheet};

use super::DossierError;
use super::figures::{proposed_count, unit_figures};
use super::print::{self, Styles, wrapped_height};
use crate::engine::{PlanResults, PositionResult};
use crate::format::vi_number;
use crate::model::{CompetencyGroup, Plan, Position, Unit, WorkSection};

pub const NAME: &str = "Mô tả công việc";
/// What an empty section shows.
pub const EMPTY: &str = "(chưa có)";
pub const TITLE: &str = "BẢN MÔ TẢ CÔNG VIỆC VÀ KHUNG NĂNG LỰC CỦA VỊ TRÍ VIỆC LÀM";

const WIDTHS: [f64; 4] = [22.0, 38.0, 24.0, 24.0];
const LAST_COL: u16 = 3;
/// Characters per line of a paragraph across the four columns (a little under their sum).
const FULL_WIDTH: f64 = 100.0;

pub fn write(
    sheet: &mut Worksheet,
    styles: &Styles,
    plan: &Plan,
    results: &PlanResults,
) -> Result<(), DossierError> {
    sheet.set_name(NAME)?;
    print::page_setup(sheet, false, None, NAME)?;
    for (col, width) in (0u16..).zip(WIDTHS) {
        sheet.set_column_width(col, width)?;
    }
    let mut block = Block {
        sheet,
        styles,
        row: 0,
    };
    let mut breaks = Vec::new();
    for unit in unit_figures(plan, results)? {
        for (position, figures) in &unit.positions {
            if block.row > 0 {
                breaks.push(block.row);
            }
            block.position(position, figures, unit.unit)?;
            block.row += 1;
        }
    }
    // Excel allows at most 1,023 manual page breaks.
    breaks.truncate(1023);
    block.sheet.set_page_breaks(&breaks)?;
    Ok(())
}

struct Block<'a> {
    sheet: &'a mut Worksheet,
    styles: &'a Styles,
    row: RowNum,
}

impl Block<'_> {
    fn position(
        &mut self,
        position: &Position,
        figures: &PositionResult,
        unit: &Unit,
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
        self.row += 2;

        self.heading("I. THÔNG TIN CHUNG")?;
        let proposal = match &position.proposed {
            Some(p) if !p.reason.is_empty() => format!(
                "{} ({})",
                vi_number(proposed_count(position, figures), 2),
                p.reason
            ),
            _ => vi_number(proposed_count(position, figures), 2),
        };
        let rank = if position.rank_code.is_empty() {
            EMPTY.to_owned()
        } else {
            position.rank_code.clone()
        };
        for (label, value) in [
            ("Tên vị trí việc làm", position.name.clone()),
            (
                "Nhóm vị trí việc làm",
                position.category.label_vi().to_owned(),
            ),
            ("Mã ngạch", rank),
            ("Đơn vị", unit.name.clone()),
            ("Số người hiện có", vi_number(figures.current, 2)),
            ("Số người theo tính toán", figures.required.to_string()),
            ("Số người đề nghị", proposal),
        ] {
            self.labelled(label, &value)?;
        }

        self.heading("II. MỤC TIÊU CỦA VỊ TRÍ VIỆC LÀM")?;
        self.paragraph(&jd.purpose)?;

        for (number, section) in ["III", "IV", "V"].into_iter().zip(WorkSection::ALL) {
            self.heading(&format!("{number}. {}", section.label_vi().to_uppercase()))?;
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
            self.table(
                &[
                    "Bậc",
                    "Nội dung công việc",
                    "Sản phẩm, kết quả đầu ra",
                    "Tiêu chí đánh giá",
                ],
                &items,
            )?;
        }

        self.heading("VI. KHUNG NĂNG LỰC")?;
        let levels: Vec<(CompetencyGroup, String, String, String)> = jd
            .competencies
            .iter()
            .map(|c| {
                (
                    c.group,
                    c.name.clone(),
                    format!("Cấp độ {}", c.level),
                    c.step.clone(),
                )
            })
            .collect();
        let rows: Vec<[&str; 4]> = levels
            .iter()
            .map(|(group, name, level, step)| {
                [
                    group.label_vi(),
                    name.as_str(),
                    level.as_str(),
                    step.as_str(),
                ]
            })
            .collect();
        self.table(
            &["Nhóm năng lực", "Tên năng lực", "Cấp độ (1-5)", "Bậc"],
            &rows,
        )?;

        self.heading("VII. CÁC MỐI QUAN HỆ TRONG CÔNG VIỆC")?;
        self.paragraph(&jd.relationships)?;
        self.heading("VIII. PHẠM VI QUYỀN HẠN")?;
        self.paragraph(&jd.authority)?;

        self.heading("IX. YÊU CẦU VỀ TRÌNH ĐỘ, NĂNG LỰC, KINH NGHIỆM")?;
        if jd.requirements.is_empty() {
            self.paragraph("")?;
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

    fn heading(&mut self, text: &str) -> Result<(), DossierError> {
        self.row += 1;
        self.sheet
            .write_string_with_format(self.row, 0, text, &self.styles.section)?;
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

    fn paragraph(&mut self, text: &str) -> Result<(), DossierError> {
        let styles = self.styles;
        if text.trim().is_empty() {
            self.sheet
                .merge_range(self.row, 0, self.row, LAST_COL, EMPTY, &styles.empty_note)?;
        } else {
            self.sheet
                .merge_range(self.row, 0, self.row, LAST_COL, text, &styles.paragraph)?;
            self.sheet
                .set_row_height(self.row, wrapped_height(text, FULL_WIDTH))?;
        }
        self.row += 1;
        Ok(())
    }

    /// A four-column table with a header row, or "(chưa có)" when it has no rows.
    fn table(&mut self, headers: &[&str; 4], rows: &[[&str; 4]]) -> Result<(), DossierError> {
        if rows.is_empty() {
            return self.paragraph("");
        }
        let styles = self.styles;
        for (col, title) in (0u16..).zip(headers) {
            self.sheet
                .write_string_with_format(self.row, col, *title, &styles.header)?;
        }
        self.row += 1;
        for cells in rows {
            let mut height: f64 = 0.0;
            for ((col, text), width) in (0u16..).zip(cells).zip(WIDTHS) {
                self.sheet
                    .write_string_with_format(self.row, col, *text, &styles.paragraph)?;
                height = height.max(wrapped_height(text, width));
            }
            self.sheet.set_row_height(self.row, height)?;
            self.row += 1;
        }
        Ok(())
    }
}
