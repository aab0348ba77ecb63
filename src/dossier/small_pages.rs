//! Small memory pages while a dossier is built. Where the kernel backs memory with 2 MB pages
//! (transparent huge pages), every page an export touches is zeroed whole: a province's export
//! held a third more memory and, on some runs, spent up to a second more in the kernel; with
//! 4 KB pages it is steady. Work that keeps its memory long (the engine on a national plan)
//! is faster with the large pages, so they are turned off only while a dossier is built, for
//! the whole process (the kernel has no finer switch), and turned on again after.

/// While it lives, memory the process touches for the first time comes in 4 KB pages.
pub(super) struct SmallPages {
    /// Whether this guard turned the large pages off, and turns them on again.
    #[cfg(target_os = "linux")]
    restore: bool,
}

impl SmallPages {
    pub(super) fn begin() -> Self {
        #[cfg(target_os = "linux")]
        {
            // Already off (by whoever started the process, or by an export under way): it
            // stays as it is. Failing to switch, the export runs as it would have.
            let restore = matches!(
                rustix::thread::transparent_huge_pages_are_disabled(),
                Ok(false)
            ) && rustix::thread::disable_transparent_huge_pages(true).is_ok();
            SmallPages { restore }
        }
        #[cfg(not(target_os = "linux"))]
        SmallPages {}
    }
}

impl Drop for SmallPages {
    fn drop(&mut self) {
        #[cfg(target_os = "linux")]
        if self.restore {
            let _ = rustix::thread::disable_transparent_huge_pages(false);
        }
    }
}
