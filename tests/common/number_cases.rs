//! One table of typed numbers and what they must read as, shared by the tests of every reader
//! (the app's fields, the CSV reader, the workbook reader).

/// What a text must read as.
pub enum Reads {
    Value(f64),
    /// Refused as ambiguous, with the message naming both readings.
    Ambiguous,
    /// Refused as not a number.
    Refused,
}

/// Texts as Vietnamese planners type them (and as vtvl itself prints them).
pub const CASES: &[(&str, Reads)] = &[
    ("2400", Reads::Value(2400.0)),
    ("2.400", Reads::Value(2400.0)),
    ("1.896,5", Reads::Value(1896.5)),
    ("0,5", Reads::Value(0.5)),
    ("1,5", Reads::Value(1.5)),
    ("1.5", Reads::Value(1.5)),
    ("1896.5", Reads::Value(1896.5)),
    ("0.500", Reads::Value(0.5)),
    ("1.234.567", Reads::Value(1_234_567.0)),
    ("1.234.567,25", Reads::Value(1_234_567.25)),
    ("1 896,5", Reads::Value(1896.5)),
    ("1\u{a0}896,5", Reads::Value(1896.5)),
    ("1,896.5", Reads::Value(1896.5)),
    ("1,234,567", Reads::Value(1_234_567.0)),
    ("12.3456", Reads::Value(12.3456)),
    (",5", Reads::Value(0.5)),
    (" 380 ", Reads::Value(380.0)),
    ("1,1250", Reads::Value(1.125)),
    ("2,400", Reads::Ambiguous),
    ("1,125", Reads::Ambiguous),
    ("1.23.4", Reads::Refused),
    ("1..5", Reads::Refused),
    ("1.,5", Reads::Refused),
    ("1,896,5", Reads::Refused),
    ("1.896.5,2,1", Reads::Refused),
    ("12 34", Reads::Refused),
    ("1e5", Reads::Refused),
    ("abc", Reads::Refused),
    ("08:00", Reads::Refused),
];
