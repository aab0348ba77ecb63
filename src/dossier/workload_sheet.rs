//! Thống kê công việc: every workload component per unit and position, with volume, time norm,
//! coefficient, hours per year and its share of a full-time post, as the engine explains them.
//! The arithmetic is left to audit: a service item's hours are `volume x minutes x coefficient
//! / 60`, its FTE its hours over the position's available hours, a position's FTE the service
//! FTE over (1 - support share) plus additional and norm FTE, and each unit's total the sum of
//! its positions and its sub-units', every formula cached with the engine's figure.

use std::collections::HashMap;
use std::ops::Range;

use rust_xlsxwriter::{Formula, RowNum};

use super::DossierError;
use super::continued;
use super::figures::{UnitSection, unit_sections};
use super::form;
use super::print::{self, Styles, cell_ref, result, wrapped_height};
use super::sheet::Sheet;
use super::subtotals::{OpenUnit, Subtotals};
use crate::engine::{
    ComponentContribution, PlanResults, PositionResult, contributions_by_position,
};
use crate::format::{vi_number, vi_percent};
use crate::model::{ComponentKind, Method, Period, Plan, Position, SupportAmount};

pub const NAME: &str = "Thống kê công việc";
pub const TITLE: &str = "THỐNG KÊ CÔNG VIỆC VÀ KHỐI LƯỢNG CÔNG VIỆC THEO VỊ TRÍ VIỆC LÀM";

const HEADERS: [(&str, f64); 10] = [
    ("STT", 7.0),
    ("Vị trí việc làm / Công việc", NAME_WIDTH),
    ("Loại công việc", 11.0),
    ("Khối lượng (sản phẩm/năm)", 12.0),
    ("Thời gian (phút/sản phẩm)", 11.0),
    ("Hệ số", 8.0),
    ("Số giờ/năm", 11.0),
    ("Thời gian làm việc có sẵn (giờ/năm)", 11.0),
    ("Quy ra số người (FTE)", 10.0),
    ("Ghi chú", NOTE_WIDTH),
];
const COL_KIND: u16 = 2;
const COL_VOLUME: u16 = 3;
const COL_MINUTES: u16 = 4;
const COL_COEFFICIENT: u16 = 5;
const COL_HOURS: u16 = 6;
const COL_AVAILABLE: u16 = 7;
const COL_FTE: u16 = 8;
const COL_NOTE: u16 = 9;
const LAST_COL: u16 = COL_NOTE;
const NAME_WIDTH: f64 = 40.0;
const NOTE_WIDTH: f64 = 32.0;

/// The kinds of work as the kind column prints them; the position's formula picks its rows by
/// them.
const SERVICE: &str = "Trực tiếp";
const SUPPORT: &str = "Hỗ trợ";
const ADDITIONAL: &str = "Bổ sung";
const NORM: &str = "Định mức";

/// What the workload table prints, worked out before its sheets are written: the unit
/// sections, every component's figures, and which sections go on which sheet.
pub struct Workload<'a> {
    sections: Vec<UnitSection<'a>>,
    /// Each position's components' figures, by the position's id.
    contributions: HashMap<&'a str, Vec<ComponentContribution>>,
    /// The sections of each sheet.
    runs: Vec<Range<usize>>,
}

impl<'a> Workload<'a> {
    pub fn of(plan: &'a Plan, results: &'a PlanResults) -> Result<Self, DossierError> {
        // Every component's figures in one query, looked up by position below.
        let contributions = contributions_by_position(plan)?;
        let sections = unit_sections(plan, results)?;
        let mut workload = Workload {
            sections,
            contributions,
            runs: Vec::new(),
        };
        // A section's rows: its heading, each position's line and components, its total.
        let rows: Vec<usize> = (workload.sections.iter())
            .map(|section| {
                let positions: usize = (section.positions.iter())
                    .map(|(position, _)| 1 + workload.components(position).len())
                    .sum();
                positions + 2
            })
            .collect();
        workload.runs = continued::runs(rows);
        Ok(workload)
    }

    /// How many sheets the table fills (at least one).
    pub fn sheets(&self) -> usize {
        self.runs.len()
    }

