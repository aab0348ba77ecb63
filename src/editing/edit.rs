//! The edits themselves: what each one changes in a plan.

use std::collections::{HashMap, HashSet};

use unicode_normalization::UnicodeNormalization as _;

use crate::engine::{UnitTree, unit_index};
use crate::model::{
    Appraisal, Calendar, CivilDate, Competency, Component, ComponentKind, Decision, JobDescription,
    Plan, PlanMeta, Position, Proposal, Requirement, Review, Rounding, Scenarios, SeenProposal,
    StaffMember, Unit, WorkItem,
};

use super::appraisal;

#[derive(Debug, Clone, PartialEq)]
pub enum Edit {
    SetMeta(PlanMeta),
    SetRounding(Rounding),
    SetCalendars(Vec<Calendar>),
    /// The ids (or families) of the rules whose breaches are errors for this plan.
    SetBlockingRules(Vec<String>),
    /// The projection's scenarios and the one in use.
    SetScenarios(Scenarios),
    /// Adds a unit under `parent` (a root when `None`) and returns its id.
    AddUnit {
        parent: Option<String>,
        name: String,
    },
    UpdateUnit(Unit),
    MoveUnit {
        id: String,
        parent: Option<String>,
    },
    /// Deletes a unit with its sub-units, their positions and their staff.
    DeleteUnit {
        id: String,
    },
    AddPosition {
        unit_id: String,
        name: String,
    },
    UpdatePosition(Box<Position>),
    DuplicatePosition {
        id: String,
    },
    /// Deletes a position; its staff stay in the unit without a position.
    DeletePosition {
        id: String,
    },
    /// Adds a component at the end of a position's list (a component needs a name).
    AddComponent {
        position_id: String,
        name: String,
        kind: ComponentKind,
    },
    UpdateComponent {
        position_id: String,
        component: Component,
    },
    DeleteComponent {
        position_id: String,
        component_id: String,
    },
    /// Copies a component, with a new id, right after it.
    DuplicateComponent {
        position_id: String,
        component_id: String,
    },
    AddStaff {
        unit_id: String,
        position_id: Option<String>,
    },
    UpdateStaff(StaffMember),
    DeleteStaff {
        id: String,
    },
    /// Sets one field of the reviewer's appraisal, starting it (dated today) if there is none.
    SetReviewField(ReviewField),
    /// Sets a position's appraisal line, starting the review if there is none; a line with no
    /// figure, decision or comment is removed.
    SetAppraisal(Appraisal),
    /// Writes (or clears) a position's appraised figure against the proposal the reviewer
    /// sees; the decision follows the figure unless the reviewer chose it.
    SetAppraisedFigure {
        position_id: String,
        appraised: Option<u32>,
        seen: SeenProposal,
    },
    /// The decision the reviewer chose for a position, against the proposal they see.
    SetDecision {
        position_id: String,
        decision: Option<Decision>,
        seen: SeenProposal,
    },
    /// Agrees with the proposal of each listed position (with the proposal as seen) that has
    /// no appraisal line yet.
    AgreeRemaining(Vec<(String, SeenProposal)>),
    /// The reviewer has looked again at the listed lines, whose proposals changed, and keeps
    /// them: each now rests on the proposal as it is.
    ConfirmAppraisals(Vec<(String, SeenProposal)>),
    /// Removes the whole appraisal, leaving the proposal as the agency wrote it.
    ClearReview,
}

/// A field of the review as a whole (the lines are set by [`Edit::SetAppraisal`]).
#[derive(Debug, Clone, PartialEq)]
pub enum ReviewField {
    Reviewer(String),
    Organisation(String),
    Date(Option<CivilDate>),
    Conclusion(String),
}

/// Why an edit could not be applied.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum EditError {
    #[error("{0} does not exist")]
    Missing(String),
    #[error("a unit cannot move under itself or one of its sub-units")]
    MoveIntoOwnSubtree,
    #[error("{0}")]
    Invalid(String),
}

