//! `settings.csv`: the plan's name, agency, year and rounding policy, the province class and
//! the date the plan is judged at, and the rules it makes blocking, as `key,value` rows.

use crate::language::{Localized, Text};
use std::collections::HashMap;

use super::cells::Cells;
use super::columns::{SETTINGS, settings_keys as keys};
use super::error::Problem;
use super::table::{Bound, OutTable};
use crate::model::{CivilDate, PlanMeta, ProvinceClass, Rounding};

/// What `settings.csv` holds.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Settings {
    pub meta: PlanMeta,
    pub rounding: Rounding,
    pub blocking_rules: Vec<String>,
    /// The line of each key read (lower case), to point at it.
    pub lines: HashMap<String, u64>,
}

/// The settings read from the table. Unknown keys are ignored; a key given twice is an error.
pub fn read(bound: &Bound, problems: &mut Vec<Problem>) -> Settings {
    let mut meta = PlanMeta::default();
    let mut rounding = Rounding::default();
    let mut blocking_rules = Vec::new();
    let mut seen: Vec<(String, u64)> = Vec::new();
    let mut lines = HashMap::new();
    for row in &bound.table.rows {
        let mut cells = Cells::new(bound, row, problems);
        let key = cells.raw("key").to_lowercase();
        if key.is_empty() {
            continue;
        }
        if let Some((_, first)) = seen.iter().find(|(k, _)| *k == key) {
            let message = Text::new(
                format!("khóa {key:?} được ghi hai lần (lần đầu ở dòng {first})"),
                format!("the key {key:?} is given twice (first on line {first})"),
            );
            cells.error("key", message);
            continue;
        }
        seen.push((key.clone(), cells.line()));
        lines.insert(key.clone(), cells.line());
        match key.as_str() {
            keys::NAME => meta.name = cells.text("value"),
            keys::AGENCY => meta.agency = cells.text("value"),
            keys::YEAR => meta.year = cells.integer("value"),
            keys::ROUNDING => {
                if let Some(value) = cells.choice::<Rounding>("value") {
                    rounding = value;
                }
            }
            keys::PROVINCE_CLASS => meta.province_class = cells.choice::<ProvinceClass>("value"),
            keys::JUDGED_AT => {
                meta.judged_at = cells.with("value", |text| {
                    text.parse::<CivilDate>()
                        .map_err(|error| Text::from_fn(|language| error.message(language)))
                });
            }
            keys::BLOCKING_RULES => {
                blocking_rules = cells.with("value", parse_rule_ids).unwrap_or_default();
            }
            _ => {}
        }
    }
    Settings {
        meta,
        rounding,
        blocking_rules,
        lines,
    }
}

/// Rule ids separated by `;`, e.g. `nd45-2025.deputies.division; nd232-2026.steps`.
fn parse_rule_ids(text: &str) -> Result<Vec<String>, Text> {
    let mut ids: Vec<String> = Vec::new();
    for id in text.split(';').map(str::trim).filter(|id| !id.is_empty()) {
        if id.contains(char::is_whitespace) || id.contains(',') {
            return Err(Text::new(
                format!(
                    "{id:?} không phải mã quy tắc (mã không có dấu cách hay dấu phẩy; ngăn các \
                     mã bằng \";\")"
                ),
                format!(
                    "{id:?} is not a rule id (ids have no spaces or commas; separate them with \
                     \";\")"
                ),
            ));
        }
        if ids.iter().any(|known| known == id) {
            return Err(Text::new(
                format!("quy tắc {id:?} được ghi hai lần"),
                format!("the rule {id:?} is given twice"),
            ));
        }
        ids.push(id.to_owned());
    }
    Ok(ids)
}

/// The settings of a plan as a table: name, agency, year and rounding always; the province
/// class, judgement date and blocking rules only when the plan has them.
pub fn write(meta: &PlanMeta, rounding: Rounding, blocking_rules: &[String]) -> OutTable {
    let mut table = OutTable::new(&SETTINGS);
    let mut rows = vec![
        (keys::NAME, meta.name.clone()),
        (keys::AGENCY, meta.agency.clone()),
        (
            keys::YEAR,
            meta.year.map(|y| y.to_string()).unwrap_or_default(),
        ),
        (keys::ROUNDING, rounding.keyword().to_owned()),
    ];
    if let Some(class) = meta.province_class {
        rows.push((keys::PROVINCE_CLASS, class.keyword().to_owned()));
    }
    if let Some(date) = meta.judged_at {
        rows.push((keys::JUDGED_AT, date.iso()));
    }
    if !blocking_rules.is_empty() {
        rows.push((keys::BLOCKING_RULES, blocking_rules.join(";")));
    }
    table.rows = rows
        .into_iter()
        .map(|(key, value)| vec![key.to_owned(), value])
        .collect();
    table
}
