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
    /// A newer plan arrived while a worker was busy: computed when it finishes.
    queued: Option<Arc<Plan>>,
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
            self.queued = Some(Arc::clone(plan));
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

    /// Picks up a finished worker's results; call once per frame.
    pub fn poll(&mut self) {
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
        if let Some(plan) = self.queued.take() {
            self.spawn(plan);
        }
    }

    /// Blocks until the latest request is computed (tests and benchmarks).
    pub fn wait(&mut self) {
        while self.pending.is_some() {
            if let Some(receiver) = &self.pending {
                self.latest = Some(
                    receiver
                        .recv()
                        .unwrap_or_else(|_| Err("the computation stopped unexpectedly".into())),
                );
            }
            self.pending = None;
            if let Some(plan) = self.queued.take() {
                self.spawn(plan);
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
