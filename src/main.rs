//! The `vtvl` binary: hands the command line to the library.

/// mimalloc rather than the system allocator: a province's dossier export frees and allocates
/// millions of small blocks on two threads.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    // Where the kernel backs memory with 2 MB pages unasked, each page an export touches is
    // zeroed whole: a province's export then held a third more memory, and spent up to a
    // second more in the kernel on some runs. mimalloc's own switch (MIMALLOC_ALLOW_THP=0)
    // does this too, but only from the environment. Failing to, the process runs as it is.
    #[cfg(target_os = "linux")]
    let _ = rustix::thread::disable_transparent_huge_pages(true);
    vtvl::cli::main(std::env::args_os().collect())
}
