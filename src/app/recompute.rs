//! Keeping results up to date: small plans are computed at once, large ones on a worker thread
//! so the window stays responsive while the status line says results are updating. The review
//! rules' findings are worked out with the results, off the UI thread as well.

use std::sync::Arc;
use std::sync::mpsc::{Receiver, TryRecvError, channel};

use crate::engine::{self, PlanResults};
use crate::model::Plan;
use crate::rules::{self, Finding};

/// Plans up to this many workload components are computed on the UI thread (well under a
/// frame); larger ones go to a worker.
const INLINE_LIMIT: usize = 5_000;

/// A plan's results and the findings of the rules in force on its judgement date.
pub struct Computed {
    pub results: PlanResults,
    pub findings: Vec<Finding>,
}

type Outcome = Result<Computed, String>;

#[derive(Default)]
pub struct Recompute {
    latest: Option<Outcome>,
    pending: Option<Receiver<Outcome>>,
    /// The plan changed while a worker was busy: the document's plan is computed when it
    /// finishes. (Holding the plan here instead would make every edit until then copy it.)
    queued: bool,
}

impl Recompute {
    /// Starts computing `plan` (replacing any queued request).
    pub fn request(&mut self, plan: &Arc<Plan>) {
        let components: usize = plan.positions.iter().map(|p| p.components.len()).sum();
        if components <= INLINE_LIMIT && self.pending.is_none() {
            self.latest = Some(compute(plan));
            return;
        }
        if self.pending.is_some() {
            self.queued = true;
            return;
        }
        self.spawn(Arc::clone(plan));
    }

    fn spawn(&mut self, plan: Arc<Plan>) {
        let (sender, receiver) = channel();
        std::thread::spawn(move || {
            let outcome = compute(&plan);
            // Let go of the plan before answering, so the next edit changes it in place
            // instead of copying it.
            drop(plan);
            sender.send(outcome).ok();
        });
        self.pending = Some(receiver);
    }

    /// Picks up a finished worker's results, starting on `plan` (the document's) if it changed
    /// meanwhile; call once per frame.
    pub fn poll(&mut self, plan: &Arc<Plan>) {
        let Some(receiver) = &self.pending else {
            return;
        };
        match receiver.try_recv() {
            Ok(outcome) => {
                self.latest = Some(outcome);
                self.pending = None;
            }
            Err(TryRecvError::Empty) => return,
            Err(TryRecvError::Disconnected) => {
                self.latest = Some(Err("the computation stopped unexpectedly".to_owned()));
                self.pending = None;
            }
        }
        if std::mem::take(&mut self.queued) {
            self.spawn(Arc::clone(plan));
        }
    }

    /// Blocks until `plan`, the document's, is computed (tests and benchmarks).
    pub fn wait(&mut self, plan: &Arc<Plan>) {
        while self.pending.is_some() {
            if let Some(receiver) = &self.pending {
                self.latest = Some(
                    receiver
                        .recv()
                        .unwrap_or_else(|_| Err("the computation stopped unexpectedly".into())),
                );
            }
            self.pending = None;
            if std::mem::take(&mut self.queued) {
                self.spawn(Arc::clone(plan));
            }
        }
    }

    pub fn is_updating(&self) -> bool {
        self.pending.is_some()
    }

    pub fn results(&self) -> Option<&PlanResults> {
        self.computed().map(|c| &c.results)
    }

    pub fn findings(&self) -> Option<&[Finding]> {
        self.computed().map(|c| c.findings.as_slice())
    }

    fn computed(&self) -> Option<&Computed> {
        self.latest.as_ref().and_then(|r| r.as_ref().ok())
    }

    pub fn error(&self) -> Option<&str> {
        self.latest
            .as_ref()
            .and_then(|r| r.as_ref().err())
            .map(String::as_str)
    }
}

fn compute(plan: &Plan) -> Outcome {
    let results = engine::compute(plan).map_err(|e| e.to_string())?;
    let findings = rules::check(plan, &results, plan.judgement_date());
    Ok(Computed { results, findings })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::generate::{Spec, generate};

    /// An edit made while a worker computes changes the document's plan in place (the queue
    /// keeps no reference to it), and the plan computed last is the document's, edit included.
    #[test]
    fn edits_while_busy_are_computed_from_the_documents_plan() {
        let spec = Spec {
            units: 100,
            seed: 1,
            staff: None,
        };
        let mut plan = Arc::new(generate(spec));
        assert!(plan.component_count() > INLINE_LIMIT);
        let mut recompute = Recompute::default();
        recompute.request(&plan);
        assert!(recompute.is_updating());
        Arc::make_mut(&mut plan).positions.pop();
        assert_eq!(Arc::strong_count(&plan), 1);
        recompute.request(&plan);
        assert_eq!(Arc::strong_count(&plan), 1, "the queue holds no copy");
        Arc::make_mut(&mut plan).positions.pop();
        recompute.request(&plan);
        recompute.wait(&plan);
        assert!(!recompute.is_updating());
        let results = recompute.results().expect("results");
        assert_eq!(results.positions.len(), plan.positions.len());
        assert!(recompute.findings().is_some());
    }
}
