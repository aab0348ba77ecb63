//! The Compare tab (So sánh): the open plan against another version of it (units and
//! positions added, removed or changed, with required, proposed and current headcount A -> B,
//! and per position, on demand, the workload changes behind the difference), and a benchmark of
//! the open plan with other agencies' plans on shared task codes.
//!
//! Figures come from [`crate::compare`] through [`crate::app::comparison`]; this file only lays
//! them out.

use eframe::egui::{self, Color32, RichText};

use super::figures::headed_grid;
use crate::app::comparison::{self, PathFor};
use crate::app::state::AppState;
use crate::compare::{
    AgencyValue, Benchmark, CodeBenchmark, ComponentChange, ComponentSide, Headcount, InputValue,
    MatchedBy, Outlier, PositionComparison, Status, VersionComparison, old_new,
};

pub fn compare_tab_ui(state: &mut AppState, ui: &mut egui::Ui) {
    egui::ScrollArea::both()
        .id_salt("compare")
        .auto_shrink(false)
        .show(ui, |ui| {
            versions_ui(state, ui);
            ui.add_space(12.0);
            ui.separator();
            benchmark_ui(state, ui);
        });
}

/// A signed change with an ASCII minus: "+2", "-1,5", "0".
fn signed(state: &AppState, value: f64, decimals: usize) -> String {
    let text = state.number(value.abs(), decimals);
    if text == "0" {
        text
    } else if value > 0.0 {
        format!("+{text}")
    } else {
        format!("-{text}")
    }
}

fn status_text(state: &AppState, status: Status) -> String {
    state.t(status.label_vi(), status.label_en()).to_owned()
}

fn status_colour(ui: &egui::Ui, status: Status) -> Color32 {
    let visuals = ui.visuals();
    match status {
        Status::Added => {
            if visuals.dark_mode {
                Color32::from_rgb(120, 210, 130)
            } else {
                Color32::from_rgb(20, 130, 50)
            }
        }
        Status::Removed => visuals.error_fg_color,
        Status::Changed => visuals.warn_fg_color,
        Status::Unchanged => visuals.weak_text_color(),
    }
}

/// Required, proposed and current, each "A -> B".
fn figures_text(state: &AppState, old: Option<&Headcount>, new: Option<&Headcount>) -> [String; 3] {
    [
        old_new(
            old.map(|h| h.required.to_string()),
            new.map(|h| h.required.to_string()),
        ),
        old_new(
            old.map(|h| h.proposed.to_string()),
            new.map(|h| h.proposed.to_string()),
        ),
        old_new(
            old.map(|h| state.number(h.current, 2)),
            new.map(|h| state.number(h.current, 2)),
        ),
    ]
}

fn typed_path_ui(state: &mut AppState, ui: &mut egui::Ui, purpose: PathFor) {
    let Some((typed_for, mut text)) = state.compare.typed.clone() else {
        return;
    };
    if typed_for != purpose {
        return;
    }
    let mut chosen = None;
    ui.horizontal(|ui| {
        ui.label(state.t(
            "Không mở được hộp chọn tệp; gõ đường dẫn tệp kế hoạch:",
            "No file dialog available; type the plan file's path:",
        ));
        let edit = ui.add(egui::TextEdit::singleline(&mut text).desired_width(360.0));
        let entered = edit.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
        if ui.button(state.t("Mở", "Open")).clicked() || entered {
            chosen = Some(Some(text.trim().to_owned()));
        }
        if ui.button(state.t("Hủy", "Cancel")).clicked() {
            chosen = Some(None);
        }
    });
    match chosen {
        Some(Some(path)) if !path.is_empty() => {
            comparison::use_path(state, purpose, std::path::Path::new(&path));
        }
        Some(_) => state.compare.typed = None,
        None => state.compare.typed = Some((purpose, text)),
    }
}

