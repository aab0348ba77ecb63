//! The rounding policy that turns full-time equivalents into whole people.

use serde::{Deserialize, Serialize};

/// How required FTE is rounded to whole people. A policy, not a law: every report prints it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Rounding {
    /// Round half up (2.5 -> 3, 2.49 -> 2).
    #[default]
    Nearest,
    /// Always up (2.01 -> 3).
    Up,
    /// Always down (2.99 -> 2); the remainder is concurrent work (kiêm nhiệm).
    Down,
}

impl Rounding {
    pub const ALL: [Rounding; 3] = [Rounding::Nearest, Rounding::Up, Rounding::Down];

    /// The keyword used in files and on the command line.
    pub fn keyword(self) -> &'static str {
        match self {
            Rounding::Nearest => "nearest",
            Rounding::Up => "up",
            Rounding::Down => "down",
        }
    }

    pub fn from_keyword(text: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|r| r.keyword() == text)
    }

    /// Vietnamese description printed on reports.
    pub fn label_vi(self) -> &'static str {
        match self {
            Rounding::Nearest => "làm tròn gần nhất, từ 0,5 trở lên",
            Rounding::Up => "luôn làm tròn lên",
            Rounding::Down => "làm tròn xuống, phần dư kiêm nhiệm",
        }
    }

    pub fn label_en(self) -> &'static str {
        match self {
            Rounding::Nearest => "round to the nearest, half up",
            Rounding::Up => "always round up",
            Rounding::Down => "round down, the remainder held concurrently",
        }
    }

    /// The label in `language`.
    pub fn label(self, language: crate::language::Language) -> &'static str {
        language.t(self.label_vi(), self.label_en())
    }
}
