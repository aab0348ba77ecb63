//! Reading a unit's norm drivers: each read is recorded as an input shown with the figure, and
//! each absent driver as missing, so a figure is never computed from a guessed zero.

use crate::format::number_in;
use crate::language::Text;
use crate::model::{CommuneSetting, Unit};
use crate::rules::Input;

use super::assessment::Driver;

/// Reads drivers of one unit for one figure.
pub(super) struct DriverReader<'a> {
    unit: &'a Unit,
    pub(super) inputs: Vec<Input>,
    pub(super) missing: Vec<Driver>,
}

impl<'a> DriverReader<'a> {
    pub(super) fn new(unit: &'a Unit) -> Self {
        DriverReader {
            unit,
            inputs: Vec::new(),
            missing: Vec::new(),
        }
    }

    /// A quantity (classes, pupils, population, shelf-metres...).
    pub(super) fn number(&mut self, driver: Driver) -> Option<f64> {
        let d = &self.unit.drivers;
        let value = match driver {
            Driver::SchoolZone => self.unit.school_zone.map(f64::from),
            Driver::Classes => d.classes.map(f64::from),
            Driver::NurseryGroups => d.nursery_groups.map(f64::from),
            Driver::Pupils => d.pupils.map(f64::from),
            Driver::Population => d.population.map(|p| p as f64),
            Driver::BorderGates => d.border_gates.map(f64::from),
            Driver::ShelfMetres => d.shelf_metres,
            Driver::ElectronicMb => d.electronic_mb,
            Driver::AudioVisualHours => d.audio_visual_hours,
            Driver::CommuneClass => d.commune_class.map(f64::from),
            _ => None,
        };
        self.record(driver, value, |v| Text::from_fn(|l| number_in(l, v, 4)))
    }

    /// A yes/no fact (two sessions a day, mountainous, industrial zones...).
    pub(super) fn flag(&mut self, driver: Driver) -> Option<bool> {
        let d = &self.unit.drivers;
        let value = match driver {
            Driver::TwoSessionsADay => d.two_sessions_a_day,
            Driver::InternationalQuarantine => d.international_quarantine,
            Driver::IndustrialZones => d.industrial_zones,
            Driver::Mountainous => d.mountainous,
            Driver::CentrallyRunCity => d.centrally_run_city,
            _ => None,
        };
        self.record(driver, value, |v| {
            if v {
                Text::new("có", "yes")
            } else {
                Text::new("không", "no")
            }
        })
    }

    pub(super) fn commune_setting(&mut self) -> Option<CommuneSetting> {
        let value = self.unit.drivers.commune_setting;
        self.record(Driver::CommuneSetting, value, |s| {
            Text::new(s.label_vi(), s.label_en())
        })
    }

    /// Records a parameter of the rule beside the drivers, its value as each language writes it.
    pub(super) fn parameter(&mut self, label: Text, value: Text) {
        self.inputs.push(Input::words(label, value));
    }

    fn record<T: Copy>(
        &mut self,
        driver: Driver,
        value: Option<T>,
        show: impl Fn(T) -> Text,
    ) -> Option<T> {
        match value {
            Some(v) => self.inputs.push(Input::words(
                Text::new(driver.label_vi(), driver.label_en()),
                show(v),
            )),
            None => {
                if !self.missing.contains(&driver) {
                    self.missing.push(driver);
                }
            }
        }
        value
    }
}
