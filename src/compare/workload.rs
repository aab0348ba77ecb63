//! The workload changes that explain a position's difference: components added, removed or
//! changed, each with its inputs and the full-time equivalents it adds in the old and the new
//! plan (the engine's figures, [`ComponentContribution`]), and a change of calendar or
//! available hours.

use serde::Serialize;

use super::matching::pair_components;
use super::{MatchedBy, Status};
use crate::engine::{ComponentContribution, PositionResult};
use crate::model::{ComponentKind, Period, SupportAmount};

/// One side of a component: its inputs, and what it adds by the engine.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ComponentSide {
    pub id: String,
    pub name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    /// service, support, additional or norm.
    pub kind: &'static str,
    /// Items a year (service) or the driver quantity (norm).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub volume: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub minutes_per_item: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub coefficient: Option<f64>,
    /// Support given as a percentage of working time.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub percent: Option<f64>,
    /// Support or additional work given as minutes per period.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub minutes: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub per: Option<Period>,
    /// People doing additional work.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub staff: Option<f64>,
    /// Staff per driver unit (norm).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub ratio: Option<f64>,
    /// Hours a year (service and additional work).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hours: Option<f64>,
    /// Share of working time (support work; 0.1 = 10 %).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub support_share: Option<f64>,
    /// Full-time equivalents the component adds by itself ([`ComponentContribution::fte`]):
    /// none for support work, which acts through the support factor.
    pub fte: Option<f64>,
}

impl ComponentSide {
    fn of(contribution: &ComponentContribution, available_hours: f64) -> Self {
        let c = &contribution.component;
        let mut side = ComponentSide {
            id: c.id.clone(),
            name: c.name.clone(),
            code: c.code.clone(),
            kind: c.kind.keyword(),
            volume: None,
            minutes_per_item: None,
            coefficient: None,
            percent: None,
            minutes: None,
            per: None,
            staff: None,
            ratio: None,
            hours: None,
            support_share: None,
            fte: contribution.fte(available_hours),
        };
        match c.kind {
            ComponentKind::Service {
                volume,
                minutes_per_item,
                coefficient,
            } => {
                side.volume = Some(volume);
                side.minutes_per_item = Some(minutes_per_item);
                side.coefficient = Some(coefficient);
                side.hours = Some(contribution.service_hours);
            }
            ComponentKind::Support(amount) => {
                match amount {
                    SupportAmount::Percent(percent) => side.percent = Some(percent),
                    SupportAmount::Time { minutes, per } => {
                        side.minutes = Some(minutes);
                        side.per = Some(per);
                    }
                }
                side.support_share = Some(contribution.support_share);
            }
            ComponentKind::Additional {
                minutes,
                per,
                staff,
            } => {
                side.minutes = Some(minutes);
                side.per = Some(per);
                side.staff = Some(staff);
                side.hours = Some(contribution.additional_hours);
            }
            ComponentKind::Norm { volume, ratio } => {
                side.volume = Some(volume);
                side.ratio = Some(ratio);
            }
        }
        side
    }
}

/// A component added, removed or changed between the two versions of a position.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ComponentChange {
    pub status: Status,
    /// How the old and new components were paired; `None` when one side is missing.
    pub matched_by: Option<MatchedBy>,
    pub old: Option<ComponentSide>,
    pub new: Option<ComponentSide>,
    /// New FTE less old FTE (a missing side counts as none); `None` for support work.
    pub fte_change: Option<f64>,
}

impl ComponentChange {
    /// The component's name in the newer plan, else in the older.
    pub fn name(&self) -> &str {
        self.new
            .as_ref()
            .or(self.old.as_ref())
            .map_or("", |c| c.name.as_str())
    }
}

/// A change of the working time the position's components are divided by.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct HoursChange {
    pub old_calendar: String,
    pub new_calendar: String,
    pub old_available_days: f64,
    pub new_available_days: f64,
    pub old_available_hours: f64,
    pub new_available_hours: f64,
}

/// The components of two versions of a position (either may be missing) that were added,
/// removed or changed, in the newer plan's order, removed ones last.
pub fn component_changes(
    old: Option<(&[ComponentContribution], &PositionResult)>,
    new: Option<(&[ComponentContribution], &PositionResult)>,
) -> Vec<ComponentChange> {
    let (old_list, old_hours) = old.map_or((&[][..], 0.0), |(c, r)| (c, r.available_hours));
    let (new_list, new_hours) = new.map_or((&[][..], 0.0), |(c, r)| (c, r.available_hours));
    let old_components: Vec<_> = old_list.iter().map(|c| c.component.clone()).collect();
    let new_components: Vec<_> = new_list.iter().map(|c| c.component.clone()).collect();
    pair_components(&old_components, &new_components)
        .into_iter()
        .filter_map(|pair| {
            let old = pair.old.and_then(|i| old_list.get(i));
            let new = pair.new.and_then(|i| new_list.get(i));
            let status = match (old, new) {
                (None, Some(_)) => Status::Added,
                (Some(_), None) => Status::Removed,
                (Some(o), Some(n)) if o.component != n.component => Status::Changed,
                _ => return None,
            };
            let old = old.map(|c| ComponentSide::of(c, old_hours));
            let new = new.map(|c| ComponentSide::of(c, new_hours));
            let old_fte = old.as_ref().and_then(|c| c.fte);
            let new_fte = new.as_ref().and_then(|c| c.fte);
            let fte_change = (old_fte.is_some() || new_fte.is_some())
                .then(|| new_fte.unwrap_or(0.0) - old_fte.unwrap_or(0.0));
            Some(ComponentChange {
                status,
                matched_by: pair.by,
                old,
                new,
                fte_change,
            })
        })
        .collect()
}

