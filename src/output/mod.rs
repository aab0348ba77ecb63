//! Writing files safely: every file and folder vtvl writes goes through [`atomic`];
//! [`io_reason`] says why the file system refused.

pub mod atomic;
mod io_reason;

pub use io_reason::io_reason;
