//! The plan model: plain serde types for everything a job-position plan holds.
//!
//! These types know nothing of the engine, the file format or the GUI. Ids are stable strings
//! chosen by the user; references between tables are by id.

mod calendar;
mod component;
mod job_description;
mod plan;
mod position;
mod rounding;
mod staff;
mod unit;

pub use calendar::Calendar;
pub use component::{Component, ComponentKind, Period, SupportAmount};
pub use job_description::{
    Competency, CompetencyGroup, JobDescription, Proposal, Requirement, WorkItem, WorkSection,
};
pub use plan::{FORMAT_VERSION, Plan, PlanMeta};
pub use position::{Category, Method, Position};
pub use rounding::Rounding;
pub use staff::{PersonalFields, StaffMember};
pub use unit::Unit;