/// What an applied edit created, so the UI can select it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Created {
    Nothing,
    Unit(String),
    Position(String),
    Component(String),
    Staff(String),
}

impl Edit {
    pub fn apply(self, plan: &mut Plan) -> Result<Created, EditError> {
        match self {
            Edit::SetMeta(meta) => plan.meta = normalised_meta(meta),
            Edit::SetRounding(rounding) => plan.rounding = rounding,
            Edit::SetScenarios(scenarios) => plan.scenarios = scenarios,
            Edit::SetBlockingRules(rules) => {
                let mut kept: Vec<String> = Vec::new();
                for rule in rules.iter().map(|r| nfc(r.trim())) {
                    if !rule.is_empty() && !kept.contains(&rule) {
                        kept.push(rule);
                    }
                }
                plan.blocking_rules = kept;
            }
            Edit::SetCalendars(calendars) => {
                plan.calendars = calendars
                    .into_iter()
                    .map(|mut c| {
                        c.id = nfc(&c.id);
                        c.name = nfc(&c.name);
                        c
                    })
                    .collect()
            }
            Edit::AddUnit { parent, name } => {
                let id = free_id("don-vi", plan.units.iter().map(|u| u.id.as_str()));
                plan.units.push(Unit::new(id.clone(), parent, nfc(&name)));
                return Ok(Created::Unit(id));
            }
            Edit::UpdateUnit(unit) => {
                let slot = plan
                    .units
                    .iter_mut()
                    .find(|u| u.id == unit.id)
                    .ok_or_else(|| EditError::Missing(format!("unit \"{}\"", unit.id)))?;
                *slot = Unit {
                    name: nfc(&unit.name),
                    ..unit
                };
            }
            Edit::MoveUnit { id, parent } => {
                if let Some(target) = &parent
                    && subtree(plan, &id).iter().any(|u| u == target)
                {
                    return Err(EditError::MoveIntoOwnSubtree);
                }
                let unit = plan
                    .units
                    .iter_mut()
                    .find(|u| u.id == id)
                    .ok_or_else(|| EditError::Missing(format!("unit \"{id}\"")))?;
                unit.parent_id = parent;
            }
            Edit::DeleteUnit { id } => {
                let gone = subtree(plan, &id);
                if gone.is_empty() {
                    return Err(EditError::Missing(format!("unit \"{id}\"")));
                }
                let positions: Vec<String> = plan
                    .positions
                    .iter()
                    .filter(|p| gone.contains(&p.unit_id))
                    .map(|p| p.id.clone())
                    .collect();
                plan.units.retain(|u| !gone.contains(&u.id));
                plan.positions.retain(|p| !gone.contains(&p.unit_id));
                drop_appraisals(plan, &positions);
                plan.staff.retain(|s| {
                    !gone.contains(&s.unit_id)
                        && s.position_id
                            .as_ref()
                            .is_none_or(|p| !positions.contains(p))
                });
            }
            Edit::AddPosition { unit_id, name } => {
                let id = free_id("vi-tri", plan.positions.iter().map(|p| p.id.as_str()));
                plan.positions
                    .push(Position::new(id.clone(), unit_id, nfc(&name)));
                return Ok(Created::Position(id));
            }
            Edit::UpdatePosition(position) => {
                let slot = plan
                    .positions
                    .iter_mut()
                    .find(|p| p.id == position.id)
                    .ok_or_else(|| EditError::Missing(format!("position \"{}\"", position.id)))?;
                let position = *position;
                *slot = Position {
                    name: nfc(&position.name),
                    rank_code: nfc(&position.rank_code),
                    proposed: position.proposed.map(|p| Proposal {
                        reason: nfc(&p.reason),
                        ..p
                    }),
                    job_description: normalised_job_description(position.job_description),
                    ..position
                };
            }
            Edit::DuplicatePosition { id } => {
                let index = plan
                    .positions
                    .iter()
                    .position(|p| p.id == id)
                    .ok_or_else(|| EditError::Missing(format!("position \"{id}\"")))?;
                let mut copy = plan
                    .positions
                    .get(index)
                    .cloned()
                    .ok_or_else(|| EditError::Missing(format!("position \"{id}\"")))?;
                copy.id = free_id(
                    &format!("{id}-ban-sao"),
                    plan.positions.iter().map(|p| p.id.as_str()),
                );
                let mut taken: Vec<String> = all_component_ids(plan);
                for component in &mut copy.components {
                    component.id = free_id("cv", taken.iter().map(String::as_str));
                    taken.push(component.id.clone());
                }
                let new_id = copy.id.clone();
                plan.positions.insert(index + 1, copy);
                return Ok(Created::Position(new_id));
            }
            Edit::DeletePosition { id } => {
                let before = plan.positions.len();
                plan.positions.retain(|p| p.id != id);
                if plan.positions.len() == before {
                    return Err(EditError::Missing(format!("position \"{id}\"")));
                }
                for member in &mut plan.staff {
                    if member.position_id.as_deref() == Some(id.as_str()) {
                        member.position_id = None;
                    }
                }
                drop_appraisals(plan, std::slice::from_ref(&id));
            }
            Edit::AddComponent {
                position_id,
                name,
                kind,
            } => {
                let taken = all_component_ids(plan);
                let id = free_id("cv", taken.iter().map(String::as_str));
                let position = position_mut(plan, &position_id)?;
                position.components.push(Component {
                    id: id.clone(),
                    name: nfc(&name),
                    code: None,
                    kind,
                });
                return Ok(Created::Component(id));
            }
            Edit::UpdateComponent {
                position_id,
                component,
            } => {
                let position = position_mut(plan, &position_id)?;
                let slot = position
                    .components
                    .iter_mut()
                    .find(|c| c.id == component.id)
                    .ok_or_else(|| EditError::Missing(format!("component \"{}\"", component.id)))?;
                *slot = Component {
                    name: nfc(&component.name),
                    code: component.code.map(|c| nfc(&c)),
                    ..component
                };
            }
            Edit::DeleteComponent {
                position_id,
                component_id,
            } => {
                let position = position_mut(plan, &position_id)?;
                let before = position.components.len();
                position.components.retain(|c| c.id != component_id);
                if position.components.len() == before {
                    return Err(EditError::Missing(format!("component \"{component_id}\"")));
                }
            }
            Edit::DuplicateComponent {
                position_id,
                component_id,
            } => {
                let taken = all_component_ids(plan);
                let id = free_id(
                    &format!("{component_id}-ban-sao"),
                    taken.iter().map(String::as_str),
                );
                let position = position_mut(plan, &position_id)?;
                let index = position
                    .components
                    .iter()
                    .position(|c| c.id == component_id)
                    .ok_or_else(|| EditError::Missing(format!("component \"{component_id}\"")))?;
                let mut copy =
                    position.components.get(index).cloned().ok_or_else(|| {
                        EditError::Missing(format!("component \"{component_id}\""))
                    })?;
                copy.id = id.clone();
                position.components.insert(index + 1, copy);
                return Ok(Created::Component(id));
            }
            Edit::AddStaff {
                unit_id,
                position_id,
            } => {
                let id = free_id("nv", plan.staff.iter().map(|s| s.id.as_str()));
                let rank_code = position_id
                    .as_deref()
                    .and_then(|p| plan.position(p))
                    .map(|p| p.rank_code.clone())
                    .unwrap_or_default();
                plan.staff.push(StaffMember {
                    id: id.clone(),
                    unit_id,
                    position_id,
                    rank_code,
                    fte: 1.0,
                    birth_date: None,
                    sex: None,
                    retires_on: None,
                    personal: Default::default(),
                });
                return Ok(Created::Staff(id));
            }
            Edit::UpdateStaff(member) => {
                let slot = plan
                    .staff
                    .iter_mut()
                    .find(|s| s.id == member.id)
                    .ok_or_else(|| EditError::Missing(format!("staff member \"{}\"", member.id)))?;
                let personal = member
                    .personal
                    .iter()
                    .map(|(k, v)| (nfc(k), nfc(v)))
                    .collect();
                *slot = StaffMember {
                    rank_code: nfc(&member.rank_code),
                    personal,
                    ..member
                };
            }
            Edit::DeleteStaff { id } => {
                let before = plan.staff.len();
                plan.staff.retain(|s| s.id != id);
                if plan.staff.len() == before {
                    return Err(EditError::Missing(format!("staff member \"{id}\"")));
                }
            }
            Edit::SetReviewField(field) => {
                let review = review_mut(plan);
                let dated = matches!(field, ReviewField::Date(Some(_)));
                match field {
                    ReviewField::Reviewer(text) => review.reviewer = nfc(text.trim()),
                    ReviewField::Organisation(text) => review.organisation = nfc(text.trim()),
                    ReviewField::Date(date) => review.date = date,
                    ReviewField::Conclusion(text) => review.conclusion = nfc(text.trim()),
                }
                // A date set on purpose starts a review by itself.
                if !dated {
                    drop_empty_review(plan);
                }
            }
            Edit::SetAppraisal(line) => {
                set_appraisal(plan, line);
                drop_empty_review(plan);
            }
            Edit::SetAppraisedFigure {
                position_id,
                appraised,
                seen,
            } => {
                let line = appraisal::with_figure(plan, &position_id, appraised, seen);
                set_appraisal(plan, line);
                drop_empty_review(plan);
            }
            Edit::SetDecision {
                position_id,
                decision,
                seen,
            } => {
                let line = appraisal::with_decision(plan, &position_id, decision, seen);
                set_appraisal(plan, line);
                drop_empty_review(plan);
            }
            Edit::AgreeRemaining(positions) => {
                let review = review_mut(plan);
                let appraised: HashSet<String> =
                    review.lines.iter().map(|l| l.position_id.clone()).collect();
                review.lines.extend(
                    positions
                        .into_iter()
                        .filter(|(id, _)| !appraised.contains(id))
                        .map(|(id, seen)| appraisal::agreed(id, seen)),
                );
                sort_lines_in_plan_order(plan);
                drop_empty_review(plan);
            }
            Edit::ConfirmAppraisals(lines) => {
                for (position_id, seen) in lines {
                    if let Some(line) = appraisal::confirmed(plan, &position_id, seen) {
                        set_appraisal(plan, line);
                    }
                }
            }
            Edit::ClearReview => plan.review = None,
        }
        Ok(Created::Nothing)
    }
}

