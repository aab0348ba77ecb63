//! The typed fields and choices every editing panel uses: forms, table cells and settings.
//!
//! A field keeps the text being typed (in [`AppState::cells`], by a key naming the record and
//! the field); when the user presses Enter or leaves the field, the text becomes an [`Edit`]
//! applied at once, or is refused: the field turns red with the reason (beside it in forms, on
//! hover in tables, and in the status line) and the plan is unchanged. Typing into a field
//! replaces its text, Enter moves on to the next field as Tab does, and Escape drops the typing.
//!
//! Choices are drop-downs whose long lists open with a find field: typing filters the list and
//! Enter picks the first match.

use eframe::egui;

use crate::app::state::{AppState, Notice, PendingCell};
use crate::editing::{self, Created, Edit};
use crate::format::folded;
use crate::language::Language;

/// Draws a typed field showing `current` (or the text being typed). Returns the text to commit
/// once the user has finished typing a change: Enter, leaving the field, or a value set by
/// assistive technology. Escape drops what was typed.
pub(super) fn text_field(
    state: &mut AppState,
    ui: &mut egui::Ui,
    key: &str,
    current: &str,
    width: f32,
) -> (egui::Response, Option<String>) {
    pending_field(state, ui, key, current, width, None)
}

/// A typed field on one line (`rows` is `None`) or several (Enter then starts a new line, so
/// the text applies when the field loses focus). A refused value stays red with its reason.
pub(super) fn pending_field(
    state: &mut AppState,
    ui: &mut egui::Ui,
    key: &str,
    current: &str,
    width: f32,
    rows: Option<usize>,
) -> (egui::Response, Option<String>) {
    hinted_field(state, ui, key, current, width, rows, "")
}

/// As [`pending_field`], showing `hint` in grey while the field is empty.
pub(super) fn hinted_field(
    state: &mut AppState,
    ui: &mut egui::Ui,
    key: &str,
    current: &str,
    width: f32,
    rows: Option<usize>,
    hint: &str,
) -> (egui::Response, Option<String>) {
    let pending = state.cells.get(key).cloned();
    let mut text = pending
        .as_ref()
        .map_or_else(|| current.to_owned(), |p| p.text.clone());
    let error = pending.and_then(|p| p.error);
    let error_colour = ui.visuals().error_fg_color;
    let mut field = match rows {
        None => egui::TextEdit::singleline(&mut text),
        Some(rows) => egui::TextEdit::multiline(&mut text).desired_rows(rows),
    }
    .id(field_id(key))
    .hint_text(hint)
    .desired_width(width)
    .min_size(egui::vec2(width, 0.0));
    if error.is_some() {
        field = field.text_color(error_colour);
    }
    let mut response = ui.add(field);
    // Read now: `lost_focus` asks the memory, which Enter's move to the next field changes.
    let lost_focus = response.lost_focus();
    if let Some(error) = &error {
        ui.painter().rect_stroke(
            response.rect.expand(1.0),
            2.0,
            egui::Stroke::new(1.5, error_colour),
            egui::StrokeKind::Outside,
        );
        response = response.on_hover_text(error);
    }
    if response.gained_focus() {
        select_all(ui.ctx(), response.id, &text);
    }
    if response.changed() {
        // Typing back to the plan's value leaves nothing pending (Ctrl+Z then undoes edits).
        if text == current && error.is_none() {
            state.cells.remove(key);
        } else {
            state.cells.entry(key.to_owned()).or_default().text = text.clone();
        }
    }
    if lost_focus && ui.input(|i| i.key_pressed(egui::Key::Escape)) {
        state.cells.remove(key);
        return (response, None);
    }
    if lost_focus && ui.input(|i| i.key_pressed(egui::Key::Enter)) && rows.is_none() {
        // Enter moves on to the field below, as in a spreadsheet (or stays when there is none).
        ui.memory_mut(|m| {
            m.request_focus(response.id);
            m.move_focus(egui::FocusDirection::Down);
        });
    }
    let finished = lost_focus || (response.changed() && !response.has_focus());
    if !finished || !state.cells.contains_key(key) {
        return (response, None);
    }
    ui.ctx().request_repaint();
    if text == current {
        state.cells.remove(key);
        return (response, None);
    }
    (response, Some(text))
}

/// The id of the typed field named `key`.
fn field_id(key: &str) -> egui::Id {
    egui::Id::unique(("field", key))
}

