//! The engine: derives required headcount from workload with polars lazy queries.
