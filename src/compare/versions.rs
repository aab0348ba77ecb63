//! Two versions of one plan: every unit and position of the older (A) and the newer (B) plan,
//! paired ([`super::matching`]), with old and new required, proposed and current headcount,
//! the fields that changed, and for positions the workload changes behind the difference.

use std::collections::HashMap;

use serde::Serialize;

use super::matching::{Pair, pair_positions, pair_units};
use super::workload::{ComponentChange, HoursChange, component_changes, hours_change};
use super::{CompareError, MatchedBy};
use crate::engine::{self, ComponentContribution, PlanResults, PositionResult};
use crate::model::{Category, Method, Plan, Position, UnitType};

/// Figures closer than this are the same (float noise is not a change).
const SAME: f64 = 1e-9;

/// What happened to an item between the two versions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    /// Only in the newer plan.
    Added,
    /// Only in the older plan.
    Removed,
    /// In both, with a different field, figure or workload.
    Changed,
    Unchanged,
}

impl Status {
    pub fn label_vi(self) -> &'static str {
        match self {
            Status::Added => "thêm mới",
            Status::Removed => "bị bỏ",
            Status::Changed => "thay đổi",
            Status::Unchanged => "không đổi",
        }
    }

    pub fn label_en(self) -> &'static str {
        match self {
            Status::Added => "added",
            Status::Removed => "removed",
            Status::Changed => "changed",
            Status::Unchanged => "unchanged",
        }
    }

    /// The label in `language`.
    pub fn label(self, language: crate::language::Language) -> &'static str {
        language.t(self.label_vi(), self.label_en())
    }
}

/// Headcount of a position, a unit (its whole subtree) or a plan, by the engine. As a change
/// (`change` fields), the newer figures less the older.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize)]
pub struct Headcount {
    pub required_fte: f64,
    pub required: i64,
    /// The agency's proposal, else the required figure.
    pub proposed: i64,
    pub current: f64,
}

impl Headcount {
    /// New less old; a missing side counts as nothing.
    pub fn change(old: Option<Headcount>, new: Option<Headcount>) -> Headcount {
        let (old, new) = (old.unwrap_or_default(), new.unwrap_or_default());
        Headcount {
            required_fte: new.required_fte - old.required_fte,
            required: new.required - old.required,
            proposed: new.proposed - old.proposed,
            current: new.current - old.current,
        }
    }

    /// Whether every figure is zero (as a change: nothing changed).
    pub fn is_zero(&self) -> bool {
        self.required_fte.abs() < SAME
            && self.required == 0
            && self.proposed == 0
            && self.current.abs() < SAME
    }
}

/// A field of a unit or position whose value differs between the versions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Field {
    Id,
    Name,
    /// A unit moved under another parent.
    Parent,
    Quota,
    UnitType,
    /// A position moved to another unit.
    Unit,
    Category,
    RankCode,
    Method,
    /// The statutory number of a fixed position.
    Count,
    Min,
    Max,
    Calendar,
    /// The headcount the agency proposes.
    Proposal,
    ProposalReason,
}

impl Field {
    pub fn label_vi(self) -> &'static str {
        match self {
            Field::Id => "Mã",
            Field::Name => "Tên",
            Field::Parent => "Đơn vị cấp trên",
            Field::Quota => "Biên chế giao",
            Field::UnitType => "Loại đơn vị",
            Field::Unit => "Đơn vị",
            Field::Category => "Nhóm vị trí",
            Field::RankCode => "Ngạch",
            Field::Method => "Phương pháp",
            Field::Count => "Số lượng cố định",
            Field::Min => "Tối thiểu",
            Field::Max => "Tối đa",
            Field::Calendar => "Lịch làm việc",
            Field::Proposal => "Số đề xuất",
            Field::ProposalReason => "Lý do đề xuất",
        }
    }

    pub fn label_en(self) -> &'static str {
        match self {
            Field::Id => "Id",
            Field::Name => "Name",
            Field::Parent => "Parent unit",
            Field::Quota => "Quota",
            Field::UnitType => "Unit type",
            Field::Unit => "Unit",
            Field::Category => "Category",
            Field::RankCode => "Rank",
            Field::Method => "Method",
            Field::Count => "Fixed count",
            Field::Min => "Minimum",
            Field::Max => "Maximum",
            Field::Calendar => "Calendar",
            Field::Proposal => "Proposed count",
            Field::ProposalReason => "Reason for the proposal",
        }
    }

    /// The label in `language`.
    pub fn label(self, language: crate::language::Language) -> &'static str {
        language.t(self.label_vi(), self.label_en())
    }
}

