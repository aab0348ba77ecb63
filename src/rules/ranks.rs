//! The rank catalogue: which level a rank code (ngạch) or professional title code (chức danh
//! nghề nghiệp) stands at, so that rank-structure caps can count people by level.
//!
//! The catalogue is data ([`RANKS_FILE`], embedded from `ranks.ron`), each entry citing the
//! instrument that set its code. Civil-servant ranks and public employees' grades are put on one
//! scale of tiers, as the caps do when they say "và tương đương" (and equivalent): chuyên viên
//! cao cấp and hạng I, chuyên viên chính and hạng II, chuyên viên and hạng III, cán sự and
//! hạng IV, then nhân viên.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

/// The embedded rank catalogue's name, for error messages.
pub const RANKS_FILE: &str = "ranks.ron";

/// One level of the scale ranks and grades are counted on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RankTier {
    /// Chuyên viên cao cấp, viên chức hạng I and equivalents.
    SeniorExpert,
    /// Chuyên viên chính, hạng II and equivalents.
    Principal,
    /// Chuyên viên, hạng III and equivalents.
    Specialist,
    /// Cán sự, hạng IV and equivalents.
    Officer,
    /// Nhân viên.
    Employee,
}

impl RankTier {
    pub const ALL: [RankTier; 5] = [
        RankTier::SeniorExpert,
        RankTier::Principal,
        RankTier::Specialist,
        RankTier::Officer,
        RankTier::Employee,
    ];

    /// How Vietnamese documents name the level: `chuyên viên chính, hạng II và tương đương`.
    pub fn label_vi(self) -> &'static str {
        match self {
            RankTier::SeniorExpert => "chuyên viên cao cấp, hạng I và tương đương",
            RankTier::Principal => "chuyên viên chính, hạng II và tương đương",
            RankTier::Specialist => "chuyên viên, hạng III và tương đương",
            RankTier::Officer => "cán sự, hạng IV và tương đương",
            RankTier::Employee => "nhân viên",
        }
    }

    pub fn label_en(self) -> &'static str {
        match self {
            RankTier::SeniorExpert => "senior expert, class I and equivalent",
            RankTier::Principal => "principal, class II and equivalent",
            RankTier::Specialist => "specialist, class III and equivalent",
            RankTier::Officer => "officer, class IV and equivalent",
            RankTier::Employee => "employee",
        }
    }

    /// The label in `language`.
    pub fn label(self, language: crate::language::Language) -> &'static str {
        language.t(self.label_vi(), self.label_en())
    }
}

/// Whether a code is a civil servant's rank or a public employee's professional title.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RankKind {
    /// Ngạch công chức.
    CivilServant,
    /// Chức danh nghề nghiệp viên chức.
    ProfessionalTitle,
}

/// One code of the catalogue.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RankEntry {
    pub code: String,
    pub name: String,
    pub kind: RankKind,
    pub tier: RankTier,
    /// The instrument that set the code, e.g. `Quyết định 78/2004/QĐ-BNV`.
    pub source: String,
    /// What could not be confirmed from the instrument's text (name, code or tier), if anything.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

impl RankEntry {
    /// The name with the code beside, as the dossier prints it: `Chuyên viên chính (01.002)`.
    pub fn label(&self) -> String {
        format!("{} ({})", self.name, self.code)
    }
}

/// The catalogue as it is stored: a list of codes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RankFile {
    pub ranks: Vec<RankEntry>,
}

/// Rank codes looked up by code.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct RankCatalogue {
    entries: Vec<RankEntry>,
    index: HashMap<String, usize>,
}

impl RankCatalogue {
    pub fn new(file: RankFile) -> Self {
        let index = file
            .ranks
            .iter()
            .enumerate()
            .map(|(i, entry)| (normalise(&entry.code), i))
            .collect();
        RankCatalogue {
            entries: file.ranks,
            index,
        }
    }

    /// The entry for a code as written on a position (spaces and letter case ignored).
    pub fn get(&self, code: &str) -> Option<&RankEntry> {
        self.index
            .get(&normalise(code))
            .and_then(|&i| self.entries.get(i))
    }

    pub fn entries(&self) -> &[RankEntry] {
        &self.entries
    }

    /// A code by name, in Vietnamese: `Chuyên viên chính (01.002)`, or the code followed by
    /// `(chưa có trong danh mục)` when the catalogue does not know it; `None` for no code.
    pub fn label_vi(&self, code: &str) -> Option<String> {
        self.label(code, UNKNOWN_VI)
    }

    /// As [`label_vi`](Self::label_vi), an unknown code marked in English.
    pub fn label_en(&self, code: &str) -> Option<String> {
        self.label(code, UNKNOWN_EN)
    }

    fn label(&self, code: &str, unknown: &str) -> Option<String> {
        let code = code.trim();
        if code.is_empty() {
            return None;
        }
        Some(match self.get(code) {
            Some(entry) => entry.label(),
            None => format!("{code} {unknown}"),
        })
    }
}

/// How a code the catalogue does not know is marked.
pub const UNKNOWN_VI: &str = "(chưa có trong danh mục)";
const UNKNOWN_EN: &str = "(not in the catalogue)";

fn normalise(code: &str) -> String {
    code.chars()
        .filter(|c| !c.is_whitespace())
        .flat_map(char::to_uppercase)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn catalogue() -> RankCatalogue {
        RankCatalogue::new(RankFile {
            ranks: vec![RankEntry {
                code: "01.002".to_owned(),
                name: "Chuyên viên chính".to_owned(),
                kind: RankKind::CivilServant,
                tier: RankTier::Principal,
                source: "Quyết định 78/2004/QĐ-BNV".to_owned(),
                note: None,
            }],
        })
    }

    #[test]
    fn codes_read_as_names_with_the_code_beside() {
        let ranks = catalogue();
        assert_eq!(
            ranks.label_vi(" 01.002 ").as_deref(),
            Some("Chuyên viên chính (01.002)")
        );
        assert_eq!(
            ranks.label_vi("99.999").as_deref(),
            Some("99.999 (chưa có trong danh mục)")
        );
        assert_eq!(
            ranks.label_en("99.999").as_deref(),
            Some("99.999 (not in the catalogue)")
        );
        assert_eq!(ranks.label_vi("  "), None);
    }
}
