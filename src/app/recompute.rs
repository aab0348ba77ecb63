//! Keeping results up to date: small plans are computed at once, large ones on a worker thread
//! so the window stays responsive while the status line says results are updating. The review
//! rules' findings are worked out with the results, off the UI thread as well.
//!
//! A worker computes its own copy of the plan, never the document's: the document's plan then
//! stays the only owner of its data, and an edit made while a worker runs changes it in place
//! instead of copying it. The copy is made once; after that it is brought to the document's
//! state by applying the same changes (edits and undo records, in order) once no worker holds
//! it, so a worker always computes a state the document had.

use std::sync::Arc;
use std::sync::mpsc::{Receiver, TryRecvError, channel};

use crate::editing::{Edit, Undo};
use crate::engine::{self, PlanResults};
use crate::model::Plan;
use crate::rules::{self, Finding};

/// Plans up to this many workload components are computed on the UI thread (well under a
/// frame); larger ones go to a worker.
const INLINE_LIMIT: usize = 5_000;

/// Whether what is derived from `plan` is made on the UI thread (well under a frame) rather
/// than on a worker.
pub fn is_small(plan: &Plan) -> bool {
    let components: usize = plan.positions.iter().map(|p| p.components.len()).sum();
    components <= INLINE_LIMIT
}

/// A plan's results and the findings of the rules in force on its judgement date.
pub struct Computed {
    pub results: PlanResults,
    pub findings: Vec<Finding>,
}

type Outcome = Result<Computed, String>;

/// A change made to the document's plan, to make to the workers' copy as well.
#[derive(Debug, Clone)]
pub enum Change {
    Edit(Box<Edit>),
    Undo(Undo),
}

#[derive(Default)]
pub struct Recompute {
    latest: Option<Outcome>,
    pending: Option<Receiver<Outcome>>,
    /// The plan changed while a worker was busy: the document's plan is computed when it
    /// finishes. (Holding the plan here instead would make every edit until then copy it.)
    queued: bool,
    /// The workers' copy of the plan, as of the last computation started.
    copy: Option<Arc<Plan>>,
    /// The changes made to the document's plan since then.
    changes: Vec<Change>,
}

impl Recompute {
    /// Notes a change just made to the document's plan (before [`Recompute::request`]).
    pub fn changed(&mut self, change: Change) {
        if self.copy.is_some() {
            self.changes.push(change);
        }
    }

    /// Starts computing `plan` (replacing any queued request).
    pub fn request(&mut self, plan: &Plan) {
        if is_small(plan) && self.pending.is_none() {
            self.latest = Some(compute(plan));
            // A small plan needs no copy for workers.
            self.copy = None;
            self.changes.clear();
            return;
        }
        if self.pending.is_some() || self.copy_is_lent() {
            self.queued = true;
            return;
        }
        self.spawn(plan);
    }

    /// Whether the workers' copy is held elsewhere (a recovery copy being written from it):
    /// it is then brought up to date once given back, rather than copied now.
    fn copy_is_lent(&self) -> bool {
        self.copy.as_ref().is_some_and(|c| Arc::strong_count(c) > 1)
    }

    /// The plan as the document has it now, shared without copying a large plan: the workers'
    /// copy when it is up to date, a copy of a small plan; `None` while the workers' copy is
    /// behind (try again later).
    pub fn snapshot(&self, plan: &Plan) -> Option<Arc<Plan>> {
        match &self.copy {
            Some(copy) if self.changes.is_empty() => Some(Arc::clone(copy)),
            Some(_) => None,
            None => Some(Arc::new(plan.clone())),
        }
    }

    /// The workers' copy brought to `plan`'s state: made once, then changed as the document's
    /// plan was (no worker holds it now, so it changes in place).
    fn copy_of(&mut self, plan: &Plan) -> Arc<Plan> {
        let changes = std::mem::take(&mut self.changes);
        let copy = match self.copy.take() {
            Some(mut copy) => {
                let target = Arc::make_mut(&mut copy);
                for change in changes {
                    match change {
                        // Applied to the document's plan in the same state, it cannot fail here.
                        Change::Edit(edit) => {
                            edit.apply(target).ok();
                        }
                        Change::Undo(undo) => undo.apply(target),
                    }
                }
                copy
            }
            None => Arc::new(plan.clone()),
        };
        self.copy = Some(Arc::clone(&copy));
        copy
    }

