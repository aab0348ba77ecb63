//! Which positions a norm figure is compared with.
//!
//! A norm covers the assessed unit and every unit under it (a school with its subject groups).
//! A figure counts either the whole subtree (its rolled-up figures), the positions of some
//! categories, optionally narrowed by name (teachers: the specialised positions named "giáo
//! viên", less those another figure of the rule counts, such as the Tổng phụ trách Đội; the
//! library and equipment staff, also specialised, are not teachers), or the positions named like
//! a post (văn thư, thủ quỹ, kế toán) or holding one of its rank codes.

use std::collections::HashSet;

use unicode_normalization::UnicodeNormalization;

use crate::engine::{UnitTree, unit_index};
use crate::language::{Language, Text};
use crate::model::{Plan, Position};

use super::assessment::ComparedWith;
use super::params::PositionScope;

/// The ids of a unit and of all units under it.
#[derive(Debug, Clone)]
pub(super) struct Subtree<'a> {
    plan: &'a Plan,
    units: HashSet<&'a str>,
}

impl<'a> Subtree<'a> {
    /// The subtree rooted at `root`; a cycle in the tree ends the walk instead of looping.
    pub(super) fn new(plan: &'a Plan, root: &'a str) -> Self {
        let tree = UnitTree::lenient(&plan.units);
        let units = unit_index(&plan.units)
            .get(root)
            .map(|&r| tree.subtree(r))
            .unwrap_or_default()
            .into_iter()
            .filter_map(|u| plan.units.get(u).map(|unit| unit.id.as_str()))
            .collect();
        Subtree { plan, units }
    }

    /// Positions of the subtree, in plan order.
    pub(super) fn positions(&self) -> impl Iterator<Item = &'a Position> + '_ {
        self.plan
            .positions
            .iter()
            .filter(|p| self.units.contains(p.unit_id.as_str()))
    }

    /// The positions `scope` counts; `claimed` are positions other figures of the rule count.
    pub(super) fn compare(&self, scope: &PositionScope, claimed: &[String]) -> ComparedWith {
        match scope {
            PositionScope::WholeUnit => ComparedWith {
                description: Text::new(
                    "toàn bộ vị trí việc làm của đơn vị và các đơn vị trực thuộc",
                    "every job position of the unit and of the units under it",
                ),
                whole_unit: true,
                position_ids: self.positions().map(|p| p.id.clone()).collect(),
            },
            PositionScope::Categories { categories, names } => {
                let description = Text::from_fn(|l| {
                    let labels: Vec<&str> = categories.iter().map(|c| c.label(l)).collect();
                    let labels = labels.join(l.t(", ", " or ")).to_lowercase();
                    let names = names.join("\", \"");
                    let mut text = match l {
                        Language::Vietnamese => format!(
                            "vị trí việc làm nhóm {labels} của đơn vị và các đơn vị trực thuộc"
                        ),
                        Language::English => {
                            format!("{labels} job positions of the unit and of the units under it")
                        }
                    };
                    if !names.is_empty() {
                        text.push_str(&match l {
                            Language::Vietnamese => format!(" có tên có \"{names}\""),
                            Language::English => format!(" whose name has \"{names}\""),
                        });
                    }
                    if !claimed.is_empty() {
                        text.push_str(l.t(
                            ", trừ các vị trí đã so với định mức riêng",
                            ", except positions compared with a norm of their own",
                        ));
                    }
                    text
                });
                ComparedWith {
                    description,
                    whole_unit: false,
                    position_ids: self
                        .positions()
                        .filter(|p| categories.contains(&p.category))
                        .filter(|p| names.is_empty() || matches(p, names, &[]))
                        .filter(|p| !claimed.contains(&p.id))
                        .map(|p| p.id.clone())
                        .collect(),
                }
            }
            PositionScope::Matching { names, rank_codes } => {
                let description = Text::from_fn(|l| {
                    let mut parts = Vec::new();
                    if !names.is_empty() {
                        let names = names.join("\", \"");
                        parts.push(match l {
                            Language::Vietnamese => format!("tên có \"{names}\""),
                            Language::English => format!("a name that has \"{names}\""),
                        });
                    }
                    if !rank_codes.is_empty() {
                        let codes = rank_codes.join(", ");
                        parts.push(match l {
                            Language::Vietnamese => format!("mã ngạch/chức danh {codes}"),
                            Language::English => format!("rank or title code {codes}"),
                        });
                    }
                    match l {
                        Language::Vietnamese => format!(
                            "vị trí việc làm của đơn vị và các đơn vị trực thuộc có {}",
                            parts.join(" hoặc ")
                        ),
                        Language::English => format!(
                            "job positions of the unit and of the units under it with {}",
                            parts.join(" or ")
                        ),
                    }
                });
                ComparedWith {
                    description,
                    whole_unit: false,
                    position_ids: self
                        .positions()
                        .filter(|p| matches(p, names, rank_codes))
                        .map(|p| p.id.clone())
                        .collect(),
                }
            }
        }
    }
}

fn matches(position: &Position, names: &[String], rank_codes: &[String]) -> bool {
    let name = folded(&position.name);
    let code = position.rank_code.trim();
    names.iter().any(|n| name.contains(&folded(n)))
        || (!code.is_empty() && rank_codes.iter().any(|c| c.trim() == code))
}

/// NFC, lower case, single spaces: `Kế  toán` and `kế toán` match.
fn folded(text: &str) -> String {
    let text: String = text.nfc().collect::<String>().to_lowercase();
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}
