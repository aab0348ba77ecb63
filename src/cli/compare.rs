//! `vtvl compare`: two versions of a plan (A older, B newer), or with `--benchmark` several
//! agencies' plans side by side on the task codes of their service components.

use std::path::Path;

use clap::ValueEnum;

use super::PlanPath;
use super::plan_input;
use super::text_table::{Align, TextTable};
use crate::compare::{
    self, Benchmark, BenchmarkPlan, CodeBenchmark, ComponentChange, Headcount, Outlier,
    PositionComparison, Status, StatusCounts, UnitComparison, VersionComparison, old_new,
};
use crate::format::vi_number;
use crate::language::InLanguage as _;
use crate::language::Language;
use crate::model::Plan;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The older plan (A).
    #[arg(required_unless_present = "benchmark", conflicts_with = "benchmark")]
    pub old: Option<PlanPath>,
    /// The newer plan (B).
    #[arg(required_unless_present = "benchmark")]
    pub new: Option<PlanPath>,
    /// Several agencies' plans (at least two) to set side by side on shared task codes.
    #[arg(long, num_args = 2.., value_name = "PLANS")]
    pub benchmark: Vec<PlanPath>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Table)]
    pub format: Format,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Aligned tables with Vietnamese headers and number formatting.
    Table,
    /// The comparison as JSON, numbers unrounded.
    Json,
}

pub fn run(args: &Args, language: Language) -> anyhow::Result<()> {
    let text = match (&args.old, &args.new) {
        (Some(old), Some(new)) if args.benchmark.is_empty() => {
            versions(old, new, args.format, language)?
        }
        _ => benchmark(&args.benchmark, args.format, language)?,
    };
    super::standard_output::print(&text, language)
}

fn json(value: &impl serde::Serialize) -> anyhow::Result<String> {
    let mut text = serde_json::to_string_pretty(value)?;
    text.push('\n');
    Ok(text)
}

fn versions(
    old_path: &Path,
    new_path: &Path,
    format: Format,
    language: Language,
) -> anyhow::Result<String> {
    let old = plan_input::load_valid(old_path, language)?;
    let new = plan_input::load_valid(new_path, language)?;
    let comparison = compare::compare_versions(&old, &new).in_language(language)?;
    match format {
        Format::Json => json(&comparison),
        Format::Table => Ok(versions_table(&comparison, old_path, new_path, language)),
    }
}

/// A change with its sign: "+2", "−1,5", "0".
fn signed(value: f64, decimals: usize) -> String {
    let text = vi_number(value, decimals);
    if value > 0.0 && text != "0" {
        format!("+{text}")
    } else {
        text
    }
}

fn figure(side: Option<&Headcount>, pick: impl Fn(&Headcount) -> String) -> Option<String> {
    side.map(pick)
}

/// The three figure columns (required, proposed, current), each "old -> new".
fn figure_cells(
    old: Option<&Headcount>,
    new: Option<&Headcount>,
    change: &Headcount,
) -> Vec<String> {
    vec![
        old_new(
            figure(old, |h| h.required.to_string()),
            figure(new, |h| h.required.to_string()),
        ),
        old_new(
            figure(old, |h| h.proposed.to_string()),
            figure(new, |h| h.proposed.to_string()),
        ),
        signed(change.proposed as f64, 0),
        old_new(
            figure(old, |h| vi_number(h.current, 2)),
            figure(new, |h| vi_number(h.current, 2)),
        ),
    ]
}

fn counts_text(counts: &StatusCounts, language: Language) -> String {
    let (added, removed, changed, unchanged) = (
        counts.added,
        counts.removed,
        counts.changed,
        counts.unchanged,
    );
    match language {
        Language::Vietnamese => {
            format!("{added} thêm mới, {removed} bị bỏ, {changed} thay đổi, {unchanged} không đổi")
        }
        Language::English => {
            format!("{added} added, {removed} removed, {changed} changed, {unchanged} unchanged")
        }
    }
}

