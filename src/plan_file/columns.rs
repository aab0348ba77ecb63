//! A columnar cache beside large plan files: the engine's input frames in Arrow IPC, so that
//! `vtvl compute` on a national plan reads them straight into the engine and never builds the
//! plan's structs.
//!
//! It lives beside the plan (`plan.ron` → `.plan.ron.vtvlcolumns`) and is validated as the
//! JSON cache is ([`super::cache`]): its first line names the vtvl build and the RON file's
//! size, modification time and content hash, and the length and hash of the body. The body is
//! a short JSON part (the rounding policy, the frame names, and whatever the caller keeps with
//! the frames), then one Arrow IPC file per frame, each preceded by its length. Anything that
//! does not match or does not read back (an edited plan, a cut or damaged cache, another
//! build) means no cache: the caller reads the RON file and may write the cache again.
//! Writing is best effort and leaves no temporary file behind. RON stays the file to edit.

use std::fs::{self, File};
use std::io::{self, BufReader, Cursor, Read, Write};
use std::path::{Path, PathBuf};

use polars::prelude::{IpcReader, IpcWriter, SerReader as _, SerWriter as _};
use serde::{Deserialize, Serialize, de::DeserializeOwned};

use super::cache::{
    ContentHash, HashingReader, Header, Source, hash_file, modified_ns, read_checked,
    write_with_header,
};
use crate::engine::{FRAME_NAMES, PlanFrames};
use crate::model::Rounding;

/// Plan files smaller than this are computed from their plan; larger ones keep the cache.
pub const COLUMNS_FROM_BYTES: u64 = super::cache::MIN_CACHED_BYTES;

/// The first word of a columnar cache file.
const MAGIC: &str = "vtvl-columns-cache";
/// The file name's end after the plan file's name.
const SUFFIX: &str = ".vtvlcolumns";
/// The JSON part is small (the caller's part is a list of appraisal lines at most): a larger
/// length is damage.
const MAX_META: u64 = 256 << 20;

/// The JSON part of the body.
#[derive(Serialize, Deserialize)]
struct Meta<T> {
    rounding: Rounding,
    frames: Vec<String>,
    kept: T,
}

/// The size and modification time of a plan file, taken before it is read, so that a cache is
/// written only for the file as it was read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Stamp {
    size: u64,
    modified_ns: u128,
}

impl Stamp {
    /// The stamp of the file at `path` now, if it is a file.
    pub fn of(path: &Path) -> Option<Stamp> {
        let metadata = fs::metadata(path).ok().filter(fs::Metadata::is_file)?;
        Some(Stamp {
            size: metadata.len(),
            modified_ns: modified_ns(&metadata),
        })
    }

    /// Whether a file this large keeps a columnar cache.
    pub fn worth_caching(&self, min_bytes: u64) -> bool {
        self.size >= min_bytes
    }
}

/// Where the columnar cache of `path` lives: `.<file name>.vtvlcolumns` in the same folder.
pub fn columns_path(path: &Path) -> Option<PathBuf> {
    let name = path.file_name()?.to_str()?;
    Some(path.with_file_name(format!(".{name}{SUFFIX}")))
}

/// The frames kept for the plan file at `path`, and what the caller kept with them, when the
/// cache exists, is whole, and was made by this build from the file as it is now.
pub fn load_columns<T: DeserializeOwned>(path: &Path) -> Option<(PlanFrames, T)> {
    with_columns(path, |frames, kept| (frames, kept))
}

/// What `work` makes of the frames kept for the plan file at `path` (see [`load_columns`]).
/// The plan file's content is checked against the cache on a second thread while the frames
/// are read and `work` runs; when it does not match, what `work` made is thrown away.
pub fn with_columns<T: DeserializeOwned, R>(
    path: &Path,
    work: impl FnOnce(PlanFrames, T) -> R,
) -> Option<R> {
    let stamp = Stamp::of(path)?;
    read_checked(
        &columns_path(path)?,
        MAGIC,
        (path, stamp.size, stamp.modified_ns),
        |reader, header| read_body(reader, header).map(|(frames, kept)| work(frames, kept)),
    )
}

