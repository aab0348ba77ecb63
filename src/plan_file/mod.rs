//! Plan files: reading and writing plans as RON, with versioning, atomic saves and backups.
//!
//! A plan file is one RON value, the [`Plan`](crate::model::Plan) itself, starting with its
//! `format_version`. Files written by a newer vtvl are refused rather than half-read. Text is
//! normalised to Unicode NFC on load, so ids typed with combining marks still match. Large
//! files keep a cache beside them that opens faster than their RON text.

mod bundled;
mod cache;
mod columns;
mod disk;
mod error;
mod fingerprint;
mod nfc;
mod ron_text;
mod syntax_message;
mod version;

pub use bundled::{BUNDLED, BundledPlan, default_plan};
pub use columns::{
    COLUMNS_FROM_BYTES, Stamp, columns_path, load_columns, store_columns, with_columns,
};
pub use disk::{load, load_ron, save};
pub use error::PlanFileError;
pub use fingerprint::{fingerprint, short_fingerprint};
pub use ron_text::{from_ron_str, to_ron_string};
