//! `vtvl project`: the workforce projection over a horizon: who retires, what the workload
//! requires, and how many must be recruited, per year, unit and position, under a scenario.

use clap::ValueEnum;

use super::PlanPath;
use super::plan_input;
use super::text_table::{Align, TextTable};
use crate::engine::UnitTree;
use crate::format::number_in;
use crate::language::InLanguage as _;
use crate::language::Language;
use crate::model::Plan;
use crate::projection::{
    self, Figures, Options, Projection, ScenarioChoice, assumptions, chosen_scenario,
};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The plan file (.ron).
    pub plan: PlanPath,
    /// The first year (default: the plan year).
    #[arg(long, value_name = "YEAR")]
    pub from: Option<i32>,
    /// How many years (default 5: the first year and 4 more).
    #[arg(long, value_name = "N", default_value_t = projection::DEFAULT_YEARS)]
    pub years: u32,
    /// The scenario to apply (default: the plan's active scenario, if any).
    #[arg(long, value_name = "NAME")]
    pub scenario: Option<String>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Table)]
    pub format: Format,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Aligned tables, per year for the total, each unit and each position.
    Table,
    /// The JSON contract: staff retirement dates and the timeline.
    Json,
    /// One row per year and total, unit or position.
    Csv,
}

pub fn run(args: &Args, language: Language) -> anyhow::Result<()> {
    let plan = plan_input::load_valid(&args.plan, language)?;
    let options = Options {
        from: args.from,
        years: args.years,
        scenario: match &args.scenario {
            Some(name) => ScenarioChoice::Named(name.clone()),
            None => ScenarioChoice::Active,
        },
    };
    let projection = projection::project(&plan, &options).in_language(language)?;
    let text = match args.format {
        Format::Json => {
            let mut json = serde_json::to_string_pretty(&projection)?;
            json.push('\n');
            json
        }
        Format::Csv => csv(&projection)?,
        Format::Table => table(&plan, &projection, &options, language)?,
    };
    super::standard_output::print(&text, language)
}

const CSV_HEADER: [&str; 8] = [
    "year",
    "level",
    "id",
    "required",
    "staff_start",
    "retiring",
    "staff_end",
    "needed",
];

fn csv(projection: &Projection) -> anyhow::Result<String> {
    let mut writer = csv::Writer::from_writer(Vec::new());
    writer.write_record(CSV_HEADER)?;
    let record = |year: i32, level: &str, id: &str, f: &Figures| {
        vec![
            year.to_string(),
            level.to_owned(),
            id.to_owned(),
            f.required.to_string(),
            f.staff_start.to_string(),
            f.retiring.to_string(),
            f.staff_end.to_string(),
            f.needed.to_string(),
        ]
    };
    for year in &projection.timeline {
        writer.write_record(record(year.year, "total", "", &year.total))?;
        for row in &year.units {
            writer.write_record(record(year.year, "unit", &row.id, &row.figures))?;
        }
        for row in &year.positions {
            writer.write_record(record(year.year, "position", &row.id, &row.figures))?;
        }
    }
    Ok(String::from_utf8(writer.into_inner()?)?)
}

fn figure_cells(f: &Figures, language: Language) -> [String; 5] {
    let n = |v: f64| number_in(language, v, 2);
    [
        f.required.to_string(),
        n(f.staff_start),
        n(f.retiring),
        n(f.staff_end),
        n(f.needed),
    ]
}

