//! Loading and saving plan files: atomic saves that keep the previous version as a backup.

use std::ffi::OsString;
use std::fmt;
use std::fs::{self, File};
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

use super::PlanFileError;
use super::ron_text::{from_ron_str, write_ron};
use crate::language::Text;
use crate::model::Plan;
use crate::output::atomic::{self, AtomicError};

/// Reads and parses a plan file (see [`from_ron_str`]). Large files are read through a cache
/// kept beside them (see [`super::cache`]), which gives the same plan as the RON text.
pub fn load(path: &Path) -> Result<Plan, PlanFileError> {
    super::cache::load(path, super::cache::MIN_CACHED_BYTES)
}

/// Reads and parses a plan file from its RON text alone, neither reading nor writing the
/// cache beside it.
pub fn load_ron(path: &Path) -> Result<Plan, PlanFileError> {
    let bytes = fs::read(path).map_err(|error| io_error(path, "read", error))?;
    parse_bytes(bytes, path)
}

/// Parses the bytes of a plan file, naming `path` in errors.
pub(super) fn parse_bytes(bytes: Vec<u8>, path: &Path) -> Result<Plan, PlanFileError> {
    let text = String::from_utf8(bytes).map_err(|error| not_utf8(path, &error))?;
    from_ron_str(&text, path)
}

/// Writes a plan file atomically (see [`crate::output::atomic`]). The plan goes to a
/// temporary file in the same folder, which is flushed to disk; the existing file, if any, is
/// linked (or copied) to `<file>.bak`, replacing the backup of the save before; then the
/// temporary file is renamed over the plan, so the plan file exists at every moment. A failed
/// save leaves the original file as it was and removes the temporary file; temporary files of
/// a killed save are removed by the next one.
pub fn save(plan: &Plan, path: &Path) -> Result<(), PlanFileError> {
    let bak = sibling(path, "bak")?;
    atomic::write_file_keeping_backup(path, &bak, |tmp| write_synced(plan, tmp, path)).map_err(
        |error| match error {
            AtomicError::Content(error) => error,
            AtomicError::Io { action, error } => io_error(path, action, error),
        },
    )
}

/// Writes the plan to `tmp` through a buffer, keeping the real I/O error.
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
    sink.writer
        .into_inner()
        .map_err(|error| io_error(target, "write", error.into_error()))?;
    Ok(())
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

pub(super) fn io_error(path: &Path, action: &'static str, error: io::Error) -> PlanFileError {
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
        message: Text::new(
            "tệp không phải văn bản UTF-8; hãy lưu lại dưới dạng UTF-8",
            "the file is not UTF-8 text; save it as UTF-8",
        ),
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
