//! The shared table of the Positions, Staff, Workload and Appraisal tabs, spreadsheet-like: it
//! scrolls sideways instead of cutting columns off while its first columns (the name, and the
//! unit where shown) stay pinned in view, its columns are resized by dragging, text cut by a
//! column shows in full on hover, it goes back to its first row when its rows change to another
//! unit, and it scrolls a new row into view.
//!
//! A [`Sheet`] is drawn as two [`egui_extras::TableBuilder`]s side by side: the pinned columns,
//! and the others inside a sideways scroll area. Both have the same row heights and share one
//! vertical scroll offset, a hovered row and the selected one; Tab and Shift+Tab go through the
//! cells in reading order across both parts. The cells are drawn by one function of the caller,
//! told which [`Place`] to draw; typed cells are the shared fields of [`super::fields`] (typing
//! into a cell replaces its text, Enter moves to the cell below).

use std::ops::Range;

use eframe::egui;
use egui_extras::{Column, TableBuilder};

/// What a sheet's contents function is asked to draw.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Place {
    /// The header of a column.
    Header(usize),
    /// The cell of a row in a column.
    Cell { row: usize, column: usize },
}

/// What the user did to the sheet's rows this frame.
#[derive(Debug, Default, Clone, Copy)]
pub struct SheetResponse {
    /// A row clicked outside its widgets (only for [`Sheet::clickable`] sheets).
    pub clicked_row: Option<usize>,
}

/// A table of `rows` rows whose first `pinned` columns stay in view while the others scroll
/// sideways.
pub struct Sheet<'a> {
    id_salt: &'a str,
    rows_key: &'a str,
    scroll_to: Option<usize>,
    columns: Vec<Column>,
    pinned: usize,
    row_height: f32,
    selected: Option<usize>,
    clickable: bool,
    max_height: f32,
}

/// The focusable widgets of the cells laid out last frame, in reading order: Tab's path.
#[derive(Clone, Default)]
struct FocusPath(Vec<FocusStop>);

#[derive(Clone, Copy)]
struct FocusStop {
    row: usize,
    column: usize,
    id: egui::Id,
    rect: egui::Rect,
}

/// What both parts of a sheet share from one frame to the next.
#[derive(Clone, Copy, Default)]
struct Shared {
    offset: Option<f32>,
    hovered: Option<usize>,
}

/// Everything one part of the sheet needs to draw its rows this frame.
struct Frame {
    offset: Option<f32>,
    target: Option<usize>,
    back_to_top: bool,
    hovered: Option<usize>,
}

/// What one part of the sheet saw this frame.
#[derive(Default)]
struct Seen {
    offset: Option<f32>,
    hovered: Option<usize>,
    clicked: Option<usize>,
    stops: Vec<FocusStop>,
}

const HEADER_HEIGHT: f32 = 24.0;

impl<'a> Sheet<'a> {
    /// `rows_key` names what the rows are of (the selected unit): when it changes, the sheet
    /// goes back to its first row.
    pub fn new(id_salt: &'a str, rows_key: &'a str, row_height: f32) -> Self {
        Sheet {
            id_salt,
            rows_key,
            scroll_to: None,
            columns: Vec::new(),
            pinned: 0,
            row_height,
            selected: None,
            clickable: false,
            max_height: f32::INFINITY,
        }
    }

    /// A row to bring into view (a new one); it is brought into view again for a few frames,
    /// as the panels around the table settle (a form appearing below it takes its height).
    pub fn scroll_to(mut self, row: Option<usize>) -> Self {
        self.scroll_to = row;
        self
    }

    pub fn column(mut self, column: Column) -> Self {
        self.columns.push(column);
        self
    }

    pub fn columns(mut self, column: Column, count: usize) -> Self {
        self.columns.extend(std::iter::repeat_n(column, count));
        self
    }

    /// How many of the first columns stay in view when the others scroll sideways.
    pub fn pinned(mut self, count: usize) -> Self {
        self.pinned = count;
        self
    }

    /// The row shown as selected.
    pub fn selected(mut self, row: Option<usize>) -> Self {
        self.selected = row;
        self
    }

    /// Rows answer clicks ([`SheetResponse::clicked_row`]).
    pub fn clickable(mut self) -> Self {
        self.clickable = true;
        self
    }

    /// The most height the rows may take (the header comes on top).
    pub fn max_height(mut self, height: f32) -> Self {
        self.max_height = height;
        self
    }

