//! The JSON contract of `vtvl compute --format json`: the results, and the appraisal lines
//! whose proposal changed since they were appraised (left out when there are none, so that the
//! contract of a plan not appraised, or appraised on its proposal, is the results alone).
//!
//! The text is serde's indented JSON of [`PlanResults`]. A national plan's is hundreds of
//! megabytes: its positions and units are written in blocks, each block's rows made on every
//! core and written in order as they come, so the text is never held whole and takes a
//! fraction of the time one thread would.

use std::io::{self, Write};

use serde::Serialize;

use super::ChangedLine;
use crate::engine::PlanResults;

/// Rows serialised by one thread at a time: large enough to share out, small enough that
/// the blocks in flight stay a few megabytes.
const ROWS_PER_BLOCK: usize = 4096;

/// Writes the results as indented JSON, ending with a new line: the same text as serde's
/// indented JSON of the results with the changed lines as one more field (the tests hold the
/// two side by side), made on every core.
pub fn write_results_json<W: Write + ?Sized>(
    out: &mut W,
    results: &PlanResults,
    changed: &[ChangedLine],
) -> io::Result<()> {
    out.write_all(b"{\n  \"rounding\": ")?;
    serde_json::to_writer(&mut *out, &results.rounding)?;
    out.write_all(b",\n  \"positions\": ")?;
    write_rows(out, &results.positions)?;
    out.write_all(b",\n  \"units\": ")?;
    write_rows(out, &results.units)?;
    out.write_all(b",\n  \"total\": ")?;
    out.write_all(&indented(&results.total, 1)?)?;
    if !changed.is_empty() {
        out.write_all(b",\n  \"changed_since_appraisal\": ")?;
        out.write_all(&indented(changed, 1)?)?;
    }
    out.write_all(b"\n}\n")
}

/// A list of rows as the value of a top-level field: `[]`, or one row a line block.
fn write_rows<W: Write + ?Sized, T: Serialize + Sync>(out: &mut W, rows: &[T]) -> io::Result<()> {
    if rows.is_empty() {
        return out.write_all(b"[]");
    }
    out.write_all(b"[")?;
    let threads = std::thread::available_parallelism().map_or(1, usize::from);
    let mut first = true;
    for round in rows.chunks(ROWS_PER_BLOCK * threads) {
        let blocks: Vec<io::Result<Vec<u8>>> = if threads == 1 || round.len() <= ROWS_PER_BLOCK {
            vec![block(round)]
        } else {
            std::thread::scope(|scope| {
                let handles: Vec<_> = round
                    .chunks(ROWS_PER_BLOCK)
                    .map(|rows| scope.spawn(move || block(rows)))
                    .collect();
                handles
                    .into_iter()
                    .map(|handle| {
                        handle
                            .join()
                            .unwrap_or_else(|_| Err(io::Error::other("serialising rows failed")))
                    })
                    .collect()
            })
        };
        for text in blocks {
            let text = text?;
            // Each block starts with the separator a following row takes.
            let text = if first {
                text.get(1..).unwrap_or_default()
            } else {
                &text[..]
            };
            out.write_all(text)?;
            first = false;
        }
    }
    out.write_all(b"\n  ]")
}

/// Rows as they stand inside a top-level list: each after `,\n` and four spaces.
fn block<T: Serialize>(rows: &[T]) -> io::Result<Vec<u8>> {
    let mut text = Vec::with_capacity(rows.len() * 768);
    for row in rows {
        text.extend_from_slice(b",\n    ");
        text.extend_from_slice(&indented(row, 2)?);
    }
    Ok(text)
}

/// A value's indented JSON as it stands `depth` levels deep: every line after the first
/// indented by two spaces a level. (JSON strings hold no raw line breaks, so every line
/// break is the layout's.)
fn indented<T: Serialize + ?Sized>(value: &T, depth: usize) -> io::Result<Vec<u8>> {
    let text = serde_json::to_vec_pretty(value)?;
    let lines = text.iter().filter(|&&b| b == b'\n').count();
    let mut out = Vec::with_capacity(text.len() + lines * depth * 2);
    for &byte in &text {
        out.push(byte);
        if byte == b'\n' {
            out.extend(std::iter::repeat_n(b' ', depth * 2));
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::generate::{Spec, generate};
    use crate::plan_file::{BUNDLED, from_ron_str};

    /// The value `vtvl compute --format json` writes, as serde writes it.
    #[derive(Serialize)]
    struct WithChanges<'a> {
        #[serde(flatten)]
        results: &'a PlanResults,
        #[serde(skip_serializing_if = "<[ChangedLine]>::is_empty")]
        changed_since_appraisal: &'a [ChangedLine],
    }

    fn serde_text(results: &PlanResults, changed: &[ChangedLine]) -> String {
        let mut text = serde_json::to_string_pretty(&WithChanges {
            results,
            changed_since_appraisal: changed,
        })
        .unwrap();
        text.push('\n');
        text
    }

    fn written(results: &PlanResults, changed: &[ChangedLine]) -> String {
        let mut out = Vec::new();
        write_results_json(&mut out, results, changed).unwrap();
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn the_text_is_serdes_for_samples_an_empty_plan_and_many_blocks() {
        let mut plans: Vec<crate::model::Plan> = BUNDLED
            .iter()
            .map(|b| from_ron_str(b.text, std::path::Path::new(b.file)).unwrap())
            .collect();
        plans.push(crate::model::Plan::default());
        let mut spec = Spec::province(2);
        // More positions than one round of blocks on any machine this runs on.
        spec.units = 2_000;
        spec.staff = Some(2_000);
        plans.push(generate(spec));
        for plan in &plans {
            let results = crate::engine::compute(plan).unwrap();
            let changed = crate::report::changed_since_appraisal(plan, &results);
            assert_eq!(written(&results, &changed), serde_text(&results, &changed));
        }
    }

    #[test]
    fn changed_lines_are_written_as_serde_writes_them() {
        let reviewed = from_ron_str(
            include_str!("../../plans/ubnd-xa-tan-hoa-tham-dinh.ron"),
            std::path::Path::new("reviewed"),
        )
        .unwrap();
        let mut plan = reviewed.clone();
        let unit = plan.units[1].id.clone();
        for line in &mut plan.review.as_mut().unwrap().lines {
            line.seen = Some(crate::model::SeenProposal {
                proposed: 12,
                required: 3,
                current: 0.5,
                rank_code: "x".into(),
                unit_id: unit.clone(),
            });
        }
        let results = crate::engine::compute(&plan).unwrap();
        let changed = crate::report::changed_since_appraisal(&plan, &results);
        assert!(!changed.is_empty());
        assert_eq!(written(&results, &changed), serde_text(&results, &changed));
    }
}
