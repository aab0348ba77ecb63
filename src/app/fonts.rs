//! A font with every Vietnamese letter: egui's own fonts lack most of them (ạ, ệ, ị, ộ, ự...).

use std::sync::Arc;

use eframe::egui;

const NOTO_SANS: &[u8] = include_bytes!("../../assets/fonts/NotoSans-Regular.ttf");
const NOTO_SANS_BOLD: &[u8] = include_bytes!("../../assets/fonts/NotoSans-Bold.ttf");

/// Name of the bold family, for headings and strong text.
pub const BOLD: &str = "noto-sans-bold";

/// Puts Noto Sans first in every family, keeping egui's fonts as fallbacks for icons.
pub fn install(ctx: &egui::Context) {
    let mut fonts = egui::FontDefinitions::default();
    fonts.font_data.insert(
        "noto-sans".to_owned(),
        Arc::new(egui::FontData::from_static(NOTO_SANS)),
    );
    fonts.font_data.insert(
        BOLD.to_owned(),
        Arc::new(egui::FontData::from_static(NOTO_SANS_BOLD)),
    );
    for family in [egui::FontFamily::Proportional, egui::FontFamily::Monospace] {
        fonts
            .families
            .entry(family)
            .or_default()
            .insert(0, "noto-sans".to_owned());
    }
    fonts.families.insert(
        egui::FontFamily::Name(BOLD.into()),
        vec![BOLD.to_owned(), "noto-sans".to_owned()],
    );
    ctx.set_fonts(fonts);
}
