//! Ranks and professional titles as the dossier prints them: the catalogue's name with the code
//! beside ("Chuyên viên chính (01.002)"), worded by the position's employment basis: a civil
//! servant holds a rank (ngạch), a public employee a professional title (chức danh nghề
//! nghiệp), and a labour contract neither.

use super::DossierError;
use crate::model::Employment;
use crate::rules::{RankCatalogue, catalogue};

/// The embedded rank catalogue, for naming codes.
pub struct RankNames {
    ranks: &'static RankCatalogue,
}

impl RankNames {
    pub fn embedded() -> Result<Self, DossierError> {
        let catalogue = catalogue().map_err(Clone::clone)?;
        Ok(RankNames {
            ranks: &catalogue.ranks,
        })
    }

    /// A position's or a person's code by name, or what stands in for a missing code.
    pub fn label(&self, code: &str, employment: Employment) -> String {
        self.ranks
            .label_vi(code)
            .unwrap_or_else(|| missing(employment).to_owned())
    }
}

/// How a civil servant's missing rank code reads.
pub const NO_RANK: &str = "(chưa xác định ngạch)";

/// What a missing code reads as, by employment basis.
pub fn missing(employment: Employment) -> &'static str {
    match employment {
        Employment::CivilServant => NO_RANK,
        Employment::PublicEmployee => "(chưa xác định chức danh nghề nghiệp)",
        Employment::Contract => "Hợp đồng lao động",
    }
}

/// What the code of a post of this basis is called: `Ngạch công chức`, `Chức danh nghề
/// nghiệp`; a contract post may carry either.
pub fn term(employment: Employment) -> &'static str {
    match employment {
        Employment::CivilServant => "Ngạch công chức",
        Employment::PublicEmployee => "Chức danh nghề nghiệp",
        Employment::Contract => "Ngạch, chức danh nghề nghiệp",
    }
}

/// The heading of a column of codes for posts of these bases: one basis names its own term,
/// a mix names both.
pub fn column_heading(bases: impl IntoIterator<Item = Employment>) -> &'static str {
    let (mut civil, mut public) = (false, false);
    for basis in bases {
        match basis {
            Employment::CivilServant => civil = true,
            Employment::PublicEmployee => public = true,
            Employment::Contract => {}
        }
    }
    match (civil, public) {
        (true, false) => term(Employment::CivilServant),
        (false, true) => term(Employment::PublicEmployee),
        _ => "Ngạch công chức, chức danh nghề nghiệp",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_named_and_missing_ones_worded_by_basis() {
        let names = RankNames::embedded().unwrap();
        assert_eq!(
            names.label("V.08.05.13", Employment::PublicEmployee),
            "Điều dưỡng hạng IV (V.08.05.13)"
        );
        assert_eq!(names.label("", Employment::Contract), "Hợp đồng lao động");
        assert_eq!(
            names.label("", Employment::PublicEmployee),
            "(chưa xác định chức danh nghề nghiệp)"
        );
        assert_eq!(
            column_heading([Employment::PublicEmployee, Employment::Contract]),
            "Chức danh nghề nghiệp"
        );
        assert_eq!(
            column_heading([Employment::PublicEmployee, Employment::CivilServant]),
            "Ngạch công chức, chức danh nghề nghiệp"
        );
    }
}
