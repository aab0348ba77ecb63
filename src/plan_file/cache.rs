//! A cache kept beside large plan files, so that opening them again skips the RON parser.
//!
//! RON stays the file people edit and diff; the cache is a hidden sibling
//! (`plan.ron` → `.plan.ron.vtvlcache`) holding the same plan as compact JSON, which parses
//! several times faster. Its first line is a header with the RON file's size, modification
//! time and content hash, and the length and hash of the JSON body. The cache is used only when
//! all of them match and the body reads back as a plan; anything else (an edited plan file, a
//! cut or damaged cache, another vtvl version) falls back to the RON file, and the cache is
//! written again. Writing it is best effort: a read-only folder or a full disk only means no
//! cache, never an error. Small files are not cached: RON reads them fast enough.

use std::fs::{self, File};
use std::io::{self, BufRead, BufReader, BufWriter, Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};
use std::time::UNIX_EPOCH;

use super::PlanFileError;
use crate::model::{FORMAT_VERSION, Plan};

/// Plan files smaller than this are read from RON every time.
pub(super) const MIN_CACHED_BYTES: u64 = 1 << 20;

/// The first word of a cache file.
const MAGIC: &str = "vtvl-plan-cache";
/// Bumped whenever the body's encoding changes.
const CACHE_VERSION: u32 = 1;
/// The file name's end after the plan file's name.
const SUFFIX: &str = ".vtvlcache";
/// Bodies up to this size are read whole and parsed from memory (faster); larger ones are
/// parsed as they are read, so the text and the plan are never held at once.
const READ_WHOLE_UP_TO: u64 = 64 << 20;
/// The longest header this build writes, with room to spare; a longer first line is damage.
pub(super) const MAX_HEADER: usize = 512;

/// What identifies the RON file a cache was made from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Source {
    pub(super) size: u64,
    pub(super) modified_ns: u128,
    pub(super) hash: u64,
}

/// The header of a cache file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Header {
    pub(super) build: String,
    pub(super) source: Source,
    pub(super) body_len: u64,
    pub(super) body_hash: u64,
}

impl Header {
    /// One line of fixed width for a given build and source, starting with the cache kind's
    /// first word, so that it can be written first with a placeholder body length and hash and
    /// rewritten in place once the body is out.
    pub(super) fn line_with(&self, magic: &str) -> String {
        format!(
            "{magic} {} {} {:039} {:016x} {:020} {:016x}\n",
            self.build,
            self.source.size,
            self.source.modified_ns,
            self.source.hash,
            self.body_len,
            self.body_hash
        )
    }

    /// The header in a line made by [`Header::line_with`] with `magic`.
    pub(super) fn parse_with(line: &str, magic: &str) -> Option<Header> {
        let mut words = line.trim_end_matches('\n').split(' ');
        if words.next()? != magic {
            return None;
        }
        let build = words.next()?.to_owned();
        let size = words.next()?.parse().ok()?;
        let modified_ns = words.next()?.parse().ok()?;
        let hash = u64::from_str_radix(words.next()?, 16).ok()?;
        let body_len = words.next()?.parse().ok()?;
        let body_hash = u64::from_str_radix(words.next()?, 16).ok()?;
        if words.next().is_some() {
            return None;
        }
        Some(Header {
            build,
            source: Source {
                size,
                modified_ns,
                hash,
            },
            body_len,
            body_hash,
        })
    }
}

/// The vtvl build a cache belongs to: the cache format, the plan format and vtvl's version.
pub(super) fn build() -> String {
    format!(
        "{CACHE_VERSION}/{FORMAT_VERSION}/{}",
        env!("CARGO_PKG_VERSION")
    )
}

/// Where the cache of `path` lives: `.<file name>.vtvlcache` in the same folder.
pub(super) fn cache_path(path: &Path) -> Option<PathBuf> {
    let name = path.file_name()?.to_str()?;
    Some(path.with_file_name(format!(".{name}{SUFFIX}")))
}