/// The plan's review, started (dated today) when there is none.
fn review_mut(plan: &mut Plan) -> &mut Review {
    plan.review.get_or_insert_with(|| Review {
        date: Some(CivilDate::today()),
        ..Review::default()
    })
}

/// Replaces, adds (in plan order) or removes a position's appraisal line. A line naming no
/// position of the plan is added all the same, for validation to refuse with its reason.
fn set_appraisal(plan: &mut Plan, line: Appraisal) {
    let line = Appraisal {
        position_id: line.position_id.trim().to_owned(),
        comment: nfc(line.comment.trim()),
        ..line
    };
    let empty = line.appraised.is_none() && line.decision.is_none() && line.comment.is_empty();
    let review = review_mut(plan);
    let existing = review
        .lines
        .iter()
        .position(|l| l.position_id == line.position_id);
    match (existing, empty) {
        (Some(index), true) => {
            review.lines.remove(index);
        }
        (Some(index), false) => {
            if let Some(slot) = review.lines.get_mut(index) {
                *slot = line;
            }
        }
        (None, true) => {}
        (None, false) => {
            review.lines.push(line);
            sort_lines_in_plan_order(plan);
        }
    }
}

/// Appraisal lines in the order of their positions in the plan; lines naming no position last.
fn sort_lines_in_plan_order(plan: &mut Plan) {
    let order: HashMap<&str, usize> = plan
        .positions
        .iter()
        .enumerate()
        .map(|(i, p)| (p.id.as_str(), i))
        .collect();
    if let Some(review) = plan.review.as_mut() {
        review.lines.sort_by_key(|l| {
            order
                .get(l.position_id.as_str())
                .copied()
                .unwrap_or(usize::MAX)
        });
    }
}

