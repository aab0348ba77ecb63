//! `vtvl compute`: required headcount per position and unit, against current staff; with the
//! appraisal, the lines whose proposal changed since they were appraised.

use clap::ValueEnum;

use super::PlanPath;
use super::plan_input;
use super::text_table::{Align, TextTable};
use crate::engine::{EmploymentFigures, PlanFrames, PlanResults, UnitTree};
use crate::format::vi_number;
use crate::language::InLanguage as _;
use crate::language::Language;
use crate::model::{ByEmployment, Decision, Employment, Plan, Review};
use crate::report::{
    ChangedLine, Comparison, WatchedLine, changed_heading, changed_lines, changed_since_appraisal,
    subtree_comparisons, watched_lines, write_results_json,
};
use crate::{plan_file, validation};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The plan file (.ron).
    pub plan: PlanPath,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Table)]
    pub format: Format,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Aligned table with Vietnamese headers and number formatting.
    Table,
    /// The JSON contract, numbers unrounded.
    Json,
    /// One CSV row per position, unit and the total, numbers unrounded.
    Csv,
}

pub fn run(args: &Args, language: Language) -> anyhow::Result<()> {
    // JSON and CSV need the results alone: a large plan's columnar cache gives them without
    // reading the plan. A cache that is missing, stale or damaged, or whose frames do not
    // compute, falls back to the plan file.
    let from_columns = args.format != Format::Table;
    if from_columns
        && let Some(Ok((results, changed))) =
            plan_file::with_columns(&args.plan, |frames, watched: Vec<WatchedLine>| {
                let results = frames.compute()?;
                drop(frames);
                let changed = changed_lines(&watched, &results);
                Ok::<_, crate::engine::EngineError>((results, changed))
            })
    {
        print_results(&results, &changed, args.format, language)?;
        // Freeing a national plan's results one by one takes longer than the rest of the
        // run's end: the process is ending, and the system takes the memory back at once.
        std::mem::forget(results);
        return Ok(());
    }
    let stamp = plan_file::Stamp::of(&args.plan);
    let plan = plan_file::load(&args.plan).in_language(language)?;
    // Validation and the engine only read the plan: they run side by side, and the results
    // count only when the plan validates.
    let (problems, computed) = std::thread::scope(|scope| {
        let problems = scope.spawn(|| validation::validate(&plan));
        let computed = PlanFrames::of(&plan)
            .and_then(|frames| frames.compute().map(|results| (frames, results)));
        let problems = problems
            .join()
            .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
        (problems, computed)
    });
    plan_input::refuse_problems(&problems, &args.plan.display().to_string(), language)?;
    let (frames, results) = computed.in_language(language)?;
    if from_columns
        && let Some(stamp) = stamp.filter(|s| s.worth_caching(plan_file::COLUMNS_FROM_BYTES))
    {
        plan_file::store_columns(&args.plan, stamp, &frames, &watched_lines(&plan));
    }
    drop(frames);
    match args.format {
        Format::Table => {
            super::standard_output::print(&table(&plan, &results, language)?, language)
        }
        format => {
            let changed = changed_since_appraisal(&plan, &results);
            print_results(&results, &changed, format, language)
        }
    }
}

/// The results as JSON or CSV (the formats that need no plan).
fn print_results(
    results: &PlanResults,
    changed: &[ChangedLine],
    format: Format,
    language: Language,
) -> anyhow::Result<()> {
    match format {
        Format::Csv => super::standard_output::print(
            &crate::report::results_csv(results).in_language(language)?,
            language,
        ),
        _ => super::standard_output::stream(language, |out| {
            write_results_json(out, results, changed)
        }),
    }
}

fn ratio_text(ratio: Option<f64>) -> String {
    ratio
        .map(|r| vi_number(r, 2))
        .unwrap_or_else(|| "–".to_owned())
}

/// A change with its sign, "+2" or "−1"; "0" when there is none.
fn signed(value: f64) -> String {
    let text = vi_number(value, 2);
    if value > 0.0 && text != "0" {
        format!("+{text}")
    } else {
        text
    }
}

/// Đề xuất, thẩm định, đề xuất - hiện có and thẩm định - đề xuất; the appraised cells are
/// blank when nothing is appraised.
fn comparison_cells(figures: &Comparison) -> [String; 4] {
    [
        figures.proposed.to_string(),
        figures.appraised.map(|a| a.to_string()).unwrap_or_default(),
        signed(figures.proposed_change()),
        figures
            .appraised_change()
            .map(|change| signed(change as f64))
            .unwrap_or_default(),
    ]
}