/// Loads a plan file through its cache when it is at least `min_bytes` long: from the cache
/// when it is fresh, else from RON, then writing the cache for the next time.
pub(super) fn load(path: &Path, min_bytes: u64) -> Result<Plan, PlanFileError> {
    let Ok(metadata) = fs::metadata(path) else {
        // The RON reader names the problem.
        return super::disk::load_ron(path);
    };
    let cache = match cache_path(path) {
        Some(cache) if metadata.len() >= min_bytes && metadata.is_file() => cache,
        _ => return super::disk::load_ron(path),
    };
    let modified_ns = modified_ns(&metadata);
    if let Some(plan) = read_fresh(&cache, path, metadata.len(), modified_ns) {
        return Ok(plan);
    }
    let bytes = fs::read(path).map_err(|error| super::disk::io_error(path, "read", error))?;
    let source = Source {
        size: bytes.len() as u64,
        modified_ns,
        hash: ContentHash::of(&bytes),
    };
    let plan = super::disk::parse_bytes(bytes, path)?;
    // Only a file unchanged while it was read gets a cache; a changing one is read again next
    // time anyway.
    if source.size == metadata.len() {
        write(&cache, &plan, source);
    }
    Ok(plan)
}

/// The modification time in nanoseconds since 1970, 0 where the system keeps none.
pub(super) fn modified_ns(metadata: &fs::Metadata) -> u128 {
    metadata
        .modified()
        .ok()
        .and_then(|time| time.duration_since(UNIX_EPOCH).ok())
        .map_or(0, |since| since.as_nanos())
}

/// The cached plan, when the cache exists, is whole, and was made from the file as it is now.
fn read_fresh(cache: &Path, path: &Path, size: u64, modified_ns: u128) -> Option<Plan> {
    read_checked(cache, MAGIC, (path, size, modified_ns), read_body)
}

/// What `read` makes of the body of the cache at `cache`, when its header (opening with
/// `magic`) names this vtvl build and the plan file `source` (path, size, modification time)
/// as it is now: the file's content is hashed on a second thread while `read` runs, and what
/// `read` made is thrown away when it does not match.
pub(super) fn read_checked<R>(
    cache: &Path,
    magic: &str,
    (path, size, modified_ns): (&Path, u64, u128),
    read: impl FnOnce(BufReader<File>, &Header) -> Option<R>,
) -> Option<R> {
    let file = File::open(cache).ok()?;
    let mut reader = BufReader::with_capacity(1 << 20, file);
    let mut line = Vec::with_capacity(256);
    (&mut reader)
        .take(MAX_HEADER as u64)
        .read_until(b'\n', &mut line)
        .ok()?;
    let header = Header::parse_with(std::str::from_utf8(&line).ok()?, magic)?;
    if header.build != build()
        || header.source.size != size
        || header.source.modified_ns != modified_ns
    {
        return None;
    }
    // The size and time match: the content must too (a file rewritten within the clock's
    // resolution, or a copied file with its time kept).
    std::thread::scope(|scope| {
        let hashed = scope.spawn(|| hash_file(path));
        let made = read(reader, &header);
        let hashed = hashed.join().ok()?.ok()?;
        (hashed == header.source.hash).then_some(made?)
    })
}

/// The plan in a cache's body, when the body has the length and hash its header gives.
fn read_body(reader: BufReader<File>, header: &Header) -> Option<Plan> {
    let mut body = HashingReader {
        inner: reader,
        hash: ContentHash::new(),
        read: 0,
    };
    let plan: Plan = if header.body_len <= READ_WHOLE_UP_TO {
        let mut bytes = Vec::with_capacity(usize::try_from(header.body_len).ok()?);
        (&mut body)
            .take(header.body_len + 1)
            .read_to_end(&mut bytes)
            .ok()?;
        // One check of the whole text, rather than one per string.
        serde_json::from_str(std::str::from_utf8(&bytes).ok()?).ok()?
    } else {
        // The JSON reader takes a byte at a time: a buffer in front of the hash lets it hash
        // the body in large blocks rather than byte by byte.
        let mut buffered = BufReader::new(&mut body);
        let mut deserializer = serde_json::Deserializer::from_reader(&mut buffered);
        let plan = serde::Deserialize::deserialize(&mut deserializer).ok()?;
        deserializer.end().ok()?;
        // Anything after the value (the JSON reader stops at its end) is damage.
        io::copy(&mut buffered, &mut io::sink()).ok()?;
        plan
    };
    (body.read == header.body_len && body.hash.finish() == header.body_hash).then_some(plan)
}

