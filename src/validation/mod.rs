//! Validation: every problem in a plan at once, each with its place.
