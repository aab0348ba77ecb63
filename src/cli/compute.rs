//! `vtvl compute`: required headcount per position and unit, against current staff.

use std::io::Write as _;

use anyhow::Context as _;
use clap::ValueEnum;

use super::PlanPath;
use super::plan_input;
use super::text_table::{Align, TextTable};
use crate::engine::{self, PlanResults, UnitTree};
use crate::format::vi_number;
use crate::model::Plan;

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

fn table(plan: &Plan, results: &PlanResults) -> anyhow::Result<String> {
    let mut positions = TextTable::new(&[
        ("Đơn vị", Align::Left),
        ("Mã VTVL", Align::Left),
        ("Vị trí việc làm", Align::Left),
        ("Nhóm", Align::Left),
        ("Cần (FTE)", Align::Right),
        ("Cần", Align::Right),
        ("Hiện có", Align::Right),
        ("Chênh lệch", Align::Right),
        ("Tỷ lệ", Align::Right),
    ]);
    for p in &results.positions {
        positions.push(vec![
            p.unit_id.clone(),
            p.id.clone(),
            p.name.clone(),
            p.category.label_vi().to_owned(),
            vi_number(p.required_fte, 2),
            p.required.to_string(),
            vi_number(p.current, 2),
            vi_number(p.difference, 2),
            ratio_text(p.ratio),
        ]);
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
    ]);
    let tree = UnitTree::build(&plan.units)?;
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
        units.push(vec![
            format!("{}{}", "  ".repeat(depth), u.name),
            u.id.clone(),
            u.quota.map(|q| q.to_string()).unwrap_or_default(),
            vi_number(u.required_fte, 2),
            u.required.to_string(),
            vi_number(u.current, 2),
            vi_number(u.difference, 2),
            ratio_text(u.ratio),
        ]);
    }
    let t = &results.total;
    Ok(format!(
        "VỊ TRÍ VIỆC LÀM\n{}\nĐƠN VỊ (gồm cả đơn vị trực thuộc)\n{}\nTổng cộng: cần {} người ({} FTE), hiện có {}, chênh lệch {}, tỷ lệ {}\nQuy tắc làm tròn: {}\n",
        positions.render(),
        units.render(),
        t.required,
        vi_number(t.required_fte, 2),
        vi_number(t.current, 2),
        vi_number(t.difference, 2),
        ratio_text(t.ratio),
        results.rounding.label_vi()
    ))
}