fn table(plan: &Plan, results: &PlanResults, language: Language) -> anyhow::Result<String> {
    let t = |vi, en| language.t(vi, en);
    let mut positions = TextTable::new(&[
        (t("Đơn vị", "Unit"), Align::Left),
        (t("Mã VTVL", "Position id"), Align::Left),
        (t("Vị trí việc làm", "Position"), Align::Left),
        (t("Nhóm", "Category"), Align::Left),
        (t("Chế độ", "Basis"), Align::Left),
        (t("Cần (FTE)", "Required FTE"), Align::Right),
        (t("Cần", "Required"), Align::Right),
        (t("Hiện có", "Current"), Align::Right),
        (t("Chênh lệch", "Difference"), Align::Right),
        (t("Tỷ lệ", "Ratio"), Align::Right),
        (t("Đề xuất", "Proposed"), Align::Right),
        (t("Thẩm định", "Appraised"), Align::Right),
        (t("ĐX - HC", "P - C"), Align::Right),
        (t("TĐ - ĐX", "A - P"), Align::Right),
    ]);
    for p in &results.positions {
        let figures = Comparison::line(p.current, p.proposed, p.appraised);
        let mut row = vec![
            p.unit_id.clone(),
            p.id.clone(),
            p.name.clone(),
            p.category.label(language).to_owned(),
            p.employment.label(language).to_owned(),
            vi_number(p.required_fte, 2),
            p.required.to_string(),
            vi_number(p.current, 2),
            vi_number(p.difference, 2),
            ratio_text(p.ratio),
        ];
        row.extend(comparison_cells(&figures));
        positions.push(row);
    }
    let mut units = TextTable::new(&[
        (t("Đơn vị", "Unit"), Align::Left),
        (t("Mã", "Id"), Align::Left),
        (t("Biên chế giao", "Quota"), Align::Right),
        (t("Cần (FTE)", "Required FTE"), Align::Right),
        (t("Cần", "Required"), Align::Right),
        (t("Hiện có", "Current"), Align::Right),
        (t("Chênh lệch", "Difference"), Align::Right),
        (t("Tỷ lệ", "Ratio"), Align::Right),
        (t("Đề xuất", "Proposed"), Align::Right),
        (t("Thẩm định", "Appraised"), Align::Right),
        (t("ĐX - HC", "P - C"), Align::Right),
        (t("TĐ - ĐX", "A - P"), Align::Right),
        (t("Biên chế cần/HC/ĐX", "Establishment R/C/P"), Align::Right),
        (t("HĐLĐ cần/HC/ĐX", "Contracts R/C/P"), Align::Right),
    ]);
    let tree = UnitTree::build(&plan.units).in_language(language)?;
    let subtrees = subtree_comparisons(plan, results).in_language(language)?;
    let mut total = Comparison::default();
    for root in tree.roots() {
        if let Some(figures) = subtrees.get(*root) {
            total.add(*figures);
        }
    }
    for index in tree.depth_first() {
        let Some(u) = results.units.get(index) else {
            continue;
        };
        let mut depth = 0;
        let mut at = tree.parent(index);
        while let Some(parent) = at {
            depth += 1;
            at = tree.parent(parent);
        }
        let mut row = vec![
            format!("{}{}", "  ".repeat(depth), u.name),
            u.id.clone(),
            u.quota.map(|q| q.to_string()).unwrap_or_default(),
            vi_number(u.required_fte, 2),
            u.required.to_string(),
            vi_number(u.current, 2),
            vi_number(u.difference, 2),
            ratio_text(u.ratio),
        ];
        row.extend(comparison_cells(
            &subtrees.get(index).copied().unwrap_or_default(),
        ));
        row.extend([
            figures_cell(&u.by_employment.establishment()),
            figures_cell(&u.by_employment.contract),
        ]);
        units.push(row);
    }
    let sums = &results.total;
    let appraised_total = match (sums.appraised, total.appraised_change()) {
        (Some(a), Some(change)) if total.is_partly_appraised() => {
            let (change, of, lines) = (signed(change as f64), total.appraised_lines, total.lines);
            match language {
                Language::Vietnamese => format!(
                    ", thẩm định {a} ({change} so với đề xuất của {of}/{lines} vị trí đã thẩm định)"
                ),
                Language::English => format!(
                    ", appraised {a} ({change} against the proposal of the {of}/{lines} \
                     positions appraised)"
                ),
            }
        }
        (Some(a), Some(change)) => {
            let change = signed(change as f64);
            match language {
                Language::Vietnamese => format!(", thẩm định {a} ({change} so với đề xuất)"),
                Language::English => format!(", appraised {a} ({change} against the proposal)"),
            }
        }
        _ => String::new(),
    };
    let (required, required_fte, current, difference, ratio, proposed) = (
        sums.required,
        vi_number(sums.required_fte, 2),
        vi_number(sums.current, 2),
        vi_number(sums.difference, 2),
        ratio_text(sums.ratio),
        sums.proposed,
    );
    let (positions, units) = (positions.render(), units.render());
    let split = by_employment_text(&sums.by_employment, language);
    let rounding = results.rounding.label(language);
    let mut text = match language {
        Language::Vietnamese => format!(
            "VỊ TRÍ VIỆC LÀM\n{positions}\nĐƠN VỊ (gồm cả đơn vị trực thuộc)\n{units}\nTổng cộng: cần {required} người ({required_fte} FTE), hiện có {current}, chênh lệch {difference}, tỷ lệ {ratio}; đề xuất {proposed}{appraised_total}\n{split}\nQuy tắc làm tròn: {rounding}\n\
             ĐX - HC: số đề xuất trừ số hiện có; TĐ - ĐX: số thẩm định trừ số đề xuất (để trống khi chưa thẩm định); \
             cần/HC/ĐX: số cần có, hiện có, đề xuất; HĐLĐ: hợp đồng lao động.\n"
        ),
        Language::English => format!(
            "POSITIONS\n{positions}\nUNITS (with their subunits)\n{units}\nTotal: {required} people required ({required_fte} FTE), current {current}, difference {difference}, ratio {ratio}; proposed {proposed}{appraised_total}\n{split}\nRounding: {rounding}\n\
             P - C: proposed less current; A - P: appraised less proposed (blank until appraised); \
             R/C/P: required, current, proposed.\n"
        ),
    };
    if let Some(review) = &plan.review {
        let changed = changed_since_appraisal(plan, results);
        text.push_str(&review_text(plan, review, &changed, language));
    }
    Ok(text)
}

