//! How figures look everywhere in the app: the colours of shortage and surplus, and ratios.

use eframe::egui::{self, Color32};

use crate::app::state::AppState;

/// Red for a shortage (fewer people than required), amber for a surplus, green when balanced.
pub fn difference_colour(ui: &egui::Ui, difference: f64) -> Color32 {
    let dark = ui.visuals().dark_mode;
    if difference < -1e-9 {
        if dark {
            Color32::from_rgb(255, 120, 110)
        } else {
            Color32::from_rgb(190, 30, 30)
        }
    } else if difference > 1e-9 {
        if dark {
            Color32::from_rgb(255, 190, 90)
        } else {
            Color32::from_rgb(170, 100, 0)
        }
    } else if dark {
        Color32::from_rgb(120, 210, 130)
    } else {
        Color32::from_rgb(20, 130, 50)
    }
}

/// A WISN ratio, or a dash when nothing is required.
pub fn ratio_text(state: &AppState, ratio: Option<f64>) -> String {
    ratio
        .map(|r| state.number(r, 2))
        .unwrap_or_else(|| "–".to_owned())
}

/// "Cần 38 (35,18 FTE) · hiện có 37 · chênh lệch −1 · tỷ lệ 1,05" in the interface language,
/// coloured by shortage or surplus.
pub fn totals_ui(ui: &mut egui::Ui, state: &AppState, totals: &crate::engine::Totals) {
    let text = format!(
        "{} {} ({} FTE) · {} {} · {} {} · {} {}",
        state.t("Cần", "Required"),
        totals.required,
        state.number(totals.required_fte, 2),
        state.t("hiện có", "current"),
        state.number(totals.current, 2),
        state.t("chênh lệch", "difference"),
        state.number(totals.difference, 2),
        state.t("tỷ lệ", "ratio"),
        ratio_text(state, totals.ratio),
    );
    ui.colored_label(difference_colour(ui, totals.difference), text);
}

/// A striped grid whose first row is `headers` in bold; `rows` lays out the rest.
pub fn headed_grid(
    ui: &mut egui::Ui,
    id_salt: impl egui::AsIdSalt,
    headers: &[&str],
    rows: impl FnOnce(&mut egui::Ui),
) {
    egui::Grid::new(id_salt)
        .striped(true)
        .num_columns(headers.len())
        .show(ui, |ui| {
            header_row(ui, headers);
            rows(ui);
        });
}

/// One grid row of bold headers.
pub fn header_row(ui: &mut egui::Ui, headers: &[&str]) {
    for header in headers {
        ui.strong(*header);
    }
    ui.end_row();
}

/// A chart that stays as drawn: no zoom, drag, scroll or reset, so that the wheel scrolls the
/// page it sits in rather than the chart.
pub fn still(plot: egui_plot::Plot<'_>) -> egui_plot::Plot<'_> {
    plot.allow_zoom(false)
        .allow_drag(false)
        .allow_scroll(false)
        .allow_boxed_zoom(false)
        .allow_double_click_reset(false)
}