/// A review left with nothing in it but its date is no review.
fn drop_empty_review(plan: &mut Plan) {
    if let Some(review) = &plan.review
        && review.reviewer.is_empty()
        && review.organisation.is_empty()
        && review.conclusion.is_empty()
        && review.lines.is_empty()
    {
        plan.review = None;
    }
}

/// Removes the appraisal lines of deleted positions.
fn drop_appraisals(plan: &mut Plan, positions: &[String]) {
    if let Some(review) = &mut plan.review {
        review.lines.retain(|l| !positions.contains(&l.position_id));
    }
}

/// Text typed or pasted in decomposed form (NFD) is stored composed (NFC).
pub fn nfc(text: &str) -> String {
    text.nfc().collect()
}

fn normalised_meta(meta: PlanMeta) -> PlanMeta {
    PlanMeta {
        name: nfc(&meta.name),
        agency: nfc(&meta.agency),
        ..meta
    }
}

/// Every text of a job description, composed (NFC).
fn normalised_job_description(description: JobDescription) -> JobDescription {
    JobDescription {
        purpose: nfc(&description.purpose),
        work_items: description
            .work_items
            .into_iter()
            .map(|item| WorkItem {
                step: nfc(&item.step),
                content: nfc(&item.content),
                output: nfc(&item.output),
                criterion: nfc(&item.criterion),
                ..item
            })
            .collect(),
        competencies: description
            .competencies
            .into_iter()
            .map(|competency| Competency {
                name: nfc(&competency.name),
                step: nfc(&competency.step),
                ..competency
            })
            .collect(),
        relationships: nfc(&description.relationships),
        authority: nfc(&description.authority),
        requirements: description
            .requirements
            .into_iter()
            .map(|requirement| Requirement {
                group: nfc(&requirement.group),
                detail: nfc(&requirement.detail),
            })
            .collect(),
    }
}

