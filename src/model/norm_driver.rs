//! The norm drivers one by one: each field of [`NormDrivers`] with its keyword (the column of
//! `units.csv`), its Vietnamese label, the kind of value it holds, and the unit types whose
//! sector norms read it. Import, export and the unit form walk this list instead of naming
//! every field.

use super::{CommuneSetting, NormDrivers, UnitType};

/// What kind of value a driver holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DriverKind {
    /// A whole number of 0 or more (classes, pupils, people, border gates).
    Count,
    /// A decimal amount of 0 or more (square kilometres, shelf-metres, megabytes, hours).
    Amount,
    /// Yes or no.
    Flag,
    /// A class 1, 2 or 3.
    Class,
    /// One keyword of a fixed list (where a commune sits...).
    Choice(&'static [DriverChoice]),
}

/// One keyword a [`DriverKind::Choice`] driver accepts, with its labels.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DriverChoice {
    /// The keyword written in plan and interchange files.
    pub keyword: &'static str,
    pub label_vi: &'static str,
    pub label_en: &'static str,
}

/// One driver's value.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum DriverValue {
    /// A count or a class.
    Count(u64),
    Amount(f64),
    Flag(bool),
    /// The keyword of a choice.
    Choice(&'static str),
}

/// Why a value does not fit a driver.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum DriverValueError {
    #[error("{driver} takes {expected}, not {value:?}")]
    WrongKind {
        driver: &'static str,
        expected: &'static str,
        value: DriverValue,
    },
    #[error("{value} is not between {min} and {max}")]
    OutOfRange { value: u64, min: u64, max: u64 },
    #[error("{value:?} is not one of: {accepted}")]
    NotAChoice {
        value: &'static str,
        /// The keywords accepted, comma-separated.
        accepted: String,
    },
}

impl crate::language::Localized for DriverValueError {
    fn message(&self, language: crate::language::Language) -> String {
        match language {
            crate::language::Language::English => self.to_string(),
            crate::language::Language::Vietnamese => match self {
                DriverValueError::WrongKind {
                    driver,
                    expected,
                    value,
                } => format!("{driver} nhận {expected}, không nhận {value:?}"),
                DriverValueError::OutOfRange { value, min, max } => {
                    format!("{value} không nằm trong khoảng {min} đến {max}")
                }
                DriverValueError::NotAChoice { value, accepted } => {
                    format!("{value:?} không thuộc danh sách: {accepted}")
                }
            },
        }
    }
}

macro_rules! norm_drivers {
    ($($variant:ident => $field:ident, $kind:ident $(($choices:expr))?, $label:literal,
        $english:literal;)*) => {
        /// One field of [`NormDrivers`].
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum NormDriver {
            $($variant,)*
        }

        impl NormDriver {
            /// Every driver, in the order of [`NormDrivers`] and of the `units.csv` columns.
            pub const ALL: &'static [NormDriver] = &[$(NormDriver::$variant,)*];

            /// The field name, used as the column name in interchange files.
            pub fn keyword(self) -> &'static str {
                match self {
                    $(NormDriver::$variant => stringify!($field),)*
                }
            }

            pub fn kind(self) -> DriverKind {
                match self {
                    $(NormDriver::$variant => DriverKind::$kind $(($choices))?,)*
                }
            }

            pub fn label_vi(self) -> &'static str {
                match self {
                    $(NormDriver::$variant => $label,)*
                }
            }

            pub fn label_en(self) -> &'static str {
                match self {
                    $(NormDriver::$variant => $english,)*
                }
            }


            /// The label in `language`.
            pub fn label(self, language: crate::language::Language) -> &'static str {

                language.t(self.label_vi(), self.label_en())

            }

            /// The driver's value in `drivers`, if set.
            pub fn get(self, drivers: &NormDrivers) -> Option<DriverValue> {
                match self {
                    $(NormDriver::$variant => drivers.$field.map(Into::into),)*
                }
            }

            /// Sets (or clears, with `None`) the driver's value in `drivers`.
            pub fn set(
                self,
                drivers: &mut NormDrivers,
                value: Option<DriverValue>,
            ) -> Result<(), DriverValueError> {
                match self {
                    $(NormDriver::$variant => {
                        drivers.$field =
                            value.map(|v| FromDriver::from_driver(self, v)).transpose()?;
                    })*
                }
                Ok(())
            }
        }
    };
}

