//! The Settings tab: the plan's name, agency and year, the province class and the date its
//! rules are judged at, the printed dossier's form (parent body, the document it accompanies,
//! place, signers), its rounding policy, and its working calendars with the available days and
//! hours each gives.
//!
//! Fields are the shared ones of [`super::fields`]: typed as text and applied when the field is
//! left (or Enter is pressed). Text that is not a valid amount, and an edit the document refuses,
//! stay in the field, marked with the reason, and the plan keeps its value.

use eframe::egui;

use super::blocking_rules::blocking_rules_ui;
use super::fields::{apply_choice, choice, commit, field_error, text_field};
use crate::app::state::AppState;
use crate::editing::{Edit, InputError, input_text, parse_amount, parse_count};
use crate::language::Language;
use crate::model::{Calendar, CivilDate, PlanMeta, ProvinceClass, Rounding};

/// Prefix of this tab's keys in [`AppState::cells`].
const CELL_PREFIX: &str = "settings:";
const CALENDAR_PREFIX: &str = "settings:calendar:";
const NUMBER_WIDTH: f32 = 56.0;

pub fn settings_tab_ui(state: &mut AppState, ui: &mut egui::Ui) {
    let revision = state.document.revision();
    egui::ScrollArea::vertical()
        .id_salt("settings")
        .auto_shrink(false)
        .show(ui, |ui| {
            meta_ui(state, ui);
            ui.add_space(12.0);
            blocking_rules_ui(state, ui);
            ui.add_space(12.0);
            rounding_ui(state, ui);
            ui.add_space(12.0);
            calendars_ui(state, ui);
            ui.add_space(12.0);
            document_form_ui(state, ui);
        });
    // An edit applied while drawing shows its figures in the next frame.
    if state.document.revision() != revision {
        ui.ctx().request_repaint();
    }
}

// ---------------------------------------------------------------------------------------------
// Plan metadata

#[derive(Clone, Copy)]
enum MetaField {
    Name,
    Agency,
    Year,
    /// The date the rules are judged at; empty means today.
    JudgedAt,
    // The printed dossier's administrative form.
    ParentBody,
    DocumentKind,
    DocumentNumber,
    DocumentDate,
    Place,
    SignerTitle,
    SignerName,
    PreparerName,
}

fn meta_ui(state: &mut AppState, ui: &mut egui::Ui) {
    ui.heading(state.t("Thông tin đề án", "Plan"));
    let fields = [
        (MetaField::Name, state.t("Tên đề án", "Plan name"), 360.0),
        (
            MetaField::Agency,
            state.t("Cơ quan, đơn vị", "Agency"),
            360.0,
        ),
        (MetaField::Year, state.t("Năm", "Year"), 80.0),
        (
            MetaField::JudgedAt,
            state.t("Ngày áp dụng quy định", "Rules in force on"),
            100.0,
        ),
    ]
    .map(|(f, t, w)| (f, t.to_owned(), w));
    egui::Grid::new("settings_meta")
        .num_columns(2)
        .show(ui, |ui| {
            meta_fields(state, ui, fields);
            province_class_ui(state, ui);
            ui.end_row();
        });
}

/// The printed dossier's administrative form.
fn document_form_ui(state: &mut AppState, ui: &mut egui::Ui) {
    ui.heading(state.t("Thể thức hồ sơ in", "Printed dossier form"));
    ui.weak(state.t(
        "In ở đầu và cuối mỗi phụ lục của hồ sơ Excel; để trống thì in dòng chấm để điền tay.",
        "Printed at the head and foot of each appendix of the Excel dossier; blanks print dotted \
         lines to fill by hand.",
    ));
    let form = [
        (
            MetaField::ParentBody,
            state.t("Cơ quan chủ quản", "Parent body"),
            360.0,
        ),
        (
            MetaField::DocumentKind,
            state.t("Loại văn bản kèm theo", "Accompanied document"),
            160.0,
        ),
        (
            MetaField::DocumentNumber,
            state.t("Số, ký hiệu", "Number"),
            160.0,
        ),
        (
            MetaField::DocumentDate,
            state.t("Ngày ban hành", "Date"),
            100.0,
        ),
        (MetaField::Place, state.t("Địa danh", "Place"), 200.0),
        (
            MetaField::SignerTitle,
            state.t("Chức vụ người ký", "Signer's title"),
            240.0,
        ),
        (
            MetaField::SignerName,
            state.t("Họ tên người ký", "Signer's name"),
            240.0,
        ),
        (
            MetaField::PreparerName,
            state.t("Người lập biểu", "Prepared by"),
            240.0,
        ),
    ]
    .map(|(f, t, w)| (f, t.to_owned(), w));
    egui::Grid::new("settings_document")
        .num_columns(2)
        .show(ui, |ui| meta_fields(state, ui, form));
}

