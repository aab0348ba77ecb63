//! The employment basis of a post: inside biên chế as a civil servant or a public employee, or on
//! a labour contract outside it (hợp đồng lao động, ND 111/2022).
//!
//! Size thresholds, quotas and rank shares count biên chế only, so every rule needs to know
//! which posts are contracts. A position may state its basis; when it does not, the basis
//! follows from the unit it sits in (see `engine::employment_basis`).

use serde::{Deserialize, Serialize};

use super::UnitType;

/// How the people of a position are employed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Employment {
    /// Công chức (at commune level: cán bộ, công chức); counted in biên chế.
    CivilServant,
    /// Viên chức of a public service unit; counted in số lượng người làm việc.
    PublicEmployee,
    /// Hợp đồng lao động (drivers, guards, cleaners...); outside biên chế.
    Contract,
}

impl Employment {
    pub const ALL: [Employment; 3] = [
        Employment::CivilServant,
        Employment::PublicEmployee,
        Employment::Contract,
    ];

    /// The keyword used in plan and interchange files.
    pub fn keyword(self) -> &'static str {
        match self {
            Employment::CivilServant => "civil_servant",
            Employment::PublicEmployee => "public_employee",
            Employment::Contract => "contract",
        }
    }

    pub fn label_vi(self) -> &'static str {
        match self {
            Employment::CivilServant => "công chức",
            Employment::PublicEmployee => "viên chức",
            Employment::Contract => "hợp đồng lao động",
        }
    }

    pub fn label_en(self) -> &'static str {
        match self {
            Employment::CivilServant => "civil servant",
            Employment::PublicEmployee => "public employee",
            Employment::Contract => "labour contract",
        }
    }

    /// The label in `language`.
    pub fn label(self, language: crate::language::Language) -> &'static str {
        language.t(self.label_vi(), self.label_en())
    }

    /// The keyword or the Vietnamese label, in any letter case.
    pub fn from_keyword(text: &str) -> Option<Self> {
        let text = text.trim().to_lowercase();
        Self::ALL
            .into_iter()
            .find(|e| e.keyword() == text || e.label_vi() == text)
    }

    /// Whether the post counts in biên chế (công chức or viên chức), as size rules count.
    pub fn in_establishment(self) -> bool {
        !matches!(self, Employment::Contract)
    }

    /// The basis of a post that states none, from the kind of unit it sits in; `None` for a
    /// unit of no particular type (its nearest typed ancestor decides).
    pub fn default_for(unit_type: UnitType) -> Option<Self> {
        if unit_type == UnitType::Other {
            None
        } else if unit_type.is_public_service_unit()
            || matches!(
                unit_type,
                UnitType::PublicServiceDivision | UnitType::SchoolSubjectGroup
            )
        {
            Some(Employment::PublicEmployee)
        } else {
            Some(Employment::CivilServant)
        }
    }
}

/// Figures of one kind split by employment basis.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize)]
pub struct ByEmployment<T> {
    pub civil_servant: T,
    pub public_employee: T,
    pub contract: T,
}

impl<T: Copy> ByEmployment<T> {
    pub fn get(&self, employment: Employment) -> T {
        match employment {
            Employment::CivilServant => self.civil_servant,
            Employment::PublicEmployee => self.public_employee,
            Employment::Contract => self.contract,
        }
    }

    pub fn get_mut(&mut self, employment: Employment) -> &mut T {
        match employment {
            Employment::CivilServant => &mut self.civil_servant,
            Employment::PublicEmployee => &mut self.public_employee,
            Employment::Contract => &mut self.contract,
        }
    }

    /// One figure of each basis: `by_employment.map(|f| f.proposed)`.
    pub fn map<U>(&self, f: impl Fn(T) -> U) -> ByEmployment<U> {
        ByEmployment {
            civil_servant: f(self.civil_servant),
            public_employee: f(self.public_employee),
            contract: f(self.contract),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keywords_and_vietnamese_labels_are_read() {
        for e in Employment::ALL {
            assert_eq!(Employment::from_keyword(e.keyword()), Some(e));
            assert_eq!(Employment::from_keyword(e.label_vi()), Some(e));
        }
        assert_eq!(
            Employment::from_keyword(" Hợp đồng lao động "),
            Some(Employment::Contract)
        );
        assert_eq!(Employment::from_keyword("hđlđ"), None);
    }

    #[test]
    fn the_unit_type_sets_the_default() {
        assert_eq!(
            Employment::default_for(UnitType::DepartmentOffice),
            Some(Employment::CivilServant)
        );
        assert_eq!(
            Employment::default_for(UnitType::PublicServiceDivision),
            Some(Employment::PublicEmployee)
        );
        assert_eq!(
            Employment::default_for(UnitType::LowerSecondarySchool),
            Some(Employment::PublicEmployee)
        );
        assert_eq!(Employment::default_for(UnitType::Other), None);
    }
}