norm_drivers! {
    Classes => classes, Count, "Số lớp", "Classes";
    NurseryGroups => nursery_groups, Count, "Số nhóm trẻ", "Nursery groups";
    Pupils => pupils, Count, "Số học sinh", "Pupils";
    TwoSessionsADay => two_sessions_a_day, Flag, "Học 2 buổi/ngày", "Two sessions a day";
    Population => population, Count, "Dân số phục vụ", "Population served";
    AreaKm2 => area_km2, Amount, "Diện tích (km2)", "Area (km2)";
    BorderGates => border_gates, Count, "Số cửa khẩu quốc tế", "International border gates";
    InternationalQuarantine => international_quarantine, Flag, "Có kiểm dịch y tế quốc tế",
        "International health quarantine";
    IndustrialZones => industrial_zones, Flag, "Có khu công nghiệp", "Industrial zones";
    Mountainous => mountainous, Flag, "Miền núi", "Mountainous";
    CentrallyRunCity => centrally_run_city, Flag, "Thành phố trực thuộc trung ương",
        "Centrally-run city";
    ShelfMetres => shelf_metres, Amount, "Tài liệu giấy (mét giá)", "Paper records (shelf-metres)";
    ElectronicMb => electronic_mb, Amount, "Tài liệu điện tử (MB)", "Electronic records (MB)";
    AudioVisualHours => audio_visual_hours, Amount, "Tài liệu nghe nhìn (giờ)",
        "Audio-visual records (hours)";
    CommuneClass => commune_class, Class, "Phân loại đơn vị hành chính xã (1-3)",
        "Commune class (1-3)";
    CommuneSetting => commune_setting, Choice(&COMMUNE_SETTINGS), "Loại xã, phường, thị trấn",
        "Commune, township or ward";
}

/// The settings of a commune-level unit as choices, in the order of [`CommuneSetting::ALL`].
const COMMUNE_SETTINGS: [DriverChoice; CommuneSetting::ALL.len()] = {
    let mut choices = [DriverChoice {
        keyword: "",
        label_vi: "",
        label_en: "",
    }; CommuneSetting::ALL.len()];
    let mut i = 0;
    while i < choices.len() {
        let setting = CommuneSetting::ALL[i];
        choices[i] = DriverChoice {
            keyword: setting.keyword(),
            label_vi: setting.label_vi(),
            label_en: setting.label_en(),
        };
        i += 1;
    }
    choices
};

impl NormDriver {
    /// The driver named by `keyword` (its field name, ignoring case).
    pub fn from_keyword(keyword: &str) -> Option<Self> {
        let keyword = keyword.trim();
        Self::ALL
            .iter()
            .copied()
            .find(|d| d.keyword().eq_ignore_ascii_case(keyword))
    }

    /// The keywords a choice driver accepts; none for other kinds.
    pub fn choices(self) -> &'static [DriverChoice] {
        match self.kind() {
            DriverKind::Choice(choices) => choices,
            _ => &[],
        }
    }

    /// The choice of this driver named by `keyword` (ignoring case and surrounding spaces).
    pub fn choice(self, keyword: &str) -> Option<DriverChoice> {
        let keyword = keyword.trim();
        self.choices()
            .iter()
            .copied()
            .find(|c| c.keyword.eq_ignore_ascii_case(keyword))
    }

    /// Whether the sector norms of a unit of type `kind` read this driver (TT 20/2023 and
    /// TT 19/2023 for schools, TT 03/2023 for disease control, TT 09/2024 for archives,
    /// ND 33/2023 for communes).
    pub fn matters_for(self, kind: UnitType) -> bool {
        use NormDriver as D;
        match kind {
            UnitType::Kindergarten => matches!(self, D::Classes | D::NurseryGroups | D::Pupils),
            UnitType::PrimarySchool => {
                matches!(self, D::Classes | D::Pupils | D::TwoSessionsADay)
            }
            UnitType::LowerSecondarySchool | UnitType::UpperSecondarySchool => {
                matches!(self, D::Classes | D::Pupils)
            }
            UnitType::DiseaseControlCentre => matches!(
                self,
                D::Population
                    | D::BorderGates
                    | D::InternationalQuarantine
                    | D::IndustrialZones
                    | D::Mountainous
            ),
            UnitType::HealthCentre | UnitType::CommuneHealthStation => {
                matches!(self, D::Population | D::AreaKm2 | D::Mountainous)
            }
            UnitType::HistoricalArchive => matches!(
                self,
                D::ShelfMetres | D::ElectronicMb | D::AudioVisualHours | D::CentrallyRunCity
            ),
            UnitType::CommuneCommittee | UnitType::WardCommittee => {
                matches!(
                    self,
                    D::CommuneClass | D::Population | D::AreaKm2 | D::CommuneSetting
                )
            }
            _ => false,
        }
    }
}

