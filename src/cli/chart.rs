//! `vtvl chart`: one of the dossier's charts alone, as PNG or SVG.

use std::path::PathBuf;

use crate::output::atomic::refuse_overwriting_input;

use super::PlanPath;
use super::plan_input::load_valid;
use crate::dossier::{self, ChartKind};
use crate::engine;
use crate::language::InLanguage as _;
use crate::language::Language;

/// Which chart to draw.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Kind {
    /// Required against current headcount per unit.
    Units,
    /// Current against proposed headcount per rank.
    Ranks,
}

#[derive(Debug, clap::Args)]
#[command(group(clap::ArgGroup::new("output").required(true).multiple(false).args(["png", "svg"])))]
pub struct Args {
    /// The plan file (.ron).
    pub plan: PlanPath,
    /// The chart to draw.
    #[arg(long, value_enum)]
    pub kind: Kind,
    /// Write a PNG image.
    #[arg(long, value_name = "FILE")]
    pub png: Option<PathBuf>,
    /// Write an SVG image.
    #[arg(long, value_name = "FILE")]
    pub svg: Option<PathBuf>,
}

pub fn run(args: &Args, language: Language) -> anyhow::Result<()> {
    for output in [&args.png, &args.svg].into_iter().flatten() {
        refuse_overwriting_input(&[&args.plan], output).in_language(language)?;
    }
    let plan = load_valid(&args.plan, language)?;
    let results = engine::compute(&plan).in_language(language)?;
    let kind = match args.kind {
        Kind::Units => ChartKind::Units,
        Kind::Ranks => ChartKind::Ranks,
    };
    let data = dossier::chart_data(&plan, &results, kind).in_language(language)?;
    let written = match (&args.png, &args.svg) {
        (Some(path), _) => {
            dossier::render_png(&data, path).in_language(language)?;
            path
        }
        (None, Some(path)) => {
            dossier::render_svg(&data, path).in_language(language)?;
            path
        }
        (None, None) => anyhow::bail!(
            "{}",
            language.t(
                "cần --png TỆP hoặc --svg TỆP",
                "give --png FILE or --svg FILE"
            )
        ),
    };
    eprintln!("{} -> {}", args.plan.display(), written.display());
    Ok(())
}
