//! Thống kê công việc: every workload component per unit and position, with volume, time norm,
//! coefficient, hours per year and its share of a full-time post, as the engine explains them.

use rust_xlsxwriter::Worksheet;

use super::DossierError;
use super::figures::unit_figures;
use super::print::{self, Styles, roman, wrapped_height};
use std::collections::HashMap;

use crate::engine::{ComponentContribution, PlanResults, all_contributions};
use crate::format::{vi_number, vi_percent};
use crate::model::{ComponentKind, Method, Period, Plan, SupportAmount};

pub const NAME: &str = "Thống kê công việc";

const HEADERS: [(&str, f64); 9] = [
    ("STT", 7.0),
    ("Vị trí việc làm / Công việc", NAME_WIDTH),
    ("Loại công việc", 11.0),
    ("Khối lượng (sản phẩm/năm)", 12.0),
    ("Thời gian (phút/sản phẩm)", 11.0),
    ("Hệ số", 8.0),
    ("Số giờ/năm", 11.0),
    ("Quy ra số người (FTE)", 10.0),
    ("Ghi chú", NOTE_WIDTH),
];
const LAST_COL: u16 = 8;
const NAME_WIDTH: f64 = 44.0;
const NOTE_WIDTH: f64 = 36.0;

pub fn write(
    sheet: &mut Worksheet,
    styles: &Styles,
    plan: &Plan,
    results: &PlanResults,
) -> Result<(), DossierError> {
    sheet.set_name(NAME)?;
    sheet.merge_range(
        0,
        0,
        0,
        LAST_COL,
        "THỐNG KÊ CÔNG VIỆC VÀ KHỐI LƯỢNG CÔNG VIỆC THEO VỊ TRÍ VIỆC LÀM",
        &styles.title,
    )?;
    sheet.merge_range(1, 0, 1, LAST_COL, &plan.meta.name, &styles.subtitle)?;
    let header_row = 3;
    print::page_setup(sheet, true, Some(header_row), NAME)?;
    for (col, (title, width)) in (0u16..).zip(HEADERS) {
        sheet.set_column_width(col, width)?;
        sheet.write_string_with_format(header_row, col, title, &styles.header)?;
    }
    sheet.set_row_height(header_row, 45)?;

    // Every component's figures in one query, looked up by position below.
    let contributions = all_contributions(plan)?;
    let position_index: HashMap<&str, usize> = plan
        .positions
        .iter()
        .enumerate()
        .map(|(i, p)| (p.id.as_str(), i))
        .collect();
    let mut row = header_row + 1;
    for (unit_index, unit) in unit_figures(plan, results)?.iter().enumerate() {
        sheet.write_string_with_format(row, 0, roman(unit_index + 1), &styles.group_center)?;
        sheet.merge_range(row, 1, row, LAST_COL, &unit.unit.name, &styles.group)?;
        row += 1;
        for (number, (position, figures)) in (1u32..).zip(&unit.positions) {
            let components = position_index
                .get(position.id.as_str())
                .and_then(|&i| contributions.get(i))
                .map(Vec::as_slice)
                .unwrap_or_default();
            sheet.write_string_with_format(row, 0, number.to_string(), &styles.group_center)?;
            sheet.write_string_with_format(row, 1, &position.name, &styles.total_label)?;
            for col in 2..=6 {
                sheet.write_blank(row, col, &styles.total_label)?;
            }
            sheet.write_number_with_format(row, 7, figures.required_fte, &styles.total_decimal)?;
            let note = match position.method {
                Method::Fixed => format!(
                    "Số lượng cố định theo quy định; cần {} người",
                    figures.required
                ),
                Method::Workload => format!(
                    "Thời gian có sẵn {} giờ/năm; cần {} người",
                    vi_number(figures.available_hours, 2),
                    figures.required
                ),
            };
            sheet.set_row_height(
                row,
                wrapped_height(&position.name, NAME_WIDTH).max(wrapped_height(&note, NOTE_WIDTH)),
            )?;
            sheet.write_string_with_format(row, 8, note, &styles.total_label)?;
            row += 1;
            for (item, contribution) in (1u32..).zip(components) {
                write_component(
                    sheet,
                    styles,
                    row,
                    &format!("{number}.{item}"),
                    contribution,
                    figures.available_hours,
                )?;
                row += 1;
            }
        }
    }
    Ok(())
}

fn write_component(
    sheet: &mut Worksheet,
    styles: &Styles,
    row: u32,
    number: &str,
    contribution: &ComponentContribution,
    available_hours: f64,
) -> Result<(), DossierError> {
    let component = &contribution.component;
    sheet.write_string_with_format(row, 0, number, &styles.text_center)?;
    sheet.write_string_with_format(row, 1, &component.name, &styles.text)?;
    let (kind, volume, minutes, coefficient, hours, note) = match &component.kind {
        ComponentKind::Service {
            volume,
            minutes_per_item,
            coefficient,
        } => (
            "Trực tiếp",
            Some(*volume),
            Some(*minutes_per_item),
            Some(*coefficient),
            Some(contribution.service_hours),
            String::new(),
        ),
        ComponentKind::Support(SupportAmount::Percent(percent)) => (
            "Hỗ trợ",
            None,
            None,
            None,
            None,
            format!("Cộng thêm {}% thời gian", vi_number(*percent, 2)),
        ),
        ComponentKind::Support(SupportAmount::Time { minutes, per }) => (
            "Hỗ trợ",
            None,
            None,
            None,
            None,
            format!(
                "{} phút/{}; cộng thêm {} thời gian",
                vi_number(*minutes, 2),
                period_vi(*per),
                vi_percent(contribution.support_share, 2)
            ),
        ),
        ComponentKind::Additional {
            minutes,
            per,
            staff,
        } => (
            "Bổ sung",
            None,
            None,
            None,
            Some(contribution.additional_hours),
            format!(
                "{} phút/{}, {} người",
                vi_number(*minutes, 2),
                period_vi(*per),
                vi_number(*staff, 2)
            ),
        ),
        ComponentKind::Norm { volume, ratio } => (
            "Định mức",
            Some(*volume),
            None,
            None,
            None,
            format!("Định mức {} người/đơn vị khối lượng", vi_number(*ratio, 4)),
        ),
    };
    sheet.write_string_with_format(row, 2, kind, &styles.text_center)?;
    for (col, value) in [(3, volume), (4, minutes), (5, coefficient), (6, hours)] {
        match value {
            Some(value) => sheet.write_number_with_format(row, col, value, &styles.decimal)?,
            None => sheet.write_blank(row, col, &styles.decimal)?,
        };
    }
    match contribution.fte(available_hours) {
        Some(fte) => sheet.write_number_with_format(row, 7, fte, &styles.decimal)?,
        None => sheet.write_blank(row, 7, &styles.decimal)?,
    };
    sheet.set_row_height(
        row,
        wrapped_height(&component.name, NAME_WIDTH).max(wrapped_height(&note, NOTE_WIDTH)),
    )?;
    sheet.write_string_with_format(row, 8, note, &styles.text)?;
    Ok(())
}

fn period_vi(period: Period) -> &'static str {
    match period {
        Period::Day => "ngày",
        Period::Week => "tuần",
        Period::Month => "tháng",
        Period::Year => "năm",
    }
}
