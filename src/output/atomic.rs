//! Atomic writes: a file or folder is either the old one, complete, or the new one, complete.
//!
//! Every writer goes through here. The content is written to a temporary sibling in the same
//! folder (`.<name>.vtvl-tmp-<pid>-<n>`), flushed to the disk, then renamed over the target,
//! which the file system does in one step. A failed write removes its temporary file; the
//! left-overs of a killed run carry the same name pattern and are removed by the next write of
//! the same target.

use std::ffi::OsString;
use std::fs::{self, File};
use std::io;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

/// The marker in temporary names, after `.<name>`.
const TEMPORARY: &str = ".vtvl-tmp-";
/// The marker of a folder being swapped out, after `.<name>`.
const REPLACED: &str = ".vtvl-old-";

/// Why an atomic write failed: the content could not be produced (`Content`, the writer's own
/// error) or the file system refused (`Io`, with what was being done).
#[derive(Debug)]
pub enum AtomicError<E> {
    Content(E),
    Io {
        action: &'static str,
        error: io::Error,
    },
}

impl<E> AtomicError<E> {
    fn io(action: &'static str) -> impl FnOnce(io::Error) -> Self {
        move |error| AtomicError::Io { action, error }
    }
}

/// Writes `target` through `write`, which gets the temporary path to create and fill. The
/// target keeps its previous content until the new one is complete on the disk.
pub fn write_file<E>(
    target: &Path,
    write: impl FnOnce(&Path) -> Result<(), E>,
) -> Result<(), AtomicError<E>> {
    replace_file(target, None, write)
}

/// As [`write_file`], and the previous file, if any, is kept as `backup`. The backup is a hard
/// link (or a copy where links are not possible) made before the rename, so there is no
/// moment at which `target` does not exist.
pub fn write_file_keeping_backup<E>(
    target: &Path,
    backup: &Path,
    write: impl FnOnce(&Path) -> Result<(), E>,
) -> Result<(), AtomicError<E>> {
    replace_file(target, Some(backup), write)
}

/// `bytes` written atomically to `target`.
pub fn write_bytes(target: &Path, bytes: &[u8]) -> io::Result<()> {
    write_file(target, |tmp| fs::write(tmp, bytes)).map_err(|error| match error {
        AtomicError::Content(error) | AtomicError::Io { error, .. } => error,
    })
}

fn replace_file<E>(
    target: &Path,
    backup: Option<&Path>,
    write: impl FnOnce(&Path) -> Result<(), E>,
) -> Result<(), AtomicError<E>> {
    if fs::metadata(target).is_ok_and(|meta| meta.is_dir()) {
        let error = io::Error::new(io::ErrorKind::IsADirectory, "it is a folder");
        return Err(AtomicError::Io {
            action: "write",
            error,
        });
    }
    remove_leftovers(target);
    let tmp = temporary(target, TEMPORARY).map_err(AtomicError::io("write"))?;
    let outcome = write(&tmp)
        .map_err(AtomicError::Content)
        .and_then(|()| sync_file(&tmp).map_err(AtomicError::io("write")))
        .and_then(|()| match backup {
            Some(backup) => keep_backup(target, backup)
                .map_err(AtomicError::io("keep the previous version as a backup")),
            None => Ok(()),
        })
        .and_then(|()| fs::rename(&tmp, target).map_err(AtomicError::io("replace")));
    if outcome.is_err() {
        remove_quietly(&tmp);
    } else {
        sync_folder(target);
    }
    outcome
}

