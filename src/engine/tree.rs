//! The unit tree as indices: parents, depth-first order, subtrees, and the ancestor closure
//! used for roll-ups (a unit's figures include all of its descendants').
//!
//! This is the one walk of the unit tree: the engine's roll-ups, breakdowns, the dossier, the
//! rules, the norms and the app all take subtrees and ancestors from here.

use std::collections::HashMap;

use super::EngineError;
use crate::model::Unit;

/// The unit tree resolved to indices into `plan.units`.
#[derive(Debug, Clone)]
pub struct UnitTree {
    parents: Vec<Option<usize>>,
    children: Vec<Vec<usize>>,
    roots: Vec<usize>,
}

/// Each unit's place in `units`, by id (the first place when an id repeats).
pub fn unit_index(units: &[Unit]) -> HashMap<&str, usize> {
    let mut index = HashMap::with_capacity(units.len());
    for (i, unit) in units.iter().enumerate() {
        index.entry(unit.id.as_str()).or_insert(i);
    }
    index
}

impl UnitTree {
    /// Resolves parent ids; reports a missing parent or a cycle.
    pub fn build(units: &[Unit]) -> Result<Self, EngineError> {
        let index = unit_index(units);
        let mut parents = Vec::with_capacity(units.len());
        let mut children = vec![Vec::new(); units.len()];
        let mut roots = Vec::new();
        for (i, unit) in units.iter().enumerate() {
            let parent = match &unit.parent_id {
                None => None,
                Some(parent_id) => Some(*index.get(parent_id.as_str()).ok_or_else(|| {
                    EngineError::MissingParent {
                        unit: unit.id.clone(),
                        parent: parent_id.clone(),
                    }
                })?),
            };
            match parent {
                Some(p) => children[p].push(i),
                None => roots.push(i),
            }
            parents.push(parent);
        }
        let tree = UnitTree {
            parents,
            children,
            roots,
        };
        // Every unit must be reachable from a root, or it sits on a cycle.
        let reached = tree.depth_first().len();
        if reached != units.len() {
            let mut seen = vec![false; units.len()];
            for i in tree.depth_first() {
                seen[i] = true;
            }
            let stuck = seen.iter().position(|s| !s).unwrap_or(0);
            return Err(EngineError::Cycle {
                unit: units.get(stuck).map(|u| u.id.clone()).unwrap_or_default(),
            });
        }
        Ok(tree)
    }

    /// The tree of units that may not resolve (a plan being edited or checked before it is
    /// valid): a parent that does not exist makes its unit a root, and units on a cycle are
    /// reached by no walk from a root and end any walk from inside the cycle.
    pub fn lenient(units: &[Unit]) -> Self {
        let index = unit_index(units);
        let mut parents = Vec::with_capacity(units.len());
        let mut children = vec![Vec::new(); units.len()];
        let mut roots = Vec::new();
        for (i, unit) in units.iter().enumerate() {
            let parent = unit
                .parent_id
                .as_deref()
                .and_then(|id| index.get(id).copied())
                .filter(|&p| p != i);
            match parent {
                Some(p) => children[p].push(i),
                None => roots.push(i),
            }
            parents.push(parent);
        }
        UnitTree {
            parents,
            children,
            roots,
        }
    }

    /// How many units the tree holds.
    pub fn len(&self) -> usize {
        self.parents.len()
    }

    pub fn is_empty(&self) -> bool {
        self.parents.is_empty()
    }

    pub fn parent(&self, unit: usize) -> Option<usize> {
        self.parents.get(unit).copied().flatten()
    }

    pub fn children(&self, unit: usize) -> &[usize] {
        self.children.get(unit).map(Vec::as_slice).unwrap_or(&[])
    }

    pub fn roots(&self) -> &[usize] {
        &self.roots
    }

    /// Units in depth-first pre-order (parents before children, siblings in plan order).
    pub fn depth_first(&self) -> Vec<usize> {
        let mut order = Vec::with_capacity(self.parents.len());
        let mut stack: Vec<usize> = self.roots.iter().rev().copied().collect();
        while let Some(unit) = stack.pop() {
            order.push(unit);
            stack.extend(self.children(unit).iter().rev());
        }
        order
    }

    /// `root` and every unit below it, depth first (parents before children, siblings in plan
    /// order). Each unit is visited once, so a cycle ends the walk.
    pub fn subtree(&self, root: usize) -> Vec<usize> {
        self.subtree_with_depth(root)
            .into_iter()
            .map(|(unit, _)| unit)
            .collect()
    }

    /// [`UnitTree::subtree`] with each unit's depth below `root` (0 for `root`).
    pub fn subtree_with_depth(&self, root: usize) -> Vec<(usize, usize)> {
        if root >= self.parents.len() {
            return Vec::new();
        }
        let mut seen = vec![false; self.parents.len()];
        let mut order = Vec::new();
        let mut stack = vec![(root, 0)];
        while let Some((unit, depth)) = stack.pop() {
            if std::mem::replace(&mut seen[unit], true) {
                continue;
            }
            order.push((unit, depth));
            stack.extend(self.children(unit).iter().rev().map(|&c| (c, depth + 1)));
        }
        order
    }