fn matched_text(
    status: Status,
    by: Option<compare::MatchedBy>,
    old_id: Option<&str>,
    language: Language,
) -> String {
    // Pairing by id is the rule; only the exception is worth a word.
    match (status, by, old_id) {
        (Status::Added | Status::Removed, _, _) | (_, Some(compare::MatchedBy::Id) | None, _) => {
            String::new()
        }
        (_, Some(compare::MatchedBy::Name), Some(id)) => match language {
            Language::Vietnamese => format!("theo tên (mã cũ {id})"),
            Language::English => format!("by name (old id {id})"),
        },
        (_, Some(by), _) => by.label(language).to_owned(),
    }
}

fn versions_table(
    c: &VersionComparison,
    old_path: &Path,
    new_path: &Path,
    language: Language,
) -> String {
    let t = |vi, en| language.t(vi, en);
    let mut out = format!(
        "{}\n",
        t(
            "SO SÁNH HAI PHIÊN BẢN ĐỀ ÁN",
            "TWO VERSIONS OF A PLAN COMPARED"
        )
    );
    out.push_str(&format!(
        "A ({}):  {} [{}]\nB ({}): {} [{}]\n",
        t("cũ", "older"),
        c.old_plan.name,
        old_path.display(),
        t("mới", "newer"),
        c.new_plan.name,
        new_path.display()
    ));
    out.push_str(&format!(
        "{}: {}\n{}: {}\n\n",
        t("Đơn vị", "Units"),
        counts_text(&c.summary.units, language),
        t("Vị trí việc làm", "Positions"),
        counts_text(&c.summary.positions, language)
    ));

    out.push_str(t(
        "ĐƠN VỊ (gồm cả đơn vị trực thuộc; cột: A -> B)\n",
        "UNITS (with their subunits; columns: A -> B)\n",
    ));
    let unit_rows: Vec<&UnitComparison> = c
        .units
        .iter()
        .filter(|u| u.status != Status::Unchanged)
        .collect();
    if unit_rows.is_empty() {
        out.push_str(t(
            "Không có đơn vị nào thay đổi.\n",
            "No unit has changed.\n",
        ));
    } else {
        let mut table = TextTable::new(&[
            (t("Trạng thái", "Status"), Align::Left),
            (t("Mã", "Id"), Align::Left),
            (t("Đơn vị", "Unit"), Align::Left),
            (t("Ghép", "Matched"), Align::Left),
            (t("Cần", "Required"), Align::Right),
            (t("Đề xuất", "Proposed"), Align::Right),
            (t("+/- đề xuất", "+/- proposed"), Align::Right),
            (t("Hiện có", "Current"), Align::Right),
        ]);
        for u in unit_rows {
            let mut row = vec![
                u.status.label(language).to_owned(),
                u.id().to_owned(),
                u.name().to_owned(),
                matched_text(
                    u.status,
                    u.matched_by,
                    u.old.as_ref().map(|o| o.id.as_str()),
                    language,
                ),
            ];
            row.extend(figure_cells(
                u.old.as_ref().map(|s| &s.figures),
                u.new.as_ref().map(|s| &s.figures),
                &u.change,
            ));
            table.push(row);
        }
        out.push_str(&table.render());
    }

    out.push_str(t(
        "\nVỊ TRÍ VIỆC LÀM (cột: A -> B)\n",
        "\nPOSITIONS (columns: A -> B)\n",
    ));
    let position_rows: Vec<&PositionComparison> = c
        .positions
        .iter()
        .filter(|p| p.status != Status::Unchanged)
        .collect();
    if position_rows.is_empty() {
        out.push_str(t(
            "Không có vị trí nào thay đổi.\n",
            "No position has changed.\n",
        ));
    } else {
        let mut table = TextTable::new(&[
            (t("Trạng thái", "Status"), Align::Left),
            (t("Đơn vị", "Unit"), Align::Left),
            (t("Mã VTVL", "Position id"), Align::Left),
            (t("Vị trí việc làm", "Position"), Align::Left),
            (t("Ghép", "Matched"), Align::Left),
            (t("Cần", "Required"), Align::Right),
            (t("Đề xuất", "Proposed"), Align::Right),
            (t("+/- đề xuất", "+/- proposed"), Align::Right),
            (t("Hiện có", "Current"), Align::Right),
        ]);
        for p in &position_rows {
            let mut row = vec![
                p.status.label(language).to_owned(),
                p.unit_id().to_owned(),
                p.id().to_owned(),
                p.name().to_owned(),
                matched_text(
                    p.status,
                    p.matched_by,
                    p.old.as_ref().map(|o| o.id.as_str()),
                    language,
                ),
            ];
            row.extend(figure_cells(
                p.old.as_ref().map(|s| &s.figures),
                p.new.as_ref().map(|s| &s.figures),
                &p.change,
            ));
            table.push(row);
        }
        out.push_str(&table.render());
        out.push_str(t("\nCHI TIẾT THAY ĐỔI\n", "\nCHANGES IN DETAIL\n"));
        for p in position_rows {
            position_details(&mut out, p, language);
        }
    }

    let sums = &c.total;
    let (words, required, proposed, current, fte) = match language {
        Language::Vietnamese => ("Tổng cộng", "cần", "đề xuất", "hiện có", "cần (FTE)"),
        Language::English => ("Total", "required", "proposed", "current", "required FTE"),
    };
    out.push_str(&format!(
        "\n{words}: {required} {} -> {} ({}), {proposed} {} -> {} ({}), {current} {} -> {} ({}), {fte} {} -> {}\n",
        sums.old.required,
        sums.new.required,
        signed(sums.change.required as f64, 0),
        sums.old.proposed,
        sums.new.proposed,
        signed(sums.change.proposed as f64, 0),
        vi_number(sums.old.current, 2),
        vi_number(sums.new.current, 2),
        signed(sums.change.current, 2),
        vi_number(sums.old.required_fte, 2),
        vi_number(sums.new.required_fte, 2),
    ));
    out
}

