//! The interchange format: a folder of CSV files that other tools can read and write.
