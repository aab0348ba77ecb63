//! A scenario's assumptions in words, in either language: what the app, the command line and
//! the dossier print beside a projection. Early retirements are counted, never named: who they
//! are is personal data.

use crate::format::number_in;
use crate::language::Language;
use crate::model::{Plan, Scenario, ScenarioChange};

/// One change in words, e.g. `Khối lượng công việc tăng 3% mỗi năm (mã tt-1, đơn vị pkt)`.
pub fn describe_change(plan: &Plan, change: &ScenarioChange, language: Language) -> String {
    let n = |value: f64| number_in(language, value, 2);
    let unit_name = |id: &str| {
        plan.unit(id)
            .map(|u| format!("{} ({id})", u.name))
            .unwrap_or_else(|| id.to_owned())
    };
    match change {
        ScenarioChange::Growth {
            percent,
            code,
            unit_id,
        } => {
            let mut scope = Vec::new();
            if let Some(code) = code {
                scope.push(format!(
                    "{} {code}",
                    language.t("mã công việc", "task code")
                ));
            }
            if let Some(id) = unit_id {
                scope.push(format!(
                    "{} {}",
                    language.t("đơn vị", "unit"),
                    unit_name(id)
                ));
            }
            let scope = if scope.is_empty() {
                language.t("mọi công việc", "all work").to_owned()
            } else {
                scope.join(", ")
            };
            match language {
                Language::Vietnamese => format!(
                    "Khối lượng công việc {} {}% mỗi năm từ năm thứ hai ({scope})",
                    if *percent < 0.0 { "giảm" } else { "tăng" },
                    n(percent.abs())
                ),
                Language::English => format!(
                    "Workload {} {}% a year from the second year ({scope})",
                    if *percent < 0.0 { "falls" } else { "grows" },
                    n(percent.abs())
                ),
            }
        }
        ScenarioChange::Volume {
            component_id,
            volume,
            from_year,
        } => {
            let component = plan
                .positions
                .iter()
                .flat_map(|p| &p.components)
                .find(|c| c.id == *component_id)
                .map(|c| format!("{} ({component_id})", c.name))
                .unwrap_or_else(|| component_id.clone());
            match language {
                Language::Vietnamese => format!(
                    "Khối lượng của {component} là {} mỗi năm từ năm {from_year}",
                    n(*volume)
                ),
                Language::English => format!(
                    "The volume of {component} is {} a year from {from_year}",
                    n(*volume)
                ),
            }
        }
        ScenarioChange::QuotaCut {
            percent,
            by_year,
            unit_id,
        } => {
            let whom = unit_id
                .as_deref()
                .map(unit_name)
                .unwrap_or_else(|| language.t("toàn đề án", "the whole plan").to_owned());
            match language {
                Language::Vietnamese => format!(
                    "Tinh giản {}% biên chế của năm đầu đến năm {by_year} ({whom})",
                    n(percent.abs())
                ),
                Language::English => format!(
                    "Cut biên chế by {}% of the first year's quota by {by_year} ({whom})",
                    n(percent.abs())
                ),
            }
        }
        ScenarioChange::EarlyRetirement { on, .. } => match language {
            Language::Vietnamese => format!("Một người nghỉ hưu trước tuổi ngày {on}"),
            Language::English => format!("One person retires early on {on}"),
        },
    }
}

/// The scenario's assumptions, one line each: its description, then its changes, early
/// retirements counted together.
pub fn assumptions(plan: &Plan, scenario: &Scenario, language: Language) -> Vec<String> {
    let mut lines = Vec::new();
    if !scenario.description.trim().is_empty() {
        lines.push(scenario.description.trim().to_owned());
    }
    let mut early = 0;
    for change in &scenario.changes {
        if matches!(change, ScenarioChange::EarlyRetirement { .. }) {
            early += 1;
        } else {
            lines.push(describe_change(plan, change, language));
        }
    }
    if early > 0 {
        lines.push(match language {
            Language::Vietnamese => format!("{early} người nghỉ hưu trước tuổi (theo danh sách)"),
            Language::English if early == 1 => "1 person retires early (as listed)".to_owned(),
            Language::English => format!("{early} people retire early (as listed)"),
        });
    }
    if lines.is_empty() {
        lines.push(
            language
                .t(
                    "Kịch bản không có thay đổi nào",
                    "The scenario changes nothing",
                )
                .to_owned(),
        );
    }
    lines
}

/// The heading of a projection's scenario: `Kịch bản: tên` or the plan as it is.
pub fn scenario_heading(name: Option<&str>, language: Language) -> String {
    match name {
        Some(name) => format!("{}: {name}", language.t("Kịch bản", "Scenario")),
        None => language
            .t(
                "Không áp dụng kịch bản (đề án như hiện tại)",
                "No scenario (the plan as it is)",
            )
            .to_owned(),
    }
}