/// One grid row per field: its label, its text, and the reason it was refused.
fn meta_fields<const N: usize>(
    state: &mut AppState,
    ui: &mut egui::Ui,
    fields: [(MetaField, String, f32); N],
) {
    for (field, name, width) in fields {
        let label = ui.label(&name);
        let meta = &state.document.plan().meta;
        let shown = match field {
            MetaField::Name => meta.name.clone(),
            MetaField::Agency => meta.agency.clone(),
            MetaField::Year => meta.year.map(|y| y.to_string()).unwrap_or_default(),
            MetaField::JudgedAt => meta.judged_at.map(|d| d.to_string()).unwrap_or_default(),
            MetaField::ParentBody => meta.document.parent_body.clone(),
            MetaField::DocumentKind => meta.document.kind.clone(),
            MetaField::DocumentNumber => meta.document.number.clone(),
            MetaField::DocumentDate => meta
                .document
                .date
                .map(|d| d.to_string())
                .unwrap_or_default(),
            MetaField::Place => meta.document.place.clone(),
            MetaField::SignerTitle => meta.document.signer_title.replace('\n', " / "),
            MetaField::SignerName => meta.document.signer_name.clone(),
            MetaField::PreparerName => meta.document.preparer_name.clone(),
        };
        let key = meta_key(field);
        ui.horizontal(|ui| {
            if let Some(text) = cell_ui(state, ui, &key, &shown, width, label.id) {
                commit_meta(state, &key, &name, field, text);
            }
            match field {
                MetaField::JudgedAt => {
                    ui.weak(state.t(
                        "dd/mm/yyyy; để trống là ngày hiện tại",
                        "dd/mm/yyyy; empty means today",
                    ));
                }
                MetaField::DocumentKind => {
                    ui.weak(state.t("Tờ trình, Đề án...", "Submission, Proposal..."));
                }
                MetaField::SignerTitle => {
                    ui.weak(state.t(
                        "hai dòng cách nhau bằng /, ví dụ KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC",
                        "two lines split by /, e.g. KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC",
                    ));
                }
                _ => {}
            }
            field_error(state, ui, &key);
        });
        ui.end_row();
    }
}

/// The province class, which sets the thresholds for divisions and deputies.
fn province_class_ui(state: &mut AppState, ui: &mut egui::Ui) {
    let mut options = vec![(None, state.t("(chưa chọn)", "(not set)").to_owned())];
    options.extend(ProvinceClass::ALL.into_iter().map(|class| {
        let text = class.label(state.language());
        (Some(class), text.to_owned())
    }));
    let label = state.t("Loại tỉnh", "Province class").to_owned();
    let current = state.document.plan().meta.province_class;
    let key = format!("{CELL_PREFIX}meta:province_class");
    // The label and the choice are one grid cell each, as the fields above.
    let picked = choice(ui, &label, &key, &current, &options, 200.0);
    if let Some(class) = picked {
        let mut meta = state.document.plan().meta.clone();
        meta.province_class = class;
        apply_choice(state, Edit::SetMeta(meta));
    }
}

