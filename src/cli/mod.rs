//! The command line: one module per subcommand, each a thin layer over library calls.
//!
//! Exit codes: 0 ok, 1 invalid input (the message on stderr), 2 usage (from clap, and a bare
//! argument that is neither a command nor an existing plan file), 3 a check found errors
//! (`vtvl check`), or a plan of a portfolio cannot be read or has one (`vtvl portfolio`).

mod bench;
mod chart;
mod check;
mod compare;
mod compute;
mod explain;
mod export;
mod export_csv;
mod export_xlsx;
mod generate;
mod import;
mod plan_input;
mod portfolio;
mod project;
mod standard_output;
mod template;
mod text_table;
mod validate;

use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::error::ErrorKind;
use clap::{Parser, Subcommand, ValueEnum};

use crate::language::Language;

/// vtvl: plan job positions (vị trí việc làm) and headcount for public agencies.
///
/// With no command, opens the desktop app on PLAN (or on the bundled sample plan).
#[derive(Debug, Parser)]
#[command(name = "vtvl", version, about, long_about = None)]
pub struct Cli {
    /// A plan file (.ron) to open in the desktop app, or a folder of plan files to open as a
    /// portfolio (the bundled sample plan is then the open plan).
    pub plan: Option<PathBuf>,
    /// The language of messages, tables and errors: vi (Vietnamese) or en (English). Without
    /// it, the locale's (LC_ALL, LC_MESSAGES, LANG), and Vietnamese when that is neither.
    /// JSON keys stay as they are; JSON `message` fields follow this language.
    #[arg(long, global = true, value_enum, value_name = "LANG")]
    pub lang: Option<Lang>,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Derive required headcount per position and unit and compare it with current staff.
    Compute(compute::Args),
    /// Show how a position's figures were reached: the formula with its actual inputs.
    Explain(explain::Args),
    /// Check a plan and list every problem with its place.
    Validate(validate::Args),
    /// Compare two versions of a plan (A older, B newer), or several agencies' plans with
    /// --benchmark.
    Compare(compare::Args),
    /// Hold a plan against the review rules in force on a date (exit 3 when a blocking rule is
    /// breached).
    Check(check::Args),
    /// Read an interchange folder of CSV files, or a filled workbook template, into a plan file.
    Import(import::Args),
    /// Write an empty workbook template to fill in and import.
    Template(template::Args),
    /// Write a plan as an interchange folder of CSV files.
    #[command(name = "export-csv")]
    ExportCsv(export_csv::Args),
    /// Write a plan into the workbook template's layout, to edit in a spreadsheet and import.
    #[command(name = "export-xlsx")]
    ExportXlsx(export_xlsx::Args),
    /// Write the approval dossier as an Excel workbook (.xlsx), the đề án as a Word draft
    /// (.docx), or both.
    Export(export::Args),
    /// Draw one of the dossier's charts as PNG or SVG.
    Chart(chart::Args),
    /// Load, compute and check every plan file under a folder (one per agency): one row per
    /// agency, the total, and the sums by unit type and employment basis (exit 3 when a plan
    /// cannot be read or has an error).
    Portfolio(portfolio::Args),
    /// Project the workforce over the next years: who retires when, what the workload
    /// requires and how many must be recruited, per unit and position, under a scenario.
    Project(project::Args),
    /// Write a synthetic plan of a given size (for benchmarks and trials).
    Generate(generate::Args),
    /// Measure compute, load and save at province and national scale.
    Bench(bench::Args),
}

/// The languages `--lang` names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Lang {
    /// Tiếng Việt.
    Vi,
    /// English.
    En,
}

impl Cli {
    /// The language chosen with `--lang`, else the environment's.
    pub fn language(&self) -> Language {
        match self.lang {
            Some(Lang::Vi) => Language::Vietnamese,
            Some(Lang::En) => Language::English,
            None => Language::from_environment(),
        }
    }
}

/// Parses `args` (the program name first) and runs them. A usage error exits 2; when its
/// first word is neither a command nor an existing file (`vtvl valdate plan.ron`), the error
/// names the commands and the nearest one, in the chosen language, rather than complaining
/// about the words after it.
pub fn main(args: Vec<OsString>) -> ExitCode {
    let error = match Cli::try_parse_from(&args) {
        Ok(cli) => return run(cli),
        Err(error) => error,
    };
    let shown_on_purpose = matches!(
        error.kind(),
        ErrorKind::DisplayHelp
            | ErrorKind::DisplayVersion
            | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand
    );
    if !shown_on_purpose && let Some(word) = mistyped_command(&args) {
        eprintln!("vtvl: {}", not_a_plan(Path::new(word), language_of(&args)));
        return ExitCode::from(2);
    }
    let code = if error.use_stderr() { 2 } else { 0 };
    let _ = error.print();
    ExitCode::from(code)
}

/// The first word of a command line when it is neither a command nor an existing file.
fn mistyped_command(args: &[OsString]) -> Option<&str> {
    let mut words = args.iter().skip(1).filter_map(|arg| arg.to_str());
    let first = loop {
        let word = words.next()?;
        if word == "--lang" {
            words.next();
        } else if !word.starts_with('-') {
            break word;
        }
    };
    let known = first == "help" || subcommands().iter().any(|name| name == first);
    let path = Path::new(first);
    (!known && !path.is_file() && !path.is_dir()).then_some(first)
}