/// The frames in a cache's body, when the body has the length and hash its header gives.
fn read_body<T: DeserializeOwned>(
    reader: BufReader<File>,
    header: &Header,
) -> Option<(PlanFrames, T)> {
    let mut body = HashingReader {
        inner: reader.take(header.body_len + 1),
        hash: ContentHash::new(),
        read: 0,
    };
    let meta: Meta<T> = serde_json::from_slice(&read_part(&mut body, MAX_META)?).ok()?;
    if meta.frames != FRAME_NAMES {
        return None;
    }
    let mut frames = Vec::with_capacity(FRAME_NAMES.len());
    for _ in FRAME_NAMES {
        let bytes = read_part(&mut body, header.body_len)?;
        frames.push(IpcReader::new(Cursor::new(bytes)).finish().ok()?);
    }
    // Anything after the last frame is damage.
    io::copy(&mut body, &mut io::sink()).ok()?;
    if body.read != header.body_len || body.hash.finish() != header.body_hash {
        return None;
    }
    let frames = PlanFrames::from_named(meta.rounding, frames).ok()?;
    Some((frames, meta.kept))
}

/// One length-prefixed part of the body, at most `limit` bytes long.
fn read_part(body: &mut impl Read, limit: u64) -> Option<Vec<u8>> {
    let mut length = [0; 8];
    body.read_exact(&mut length).ok()?;
    let length = u64::from_le_bytes(length);
    if length > limit {
        return None;
    }
    let mut bytes = vec![0; usize::try_from(length).ok()?];
    body.read_exact(&mut bytes).ok()?;
    Some(bytes)
}

/// Writes the columnar cache of the plan file at `path`, whose frames are `frames`, keeping
/// `kept` with them. `stamp` is the file's stamp from before it was read: when the file
/// changed since, nothing is written. Failures are ignored (the cache is only a speed-up).
pub fn store_columns<T: Serialize>(path: &Path, stamp: Stamp, frames: &PlanFrames, kept: &T) {
    let Some(cache) = columns_path(path) else {
        return;
    };
    let Ok(hash) = hash_file(path) else {
        return;
    };
    if Stamp::of(path) != Some(stamp) {
        return;
    }
    let source = Source {
        size: stamp.size,
        modified_ns: stamp.modified_ns,
        hash,
    };
    let Some(name) = cache.file_name().and_then(|name| name.to_str()) else {
        return;
    };
    let tmp = cache.with_file_name(format!("{name}.tmp-{}", std::process::id()));
    let written = write_to(&tmp, source, frames, kept).and_then(|()| fs::rename(&tmp, &cache));
    if written.is_err() {
        fs::remove_file(&tmp).ok();
    }
}

fn write_to<T: Serialize>(
    tmp: &Path,
    source: Source,
    frames: &PlanFrames,
    kept: &T,
) -> io::Result<()> {
    write_with_header(tmp, source, MAGIC, |body| {
        let meta = Meta {
            rounding: frames.rounding(),
            frames: FRAME_NAMES.iter().map(|&name| name.to_owned()).collect(),
            kept,
        };
        write_part(body, &serde_json::to_vec(&meta).map_err(io::Error::other)?)?;
        for (_, frame) in frames.named() {
            let mut bytes = Vec::new();
            let mut frame = frame.clone();
            IpcWriter::new(&mut bytes)
                .finish(&mut frame)
                .map_err(io::Error::other)?;
            write_part(body, &bytes)?;
        }
        Ok(())
    })
}

fn write_part(body: &mut impl Write, bytes: &[u8]) -> io::Result<()> {
    body.write_all(&(bytes.len() as u64).to_le_bytes())?;
    body.write_all(bytes)
}
