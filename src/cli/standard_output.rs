//! What the commands print: their whole output written to standard output at once, with a
//! message in the user's language when it cannot be written (a closed pipe, a full disk).

use std::io::Write as _;

use anyhow::Context as _;

use crate::language::Language;

/// Writes `text` to standard output.
pub fn print(text: &str, language: Language) -> anyhow::Result<()> {
    std::io::stdout()
        .lock()
        .write_all(text.as_bytes())
        .context(language.t(
            "không ghi được ra đầu ra chuẩn",
            "cannot write to standard output",
        ))
}

/// Writes what `produce` writes to standard output, buffered, as it is made (for output too
/// large to hold whole).
pub fn stream(
    language: Language,
    produce: impl FnOnce(&mut dyn std::io::Write) -> std::io::Result<()>,
) -> anyhow::Result<()> {
    let mut out = std::io::BufWriter::with_capacity(1 << 20, std::io::stdout().lock());
    produce(&mut out)
        .and_then(|()| out.flush())
        .context(language.t(
            "không ghi được ra đầu ra chuẩn",
            "cannot write to standard output",
        ))
}
