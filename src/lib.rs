//! vtvl: job-position (vị trí việc làm) and headcount planning for Vietnamese public agencies.
//!
//! The library holds everything: the plan model, plan files, validation, the polars engine,
//! the interchange format and the command-line subcommands. The binary only parses arguments.

// No panics in library code: errors are typed and returned (tests may unwrap).
#![cfg_attr(
    not(test),
    deny(clippy::unwrap_used, clippy::expect_used, clippy::panic)
)]

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
pub mod narrative;
pub mod norms;
pub mod output;
pub mod plan_file;
pub mod portfolio;
pub mod projection;
pub mod report;
pub mod rules;
pub mod validation;
