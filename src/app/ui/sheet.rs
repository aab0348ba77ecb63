//! The shared table of the Positions, Staff and Appraisal tabs, spreadsheet-like: it scrolls
//! sideways instead of cutting columns off, its columns are resized by dragging, text cut by a
//! column shows in full on hover, it goes back to its first row when its rows change to another
//! unit, and it scrolls a new row into view.
//!
//! The tables are [`egui_extras::TableBuilder`]s made by [`table`] inside [`sheet_ui`]; their
//! typed cells are the shared fields of [`super::fields`] (typing into a cell replaces
//! its text, Enter moves to the cell below, Tab to the next one).

use eframe::egui;
use egui_extras::TableBuilder;

/// Draws a table that scrolls sideways when its columns are wider than the panel.
pub fn sheet_ui<R>(ui: &mut egui::Ui, id_salt: &str, table: impl FnOnce(&mut egui::Ui) -> R) -> R {
    egui::ScrollArea::horizontal()
        .id_salt((id_salt, "sideways"))
        .auto_shrink([false, false])
        .show(ui, table)
        .inner
}

/// A striped table with resizable columns, clipped cells, and the rows laid out only where
/// visible. `rows_key` names what the rows are of (the selected unit): when it changes, the
/// table goes back to its first row; `scroll_to` is a row to bring into view (a new one). The
/// row is brought into view again for a few frames, as the panels around the table settle (a
/// form appearing below it takes its height from the table).
pub fn table<'a>(
    ui: &'a mut egui::Ui,
    id_salt: &str,
    rows_key: &str,
    scroll_to: Option<usize>,
) -> TableBuilder<'a> {
    let key_id = egui::Id::unique((id_salt, "rows_of"));
    let target_id = egui::Id::unique((id_salt, "scroll_to"));
    let changed = ui.data_mut(|d| {
        let previous: Option<String> = d.get_temp(key_id);
        d.insert_temp(key_id, rows_key.to_owned());
        previous.is_some_and(|p| p != rows_key)
    });
    let target = ui.data_mut(|d| {
        // A row asked for now wins; one asked for earlier is dropped with the rows it was of.
        let pending = match scroll_to {
            Some(row) => Some((row, SETTLING_FRAMES)),
            None if changed => None,
            None => d.get_temp::<(usize, u8)>(target_id),
        };
        match pending {
            Some((row, frames)) if frames > 0 => {
                d.insert_temp(target_id, (row, frames - 1));
                Some(row)
            }
            _ => {
                d.remove::<(usize, u8)>(target_id);
                None
            }
        }
    });
    if target.is_some() {
        ui.ctx().request_repaint();
    }
    let mut builder = TableBuilder::new(ui)
        .id_salt(id_salt)
        .striped(true)
        .resizable(true)
        .cell_layout(egui::Layout::left_to_right(egui::Align::Center));
    if let Some(row) = target {
        builder = builder.scroll_to_row(row, None);
    } else if changed {
        builder = builder.scroll_to_row(0, Some(egui::Align::TOP));
    }
    builder
}

/// Frames during which a row asked for stays scrolled into view.
const SETTLING_FRAMES: u8 = 3;

/// Text in a cell, cut with "…" to the column's width; the whole text shows on hover.
pub fn cell_text(ui: &mut egui::Ui, text: impl Into<egui::WidgetText>) -> egui::Response {
    ui.add(egui::Label::new(text).truncate())
}