impl From<u32> for DriverValue {
    fn from(value: u32) -> Self {
        DriverValue::Count(u64::from(value))
    }
}

impl From<u64> for DriverValue {
    fn from(value: u64) -> Self {
        DriverValue::Count(value)
    }
}

impl From<u8> for DriverValue {
    fn from(value: u8) -> Self {
        DriverValue::Count(u64::from(value))
    }
}

impl From<f64> for DriverValue {
    fn from(value: f64) -> Self {
        DriverValue::Amount(value)
    }
}

impl From<bool> for DriverValue {
    fn from(value: bool) -> Self {
        DriverValue::Flag(value)
    }
}

impl From<CommuneSetting> for DriverValue {
    fn from(value: CommuneSetting) -> Self {
        DriverValue::Choice(value.keyword())
    }
}

/// A field's type taken back from a [`DriverValue`], checking kind and range.
trait FromDriver: Sized {
    fn from_driver(driver: NormDriver, value: DriverValue) -> Result<Self, DriverValueError>;
}

fn wrong_kind(driver: NormDriver, expected: &'static str, value: DriverValue) -> DriverValueError {
    DriverValueError::WrongKind {
        driver: driver.keyword(),
        expected,
        value,
    }
}

impl FromDriver for u32 {
    fn from_driver(driver: NormDriver, value: DriverValue) -> Result<Self, DriverValueError> {
        match value {
            DriverValue::Count(count) => {
                u32::try_from(count).map_err(|_| DriverValueError::OutOfRange {
                    value: count,
                    min: 0,
                    max: u64::from(u32::MAX),
                })
            }
            other => Err(wrong_kind(driver, "a whole number", other)),
        }
    }
}

impl FromDriver for u64 {
    fn from_driver(driver: NormDriver, value: DriverValue) -> Result<Self, DriverValueError> {
        match value {
            DriverValue::Count(count) => Ok(count),
            other => Err(wrong_kind(driver, "a whole number", other)),
        }
    }
}

/// Classes are 1, 2 or 3.
impl FromDriver for u8 {
    fn from_driver(driver: NormDriver, value: DriverValue) -> Result<Self, DriverValueError> {
        match value {
            DriverValue::Count(class @ 1..=3) => Ok(u8::try_from(class).unwrap_or(1)),
            DriverValue::Count(other) => Err(DriverValueError::OutOfRange {
                value: other,
                min: 1,
                max: 3,
            }),
            other => Err(wrong_kind(driver, "a class 1, 2 or 3", other)),
        }
    }
}

impl FromDriver for f64 {
    fn from_driver(driver: NormDriver, value: DriverValue) -> Result<Self, DriverValueError> {
        match value {
            DriverValue::Amount(amount) => Ok(amount),
            // A whole number is an amount too.
            DriverValue::Count(count) => Ok(count as f64),
            other => Err(wrong_kind(driver, "a number", other)),
        }
    }
}

impl FromDriver for bool {
    fn from_driver(driver: NormDriver, value: DriverValue) -> Result<Self, DriverValueError> {
        match value {
            DriverValue::Flag(flag) => Ok(flag),
            other => Err(wrong_kind(driver, "yes or no", other)),
        }
    }
}

impl FromDriver for CommuneSetting {
    fn from_driver(driver: NormDriver, value: DriverValue) -> Result<Self, DriverValueError> {
        match value {
            DriverValue::Choice(keyword) => {
                CommuneSetting::from_keyword(keyword).ok_or_else(|| not_a_choice(driver, keyword))
            }
            other => Err(wrong_kind(driver, "a keyword", other)),
        }
    }
}

