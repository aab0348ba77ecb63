//! Recovery copies: while the plan has unsaved changes, a copy is written now and then to a
//! folder of the user's data, so that a crash or power cut loses at most a minute of work. The
//! copy goes once the changes are saved or deliberately discarded; a copy left by a session
//! that did not end cleanly is offered at the next start.
//!
//! Each session writes `autosave-<process>-<start>.ron` (through the atomic plan save) and a
//! side file `autosave-<process>-<start>.source` holding the path of the plan's own file, if
//! it has one.
//!
//! One window, one copy: each session holds a lock on `autosave-<process>-<start>.lock` (which
//! holds its process id) for as long as it runs, and keeps its side file naming the plan it has
//! open. Another window never offers, restores or removes the copy of a session whose lock is
//! held, and is told when the plan it opens is open in such a session. A lock no longer held
//! (the session ended or crashed) is taken over: its copy is offered as before. Where the
//! file system cannot lock, a session counts as running while its process exists (on Linux,
//! `/proc/<process>`).
//!
//! The app writes its copies on a thread of its own ([`Recovery::in_background`]), so that
//! writing a large plan never holds up the window: one writer, which does its jobs in order and
//! of several copies waiting writes only the last; the copy is taken from the plan without
//! copying it ([`Document::snapshot`]). Writing now ([`Recovery::write`]) and ending wait for
//! that thread first.

use std::fs::{self, File, OpenOptions, TryLockError};
use std::io::{self, Write as _};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::mpsc::{Receiver, Sender, channel};
use std::thread::JoinHandle;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use crate::app::document::Document;
use crate::model::Plan;
use crate::plan_file::{self, PlanFileError};

/// How long unsaved changes may wait before they are copied.
pub const INTERVAL: Duration = Duration::from_secs(60);

/// How soon a copy is tried again when the plan could not be shared yet.
const SNAPSHOT_RETRY: Duration = Duration::from_millis(200);

const PREFIX: &str = "autosave-";
const PLAN_EXTENSION: &str = "ron";
const SOURCE_EXTENSION: &str = "source";
const LOCK_EXTENSION: &str = "lock";

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
    /// This session's lock, held while it runs (`None` when it could not be taken).
    lock: Option<File>,
    /// The plan file the side file names (`None` until written).
    announced: Option<Option<PathBuf>>,
    /// The thread writing copies, when they are written in the background.
    writer: Option<Writer>,
}

/// What the writing thread is asked to do, in order.
enum Job {
    Write(Arc<Plan>, PathBuf),
    Remove(PathBuf),
    /// Answers once every job before it is done.
    Flush(Sender<()>),
}

/// The one thread writing this session's copies.
#[derive(Debug)]
struct Writer {
    jobs: Sender<Job>,
    failures: Receiver<RecoveryError>,
    thread: Option<JoinHandle<()>>,
}

impl std::fmt::Debug for Job {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Job::Write(_, path) => write!(f, "Write({})", path.display()),
            Job::Remove(path) => write!(f, "Remove({})", path.display()),
            Job::Flush(_) => write!(f, "Flush"),
        }
    }
}

impl Writer {
    /// Starts the thread; `None` when the system refuses one (copies are then written on the
    /// caller's thread).
    fn start() -> Option<Self> {
        let (jobs, inbox) = channel::<Job>();
        let (report, failures) = channel();
        let thread = std::thread::Builder::new()
            .name("recovery copy".to_owned())
            .spawn(move || {
                while let Ok(first) = inbox.recv() {
                    let mut batch = vec![first];
                    batch.extend(inbox.try_iter());
                    // Of the copies waiting, only the last is written: it holds the latest state.
                    let last_write = batch.iter().rposition(|j| matches!(j, Job::Write(..)));
                    for (index, job) in batch.into_iter().enumerate() {
                        match job {
                            Job::Write(plan, path) if Some(index) == last_write => {
                                let saved = plan_file::save(&plan, &path);
                                drop(plan);
                                if let Err(error) = saved {
                                    report.send(RecoveryError::Plan(error)).ok();
                                }
                            }
                            Job::Write(..) => {}
                            Job::Remove(path) => remove_copy_files(&path),
                            Job::Flush(done) => {
                                done.send(()).ok();
                            }
                        }
                    }
                }
            })
            .ok()?;
        Some(Writer {
            jobs,
            failures,
            thread: Some(thread),
        })
    }