fn versions_ui(state: &mut AppState, ui: &mut egui::Ui) {
    ui.heading(state.t("So sánh hai phiên bản", "Two versions of the plan"));
    ui.horizontal_wrapped(|ui| {
        if ui
            .button(state.t(
                "Chọn kế hoạch để so sánh...",
                "Choose a plan to compare with...",
            ))
            .clicked()
        {
            comparison::choose(state, PathFor::Version);
        }
        let newer = state.compare.other_is_newer;
        if ui
            .radio(
                !newer,
                state.t(
                    "Tệp đã chọn là bản cũ (A)",
                    "The chosen file is the older version (A)",
                ),
            )
            .clicked()
        {
            state.compare.set_other_is_newer(false);
        }
        if ui
            .radio(
                newer,
                state.t(
                    "Tệp đã chọn là bản mới (B)",
                    "The chosen file is the newer version (B)",
                ),
            )
            .clicked()
        {
            state.compare.set_other_is_newer(true);
        }
    });
    typed_path_ui(state, ui, PathFor::Version);
    if let Some(error) = &state.compare.error {
        ui.colored_label(ui.visuals().error_fg_color, error);
    }
    let Some(result) = comparison::comparison(state) else {
        ui.label(state.t(
            "Chọn một tệp kế hoạch (.ron) để so sánh với kế hoạch đang mở.",
            "Choose a plan file (.ron) to compare with the open plan.",
        ));
        return;
    };
    match result {
        Err(error) => {
            ui.colored_label(ui.visuals().error_fg_color, error);
        }
        Ok(c) => comparison_ui(state, ui, &c),
    }
}

fn comparison_ui(state: &mut AppState, ui: &mut egui::Ui, c: &VersionComparison) {
    let open = state.t("kế hoạch đang mở", "the open plan").to_owned();
    let file = state
        .compare
        .other
        .as_ref()
        .map(|o| o.file_name())
        .unwrap_or_default();
    let (a_source, b_source) = if state.compare.other_is_newer {
        (open, file)
    } else {
        (file, open)
    };
    ui.label(format!(
        "A ({}): {} [{a_source}]",
        state.t("cũ", "older"),
        c.old_plan.name
    ));
    ui.label(format!(
        "B ({}): {} [{b_source}]",
        state.t("mới", "newer"),
        c.new_plan.name
    ));
    let counts = |counts: &crate::compare::StatusCounts| {
        format!(
            "{} {}, {} {}, {} {}, {} {}",
            counts.added,
            state.t("thêm mới", "added"),
            counts.removed,
            state.t("bị bỏ", "removed"),
            counts.changed,
            state.t("thay đổi", "changed"),
            counts.unchanged,
            state.t("không đổi", "unchanged"),
        )
    };
    ui.label(format!(
        "{}: {}. {}: {}.",
        state.t("Đơn vị", "Units"),
        counts(&c.summary.units),
        state.t("Vị trí việc làm", "Positions"),
        counts(&c.summary.positions)
    ));
    let t = &c.total;
    ui.strong(format!(
        "{}: {} {} ({}) · {} {} ({}) · {} {} ({})",
        state.t("Tổng cộng", "Total"),
        state.t("cần", "required"),
        old_new(
            Some(t.old.required.to_string()),
            Some(t.new.required.to_string())
        ),
        signed(state, t.change.required as f64, 0),
        state.t("đề xuất", "proposed"),
        old_new(
            Some(t.old.proposed.to_string()),
            Some(t.new.proposed.to_string())
        ),
        signed(state, t.change.proposed as f64, 0),
        state.t("hiện có", "current"),
        old_new(
            Some(state.number(t.old.current, 2)),
            Some(state.number(t.new.current, 2))
        ),
        signed(state, t.change.current, 2),
    ));
    let mut show_unchanged = state.compare.show_unchanged;
    ui.checkbox(
        &mut show_unchanged,
        state.t("Hiện cả mục không đổi", "Show unchanged items too"),
    );
    state.compare.show_unchanged = show_unchanged;

    ui.add_space(8.0);
    units_ui(state, ui, c);
    ui.add_space(8.0);
    positions_ui(state, ui, c);
}

fn matched_text(state: &AppState, by: Option<MatchedBy>, old_id: Option<&str>) -> String {
    match (by, old_id) {
        (Some(MatchedBy::Name), Some(id)) => format!(
            "{} ({} {id})",
            state.t("ghép theo tên", "paired by name"),
            state.t("mã cũ", "old id")
        ),
        (Some(MatchedBy::Code), _) => state
            .t("ghép theo mã nhiệm vụ", "paired by task code")
            .to_owned(),
        _ => String::new(),
    }
}