/// Writes the cache of a plan read from a file identified by `source`. Failures are ignored
/// (the cache is only a speed-up) and leave no temporary file behind.
fn write(cache: &Path, plan: &Plan, source: Source) {
    let Some(name) = cache.file_name().and_then(|name| name.to_str()) else {
        return;
    };
    let tmp = cache.with_file_name(format!("{name}.tmp-{}", std::process::id()));
    let written = write_to(&tmp, plan, source).and_then(|()| fs::rename(&tmp, cache));
    if written.is_err() {
        fs::remove_file(&tmp).ok();
    }
}

fn write_to(tmp: &Path, plan: &Plan, source: Source) -> io::Result<()> {
    write_with_header(tmp, source, MAGIC, |body| {
        serde_json::to_writer(body, plan).map_err(io::Error::other)
    })
}

/// Writes a cache file at `tmp`: a header line starting with `magic` held in place, the body
/// `write_body` writes (hashed as it goes), then the header again with the body's length and
/// hash, which it must match in length.
pub(super) fn write_with_header(
    tmp: &Path,
    source: Source,
    magic: &str,
    write_body: impl FnOnce(&mut HashingWriter<BufWriter<File>>) -> io::Result<()>,
) -> io::Result<()> {
    let mut header = Header {
        build: build(),
        source,
        body_len: 0,
        body_hash: 0,
    };
    let mut file = File::create(tmp)?;
    let placeholder = header.line_with(magic);
    file.write_all(placeholder.as_bytes())?;
    let mut body = HashingWriter {
        inner: BufWriter::with_capacity(1 << 20, file),
        hash: ContentHash::new(),
        written: 0,
    };
    write_body(&mut body)?;
    let (mut file, hash, written) = (
        body.inner
            .into_inner()
            .map_err(|error| error.into_error())?,
        body.hash.finish(),
        body.written,
    );
    header.body_len = written;
    header.body_hash = hash;
    let line = header.line_with(magic);
    if line.len() != placeholder.len() {
        return Err(io::Error::other("cache header changed length"));
    }
    file.seek(SeekFrom::Start(0))?;
    file.write_all(line.as_bytes())?;
    Ok(())
}

/// The content hash of a file, read in blocks.
pub(super) fn hash_file(path: &Path) -> io::Result<u64> {
    let mut file = File::open(path)?;
    let mut hash = ContentHash::new();
    let mut block = vec![0; 1 << 20];
    loop {
        let read = file.read(&mut block)?;
        if read == 0 {
            return Ok(hash.finish());
        }
        hash.update(block.get(..read).unwrap_or_default());
    }
}

pub(super) struct HashingReader<R> {
    pub(super) inner: R,
    pub(super) hash: ContentHash,
    pub(super) read: u64,
}

impl<R: Read> Read for HashingReader<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let read = self.inner.read(buf)?;
        self.hash.update(buf.get(..read).unwrap_or_default());
        self.read += read as u64;
        Ok(read)
    }
}

pub(super) struct HashingWriter<W> {
    pub(super) inner: W,
    pub(super) hash: ContentHash,
    pub(super) written: u64,
}

impl<W: Write> Write for HashingWriter<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        let written = self.inner.write(buf)?;
        self.hash.update(buf.get(..written).unwrap_or_default());
        self.written += written as u64;
        Ok(written)
    }

    fn flush(&mut self) -> io::Result<()> {
        self.inner.flush()
    }
}

