//! Presentation of numbers the way Vietnamese documents write them.

mod number;

pub use number::{en_number, vi_number, vi_percent};
