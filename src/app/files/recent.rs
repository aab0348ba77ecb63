//! The recent-files list kept in the preferences: most recent first, at most [`MAX`] entries.

use std::path::{Path, PathBuf};

pub const MAX: usize = 10;

/// Puts `path` first (as an absolute path, so the list works from any folder).
pub fn remember(list: &mut Vec<PathBuf>, path: &Path) {
    let path = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    list.retain(|p| p != &path);
    list.insert(0, path);
    list.truncate(MAX);
}

/// Drops `path` from the list; tells whether it was there.
pub fn forget(list: &mut Vec<PathBuf>, path: &Path) -> bool {
    let absolute = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    let before = list.len();
    list.retain(|p| p != path && p != &absolute);
    list.len() != before
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn newest_first_without_duplicates_and_capped() {
        let mut list = Vec::new();
        for n in 0..12 {
            remember(&mut list, Path::new(&format!("/plans/{n}.ron")));
        }
        remember(&mut list, Path::new("/plans/5.ron"));
        assert_eq!(list.len(), MAX);
        assert_eq!(list[0], Path::new("/plans/5.ron"));
        assert_eq!(list[1], Path::new("/plans/11.ron"));
        assert_eq!(list.iter().filter(|p| p.ends_with("5.ron")).count(), 1);
        assert!(forget(&mut list, Path::new("/plans/5.ron")));
        assert!(!forget(&mut list, Path::new("/plans/5.ron")));
        assert_eq!(list.len(), MAX - 1);
    }
}
