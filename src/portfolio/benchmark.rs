//! The benchmark on task codes over a whole portfolio: every plan that was read, side by side
//! through [`crate::compare::benchmark_computed`] with the results the portfolio already has,
//! each under its agency's name.

use super::Portfolio;
use crate::compare::{self, Benchmark, BenchmarkPlan, CompareError};

/// The benchmark of the portfolio's readable plans, in the order of their files. Two agencies
/// of one name are told apart by their file.
pub fn benchmark(portfolio: &Portfolio) -> Result<Benchmark, CompareError> {
    let read: Vec<_> = portfolio
        .agencies
        .iter()
        .filter_map(|a| a.outcome.as_ref().ok().map(|checked| (a, checked)))
        .collect();
    let mut seen = std::collections::HashMap::<&str, usize>::new();
    for (_, checked) in &read {
        *seen.entry(checked.figures.agency.as_str()).or_default() += 1;
    }
    let labels: Vec<String> = read
        .iter()
        .map(|(agency, checked)| {
            let name = checked.figures.agency.as_str();
            if seen.get(name).copied().unwrap_or(0) > 1 {
                format!("{name} ({})", agency.relative)
            } else {
                name.to_owned()
            }
        })
        .collect();
    let plans: Vec<BenchmarkPlan> = read
        .iter()
        .zip(&labels)
        .map(|((_, checked), label)| BenchmarkPlan {
            label,
            plan: &checked.plan,
        })
        .collect();
    let results: Vec<_> = read.iter().map(|(_, checked)| &checked.results).collect();
    compare::benchmark_computed(&plans, &results)
}