fn figure_headers(language: Language) -> [(&'static str, Align); 5] {
    let t = |vi, en| language.t(vi, en);
    [
        (t("Cần có", "Required"), Align::Right),
        (t("Đầu năm", "Start"), Align::Right),
        (t("Nghỉ hưu", "Retiring"), Align::Right),
        (t("Cuối năm", "End"), Align::Right),
        (t("Cần tuyển", "Needed"), Align::Right),
    ]
}

fn table(
    plan: &Plan,
    projection: &Projection,
    options: &Options,
    language: Language,
) -> anyhow::Result<String> {
    let t = |vi, en| language.t(vi, en);
    let mut text = String::new();
    text.push_str(&match language {
        Language::Vietnamese => format!(
            "Dự báo biên chế {} - {} ({} năm) — {}\n",
            projection.from,
            projection.to(),
            projection.years,
            plan.meta.name
        ),
        Language::English => format!(
            "Workforce projection {}-{} ({} years) — {}\n",
            projection.from,
            projection.to(),
            projection.years,
            plan.meta.name
        ),
    });
    text.push_str(&assumptions::scenario_heading(
        projection.scenario.as_deref(),
        language,
    ));
    text.push('\n');
    if let Some(scenario) = chosen_scenario(plan, &options.scenario).in_language(language)? {
        for line in assumptions::assumptions(plan, scenario, language) {
            text.push_str(&format!("  - {line}\n"));
        }
    }
    text.push_str(&match language {
        Language::Vietnamese => format!(
            "Làm tròn: {}. Cần tuyển = max(0, cần có − cuối năm), cộng dồn nếu không tuyển trước đó; số người tính theo FTE.\n\n",
            plan.rounding.label(language)
        ),
        Language::English => format!(
            "Rounding: {}. Needed = max(0, required − end), cumulative if no one is recruited before; people counted in FTE.\n\n",
            plan.rounding.label(language)
        ),
    });

    let mut header = vec![(t("Năm", "Year"), Align::Left)];
    header.extend(figure_headers(language));
    header.extend([
        (
            t("Biên chế cần/cuối năm", "Establishment req./end"),
            Align::Right,
        ),
        (t("HĐLĐ cần/cuối năm", "Contracts req./end"), Align::Right),
    ]);
    let mut total = TextTable::new(&header);
    for year in &projection.timeline {
        let est = year.establishment();
        let contract = year.by_employment.contract;
        let mut row = vec![year.year.to_string()];
        row.extend(figure_cells(&year.total, language));
        let n = |v: f64| number_in(language, v, 2);
        row.push(format!("{}/{}", est.required, n(est.staff_end)));
        row.push(format!("{}/{}", contract.required, n(contract.staff_end)));
        total.push(row);
    }
    text.push_str(t("Toàn đề án\n", "Whole plan\n"));
    text.push_str(&total.render());

    let undated = &projection.undated;
    if undated.people > 0 {
        let places = undated
            .by_unit
            .iter()
            .map(|(id, n)| format!("{id}: {n}"))
            .collect::<Vec<_>>()
            .join(", ");
        text.push_str(&match language {
            Language::Vietnamese => format!(
                "Chưa rõ ngày nghỉ hưu, tính là tiếp tục làm việc: {} người (thiếu ngày sinh: {}, thiếu giới tính: {}); theo đơn vị: {places}\n",
                undated.people, undated.without_birth_date, undated.without_sex
            ),
            Language::English => format!(
                "Retirement date unknown, counted as staying: {} people (no birth date: {}, no sex: {}); by unit: {places}\n",
                undated.people, undated.without_birth_date, undated.without_sex
            ),
        });
    }
    for cut in &projection.quota_cuts {
        text.push_str(&quota_cut_text(plan, cut, language));
    }

    let tree = UnitTree::build(&plan.units).in_language(language)?;
    let mut header = vec![
        (t("Đơn vị", "Unit"), Align::Left),
        (t("Mã", "Id"), Align::Left),
        (t("Năm", "Year"), Align::Left),
    ];
    header.extend(figure_headers(language));
    let mut units = TextTable::new(&header);
    for (index, depth) in tree.with_depth() {
        let Some(unit) = plan.units.get(index) else {
            continue;
        };
        for year in &projection.timeline {
            let Some(figures) = year.units.get(index).filter(|r| r.id == unit.id) else {
                continue;
            };
            let mut row = vec![
                format!("{}{}", "  ".repeat(depth), unit.name),
                unit.id.clone(),
                year.year.to_string(),
            ];
            row.extend(figure_cells(&figures.figures, language));
            units.push(row);
        }
    }
    text.push('\n');
    text.push_str(t(
        "Theo đơn vị (cả đơn vị trực thuộc)\n",
        "By unit (with its sub-units)\n",
    ));
    text.push_str(&units.render());

    let mut header = vec![
        (t("Đơn vị", "Unit"), Align::Left),
        (t("Vị trí việc làm", "Position"), Align::Left),
        (t("Năm", "Year"), Align::Left),
    ];
    header.extend(figure_headers(language));
    let mut positions = TextTable::new(&header);
    for (index, position) in plan.positions.iter().enumerate() {
        for year in &projection.timeline {
            let Some(row) = year.positions.get(index).filter(|r| r.id == position.id) else {
                continue;
            };
            let mut cells = vec![
                position.unit_id.clone(),
                format!("{} ({})", position.name, position.id),
                year.year.to_string(),
            ];
            cells.extend(figure_cells(&row.figures, language));
            positions.push(cells);
        }
    }
    text.push('\n');
    text.push_str(t("Theo vị trí việc làm\n", "By position\n"));
    text.push_str(&positions.render());

    let mut header = vec![
        (t("Ngạch", "Rank"), Align::Left),
        (t("Năm", "Year"), Align::Left),
    ];
    header.extend(figure_headers(language));
    let mut ranks = TextTable::new(&header);
    for year in &projection.timeline {
        for row in &year.ranks {
            let code = if row.id.is_empty() {
                t("(chưa ghi ngạch)", "(no rank recorded)").to_owned()
            } else {
                row.id.clone()
            };
            let mut cells = vec![code, year.year.to_string()];
            cells.extend(figure_cells(&row.figures, language));
            ranks.push(cells);
        }
    }
    text.push('\n');
    text.push_str(t(
        "Theo ngạch (cần có: ngạch của vị trí; nhân sự: ngạch đang giữ)\n",
        "By rank (required: the position's rank; staff: the rank held)\n",
    ));
    text.push_str(&ranks.render());
    Ok(text)
}

fn quota_cut_text(plan: &Plan, cut: &projection::QuotaCutProgress, language: Language) -> String {
    let n = |v: f64| number_in(language, v, 2);
    let whom = cut
        .unit_id
        .as_deref()
        .and_then(|id| plan.unit(id))
        .map(|u| u.name.clone())
        .unwrap_or_else(|| language.t("toàn đề án", "whole plan").to_owned());
    let base = if cut.base_is_quota {
        language.t("biên chế được giao", "quota")
    } else {
        language.t(
            "biên chế có mặt đầu năm (chưa giao biên chế)",
            "establishment in post (no quota set)",
        )
    };
    let years = cut
        .years
        .iter()
        .map(|y| format!("{} {}", y.year, n(y.achieved)))
        .collect::<Vec<_>>()
        .join(", ");
    let met = match cut.met {
        Some(true) => language.t("đạt", "met"),
        Some(false) => language.t("chưa đạt", "not met"),
        None => language.t("ngoài khoảng dự báo", "beyond the horizon"),
    };
    match language {
        Language::Vietnamese => format!(
            "Tinh giản {}% đến năm {} ({whom}): {base} {}, mục tiêu {}; đã giảm (nếu chỉ tuyển số cần tuyển): {years}; {met}\n",
            n(cut.percent),
            cut.by_year,
            n(cut.base),
            n(cut.target)
        ),
        Language::English => format!(
            "Cut of {}% by {} ({whom}): {base} {}, target {}; cut achieved (recruiting only the needed): {years}; {met}\n",
            n(cut.percent),
            cut.by_year,
            n(cut.base),
            n(cut.target)
        ),
    }
}
