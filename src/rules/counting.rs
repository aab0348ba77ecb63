//! Who an instrument counts: biên chế (civil servants and public employees) or every post, labour
//! contracts included.
//!
//! Deputy caps, division minimums, quotas, rank shares and the commune norm count biên chế; a
//! sector norm whose instrument includes contracts says so in its pack. The basis is a parameter
//! of each rule ([`CountBasis`], `counts:` in the packs), and every figure counted that way
//! explains itself ([`Counted::text`]: `9 biên chế; 3 hợp đồng lao động không tính`).

use serde::{Deserialize, Serialize};

use crate::format::{en_number, vi_number};
use crate::language::Text;
use crate::model::{ByEmployment, Employment};

/// The posts a rule counts, as its instrument words it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CountBasis {
    /// Biên chế: công chức and viên chức ("biên chế công chức", "số lượng người làm việc",
    /// "cán bộ, công chức"); posts on labour contracts are left out.
    #[default]
    Establishment,
    /// Every post, labour contracts included (an instrument that says it counts them).
    AllPosts,
}

impl CountBasis {
    /// Whether posts of this employment basis are counted.
    pub fn includes(self, employment: Employment) -> bool {
        match self {
            CountBasis::Establishment => employment.in_establishment(),
            CountBasis::AllPosts => true,
        }
    }

    /// What is counted, for the parameters of a rule.
    pub fn describe_vi(self) -> &'static str {
        match self {
            CountBasis::Establishment => {
                "biên chế (công chức, viên chức); không tính hợp đồng lao động"
            }
            CountBasis::AllPosts => "mọi vị trí, gồm cả hợp đồng lao động",
        }
    }

    /// What the rule counts, in both languages.
    pub fn describe(self) -> Text {
        Text::new(
            self.describe_vi(),
            match self {
                CountBasis::Establishment => {
                    "establishment posts (civil servants, public employees); labour contracts \
                     not counted"
                }
                CountBasis::AllPosts => "every post, labour contracts included",
            },
        )
    }
}

/// People by employment basis, as a rule with a [`CountBasis`] counts them.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Counted {
    pub basis: CountBasis,
    pub people: ByEmployment<i64>,
}

impl Counted {
    pub fn new(basis: CountBasis, people: ByEmployment<i64>) -> Self {
        Counted { basis, people }
    }

    /// People of some posts, each given with its employment basis, tallied by basis.
    pub fn tally(basis: CountBasis, posts: impl IntoIterator<Item = (Employment, i64)>) -> Self {
        let mut people = ByEmployment::default();
        for (employment, count) in posts {
            *people.get_mut(employment) += count;
        }
        Counted::new(basis, people)
    }

    /// People of posts the rule counts.
    pub fn value(&self) -> i64 {
        Employment::ALL
            .into_iter()
            .filter(|&e| self.basis.includes(e))
            .map(|e| self.people.get(e))
            .sum()
    }

    /// People of posts the rule leaves out (labour contracts under biên chế).
    pub fn left_out(&self) -> i64 {
        Employment::ALL
            .into_iter()
            .filter(|&e| !self.basis.includes(e))
            .map(|e| self.people.get(e))
            .sum()
    }

    /// The counted figure with its noun: `9 biên chế`, `18 viên chức`, `12 người`.
    pub fn figure(&self) -> Text {
        let value = self.value();
        match self.basis {
            CountBasis::AllPosts => Text::new(
                format!("{} người", vi(value)),
                en(value, "person", "people"),
            ),
            CountBasis::Establishment => {
                let civil = self.people.civil_servant;
                let public = self.people.public_employee;
                if civil > 0 && public > 0 {
                    Text::new(
                        format!(
                            "{} biên chế ({} công chức, {} viên chức)",
                            vi(value),
                            vi(civil),
                            vi(public)
                        ),
                        format!(
                            "{} ({}, {})",
                            en(value, "establishment post", "establishment posts"),
                            en(civil, "civil servant", "civil servants"),
                            en(public, "public employee", "public employees")
                        ),
                    )
                } else if public > 0 {
                    Text::new(
                        format!("{} viên chức", vi(value)),
                        en(value, "public employee", "public employees"),
                    )
                } else {
                    Text::new(
                        format!("{} biên chế", vi(value)),
                        en(value, "establishment post", "establishment posts"),
                    )
                }
            }
        }
    }