fn meta_key(field: MetaField) -> String {
    let name = match field {
        MetaField::Name => "name",
        MetaField::Agency => "agency",
        MetaField::Year => "year",
        MetaField::JudgedAt => "judged_at",
        MetaField::ParentBody => "parent_body",
        MetaField::DocumentKind => "document_kind",
        MetaField::DocumentNumber => "document_number",
        MetaField::DocumentDate => "document_date",
        MetaField::Place => "place",
        MetaField::SignerTitle => "signer_title",
        MetaField::SignerName => "signer_name",
        MetaField::PreparerName => "preparer_name",
    };
    format!("{CELL_PREFIX}meta:{name}")
}

fn commit_meta(state: &mut AppState, key: &str, name: &str, field: MetaField, text: String) {
    let text = text.as_str();
    let mut meta: PlanMeta = state.document.plan().meta.clone();
    match field {
        MetaField::Name => meta.name = text.trim().to_owned(),
        MetaField::Agency => meta.agency = text.trim().to_owned(),
        MetaField::Year => match parse_year(text) {
            Ok(year) => meta.year = year,
            Err(error) => {
                let message = error.message(state.language());
                commit(state, key, name, text.to_owned(), Err(message));
                return;
            }
        },
        MetaField::ParentBody => meta.document.parent_body = text.trim().to_owned(),
        MetaField::DocumentKind => meta.document.kind = text.trim().to_owned(),
        MetaField::DocumentNumber => meta.document.number = text.trim().to_owned(),
        MetaField::Place => meta.document.place = text.trim().to_owned(),
        // "KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC": the signature block's two lines.
        MetaField::SignerTitle => {
            meta.document.signer_title = text
                .split(" / ")
                .map(str::trim)
                .collect::<Vec<_>>()
                .join("\n")
        }
        MetaField::SignerName => meta.document.signer_name = text.trim().to_owned(),
        MetaField::PreparerName => meta.document.preparer_name = text.trim().to_owned(),
        MetaField::JudgedAt | MetaField::DocumentDate => match parse_date(text) {
            Ok(date) if matches!(field, MetaField::JudgedAt) => meta.judged_at = date,
            Ok(date) => meta.document.date = date,
            Err(()) => {
                let message = format!(
                    "\"{}\" {}",
                    text.trim(),
                    state.t(
                        "không phải là ngày: nhập dd/mm/yyyy, ví dụ 01/07/2026",
                        "is not a date: write dd/mm/yyyy, e.g. 01/07/2026"
                    )
                );
                commit(state, key, name, text.to_owned(), Err(message));
                return;
            }
        },
    }
    if meta == state.document.plan().meta {
        state.cells.remove(key);
        return;
    }
    commit(state, key, name, text.to_owned(), Ok(Edit::SetMeta(meta)));
}

/// A date as dd/mm/yyyy or YYYY-MM-DD: empty for none (today).
fn parse_date(text: &str) -> Result<Option<CivilDate>, ()> {
    if text.trim().is_empty() {
        return Ok(None);
    }
    text.trim().parse::<CivilDate>().map(Some).map_err(|_| ())
}

/// A year: empty for none, else a whole number of 0 or more.
fn parse_year(text: &str) -> Result<Option<i32>, InputError> {
    if text.trim().is_empty() {
        return Ok(None);
    }
    let year = parse_count(text)?;
    i32::try_from(year)
        .map(Some)
        .map_err(|_| InputError::TooLarge(text.trim().to_owned()))
}

// ---------------------------------------------------------------------------------------------
// Rounding policy

fn rounding_label(language: Language, rounding: Rounding) -> String {
    rounding.label(language).to_owned()
}

fn rounding_ui(state: &mut AppState, ui: &mut egui::Ui) {
    ui.heading(state.t("Quy tắc làm tròn", "Rounding policy"));
    ui.label(state.t(
        "Số người cần có được tính đầy đủ rồi làm tròn một lần theo quy tắc này.",
        "Required people are computed in full precision, then rounded once by this policy.",
    ));
    let current = state.document.plan().rounding;
    let mut chosen = None;
    for rounding in Rounding::ALL {
        if ui
            .radio(
                current == rounding,
                rounding_label(state.language(), rounding),
            )
            .clicked()
            && current != rounding
        {
            chosen = Some(rounding);
        }
    }
    if let Some(rounding) = chosen {
        apply_choice(state, Edit::SetRounding(rounding));
    }
}

