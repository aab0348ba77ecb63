//! Edits: every change the app makes to a plan, as a value that can be applied (and so
//! undone, redone and tested) apart from any widget.

use unicode_normalization::UnicodeNormalization as _;

use crate::model::{
    Calendar, Category, Component, ComponentKind, Method, Plan, PlanMeta, Position, Rounding,
    StaffMember, Unit,
};

#[derive(Debug, Clone, PartialEq)]
pub enum Edit {
    SetMeta(PlanMeta),
    SetRounding(Rounding),
    SetCalendars(Vec<Calendar>),
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
    UpdatePosition(Position),
    DuplicatePosition {
        id: String,
    },
    /// Deletes a position; its staff stay in the unit without a position.
    DeletePosition {
        id: String,
    },
    AddComponent {
        position_id: String,
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
    AddStaff {
        unit_id: String,
        position_id: Option<String>,
    },
    UpdateStaff(StaffMember),
    DeleteStaff {
        id: String,
    },
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
                plan.units.push(Unit {
                    id: id.clone(),
                    parent_id: parent,
                    name: nfc(&name),
                    unit_type: String::new(),
                    quota: None,
                });
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
                    unit_type: nfc(&unit.unit_type),
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
                plan.staff.retain(|s| {
                    !gone.contains(&s.unit_id)
                        && s.position_id
                            .as_ref()
                            .is_none_or(|p| !positions.contains(p))
                });
            }
            Edit::AddPosition { unit_id, name } => {
                let id = free_id("vi-tri", plan.positions.iter().map(|p| p.id.as_str()));
                plan.positions.push(Position {
                    id: id.clone(),
                    unit_id,
                    name: nfc(&name),
                    category: Category::Specialized,
                    rank_code: String::new(),
                    method: Method::Workload,
                    count: 0,
                    min: None,
                    max: None,
                    calendar: None,
                    components: Vec::new(),
                });
                return Ok(Created::Position(id));
            }
            Edit::UpdatePosition(position) => {
                let slot = plan
                    .positions
                    .iter_mut()
                    .find(|p| p.id == position.id)
                    .ok_or_else(|| EditError::Missing(format!("position \"{}\"", position.id)))?;
                *slot = Position {
                    name: nfc(&position.name),
                    rank_code: nfc(&position.rank_code),
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
            }
            Edit::AddComponent { position_id, kind } => {
                let taken = all_component_ids(plan);
                let id = free_id("cv", taken.iter().map(String::as_str));
                let position = position_mut(plan, &position_id)?;
                position.components.push(Component {
                    id: id.clone(),
                    name: String::new(),
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
        }
        Ok(Created::Nothing)
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
        year: meta.year,
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
    if plan.unit(id).is_none() {
        return Vec::new();
    }
    let mut found = vec![id.to_owned()];
    let mut at = 0;
    while let Some(current) = found.get(at).cloned() {
        for unit in &plan.units {
            if unit.parent_id.as_deref() == Some(current.as_str()) && !found.contains(&unit.id) {
                found.push(unit.id.clone());
            }
        }
        at += 1;
    }
    found
}