fn units_ui(state: &AppState, ui: &mut egui::Ui, c: &VersionComparison) {
    ui.heading(state.t(
        "Đơn vị (gồm cả đơn vị trực thuộc)",
        "Units (with their sub-units)",
    ));
    let rows: Vec<_> = c
        .units
        .iter()
        .filter(|u| state.compare.show_unchanged || u.status != Status::Unchanged)
        .collect();
    if rows.is_empty() {
        ui.label(state.t("Không có đơn vị nào thay đổi.", "No unit changed."));
        return;
    }
    headed_grid(
        ui,
        "compare_units",
        &[
            state.t("Trạng thái", "Status"),
            state.t("Đơn vị", "Unit"),
            state.t("Ghép", "Paired"),
            state.t("Cần (A -> B)", "Required (A -> B)"),
            state.t("Đề xuất (A -> B)", "Proposed (A -> B)"),
            state.t("Hiện có (A -> B)", "Current (A -> B)"),
            state.t("Thay đổi khác", "Other changes"),
        ],
        |ui| {
            for u in rows {
                ui.colored_label(status_colour(ui, u.status), status_text(state, u.status));
                ui.label(u.name());
                ui.label(matched_text(
                    state,
                    u.matched_by,
                    u.old.as_ref().map(|o| o.id.as_str()),
                ));
                for text in figures_text(
                    state,
                    u.old.as_ref().map(|s| &s.figures),
                    u.new.as_ref().map(|s| &s.figures),
                ) {
                    ui.label(text);
                }
                let fields: Vec<String> = u
                    .fields
                    .iter()
                    .map(|f| state.t(f.field.label_vi(), f.field.label_en()).to_owned())
                    .collect();
                ui.label(fields.join(", "));
                ui.end_row();
            }
        },
    );
}

fn positions_ui(state: &mut AppState, ui: &mut egui::Ui, c: &VersionComparison) {
    ui.heading(state.t("Vị trí việc làm", "Positions"));
    let show_unchanged = state.compare.show_unchanged;
    let mut any = false;
    for p in c
        .positions
        .iter()
        .filter(|p| show_unchanged || p.status != Status::Unchanged)
    {
        any = true;
        position_ui(state, ui, p);
    }
    if !any {
        ui.label(state.t("Không có vị trí nào thay đổi.", "No position changed."));
    }
}

/// One position: a header with its figures A -> B, opening on its details.
fn position_ui(state: &mut AppState, ui: &mut egui::Ui, p: &PositionComparison) {
    let [required, proposed, current] = figures_text(
        state,
        p.old.as_ref().map(|s| &s.figures),
        p.new.as_ref().map(|s| &s.figures),
    );
    let header = format!(
        "{} [{}]: {} {required} · {} {proposed} · {} {current}",
        p.name(),
        status_text(state, p.status),
        state.t("cần", "required"),
        state.t("đề xuất", "proposed"),
        state.t("hiện có", "current"),
    );
    let key = p.id().to_owned();
    let open = state.compare.expanded.contains(&key);
    let response =
        egui::CollapsingHeader::new(RichText::new(header).color(status_colour(ui, p.status)))
            .id_salt(("compare_position", &key))
            .open(Some(open))
            .show(ui, |ui| position_details_ui(state, ui, p));
    if response.header_response.clicked() {
        if open {
            state.compare.expanded.remove(&key);
        } else {
            state.compare.expanded.insert(key);
        }
    }
}

fn position_details_ui(state: &AppState, ui: &mut egui::Ui, p: &PositionComparison) {
    let unit = p.unit_id();
    ui.label(format!(
        "{}: {} · {}: {unit} · {} {}",
        state.t("Mã", "Id"),
        p.id(),
        state.t("Đơn vị", "Unit"),
        state.t("cần (FTE)", "required (FTE)"),
        old_new(
            p.old
                .as_ref()
                .map(|o| state.number(o.figures.required_fte, 2)),
            p.new
                .as_ref()
                .map(|n| state.number(n.figures.required_fte, 2)),
        )
    ));
    let matched = matched_text(state, p.matched_by, p.old.as_ref().map(|o| o.id.as_str()));
    if !matched.is_empty() {
        ui.label(matched);
    }
    for f in &p.fields {
        let value = |v: Option<&str>| match state.language() {
            crate::language::Language::Vietnamese => f.value_vi(v),
            crate::language::Language::English => v.unwrap_or("-").to_owned(),
        };
        ui.label(format!(
            "{}: {} -> {}",
            state.t(f.field.label_vi(), f.field.label_en()),
            value(f.old.as_deref()),
            value(f.new.as_deref())
        ));
    }
    if let Some(h) = &p.hours {
        ui.label(format!(
            "{}: {} {}; {} {}; {} {}",
            state.t("Thời gian làm việc", "Working time"),
            state.t("lịch", "calendar"),
            old_new(Some(h.old_calendar.clone()), Some(h.new_calendar.clone())),
            old_new(
                Some(state.number(h.old_available_days, 2)),
                Some(state.number(h.new_available_days, 2))
            ),
            state.t("ngày", "days"),
            old_new(
                Some(state.number(h.old_available_hours, 2)),
                Some(state.number(h.new_available_hours, 2))
            ),
            state.t("giờ/năm", "hours a year"),
        ));
    }
    if p.workload.is_empty() {
        if p.fields.is_empty() && p.hours.is_none() && p.status == Status::Changed {
            ui.label(state.t(
                "Khối lượng công việc không đổi; chỉ số người hiện có thay đổi.",
                "The workload is the same; only the current staff changed.",
            ));
        }
        return;
    }
    headed_grid(
        ui,
        ("compare_workload", p.id()),
        &[
            state.t("Công việc", "Component"),
            state.t("Trạng thái", "Status"),
            state.t("Thay đổi", "What changed"),
            "FTE A",
            "FTE B",
            state.t("+/- FTE", "+/- FTE"),
        ],
        |ui| {
            for change in &p.workload {
                component_row_ui(state, ui, change);
                ui.end_row();
            }
        },
    );
}