/// A fast 64-bit hash of a byte stream that does not depend on how the stream is cut into
/// chunks. It detects accidental changes (an edited or damaged file), not deliberate ones: the
/// cache is no security boundary, since whoever can write it can write the plan file too.
pub(super) struct ContentHash {
    lanes: [u64; 4],
    pending: [u8; 32],
    pending_len: usize,
    total: u64,
}

const MULTIPLIER: u64 = 0x9e37_79b9_7f4a_7c15;

/// Mixes one 32-byte block into the four lanes.
fn mix(lanes: &mut [u64; 4], block: &[u8; 32]) {
    for (lane, word) in lanes.iter_mut().zip(block.chunks_exact(8)) {
        let mut bytes = [0; 8];
        bytes.copy_from_slice(word);
        *lane = (lane.rotate_left(23) ^ u64::from_le_bytes(bytes)).wrapping_mul(MULTIPLIER);
    }
}

impl ContentHash {
    pub(super) fn new() -> Self {
        ContentHash {
            lanes: [
                0x243f_6a88_85a3_08d3,
                0x1319_8a2e_0370_7344,
                0xa409_3822_299f_31d0,
                0x082e_fa98_ec4e_6c89,
            ],
            pending: [0; 32],
            pending_len: 0,
            total: 0,
        }
    }

    fn of(bytes: &[u8]) -> u64 {
        let mut hash = ContentHash::new();
        hash.update(bytes);
        hash.finish()
    }

    pub(super) fn update(&mut self, mut bytes: &[u8]) {
        self.total += bytes.len() as u64;
        if self.pending_len > 0 {
            let take = (32 - self.pending_len).min(bytes.len());
            let (head, rest) = bytes.split_at(take);
            if let Some(slot) = self
                .pending
                .get_mut(self.pending_len..self.pending_len + take)
            {
                slot.copy_from_slice(head);
            }
            self.pending_len += take;
            bytes = rest;
            if self.pending_len < 32 {
                return;
            }
            let block = self.pending;
            mix(&mut self.lanes, &block);
            self.pending_len = 0;
        }
        let mut blocks = bytes.chunks_exact(32);
        for chunk in &mut blocks {
            let mut block = [0; 32];
            block.copy_from_slice(chunk);
            mix(&mut self.lanes, &block);
        }
        let rest = blocks.remainder();
        if let Some(slot) = self.pending.get_mut(..rest.len()) {
            slot.copy_from_slice(rest);
        }
        self.pending_len = rest.len();
    }

