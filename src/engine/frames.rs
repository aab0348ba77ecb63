//! A plan as the engine's input frames together with the labels its results carry: all that
//! [`super::compute`] needs, without the plan's structs. Frames can be named, stored (the
//! columnar cache beside large plan files) and read back, and compute exactly what the plan
//! does.

use polars::prelude::*;

use super::labels::{self, FrameLabels};
use super::tables::{self, PlanTables, Span, column};
use super::{EngineError, PlanResults, query, results};
use crate::model::{Employment, Plan, Rounding};

/// The names frames are stored under, in [`PlanFrames::named`] order.
pub const FRAME_NAMES: [&str; 8] = [
    "calendars",
    "units",
    "closure",
    "positions",
    "components",
    "staff",
    "position_labels",
    "unit_labels",
];

/// The engine's input for one plan, and what its results name.
pub struct PlanFrames {
    tables: PlanTables,
    rounding: Rounding,
    position_labels: DataFrame,
    unit_labels: DataFrame,
}

impl PlanFrames {
    /// The frames of `plan`; the plan's references must resolve, as for [`super::compute`].
    pub fn of(plan: &Plan) -> Result<Self, EngineError> {
        Ok(PlanFrames {
            tables: PlanTables::build(plan)?,
            rounding: plan.rounding,
            position_labels: labels::position_frame(plan)?,
            unit_labels: labels::unit_frame(plan)?,
        })
    }

    pub fn rounding(&self) -> Rounding {
        self.rounding
    }

    /// Each frame with its name ([`FRAME_NAMES`]).
    pub fn named(&self) -> [(&'static str, &DataFrame); 8] {
        let t = &self.tables;
        let frames = [
            &t.calendar_frame,
            &t.unit_frame,
            &t.closure_frame,
            &t.position_frame,
            &t.component_frame,
            &t.staff_frame,
            &self.position_labels,
            &self.unit_labels,
        ];
        let mut named = [("", &t.calendar_frame); 8];
        for ((slot, name), frame) in named.iter_mut().zip(FRAME_NAMES).zip(frames) {
            *slot = (name, frame);
        }
        named
    }

    /// Frames read back in [`FRAME_NAMES`] order. Each must have the columns and types this
    /// build makes, and the rows must agree, or the frames are refused.
    pub fn from_named(rounding: Rounding, frames: Vec<DataFrame>) -> Result<Self, EngineError> {
        let expected = PlanFrames::of(&Plan::default())?;
        if frames.len() != FRAME_NAMES.len() {
            return Err(refused(format!(
                "{} frames, {} expected",
                frames.len(),
                FRAME_NAMES.len()
            )));
        }
        for ((name, want), got) in expected.named().into_iter().zip(&frames) {
            if want.schema() != got.schema() {
                return Err(refused(format!("frame {name}: another schema")));
            }
        }
        let mut frames = frames.into_iter();
        let mut next = || frames.next().unwrap_or_default();
        let (calendar_frame, unit_frame, closure_frame, position_frame) =
            (next(), next(), next(), next());
        let (mut component_frame, staff_frame, position_labels, unit_labels) =
            (next(), next(), next(), next());
        if position_labels.height() != position_frame.height()
            || unit_labels.height() != unit_frame.height()
        {
            return Err(refused("labels and rows differ in number".to_owned()));
        }
        // The stored rows were written sorted by slot; the flag that says so is not stored.
        tables::sort_slots(&mut component_frame)?;
        let employment = employment_of(&position_frame)?;
        let unit_employment = employment_of(&unit_frame)?;
        let spans = vec![Span {
            plan: 0,
            units: 0..unit_frame.height(),
            positions: 0..position_frame.height(),
        }];
        Ok(PlanFrames {
            tables: PlanTables {
                calendar_frame,
                unit_frame,
                closure_frame,
                position_frame,
                component_frame,
                staff_frame,
                employment,
                unit_employment,
                spans,
            },
            rounding,
            position_labels,
            unit_labels,
        })
    }

    /// The plan's results, equal to [`super::compute`] on the plan the frames were made of.
    pub fn compute(&self) -> Result<PlanResults, EngineError> {
        // The labels are read on this thread while polars runs the query on its own.
        let (frames, labels) = std::thread::scope(|scope| {
            let frames = scope.spawn(|| query::run(&self.tables));
            let labels = FrameLabels::read(self.rounding, &self.position_labels, &self.unit_labels);
            let frames = frames
                .join()
                .unwrap_or_else(|_| Err(polars_err!(ComputeError: "the engine's query failed")));
            (frames, labels)
        });
        let (frames, mut labels) = (frames?, labels?);
        results::PlanResults::from_frames(
            &mut labels,
            frames,
            &self.tables.employment,
            &self.tables.unit_employment,
        )
    }
}

/// The employment bases of a position or unit frame's codes.
fn employment_of(frame: &DataFrame) -> Result<Vec<Employment>, EngineError> {
    frame
        .column(column::EMPLOYMENT)?
        .u32()?
        .iter()
        .map(|code| {
            code.and_then(|code| {
                Employment::ALL
                    .into_iter()
                    .find(|e| tables::employment_code(*e) == code)
            })
            .ok_or_else(|| refused(format!("employment code {code:?}")))
        })
        .collect()
}

fn refused(why: String) -> EngineError {
    EngineError::Polars(polars_err!(ComputeError: "stored frames refused: {why}"))
}