/// Writes the folder `target` through `write`, which fills the temporary folder it gets. The
/// finished folder takes the target's name, and the previous folder is removed after. A
/// previous folder holding anything but what `owned` names is refused, so that no file of the
/// user's is lost with it.
pub fn write_folder<E>(
    target: &Path,
    owned: &dyn Fn(&str) -> bool,
    write: impl FnOnce(&Path) -> Result<(), E>,
) -> Result<(), AtomicError<E>> {
    let previous = match fs::read_dir(target) {
        Ok(entries) => Some(entries),
        Err(error) if error.kind() == io::ErrorKind::NotFound => None,
        Err(error) => return Err(AtomicError::io("read the folder")(error)),
    };
    if let Some(entries) = previous.as_ref().map(|_| fs::read_dir(target)) {
        for entry in entries.map_err(AtomicError::io("read the folder"))? {
            let entry = entry.map_err(AtomicError::io("read the folder"))?;
            let name = entry.file_name();
            if !name.to_str().is_some_and(owned) {
                let error = io::Error::new(
                    io::ErrorKind::AlreadyExists,
                    format!(
                        "the folder holds {name:?}, which this export would not write; \
                         export into a new or empty folder"
                    ),
                );
                return Err(AtomicError::Io {
                    action: "replace the folder",
                    error,
                });
            }
        }
    }
    remove_leftovers(target);
    let tmp = temporary(target, TEMPORARY).map_err(AtomicError::io("write"))?;
    let outcome = fs::create_dir(&tmp)
        .map_err(AtomicError::io("create the folder"))
        .and_then(|()| write(&tmp).map_err(AtomicError::Content))
        .and_then(|()| sync_folder_files(&tmp).map_err(AtomicError::io("write")))
        .and_then(|()| swap_folder(target, &tmp, previous.is_some()));
    if outcome.is_err() {
        let _ = fs::remove_dir_all(&tmp);
    }
    outcome
}

/// Puts the finished folder `tmp` at `target`: the previous folder steps aside, the new one
/// takes its name, and the previous one is removed.
fn swap_folder<E>(target: &Path, tmp: &Path, had_previous: bool) -> Result<(), AtomicError<E>> {
    if !had_previous {
        fs::rename(tmp, target).map_err(AtomicError::io("replace the folder"))?;
        sync_folder(target);
        return Ok(());
    }
    // Where the system swaps two names in one step, `target` exists at every moment; `tmp`
    // then holds the previous folder (a left-over the next write removes, if killed here).
    #[cfg(target_os = "linux")]
    if exchange(tmp, target).is_ok() {
        sync_folder(target);
        let _ = fs::remove_dir_all(tmp);
        return Ok(());
    }
    // Elsewhere (or on a file system that cannot swap), the previous folder steps aside for
    // the moment of two renames.
    let old = temporary(target, REPLACED).map_err(AtomicError::io("replace the folder"))?;
    fs::rename(target, &old).map_err(AtomicError::io("replace the folder"))?;
    if let Err(error) = fs::rename(tmp, target) {
        let _ = fs::rename(&old, target);
        return Err(AtomicError::io("replace the folder")(error));
    }
    sync_folder(target);
    let _ = fs::remove_dir_all(&old);
    Ok(())
}

/// Swaps the names `a` and `b` in one step (both must exist).
#[cfg(target_os = "linux")]
fn exchange(a: &Path, b: &Path) -> io::Result<()> {
    use rustix::fs::{CWD, RenameFlags, renameat_with};
    renameat_with(CWD, a, CWD, b, RenameFlags::EXCHANGE).map_err(io::Error::from)
}

/// The previous `target`, if any, as `backup` (replacing the backup before it).
fn keep_backup(target: &Path, backup: &Path) -> io::Result<()> {
    match fs::metadata(target) {
        Ok(_) => {}
        Err(error) if error.kind() == io::ErrorKind::NotFound => return Ok(()),
        Err(error) => return Err(error),
    }
    match fs::remove_file(backup) {
        Ok(()) => {}
        Err(error) if error.kind() == io::ErrorKind::NotFound => {}
        Err(error) => return Err(error),
    }
    if fs::hard_link(target, backup).is_err() {
        fs::copy(target, backup)?;
    }
    Ok(())
}

/// `.<name><marker><pid>-<n>` next to `target`, unique within this process.
fn temporary(target: &Path, marker: &str) -> io::Result<PathBuf> {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let Some(name) = target.file_name() else {
        return Err(io::Error::new(
            io::ErrorKind::InvalidInput,
            "not a file name",
        ));
    };
    let mut temporary = OsString::from(".");
    temporary.push(name);
    temporary.push(marker);
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    temporary.push(format!("{}-{n}", std::process::id()));
    Ok(target.with_file_name(temporary))
}