    pub(super) fn finish(&self) -> u64 {
        let mut tail = [0; 32];
        if let (Some(slot), Some(pending)) = (
            tail.get_mut(..self.pending_len),
            self.pending.get(..self.pending_len),
        ) {
            slot.copy_from_slice(pending);
        }
        let mut lanes = self.lanes;
        mix(&mut lanes, &tail);
        let mut hash = self.total.wrapping_mul(MULTIPLIER);
        for lane in lanes {
            hash = (hash.rotate_left(29) ^ lane).wrapping_mul(MULTIPLIER);
            hash ^= hash >> 32;
        }
        hash
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::generate::{Spec, generate};
    use crate::plan_file::{BUNDLED, from_ron_str, save, to_ron_string};

    fn generated() -> Plan {
        let mut spec = Spec::province(7);
        spec.units = 12;
        spec.staff = Some(300);
        generate(spec)
    }

    fn modified(path: &Path) -> (u64, u128) {
        let metadata = fs::metadata(path).unwrap();
        (metadata.len(), modified_ns(&metadata))
    }

    #[test]
    fn the_hash_does_not_depend_on_chunks() {
        let bytes: Vec<u8> = (0..1000u32).map(|i| (i * 7 % 251) as u8).collect();
        let whole = ContentHash::of(&bytes);
        for cut in [1, 5, 31, 32, 33, 100, 999] {
            let mut hash = ContentHash::new();
            for chunk in bytes.chunks(cut) {
                hash.update(chunk);
            }
            assert_eq!(hash.finish(), whole, "chunks of {cut}");
        }
        let mut changed = bytes.clone();
        changed[500] ^= 1;
        assert_ne!(ContentHash::of(&changed), whole);
        assert_ne!(ContentHash::of(&bytes[..999]), whole);
    }

    #[test]
    fn the_header_reads_back() {
        let header = Header {
            build: build(),
            source: Source {
                size: 17,
                modified_ns: 1_700_000_000_123_456_789,
                hash: 0xdead_beef,
            },
            body_len: 12345,
            body_hash: u64::MAX,
        };
        let mut zero = header.clone();
        zero.body_len = 0;
        zero.body_hash = 0;
        assert_eq!(header.line_with(MAGIC).len(), zero.line_with(MAGIC).len());
        assert_eq!(
            Header::parse_with(&header.line_with(MAGIC), MAGIC),
            Some(header)
        );
        assert_eq!(Header::parse_with("vtvl-plan-cache 1", MAGIC), None);
        assert_eq!(Header::parse_with("{\"format_version\": 2}", MAGIC), None);
    }

    #[test]
    fn a_cache_hit_equals_the_ron_load() {
        let dir = tempfile::tempdir().unwrap();
        let mut plans: Vec<Plan> = BUNDLED
            .iter()
            .map(|bundled| from_ron_str(bundled.text, Path::new(bundled.file)).unwrap())
            .collect();
        plans.push(generated());
        for (i, plan) in plans.iter().enumerate() {
            let path = dir.path().join(format!("plan-{i}.ron"));
            save(plan, &path).unwrap();
            let from_ron = super::super::disk::load_ron(&path).unwrap();
            let first = load(&path, 0).unwrap();
            let cache = cache_path(&path).unwrap();
            assert!(cache.exists(), "plan {i} has no cache");
            let second = load(&path, 0).unwrap();
            assert_eq!(first, from_ron, "plan {i}");
            assert_eq!(second, from_ron, "plan {i}");
            // The cache itself holds the plan the RON text gives.
            let (size, time) = modified(&path);
            assert_eq!(read_fresh(&cache, &path, size, time), Some(from_ron));
        }
    }

    #[test]
    fn small_files_get_no_cache() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("small.ron");
        save(&generated(), &path).unwrap();
        load(&path, MIN_CACHED_BYTES).unwrap();
        assert!(!cache_path(&path).unwrap().exists());
    }