    /// Draws the sheet: `contents` draws each header and each cell of the rows in view.
    pub fn show(
        self,
        ui: &mut egui::Ui,
        rows: usize,
        mut contents: impl FnMut(&mut egui::Ui, Place),
    ) -> SheetResponse {
        let shared_id = egui::Id::unique((self.id_salt, "sheet_shared"));
        let path_id = egui::Id::unique((self.id_salt, "sheet_focus_path"));
        let (target, back_to_top) = scroll_target(ui, self.id_salt, self.rows_key, self.scroll_to);
        let shared: Shared = ui.data(|d| d.get_temp(shared_id)).unwrap_or_default();
        let focus_target = tab_target(ui, path_id);
        let frame = Frame {
            offset: shared.offset.filter(|_| !back_to_top),
            target,
            back_to_top,
            hovered: shared.hovered,
        };
        let pinned = self.pinned.min(self.columns.len());
        // Room is kept under the rows for the sideways scroll bar.
        let bar = egui::style::ScrollStyle::solid();
        let bar_room = bar.bar_width + bar.bar_inner_margin + bar.bar_outer_margin;
        let max_height = self
            .max_height
            .min(ui.available_height() - HEADER_HEIGHT - ui.spacing().item_spacing.y - bar_room)
            .max(self.row_height);
        let (mut left, mut right) = (Seen::default(), Seen::default());
        ui.horizontal_top(|ui| {
            let mut pinned_rect = egui::Rect::NOTHING;
            if pinned > 0 {
                pinned_rect = ui
                    .vertical(|ui| {
                        let part = Part {
                            salt: "pinned",
                            columns: 0..pinned,
                            scroll_bar: true,
                        };
                        left = self.part(ui, &part, rows, max_height, &frame, &mut contents);
                    })
                    .response
                    .rect;
            }
            // A solid sideways bar, under the rows rather than over the last one, always there
            // when columns are out of view: it tells a planner that there are more of them.
            let row_scroll = ui.spacing().scroll;
            ui.spacing_mut().scroll = bar;
            egui::ScrollArea::horizontal()
                .id_salt((self.id_salt, "sideways"))
                // As tall as the rows, so that the scroll bar sits right under a short table.
                .auto_shrink([false, true])
                .show(ui, |ui| {
                    ui.spacing_mut().scroll = row_scroll;
                    // Turning the wheel sideways over the pinned columns scrolls the others.
                    if ui
                        .ctx()
                        .pointer_hover_pos()
                        .is_some_and(|p| pinned_rect.contains(p))
                    {
                        let sideways = ui.input(|i| i.smooth_scroll_delta.x);
                        if sideways != 0.0 {
                            ui.scroll_with_delta(egui::vec2(sideways, 0.0));
                        }
                    }
                    // Tab onto a cell scrolled out of view brings it in.
                    if let Some(stop) = focus_target.filter(|s| s.column >= pinned) {
                        ui.scroll_to_rect(stop.rect, None);
                    }
                    ui.vertical(|ui| {
                        let part = Part {
                            salt: "scrolled",
                            columns: pinned..self.columns.len(),
                            scroll_bar: pinned == 0,
                        };
                        right = self.part(ui, &part, rows, max_height, &frame, &mut contents);
                    });
                });
        });
        // One offset for both parts: the one that moved (wheel, scroll bar, a row brought into
        // view) sets it, the other follows.
        let offset = match (left.offset, right.offset) {
            (Some(l), _) if shared.offset != Some(l) && pinned > 0 => Some(l),
            (_, Some(r)) => Some(r),
            (l, None) => l,
        };
        if pinned > 0 && left.offset != right.offset {
            // The part that did not move catches up next frame.
            ui.ctx().request_repaint();
        }
        let hovered = left.hovered.or(right.hovered);
        ui.data_mut(|d| d.insert_temp(shared_id, Shared { offset, hovered }));
        let mut stops = left.stops;
        stops.append(&mut right.stops);
        stops.sort_by_key(|s| (s.row, s.column));
        ui.data_mut(|d| d.insert_temp(path_id, FocusPath(stops)));
        SheetResponse {
            clicked_row: left.clicked.or(right.clicked),
        }
    }