fn position_mut<'a>(plan: &'a mut Plan, id: &str) -> Result<&'a mut Position, EditError> {
    plan.positions
        .iter_mut()
        .find(|p| p.id == id)
        .ok_or_else(|| EditError::Missing(format!("position \"{id}\"")))
}

fn all_component_ids(plan: &Plan) -> Vec<String> {
    plan.positions
        .iter()
        .flat_map(|p| p.components.iter().map(|c| c.id.clone()))
        .collect()
}

/// `prefix-1`, `prefix-2`, ...: the first not taken.
fn free_id<'a>(prefix: &str, taken: impl Iterator<Item = &'a str>) -> String {
    let taken: std::collections::HashSet<&str> = taken.collect();
    (1..)
        .map(|n| format!("{prefix}-{n}"))
        .find(|id| !taken.contains(id.as_str()))
        .unwrap_or_else(|| prefix.to_owned())
}

/// A unit and every unit below it (empty when the unit does not exist).
pub fn subtree(plan: &Plan, id: &str) -> Vec<String> {
    let Some(&root) = unit_index(&plan.units).get(id) else {
        return Vec::new();
    };
    UnitTree::lenient(&plan.units)
        .subtree(root)
        .into_iter()
        .filter_map(|u| plan.units.get(u).map(|unit| unit.id.clone()))
        .collect()
}

/// What goes with a unit when it is deleted: its sub-units, and the positions and staff of the
/// unit and its sub-units (staff holding one of those positions included).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct UnitContents {
    pub sub_units: usize,
    pub positions: usize,
    pub staff: usize,
}

impl UnitContents {
    pub fn is_empty(&self) -> bool {
        self.sub_units == 0 && self.positions == 0 && self.staff == 0
    }
}