/// One position's field and workload changes, indented under its name.
fn position_details(out: &mut String, p: &PositionComparison, language: Language) {
    out.push_str(&format!(
        "{} ({}): {}; {} {}\n",
        p.name(),
        p.id(),
        p.status.label(language),
        language.t("cần (FTE)", "required FTE"),
        old_new(
            p.old.as_ref().map(|o| vi_number(o.figures.required_fte, 2)),
            p.new.as_ref().map(|n| vi_number(n.figures.required_fte, 2)),
        ),
    ));
    for field in &p.fields {
        out.push_str(&format!(
            "  {}: {} -> {}\n",
            field.field.label(language),
            field.value(field.old.as_deref(), language),
            field.value(field.new.as_deref(), language)
        ));
    }
    if let Some(h) = &p.hours {
        let (words, calendar, days, hours) = match language {
            Language::Vietnamese => ("Thời gian làm việc", "lịch", "ngày", "giờ/năm"),
            Language::English => ("Working time", "calendar", "days", "hours a year"),
        };
        out.push_str(&format!(
            "  {words}: {calendar} {}; {} {days}; {} {hours}\n",
            old_new(Some(h.old_calendar.clone()), Some(h.new_calendar.clone())),
            old_new(
                Some(vi_number(h.old_available_days, 2)),
                Some(vi_number(h.new_available_days, 2))
            ),
            old_new(
                Some(vi_number(h.old_available_hours, 2)),
                Some(vi_number(h.new_available_hours, 2))
            ),
        ));
    }
    for change in &p.workload {
        out.push_str(&format!("  {}\n", component_line(change, language)));
    }
}

