//! The plan format version: which files this build may read.

use std::path::Path;

use serde::{Deserialize, Deserializer};

use super::PlanFileError;
use super::ron_text::read_options;
use crate::model::FORMAT_VERSION;

/// Refuses a version this build does not know.
pub(super) fn check(found: u32, origin: &Path) -> Result<(), PlanFileError> {
    if found > FORMAT_VERSION {
        return Err(PlanFileError::NewerVersion {
            path: origin.to_path_buf(),
            found,
            supported: FORMAT_VERSION,
        });
    }
    Ok(())
}

/// Explains a failed parse by the file's version when that is the cause: a newer file may
/// hold fields this build does not know, and a file without a version is no plan at all.
/// `Ok` means the version is fine (or unreadable) and the parse error itself should be shown.
pub(super) fn explain_failure(text: &str, origin: &Path) -> Result<(), PlanFileError> {
    match read_options().from_str::<VersionProbe>(text) {
        Ok(VersionProbe {
            format_version: Some(found),
        }) => check(found, origin),
        Ok(VersionProbe {
            format_version: None,
        }) => Err(PlanFileError::MissingVersion {
            path: origin.to_path_buf(),
        }),
        Err(_) => Ok(()),
    }
}

/// The top-level struct of any plan file, whatever its version: every other field is skipped.
#[derive(Deserialize)]
struct VersionProbe {
    #[serde(default, deserialize_with = "present")]
    format_version: Option<u32>,
}

/// Reads a bare number as present, so the probe does not depend on RON's `Some(..)` syntax.
fn present<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Option<u32>, D::Error> {
    u32::deserialize(deserializer).map(Some)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn this_and_older_versions_pass() {
        assert!(check(FORMAT_VERSION, Path::new("a.ron")).is_ok());
        assert!(check(FORMAT_VERSION - 1, Path::new("a.ron")).is_ok());
    }

    #[test]
    fn the_probe_skips_everything_but_the_version() {
        let text = "(meta: (future: [1, 2]), format_version: 99, extra: {\"a\": 1})";
        let error = explain_failure(text, Path::new("a.ron")).unwrap_err();
        assert!(matches!(
            error,
            PlanFileError::NewerVersion { found: 99, .. }
        ));
    }

    #[test]
    fn unreadable_text_leaves_the_parse_error_to_explain() {
        assert!(explain_failure("(format_version: ", Path::new("a.ron")).is_ok());
    }
}
