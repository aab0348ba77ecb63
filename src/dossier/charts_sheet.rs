//! Biểu đồ: the two charts, drawn with plotters and embedded as images.

use rust_xlsxwriter::Image;

use super::DossierError;
use super::charts::{ChartKind, chart_data, png_bytes};
use super::form;
use super::print::{self, Styles};
use super::sheet::Sheet;
use crate::engine::PlanResults;
use crate::model::Plan;

pub const NAME: &str = "Biểu đồ";

/// Default row height in pixels, to place the second chart below the first.
const ROW_PIXELS: u32 = 20;
/// The charts are 1,100 px wide: about 17 default columns of 64 px.
const LAST_COL: u16 = 16;

pub fn write<'s>(
    sheet: &mut Sheet<'_, 's>,
    styles: &'s Styles,
    plan: &Plan,
    results: &PlanResults,
) -> Result<(), DossierError> {
    sheet.set_name(NAME)?;
    // Images, not columns: the printing program fits them to the page.
    print::page_setup(sheet, true, None, Some(NAME), &[])?;
    let layout = form::Layout {
        split: 7,
        last: LAST_COL,
        width: 8.43 * f64::from(LAST_COL + 1),
    };
    let mut row = form::head(sheet, styles, plan, layout, 7, "BIỂU ĐỒ")?;
    let mut breaks = Vec::new();
    // One page per image: a long chart is cut into pages of the same scale.
    for kind in [ChartKind::Units, ChartKind::Ranks] {
        for data in chart_data(plan, results, kind)?.pages() {
            let (_, height) = data.size();
            let image = Image::new_from_buffer(&png_bytes(&data)?)?.set_alt_text(&data.title);
            sheet.insert_image(row, 0, &image)?;
            row += height.div_ceil(ROW_PIXELS) + 1;
            breaks.push(row);
        }
    }
    breaks.pop();
    sheet.set_page_breaks(&breaks)?;
    form::foot(sheet, styles, plan, layout, row)?;
    Ok(())
}