    /// Draws one part of the sheet: the header and rows of `part.columns`.
    fn part(
        &self,
        ui: &mut egui::Ui,
        part: &Part,
        rows: usize,
        max_height: f32,
        frame: &Frame,
        contents: &mut impl FnMut(&mut egui::Ui, Place),
    ) -> Seen {
        let layer = ui.layer_id();
        let mut builder = TableBuilder::new(ui)
            .id_salt((self.id_salt, part.salt))
            .striped(true)
            .resizable(true)
            .animate_scrolling(false)
            .min_scrolled_height(0.0)
            .max_scroll_height(max_height)
            .cell_layout(egui::Layout::left_to_right(egui::Align::Center));
        if !part.scroll_bar {
            builder =
                builder.scroll_bar_visibility(egui::scroll_area::ScrollBarVisibility::AlwaysHidden);
        }
        if self.clickable {
            builder = builder.sense(egui::Sense::click());
        }
        if let Some(offset) = frame.offset {
            builder = builder.vertical_scroll_offset(offset);
        }
        if let Some(row) = frame.target {
            builder = builder.scroll_to_row(row, None);
        } else if frame.back_to_top {
            builder = builder.scroll_to_row(0, Some(egui::Align::TOP));
        }
        for column in part.columns.clone() {
            if let Some(spec) = self.columns.get(column) {
                builder = builder.column(*spec);
            }
        }
        let mut seen = Seen::default();
        let output = builder
            .header(HEADER_HEIGHT, |mut header| {
                for column in part.columns.clone() {
                    header.col(|ui| contents(ui, Place::Header(column)));
                }
            })
            .body(|body| {
                body.rows(self.row_height, rows, |mut row| {
                    let index = row.index();
                    row.set_selected(self.selected == Some(index));
                    row.set_hovered(frame.hovered == Some(index));
                    for column in part.columns.clone() {
                        row.col(|ui| {
                            let before = widget_count(ui.ctx(), layer);
                            contents(ui, Place::Cell { row: index, column });
                            focus_stops(ui.ctx(), layer, before, index, column, &mut seen.stops);
                        });
                    }
                    if part.columns.is_empty() {
                        return;
                    }
                    let response = row.response();
                    if response.hovered() {
                        seen.hovered = Some(index);
                    }
                    if response.clicked() {
                        seen.clicked = Some(index);
                    }
                });
            });
        seen.offset = Some(output.state.clamped_offset().y);
        seen
    }
}

/// One side of a sheet.
struct Part {
    salt: &'static str,
    columns: Range<usize>,
    /// Whether this part shows the vertical scroll bar (the pinned part, when there is one:
    /// the other's is off to the right past its last column).
    scroll_bar: bool,
}

/// How many widgets `layer` holds so far this frame.
fn widget_count(ctx: &egui::Context, layer: egui::LayerId) -> usize {
    ctx.viewport(|v| {
        v.this_pass
            .widgets
            .layers()
            .find(|(id, _)| **id == layer)
            .map_or(0, |(_, widgets)| widgets.len())
    })
}

/// Adds the focusable widgets added to `layer` since it held `before` of them.
fn focus_stops(
    ctx: &egui::Context,
    layer: egui::LayerId,
    before: usize,
    row: usize,
    column: usize,
    stops: &mut Vec<FocusStop>,
) {
    ctx.viewport(|v| {
        let Some((_, widgets)) = v.this_pass.widgets.layers().find(|(id, _)| **id == layer) else {
            return;
        };
        let added = widgets.get(before..).unwrap_or_default();
        stops.extend(
            added
                .iter()
                .filter(|w| w.enabled && w.sense.is_focusable())
                .map(|w| FocusStop {
                    row,
                    column,
                    id: w.id,
                    rect: w.rect,
                }),
        );
    });
}

/// On Tab or Shift+Tab in one of the sheet's cells: the cell next in reading order, which now
/// takes the focus (egui's own order would go down the pinned columns first).
fn tab_target(ui: &egui::Ui, path_id: egui::Id) -> Option<FocusStop> {
    let backwards = ui.input(|i| {
        if !i.key_pressed(egui::Key::Tab) {
            None
        } else if i.modifiers.is_none() {
            Some(false)
        } else if i.modifiers.shift_only() {
            Some(true)
        } else {
            None
        }
    })?;
    let focused = ui.memory(|m| m.focused())?;
    let path: FocusPath = ui.data(|d| d.get_temp(path_id))?;
    let at = path.0.iter().position(|s| s.id == focused)?;
    let next = if backwards {
        path.0.get(at.checked_sub(1)?)
    } else {
        path.0.get(at + 1)
    }
    .copied()?;
    ui.memory_mut(|m| {
        m.request_focus(next.id);
        m.move_focus(egui::FocusDirection::None);
    });
    Some(next)
}

/// The row to bring into view this frame, and whether to go back to the first row (the rows
/// changed to another unit's). A row asked for is brought into view for a few frames.
fn scroll_target(
    ui: &egui::Ui,
    id_salt: &str,
    rows_key: &str,
    scroll_to: Option<usize>,
) -> (Option<usize>, bool) {
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
    (target, changed && target.is_none())
}

/// Frames during which a row asked for stays scrolled into view.
const SETTLING_FRAMES: u8 = 3;

/// The header of `column` from a list of titles.
pub fn header_text(ui: &mut egui::Ui, headers: &[&str], column: usize) {
    if let Some(header) = headers.get(column) {
        ui.strong(*header);
    }
}

/// Text in a cell, cut with "…" to the column's width; the whole text shows on hover.
/// Screen readers (and the tests) read the whole text, not the cut one.
pub fn cell_text(ui: &mut egui::Ui, text: impl Into<egui::WidgetText>) -> egui::Response {
    let text = text.into();
    let full = text.text().to_owned();
    let response = ui.add(egui::Label::new(text).truncate().selectable(false));
    response.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Label, true, &full));
    response
}
