//! Which positions a norm figure is compared with.
//!
//! A norm covers the assessed unit and every unit under it (a school with its subject groups).
//! A figure counts either the whole subtree (its rolled-up figures), the positions of some
//! categories, optionally narrowed by name (teachers: the specialised positions named "giáo
//! viên", less those another figure of the rule counts, such as the Tổng phụ trách Đội; the
//! library and equipment staff, also specialised, are not teachers), or the positions named like
//! a post (văn thư, thủ quỹ, kế toán) or holding one of its rank codes.

use std::collections::HashMap;
use std::rc::Rc;

use unicode_normalization::UnicodeNormalization;

use crate::engine::{UnitTree, unit_index};
use crate::language::{Language, Text};
use crate::model::{Plan, Position};

use super::assessment::ComparedWith;
use super::params::PositionScope;

/// The plan's unit tree and each unit's positions, built once to assess every unit.
#[derive(Debug, Clone)]
pub(super) struct Layout<'a> {
    plan: &'a Plan,
    tree: UnitTree,
    index: HashMap<&'a str, usize>,
    /// The positions of each unit (by row), in plan order.
    positions: Vec<Vec<usize>>,
    /// Each position's name folded for matching, once per plan rather than once per figure.
    folded: Vec<Rc<str>>,
}

impl<'a> Layout<'a> {
    pub(super) fn new(plan: &'a Plan) -> Self {
        let index = unit_index(&plan.units);
        let mut positions = vec![Vec::new(); plan.units.len()];
        for (i, position) in plan.positions.iter().enumerate() {
            if let Some(of_unit) = index
                .get(position.unit_id.as_str())
                .and_then(|&u| positions.get_mut(u))
            {
                of_unit.push(i);
            }
        }
        Layout {
            plan,
            tree: UnitTree::lenient(&plan.units),
            index,
            positions,
            folded: plan
                .positions
                .iter()
                .map(|p| folded(&p.name).into())
                .collect(),
        }
    }
}

/// The positions of a unit and of all units under it.
#[derive(Debug, Clone)]
pub(super) struct Subtree<'a> {
    /// The positions with their folded names.
    positions: Vec<(&'a Position, Rc<str>)>,
}

impl<'a> Subtree<'a> {
    /// The subtree rooted at `root`; a cycle in the tree ends the walk instead of looping.
    pub(super) fn new(layout: &Layout<'a>, root: &str) -> Self {
        let mut rows: Vec<usize> = layout
            .index
            .get(root)
            .map(|&r| layout.tree.subtree(r))
            .unwrap_or_default()
            .into_iter()
            .filter_map(|u| layout.positions.get(u))
            .flatten()
            .copied()
            .collect();
        rows.sort_unstable();
        let positions = rows
            .into_iter()
            .filter_map(|i| Some((layout.plan.positions.get(i)?, layout.folded.get(i)?.clone())))
            .collect();
        Subtree { positions }
    }

    /// Positions of the subtree, in plan order.
    pub(super) fn positions(&self) -> impl Iterator<Item = &'a Position> + '_ {
        self.positions.iter().map(|(p, _)| *p)
    }

    /// Positions of the subtree named with one of `names`, or all of them when there are none.
    fn named(&self, names: &[String]) -> Box<dyn Iterator<Item = &'a Position> + '_> {
        if names.is_empty() {
            Box::new(self.positions())
        } else {
            Box::new(self.matching(names, &[]))
        }
    }

    /// Positions of the subtree whose name has one of `names` or whose rank code is one of
    /// `rank_codes`, in plan order.
    fn matching(
        &self,
        names: &[String],
        rank_codes: &[String],
    ) -> impl Iterator<Item = &'a Position> + '_ {
        let names: Vec<String> = names.iter().map(|n| folded(n)).collect();
        let rank_codes: Vec<String> = rank_codes.iter().map(|c| c.trim().to_owned()).collect();
        self.positions
            .iter()
            .filter(move |(position, name)| {
                let code = position.rank_code.trim();
                names.iter().any(|n| name.contains(n.as_str()))
                    || (!code.is_empty() && rank_codes.iter().any(|c| c == code))
            })
            .map(|(p, _)| *p)
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
                        .named(names)
                        .filter(|p| categories.contains(&p.category))
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
                        .matching(names, rank_codes)
                        .map(|p| p.id.clone())
                        .collect(),
                }
            }
        }
    }
}

/// NFC, lower case, single spaces: `Kế  toán` and `kế toán` match.
fn folded(text: &str) -> String {
    let text: String = text.nfc().collect::<String>().to_lowercase();
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}