    fn components(&self, position: &Position) -> &[ComponentContribution] {
        self.contributions
            .get(position.id.as_str())
            .map(Vec::as_slice)
            .unwrap_or_default()
    }
}

/// Writes the table on `sheets` (as many as [`Workload::sheets`]): the appendix's head on the
/// first, its foot on the last, each unit's total on the sheet where its subtree ends.
pub fn write<'s>(
    sheets: &mut [Sheet<'_, 's>],
    styles: &'s Styles,
    plan: &Plan,
    workload: &Workload<'_>,
) -> Result<(), DossierError> {
    let layout = form::Layout {
        split: COL_VOLUME,
        last: LAST_COL,
        width: HEADERS.iter().map(|(_, w)| w).sum(),
    };
    let sections = &workload.sections;
    let mut open = Subtotals::new(NAME);
    let Some((mut sheet, mut pages)) = continued::Sheets::start(sheets, &workload.runs) else {
        return Ok(());
    };
    let count = workload.sheets();
    let mut row = start_sheet(sheet, styles, plan, layout, (0, count))?;
    for (index, section) in sections.iter().enumerate() {
        while let Some(done) = open.close(section.depth) {
            row = unit_total(sheet, styles, sections, &done, row)?;
            open.closed_at(row - 1);
        }
        if let Some((part, next)) = pages.turn(index) {
            sheet = next;
            open.continue_on(&continued::sheet_name(NAME, part));
            row = start_sheet(sheet, styles, plan, layout, (part, count))?;
        }
        print::unit_heading(sheet, styles, row, section, LAST_COL)?;
        row += 1;
        let mut own = Vec::new();
        for (number, (position, figures)) in (1u32..).zip(&section.positions) {
            let position_row = row;
            own.push((row, row));
            let components = workload.components(position);
            let count = RowNum::try_from(components.len()).unwrap_or(RowNum::MAX);
            let last = position_row.saturating_add(count);
            write_position(
                sheet,
                styles,
                position_row,
                number,
                position,
                figures,
                (position_row + 1, last),
            )?;
            row += 1;
            for (item, contribution) in (1u32..).zip(components) {
                write_component(
                    sheet,
                    styles,
                    row,
                    &format!("{number}.{item}"),
                    contribution,
                    (position_row, figures.available_hours),
                )?;
                row += 1;
            }
        }
        open.open(index, section.depth, own);
    }
    while let Some(done) = open.close(0) {
        row = unit_total(sheet, styles, sections, &done, row)?;
        open.closed_at(row - 1);
    }
    form::foot(sheet, styles, plan, layout, row)?;
    Ok(())
}

/// Names and sets up sheet `part` of the table's `count` and writes its header row, under the
/// appendix's head on the first; returns the first row of the table's body.
fn start_sheet<'s>(
    sheet: &mut Sheet<'_, 's>,
    styles: &'s Styles,
    plan: &Plan,
    layout: form::Layout,
    (part, count): (usize, usize),
) -> Result<RowNum, DossierError> {
    let name = continued::sheet_name(NAME, part);
    sheet.set_name(&name)?;
    let header_row = if part == 0 {
        form::head(sheet, styles, plan, layout, 3, TITLE)?
    } else {
        0
    };
    let widths = HEADERS.map(|(_, width)| width);
    let footer = continued::footer(&name, count);
    print::page_setup(sheet, true, Some(header_row), footer, &widths)?;
    sheet.lines_by_default();
    print::table_header(sheet, styles, header_row, &HEADERS, 45.0)?;
    Ok(header_row + 1)
}

