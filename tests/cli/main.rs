//! Command-line tests, one module per subcommand, each running the real `vtvl` binary.

mod workdir;

mod atomic_writes;
mod check;
mod compare;
mod compute;
mod explain;
mod export;
mod export_csv;
mod export_docx;
mod export_xlsx;
mod generate;
mod import;
mod language;
mod portfolio;
mod project;
mod samples;
mod template;
mod usage;
mod validate;
