//! The kinds of org unit the rules tell apart (sở, phòng thuộc sở, ĐVSN, trường...).
//!
//! Deputy caps, division minimums, rank caps and sector norms depend on what a unit is; each
//! kind has a keyword used in plan and interchange files and a Vietnamese label for the screen.

use serde::{Deserialize, Serialize};

macro_rules! unit_types {
    ($($variant:ident => $keyword:literal, $label:literal, $english:literal;)*) => {
        /// What an org unit is, as the rules tell units apart.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Default, Serialize, Deserialize)]
        #[serde(try_from = "String", into = "String")]
        pub enum UnitType {
            $($variant,)*
            /// Anything the rules do not name.
            #[default]
            Other,
        }

        impl UnitType {
            pub const ALL: &'static [UnitType] = &[$(UnitType::$variant,)* UnitType::Other];

            /// The keyword used in plan and interchange files.
            pub fn keyword(self) -> &'static str {
                match self {
                    $(UnitType::$variant => $keyword,)*
                    UnitType::Other => "khac",
                }
            }

            pub fn label_vi(self) -> &'static str {
                match self {
                    $(UnitType::$variant => $label,)*
                    UnitType::Other => "Khác",
                }
            }

            pub fn label_en(self) -> &'static str {
                match self {
                    $(UnitType::$variant => $english,)*
                    UnitType::Other => "Other",
                }
            }

            /// The label in `language`.
            pub fn label(self, language: crate::language::Language) -> &'static str {
                language.t(self.label_vi(), self.label_en())
            }
        }
    };
}

unit_types! {
    ProvincialCommittee => "ubnd_tinh", "UBND tỉnh", "Provincial People's Committee";
    ProvincialDepartment => "so", "Sở (cơ quan chuyên môn thuộc UBND tỉnh)", "Provincial department (specialised agency of the committee)";
    DepartmentDivision => "phong_thuoc_so", "Phòng thuộc sở", "Division of a department";
    DepartmentInspectorate => "thanh_tra_so", "Thanh tra sở", "Department inspectorate";
    DepartmentOffice => "van_phong_so", "Văn phòng sở", "Department office";
    SubDepartment => "chi_cuc", "Chi cục thuộc sở", "Sub-department";
    SubDepartmentDivision => "phong_thuoc_chi_cuc", "Phòng thuộc chi cục", "Division of a sub-department";
    PublicServiceUnit => "dvsn", "Đơn vị sự nghiệp công lập", "Public service unit";
    PublicServiceDivision => "phong_thuoc_dvsn", "Phòng, khoa thuộc đơn vị sự nghiệp", "Division or ward of a public service unit";
    MinistryDepartment => "cuc", "Cục thuộc bộ", "General department of a ministry";
    MinistryDepartmentDivision => "phong_thuoc_cuc", "Phòng thuộc cục", "Division of a general department";
    MinistryAdvisoryDepartment => "vu", "Vụ thuộc bộ", "Advisory department of a ministry";
    MinistryOffice => "van_phong_bo", "Văn phòng bộ", "Ministry office";
    CommuneCommittee => "ubnd_xa", "UBND xã", "Commune People's Committee";
    WardCommittee => "ubnd_phuong", "UBND phường", "Ward People's Committee";
    CommuneOffice => "van_phong_xa", "Văn phòng HĐND và UBND cấp xã", "Office of the commune council and committee";
    CommuneDivision => "phong_thuoc_xa", "Phòng chuyên môn thuộc UBND cấp xã", "Specialised division of a commune";
    CommuneServiceCentre => "trung_tam_phuc_vu_hcc", "Trung tâm phục vụ hành chính công cấp xã", "Commune public administration service centre";
    Kindergarten => "truong_mam_non", "Trường mầm non", "Kindergarten";
    PrimarySchool => "truong_tieu_hoc", "Trường tiểu học", "Primary school";
    LowerSecondarySchool => "truong_thcs", "Trường trung học cơ sở", "Lower secondary school";
    UpperSecondarySchool => "truong_thpt", "Trường trung học phổ thông", "Upper secondary school";
    SchoolSubjectGroup => "to_chuyen_mon", "Tổ chuyên môn (trường học)", "Subject group (school)";
    DiseaseControlCentre => "cdc", "Trung tâm Kiểm soát bệnh tật tỉnh", "Provincial centre for disease control";
    HealthCentre => "trung_tam_y_te", "Trung tâm y tế khu vực", "Area health centre";
    CommuneHealthStation => "tram_y_te", "Trạm y tế xã", "Commune health station";
    HistoricalArchive => "luu_tru_lich_su", "Lưu trữ lịch sử tỉnh", "Provincial historical archive";
}

impl UnitType {
    pub fn from_keyword(text: &str) -> Option<Self> {
        let text = text.trim();
        Self::ALL
            .iter()
            .copied()
            .find(|kind| kind.keyword() == text || kind.label_vi() == text)
    }