    /// Gives a job to the thread; `false` when it has stopped.
    fn send(&self, job: Job) -> bool {
        self.jobs.send(job).is_ok()
    }

    /// Waits until every job given so far is done.
    fn flush(&self) {
        let (done, finished) = channel();
        if self.send(Job::Flush(done)) {
            finished.recv().ok();
        }
    }
}

impl Drop for Writer {
    fn drop(&mut self) {
        // The copy being written is finished before the session goes.
        let (jobs, _) = channel();
        drop(std::mem::replace(&mut self.jobs, jobs));
        if let Some(thread) = self.thread.take() {
            thread.join().ok();
        }
    }
}

/// Another running session with the same plan open.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OpenElsewhere {
    /// Its process id.
    pub process: u32,
}

impl Recovery {
    /// Copies go to `folder`, created at once with this session's lock in it (a folder that
    /// cannot be made leaves the session without a lock, and its copies fail when written).
    pub fn new(folder: PathBuf) -> Self {
        let started = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map(|d| d.as_nanos())
            .unwrap_or_default();
        let own = folder.join(format!(
            "{PREFIX}{}-{started}.{PLAN_EXTENSION}",
            std::process::id()
        ));
        let lock = take_lock(&folder, &own);
        Recovery {
            folder,
            interval: INTERVAL,
            own,
            written: None,
            waiting_since: None,
            lock,
            announced: None,
            writer: None,
        }
    }

    /// Writes the copies on a thread of its own (the app's way; tests write at once).
    pub fn in_background(mut self) -> Self {
        self.writer = Writer::start();
        self
    }

    /// Waits until the copies asked for so far are written (or removed).
    pub fn flush(&self) {
        if let Some(writer) = &self.writer {
            writer.flush();
        }
    }

    /// Whether this session holds its lock.
    pub fn is_locked(&self) -> bool {
        self.lock.is_some()
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
        if let Some(error) = self
            .writer
            .as_ref()
            .and_then(|w| w.failures.try_recv().ok())
        {
            return Err(error);
        }
        self.announce(document.path())?;
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
        if self.writer.is_some() {
            return self.write_in_background(document);
        }
        // A failed write is retried after another interval, not on every frame.
        self.waiting_since = Some(now);
        self.write(document)?;
        self.waiting_since = None;
        Ok(None)
    }

    /// Hands the plan as it is now to the writing thread (a failure shows at a later tick).
    fn write_in_background(
        &mut self,
        document: &Document,
    ) -> Result<Option<Duration>, RecoveryError> {
        let Some(plan) = document.snapshot() else {
            // The plan cannot be shared while its results are being computed: soon.
            return Ok(Some(SNAPSHOT_RETRY));
        };
        fs::create_dir_all(&self.folder).map_err(|error| RecoveryError::Io {
            path: self.folder.clone(),
            action: "create the folder",
            error,
        })?;
        self.announced = None;
        self.announce(document.path())?;
        let sent = self
            .writer
            .as_ref()
            .is_some_and(|w| w.send(Job::Write(plan, self.own.clone())));
        if !sent {
            // The thread stopped: copies are written here from now on.
            self.writer = None;
            self.write(document)?;
        }
        self.written = Some(document.revision());
        self.waiting_since = None;
        Ok(None)
    }

    /// Writes the copy now: the side file first, so a copy never lacks its origin.
    pub fn write(&mut self, document: &Document) -> Result<(), RecoveryError> {
        // After any copy the thread still has to write, never before it.
        self.flush();
        fs::create_dir_all(&self.folder).map_err(|error| RecoveryError::Io {
            path: self.folder.clone(),
            action: "create the folder",
            error,
        })?;
        self.announced = None;
        self.announce(document.path())?;
        plan_file::save(document.plan(), &self.own)?;
        self.written = Some(document.revision());
        Ok(())
    }

    /// Names the plan file this session has open in its side file, when it changed.
    fn announce(&mut self, plan: Option<&Path>) -> Result<(), RecoveryError> {
        if self.announced.as_ref().map(Option::as_deref) == Some(plan) {
            return Ok(());
        }
        // Once per change, written or not: a failure is not retried on every frame.
        self.announced = Some(plan.map(Path::to_path_buf));
        let origin = plan
            .map(|p| p.to_string_lossy().into_owned())
            .unwrap_or_default();
        write_small(&side_file(&self.own), &origin)
    }