// ---------------------------------------------------------------------------------------------
// Calendars

/// The numeric columns of a calendar.
#[derive(Clone, Copy, PartialEq, Eq)]
enum CalendarField {
    DaysPerWeek,
    WeeksPerYear,
    PublicHolidays,
    AnnualLeave,
    SickLeave,
    OtherLeave,
    HoursPerDay,
    /// Optional: empty means the hours are computed from the days.
    FixedHours,
}

impl CalendarField {
    const ALL: [CalendarField; 8] = [
        CalendarField::DaysPerWeek,
        CalendarField::WeeksPerYear,
        CalendarField::PublicHolidays,
        CalendarField::AnnualLeave,
        CalendarField::SickLeave,
        CalendarField::OtherLeave,
        CalendarField::HoursPerDay,
        CalendarField::FixedHours,
    ];

    fn key(self) -> &'static str {
        match self {
            CalendarField::DaysPerWeek => "days_per_week",
            CalendarField::WeeksPerYear => "weeks_per_year",
            CalendarField::PublicHolidays => "public_holidays",
            CalendarField::AnnualLeave => "annual_leave",
            CalendarField::SickLeave => "sick_leave",
            CalendarField::OtherLeave => "other_leave",
            CalendarField::HoursPerDay => "hours_per_day",
            CalendarField::FixedHours => "available_hours",
        }
    }

    fn header(self, state: &AppState) -> &'static str {
        match self {
            CalendarField::DaysPerWeek => state.t("Ngày/tuần", "Days/week"),
            CalendarField::WeeksPerYear => state.t("Tuần/năm", "Weeks/year"),
            CalendarField::PublicHolidays => state.t("Ngày lễ, Tết", "Public holidays"),
            CalendarField::AnnualLeave => state.t("Nghỉ phép năm", "Annual leave"),
            CalendarField::SickLeave => state.t("Nghỉ ốm", "Sick leave"),
            CalendarField::OtherLeave => state.t("Nghỉ khác", "Other leave"),
            CalendarField::HoursPerDay => state.t("Giờ/ngày", "Hours/day"),
            CalendarField::FixedHours => state.t("Giờ cố định", "Fixed hours"),
        }
    }

    fn get(self, calendar: &Calendar) -> Option<f64> {
        match self {
            CalendarField::DaysPerWeek => Some(calendar.days_per_week),
            CalendarField::WeeksPerYear => Some(calendar.weeks_per_year),
            CalendarField::PublicHolidays => Some(calendar.public_holidays),
            CalendarField::AnnualLeave => Some(calendar.annual_leave),
            CalendarField::SickLeave => Some(calendar.sick_leave),
            CalendarField::OtherLeave => Some(calendar.other_leave),
            CalendarField::HoursPerDay => Some(calendar.hours_per_day),
            CalendarField::FixedHours => calendar.available_hours,
        }
    }

    /// Parses typed text for this field: an amount of 0 or more (empty allowed for the fixed
    /// hours, meaning none).
    fn parse(self, text: &str) -> Result<Option<f64>, InputError> {
        if self == CalendarField::FixedHours && text.trim().is_empty() {
            return Ok(None);
        }
        parse_amount(text).map(Some)
    }

    fn set(self, calendar: &mut Calendar, value: Option<f64>) {
        let amount = value.unwrap_or_default();
        match self {
            CalendarField::DaysPerWeek => calendar.days_per_week = amount,
            CalendarField::WeeksPerYear => calendar.weeks_per_year = amount,
            CalendarField::PublicHolidays => calendar.public_holidays = amount,
            CalendarField::AnnualLeave => calendar.annual_leave = amount,
            CalendarField::SickLeave => calendar.sick_leave = amount,
            CalendarField::OtherLeave => calendar.other_leave = amount,
            CalendarField::HoursPerDay => calendar.hours_per_day = amount,
            CalendarField::FixedHours => calendar.available_hours = value,
        }
    }
}

