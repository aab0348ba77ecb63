//! Presentation of numbers the way Vietnamese documents write them.

mod number;

pub use number::{vi_number, vi_percent};
