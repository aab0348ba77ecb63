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
