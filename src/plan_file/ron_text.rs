//! Plans as RON text: the layout written to disk, and parsing with errors that say where.

use std::fmt;
use std::path::Path;

use ron::Options;
use ron::error::SpannedError;
use ron::extensions::Extensions;
use ron::ser::PrettyConfig;

use super::{PlanFileError, nfc, syntax_message, version};
use crate::language::Text;
use crate::model::{FORMAT_VERSION, Plan};

/// Writes `plan` as pretty RON: one field per line, four-space indents, `\n` line ends on
/// every platform and Vietnamese text unescaped, so files read well and diff cleanly.
/// The text ends with a newline. It is exactly what [`super::save`] writes.
pub fn to_ron_string(plan: &Plan) -> Result<String, PlanFileError> {
    let mut text = String::new();
    write_ron(plan, &mut text)?;
    Ok(text)
}

/// Parses a plan from RON text. `origin` only names the text in errors (a file path, or the
/// name of an embedded plan). The text is normalised to Unicode NFC first; a leading byte
/// order mark is ignored. Files of a newer format version are refused.
pub fn from_ron_str(text: &str, origin: &Path) -> Result<Plan, PlanFileError> {
    // Editors on Windows may start UTF-8 files with a byte order mark; RON does not allow it.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(PlanFileError::Parse {
            path: origin.to_path_buf(),
            line: 1,
            column: 1,
            message: Text::new("tệp rỗng", "the file is empty"),
        });
    }
    let text = nfc::to_nfc(text);
    match read_options().from_str::<Plan>(&text) {
        Ok(mut plan) => {
            version::check(plan.format_version, origin)?;
            // Older files only lack fields that have defaults: they are read as this version.
            plan.format_version = FORMAT_VERSION;
            Ok(plan)
        }
        Err(error) => {
            version::explain_failure(&text, origin)?;
            Err(parse_error(&error, origin))
        }
    }
}

/// Serialises `plan` (or a view of one) into any text sink, with the trailing newline.
pub(super) fn write_ron<W: fmt::Write, T: serde::Serialize + ?Sized>(
    plan: &T,
    out: &mut W,
) -> Result<(), PlanFileError> {
    Options::default()
        .to_writer_pretty(&mut *out, plan, pretty_config())
        .map_err(|error| PlanFileError::Serialize {
            message: error.to_string(),
        })?;
    out.write_char('\n')
        .map_err(|error| PlanFileError::Serialize {
            message: error.to_string(),
        })
}

/// Reading accepts optional values written bare (`year: 2025`) even in files without the
/// `implicit_some` header, as people write them by hand.
pub(super) fn read_options() -> Options {
    Options::default().with_default_extension(Extensions::IMPLICIT_SOME)
}

fn pretty_config() -> PrettyConfig {
    PrettyConfig::new()
        .new_line("\n")
        .indentor("    ")
        // Personal fields on one line: `personal: {"full_name": "Trần Thị Bình", "birth_year": "1990"}`.
        .compact_maps(true)
        .struct_names(false)
        // Component kinds sit at depth 6: one line each, `kind: norm(volume: 20.0, ratio: 1.5)`.
        .depth_limit(5)
        // `parent_id: "so-noi-vu"` rather than `parent_id: Some("so-noi-vu")`.
        .extensions(Extensions::IMPLICIT_SOME)
}

pub(super) fn parse_error(error: &SpannedError, origin: &Path) -> PlanFileError {
    PlanFileError::Parse {
        path: origin.to_path_buf(),
        line: error.span.start.line,
        column: error.span.start.col,
        message: syntax_message::describe(&error.code),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_empty_text_is_named_as_such() {
        let error = from_ron_str(" \n", Path::new("a.ron")).unwrap_err();
        assert_eq!(error.to_string(), "a.ron:1:1: the file is empty");
    }

    #[test]
    fn a_cut_text_is_an_unexpected_end() {
        let error = from_ron_str("(format_version: 2, meta: (", Path::new("a.ron")).unwrap_err();
        assert_eq!(error.to_string(), "a.ron:1:27: unexpected end of file");
    }

    #[test]
    fn the_default_plan_round_trips() {
        let plan = Plan::default();
        let text = to_ron_string(&plan).unwrap();
        assert!(text.starts_with("#![enable(implicit_some)]\n(\n    format_version: 2,\n"));
        assert_eq!(from_ron_str(&text, Path::new("a.ron")).unwrap(), plan);
    }
}