/// One field's old and new value as written in plan files (keywords and ids); `None` when
/// the field is empty on that side.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FieldChange {
    pub field: Field,
    pub old: Option<String>,
    pub new: Option<String>,
}

impl FieldChange {
    /// A value in Vietnamese: category, method and unit-type keywords by their names, an empty
    /// value as a dash.
    pub fn value_vi(&self, value: Option<&str>) -> String {
        let Some(value) = value else {
            return "-".to_owned();
        };
        let label = match self.field {
            Field::Category => Category::from_keyword(value).map(Category::label_vi),
            Field::Method => Method::from_keyword(value).map(|m| match m {
                Method::Workload => "theo khối lượng công việc",
                Method::Fixed => "số lượng cố định",
            }),
            Field::UnitType => UnitType::from_keyword(value).map(UnitType::label_vi),
            _ => None,
        };
        label.unwrap_or(value).to_owned()
    }

    /// A value in `language`: names in Vietnamese, keywords by their English names in English.
    pub fn value(&self, value: Option<&str>, language: crate::language::Language) -> String {
        if language == crate::language::Language::Vietnamese {
            return self.value_vi(value);
        }
        let Some(value) = value else {
            return "-".to_owned();
        };
        let label = match self.field {
            Field::Category => Category::from_keyword(value).map(Category::label_en),
            Field::Method => Method::from_keyword(value).map(|m| match m {
                Method::Workload => "by workload",
                Method::Fixed => "fixed number",
            }),
            Field::UnitType => UnitType::from_keyword(value).map(UnitType::label_en),
            _ => None,
        };
        label.unwrap_or(value).to_owned()
    }
}

/// One side of a unit.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct UnitSide {
    pub id: String,
    pub parent_id: Option<String>,
    pub name: String,
    pub quota: Option<u32>,
    #[serde(flatten)]
    pub figures: Headcount,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct UnitComparison {
    pub status: Status,
    pub matched_by: Option<MatchedBy>,
    pub old: Option<UnitSide>,
    pub new: Option<UnitSide>,
    pub change: Headcount,
    pub fields: Vec<FieldChange>,
}

impl UnitComparison {
    fn side(&self) -> Option<&UnitSide> {
        self.new.as_ref().or(self.old.as_ref())
    }

    /// The unit's name in the newer plan, else in the older.
    pub fn name(&self) -> &str {
        self.side().map_or("", |u| u.name.as_str())
    }

    /// The unit's id in the newer plan, else in the older.
    pub fn id(&self) -> &str {
        self.side().map_or("", |u| u.id.as_str())
    }
}

/// One side of a position.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PositionSide {
    pub id: String,
    pub unit_id: String,
    pub name: String,
    pub category: Category,
    pub method: Method,
    #[serde(flatten)]
    pub figures: Headcount,
    /// Working hours a year one person has, by the position's calendar.
    pub available_hours: f64,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PositionComparison {
    pub status: Status,
    pub matched_by: Option<MatchedBy>,
    pub old: Option<PositionSide>,
    pub new: Option<PositionSide>,
    pub change: Headcount,
    pub fields: Vec<FieldChange>,
    /// Workload components added, removed or changed.
    pub workload: Vec<ComponentChange>,
    /// A change of calendar or available hours, if any.
    pub hours: Option<HoursChange>,
}

impl PositionComparison {
    fn side(&self) -> Option<&PositionSide> {
        self.new.as_ref().or(self.old.as_ref())
    }