/// Counts what [`Edit::DeleteUnit`] would remove besides the unit itself.
pub fn unit_contents(plan: &Plan, id: &str) -> UnitContents {
    let units: std::collections::HashSet<String> = subtree(plan, id).into_iter().collect();
    if units.is_empty() {
        return UnitContents::default();
    }
    let positions: std::collections::HashSet<&str> = plan
        .positions
        .iter()
        .filter(|p| units.contains(&p.unit_id))
        .map(|p| p.id.as_str())
        .collect();
    let staff = plan
        .staff
        .iter()
        .filter(|s| {
            units.contains(&s.unit_id)
                || s.position_id
                    .as_deref()
                    .is_some_and(|p| positions.contains(p))
        })
        .count();
    UnitContents {
        sub_units: units.len() - 1,
        positions: positions.len(),
        staff,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn components_are_added_with_a_name_and_duplicated_after_themselves() {
        let mut plan = Plan::default();
        let Ok(Created::Unit(unit)) = (Edit::AddUnit {
            parent: None,
            name: "A".into(),
        })
        .apply(&mut plan) else {
            panic!("unit")
        };
        let Ok(Created::Position(position)) = (Edit::AddPosition {
            unit_id: unit,
            name: "P".into(),
        })
        .apply(&mut plan) else {
            panic!("position")
        };
        let kind = ComponentKind::Norm {
            volume: 20.0,
            ratio: 1.5,
        };
        for name in ["first", "second"] {
            Edit::AddComponent {
                position_id: position.clone(),
                name: name.into(),
                kind: kind.clone(),
            }
            .apply(&mut plan)
            .unwrap();
        }
        let first = plan.positions[0].components[0].id.clone();
        let copy = Edit::DuplicateComponent {
            position_id: position.clone(),
            component_id: first.clone(),
        }
        .apply(&mut plan);
        let Ok(Created::Component(copy)) = copy else {
            panic!("copy")
        };
        let names: Vec<&str> = plan.positions[0]
            .components
            .iter()
            .map(|c| c.name.as_str())
            .collect();
        assert_eq!(names, ["first", "first", "second"]);
        assert_eq!(plan.positions[0].components[1].id, copy);
        assert_ne!(copy, first);
        assert!(crate::validation::validate(&plan).is_empty());
        let missing = Edit::DuplicateComponent {
            position_id: position,
            component_id: "nope".into(),
        };
        assert!(missing.apply(&mut plan).is_err());
    }

    #[test]
    fn unit_contents_counts_what_goes_with_a_unit() {
        let mut plan = Plan::default();
        let root = Edit::AddUnit {
            parent: None,
            name: "A".into(),
        }
        .apply(&mut plan);
        let Ok(Created::Unit(root)) = root else {
            panic!("unit")
        };
        let child = Edit::AddUnit {
            parent: Some(root.clone()),
            name: "B".into(),
        }
        .apply(&mut plan);
        let Ok(Created::Unit(child)) = child else {
            panic!("unit")
        };
        let Ok(Created::Position(position)) = Edit::AddPosition {
            unit_id: child.clone(),
            name: "P".into(),
        }
        .apply(&mut plan) else {
            panic!("position")
        };
        for _ in 0..2 {
            Edit::AddStaff {
                unit_id: child.clone(),
                position_id: Some(position.clone()),
            }
            .apply(&mut plan)
            .unwrap();
        }
        assert_eq!(
            unit_contents(&plan, &root),
            UnitContents {
                sub_units: 1,
                positions: 1,
                staff: 2
            }
        );
        assert!(unit_contents(&plan, "missing").is_empty());
        let Ok(Created::Unit(empty)) = Edit::AddUnit {
            parent: None,
            name: "C".into(),
        }
        .apply(&mut plan) else {
            panic!("unit")
        };
        assert!(unit_contents(&plan, &empty).is_empty());
    }
}

#[cfg(test)]
mod review_tests {
    use super::*;

    fn plan() -> Plan {
        let mut plan = Plan {
            units: vec![Unit::new("u", None, "Phòng")],
            ..Plan::default()
        };
        for id in ["a", "b", "c"] {
            plan.positions.push(Position::new(id, "u", id));
        }
        plan
    }

    fn line(id: &str, appraised: Option<u32>, comment: &str) -> Appraisal {
        Appraisal {
            appraised,
            comment: comment.into(),
            ..Appraisal::new(id)
        }
    }

    fn ids(plan: &Plan) -> Vec<&str> {
        plan.review
            .iter()
            .flat_map(|r| &r.lines)
            .map(|l| l.position_id.as_str())
            .collect()
    }

    #[test]
    fn lines_start_a_review_dated_today_and_keep_plan_order() {
        let mut plan = plan();
        Edit::SetAppraisal(line("c", Some(2), ""))
            .apply(&mut plan)
            .unwrap();
        // "Giảm" typed decomposed (NFD) is stored composed.
        let decomposed = "Gia\u{309}m 1 ngu\u{31b}o\u{31b}\u{300}i";
        Edit::SetAppraisal(line("a", None, decomposed))
            .apply(&mut plan)
            .unwrap();
        let review = plan.review.as_ref().unwrap();
        assert_eq!(review.date, Some(CivilDate::today()));
        assert_eq!(ids(&plan), ["a", "c"]);
        assert_eq!(
            plan.review.as_ref().unwrap().lines[0].comment,
            "Giảm 1 người"
        );
        // Emptied, a line goes; with no line and nothing else, the review goes.
        Edit::SetAppraisal(line("a", None, " "))
            .apply(&mut plan)
            .unwrap();
        assert_eq!(ids(&plan), ["c"]);
        Edit::SetAppraisal(line("c", None, ""))
            .apply(&mut plan)
            .unwrap();
        assert_eq!(plan.review, None);
        assert!(plan.positions.iter().all(|p| p.proposed.is_none()));
    }

    #[test]
    fn review_fields_agreeing_the_rest_and_deleting_positions() {
        let mut plan = plan();
        let date = CivilDate::new(2026, 11, 20);
        Edit::SetReviewField(ReviewField::Date(date))
            .apply(&mut plan)
            .unwrap();
        assert_eq!(
            plan.review.as_ref().and_then(|r| r.date),
            date,
            "kept alone"
        );
        Edit::SetReviewField(ReviewField::Reviewer(" Lê Thị Hạnh ".into()))
            .apply(&mut plan)
            .unwrap();
        Edit::SetAppraisal(line("b", Some(0), "Bỏ"))
            .apply(&mut plan)
            .unwrap();
        let seen = SeenProposal {
            proposed: 1,
            required: 1,
            current: 0.0,
            rank_code: String::new(),
            unit_id: "u".into(),
        };
        Edit::AgreeRemaining(
            ["a", "b", "c"]
                .map(|id| (id.to_owned(), seen.clone()))
                .to_vec(),
        )
        .apply(&mut plan)
        .unwrap();
        let review = plan.review.clone().unwrap();
        assert_eq!(review.reviewer, "Lê Thị Hạnh");
        assert_eq!(ids(&plan), ["a", "b", "c"]);
        assert_eq!(review.lines[0].decision, Some(Decision::Agree));
        assert_eq!(review.lines[1].decision, None, "b already had a line");
        assert_eq!(review.lines[1].appraised, Some(0));
        Edit::DeletePosition { id: "b".into() }
            .apply(&mut plan)
            .unwrap();
        assert_eq!(ids(&plan), ["a", "c"]);
        assert!(crate::validation::validate(&plan).is_empty());
        Edit::DeleteUnit { id: "u".into() }
            .apply(&mut plan)
            .unwrap();
        assert!(ids(&plan).is_empty());
        Edit::ClearReview.apply(&mut plan).unwrap();
        assert_eq!(plan.review, None);
    }
}
