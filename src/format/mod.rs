//! Presentation of numbers and text the way Vietnamese documents write them.

mod number;
mod text;

pub use number::{en_number, vi_number, vi_percent};
pub use text::capitalised;