fn input_text(state: &AppState, value: Option<InputValue>) -> Option<String> {
    let number = |n: f64| state.number(n, 2);
    value.map(|v| match state.language() {
        crate::language::Language::Vietnamese => v.text_vi(number),
        crate::language::Language::English => v.text_en(number),
    })
}

fn component_row_ui(state: &AppState, ui: &mut egui::Ui, change: &ComponentChange) {
    ui.label(change.name());
    let mut status = status_text(state, change.status);
    let matched = matched_text(
        state,
        change.matched_by,
        change.old.as_ref().map(|o| o.id.as_str()),
    );
    if !matched.is_empty() {
        status = format!("{status}, {matched}");
    }
    ui.colored_label(status_colour(ui, change.status), status);
    let inputs: Vec<String> = change
        .changed_inputs()
        .into_iter()
        .map(|(input, old, new)| {
            let label = state.t(input.label_vi(), input.label_en());
            let value = match change.status {
                Status::Added => input_text(state, new).unwrap_or_default(),
                Status::Removed => input_text(state, old).unwrap_or_default(),
                _ => old_new(input_text(state, old), input_text(state, new)),
            };
            format!("{label} {value}")
        })
        .collect();
    ui.label(inputs.join(", "));
    let fte = |side: Option<&ComponentSide>| {
        side.and_then(|c| c.fte)
            .map(|f| state.number(f, 4))
            .unwrap_or_else(|| "-".to_owned())
    };
    ui.label(fte(change.old.as_ref()));
    ui.label(fte(change.new.as_ref()));
    ui.label(
        change
            .fte_change
            .map(|d| signed(state, d, 4))
            .unwrap_or_else(|| "-".to_owned()),
    );
}

fn benchmark_ui(state: &mut AppState, ui: &mut egui::Ui) {
    ui.heading(state.t(
        "So sánh với các cơ quan khác",
        "Benchmark against other agencies",
    ));
    ui.label(benchmark_explanation(state));
    ui.horizontal_wrapped(|ui| {
        if ui
            .button(state.t(
                "Thêm kế hoạch của cơ quan khác...",
                "Add another agency's plan...",
            ))
            .clicked()
        {
            comparison::choose(state, PathFor::Benchmark);
        }
        if ui
            .add_enabled(
                !state.compare.agencies.is_empty(),
                egui::Button::new(state.t("Bỏ tất cả", "Remove all")),
            )
            .clicked()
        {
            state.compare.clear_agencies();
        }
        let mut only = state.compare.only_outliers;
        ui.checkbox(
            &mut only,
            state.t("Chỉ hiện giá trị bất thường", "Only flagged values"),
        );
        state.compare.only_outliers = only;
    });
    typed_path_ui(state, ui, PathFor::Benchmark);
    ui.label(format!(
        "1. {} ({})",
        comparison::agency_label(state.document.plan()),
        state.t("kế hoạch đang mở", "the open plan")
    ));
    let mut remove = None;
    for (index, agency) in state.compare.agencies.iter().enumerate() {
        ui.horizontal(|ui| {
            ui.label(format!(
                "{}. {} ({})",
                index + 2,
                comparison::agency_label(&agency.plan),
                agency.file_name()
            ));
            if ui.small_button(state.t("Bỏ", "Remove")).clicked() {
                remove = Some(index);
            }
        });
    }
    if let Some(index) = remove {
        state.compare.remove_agency(index);
    }
    match comparison::benchmark(state) {
        None => {
            ui.label(state.t(
                "Thêm ít nhất một kế hoạch khác để so sánh.",
                "Add at least one other plan to compare.",
            ));
        }
        Some(Err(error)) => {
            ui.colored_label(ui.visuals().error_fg_color, error);
        }
        Some(Ok(benchmark)) => benchmark_table_ui(state, ui, &benchmark),
    }
}