fn not_a_choice(driver: NormDriver, value: &'static str) -> DriverValueError {
    let accepted: Vec<&str> = driver.choices().iter().map(|c| c.keyword).collect();
    DriverValueError::NotAChoice {
        value,
        accepted: accepted.join(", "),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_field_is_listed_once_with_its_kind() {
        let mut drivers = NormDrivers::default();
        for driver in NormDriver::ALL {
            let value = match driver.kind() {
                DriverKind::Count => DriverValue::Count(7),
                DriverKind::Class => DriverValue::Count(2),
                DriverKind::Amount => DriverValue::Amount(2.5),
                DriverKind::Flag => DriverValue::Flag(true),
                DriverKind::Choice(choices) => DriverValue::Choice(choices[1].keyword),
            };
            assert_eq!(driver.get(&drivers), None, "{driver:?} set by another");
            driver.set(&mut drivers, Some(value)).unwrap();
            assert_eq!(driver.get(&drivers), Some(value), "{driver:?}");
            assert_eq!(NormDriver::from_keyword(driver.keyword()), Some(*driver));
        }
        // Every field of NormDrivers was reached: clearing them all empties it.
        for driver in NormDriver::ALL {
            driver.set(&mut drivers, None).unwrap();
        }
        assert!(drivers.is_empty());
        assert_eq!(NormDriver::ALL.len(), 16);
    }

    #[test]
    fn values_of_the_wrong_kind_or_range_are_refused() {
        let mut drivers = NormDrivers::default();
        let class = NormDriver::CommuneClass.set(&mut drivers, Some(DriverValue::Count(4)));
        assert_eq!(
            class,
            Err(DriverValueError::OutOfRange {
                value: 4,
                min: 1,
                max: 3
            })
        );
        let flag = NormDriver::Mountainous.set(&mut drivers, Some(DriverValue::Count(1)));
        assert!(matches!(flag, Err(DriverValueError::WrongKind { .. })));
        let big = NormDriver::Pupils.set(&mut drivers, Some(DriverValue::Count(1 << 40)));
        assert!(matches!(big, Err(DriverValueError::OutOfRange { .. })));
        NormDriver::Population
            .set(&mut drivers, Some(DriverValue::Count(1 << 40)))
            .unwrap();
        NormDriver::AreaKm2
            .set(&mut drivers, Some(DriverValue::Count(65)))
            .unwrap();
        assert_eq!(drivers.area_km2, Some(65.0));
        assert!(drivers.commune_class.is_none());
        let setting =
            NormDriver::CommuneSetting.set(&mut drivers, Some(DriverValue::Choice("xa_")));
        assert_eq!(
            setting.unwrap_err().to_string(),
            "\"xa_\" is not one of: xa, xa_mien_nui, thi_tran, thi_tran_hai_dao, \
             phuong_thuoc_quan, phuong_thuoc_thanh_pho, phuong_thuoc_thi_xa, phuong_hai_dao"
        );
        let count = NormDriver::CommuneSetting.set(&mut drivers, Some(DriverValue::Count(1)));
        assert!(matches!(count, Err(DriverValueError::WrongKind { .. })));
        assert!(drivers.commune_setting.is_none());
    }

    #[test]
    fn the_commune_setting_is_a_choice_of_the_eight_settings() {
        let driver = NormDriver::CommuneSetting;
        assert_eq!(driver.keyword(), "commune_setting");
        let labels: Vec<&str> = driver.choices().iter().map(|c| c.label_vi).collect();
        assert_eq!(labels.len(), 8);
        assert_eq!(labels[..3], ["Xã", "Xã miền núi, vùng cao", "Thị trấn"]);
        assert_eq!(
            driver.choice(" Phuong_Hai_Dao ").map(|c| c.keyword),
            Some("phuong_hai_dao")
        );
        assert_eq!(driver.choice("phuong"), None);
        assert!(NormDriver::Population.choices().is_empty());
        let mut drivers = NormDrivers::default();
        driver
            .set(&mut drivers, Some(DriverValue::Choice("thi_tran")))
            .unwrap();
        assert_eq!(drivers.commune_setting, Some(CommuneSetting::Township));
        assert_eq!(driver.get(&drivers), Some(DriverValue::Choice("thi_tran")));
    }

    #[test]
    fn schools_read_classes_and_archives_shelf_metres() {
        let matters = |kind| -> Vec<&str> {
            NormDriver::ALL
                .iter()
                .filter(|d| d.matters_for(kind))
                .map(|d| d.keyword())
                .collect()
        };
        assert_eq!(
            matters(UnitType::LowerSecondarySchool),
            ["classes", "pupils"]
        );
        assert_eq!(
            matters(UnitType::PrimarySchool),
            ["classes", "pupils", "two_sessions_a_day"]
        );
        assert_eq!(
            matters(UnitType::CommuneCommittee),
            ["population", "area_km2", "commune_class", "commune_setting"]
        );
        assert!(matters(UnitType::HistoricalArchive).contains(&"shelf_metres"));
        assert!(matters(UnitType::DepartmentDivision).is_empty());
    }
}