/// "Công việc Hộ tịch (d2, thay đổi): khối lượng 208 -> 300; FTE 0,1097 -> 0,1582 (+0,0485)".
fn component_line(change: &ComponentChange, language: Language) -> String {
    let id = change
        .new
        .as_ref()
        .or(change.old.as_ref())
        .map_or("", |c| c.id.as_str());
    let mut matched = String::new();
    if let (Some(by), Some(old)) = (change.matched_by, &change.old)
        && old.id != id
    {
        matched = match language {
            Language::Vietnamese => format!(", ghép {} với {}", by.label_vi(), old.id),
            Language::English => format!(", matched {} with {}", by.label_en(), old.id),
        };
    }
    let inputs: Vec<String> = change
        .changed_inputs()
        .into_iter()
        .map(|(input, old, new)| {
            let text =
                |v: Option<compare::InputValue>| v.map(|v| v.text(language, |n| vi_number(n, 2)));
            let value = match change.status {
                Status::Added => text(new).unwrap_or_default(),
                Status::Removed => text(old).unwrap_or_default(),
                _ => old_new(text(old), text(new)),
            };
            format!("{} {value}", input.label(language))
        })
        .collect();
    let mut line = format!(
        "{} {} ({id}, {}{matched})",
        language.t("Công việc", "Component"),
        change.name(),
        change.status.label(language)
    );
    if !inputs.is_empty() {
        line.push_str(&format!(": {}", inputs.join(", ")));
    }
    if let Some(fte_change) = change.fte_change {
        let fte = |side: Option<&compare::ComponentSide>| {
            side.and_then(|c| c.fte).map(|f| vi_number(f, 4))
        };
        line.push_str(&format!(
            "; FTE {} ({})",
            old_new(fte(change.old.as_ref()), fte(change.new.as_ref())),
            signed(fte_change, 4)
        ));
    }
    line
}

fn benchmark(paths: &[PlanPath], format: Format, language: Language) -> anyhow::Result<String> {
    let plans: Vec<Plan> = paths
        .iter()
        .map(|path| plan_input::load_valid(path, language))
        .collect::<anyhow::Result<_>>()?;
    let labels = agency_labels(&plans, paths);
    let entries: Vec<BenchmarkPlan> = plans
        .iter()
        .zip(&labels)
        .map(|(plan, label)| BenchmarkPlan { label, plan })
        .collect();
    let result = compare::benchmark(&entries).in_language(language)?;
    match format {
        Format::Json => json(&result),
        Format::Table => Ok(benchmark_table(&result, paths, language)),
    }
}

/// Each plan's agency (else its name); where two plans would share a label, the file name is
/// added to tell them apart.
fn agency_labels(plans: &[Plan], paths: &[PlanPath]) -> Vec<String> {
    let base: Vec<String> = plans
        .iter()
        .map(|p| {
            if p.meta.agency.trim().is_empty() {
                p.meta.name.clone()
            } else {
                p.meta.agency.clone()
            }
        })
        .collect();
    base.iter()
        .zip(paths)
        .map(|(label, path)| {
            let shared = base.iter().filter(|other| *other == label).count() > 1;
            if shared || label.trim().is_empty() {
                let file = path
                    .file_name()
                    .map(|f| f.to_string_lossy().into_owned())
                    .unwrap_or_default();
                format!("{label} ({file})").trim().to_owned()
            } else {
                label.clone()
            }
        })
        .collect()
}

fn outlier_text(outlier: Option<Outlier>, judged: bool, language: Language) -> String {
    match outlier {
        Some(o) => o.label(language).to_owned(),
        None if judged => String::new(),
        None => language.t("chưa so được", "not compared").to_owned(),
    }
}

fn spread_cells(code: &CodeBenchmark) -> Vec<String> {
    let m = code.minutes_per_item;
    let mut cells = vec![
        vi_number(m.median, 2),
        vi_number(m.min, 2),
        vi_number(m.max, 2),
    ];
    match code.staff_per_1000 {
        Some(s) => cells.extend([
            vi_number(s.median, 4),
            vi_number(s.min, 4),
            vi_number(s.max, 4),
        ]),
        None => cells.extend(["–", "–", "–"].map(str::to_owned)),
    }
    cells
}