    #[test]
    fn an_edited_plan_file_is_read_again() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("plan.ron");
        let mut plan = generated();
        save(&plan, &path).unwrap();
        load(&path, 0).unwrap();
        let cache = cache_path(&path).unwrap();
        let before = fs::read(&cache).unwrap();
        // The same size and time, another content: only the hash tells them apart.
        let old_name = plan.units[0].name.clone();
        let new_name: String = old_name
            .chars()
            .map(|c| if c == 'a' { 'b' } else { c })
            .collect();
        assert_ne!(new_name, old_name);
        plan.units[0].name = new_name;
        let text = to_ron_string(&plan).unwrap();
        let time = fs::metadata(&path).unwrap().modified().unwrap();
        fs::write(&path, &text).unwrap();
        File::options()
            .write(true)
            .open(&path)
            .unwrap()
            .set_modified(time)
            .unwrap();
        assert_eq!(load(&path, 0).unwrap(), plan);
        assert_ne!(
            fs::read(&cache).unwrap(),
            before,
            "the cache was not rebuilt"
        );
        assert_eq!(load(&path, 0).unwrap(), plan);
    }

    #[test]
    fn a_damaged_cache_is_ignored_and_rebuilt() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("plan.ron");
        let plan = generated();
        save(&plan, &path).unwrap();
        load(&path, 0).unwrap();
        let cache = cache_path(&path).unwrap();
        let good = fs::read(&cache).unwrap();
        let header_len = good.iter().position(|&b| b == b'\n').unwrap() + 1;
        let damaged: Vec<Vec<u8>> = vec![
            good[..good.len() / 2].to_vec(),
            good[..header_len].to_vec(),
            Vec::new(),
            b"garbage".to_vec(),
            {
                // An id changed inside the body, still valid JSON.
                let mut bytes = good.clone();
                let at = header_len
                    + good[header_len..]
                        .windows(6)
                        .position(|w| w == b"\"id\":\"")
                        .unwrap()
                    + 6;
                bytes[at] = if bytes[at] == b'x' { b'y' } else { b'x' };
                bytes
            },
            {
                let mut bytes = good.clone();
                bytes.extend_from_slice(b" {}");
                bytes
            },
        ];
        for (i, bytes) in damaged.into_iter().enumerate() {
            fs::write(&cache, bytes).unwrap();
            assert_eq!(load(&path, 0).unwrap(), plan, "damage {i}");
            assert_eq!(
                fs::read(&cache).unwrap(),
                good,
                "damage {i} was not rebuilt"
            );
        }
    }

    #[test]
    fn a_large_body_is_read_as_a_stream() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("plan.ron");
        let plan = generated();
        save(&plan, &path).unwrap();
        load(&path, 0).unwrap();
        let cache = cache_path(&path).unwrap();
        let text = String::from_utf8(fs::read(&cache).unwrap()).unwrap();
        let (line, body) = text.split_once('\n').unwrap();
        let mut header = Header::parse_with(line, MAGIC).unwrap();
        // The same body, declared too large to read whole, parses the same.
        let padded = format!("{body}{}", " ".repeat(READ_WHOLE_UP_TO as usize));
        header.body_len = padded.len() as u64;
        header.body_hash = ContentHash::of(padded.as_bytes());
        fs::write(&cache, format!("{}{padded}", header.line_with(MAGIC))).unwrap();
        let (size, time) = modified(&path);
        assert_eq!(read_fresh(&cache, &path, size, time), Some(plan.clone()));
        // Cut short, it is refused.
        fs::write(
            &cache,
            format!("{}{}", header.line_with(MAGIC), &padded[..body.len()]),
        )
        .unwrap();
        assert_eq!(read_fresh(&cache, &path, size, time), None);
    }

    #[cfg(unix)]
    #[test]
    fn a_read_only_folder_still_loads() {
        use std::os::unix::fs::PermissionsExt as _;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("plan.ron");
        let plan = generated();
        save(&plan, &path).unwrap();
        fs::set_permissions(dir.path(), fs::Permissions::from_mode(0o555)).unwrap();
        let loaded = load(&path, 0);
        let listed = fs::read_dir(dir.path()).unwrap().count();
        // Root writes into read-only folders anyway; anyone else cannot.
        let writable = File::create(dir.path().join("probe")).is_ok();
        fs::set_permissions(dir.path(), fs::Permissions::from_mode(0o755)).unwrap();
        assert_eq!(loaded.unwrap(), plan);
        if !writable {
            assert_eq!(listed, 1);
        }
    }

    #[test]
    fn a_cache_that_cannot_be_written_is_no_error() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("plan.ron");
        let plan = generated();
        save(&plan, &path).unwrap();
        // A folder where the cache would go: the rename over it fails, as on a read-only disk.
        let cache = cache_path(&path).unwrap();
        fs::create_dir(&cache).unwrap();
        fs::write(cache.join("keep"), "x").unwrap();
        assert_eq!(load(&path, 0).unwrap(), plan);
        assert_eq!(load(&path, 0).unwrap(), plan);
        let mut names: Vec<_> = fs::read_dir(dir.path())
            .unwrap()
            .map(|entry| entry.unwrap().file_name().into_string().unwrap())
            .collect();
        names.sort();
        assert_eq!(names, [".plan.ron.vtvlcache", "plan.ron"]);
    }
}