/// Whether the focused field holds typed text not yet in the plan: Ctrl+Z then undoes the
/// typing (the field's own undo) before any committed edit.
pub fn typing_in_focused_field(state: &AppState, ctx: &egui::Context) -> bool {
    let Some(focused) = ctx.memory(|m| m.focused()) else {
        return false;
    };
    state.cells.keys().any(|key| field_id(key) == focused)
}

/// Selects a field's whole text, so that typing into a cell replaces it as in a spreadsheet.
fn select_all(ctx: &egui::Context, id: egui::Id, text: &str) {
    if let Some(mut field) = egui::TextEdit::load_state(ctx, id) {
        let all = egui::text::CCursorRange::two(
            egui::text::CCursor::new(0),
            egui::text::CCursor::new(text.chars().count()),
        );
        field.cursor.set_char_range(Some(all));
        egui::TextEdit::store_state(ctx, id, field);
    }
}

/// Applies the edit made from a field's text; a refusal stays on the field with its reason and
/// is repeated in the status line as `name: reason`.
pub(super) fn commit(
    state: &mut AppState,
    key: &str,
    name: &str,
    text: String,
    edit: Result<Edit, String>,
) -> Option<Created> {
    match edit.and_then(|e| state.apply(e)) {
        Ok(created) => {
            if let Some(PendingCell {
                error: Some(error), ..
            }) = state.cells.remove(key)
                && state.notice == Some(Notice::Error(format!("{name}: {error}")))
            {
                state.notice = None;
            }
            Some(created)
        }
        Err(reason) => {
            state.notice = Some(Notice::Error(format!("{name}: {reason}")));
            state.cells.insert(
                key.to_owned(),
                PendingCell {
                    text,
                    error: Some(reason),
                },
            );
            None
        }
    }
}

/// Applies an edit made by a choice (a combo or a button), reporting a refusal in the status
/// line.
pub(super) fn apply_choice(state: &mut AppState, edit: Edit) -> Option<Created> {
    match state.apply(edit) {
        Ok(created) => Some(created),
        Err(reason) => {
            state.notice = Some(Notice::Error(reason));
            None
        }
    }
}

/// The reason a field's text was refused, in red, when it was.
pub(super) fn field_error(state: &AppState, ui: &mut egui::Ui, key: &str) {
    if let Some(error) = state.cells.get(key).and_then(|c| c.error.as_deref()) {
        ui.colored_label(ui.visuals().error_fg_color, error);
    }
}

/// A labelled field of a form: the label, then the field with the reason beside it when
/// refused. Made for a [`egui::Grid`]: the label and the field are one cell each.
pub(super) fn form_field(
    state: &mut AppState,
    ui: &mut egui::Ui,
    label: &str,
    key: &str,
    current: &str,
    width: f32,
) -> Option<String> {
    let label = ui.label(label);
    ui.horizontal(|ui| {
        let (response, committed) = text_field(state, ui, key, current, width);
        response.labelled_by(label.id);
        field_error(state, ui, key);
        committed
    })
    .inner
}

/// A labelled choice among `options` (label and choice one cell each, as [`form_field`]);
/// returns the option picked when it differs from `current`.
pub(super) fn choice<T: PartialEq + Clone>(
    ui: &mut egui::Ui,
    label: &str,
    id_salt: impl egui::AsIdSalt,
    current: &T,
    options: &[(T, String)],
    width: f32,
) -> Option<T> {
    let label = ui.label(label);
    let (response, picked) = combo_box(ui, id_salt, current, options, width);
    response.labelled_by(label.id);
    picked
}

/// The widest a form's column may be in `ui`: a form of labels and fields keeps to the width
/// of its panel, its fields narrowing (at least 60 points) and its labels wrapping (with
/// [`egui::TextWrapMode::Wrap`] set on the form's grid).
pub(super) fn form_column_width(ui: &egui::Ui) -> f32 {
    ((ui.available_width() - ui.spacing().item_spacing.x) / 2.0).max(60.0)
}

/// Lists longer than this open with a find field.
const FIND_FROM: usize = 8;