    /// Public service units of every kind (ĐVSN): schools, health and archive units included.
    pub fn is_public_service_unit(self) -> bool {
        matches!(
            self,
            UnitType::PublicServiceUnit
                | UnitType::Kindergarten
                | UnitType::PrimarySchool
                | UnitType::LowerSecondarySchool
                | UnitType::UpperSecondarySchool
                | UnitType::DiseaseControlCentre
                | UnitType::HealthCentre
                | UnitType::CommuneHealthStation
                | UnitType::HistoricalArchive
        )
    }

    /// Schools and kindergartens, whose teacher norms depend on classes and the school zone.
    pub fn is_school(self) -> bool {
        matches!(
            self,
            UnitType::Kindergarten
                | UnitType::PrimarySchool
                | UnitType::LowerSecondarySchool
                | UnitType::UpperSecondarySchool
        )
    }
}

/// Why a text is not a unit type.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("unknown unit type \"{text}\"; known: {}", UnitType::ALL.iter().map(|k| k.keyword()).collect::<Vec<_>>().join(", "))]
pub struct UnknownUnitType {
    pub text: String,
}

impl TryFrom<String> for UnitType {
    type Error = UnknownUnitType;

    fn try_from(text: String) -> Result<Self, Self::Error> {
        if text.trim().is_empty() {
            return Ok(UnitType::Other);
        }
        UnitType::from_keyword(&text).ok_or(UnknownUnitType { text })
    }
}

impl From<UnitType> for String {
    fn from(kind: UnitType) -> String {
        kind.keyword().to_owned()
    }
}

/// Province classes that set division thresholds (ND 107/2020, ND 45/2025).
/// Plan files write the same keywords as interchange files (`special`, `i`, `ii`, `iii`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub enum ProvinceClass {
    /// Hà Nội and Thành phố Hồ Chí Minh.
    #[serde(rename = "special")]
    Special,
    #[serde(rename = "i")]
    I,
    #[default]
    #[serde(rename = "ii")]
    II,
    #[serde(rename = "iii")]
    III,
}

impl ProvinceClass {
    pub const ALL: [ProvinceClass; 4] = [
        ProvinceClass::Special,
        ProvinceClass::I,
        ProvinceClass::II,
        ProvinceClass::III,
    ];

    pub fn keyword(self) -> &'static str {
        match self {
            ProvinceClass::Special => "special",
            ProvinceClass::I => "i",
            ProvinceClass::II => "ii",
            ProvinceClass::III => "iii",
        }
    }

    pub fn from_keyword(text: &str) -> Option<Self> {
        let text = text.trim().to_lowercase();
        Self::ALL.into_iter().find(|c| c.keyword() == text)
    }

    pub fn label_vi(self) -> &'static str {
        match self {
            ProvinceClass::Special => "Hà Nội, TP. Hồ Chí Minh",
            ProvinceClass::I => "Tỉnh loại I",
            ProvinceClass::II => "Tỉnh loại II",
            ProvinceClass::III => "Tỉnh loại III",
        }
    }

    pub fn label_en(self) -> &'static str {
        match self {
            ProvinceClass::Special => "Hanoi, Ho Chi Minh City",
            ProvinceClass::I => "Class I province",
            ProvinceClass::II => "Class II province",
            ProvinceClass::III => "Class III province",
        }
    }

    /// The label in `language`.
    pub fn label(self, language: crate::language::Language) -> &'static str {
        language.t(self.label_vi(), self.label_en())
    }
}

/// Financial autonomy groups of public service units (ND 60/2021): group 1 covers its recurrent
/// and investment spending, 2 its recurrent spending, 3 part of it, 4 is state-funded.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AutonomyGroup {
    Group1,
    Group2,
    Group3,
    Group4,
}

impl AutonomyGroup {
    pub const ALL: [AutonomyGroup; 4] = [
        AutonomyGroup::Group1,
        AutonomyGroup::Group2,
        AutonomyGroup::Group3,
        AutonomyGroup::Group4,
    ];

    pub fn number(self) -> u8 {
        match self {
            AutonomyGroup::Group1 => 1,
            AutonomyGroup::Group2 => 2,
            AutonomyGroup::Group3 => 3,
            AutonomyGroup::Group4 => 4,
        }
    }

    pub fn from_number(number: u8) -> Option<Self> {
        Self::ALL.into_iter().find(|g| g.number() == number)
    }

    /// Groups 1 and 2 pay their own recurrent spending (tự bảo đảm chi thường xuyên).
    pub fn is_self_financing(self) -> bool {
        matches!(self, AutonomyGroup::Group1 | AutonomyGroup::Group2)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn province_classes_are_written_as_their_keywords() {
        for class in ProvinceClass::ALL {
            let text = ron::to_string(&class).unwrap();
            assert_eq!(text, class.keyword());
            assert_eq!(ron::from_str::<ProvinceClass>(&text).unwrap(), class);
        }
    }
}
