//! The plan model: plain serde types for everything a job-position plan holds.
//!
//! These types know nothing of the engine, the file format or the GUI. Ids are stable strings
//! chosen by the user; references between tables are by id.

mod calendar;
mod choice;
mod component;
mod date;
mod document_form;
mod employment;
mod job_description;
mod norm_driver;
mod person;
mod plan;
mod position;
mod review;
mod rounding;
mod scenario;
mod staff;
mod unit;
mod unit_type;

pub use calendar::Calendar;
pub use choice::{Choice, accepted_words, from_word, labels_vi, normalise_word};
pub use component::{Component, ComponentKind, ComponentType, Period, SupportAmount};
pub use date::{CivilDate, DateParseError};
pub use document_form::DocumentForm;
pub use employment::{ByEmployment, Employment};
pub use job_description::{
    Competency, CompetencyGroup, JobDescription, JobSection, Proposal, Requirement, WorkItem,
    WorkSection,
};
pub use norm_driver::{DriverChoice, DriverKind, DriverValue, DriverValueError, NormDriver};
pub use person::{BirthDate, BirthDateError, Sex};
pub use plan::{FORMAT_VERSION, Plan, PlanIndex, PlanMeta};
pub use position::{
    Category, LeaderRole, Method, Position, StepCount, people_by_step, steps_from_text,
    steps_to_text,
};
pub use review::{Appraisal, Decision, ProposalChange, Review, SeenProposal};
pub use rounding::Rounding;
pub use scenario::{Scenario, ScenarioChange, Scenarios};
pub use staff::{PersonalFields, StaffMember};
pub use unit::{CommuneSetting, NormDrivers, Unit};
pub use unit_type::{AutonomyGroup, ProvinceClass, UnitType, UnknownUnitType};