/// Removes what killed writes of `target` left beside it: temporary files and folders of
/// processes that no longer run, and folders that were being swapped out.
pub fn remove_leftovers(target: &Path) {
    let (Some(folder), Some(name)) = (folder_of(target), target.file_name()) else {
        return;
    };
    let Some(name) = name.to_str() else {
        return;
    };
    let Ok(entries) = fs::read_dir(&folder) else {
        return;
    };
    let prefix = format!(".{name}");
    for entry in entries.flatten() {
        let file_name = entry.file_name();
        let Some(rest) = file_name.to_str().and_then(|f| f.strip_prefix(&prefix)) else {
            continue;
        };
        let owner = rest
            .strip_prefix(TEMPORARY)
            .or_else(|| rest.strip_prefix(REPLACED))
            .and_then(|tail| tail.split_once('-'))
            .and_then(|(pid, n)| Some((pid.parse::<u32>().ok()?, n.parse::<u64>().ok()?)));
        let Some((pid, _)) = owner else {
            continue;
        };
        if pid == std::process::id() || process_runs(pid) {
            continue;
        }
        let path = entry.path();
        if path.is_dir() {
            let _ = fs::remove_dir_all(&path);
        } else {
            remove_quietly(&path);
        }
    }
}

/// Whether process `pid` is running, where the system tells (`/proc`); elsewhere every other
/// process's left-overs count as abandoned.
fn process_runs(pid: u32) -> bool {
    let proc = Path::new("/proc");
    proc.is_dir() && proc.join(pid.to_string()).exists()
}

/// The temporary paths of `target` that exist now (for tests and checks).
pub fn leftovers(target: &Path) -> Vec<PathBuf> {
    let (Some(folder), Some(name)) = (folder_of(target), target.file_name()) else {
        return Vec::new();
    };
    let prefix = format!(".{}", name.to_string_lossy());
    let Ok(entries) = fs::read_dir(&folder) else {
        return Vec::new();
    };
    entries
        .flatten()
        .filter(|entry| {
            entry.file_name().to_str().is_some_and(|f| {
                f.strip_prefix(&prefix)
                    .is_some_and(|rest| rest.starts_with(TEMPORARY) || rest.starts_with(REPLACED))
            })
        })
        .map(|entry| entry.path())
        .collect()
}

fn folder_of(target: &Path) -> Option<PathBuf> {
    let folder = target.parent()?;
    Some(if folder.as_os_str().is_empty() {
        PathBuf::from(".")
    } else {
        folder.to_path_buf()
    })
}

fn sync_file(path: &Path) -> io::Result<()> {
    File::open(path)?.sync_all()
}

/// Flushes every file of a freshly written folder.
fn sync_folder_files(folder: &Path) -> io::Result<()> {
    for entry in fs::read_dir(folder)? {
        let path = entry?.path();
        if path.is_file() {
            sync_file(&path)?;
        }
    }
    Ok(())
}

/// Makes the renames durable where the platform allows syncing a folder; best effort, as the
/// file itself is already safe.
fn sync_folder(target: &Path) {
    #[cfg(unix)]
    if let Some(folder) = folder_of(target)
        && let Ok(handle) = File::open(folder)
    {
        let _ = handle.sync_all();
    }
    #[cfg(not(unix))]
    let _ = target;
}

fn remove_quietly(path: &Path) {
    let _ = fs::remove_file(path);
}

/// Refuses to write `output` over one of the `inputs`, comparing canonical paths (so that
/// `./W.xlsx`, `W.xlsx` and a link to it are the same file).
pub fn refuse_overwriting_input(inputs: &[&Path], output: &Path) -> Result<(), SameFileError> {
    let Ok(output_real) = fs::canonicalize(output) else {
        // An output that does not exist yet is no input.
        return Ok(());
    };
    for input in inputs {
        if fs::canonicalize(input).is_ok_and(|real| real == output_real) {
            return Err(SameFileError {
                path: output.to_path_buf(),
            });
        }
    }
    Ok(())
}

