//! The `vtvl` binary: hands the command line to the library.

fn main() -> std::process::ExitCode {
    vtvl::cli::main(std::env::args_os().collect())
}
