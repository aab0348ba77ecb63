//! Loading and saving plan files: atomic saves that keep the previous version as a backup.

use std::ffi::OsString;
use std::fmt;
use std::fs::{self, File};
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

use super::PlanFileError;
use super::ron_text::{from_ron_str, write_ron};
use crate::model::Plan;

/// Reads and parses a plan file (see [`from_ron_str`]).
pub fn load(path: &Path) -> Result<Plan, PlanFileError> {
    let bytes = fs::read(path).map_err(|error| io_error(path, "read", error))?;
    let text = String::from_utf8(bytes).map_err(|error| not_utf8(path, &error))?;
    from_ron_str(&text, path)
}

/// Writes a plan file atomically. The plan goes to `<file>.tmp` in the same folder, which is
/// flushed to disk; then the existing file, if any, becomes `<file>.bak` (replacing the backup
/// of the save before) and the temporary file takes its name. A failed save leaves the
/// original file as it was and removes the temporary file.
pub fn save(plan: &Plan, path: &Path) -> Result<(), PlanFileError> {
    let tmp = sibling(path, "tmp")?;
    let bak = sibling(path, "bak")?;
    // Renaming a folder to `.bak` would "succeed" and lose it from its place.
    let had_previous = match fs::metadata(path) {
        Ok(meta) if meta.is_dir() => {
            let error = io::Error::new(io::ErrorKind::IsADirectory, "it is a folder");
            return Err(io_error(path, "write", error));
        }
        Ok(_) => true,
        Err(error) if error.kind() == io::ErrorKind::NotFound => false,
        Err(error) => return Err(io_error(path, "write", error)),
    };

    if let Err(error) = write_synced(plan, &tmp, path) {
        remove_quietly(&tmp);
        return Err(error);
    }
    if had_previous && let Err(error) = fs::rename(path, &bak) {
        remove_quietly(&tmp);
        return Err(io_error(
            path,
            "keep the previous version as a backup",
            error,
        ));
    }
    if let Err(error) = fs::rename(&tmp, path) {
        // Put the previous version back, so that a failed save changes nothing.
        if had_previous {
            let _ = fs::rename(&bak, path);
        }
        remove_quietly(&tmp);
        return Err(io_error(path, "replace", error));
    }
    sync_folder(path);
    Ok(())
}

/// Writes the plan to `tmp` and flushes it to the disk, so the rename that follows never
/// exposes a half-written file, even after a power cut.
fn write_synced(plan: &Plan, tmp: &Path, target: &Path) -> Result<(), PlanFileError> {
    let file = File::create(tmp).map_err(|error| io_error(target, "write", error))?;
    let mut sink = IoSink {
        writer: BufWriter::new(file),
        error: None,
    };
    let written = write_ron(plan, &mut sink);
    if let Some(error) = sink.error {
        return Err(io_error(target, "write", error));
    }
    written?;
    let file = sink
        .writer
        .into_inner()
        .map_err(|error| io_error(target, "write", error.into_error()))?;
    file.sync_all()
        .map_err(|error| io_error(target, "write", error))
}

/// Makes the renames durable where the platform allows syncing a folder; best effort, as the
/// file itself is already safe.
fn sync_folder(path: &Path) {
    #[cfg(unix)]
    if let Some(folder) = path.parent() {
        let folder = if folder.as_os_str().is_empty() {
            Path::new(".")
        } else {
            folder
        };
        if let Ok(handle) = File::open(folder) {
            let _ = handle.sync_all();
        }
    }
    #[cfg(not(unix))]
    let _ = path;
}

/// `<file>.<extra>` next to `path`, e.g. `plan.ron.tmp`.
fn sibling(path: &Path, extra: &str) -> Result<PathBuf, PlanFileError> {
    let Some(name) = path.file_name() else {
        let error = io::Error::new(io::ErrorKind::InvalidInput, "not a file name");
        return Err(io_error(path, "write", error));
    };
    let mut name = OsString::from(name);
    name.push(".");
    name.push(extra);
    Ok(path.with_file_name(name))
}

fn remove_quietly(path: &Path) {
    let _ = fs::remove_file(path);
}

fn io_error(path: &Path, action: &'static str, error: io::Error) -> PlanFileError {
    PlanFileError::Io {
        path: path.to_path_buf(),
        action,
        error,
    }
}

/// Points at the first byte that is not UTF-8, as a parse error does.
fn not_utf8(path: &Path, error: &std::string::FromUtf8Error) -> PlanFileError {
    let valid = &error.as_bytes()[..error.utf8_error().valid_up_to()];
    // The valid prefix is UTF-8 by definition; count lines and characters on it.
    let prefix = std::str::from_utf8(valid).unwrap_or_default();
    let line = 1 + prefix.matches('\n').count();
    let column = 1 + prefix
        .rsplit('\n')
        .next()
        .unwrap_or_default()
        .chars()
        .count();
    PlanFileError::Parse {
        path: path.to_path_buf(),
        line,
        column,
        message: "the file is not UTF-8 text; save it as UTF-8".to_owned(),
    }
}

/// Lets the RON serialiser, which writes to `fmt::Write`, stream into a file while keeping
/// the real I/O error (ron would only keep its text).
struct IoSink<W: Write> {
    writer: W,
    error: Option<io::Error>,
}

impl<W: Write> fmt::Write for IoSink<W> {
    fn write_str(&mut self, text: &str) -> fmt::Result {
        self.writer.write_all(text.as_bytes()).map_err(|error| {
            self.error = Some(error);
            fmt::Error
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn siblings_add_to_the_whole_file_name() {
        let path = Path::new("plans/xa.ron");
        assert_eq!(sibling(path, "tmp").unwrap(), Path::new("plans/xa.ron.tmp"));
        assert_eq!(sibling(path, "bak").unwrap(), Path::new("plans/xa.ron.bak"));
    }

    #[test]
    fn a_path_without_file_name_is_refused() {
        assert!(matches!(
            sibling(Path::new("/"), "tmp"),
            Err(PlanFileError::Io { .. })
        ));
    }

    #[test]
    fn a_utf8_error_is_placed_by_characters() {
        let bytes = "ab\nđc".bytes().chain([0xff]).collect::<Vec<u8>>();
        let error = String::from_utf8(bytes).unwrap_err();
        let located = not_utf8(Path::new("a.ron"), &error);
        assert!(matches!(
            located,
            PlanFileError::Parse {
                line: 2,
                column: 3,
                ..
            }
        ));
    }
}