/// The language a command line asks for with `--lang`, else the environment's.
fn language_of(args: &[OsString]) -> Language {
    let mut words = args.iter().skip(1).filter_map(|arg| arg.to_str());
    while let Some(word) = words.next() {
        let value = match word.strip_prefix("--lang") {
            Some("") => words.next(),
            Some(rest) => rest.strip_prefix('='),
            None => None,
        };
        match value {
            Some("vi") => return Language::Vietnamese,
            Some("en") => return Language::English,
            _ => {}
        }
    }
    Language::from_environment()
}

/// Runs a parsed command line and returns the process exit code.
pub fn run(cli: Cli) -> ExitCode {
    let language = cli.language();
    if let Some(plan) = &cli.plan
        && !plan.is_file()
        && !plan.is_dir()
    {
        // Only an existing file or folder opens the app: anything else is a mistyped command
        // or path.
        eprintln!("vtvl: {}", not_a_plan(plan, language));
        return ExitCode::from(2);
    }
    let outcome = match cli.command {
        None => open_app(cli.plan.as_deref(), language),
        Some(Command::Compute(args)) => compute::run(&args, language),
        Some(Command::Explain(args)) => explain::run(&args, language),
        Some(Command::Validate(args)) => validate::run(&args, language),
        Some(Command::Compare(args)) => compare::run(&args, language),
        Some(Command::Check(args)) => match check::run(&args, language) {
            Ok(code) => return code,
            Err(error) => Err(error),
        },
        Some(Command::Portfolio(args)) => match portfolio::run(&args, language) {
            Ok(code) => return code,
            Err(error) => Err(error),
        },
        Some(Command::Import(args)) => import::run(&args, language),
        Some(Command::Template(args)) => template::run(&args, language),
        Some(Command::ExportCsv(args)) => export_csv::run(&args, language),
        Some(Command::ExportXlsx(args)) => export_xlsx::run(&args, language),
        Some(Command::Export(args)) => export::run(&args, language),
        Some(Command::Chart(args)) => chart::run(&args, language),
        Some(Command::Project(args)) => project::run(&args, language),
        Some(Command::Generate(args)) => generate::run(&args, language),
        // Measurements for developers of a deployment, in English whatever the language.
        Some(Command::Bench(args)) => bench::run(&args),
    };
    match outcome {
        Ok(()) => ExitCode::SUCCESS,
        Err(error) => {
            eprintln!("vtvl: {error:#}");
            ExitCode::from(1)
        }
    }
}

/// The subcommands' names, as the parser knows them.
fn subcommands() -> Vec<String> {
    use clap::CommandFactory as _;
    Cli::command()
        .get_subcommands()
        .map(|command| command.get_name().to_owned())
        .filter(|name| name != "help")
        .collect()
}

/// The usage error for a bare argument that is no plan file: a mistyped command (with the
/// nearest one suggested) or a path that does not exist.
fn not_a_plan(argument: &std::path::Path, language: crate::language::Language) -> String {
    use crate::language::Language;
    let names = subcommands();
    let typed = argument.to_string_lossy();
    if typed.contains(['/', '\\', '.']) {
        return match language {
            Language::English => format!(
                "no plan file {typed:?} (to open a plan, give the path of an existing .ron file)"
            ),
            Language::Vietnamese => format!(
                "không có tệp đề án {typed:?} (để mở một đề án, hãy chỉ đường dẫn của một tệp .ron có sẵn)"
            ),
        };
    }
    let nearest = crate::format::nearest(&typed, names.iter().map(String::as_str));
    let names = names.join(", ");
    match (language, nearest) {
        (Language::English, Some(name)) => format!(
            "unknown command {typed}; did you mean {name}?\ncommands: {names} (vtvl --help)"
        ),
        (Language::English, None) => {
            format!("unknown command {typed}\ncommands: {names} (vtvl --help)")
        }
        (Language::Vietnamese, Some(name)) => {
            format!("không có lệnh {typed}; có phải là {name}?\ncác lệnh: {names} (vtvl --help)")
        }
        (Language::Vietnamese, None) => {
            format!("không có lệnh {typed}\ncác lệnh: {names} (vtvl --help)")
        }
    }
}

fn open_app(plan: Option<&std::path::Path>, language: Language) -> anyhow::Result<()> {
    if !display_available() {
        anyhow::bail!(
            "{}: {} (vtvl --help)",
            language.t(
                "không có màn hình cho ứng dụng; trên dòng lệnh hãy dùng một trong các lệnh",
                "no display for the desktop app; on the command line use one of"
            ),
            subcommands().join(", ")
        );
    }
    crate::app::run(plan, language)
}

/// Whether a window can be opened: on Linux and the BSDs, an X11 or Wayland display.
fn display_available() -> bool {
    if cfg!(any(target_os = "windows", target_os = "macos")) {
        return true;
    }
    ["DISPLAY", "WAYLAND_DISPLAY"]
        .iter()
        .any(|name| std::env::var_os(name).is_some_and(|v| !v.is_empty()))
}

/// A plan file argument.
pub type PlanPath = PathBuf;
