//! vtvl: job-position (vị trí việc làm) and headcount planning for Vietnamese public agencies.
//!
//! The library holds everything: the plan model, plan files, validation, the polars engine,
//! the interchange format and the command-line subcommands. The binary only parses arguments.

pub mod app;
pub mod cli;
pub mod compare;
pub mod dossier;
pub mod editing;
pub mod engine;
pub mod format;
pub mod generate;
pub mod interchange;
pub mod language;
pub mod model;
pub mod norms;
pub mod output;
pub mod plan_file;
pub mod report;
pub mod rules;
pub mod validation;
