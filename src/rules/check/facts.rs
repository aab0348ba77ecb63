//! The figures of a plan that rules compare, gathered once per check: per unit its proposed and
//! required headcount (subtree) by employment basis, its deputies and heads, its autonomy group;
//! per position its proposed and required count, its required FTE and its employment basis.
//!
//! Every figure is read from the engine's results by id; a rule counts the posts its instrument
//! counts ([`CountBasis`]) from these splits, never by resolving a basis again.

use std::collections::HashMap;

use crate::engine::{PlanResults, PositionResult, UnitTree, unit_index};
use crate::model::{
    AutonomyGroup, ByEmployment, Category, Employment, LeaderRole, Plan, Unit, UnitType,
};
use crate::rules::counting::{CountBasis, Counted};
use crate::rules::ranks::RankCatalogue;

/// What a check knows of one unit (index-aligned with `plan.units`).
#[derive(Debug, Clone, Default)]
pub struct UnitFacts {
    pub parent: Option<usize>,
    pub children: Vec<usize>,
    /// Positions directly in the unit (indices into `plan.positions`).
    pub positions: Vec<usize>,
    /// Proposed headcount of the unit's subtree, by employment basis.
    pub proposed: ByEmployment<i64>,
    /// Required headcount of the unit's subtree, by employment basis.
    pub required: ByEmployment<i64>,
    /// Sum of the proposed counts of the unit's deputy positions.
    pub deputies: i64,
    pub deputy_positions: Vec<usize>,
    pub head_positions: Vec<usize>,
    /// Whether any position of the unit is marked head or deputy.
    pub has_roles: bool,
    /// The unit's own autonomy group, else its nearest ancestor's.
    pub autonomy: Option<AutonomyGroup>,
}

impl UnitFacts {
    /// The subtree's proposed headcount as a rule counting `basis` counts it.
    pub fn proposed(&self, basis: CountBasis) -> Counted {
        Counted::new(basis, self.proposed)
    }

    /// The subtree's required headcount as a rule counting `basis` counts it.
    pub fn required(&self, basis: CountBasis) -> Counted {
        Counted::new(basis, self.required)
    }
}

/// What a check knows of one position, from its result.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct PositionFacts {
    pub proposed: i64,
    pub required: i64,
    pub required_fte: f64,
    pub employment: Employment,
}

impl PositionFacts {
    fn of(result: &PositionResult) -> Self {
        PositionFacts {
            proposed: result.proposed,
            required: result.required,
            required_fte: result.required_fte,
            employment: result.employment,
        }
    }
}

pub struct Facts<'a> {
    pub plan: &'a Plan,
    pub tree: UnitTree,
    pub ranks: &'a RankCatalogue,
    pub units: Vec<UnitFacts>,
    /// Per position (index-aligned with `plan.positions`); `None` for a position without a
    /// result.
    pub positions: Vec<Option<PositionFacts>>,
}