/// A position's line above its components: its hours and its full-time equivalents as formulas
/// over the component rows `components` (first, last), with the engine's figures cached.
fn write_position<'s>(
    sheet: &mut Sheet<'_, 's>,
    styles: &'s Styles,
    row: RowNum,
    number: u32,
    position: &Position,
    figures: &PositionResult,
    components: (RowNum, RowNum),
) -> Result<(), DossierError> {
    sheet.write_string_with_format(row, 0, number.to_string(), &styles.group_center)?;
    sheet.write_string_with_format(row, 1, &position.name, &styles.total_label)?;
    for col in [COL_KIND, COL_VOLUME, COL_MINUTES, COL_COEFFICIENT] {
        sheet.write_blank(row, col, &styles.total_label)?;
    }
    let (first, last) = components;
    let has_components = last >= first;
    let range = |col: u16| format!("{}:{}", cell_ref(first, col), cell_ref(last, col));
    let hours = figures.service_hours + figures.additional_hours;
    if has_components && position.method == Method::Workload {
        sheet.write_formula_with_format(
            row,
            COL_HOURS,
            Formula::new(format!("=SUM({})", range(COL_HOURS))).set_result(result(hours)),
            styles.total_count(hours),
        )?;
    } else {
        sheet.write_blank(row, COL_HOURS, &styles.total_label)?;
    }
    sheet.write_number_with_format(
        row,
        COL_AVAILABLE,
        figures.available_hours,
        styles.total_count(figures.available_hours),
    )?;
    let fte = match position.method {
        Method::Fixed => format!("={}", result(figures.required_fte)),
        Method::Workload if has_components => {
            let kinds = range(COL_KIND);
            let of = |kind: &str, col: u16| format!("SUMIF({kinds},\"{kind}\",{})", range(col));
            format!(
                "={}/(1-{})+{}+{}",
                of(SERVICE, COL_FTE),
                of(SUPPORT, COL_COEFFICIENT),
                of(ADDITIONAL, COL_FTE),
                of(NORM, COL_FTE)
            )
        }
        Method::Workload => "=0".to_owned(),
    };
    sheet.write_formula_with_format(
        row,
        COL_FTE,
        Formula::new(fte).set_result(result(figures.required_fte)),
        &styles.total_decimal,
    )?;
    let note = match position.method {
        Method::Fixed => format!(
            "Số lượng cố định theo quy định; cần {} người",
            figures.required
        ),
        Method::Workload => format!("Cần {} người", figures.required),
    };
    sheet.set_row_height(
        row,
        wrapped_height(&position.name, NAME_WIDTH).max(wrapped_height(&note, NOTE_WIDTH)),
    )?;
    sheet.write_string_with_format(row, COL_NOTE, note, &styles.total_label)?;
    Ok(())
}

/// The "Cộng" row of a unit with its whole subtree: its full-time equivalents as the sum of its
/// positions' lines and its sub-units' totals, the engine's roll-up cached.
fn unit_total<'s>(
    sheet: &mut Sheet<'_, 's>,
    styles: &'s Styles,
    sections: &[UnitSection<'_>],
    done: &OpenUnit,
    row: RowNum,
) -> Result<RowNum, DossierError> {
    let Some(section) = sections.get(done.section) else {
        return Ok(row);
    };
    let label = format!("Cộng {}", section.unit.name);
    sheet.write_blank(row, 0, &styles.total_label)?;
    sheet.write_string_with_format(row, 1, &label, &styles.total_label)?;
    for col in COL_KIND..=COL_AVAILABLE {
        sheet.write_blank(row, col, &styles.total_label)?;
    }
    let unit = section.rolled_up;
    sheet.write_formula_with_format(
        row,
        COL_FTE,
        Formula::new(done.formula(COL_FTE)).set_result(result(unit.required_fte)),
        &styles.total_decimal,
    )?;
    let note = format!("Cần {} người", unit.required);
    sheet.write_string_with_format(row, COL_NOTE, &note, &styles.total_label)?;
    sheet.set_row_height(row, wrapped_height(&label, NAME_WIDTH))?;
    Ok(row + 1)
}

