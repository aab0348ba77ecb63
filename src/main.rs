//! The `vtvl` binary: hands the command line to the library.

/// mimalloc rather than the system allocator: a province's dossier export frees and allocates
/// millions of small blocks on two threads.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    vtvl::cli::main(std::env::args_os().collect())
}