    /// Removes this session's copy, if one was written (its lock and side file stay).
    pub fn discard(&mut self) {
        if self.written.take().is_some() {
            let queued = self
                .writer
                .as_ref()
                .is_some_and(|w| w.send(Job::Remove(self.own.clone())));
            if !queued {
                remove_copy_files(&self.own);
            }
        }
        self.waiting_since = None;
    }

    /// The session ends cleanly with nothing to keep: its copy, side file and lock go.
    pub fn end(&mut self) {
        self.discard();
        self.flush();
        self.announced = None;
        self.lock = None;
        remove_session_files(&self.own);
    }

    /// Another running session that has `plan` open, if any.
    pub fn open_elsewhere(&self, plan: &Path) -> Option<OpenElsewhere> {
        let wanted = same_file_key(plan);
        fs::read_dir(&self.folder)
            .ok()?
            .filter_map(Result::ok)
            .map(|entry| entry.path())
            .filter(|path| {
                path.extension().is_some_and(|e| e == LOCK_EXTENSION)
                    && is_session_file(path)
                    && path.with_extension(PLAN_EXTENSION) != self.own
            })
            .filter(|lock| is_running(lock))
            .find_map(|lock| {
                let named = fs::read_to_string(side_file(&lock)).ok()?;
                let named = named.trim();
                (!named.is_empty() && same_file_key(Path::new(named)) == wanted).then(|| {
                    OpenElsewhere {
                        process: process_of(&lock).unwrap_or_default(),
                    }
                })
            })
    }