/// Required, current and proposed headcount of one employment basis as `9/8/9`.
fn figures_cell(figures: &EmploymentFigures) -> String {
    format!(
        "{}/{}/{}",
        figures.required,
        vi_number(figures.current, 2),
        figures.proposed
    )
}

/// The total split into biên chế (with its civil servants and public employees when both are
/// present) and labour contracts.
fn by_employment_text(split: &ByEmployment<EmploymentFigures>, language: Language) -> String {
    let figures = |f: EmploymentFigures| {
        let (required, current, proposed) = (f.required, vi_number(f.current, 2), f.proposed);
        match language {
            Language::Vietnamese => {
                format!("cần {required}, hiện có {current}, đề xuất {proposed}")
            }
            Language::English => {
                format!("required {required}, current {current}, proposed {proposed}")
            }
        }
    };
    let establishment = split.establishment();
    let mut text = format!(
        "{}: {}",
        language.t("Trong đó biên chế", "Of which establishment"),
        figures(establishment)
    );
    let parts: Vec<String> = split
        .establishment_parts()
        .into_iter()
        .map(|(e, f)| format!("{} {}", e.label(language), figures(f)))
        .collect();
    if parts.len() > 1 {
        text.push_str(&format!(" ({})", parts.join("; ")));
    }
    text.push_str(&format!(
        "; {}: {}",
        Employment::Contract.label(language),
        figures(split.contract)
    ));
    text
}

/// The review under the table: who appraised the plan and when, the decision and comment of
/// each line that has more to say than a plain agreement, and the conclusion.
fn review_text(
    plan: &Plan,
    review: &Review,
    changed: &[ChangedLine],
    language: Language,
) -> String {
    let t = |vi, en| language.t(vi, en);
    let mut text = format!("\n{}\n", t("THẨM ĐỊNH", "APPRAISAL"));
    let mut said = |label: &str, value: &str| {
        if !value.trim().is_empty() {
            text.push_str(&format!("{label}: {}\n", value.trim()));
        }
    };
    said(t("Người thẩm định", "Reviewer"), &review.reviewer);
    said(
        t("Cơ quan thẩm định", "Reviewing body"),
        &review.organisation,
    );
    said(
        t("Ngày thẩm định", "Date of appraisal"),
        &review.date.map(|d| d.to_string()).unwrap_or_default(),
    );
    let remarks: Vec<String> = review
        .lines
        .iter()
        // A plain agreement says nothing the table does not.
        .filter(|line| {
            !line.comment.trim().is_empty()
                || matches!(line.decision, Some(Decision::Adjust | Decision::Reject))
        })
        .map(|line| {
            let name = plan
                .position(&line.position_id)
                .map_or(line.position_id.as_str(), |p| p.name.as_str());
            let mut remark = format!("  {name} ({})", line.position_id);
            if let Some(decision) = line.decision {
                remark.push_str(&format!(": {}", decision.label(language)));
            }
            if !line.comment.trim().is_empty() {
                let separator = if line.decision.is_some() { ". " } else { ": " };
                remark.push_str(separator);
                remark.push_str(&line.comment.trim().replace('\n', " "));
            }
            remark
        })
        .collect();
    if !remarks.is_empty() {
        text.push_str(t("Ý kiến từng vị trí:\n", "Remarks by position:\n"));
        for remark in remarks {
            text.push_str(&remark);
            text.push('\n');
        }
    }
    if !review.conclusion.trim().is_empty() {
        text.push_str(t("Kết luận thẩm định:\n", "Conclusion:\n"));
        for line in review.conclusion.trim().lines() {
            text.push_str(&format!("  {line}\n"));
        }
    }
    if !changed.is_empty() {
        text.push_str(&format!("{}:\n", changed_heading(changed.len(), language)));
        for line in changed {
            text.push_str(&format!("  {}\n", line.describe(language)));
        }
    }
    text
}