fn write_component<'s>(
    sheet: &mut Sheet<'_, 's>,
    styles: &'s Styles,
    row: RowNum,
    number: &str,
    contribution: &ComponentContribution,
    (position_row, available_hours): (RowNum, f64),
) -> Result<(), DossierError> {
    let component = &contribution.component;
    sheet.write_string_with_format(row, 0, number, &styles.text_center)?;
    sheet.write_string_with_format(row, 1, &component.name, &styles.text)?;
    let cell = |col: u16| cell_ref(row, col);
    let available = format!(
        "${}${}",
        print::column_letter(COL_AVAILABLE),
        position_row + 1
    );
    // (kind, volume, minutes, coefficient, hours, fte, note): a figure with a formula is
    // computed from the cells beside it.
    let mut hours: Option<(Option<String>, f64)> = None;
    let mut fte: Option<(String, f64)> = None;
    let mut share: Option<f64> = None;
    let (kind, volume, minutes, coefficient, note) = match &component.kind {
        ComponentKind::Service {
            volume,
            minutes_per_item,
            coefficient,
        } => {
            hours = Some((
                Some(format!(
                    "={}*{}*{}/60",
                    cell(COL_VOLUME),
                    cell(COL_MINUTES),
                    cell(COL_COEFFICIENT)
                )),
                contribution.service_hours,
            ));
            fte = Some((
                format!("={}/{available}", cell(COL_HOURS)),
                contribution.fte(available_hours).unwrap_or(0.0),
            ));
            (
                SERVICE,
                Some(*volume),
                Some(*minutes_per_item),
                Some(*coefficient),
                String::new(),
            )
        }
        ComponentKind::Support(SupportAmount::Percent(percent)) => {
            share = Some(contribution.support_share);
            (
                SUPPORT,
                None,
                None,
                None,
                format!("Cộng thêm {}% thời gian", vi_number(*percent, 2)),
            )
        }
        ComponentKind::Support(SupportAmount::Time { minutes, per }) => {
            share = Some(contribution.support_share);
            (
                SUPPORT,
                None,
                None,
                None,
                format!(
                    "{} phút/{}; cộng thêm {} thời gian",
                    vi_number(*minutes, 2),
                    period_vi(*per),
                    vi_percent(contribution.support_share, 2)
                ),
            )
        }
        ComponentKind::Additional {
            minutes,
            per,
            staff,
        } => {
            hours = Some((None, contribution.additional_hours));
            fte = Some((
                format!("={}/{available}", cell(COL_HOURS)),
                contribution.fte(available_hours).unwrap_or(0.0),
            ));
            (
                ADDITIONAL,
                None,
                None,
                None,
                format!(
                    "{} phút/{}, {} người",
                    vi_number(*minutes, 2),
                    period_vi(*per),
                    vi_number(*staff, 2)
                ),
            )
        }
        ComponentKind::Norm { volume, ratio } => {
            fte = Some((
                format!("={}*{}", cell(COL_VOLUME), cell(COL_COEFFICIENT)),
                contribution.norm_fte,
            ));
            (
                NORM,
                Some(*volume),
                None,
                Some(*ratio),
                "Định mức: hệ số là số người trên một đơn vị khối lượng".to_owned(),
            )
        }
    };
    sheet.write_string_with_format(row, COL_KIND, kind, &styles.text_center)?;
    for (col, value) in [
        (COL_VOLUME, volume),
        (COL_MINUTES, minutes),
        (COL_COEFFICIENT, coefficient),
    ] {
        match value {
            Some(value) => sheet.write_number_with_format(row, col, value, styles.figure(value))?,
            None => sheet.write_blank(row, col, &styles.general)?,
        };
    }
    if let Some(share) = share {
        sheet.write_number_with_format(row, COL_COEFFICIENT, share, &styles.percent)?;
    }
    match hours {
        Some((Some(formula), value)) => sheet.write_formula_with_format(
            row,
            COL_HOURS,
            Formula::new(formula).set_result(result(value)),
            styles.count(value),
        )?,
        Some((None, value)) => {
            sheet.write_number_with_format(row, COL_HOURS, value, styles.count(value))?
        }
        None => sheet.write_blank(row, COL_HOURS, &styles.general)?,
    };
    sheet.write_blank(row, COL_AVAILABLE, &styles.general)?;
    match fte {
        Some((formula, value)) => sheet.write_formula_with_format(
            row,
            COL_FTE,
            Formula::new(formula).set_result(result(value)),
            &styles.decimal,
        )?,
        None => sheet.write_blank(row, COL_FTE, &styles.decimal)?,
    };
    sheet.set_row_height(
        row,
        wrapped_height(&component.name, NAME_WIDTH).max(wrapped_height(&note, NOTE_WIDTH)),
    )?;
    sheet.write_string_with_format(row, COL_NOTE, note, &styles.text)?;
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