/// What a calendar cell edits: a text field or a numeric one.
#[derive(Clone, Copy, PartialEq, Eq)]
enum CalendarCell {
    Id,
    Name,
    Number(CalendarField),
}

impl CalendarCell {
    fn key(self, index: usize) -> String {
        let field = match self {
            CalendarCell::Id => "id",
            CalendarCell::Name => "name",
            CalendarCell::Number(field) => field.key(),
        };
        format!("{CALENDAR_PREFIX}{index}:{field}")
    }
}

fn calendars_ui(state: &mut AppState, ui: &mut egui::Ui) {
    ui.heading(state.t("Lịch làm việc", "Working calendars"));
    ui.label(state.t(
        "Thời gian làm việc thực tế một năm của một người. Vị trí không chọn lịch dùng lịch đầu tiên.",
        "Time one person can actually work in a year. Positions without a calendar use the first.",
    ));
    let calendars = state.document.plan().calendars.clone();
    if calendars.is_empty() {
        let default = Calendar::vietnamese_default();
        ui.label(format!(
            "{} ({} {}, {} {}).",
            state.t(
                "Đề án chưa có lịch làm việc riêng: áp dụng lịch mặc định của Việt Nam",
                "The plan has no calendar of its own: the Vietnamese default applies",
            ),
            state.number(default.available_days(), 2),
            state.t("ngày", "days"),
            state.number(default.available_hours(), 2),
            state.t("giờ một năm", "hours a year"),
        ));
    } else {
        calendar_table_ui(state, ui, &calendars);
    }
    ui.add_space(4.0);
    if ui
        .button(state.t("Thêm lịch làm việc", "Add calendar"))
        .clicked()
    {
        let mut next = calendars.clone();
        next.push(Calendar {
            id: free_calendar_id(&calendars),
            ..Calendar::vietnamese_default()
        });
        change_calendar_list(state, next);
    }
}

fn calendar_table_ui(state: &mut AppState, ui: &mut egui::Ui, calendars: &[Calendar]) {
    let mut deleted = None;
    egui::ScrollArea::horizontal()
        .id_salt("settings_calendars_scroll")
        .show(ui, |ui| {
            egui::Grid::new("settings_calendars")
                .striped(true)
                .show(ui, |ui| {
                    ui.label("");
                    let id_header = ui.strong(state.t("Mã", "Id")).id;
                    let name_header = ui.strong(state.t("Tên lịch", "Name")).id;
                    // What the calendar gives comes first, so it stays in view in a narrow
                    // window; the inputs follow.
                    ui.strong(state.t("Ngày làm việc", "Working days"));
                    ui.strong(state.t("Giờ làm việc", "Working hours"));
                    let number_headers: Vec<(CalendarField, egui::Id)> = CalendarField::ALL
                        .into_iter()
                        .map(|field| (field, ui.strong(field.header(state)).id))
                        .collect();
                    ui.end_row();
                    let decimal_mark = decimal_mark(state.language());
                    for (index, calendar) in calendars.iter().enumerate() {
                        // First, so that it is in view however wide the table.
                        if ui.button(state.t("Xóa", "Delete")).clicked() {
                            deleted = Some(index);
                        }
                        let texts = [
                            (CalendarCell::Id, id_header, calendar.id.clone(), 90.0),
                            (
                                CalendarCell::Name,
                                name_header,
                                calendar.name.clone(),
                                200.0,
                            ),
                        ];
                        for (cell, header, shown, width) in texts {
                            let key = cell.key(index);
                            if let Some(text) = cell_ui(state, ui, &key, &shown, width, header) {
                                commit_calendar(state, &key, index, cell, text);
                            }
                        }
                        ui.label(state.number(calendar.available_days(), 2));
                        ui.label(state.number(calendar.available_hours(), 2));
                        for (field, header) in &number_headers {
                            let shown = field
                                .get(calendar)
                                .map(|v| input_text(v, decimal_mark))
                                .unwrap_or_default();
                            let cell = CalendarCell::Number(*field);
                            let key = cell.key(index);
                            if let Some(text) =
                                cell_ui(state, ui, &key, &shown, NUMBER_WIDTH, *header)
                            {
                                commit_calendar(state, &key, index, cell, text);
                            }
                        }
                        ui.end_row();
                    }
                });
        });
    // Reasons are listed under the table, each naming its cell, so the columns stay narrow.
    for (index, calendar) in calendars.iter().enumerate() {
        let cells = [CalendarCell::Id, CalendarCell::Name]
            .into_iter()
            .chain(CalendarField::ALL.map(CalendarCell::Number));
        for cell in cells {
            let key = cell.key(index);
            if let Some(error) = state.cells.get(&key).and_then(|c| c.error.clone()) {
                let header = match cell {
                    CalendarCell::Id => state.t("Mã", "Id"),
                    CalendarCell::Name => state.t("Tên lịch", "Name"),
                    CalendarCell::Number(field) => field.header(state),
                };
                ui.colored_label(
                    ui.visuals().error_fg_color,
                    format!("{} ({}): {error}", header, calendar.id),
                );
            }
        }
    }
    if let Some(index) = deleted {
        let mut next = calendars.to_vec();
        next.remove(index);
        change_calendar_list(state, next);
    }
}