    /// What was counted and what was not: `9 biên chế; 3 hợp đồng lao động không tính`, or
    /// `12 người (gồm 3 hợp đồng lao động)` for a rule that counts every post.
    pub fn text(&self) -> Text {
        let figure = self.figure();
        match self.aside() {
            Some(aside) if self.basis == CountBasis::AllPosts => {
                Text::from_fn(|l| format!("{} ({})", figure.get(l), aside.get(l)))
            }
            Some(aside) => Text::from_fn(|l| format!("{}; {}", figure.get(l), aside.get(l))),
            None => figure,
        }
    }

    /// The same inside a sentence: `9 biên chế (3 hợp đồng lao động không tính)`.
    pub fn in_sentence(&self) -> Text {
        let figure = self.figure();
        match self.aside() {
            Some(aside) => Text::from_fn(|l| format!("{} ({})", figure.get(l), aside.get(l))),
            None => figure,
        }
    }

    /// The counted figure in people, with the contract posts aside when there are any:
    /// `22 người (2 hợp đồng lao động không tính)`.
    pub fn people_text(&self) -> Text {
        let value = self.value();
        let people = Text::new(
            format!("{} người", vi(value)),
            en(value, "person", "people"),
        );
        match self.aside() {
            Some(aside) => Text::from_fn(|l| format!("{} ({})", people.get(l), aside.get(l))),
            None => people,
        }
    }

    /// The contract posts left out or included, when there are any.
    fn aside(&self) -> Option<Text> {
        let contracts = self.people.contract;
        if contracts <= 0 {
            return None;
        }
        let (n, contracts) = (
            vi(contracts),
            en(contracts, "labour contract", "labour contracts"),
        );
        Some(match self.basis {
            CountBasis::Establishment => Text::new(
                format!("{n} hợp đồng lao động không tính"),
                format!("{contracts} not counted"),
            ),
            CountBasis::AllPosts => Text::new(
                format!("gồm {n} hợp đồng lao động"),
                format!("with {contracts}"),
            ),
        })
    }
}

/// A count as Vietnamese writes it: `1.220`.
fn vi(value: i64) -> String {
    vi_number(value as f64, 0)
}

/// A count with its English noun: `1 person`, `1,220 people`.
fn en(value: i64, one: &str, many: &str) -> String {
    let noun = if value == 1 { one } else { many };
    format!("{} {noun}", en_number(value as f64, 0))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn people(civil_servant: i64, public_employee: i64, contract: i64) -> ByEmployment<i64> {
        ByEmployment {
            civil_servant,
            public_employee,
            contract,
        }
    }

    #[test]
    fn establishment_leaves_contracts_out_and_says_so() {
        let counted = Counted::new(CountBasis::Establishment, people(9, 0, 3));
        assert_eq!((counted.value(), counted.left_out()), (9, 3));
        assert_eq!(
            counted.text().vi,
            "9 biên chế; 3 hợp đồng lao động không tính"
        );
        assert_eq!(
            counted.in_sentence().vi,
            "9 biên chế (3 hợp đồng lao động không tính)"
        );
        let counted = Counted::new(CountBasis::Establishment, people(0, 18, 3));
        assert_eq!(
            counted.text().vi,
            "18 viên chức; 3 hợp đồng lao động không tính"
        );
        let counted = Counted::new(CountBasis::Establishment, people(2, 5, 0));
        assert_eq!(counted.text().vi, "7 biên chế (2 công chức, 5 viên chức)");
        let counted = Counted::new(CountBasis::Establishment, people(22, 0, 2));
        assert_eq!(
            counted.people_text().vi,
            "22 người (2 hợp đồng lao động không tính)"
        );
    }

    #[test]
    fn all_posts_count_contracts_and_name_them() {
        let counted = Counted::new(CountBasis::AllPosts, people(0, 18, 3));
        assert_eq!((counted.value(), counted.left_out()), (21, 0));
        assert_eq!(counted.text().vi, "21 người (gồm 3 hợp đồng lao động)");
        let counted = Counted::new(CountBasis::AllPosts, people(0, 18, 0));
        assert_eq!(counted.text().vi, "18 người");
    }

    #[test]
    fn english_counts_write_english_numbers_and_nouns() {
        let counted = Counted::new(CountBasis::AllPosts, people(0, 1219, 1));
        assert_eq!(counted.text().vi, "1.220 người (gồm 1 hợp đồng lao động)");
        assert_eq!(counted.text().en, "1,220 people (with 1 labour contract)");
        let counted = Counted::new(CountBasis::Establishment, people(1, 0, 0));
        assert_eq!(counted.people_text().en, "1 person");
        assert_eq!(counted.text().en, "1 establishment post");
    }
}
