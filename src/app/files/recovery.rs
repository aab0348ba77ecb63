//! Recovery copies: while the plan has unsaved changes, a copy is written now and then to a
//! folder of the user's data, so that a crash or power cut loses at most a minute of work. The
//! copy goes once the changes are saved or deliberately discarded; a copy left by a session
//! that did not end cleanly is offered at the next start.
//!
//! Each session writes `autosave-<process>-<start>.ron` (through the atomic plan save) and a
//! side file `autosave-<process>-<start>.source` holding the path of the plan's own file, if
//! it has one.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use crate::app::document::Document;
use crate::plan_file::{self, PlanFileError};

/// How long unsaved changes may wait before they are copied.
pub const INTERVAL: Duration = Duration::from_secs(60);

const PREFIX: &str = "autosave-";
const PLAN_EXTENSION: &str = "ron";
const SOURCE_EXTENSION: &str = "source";

/// Why a recovery copy could not be written.
#[derive(Debug, thiserror::Error)]
pub enum RecoveryError {
    #[error(transparent)]
    Plan(#[from] PlanFileError),
    #[error("{}: cannot {action}: {error}", path.display())]
    Io {
        path: PathBuf,
        action: &'static str,
        error: io::Error,
    },
}

/// A copy left by an earlier session.
#[derive(Debug, Clone, PartialEq)]
pub struct RecoveryCopy {
    pub file: PathBuf,
    /// The plan's own file when the copy was written, if it had one.
    pub original: Option<PathBuf>,
    /// The plan's name, when the copy can be read.
    pub plan_name: Option<String>,
}

/// This session's recovery copy and when it is due.
#[derive(Debug)]
pub struct Recovery {
    folder: PathBuf,
    interval: Duration,
    own: PathBuf,
    /// The document revision the copy on disk holds.
    written: Option<u64>,
    /// Since when there are changes not in the copy.
    waiting_since: Option<Instant>,
}

impl Recovery {
    /// Copies go to `folder` (created when the first copy is written).
    pub fn new(folder: PathBuf) -> Self {
        let started = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map(|d| d.as_nanos())
            .unwrap_or_default();
        let own = folder.join(format!(
            "{PREFIX}{}-{started}.{PLAN_EXTENSION}",
            std::process::id()
        ));
        Recovery {
            folder,
            interval: INTERVAL,
            own,
            written: None,
            waiting_since: None,
        }
    }

    /// Changes the delay before a copy (tests use zero).
    pub fn with_interval(mut self, interval: Duration) -> Self {
        self.interval = interval;
        self
    }

    pub fn folder(&self) -> &Path {
        &self.folder
    }

    /// This session's copy (it exists only while written).
    pub fn own_file(&self) -> &Path {
        &self.own
    }

    pub fn has_copy(&self) -> bool {
        self.written.is_some()
    }

    /// Called every frame: writes a copy when changes have waited long enough, removes it once
    /// the document has no unsaved changes. Returns how long until the next copy is due.
    pub fn tick(
        &mut self,
        document: &Document,
        now: Instant,
    ) -> Result<Option<Duration>, RecoveryError> {
        if !document.is_dirty() {
            self.discard();
            return Ok(None);
        }
        if self.written == Some(document.revision()) {
            self.waiting_since = None;
            return Ok(None);
        }
        let since = *self.waiting_since.get_or_insert(now);
        let waited = now.saturating_duration_since(since);
        if waited < self.interval {
            return Ok(Some(self.interval - waited));
        }
        // A failed write is retried after another interval, not on every frame.
        self.waiting_since = Some(now);
        self.write(document)?;
        self.waiting_since = None;
        Ok(None)
    }

    /// Writes the copy now: the side file first, so a copy never lacks its origin.
    pub fn write(&mut self, document: &Document) -> Result<(), RecoveryError> {
        fs::create_dir_all(&self.folder).map_err(|error| RecoveryError::Io {
            path: self.folder.clone(),
            action: "create the folder",
            error,
        })?;
        let origin = document
            .path()
            .map(|p| p.to_string_lossy().into_owned())
            .unwrap_or_default();
        write_small(&side_file(&self.own), &origin)?;
        plan_file::save(document.plan(), &self.own)?;
        self.written = Some(document.revision());
        Ok(())
    }

    /// Removes this session's copy, if one was written.
    pub fn discard(&mut self) {
        if self.written.take().is_some() {
            remove_copy_files(&self.own);
        }
        self.waiting_since = None;
    }

    /// Copies left by other sessions, the newest first.
    pub fn find(&self) -> Vec<RecoveryCopy> {
        let Ok(entries) = fs::read_dir(&self.folder) else {
            return Vec::new();
        };
        let mut found: Vec<(SystemTime, PathBuf)> = entries
            .filter_map(Result::ok)
            .map(|entry| entry.path())
            .filter(|path| path != &self.own && is_copy(path))
            .map(|path| {
                let modified = fs::metadata(&path)
                    .and_then(|m| m.modified())
                    .unwrap_or(UNIX_EPOCH);
                (modified, path)
            })
            .collect();
        found.sort_by_key(|(modified, _)| std::cmp::Reverse(*modified));
        found
            .into_iter()
            .map(|(_, file)| RecoveryCopy {
                original: fs::read_to_string(side_file(&file))
                    .ok()
                    .map(|text| text.trim().to_owned())
                    .filter(|text| !text.is_empty())
                    .map(PathBuf::from),
                plan_name: plan_file::load(&file).ok().map(|plan| plan.meta.name),
                file,
            })
            .collect()
    }
}

/// Removes a copy left by another session (after it was restored or declined).
pub fn remove_copy(copy: &RecoveryCopy) {
    remove_copy_files(&copy.file);
}

/// `$XDG_DATA_HOME/vtvl/recovery`, else `~/.local/share/vtvl/recovery` (on Windows
/// `%LOCALAPPDATA%\vtvl\recovery`); `None` when no such folder can be named.
pub fn default_folder() -> Option<PathBuf> {
    let absolute = |name: &str| {
        std::env::var_os(name)
            .map(PathBuf::from)
            .filter(|p| p.is_absolute())
    };
    let data = if cfg!(windows) {
        absolute("LOCALAPPDATA")
    } else {
        absolute("XDG_DATA_HOME").or_else(|| absolute("HOME").map(|h| h.join(".local/share")))
    }?;
    Some(data.join("vtvl").join("recovery"))
}

fn is_copy(path: &Path) -> bool {
    let named = path
        .file_name()
        .and_then(|n| n.to_str())
        .is_some_and(|n| n.starts_with(PREFIX));
    named && path.extension().is_some_and(|e| e == PLAN_EXTENSION) && path.is_file()
}

fn side_file(copy: &Path) -> PathBuf {
    copy.with_extension(SOURCE_EXTENSION)
}

/// The copy, its side file and the backup the atomic save keeps. Best effort: a copy that
/// cannot be removed is offered again, which loses nothing.
fn remove_copy_files(copy: &Path) {
    let mut backup = copy.as_os_str().to_owned();
    backup.push(".bak");
    for path in [copy.to_path_buf(), side_file(copy), PathBuf::from(backup)] {
        let _ = fs::remove_file(path);
    }
}

/// Writes a small text file atomically, so it is whole or absent.
fn write_small(path: &Path, text: &str) -> Result<(), RecoveryError> {
    crate::output::atomic::write_bytes(path, text.as_bytes()).map_err(|error| RecoveryError::Io {
        path: path.to_path_buf(),
        action: "write",
        error,
    })
}
