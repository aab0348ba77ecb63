//! Writing files safely: every file and folder vtvl writes goes through [`atomic`].

pub mod atomic;
