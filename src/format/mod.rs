//! Numbers and text the way Vietnamese documents write them: presentation, and reading typed
//! numbers.

mod nearest;
mod number;
mod reading;
mod text;

pub use nearest::{edit_distance, folded, nearest};
pub use number::{en_number, number_in, vi_number, vi_percent};
pub use reading::{NumberError, plain_number, read_number};
pub use text::{capitalised, outline_number, roman, uncapitalised};
