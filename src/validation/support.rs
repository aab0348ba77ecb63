//! The share of working time that support work takes, computed as the engine does.

use crate::model::{Calendar, Component, ComponentKind, Period, SupportAmount};

/// Σ of a position's support components as a share of working time (1.0 = all of it).
/// Percentages count as given; time amounts are converted with `calendar`: per day
/// `/ hours_per_day`, per week `/ (hours_per_day x days_per_week)`, per month
/// `x 12 / available hours`, per year `/ available hours`.
pub fn support_share(components: &[Component], calendar: &Calendar) -> f64 {
    let available_hours = calendar.available_hours();
    components
        .iter()
        .map(|component| match component.kind {
            ComponentKind::Support(SupportAmount::Percent(percent)) => percent / 100.0,
            ComponentKind::Support(SupportAmount::Time { minutes, per }) => {
                let hours = minutes / 60.0;
                match per {
                    Period::Day => hours / calendar.hours_per_day,
                    Period::Week => hours / (calendar.hours_per_day * calendar.days_per_week),
                    Period::Month => hours * 12.0 / available_hours,
                    Period::Year => hours / available_hours,
                }
            }
            _ => 0.0,
        })
        .sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn support(amount: SupportAmount) -> Component {
        Component {
            id: "ht".into(),
            name: "Hỗ trợ".into(),
            code: None,
            kind: ComponentKind::Support(amount),
        }
    }

    #[test]
    fn every_period_converts_with_the_calendar() {
        let calendar = Calendar::vietnamese_default(); // 8 h a day, 5 days, 1,896 h a year
        let time = |minutes, per| support(SupportAmount::Time { minutes, per });
        let cases = [
            (support(SupportAmount::Percent(10.0)), 0.1),
            (time(48.0, Period::Day), 0.1),
            (time(240.0, Period::Week), 0.1),
            (time(60.0 * 15.8, Period::Month), 0.1),
            (time(60.0 * 189.6, Period::Year), 0.1),
        ];
        for (component, expected) in cases {
            let share = support_share(std::slice::from_ref(&component), &calendar);
            assert!((share - expected).abs() < 1e-12, "{component:?}: {share}");
        }
    }

    #[test]
    fn other_kinds_take_no_share() {
        let service = Component {
            id: "dv".into(),
            name: "Dịch vụ".into(),
            code: None,
            kind: ComponentKind::Service {
                volume: 100.0,
                minutes_per_item: 30.0,
                coefficient: 1.0,
            },
        };
        let components = [service, support(SupportAmount::Percent(25.0))];
        assert_eq!(
            support_share(&components, &Calendar::vietnamese_default()),
            0.25
        );
    }
}
