//! The `vtvl` binary: parses the command line and hands it to the library.

use clap::Parser as _;

fn main() -> std::process::ExitCode {
    vtvl::cli::run(vtvl::cli::Cli::parse())
}
