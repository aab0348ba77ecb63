//! What the results name besides their figures: ids, names, categories, the appraisal's
//! decision and comment. Taken from a plan, or from frames that hold them (the columnar cache),
//! so that a plan's results can be made without its structs.

use polars::prelude::*;

use super::EngineError;
use crate::model::{Category, Decision, Method, Plan, Rounding};

/// Column names of the label frames.
pub mod column {
    pub const ID: &str = "id";
    pub const UNIT_ID: &str = "unit_id";
    pub const PARENT_ID: &str = "parent_id";
    pub const NAME: &str = "name";
    pub const CATEGORY: &str = "category";
    pub const METHOD: &str = "method";
    pub const DECISION: &str = "decision";
    pub const COMMENT: &str = "comment";
    pub const QUOTA: &str = "quota";
}

/// One position's labels.
pub struct PositionLabel {
    pub id: String,
    pub unit_id: String,
    pub name: String,
    pub category: Category,
    pub method: Method,
    pub decision: Option<Decision>,
    pub comment: Option<String>,
}

/// One unit's labels.
pub struct UnitLabel {
    pub id: String,
    pub parent_id: Option<String>,
    pub name: String,
    pub quota: Option<u32>,
}

/// The labels of a plan's positions and units, by row.
pub trait Labels {
    fn rounding(&self) -> Rounding;
    fn position_count(&self) -> usize;
    fn unit_count(&self) -> usize;
    /// The labels of the position at `index` (each asked for once: frame labels give theirs
    /// away rather than copy them).
    fn position(&mut self, index: usize) -> PositionLabel;
    /// The labels of the unit at `index`, as [`Labels::position`].
    fn unit(&mut self, index: usize) -> UnitLabel;
}

/// A plan's own labels, with its appraisal lines looked up once.
pub struct PlanLabels<'a> {
    plan: &'a Plan,
    appraisals: Vec<Option<&'a crate::model::Appraisal>>,
}

impl<'a> PlanLabels<'a> {
    pub fn of(plan: &'a Plan) -> Self {
        PlanLabels {
            plan,
            appraisals: plan.appraisals(),
        }
    }
}

impl Labels for PlanLabels<'_> {
    fn rounding(&self) -> Rounding {
        self.plan.rounding
    }

    fn position_count(&self) -> usize {
        self.plan.positions.len()
    }

    fn unit_count(&self) -> usize {
        self.plan.units.len()
    }

    fn position(&mut self, index: usize) -> PositionLabel {
        let line = self.appraisals.get(index).copied().flatten();
        match self.plan.positions.get(index) {
            Some(position) => PositionLabel {
                id: position.id.clone(),
                unit_id: position.unit_id.clone(),
                name: position.name.clone(),
                category: position.category,
                method: position.method,
                decision: line.and_then(|l| l.decision),
                comment: line.map(|l| l.comment.clone()).filter(|c| !c.is_empty()),
            },
            None => PositionLabel::missing(),
        }
    }

    fn unit(&mut self, index: usize) -> UnitLabel {
        match self.plan.units.get(index) {
            Some(unit) => UnitLabel {
                id: unit.id.clone(),
                parent_id: unit.parent_id.clone(),
                name: unit.name.clone(),
                quota: unit.quota,
            },
            None => UnitLabel::missing(),
        }
    }
}

impl PositionLabel {
    fn missing() -> Self {
        PositionLabel {
            id: String::new(),
            unit_id: String::new(),
            name: String::new(),
            category: Category::Specialized,
            method: Method::Workload,
            decision: None,
            comment: None,
        }
    }
}

impl UnitLabel {
    fn missing() -> Self {
        UnitLabel {
            id: String::new(),
            parent_id: None,
            name: String::new(),
            quota: None,
        }
    }
}

/// The position labels of a plan as a frame, one row per position in plan order.
pub fn position_frame(plan: &Plan) -> PolarsResult<DataFrame> {
    let mut labels = PlanLabels::of(plan);
    let rows: Vec<PositionLabel> = (0..plan.positions.len())
        .map(|i| labels.position(i))
        .collect();
    DataFrame::new_infer_height(vec![
        Column::new(
            column::ID.into(),
            rows.iter().map(|r| r.id.as_str()).collect::<Vec<_>>(),
        ),
        Column::new(
            column::UNIT_ID.into(),
            rows.iter().map(|r| r.unit_id.as_str()).collect::<Vec<_>>(),
        ),
        Column::new(
            column::NAME.into(),
            rows.iter().map(|r| r.name.as_str()).collect::<Vec<_>>(),
        ),
        Column::new(
            column::CATEGORY.into(),
            rows.iter()
                .map(|r| code_of(&Category::ALL, r.category))
                .collect::<Vec<_>>(),
        ),
        Column::new(
            column::METHOD.into(),
            rows.iter()
                .map(|r| code_of(&Method::ALL, r.method))
                .collect::<Vec<_>>(),
        ),
        Column::new(
            column::DECISION.into(),
            rows.iter()
                .map(|r| r.decision.map(|d| code_of(&Decision::ALL, d)))
                .collect::<Vec<_>>(),
        ),
        Column::new(
            column::COMMENT.into(),
            rows.iter()
                .map(|r| r.comment.as_deref())
                .collect::<Vec<_>>(),
        ),
    ])
}