    fn spawn(&mut self, plan: &Plan) {
        let plan = self.copy_of(plan);
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
    pub fn poll(&mut self, plan: &Plan) {
        let Some(receiver) = &self.pending else {
            if self.queued && !self.copy_is_lent() {
                self.queued = false;
                self.spawn(plan);
            }
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
        // A copy lent out is brought up to date on a later frame, once given back.
        if self.queued && !self.copy_is_lent() {
            self.queued = false;
            self.spawn(plan);
        }
    }

    /// Blocks until `plan`, the document's, is computed (tests and benchmarks).
    pub fn wait(&mut self, plan: &Plan) {
        while self.queued && self.pending.is_none() {
            if self.copy_is_lent() {
                std::thread::sleep(std::time::Duration::from_millis(1));
            } else {
                self.queued = false;
                self.spawn(plan);
            }
        }
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
                self.spawn(plan);
            }
        }
    }

    pub fn is_updating(&self) -> bool {
        self.pending.is_some() || self.queued
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

    /// Edits made while a worker computes reach the workers' copy change by change: the plan
    /// computed last is the document's, edits and undo included, and the copy is the same plan.
    #[test]
    fn edits_while_busy_are_computed_from_the_documents_state() {
        let spec = Spec {
            units: 100,
            seed: 1,
            staff: None,
        };
        let mut plan = generate(spec);
        assert!(plan.component_count() > INLINE_LIMIT);
        let mut recompute = Recompute::default();
        recompute.request(&plan);
        assert!(recompute.is_updating());
        let mut renamed = plan.positions[0].clone();
        renamed.name.push_str(" (sửa)");
        let edit = Edit::UpdatePosition(Box::new(renamed));
        let undo = Undo::before(&edit, &plan);
        edit.clone().apply(&mut plan).unwrap();
        recompute.changed(Change::Edit(Box::new(edit.clone())));
        recompute.request(&plan);
        let id = plan.positions[1].id.clone();
        let delete = Edit::DeletePosition { id };
        delete.clone().apply(&mut plan).unwrap();
        recompute.changed(Change::Edit(Box::new(delete)));
        recompute.request(&plan);
        undo.clone().apply(&mut plan);
        recompute.changed(Change::Undo(undo));
        recompute.request(&plan);
        recompute.wait(&plan);
        assert!(!recompute.is_updating());
        assert_eq!(recompute.copy.as_deref(), Some(&plan), "the same plan");
        let results = recompute.results().expect("results");
        assert_eq!(results.positions.len(), plan.positions.len());
        let first = &plan.positions[0];
        assert!(!first.name.ends_with("(sửa)"));
        assert!(results.position(&first.id).is_some());
        assert!(recompute.findings().is_some());
    }

    /// While the workers' copy is lent out (a recovery copy being written from it), an edit
    /// neither copies it nor changes it: the computation waits until it is given back.
    #[test]
    fn a_lent_copy_is_brought_up_to_date_once_given_back() {
        let spec = Spec {
            units: 100,
            seed: 2,
            staff: None,
        };
        let mut plan = generate(spec);
        let mut recompute = Recompute::default();
        recompute.request(&plan);
        recompute.wait(&plan);
        let lent = recompute.snapshot(&plan).expect("up to date");
        let id = plan.positions[0].id.clone();
        let delete = Edit::DeletePosition { id: id.clone() };
        delete.clone().apply(&mut plan).unwrap();
        recompute.changed(Change::Edit(Box::new(delete)));
        recompute.request(&plan);
        assert!(
            recompute.is_updating() && recompute.pending.is_none(),
            "waits"
        );
        assert!(recompute.snapshot(&plan).is_none(), "behind the plan");
        recompute.poll(&plan);
        assert!(recompute.pending.is_none(), "still lent");
        assert!(lent.position(&id).is_some(), "the lent copy is as it was");
        drop(lent);
        recompute.poll(&plan);
        recompute.wait(&plan);
        assert!(!recompute.is_updating());
        let results = recompute.results().expect("results");
        assert!(results.position(&id).is_none());
        assert_eq!(recompute.copy.as_deref(), Some(&plan));
    }
}