    /// The position's name in the newer plan, else in the older.
    pub fn name(&self) -> &str {
        self.side().map_or("", |p| p.name.as_str())
    }

    /// The position's id in the newer plan, else in the older.
    pub fn id(&self) -> &str {
        self.side().map_or("", |p| p.id.as_str())
    }

    /// The id of the unit holding the position in the newer plan, else in the older.
    pub fn unit_id(&self) -> &str {
        self.side().map_or("", |p| p.unit_id.as_str())
    }
}

/// The plans' totals.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct TotalComparison {
    pub old: Headcount,
    pub new: Headcount,
    pub change: Headcount,
}

/// Which plan a side is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PlanLabel {
    pub name: String,
    pub agency: String,
}

/// How many items are in each state.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub struct StatusCounts {
    pub added: usize,
    pub removed: usize,
    pub changed: usize,
    pub unchanged: usize,
}

impl StatusCounts {
    fn of(statuses: impl Iterator<Item = Status>) -> Self {
        let mut counts = StatusCounts::default();
        for status in statuses {
            match status {
                Status::Added => counts.added += 1,
                Status::Removed => counts.removed += 1,
                Status::Changed => counts.changed += 1,
                Status::Unchanged => counts.unchanged += 1,
            }
        }
        counts
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Summary {
    pub units: StatusCounts,
    pub positions: StatusCounts,
}

/// The comparison of an older plan (A) with a newer one (B).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct VersionComparison {
    pub old_plan: PlanLabel,
    pub new_plan: PlanLabel,
    pub summary: Summary,
    /// The newer plan's units in its order (paired or added), then removed ones.
    pub units: Vec<UnitComparison>,
    /// The newer plan's positions in its order (paired or added), then removed ones.
    pub positions: Vec<PositionComparison>,
    pub total: TotalComparison,
}

/// One plan with its engine results.
struct Computed<'a> {
    plan: &'a Plan,
    results: PlanResults,
    contributions: Vec<Vec<ComponentContribution>>,
}

impl<'a> Computed<'a> {
    fn of(plan: &'a Plan) -> Result<Self, CompareError> {
        let engine_error = |source| CompareError::Engine {
            plan: format!("\"{}\"", plan.meta.name),
            source,
        };
        let results = engine::compute(plan).map_err(engine_error)?;
        let contributions = engine::all_contributions(plan).map_err(engine_error)?;
        Ok(Computed {
            plan,
            results,
            contributions,
        })
    }

    fn label(&self) -> PlanLabel {
        PlanLabel {
            name: self.plan.meta.name.clone(),
            agency: self.plan.meta.agency.clone(),
        }
    }

    fn unit(&self, index: usize) -> Option<UnitSide> {
        let unit = self.plan.units.get(index)?;
        let result = self.results.units.get(index)?;
        Some(UnitSide {
            id: unit.id.clone(),
            parent_id: unit.parent_id.clone(),
            name: unit.name.clone(),
            quota: unit.quota,
            figures: Headcount {
                required_fte: result.required_fte,
                required: result.required,
                proposed: result.proposed,
                current: result.current,
            },
        })
    }

    fn position(
        &self,
        index: usize,
    ) -> Option<(&'a Position, &PositionResult, &[ComponentContribution])> {
        Some((
            self.plan.positions.get(index)?,
            self.results.positions.get(index)?,
            self.contributions
                .get(index)
                .map(Vec::as_slice)
                .unwrap_or(&[]),
        ))
    }

    fn position_side(&self, index: usize) -> Option<PositionSide> {
        let (position, result, _) = self.position(index)?;
        Some(PositionSide {
            id: position.id.clone(),
            unit_id: position.unit_id.clone(),
            name: position.name.clone(),
            category: position.category,
            method: position.method,
            figures: Headcount {
                required_fte: result.required_fte,
                required: result.required,
                proposed: result.proposed,
                current: result.current,
            },
            available_hours: result.available_hours,
        })
    }