fn flag_text(state: &AppState, outlier: Option<Outlier>, judged: bool) -> String {
    match outlier {
        Some(o) => state.t(o.label_vi(), o.label_en()).to_owned(),
        None if judged => String::new(),
        None => state.t("chưa so được", "not judged").to_owned(),
    }
}

/// What stands out in one agency's value of a code: "phút cao, người thấp", "chưa so được"
/// for a code only one agency uses, empty otherwise.
pub(super) fn value_flag(state: &AppState, code: &CodeBenchmark, v: &AgencyValue) -> String {
    let minutes = flag_text(state, v.minutes_outlier, code.judged);
    let staff = flag_text(state, v.staff_outlier, code.judged);
    if !code.judged {
        return minutes;
    }
    [
        (!minutes.is_empty()).then(|| format!("{} {minutes}", state.t("phút", "minutes"))),
        (!staff.is_empty()).then(|| format!("{} {staff}", state.t("người", "staff"))),
    ]
    .into_iter()
    .flatten()
    .collect::<Vec<_>>()
    .join(", ")
}

/// Names of work can be long: the table shows their start, the full name on hover.
fn short(name: &str) -> String {
    const SHOWN: usize = 48;
    if name.chars().count() <= SHOWN {
        name.to_owned()
    } else {
        let start: String = name.chars().take(SHOWN - 3).collect();
        format!("{}...", start.trim_end())
    }
}

fn benchmark_table_ui(state: &AppState, ui: &mut egui::Ui, b: &Benchmark) {
    if b.codes.is_empty() {
        ui.label(state.t(
            "Không có công việc chính nào mang mã nhiệm vụ.",
            "No service work carries a task code.",
        ));
        return;
    }
    ui.label(format!(
        "{}: {}",
        state.t("Giá trị bất thường", "Flagged values"),
        b.outlier_count()
    ));
    let only = state.compare.only_outliers;
    headed_grid(ui, "compare_benchmark", &benchmark_headers(state), |ui| {
        for code in &b.codes {
            let values: Vec<_> = code
                .values
                .iter()
                .filter(|v| !only || v.minutes_outlier.is_some() || v.staff_outlier.is_some())
                .collect();
            for (row, v) in values.into_iter().enumerate() {
                if row == 0 {
                    ui.label(&code.code);
                    ui.label(short(&code.name)).on_hover_text(&code.name);
                } else {
                    ui.label("");
                    ui.label("");
                }
                ui.label(&v.agency);
                let flag = value_flag(state, code, v);
                let colour = if v.minutes_outlier.is_some() || v.staff_outlier.is_some() {
                    ui.visuals().warn_fg_color
                } else {
                    ui.visuals().text_color()
                };
                ui.colored_label(colour, flag);
                ui.label(state.number(v.minutes_per_item, 2));
                ui.label(state.number(code.minutes_per_item.median, 2));
                ui.label(
                    v.staff_per_1000
                        .map(|s| state.number(s, 4))
                        .unwrap_or_else(|| "-".to_owned()),
                );
                ui.label(
                    code.staff_per_1000
                        .map(|s| state.number(s.median, 4))
                        .unwrap_or_else(|| "-".to_owned()),
                );
                ui.end_row();
            }
        }
    });
}

/// The columns of a benchmark on task codes, here and in the portfolio's.
pub fn benchmark_headers(state: &AppState) -> [&'static str; 8] {
    [
        state.t("Mã nhiệm vụ", "Task code"),
        state.t("Công việc", "Work"),
        state.t("Cơ quan", "Agency"),
        state.t("Đánh giá", "Flag"),
        state.t("Phút/việc", "Minutes/item"),
        state.t("Trung vị", "Median"),
        state.t("Người/1.000 việc", "Staff/1,000 items"),
        state.t("Trung vị", "Median"),
    ]
}

/// What a benchmark on task codes compares and when a value is flagged.
pub fn benchmark_explanation(state: &AppState) -> &'static str {
    state.t(
        "Công việc chính có cùng mã nhiệm vụ: số phút mỗi việc và số người cho 1.000 việc của \
         từng cơ quan. Cao: hơn 1,5 lần trung vị; thấp: dưới 2/3 trung vị.",
        "Service work sharing a task code: each agency's minutes per item and staff per 1,000 \
         items. High: more than 1.5 times the median; low: under two thirds of it.",
    )
}