/// The unit labels of a plan as a frame, one row per unit in plan order.
pub fn unit_frame(plan: &Plan) -> PolarsResult<DataFrame> {
    let units = &plan.units;
    DataFrame::new_infer_height(vec![
        Column::new(
            column::ID.into(),
            units.iter().map(|u| u.id.as_str()).collect::<Vec<_>>(),
        ),
        Column::new(
            column::PARENT_ID.into(),
            units
                .iter()
                .map(|u| u.parent_id.as_deref())
                .collect::<Vec<_>>(),
        ),
        Column::new(
            column::NAME.into(),
            units.iter().map(|u| u.name.as_str()).collect::<Vec<_>>(),
        ),
        Column::new(
            column::QUOTA.into(),
            units.iter().map(|u| u.quota).collect::<Vec<_>>(),
        ),
    ])
}

/// A value's place in its type's list of values: its code in the frames.
fn code_of<T: PartialEq + Copy>(all: &[T], value: T) -> u32 {
    all.iter().position(|v| *v == value).unwrap_or_default() as u32
}

/// The value with `code`, or an error naming the column when there is none.
fn value_of<T: Copy>(all: &[T], code: Option<u32>, name: &str) -> Result<T, EngineError> {
    code.and_then(|code| all.get(code as usize).copied())
        .ok_or_else(|| {
            EngineError::Polars(polars_err!(ComputeError: "column {name}: unknown code {code:?}"))
        })
}

/// Labels read from the frames [`position_frame`] and [`unit_frame`] made.
pub struct FrameLabels {
    rounding: Rounding,
    positions: Vec<PositionLabel>,
    units: Vec<UnitLabel>,
}

impl FrameLabels {
    /// The labels in `positions` and `units`; an error when a column is missing, of another
    /// type, or holds a code no value has.
    pub fn read(
        rounding: Rounding,
        positions: &DataFrame,
        units: &DataFrame,
    ) -> Result<Self, EngineError> {
        let text = |frame: &DataFrame, name: &str| -> PolarsResult<Vec<Option<String>>> {
            Ok(frame
                .column(name)?
                .str()?
                .iter()
                .map(|s| s.map(str::to_owned))
                .collect())
        };
        let codes = |frame: &DataFrame, name: &str| -> PolarsResult<Vec<Option<u32>>> {
            Ok(frame.column(name)?.u32()?.iter().collect())
        };
        let required = |values: Vec<Option<String>>, name: &str| {
            values
                .into_iter()
                .map(|v| {
                    v.ok_or_else(|| {
                        EngineError::Polars(polars_err!(ComputeError: "column {name}: a null"))
                    })
                })
                .collect::<Result<Vec<String>, EngineError>>()
        };
        let ids = required(text(positions, column::ID)?, column::ID)?;
        let unit_ids = required(text(positions, column::UNIT_ID)?, column::UNIT_ID)?;
        let names = required(text(positions, column::NAME)?, column::NAME)?;
        let categories = codes(positions, column::CATEGORY)?;
        let methods = codes(positions, column::METHOD)?;
        let decisions = codes(positions, column::DECISION)?;
        let comments = text(positions, column::COMMENT)?;
        let mut position_rows = Vec::with_capacity(ids.len());
        for (i, ((id, unit_id), name)) in ids.into_iter().zip(unit_ids).zip(names).enumerate() {
            let decision = match decisions.get(i).copied().flatten() {
                None => None,
                code => Some(value_of(&Decision::ALL, code, column::DECISION)?),
            };
            position_rows.push(PositionLabel {
                id,
                unit_id,
                name,
                category: value_of(
                    &Category::ALL,
                    categories.get(i).copied().flatten(),
                    column::CATEGORY,
                )?,
                method: value_of(
                    &Method::ALL,
                    methods.get(i).copied().flatten(),
                    column::METHOD,
                )?,
                decision,
                comment: comments.get(i).cloned().flatten(),
            });
        }
        let unit_ids = required(text(units, column::ID)?, column::ID)?;
        let parents = text(units, column::PARENT_ID)?;
        let unit_names = required(text(units, column::NAME)?, column::NAME)?;
        let quotas = codes(units, column::QUOTA)?;
        let unit_rows = unit_ids
            .into_iter()
            .zip(unit_names)
            .enumerate()
            .map(|(i, (id, name))| UnitLabel {
                id,
                parent_id: parents.get(i).cloned().flatten(),
                name,
                quota: quotas.get(i).copied().flatten(),
            })
            .collect();
        Ok(FrameLabels {
            rounding,
            positions: position_rows,
            units: unit_rows,
        })
    }
}

impl Labels for FrameLabels {
    fn rounding(&self) -> Rounding {
        self.rounding
    }

    fn position_count(&self) -> usize {
        self.positions.len()
    }

    fn unit_count(&self) -> usize {
        self.units.len()
    }

    fn position(&mut self, index: usize) -> PositionLabel {
        self.positions
            .get_mut(index)
            .map_or_else(PositionLabel::missing, |p| {
                std::mem::replace(p, PositionLabel::missing())
            })
    }

    fn unit(&mut self, index: usize) -> UnitLabel {
        self.units
            .get_mut(index)
            .map_or_else(UnitLabel::missing, |u| {
                std::mem::replace(u, UnitLabel::missing())
            })
    }
}
