//! Synthetic plans at province and national scale, for benchmarks.