impl<'a> Facts<'a> {
    pub fn new(plan: &'a Plan, results: &PlanResults, ranks: &'a RankCatalogue) -> Self {
        let index = unit_index(&plan.units);
        let tree = UnitTree::lenient(&plan.units);
        let unit_results: HashMap<&str, _> = results
            .units
            .iter()
            .map(|u| {
                let split = &u.by_employment;
                let figures = (split.map(|f| f.proposed), split.map(|f| f.required));
                (u.id.as_str(), figures)
            })
            .collect();
        let position_results: HashMap<&str, PositionFacts> = results
            .positions
            .iter()
            .map(|p| (p.id.as_str(), PositionFacts::of(p)))
            .collect();
        let mut units: Vec<UnitFacts> = plan
            .units
            .iter()
            .map(|unit| {
                let (proposed, required) = unit_results
                    .get(unit.id.as_str())
                    .copied()
                    .unwrap_or_default();
                UnitFacts {
                    parent: unit
                        .parent_id
                        .as_deref()
                        .and_then(|p| index.get(p).copied()),
                    proposed,
                    required,
                    ..UnitFacts::default()
                }
            })
            .collect();
        for (i, facts) in units.iter_mut().enumerate() {
            facts.children = tree.children(i).to_vec();
        }
        let positions: Vec<Option<PositionFacts>> = plan
            .positions
            .iter()
            .map(|p| position_results.get(p.id.as_str()).copied())
            .collect();
        for (p, position) in plan.positions.iter().enumerate() {
            let Some(facts) = index
                .get(position.unit_id.as_str())
                .and_then(|&u| units.get_mut(u))
            else {
                continue;
            };
            facts.positions.push(p);
            let count = positions
                .get(p)
                .copied()
                .flatten()
                .map_or(0, |f| f.proposed);
            match position.role {
                Some(LeaderRole::Deputy) => {
                    facts.deputies += count;
                    facts.deputy_positions.push(p);
                    facts.has_roles = true;
                }
                Some(LeaderRole::Head) => {
                    facts.head_positions.push(p);
                    facts.has_roles = true;
                }
                None => {}
            }
        }
        let autonomy: Vec<Option<AutonomyGroup>> = (0..units.len())
            .map(|i| {
                tree.ancestors_or_self(i)
                    .find_map(|u| plan.units.get(u).and_then(|unit| unit.autonomy_group))
            })
            .collect();
        for (facts, group) in units.iter_mut().zip(autonomy) {
            facts.autonomy = group;
        }
        Facts {
            plan,
            tree,
            ranks,
            units,
            positions,
        }
    }

    /// Indices of the units of one of `types`, in plan order.
    pub fn units_of(&self, types: &[UnitType]) -> Vec<usize> {
        self.plan
            .units
            .iter()
            .enumerate()
            .filter(|(_, u)| types.contains(&u.unit_type))
            .map(|(i, _)| i)
            .collect()
    }

    pub fn unit(&self, index: usize) -> Option<&'a Unit> {
        self.plan.units.get(index)
    }

    /// Positions of the unit and of every unit under it.
    pub fn subtree_positions(&self, unit: usize) -> Vec<usize> {
        let mut positions: Vec<usize> = self
            .tree
            .subtree(unit)
            .into_iter()
            .filter_map(|u| self.units.get(u))
            .flat_map(|facts| facts.positions.iter().copied())
            .collect();
        positions.sort_unstable();
        positions
    }

    pub fn position(&self, position: usize) -> Option<PositionFacts> {
        self.positions.get(position).copied().flatten()
    }

    pub fn proposed(&self, position: usize) -> i64 {
        self.position(position).map_or(0, |f| f.proposed)
    }

    /// Whether a rule counting `basis` counts the position's people.
    pub fn counts(&self, position: usize, basis: CountBasis) -> bool {
        self.position(position)
            .is_some_and(|f| basis.includes(f.employment))
    }

    /// Proposed people of `positions`, by employment basis, as a rule counting `basis` counts
    /// them.
    pub fn proposed_of(&self, positions: &[usize], basis: CountBasis) -> Counted {
        let posts = positions.iter().filter_map(|&p| self.position(p));
        Counted::tally(basis, posts.map(|f| (f.employment, f.proposed)))
    }

    /// Proposed people of the subtree's positions in `categories`.
    pub fn proposed_in(&self, unit: usize, categories: &[Category], basis: CountBasis) -> Counted {
        let positions: Vec<usize> = self
            .subtree_positions(unit)
            .into_iter()
            .filter(|&p| {
                self.plan
                    .positions
                    .get(p)
                    .is_some_and(|pos| categories.contains(&pos.category))
            })
            .collect();
        self.proposed_of(&positions, basis)
    }

    /// "Phó trưởng phòng (pho-tp): 2; ..." for the given positions.
    pub fn positions_text(&self, positions: &[usize]) -> crate::language::Text {
        let parts: Vec<String> = positions
            .iter()
            .filter_map(|&p| {
                let position = self.plan.positions.get(p)?;
                Some(format!(
                    "{} ({}): {}",
                    position.name,
                    position.id,
                    self.proposed(p)
                ))
            })
            .collect();
        if parts.is_empty() {
            crate::language::Text::new("(không có)", "(none)")
        } else {
            crate::language::Text::same(parts.join("; "))
        }
    }
}
