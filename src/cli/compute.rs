//! `vtvl compute`: required headcount per position and unit, against current staff.

use std::io::Write as _;

use anyhow::Context as _;
use clap::ValueEnum;

use super::PlanPath;
use super::plan_input;
use super::text_table::{Align, TextTable};
use crate::engine::{self, EmploymentFigures, PlanResults, UnitTree};
use crate::format::vi_number;
use crate::model::{ByEmployment, Decision, Employment, Plan, Review};
use crate::report::{Comparison, subtree_comparisons};

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

pub fn run(args: &Args) -> anyhow::Result<()> {
    let plan = plan_input::load_valid(&args.plan)?;
    print(&plan, args.format)
}

fn print(plan: &Plan, format: Format) -> anyhow::Result<()> {
    let results = engine::compute(plan)?;
    let text = match format {
        Format::Table => table(plan, &results)?,
        Format::Json => {
            let mut json = serde_json::to_string_pretty(&results)?;
            json.push('\n');
            json
        }
        Format::Csv => crate::report::results_csv(&results)?,
    };
    std::io::stdout()
        .lock()
        .write_all(text.as_bytes())
        .context("cannot write to standard output")
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

fn table(plan: &Plan, results: &PlanResults) -> anyhow::Result<String> {
    let mut positions = TextTable::new(&[
        ("Đơn vị", Align::Left),
        ("Mã VTVL", Align::Left),
        ("Vị trí việc làm", Align::Left),
        ("Nhóm", Align::Left),
        ("Chế độ", Align::Left),
        ("Cần (FTE)", Align::Right),
        ("Cần", Align::Right),
        ("Hiện có", Align::Right),
        ("Chênh lệch", Align::Right),
        ("Tỷ lệ", Align::Right),
        ("Đề xuất", Align::Right),
        ("Thẩm định", Align::Right),
        ("ĐX - HC", Align::Right),
        ("TĐ - ĐX", Align::Right),
    ]);
    for p in &results.positions {
        let figures = Comparison::line(p.current, p.proposed, p.appraised);
        let mut row = vec![
            p.unit_id.clone(),
            p.id.clone(),
            p.name.clone(),
            p.category.label_vi().to_owned(),
            p.employment.label_vi().to_owned(),
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
        ("Đơn vị", Align::Left),
        ("Mã", Align::Left),
        ("Biên chế giao", Align::Right),
        ("Cần (FTE)", Align::Right),
        ("Cần", Align::Right),
        ("Hiện có", Align::Right),
        ("Chênh lệch", Align::Right),
        ("Tỷ lệ", Align::Right),
        ("Đề xuất", Align::Right),
        ("Thẩm định", Align::Right),
        ("ĐX - HC", Align::Right),
        ("TĐ - ĐX", Align::Right),
        ("Biên chế cần/HC/ĐX", Align::Right),
        ("HĐLĐ cần/HC/ĐX", Align::Right),
    ]);
    let tree = UnitTree::build(&plan.units)?;
    let subtrees = subtree_comparisons(plan, results)?;
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
    let t = &results.total;
    let appraised_total = match (t.appraised, total.appraised_change()) {
        (Some(a), Some(change)) if total.is_partly_appraised() => format!(
            ", thẩm định {a} ({} so với đề xuất của {}/{} vị trí đã thẩm định)",
            signed(change as f64),
            total.appraised_lines,
            total.lines,
        ),
        (Some(a), Some(change)) => {
            format!(", thẩm định {a} ({} so với đề xuất)", signed(change as f64))
        }
        _ => String::new(),
    };
    let mut text = format!(
        "VỊ TRÍ VIỆC LÀM\n{}\nĐƠN VỊ (gồm cả đơn vị trực thuộc)\n{}\nTổng cộng: cần {} người ({} FTE), hiện có {}, chênh lệch {}, tỷ lệ {}; đề xuất {}{}\n{}\nQuy tắc làm tròn: {}\n\
         ĐX - HC: số đề xuất trừ số hiện có; TĐ - ĐX: số thẩm định trừ số đề xuất (để trống khi chưa thẩm định); \
         cần/HC/ĐX: số cần có, hiện có, đề xuất; HĐLĐ: hợp đồng lao động.\n",
        positions.render(),
        units.render(),
        t.required,
        vi_number(t.required_fte, 2),
        vi_number(t.current, 2),
        vi_number(t.difference, 2),
        ratio_text(t.ratio),
        t.proposed,
        appraised_total,
        by_employment_text(&t.by_employment),
        results.rounding.label_vi()
    );
    if let Some(review) = &plan.review {
        text.push_str(&review_text(plan, review));
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
fn by_employment_text(split: &ByEmployment<EmploymentFigures>) -> String {
    let figures = |f: EmploymentFigures| {
        format!(
            "cần {}, hiện có {}, đề xuất {}",
            f.required,
            vi_number(f.current, 2),
            f.proposed
        )
    };
    let establishment = split.establishment();
    let mut text = format!("Trong đó biên chế: {}", figures(establishment));
    let parts: Vec<String> = split
        .establishment_parts()
        .into_iter()
        .map(|(e, f)| format!("{} {}", e.label_vi(), figures(f)))
        .collect();
    if parts.len() > 1 {
        text.push_str(&format!(" ({})", parts.join("; ")));
    }
    text.push_str(&format!(
        "; {}: {}",
        Employment::Contract.label_vi(),
        figures(split.contract)
    ));
    text
}

/// The review under the table: who appraised the plan and when, the decision and comment of
/// each line that has more to say than a plain agreement, and the conclusion.
fn review_text(plan: &Plan, review: &Review) -> String {
    let mut text = String::from("\nTHẨM ĐỊNH\n");
    let mut said = |label: &str, value: &str| {
        if !value.trim().is_empty() {
            text.push_str(&format!("{label}: {}\n", value.trim()));
        }
    };
    said("Người thẩm định", &review.reviewer);
    said("Cơ quan thẩm định", &review.organisation);
    said(
        "Ngày thẩm định",
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
                remark.push_str(&format!(": {}", decision.label_vi()));
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
        text.push_str("Ý kiến từng vị trí:\n");
        for remark in remarks {
            text.push_str(&remark);
            text.push('\n');
        }
    }
    if !review.conclusion.trim().is_empty() {
        text.push_str("Kết luận thẩm định:\n");
        for line in review.conclusion.trim().lines() {
            text.push_str(&format!("  {line}\n"));
        }
    }
    text
}
