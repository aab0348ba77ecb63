//! The staff roster: the people the agency has today.

use std::collections::BTreeMap;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use super::{BirthDate, CivilDate, Sex};

/// One person on the roster (or one post held, for part-time staff).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StaffMember {
    pub id: String,
    pub unit_id: String,
    /// The position the person holds; `None` for someone not yet assigned to a position.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub position_id: Option<String>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub rank_code: String,
    /// Full-time equivalent this person contributes (1 for a full-time post).
    #[serde(default = "one", skip_serializing_if = "is_one")]
    pub fte: f64,
    /// The birth date, or the year alone; with `sex` it sets the retirement date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub birth_date: Option<BirthDate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sex: Option<Sex>,
    /// A retirement date decided for this person (early retirement, an extension): it wins
    /// over the date the law gives.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub retires_on: Option<CivilDate>,
    /// Personal fields (name, qualification...), kept as the user entered them.
    #[serde(default, skip_serializing_if = "PersonalFields::is_empty")]
    pub personal: PersonalFields,
}

impl StaffMember {
    /// A full-time person of `unit_id` with no other data.
    pub fn new(id: impl Into<String>, unit_id: impl Into<String>) -> Self {
        StaffMember {
            id: id.into(),
            unit_id: unit_id.into(),
            position_id: None,
            rank_code: String::new(),
            fte: 1.0,
            birth_date: None,
            sex: None,
            retires_on: None,
            personal: PersonalFields::new(),
        }
    }
}

fn one() -> f64 {
    1.0
}

fn is_one(value: &f64) -> bool {
    *value == 1.0
}

/// Personal fields of one person, sorted by name.
///
/// A sorted vector rather than a tree map: a roster holds millions of people with a handful of
/// fields each, and a tree node per person would cost several times the data it holds.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct PersonalFields(Vec<(String, String)>);

impl PersonalFields {
    pub fn new() -> Self {
        Self::default()
    }

    /// Sets a field, replacing any earlier value of the same name.
    pub fn insert(&mut self, key: String, value: String) {
        match self.0.binary_search_by(|(k, _)| k.as_str().cmp(&key)) {
            Ok(at) => {
                if let Some(slot) = self.0.get_mut(at) {
                    slot.1 = value;
                }
            }
            Err(at) => self.0.insert(at, (key, value)),
        }
    }

    pub fn get(&self, key: &str) -> Option<&String> {
        self.0
            .binary_search_by(|(k, _)| k.as_str().cmp(key))
            .ok()
            .and_then(|at| self.0.get(at))
            .map(|(_, v)| v)
    }

    pub fn remove(&mut self, key: &str) -> Option<String> {
        let at = self.0.binary_search_by(|(k, _)| k.as_str().cmp(key)).ok()?;
        Some(self.0.remove(at).1)
    }

    pub fn keys(&self) -> impl Iterator<Item = &String> {
        self.0.iter().map(|(k, _)| k)
    }

    pub fn iter(&self) -> impl Iterator<Item = (&String, &String)> {
        self.0.iter().map(|(k, v)| (k, v))
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl FromIterator<(String, String)> for PersonalFields {
    fn from_iter<I: IntoIterator<Item = (String, String)>>(iter: I) -> Self {
        let mut fields = PersonalFields::new();
        for (key, value) in iter {
            fields.insert(key, value);
        }
        fields
    }
}

impl Serialize for PersonalFields {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_map(self.iter())
    }
}

impl<'de> Deserialize<'de> for PersonalFields {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let map = BTreeMap::<String, String>::deserialize(deserializer)?;
        Ok(PersonalFields(map.into_iter().collect()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn personal_fields_stay_sorted_and_unique() {
        let mut fields: PersonalFields = [("b", "2"), ("a", "1")]
            .into_iter()
            .map(|(k, v)| (k.to_owned(), v.to_owned()))
            .collect();
        fields.insert("a".into(), "3".into());
        assert_eq!(fields.keys().collect::<Vec<_>>(), ["a", "b"]);
        assert_eq!(fields.get("a").map(String::as_str), Some("3"));
        assert_eq!(fields.remove("b").as_deref(), Some("2"));
        assert_eq!(fields.len(), 1);
    }
}