fn commit_calendar(
    state: &mut AppState,
    key: &str,
    index: usize,
    cell: CalendarCell,
    text: String,
) {
    let mut calendars = state.document.plan().calendars.clone();
    let Some(calendar) = calendars.get_mut(index) else {
        state.cells.remove(key);
        return;
    };
    let header = match cell {
        CalendarCell::Id => state.t("Mã", "Id"),
        CalendarCell::Name => state.t("Tên lịch", "Name"),
        CalendarCell::Number(field) => field.header(state),
    };
    let name = format!("{header} ({})", calendar.id);
    match cell {
        CalendarCell::Id => calendar.id = text.trim().to_owned(),
        CalendarCell::Name => calendar.name = text.trim().to_owned(),
        CalendarCell::Number(field) => match field.parse(&text) {
            Ok(value) => field.set(calendar, value),
            Err(error) => {
                let message = error.message(state.language());
                commit(state, key, &name, text, Err(message));
                return;
            }
        },
    }
    if calendars == state.document.plan().calendars {
        state.cells.remove(key);
        return;
    }
    commit(state, key, &name, text, Ok(Edit::SetCalendars(calendars)));
}

/// Adds or deletes a calendar; typed text of the rows would no longer match its row.
fn change_calendar_list(state: &mut AppState, calendars: Vec<Calendar>) {
    if apply_choice(state, Edit::SetCalendars(calendars)).is_some() {
        state
            .cells
            .retain(|key, _| !key.starts_with(CALENDAR_PREFIX));
    }
}

/// `mac-dinh` if free, else `lich-2`, `lich-3`...
fn free_calendar_id(calendars: &[Calendar]) -> String {
    let taken = |id: &str| calendars.iter().any(|c| c.id == id);
    if !taken(Calendar::DEFAULT_ID) {
        return Calendar::DEFAULT_ID.to_owned();
    }
    (2..)
        .map(|n| format!("lich-{n}"))
        .find(|id| !taken(id))
        .unwrap_or_else(|| "lich".to_owned())
}

fn decimal_mark(language: Language) -> char {
    match language {
        Language::Vietnamese => ',',
        Language::English => '.',
    }
}

// ---------------------------------------------------------------------------------------------
// Cells

/// A shared typed field named by the header or label `label`; returns the text to apply.
fn cell_ui(
    state: &mut AppState,
    ui: &mut egui::Ui,
    key: &str,
    shown: &str,
    width: f32,
    label: egui::Id,
) -> Option<String> {
    let (response, committed) = text_field(state, ui, key, shown, width);
    response.labelled_by(label);
    committed
}
