//! Finding the plan files of a portfolio: every `.ron` file under a folder, at any depth.

use std::path::{Path, PathBuf};

use super::PortfolioError;

/// The plan files (`.ron`) under `root` and its sub-folders, sorted by path. Hidden files and
/// folders (a name starting with `.`: backups, caches) are skipped. A sub-folder that cannot
/// be listed is an error naming it.
pub fn plan_files(root: &Path) -> Result<Vec<PathBuf>, PortfolioError> {
    if !root.is_dir() {
        return Err(PortfolioError::NotAFolder {
            path: root.to_path_buf(),
        });
    }
    let mut files = Vec::new();
    let mut folders = vec![root.to_path_buf()];
    while let Some(folder) = folders.pop() {
        let entries = std::fs::read_dir(&folder).map_err(|error| PortfolioError::Io {
            path: folder.clone(),
            error,
        })?;
        for entry in entries {
            let entry = entry.map_err(|error| PortfolioError::Io {
                path: folder.clone(),
                error,
            })?;
            let path = entry.path();
            let hidden = entry.file_name().to_string_lossy().starts_with('.');
            if hidden {
                continue;
            }
            // Follows symbolic links, as a user who links a folder in expects.
            if path.is_dir() {
                folders.push(path);
            } else if path
                .extension()
                .is_some_and(|e| e.eq_ignore_ascii_case("ron"))
            {
                files.push(path);
            }
        }
    }
    files.sort();
    Ok(files)
}