    fn calendar_id(&self, position: &Position) -> String {
        self.plan
            .calendar_for(position)
            .map(|c| c.id)
            .unwrap_or_default()
    }

    fn total(&self) -> Headcount {
        let t = &self.results.total;
        Headcount {
            required_fte: t.required_fte,
            required: t.required,
            proposed: t.proposed,
            current: t.current,
        }
    }
}

/// Compares an older plan with a newer one. Both must validate
/// ([`crate::validation::validate`]); a plan the engine cannot compute is an error naming it.
pub fn compare_versions(old: &Plan, new: &Plan) -> Result<VersionComparison, CompareError> {
    let (a, b) = (Computed::of(old)?, Computed::of(new)?);
    let unit_pairs = pair_units(old, new).map_err(|source| CompareError::Engine {
        plan: format!("\"{}\"", new.meta.name),
        source,
    })?;
    let position_pairs = pair_positions(old, new, &unit_pairs);
    // The old partner of each new unit, by id: a position or unit "moved" when its new parent's
    // partner is not its old parent.
    let partner: HashMap<&str, &str> = unit_pairs
        .iter()
        .filter_map(|pair| {
            Some((
                new.units.get(pair.new?)?.id.as_str(),
                old.units.get(pair.old?)?.id.as_str(),
            ))
        })
        .collect();

    let units: Vec<UnitComparison> = unit_pairs
        .iter()
        .map(|pair| compare_unit(&a, &b, pair, &partner))
        .collect();
    let positions: Vec<PositionComparison> = position_pairs
        .iter()
        .map(|pair| compare_position(&a, &b, pair, &partner))
        .collect();
    let (old_total, new_total) = (a.total(), b.total());
    Ok(VersionComparison {
        old_plan: a.label(),
        new_plan: b.label(),
        summary: Summary {
            units: StatusCounts::of(units.iter().map(|u| u.status)),
            positions: StatusCounts::of(positions.iter().map(|p| p.status)),
        },
        units,
        positions,
        total: TotalComparison {
            old: old_total,
            new: new_total,
            change: Headcount::change(Some(old_total), Some(new_total)),
        },
    })
}

fn status(old_present: bool, new_present: bool, changed: bool) -> Status {
    match (old_present, new_present) {
        (false, _) => Status::Added,
        (_, false) => Status::Removed,
        _ if changed => Status::Changed,
        _ => Status::Unchanged,
    }
}

/// Adds a field change when the values differ.
fn push_change(
    fields: &mut Vec<FieldChange>,
    field: Field,
    old: Option<String>,
    new: Option<String>,
) {
    if old != new {
        fields.push(FieldChange { field, old, new });
    }
}

fn text(value: &str) -> Option<String> {
    (!value.is_empty()).then(|| value.to_owned())
}

fn compare_unit(
    a: &Computed,
    b: &Computed,
    pair: &Pair,
    partner: &HashMap<&str, &str>,
) -> UnitComparison {
    let old = pair.old.and_then(|i| a.unit(i));
    let new = pair.new.and_then(|i| b.unit(i));
    let mut fields = Vec::new();
    if let (Some(o), Some(n), Some(old_unit), Some(new_unit)) = (
        &old,
        &new,
        pair.old.and_then(|i| a.plan.units.get(i)),
        pair.new.and_then(|i| b.plan.units.get(i)),
    ) {
        push_change(&mut fields, Field::Id, text(&o.id), text(&n.id));
        push_change(&mut fields, Field::Name, text(&o.name), text(&n.name));
        let new_parent_partner = n.parent_id.as_deref().and_then(|p| partner.get(p).copied());
        if new_parent_partner != o.parent_id.as_deref() {
            fields.push(FieldChange {
                field: Field::Parent,
                old: o.parent_id.clone(),
                new: n.parent_id.clone(),
            });
        }
        push_change(
            &mut fields,
            Field::Quota,
            o.quota.map(|q| q.to_string()),
            n.quota.map(|q| q.to_string()),
        );
        push_change(
            &mut fields,
            Field::UnitType,
            Some(old_unit.unit_type.keyword().to_owned()),
            Some(new_unit.unit_type.keyword().to_owned()),
        );
    }
    let change = Headcount::change(
        old.as_ref().map(|u| u.figures),
        new.as_ref().map(|u| u.figures),
    );
    let changed = !fields.is_empty() || !change.is_zero();
    UnitComparison {
        status: status(old.is_some(), new.is_some(), changed),
        matched_by: pair.by,
        old,
        new,
        change,
        fields,
    }
}

