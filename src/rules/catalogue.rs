//! The catalogue of review rules: every embedded pack, parsed once into typed rules, and the
//! rank catalogue they count ranks with.
//!
//! Packs are RON files in `src/rules/packs/`, one per legal instrument, named after it
//! (`nd107-2020.ron`); every rule id starts with the file's name. Adding a pack is adding a
//! file and a line to [`PACKS`].

use std::path::Path;
use std::sync::OnceLock;

use super::params::ReviewParams;
use super::ranks::{RANKS_FILE, RankCatalogue, RankFile};
use super::{PackError, Rule, RulePack, parse_pack};
use crate::model::CivilDate;

/// The embedded packs: file name and text.
pub const PACKS: &[(&str, &str)] = &[
    ("nd107-2020.ron", include_str!("packs/nd107-2020.ron")),
    ("nd45-2025.ron", include_str!("packs/nd45-2025.ron")),
    ("nd150-2025.ron", include_str!("packs/nd150-2025.ron")),
    ("nd370-2025.ron", include_str!("packs/nd370-2025.ron")),
    ("nd303-2025.ron", include_str!("packs/nd303-2025.ron")),
    ("nd120-2020.ron", include_str!("packs/nd120-2020.ron")),
    ("nd101-2020.ron", include_str!("packs/nd101-2020.ron")),
    ("cv64-2024.ron", include_str!("packs/cv64-2024.ron")),
    ("nd361-2025.ron", include_str!("packs/nd361-2025.ron")),
    ("nd232-2026.ron", include_str!("packs/nd232-2026.ron")),
    ("nd106-2020.ron", include_str!("packs/nd106-2020.ron")),
    ("bien-che.ron", include_str!("packs/bien-che.ron")),
];

const RANKS: &str = include_str!("ranks.ron");

/// A pack of review rules.
pub type ReviewPack = RulePack<ReviewParams>;
/// A review rule.
pub type ReviewRule = Rule<ReviewParams>;

/// Every review rule and the rank catalogue.
#[derive(Debug, Clone, PartialEq)]
pub struct Catalogue {
    pub packs: Vec<ReviewPack>,
    pub ranks: RankCatalogue,
}

/// A rule with the pack (instrument) it belongs to.
#[derive(Debug, Clone, Copy)]
pub struct RuleRef<'a> {
    pub pack: &'a ReviewPack,
    pub rule: &'a ReviewRule,
}

impl RuleRef<'_> {
    /// Clause and instrument, e.g. `Khoản 3 Điều 1 Nghị định 107/2020/NĐ-CP`.
    pub fn legal_basis(&self) -> String {
        self.pack.legal_basis(self.rule)
    }
}

impl Catalogue {
    /// Parses the embedded packs and rank catalogue.
    pub fn embedded() -> Result<Self, PackError> {
        let packs = PACKS
            .iter()
            .map(|(name, text)| parse_pack(text, Path::new(name)))
            .collect::<Result<Vec<_>, _>>()?;
        let ranks = parse_ranks(RANKS, Path::new(RANKS_FILE))?;
        Ok(Catalogue { packs, ranks })
    }

    /// Every rule, pack by pack.
    pub fn rules(&self) -> impl Iterator<Item = RuleRef<'_>> {
        self.packs
            .iter()
            .flat_map(|pack| pack.rules.iter().map(move |rule| RuleRef { pack, rule }))
    }

    /// The rules in force on `date`.
    pub fn in_force(&self, date: CivilDate) -> impl Iterator<Item = RuleRef<'_>> {
        self.rules().filter(move |r| r.rule.in_force(date))
    }

    pub fn rule(&self, id: &str) -> Option<RuleRef<'_>> {
        self.rules().find(|r| r.rule.id == id)
    }
}

/// The embedded catalogue, parsed on first use.
pub fn catalogue() -> Result<&'static Catalogue, &'static PackError> {
    static CATALOGUE: OnceLock<Result<Catalogue, PackError>> = OnceLock::new();
    CATALOGUE.get_or_init(Catalogue::embedded).as_ref()
}

/// The rule behind a finding (its `rule_id`), if it is one of the catalogue's.
pub fn rule(id: &str) -> Option<RuleRef<'static>> {
    catalogue().ok()?.rule(id)
}

fn parse_ranks(text: &str, file: &Path) -> Result<RankCatalogue, PackError> {
    ron::Options::default()
        .with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME)
        .from_str::<RankFile>(text)
        .map(RankCatalogue::new)
        .map_err(|error| PackError {
            file: file.display().to_string(),
            line: error.span.start.line,
            column: error.span.start.col,
            message: error.code.to_string(),
        })
}

#[cfg(test)]
mod tests {
    use std::collections::HashSet;

    use super::*;

    #[test]
    fn every_embedded_pack_parses_with_unique_ids_named_after_its_file() {
        let catalogue = Catalogue::embedded().unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(catalogue.packs.len(), PACKS.len());
        let mut ids = HashSet::new();
        for ((file, _), pack) in PACKS.iter().zip(&catalogue.packs) {
            let stem = file.trim_end_matches(".ron");
            assert!(!pack.rules.is_empty(), "{file} has no rules");
            for rule in &pack.rules {
                assert!(ids.insert(rule.id.clone()), "duplicate id {}", rule.id);
                assert!(
                    rule.id.starts_with(&format!("{stem}.")),
                    "{} is not named after {file}",
                    rule.id
                );
                assert!(
                    rule.applies_to.is_none_or(|to| rule.applies_from <= to),
                    "{} ends before it starts",
                    rule.id
                );
                assert!(!rule.text.trim().is_empty() && !rule.title.trim().is_empty());
            }
        }
        assert!(catalogue.ranks.get("01.002").is_some());
        assert!(catalogue.ranks.get(" v.08.01.03 ").is_some());
    }
}
