//! Biểu đồ: the two charts, drawn with plotters and embedded as images.

use rust_xlsxwriter::{Image, Worksheet};

use super::DossierError;
use super::charts::{ChartKind, chart_data, png_bytes};
use super::print::{self, Styles};
use crate::engine::PlanResults;
use crate::model::Plan;

pub const NAME: &str = "Biểu đồ";

/// Default row height in pixels, to place the second chart below the first.
const ROW_PIXELS: u32 = 20;
/// The charts are 1,100 px wide: about 17 default columns of 64 px.
const LAST_COL: u16 = 16;

pub fn write(
    sheet: &mut Worksheet,
    styles: &Styles,
    plan: &Plan,
    results: &PlanResults,
) -> Result<(), DossierError> {
    sheet.set_name(NAME)?;
    print::page_setup(sheet, true, None, NAME)?;
    sheet.merge_range(0, 0, 0, LAST_COL, "BIỂU ĐỒ", &styles.title)?;
    sheet.merge_range(1, 0, 1, LAST_COL, &plan.meta.name, &styles.subtitle)?;
    let mut row = 3;
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
    Ok(())
}