/// The output of a command is one of its inputs.
#[derive(Debug, thiserror::Error)]
#[error(
    "{}: the output is the input file; choose another output path",
    .path.display()
)]
pub struct SameFileError {
    pub path: PathBuf,
}

impl crate::language::Localized for SameFileError {
    fn message(&self, language: crate::language::Language) -> String {
        match language {
            crate::language::Language::English => self.to_string(),
            crate::language::Language::Vietnamese => format!(
                "{}: tệp ghi ra trùng với tệp đầu vào; hãy chọn một đường dẫn khác",
                self.path.display()
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_failed_write_keeps_the_old_file_and_leaves_nothing() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("plan.ron");
        fs::write(&target, "old").unwrap();
        let outcome = write_file(&target, |tmp| {
            fs::write(tmp, "half")?;
            Err::<(), io::Error>(io::Error::new(io::ErrorKind::StorageFull, "disk full"))
        });
        assert!(matches!(outcome, Err(AtomicError::Content(_))));
        assert_eq!(fs::read_to_string(&target).unwrap(), "old");
        assert!(leftovers(&target).is_empty());
    }

    #[test]
    fn a_save_keeps_the_previous_file_as_backup() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("plan.ron");
        let backup = dir.path().join("plan.ron.bak");
        let save = |text: &'static str| {
            write_file_keeping_backup(&target, &backup, |tmp| fs::write(tmp, text)).unwrap()
        };
        save("one");
        assert!(!backup.exists());
        save("two");
        save("three");
        assert_eq!(fs::read_to_string(&target).unwrap(), "three");
        assert_eq!(fs::read_to_string(&backup).unwrap(), "two");
    }

    #[test]
    fn leftovers_of_dead_processes_are_removed_at_the_next_write() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("d.xlsx");
        // Pids above the kernel's limit (4,194,304) never run.
        let dead = dir.path().join(".d.xlsx.vtvl-tmp-4999999-0");
        let dead_folder = dir.path().join(".d.xlsx.vtvl-old-4999999-3");
        fs::write(&dead, "partial").unwrap();
        fs::create_dir(&dead_folder).unwrap();
        let alive = dir
            .path()
            .join(format!(".d.xlsx.vtvl-tmp-{}-999", std::process::id()));
        fs::write(&alive, "ours, in progress").unwrap();
        let unrelated = dir.path().join(".d.xlsx.notes");
        fs::write(&unrelated, "user's").unwrap();
        write_bytes(&target, b"new").unwrap();
        assert!(!dead.exists() && !dead_folder.exists());
        assert!(alive.exists() && unrelated.exists());
    }

    #[test]
    fn a_folder_is_swapped_whole_and_foreign_files_stop_it() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("out");
        let owned = |name: &str| name.ends_with(".csv");
        let write = |files: &'static [&'static str]| {
            move |tmp: &Path| -> io::Result<()> {
                for file in files {
                    fs::write(tmp.join(file), *file)?;
                }
                Ok(())
            }
        };
        write_folder(&target, &owned, write(&["a.csv", "b.csv"])).unwrap();
        write_folder(&target, &owned, write(&["a.csv"])).unwrap();
        let mut names: Vec<_> = fs::read_dir(&target)
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        names.sort();
        assert_eq!(names, ["a.csv"]);
        fs::write(target.join("notes.txt"), "mine").unwrap();
        let refused = write_folder(&target, &owned, write(&["c.csv"]));
        assert!(matches!(refused, Err(AtomicError::Io { .. })));
        assert!(target.join("notes.txt").exists() && target.join("a.csv").exists());
        assert!(leftovers(&target).is_empty());
    }

    #[test]
    fn an_output_equal_to_an_input_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let input = dir.path().join("W.xlsx");
        fs::write(&input, "book").unwrap();
        let same = dir.path().join(".").join("W.xlsx");
        assert!(refuse_overwriting_input(&[&input], &same).is_err());
        let other = dir.path().join("W.ron");
        assert!(refuse_overwriting_input(&[&input], &other).is_ok());
    }
}