    /// Copies left by other sessions that no longer run, the newest first. The side file and
    /// lock of a session that ended without a copy are cleared away.
    pub fn find(&self) -> Vec<RecoveryCopy> {
        self.clear_ended_sessions();
        let Ok(entries) = fs::read_dir(&self.folder) else {
            return Vec::new();
        };
        let mut found: Vec<(SystemTime, PathBuf)> = entries
            .filter_map(Result::ok)
            .map(|entry| entry.path())
            .filter(|path| path != &self.own && is_copy(path))
            // The copy of a running session is its own work, not something to recover.
            .filter(|path| !is_running(&path.with_extension(LOCK_EXTENSION)))
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

impl Recovery {
    /// Best effort: what is left of sessions that ended with no copy to offer.
    fn clear_ended_sessions(&self) {
        let Ok(entries) = fs::read_dir(&self.folder) else {
            return;
        };
        for lock in entries.filter_map(Result::ok).map(|entry| entry.path()) {
            let copy = lock.with_extension(PLAN_EXTENSION);
            if lock.extension().is_some_and(|e| e == LOCK_EXTENSION)
                && is_session_file(&lock)
                && copy != self.own
                && !copy.exists()
                && !is_running(&lock)
            {
                remove_session_files(&copy);
            }
        }
    }
}

/// Removes a copy left by another session (after it was restored or declined), with the
/// session's side file and lock.
pub fn remove_copy(copy: &RecoveryCopy) {
    remove_copy_files(&copy.file);
    remove_session_files(&copy.file);
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

fn is_session_file(path: &Path) -> bool {
    path.file_name()
        .and_then(|n| n.to_str())
        .is_some_and(|n| n.starts_with(PREFIX))
}

fn is_copy(path: &Path) -> bool {
    is_session_file(path) && path.extension().is_some_and(|e| e == PLAN_EXTENSION) && path.is_file()
}

/// Creates the folder and takes this session's lock, writing its process id in it.
fn take_lock(folder: &Path, own: &Path) -> Option<File> {
    fs::create_dir_all(folder).ok()?;
    let mut file = OpenOptions::new()
        .create(true)
        .truncate(true)
        .write(true)
        .open(own.with_extension(LOCK_EXTENSION))
        .ok()?;
    file.try_lock().ok()?;
    // The id is for people looking at the folder; the lock is what counts.
    let _ = writeln!(file, "{}", std::process::id());
    Some(file)
}

/// Whether the session of `lock` still runs: its lock is held. A session without a lock file
/// (an older version's) does not run; where locks are not supported, its process must exist.
fn is_running(lock: &Path) -> bool {
    let Ok(file) = OpenOptions::new().read(true).write(true).open(lock) else {
        return false;
    };
    match file.try_lock() {
        // Taken only to look: released when `file` closes.
        Ok(()) => false,
        Err(TryLockError::WouldBlock) => true,
        Err(TryLockError::Error(_)) => process_of(lock).is_some_and(process_exists),
    }
}

/// The process id in a session file's name, `autosave-<process>-<start>.<extension>`.
fn process_of(path: &Path) -> Option<u32> {
    let stem = path.file_stem()?.to_str()?.strip_prefix(PREFIX)?;
    stem.split('-').next()?.parse().ok()
}

/// Whether a process with this id exists (known on Linux only; elsewhere it is taken as gone).
fn process_exists(process: u32) -> bool {
    cfg!(target_os = "linux") && Path::new("/proc").join(process.to_string()).exists()
}

/// The same file named two ways compares equal once both are made absolute.
fn same_file_key(path: &Path) -> PathBuf {
    fs::canonicalize(path).unwrap_or_else(|_| path.to_path_buf())
}

fn side_file(copy: &Path) -> PathBuf {
    copy.with_extension(SOURCE_EXTENSION)
}

/// The copy and the backup the atomic save keeps. Best effort: a copy that cannot be removed
/// is offered again, which loses nothing.
fn remove_copy_files(copy: &Path) {
    let mut backup = copy.as_os_str().to_owned();
    backup.push(".bak");
    for path in [copy.to_path_buf(), PathBuf::from(backup)] {
        let _ = fs::remove_file(path);
    }
}

/// A session's side file and lock file.
fn remove_session_files(copy: &Path) {
    for path in [side_file(copy), copy.with_extension(LOCK_EXTENSION)] {
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

#[cfg(test)]
mod tests {
    use super::*;

    fn document(path: &Path) -> Document {
        Document::new(crate::model::Plan::default(), Some(path.to_path_buf()))
    }

    #[test]
    fn a_running_session_is_found_by_its_plan_until_it_ends() {
        let folder = tempfile::tempdir().unwrap();
        let plans = tempfile::tempdir().unwrap();
        let plan = plans.path().join("xa.ron");
        fs::write(&plan, "").unwrap();
        let mut first = Recovery::new(folder.path().to_path_buf());
        assert!(first.is_locked());
        first.tick(&document(&plan), Instant::now()).unwrap();
        let second = Recovery::new(folder.path().to_path_buf());
        // The same file, spelled another way.
        let spelled = plans.path().join(".").join("xa.ron");
        assert_eq!(
            second.open_elsewhere(&spelled),
            Some(OpenElsewhere {
                process: std::process::id()
            })
        );
        assert_eq!(second.open_elsewhere(&plans.path().join("khac.ron")), None);
        assert_eq!(first.open_elsewhere(&plan), None, "not its own");
        // Ended (or gone), the first session holds no lock any more.
        drop(first);
        assert_eq!(second.open_elsewhere(&plan), None);
        assert_eq!(process_of(Path::new("autosave-123-456.lock")), Some(123));
        assert_eq!(process_of(Path::new("other-123-456.lock")), None);
    }

    /// Copies written in the background: the last state asked for is the one on disk, the
    /// plan's own data is shared rather than copied, and a discard after a write removes it.
    #[test]
    fn copies_written_in_the_background_hold_the_last_state() {
        let folder = tempfile::tempdir().unwrap();
        let mut recovery = Recovery::new(folder.path().to_path_buf())
            .with_interval(Duration::ZERO)
            .in_background();
        assert!(recovery.writer.is_some());
        let mut document = Document::new(crate::model::Plan::default(), None);
        for name in ["Xã A", "Xã B"] {
            let mut meta = document.plan().meta.clone();
            meta.name = name.to_owned();
            document.apply(crate::editing::Edit::SetMeta(meta)).unwrap();
            assert_eq!(recovery.tick(&document, Instant::now()).unwrap(), None);
        }
        recovery.flush();
        let written = plan_file::load(recovery.own_file()).unwrap();
        assert_eq!(written.meta.name, "Xã B");
        assert_eq!(&written, document.plan());
        recovery.discard();
        recovery.flush();
        assert!(!recovery.own_file().exists());
        recovery.end();
    }
}
