//! Integer codes for component kinds and periods inside the polars frames.
//!
//! Codes keep the component table compact at national scale (millions of rows).

use crate::model::{ComponentKind, Period};

pub const SERVICE: u32 = 0;
pub const SUPPORT: u32 = 1;
pub const ADDITIONAL: u32 = 2;
pub const NORM: u32 = 3;

pub fn kind_code(kind: &ComponentKind) -> u32 {
    match kind {
        ComponentKind::Service { .. } => SERVICE,
        ComponentKind::Support(_) => SUPPORT,
        ComponentKind::Additional { .. } => ADDITIONAL,
        ComponentKind::Norm { .. } => NORM,
    }
}

pub const DAY: u32 = 0;
pub const WEEK: u32 = 1;
pub const MONTH: u32 = 2;
pub const YEAR: u32 = 3;

pub fn period_code(period: Period) -> u32 {
    match period {
        Period::Day => DAY,
        Period::Week => WEEK,
        Period::Month => MONTH,
        Period::Year => YEAR,
    }
}