fn benchmark_table(b: &Benchmark, paths: &[PlanPath], language: Language) -> String {
    let t = |vi, en| language.t(vi, en);
    let plans = b.agencies.len();
    let mut out = match language {
        Language::Vietnamese => {
            format!("SO SÁNH KHỐI LƯỢNG CÔNG VIỆC GIỮA CÁC CƠ QUAN ({plans} đề án)\n")
        }
        Language::English => format!("WORKLOAD COMPARED ACROSS AGENCIES ({plans} plans)\n"),
    };
    for (number, (agency, path)) in (1..).zip(b.agencies.iter().zip(paths)) {
        out.push_str(&format!("{number}. {agency} [{}]\n", path.display()));
    }
    if b.codes.is_empty() {
        out.push_str(t(
            "\nKhông có công việc chính nào mang mã nhiệm vụ: không có gì để so sánh.\n",
            "\nNo main work component carries a task code: nothing to compare.\n",
        ));
        return out;
    }
    let mut codes = TextTable::new(&[
        (t("Mã nhiệm vụ", "Task code"), Align::Left),
        (t("Công việc", "Component"), Align::Left),
        (t("Số cơ quan", "Agencies"), Align::Right),
        (
            t("Phút/việc: trung vị", "Minutes/item: median"),
            Align::Right,
        ),
        (t("thấp nhất", "lowest"), Align::Right),
        (t("cao nhất", "highest"), Align::Right),
        (
            t("Người/1.000 việc: trung vị", "People/1,000 items: median"),
            Align::Right,
        ),
        (t("thấp nhất", "lowest"), Align::Right),
        (t("cao nhất", "highest"), Align::Right),
    ]);
    for code in &b.codes {
        let mut row = vec![
            code.code.clone(),
            code.name.clone(),
            code.agencies.to_string(),
        ];
        row.extend(spread_cells(code));
        codes.push(row);
    }
    let mut values = TextTable::new(&[
        (t("Mã nhiệm vụ", "Task code"), Align::Left),
        (t("Cơ quan", "Agency"), Align::Left),
        (t("Khối lượng", "Volume"), Align::Right),
        (t("Phút/việc", "Minutes/item"), Align::Right),
        (t("Đánh giá", "Assessment"), Align::Left),
        (t("Người/1.000 việc", "People/1,000 items"), Align::Right),
        (t("Đánh giá", "Assessment"), Align::Left),
    ]);
    for code in &b.codes {
        for v in &code.values {
            values.push(vec![
                code.code.clone(),
                v.agency.clone(),
                vi_number(v.volume, 2),
                vi_number(v.minutes_per_item, 2),
                outlier_text(v.minutes_outlier, code.judged, language),
                v.staff_per_1000
                    .map(|s| vi_number(s, 4))
                    .unwrap_or_else(|| "–".to_owned()),
                outlier_text(v.staff_outlier, code.judged, language),
            ]);
        }
    }
    out.push_str(&format!(
        "\n{}\n{}\n{}\n{}",
        t("THEO MÃ NHIỆM VỤ", "BY TASK CODE"),
        codes.render(),
        t("THEO CƠ QUAN", "BY AGENCY"),
        values.render()
    ));
    let outliers = b.outlier_count();
    out.push_str(&match language {
        Language::Vietnamese => format!(
            "\nCao: hơn 1,5 lần trung vị; thấp: dưới 2/3 trung vị. Giá trị bất thường: {outliers}.\n\
             Mã chỉ một cơ quan dùng: chưa so được.\n"
        ),
        Language::English => format!(
            "\nHigh: above 1.5 times the median; low: under 2/3 of it. Outliers: {outliers}.\n\
             A code only one agency uses: not compared.\n"
        ),
    });
    out
}