/// The change of calendar or available working time of a paired position, if any.
pub fn hours_change(
    old_calendar: String,
    old: &PositionResult,
    new_calendar: String,
    new: &PositionResult,
) -> Option<HoursChange> {
    let same = old_calendar == new_calendar
        && (old.available_days - new.available_days).abs() < 1e-9
        && (old.available_hours - new.available_hours).abs() < 1e-9;
    (!same).then_some(HoursChange {
        old_calendar,
        new_calendar,
        old_available_days: old.available_days,
        new_available_days: new.available_days,
        old_available_hours: old.available_hours,
        new_available_hours: new.available_hours,
    })
}

/// An input of a workload component, as the comparison names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Input {
    Volume,
    MinutesPerItem,
    Coefficient,
    Percent,
    Minutes,
    Per,
    Staff,
    Ratio,
}

impl Input {
    pub fn label_vi(self) -> &'static str {
        match self {
            Input::Volume => "khối lượng",
            Input::MinutesPerItem => "phút/lượt",
            Input::Coefficient => "hệ số",
            Input::Percent => "tỷ lệ thời gian (%)",
            Input::Minutes => "số phút",
            Input::Per => "mỗi",
            Input::Staff => "số người",
            Input::Ratio => "định mức",
        }
    }

    pub fn label_en(self) -> &'static str {
        match self {
            Input::Volume => "volume",
            Input::MinutesPerItem => "minutes per item",
            Input::Coefficient => "coefficient",
            Input::Percent => "share of time (%)",
            Input::Minutes => "minutes",
            Input::Per => "per",
            Input::Staff => "staff",
            Input::Ratio => "ratio",
        }
    }

    /// The label in `language`.
    pub fn label(self, language: crate::language::Language) -> &'static str {
        language.t(self.label_vi(), self.label_en())
    }
}

/// The value of an input: a number or a period.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum InputValue {
    Number(f64),
    Period(Period),
}

impl InputValue {
    /// The value in Vietnamese, numbers formatted by `number`.
    pub fn text_vi(self, number: impl Fn(f64) -> String) -> String {
        match self {
            InputValue::Number(value) => number(value),
            InputValue::Period(period) => period.label_vi().to_owned(),
        }
    }

    /// The value in English, numbers formatted by `number`.
    pub fn text_en(self, number: impl Fn(f64) -> String) -> String {
        match self {
            InputValue::Number(value) => number(value),
            InputValue::Period(period) => period.keyword().to_owned(),
        }
    }

    /// The value in `language`, numbers formatted by `number`.
    pub fn text(
        self,
        language: crate::language::Language,
        number: impl Fn(f64) -> String,
    ) -> String {
        match language {
            crate::language::Language::Vietnamese => self.text_vi(number),
            crate::language::Language::English => self.text_en(number),
        }
    }
}

impl ComponentSide {
    /// The inputs the component has, in a fixed order.
    pub fn inputs(&self) -> Vec<(Input, InputValue)> {
        let number = |input, value: Option<f64>| value.map(|v| (input, InputValue::Number(v)));
        [
            number(Input::Volume, self.volume),
            number(Input::MinutesPerItem, self.minutes_per_item),
            number(Input::Coefficient, self.coefficient),
            number(Input::Percent, self.percent),
            number(Input::Minutes, self.minutes),
            self.per.map(|p| (Input::Per, InputValue::Period(p))),
            number(Input::Staff, self.staff),
            number(Input::Ratio, self.ratio),
        ]
        .into_iter()
        .flatten()
        .collect()
    }
}

impl ComponentChange {
    /// The inputs whose value differs (all of them for an added or removed component), with
    /// the old and new value.
    pub fn changed_inputs(&self) -> Vec<(Input, Option<InputValue>, Option<InputValue>)> {
        let old = self
            .old
            .as_ref()
            .map(ComponentSide::inputs)
            .unwrap_or_default();
        let new = self
            .new
            .as_ref()
            .map(ComponentSide::inputs)
            .unwrap_or_default();
        let find = |list: &[(Input, InputValue)], input| {
            list.iter().find(|(i, _)| *i == input).map(|(_, v)| *v)
        };
        let mut inputs: Vec<Input> = new.iter().map(|(i, _)| *i).collect();
        inputs.extend(
            old.iter()
                .map(|(i, _)| *i)
                .filter(|i| !new.iter().any(|(n, _)| n == i)),
        );
        inputs
            .into_iter()
            .filter_map(|input| {
                let (o, n) = (find(&old, input), find(&new, input));
                (o != n).then_some((input, o, n))
            })
            .collect()
    }
}
