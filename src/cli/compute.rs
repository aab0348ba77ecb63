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
        Format::Csv => csv(&results)?,
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

fn csv(results: &PlanResults) -> anyhow::Result<String> {
    let mut writer = ::csv::Writer::from_writer(Vec::new());
    writer.write_record([
        "level",
        "id",
        "unit_id",
        "parent_id",
        "name",
        "category",
        "method",
        "quota",
        "available_hours",
        "service_fte",
        "caf",
        "iaf",
        "norm_fte",
        "required_fte",
        "required",
        "current",
        "difference",
        "ratio",
    ])?;
    let num = |x: f64| x.to_string();
    let opt = |x: Option<f64>| x.map(|v| v.to_string()).unwrap_or_default();
    for p in &results.positions {
        writer.write_record([
            "position".to_owned(),
            p.id.clone(),
            p.unit_id.clone(),
            String::new(),
            p.name.clone(),
            p.category.keyword().to_owned(),
            p.method.keyword().to_owned(),
            String::new(),
            num(p.available_hours),
            num(p.service_fte),
            num(p.caf),
            num(p.iaf),
            num(p.norm_fte),
            num(p.required_fte),
            p.required.to_string(),
            num(p.current),
            num(p.difference),
            opt(p.ratio),
        ])?;
    }
    for u in &results.units {
        writer.write_record([
            "unit".to_owned(),
            u.id.clone(),
            String::new(),
            u.parent_id.clone().unwrap_or_default(),
            u.name.clone(),
            String::new(),
            String::new(),
            u.quota.map(|q| q.to_string()).unwrap_or_default(),
            String::new(),
            String::new(),
            String::new(),
            String::new(),
            String::new(),
            num(u.required_fte),
            u.required.to_string(),
            num(u.current),
            num(u.difference),
            opt(u.ratio),
        ])?;
    }
    let t = &results.total;
    let mut total = vec![String::new(); 18];
    total[0] = "total".to_owned();
    total[13] = num(t.required_fte);
    total[14] = t.required.to_string();
    total[15] = num(t.current);
    total[16] = num(t.difference);
    total[17] = opt(t.ratio);
    writer.write_record(&total)?;
    let bytes = writer.into_inner().map_err(|e| anyhow::anyhow!("{e}"))?;
    Ok(String::from_utf8(bytes)?)
}
