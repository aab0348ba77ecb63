//! `settings.csv`: the plan's name, agency, year and rounding policy, the province class and
//! the date the plan is judged at, the rules it makes blocking, and the printed dossier's
//! administrative form (parent body, document, place, signers), as `key,value` rows.

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

/// The settings read from the table. An unknown key (a misspelling would silently change the
/// plan) and a key given twice are errors.
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
            keys::PARENT_BODY => meta.document.parent_body = cells.text("value"),
            keys::DOCUMENT_KIND => meta.document.kind = cells.text("value"),
            keys::DOCUMENT_NUMBER => meta.document.number = cells.text("value"),
            keys::DOCUMENT_DATE => {
                meta.document.date = cells.with("value", |text| {
                    text.parse::<CivilDate>()
                        .map_err(|error| Text::from_fn(|language| error.message(language)))
                });
            }
            keys::PLACE => meta.document.place = cells.text("value"),
            keys::SIGNER_TITLE => meta.document.signer_title = cells.text("value"),
            keys::SIGNER_NAME => meta.document.signer_name = cells.text("value"),
            keys::PREPARER_NAME => meta.document.preparer_name = cells.text("value"),
            unknown => {
                let nearest = crate::format::nearest(unknown, keys::ALL);
                let known = keys::ALL.join(", ");
                let (vi_hint, en_hint) = nearest
                    .map(|near| {
                        (
                            format!("; có phải là \"{near}\"?"),
                            format!("; did you mean \"{near}\"?"),
                        )
                    })
                    .unwrap_or_default();
                cells.error(
                    "key",
                    Text::new(
                        format!("không có khóa \"{unknown}\"{vi_hint} (các khóa: {known})"),
                        format!("unknown key \"{unknown}\"{en_hint} (keys: {known})"),
                    ),
                );
            }
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
/// class, judgement date, blocking rules and each field of the form only when the plan has
/// them.
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
    let form = &meta.document;
    for (key, value) in [
        (keys::PARENT_BODY, form.parent_body.clone()),
        (keys::DOCUMENT_KIND, form.kind.clone()),
        (keys::DOCUMENT_NUMBER, form.number.clone()),
        (
            keys::DOCUMENT_DATE,
            form.date.map(|d| d.iso()).unwrap_or_default(),
        ),
        (keys::PLACE, form.place.clone()),
        (keys::SIGNER_TITLE, form.signer_title.clone()),
        (keys::SIGNER_NAME, form.signer_name.clone()),
        (keys::PREPARER_NAME, form.preparer_name.clone()),
    ] {
        if !value.is_empty() {
            rows.push((key, value));
        }
    }
    table.rows = rows
        .into_iter()
        .map(|(key, value)| vec![key.to_owned(), value])
        .collect();
    table
}