/// A drop-down of `options` showing `current` (its full text on hover); returns the response
/// and the option picked this frame, if it differs from `current`.
///
/// The list opens tall enough for most lists to show whole, scrolled to the current option. A
/// long list opens with a find field holding the keyboard: typing keeps the options whose text
/// contains what was typed (accents and case ignored), Enter picks the first of them. Tab onto
/// a drop-down only focuses it; Space, Enter or a click opens it.
pub(super) fn combo_box<T: PartialEq + Clone>(
    ui: &mut egui::Ui,
    id_salt: impl egui::AsIdSalt,
    current: &T,
    options: &[(T, String)],
    width: f32,
) -> (egui::Response, Option<T>) {
    let selected = options
        .iter()
        .find(|(value, _)| value == current)
        .map(|(_, text)| text.clone())
        .unwrap_or_default();
    let find_id = ui.make_persistent_id(("find", &id_salt));
    let height = (ui.ctx().content_rect().height() * 0.6).clamp(200.0, 560.0);
    let mut picked = None;
    let inner = egui::ComboBox::from_id_salt(id_salt)
        .selected_text(selected.as_str())
        .width(width)
        .height(height)
        .truncate()
        .show_ui(ui, |ui| {
            // What was typed, or `None` on the frame the list opens.
            let find: Option<String> = ui.data(|d| d.get_temp(find_id));
            let opening = find.is_none();
            let mut find = find.unwrap_or_default();
            let mut entered = false;
            if options.len() > FIND_FROM {
                let response = ui.add(
                    egui::TextEdit::singleline(&mut find)
                        .id(find_id.with("field"))
                        .hint_text(find_hint(ui.ctx()))
                        .desired_width(f32::INFINITY),
                );
                if opening {
                    response.request_focus();
                }
                entered = response.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
                ui.separator();
            }
            let wanted = folded(find.trim());
            let shown: Vec<&(T, String)> = options
                .iter()
                .filter(|(_, text)| wanted.is_empty() || folded(text).contains(&wanted))
                .collect();
            let first_match = shown.first().map(|(value, _)| value);
            // The options scroll under the find field, which stays in view; only those in view
            // are drawn (a province's staff are tens of thousands).
            let row_height = ui.spacing().interact_size.y;
            let mut area = egui::ScrollArea::vertical()
                .id_salt(find_id.with("options"))
                .max_height(height - 40.0);
            if opening && let Some(at) = shown.iter().position(|(value, _)| value == current) {
                let spacing = ui.spacing().item_spacing.y;
                let middle = (height - 40.0) / 2.0;
                area = area
                    .vertical_scroll_offset((at as f32 * (row_height + spacing) - middle).max(0.0));
            }
            area.show_rows(ui, row_height, shown.len(), |ui, range| {
                for (value, text) in shown.get(range).unwrap_or_default() {
                    let response = ui.selectable_label(value == current, text);
                    if response.clicked() && value != current {
                        picked = Some(value.clone());
                    }
                }
            });
            if entered && let Some(value) = first_match {
                if value != current {
                    picked = Some(value.clone());
                }
                ui.close();
            }
            ui.data_mut(|d| d.insert_temp(find_id, find));
        });
    if inner.inner.is_none() {
        ui.data_mut(|d| d.remove::<String>(find_id));
    }
    let response = inner.response.on_hover_text(selected);
    (response, picked)
}

/// The grey hint of a list's find field, in the interface language (set each frame by
/// [`set_language`]).
fn find_hint(ctx: &egui::Context) -> &'static str {
    let language: Language = ctx.data(|d| d.get_temp(language_id())).unwrap_or_default();
    language.t("Gõ để tìm…", "Type to find…")
}

fn language_id() -> egui::Id {
    egui::Id::unique("vtvl_interface_language")
}

/// Tells the fields the interface language, for the few words they show themselves.
pub(super) fn set_language(ctx: &egui::Context, language: Language) {
    ctx.data_mut(|d| d.insert_temp(language_id(), language));
}

/// A number as typed in the interface language (no grouping: it must parse back the same).
pub(super) fn amount_text(state: &AppState, value: f64) -> String {
    let mark = match state.language() {
        Language::Vietnamese => ',',
        Language::English => '.',
    };
    editing::input_text(value, mark)
}

pub(super) fn parse_amount(state: &AppState, text: &str) -> Result<f64, String> {
    editing::parse_amount(text).map_err(|e| e.message(state.language()))
}

pub(super) fn parse_count(state: &AppState, text: &str) -> Result<u32, String> {
    editing::parse_count(text).map_err(|e| e.message(state.language()))
}

pub(super) fn parse_optional_count(state: &AppState, text: &str) -> Result<Option<u32>, String> {
    editing::parse_optional_count(text).map_err(|e| e.message(state.language()))
}
