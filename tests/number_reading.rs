//! The one reader of typed numbers, on the shared table of cases; the same table runs through
//! the CSV reader (`interchange.rs`), the workbook reader (`workbook_import.rs`) and the app's
//! fields (`app/editing.rs`).

#[path = "common/number_cases.rs"]
mod number_cases;

use number_cases::{CASES, Reads};
use vtvl::format::{NumberError, read_number};

#[test]
fn every_case_reads_as_the_table_says() {
    for (text, expected) in CASES {
        let read = read_number(text);
        match expected {
            Reads::Value(value) => assert_eq!(read, Ok(*value), "{text:?}"),
            Reads::Ambiguous => assert!(
                matches!(read, Err(NumberError::Ambiguous { .. })),
                "{text:?} must be refused as ambiguous, got {read:?}"
            ),
            Reads::Refused => assert!(
                matches!(read, Err(NumberError::NotANumber(_))),
                "{text:?} must be refused, got {read:?}"
            ),
        }
    }
}

#[test]
fn signs_are_read_and_left_to_the_field() {
    assert_eq!(read_number("-2,25"), Ok(-2.25));
    assert_eq!(read_number("\u{2212}1.5"), Ok(-1.5));
    assert_eq!(read_number("+3"), Ok(3.0));
    assert_eq!(read_number("   "), Err(NumberError::Empty));
}