fn position_fields(
    old: &Position,
    new: &Position,
    partner: &HashMap<&str, &str>,
) -> Vec<FieldChange> {
    let mut fields = Vec::new();
    let number = |n: Option<u32>| n.map(|n| n.to_string());
    push_change(&mut fields, Field::Id, text(&old.id), text(&new.id));
    push_change(&mut fields, Field::Name, text(&old.name), text(&new.name));
    if partner.get(new.unit_id.as_str()).copied() != Some(old.unit_id.as_str()) {
        fields.push(FieldChange {
            field: Field::Unit,
            old: text(&old.unit_id),
            new: text(&new.unit_id),
        });
    }
    push_change(
        &mut fields,
        Field::Category,
        text(old.category.keyword()),
        text(new.category.keyword()),
    );
    push_change(
        &mut fields,
        Field::RankCode,
        text(&old.rank_code),
        text(&new.rank_code),
    );
    push_change(
        &mut fields,
        Field::Method,
        text(old.method.keyword()),
        text(new.method.keyword()),
    );
    // The count only means something for fixed positions.
    let count = |p: &Position| (p.method == Method::Fixed).then(|| p.count.to_string());
    push_change(&mut fields, Field::Count, count(old), count(new));
    push_change(&mut fields, Field::Min, number(old.min), number(new.min));
    push_change(&mut fields, Field::Max, number(old.max), number(new.max));
    push_change(
        &mut fields,
        Field::Calendar,
        old.calendar.clone(),
        new.calendar.clone(),
    );
    let proposal = |p: &Position| p.proposed.as_ref().map(|p| p.count.to_string());
    push_change(&mut fields, Field::Proposal, proposal(old), proposal(new));
    let reason = |p: &Position| p.proposed.as_ref().and_then(|p| text(&p.reason));
    push_change(&mut fields, Field::ProposalReason, reason(old), reason(new));
    fields
}

fn compare_position(
    a: &Computed,
    b: &Computed,
    pair: &Pair,
    partner: &HashMap<&str, &str>,
) -> PositionComparison {
    let old = pair.old.and_then(|i| a.position(i));
    let new = pair.new.and_then(|i| b.position(i));
    let old_side = pair.old.and_then(|i| a.position_side(i));
    let new_side = pair.new.and_then(|i| b.position_side(i));
    let workload = component_changes(
        old.map(|(_, result, components)| (components, result)),
        new.map(|(_, result, components)| (components, result)),
    );
    let (fields, hours) = match (old, new) {
        (Some((old_position, old_result, _)), Some((new_position, new_result, _))) => {
            let both_fixed =
                old_position.method == Method::Fixed && new_position.method == Method::Fixed;
            let hours = if both_fixed {
                None
            } else {
                hours_change(
                    a.calendar_id(old_position),
                    old_result,
                    b.calendar_id(new_position),
                    new_result,
                )
            };
            (position_fields(old_position, new_position, partner), hours)
        }
        _ => (Vec::new(), None),
    };
    let change = Headcount::change(
        old_side.as_ref().map(|p| p.figures),
        new_side.as_ref().map(|p| p.figures),
    );
    let changed =
        !fields.is_empty() || !change.is_zero() || !workload.is_empty() || hours.is_some();
    PositionComparison {
        status: status(old_side.is_some(), new_side.is_some(), changed),
        matched_by: pair.by,
        old: old_side,
        new: new_side,
        change,
        fields,
        workload,
        hours,
    }
}