    /// Every unit of the tree in depth-first order with its depth (0 for roots).
    pub fn with_depth(&self) -> Vec<(usize, usize)> {
        self.roots
            .iter()
            .flat_map(|&root| self.subtree_with_depth(root))
            .collect()
    }

    /// The units `keep` accepts, depth first, each with its outline number: the ordinals of its
    /// ancestors and itself among their kept siblings, counted from one, so `[2, 1]` is the
    /// first kept child of the second kept root and the number's length is the depth plus one.
    /// A unit not kept hides its subtree.
    pub fn outline(&self, keep: impl Fn(usize) -> bool) -> Vec<(usize, Vec<usize>)> {
        let mut order = Vec::new();
        let mut seen = vec![false; self.parents.len()];
        let mut stack: Vec<(usize, Vec<usize>)> = Vec::new();
        let push_kept =
            |stack: &mut Vec<(usize, Vec<usize>)>, units: &[usize], prefix: &[usize]| {
                let kept: Vec<usize> = units.iter().copied().filter(|&u| keep(u)).collect();
                for (ordinal, &unit) in kept.iter().enumerate().rev() {
                    let mut number = prefix.to_vec();
                    number.push(ordinal + 1);
                    stack.push((unit, number));
                }
            };
        push_kept(&mut stack, &self.roots, &[]);
        while let Some((unit, number)) = stack.pop() {
            if std::mem::replace(&mut seen[unit], true) {
                continue;
            }
            push_kept(&mut stack, self.children(unit), &number);
            order.push((unit, number));
        }
        order
    }

    /// The unit, its parent, its parent's parent... up to the root; a cycle ends the walk.
    pub fn ancestors_or_self(&self, unit: usize) -> impl Iterator<Item = usize> + '_ {
        let mut at = (unit < self.parents.len()).then_some(unit);
        let mut steps = 0;
        std::iter::from_fn(move || {
            let current = at?;
            steps += 1;
            at = self.parent(current).filter(|_| steps < self.parents.len());
            Some(current)
        })
    }

    /// Pairs (unit, ancestor-or-self) for every unit: the closure a roll-up joins on.
    pub fn closure(&self) -> (Vec<u32>, Vec<u32>) {
        let mut units = Vec::new();
        let mut ancestors = Vec::new();
        for unit in 0..self.parents.len() {
            let mut at = Some(unit);
            while let Some(a) = at {
                units.push(unit as u32);
                ancestors.push(a as u32);
                at = self.parent(a);
            }
        }
        (units, ancestors)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn unit(id: &str, parent: Option<&str>) -> Unit {
        Unit {
            id: id.into(),
            parent_id: parent.map(Into::into),
            name: id.into(),
            ..Default::default()
        }
    }

    #[test]
    fn closure_lists_every_ancestor_and_self() {
        let tree = UnitTree::build(&[unit("a", None), unit("b", Some("a")), unit("c", Some("b"))])
            .unwrap();
        let (units, ancestors) = tree.closure();
        let pairs: Vec<_> = units.into_iter().zip(ancestors).collect();
        assert_eq!(pairs, vec![(0, 0), (1, 1), (1, 0), (2, 2), (2, 1), (2, 0)]);
        assert_eq!(tree.depth_first(), vec![0, 1, 2]);
    }

    #[test]
    fn subtrees_come_depth_first_with_their_depth() {
        let tree = UnitTree::build(&[
            unit("a", None),
            unit("b", Some("a")),
            unit("c", Some("a")),
            unit("d", Some("b")),
        ])
        .unwrap();
        assert_eq!(tree.subtree(0), vec![0, 1, 3, 2]);
        assert_eq!(tree.subtree_with_depth(1), vec![(1, 0), (3, 1)]);
        assert_eq!(tree.with_depth(), vec![(0, 0), (1, 1), (3, 2), (2, 1)]);
        assert_eq!(tree.ancestors_or_self(3).collect::<Vec<_>>(), vec![3, 1, 0]);
        assert!(tree.subtree(9).is_empty());
    }

    #[test]
    fn a_lenient_tree_ends_walks_at_cycles_and_missing_parents() {
        let tree = UnitTree::lenient(&[
            unit("a", Some("b")),
            unit("b", Some("a")),
            unit("c", Some("nowhere")),
        ]);
        assert_eq!(tree.roots(), &[2]);
        assert_eq!(tree.subtree(0), vec![0, 1]);
        assert_eq!(tree.ancestors_or_self(0).count(), 3);
    }

    #[test]
    fn an_outline_numbers_kept_units_and_hides_the_subtrees_of_others() {
        let tree = UnitTree::build(&[
            unit("a", None),
            unit("b", Some("a")),
            unit("c", Some("a")),
            unit("d", Some("c")),
            unit("e", None),
            unit("f", Some("b")),
        ])
        .unwrap();
        let outline = tree.outline(|u| u != 1);
        assert_eq!(
            outline,
            vec![
                (0, vec![1]),
                (2, vec![1, 1]),
                (3, vec![1, 1, 1]),
                (4, vec![2])
            ]
        );
    }

    #[test]
    fn cycle_is_an_error_not_a_hang() {
        let err = UnitTree::build(&[unit("a", Some("b")), unit("b", Some("a"))]).unwrap_err();
        assert!(matches!(err, EngineError::Cycle { .. }));
    }
}
