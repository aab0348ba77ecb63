//! A view's value made off the UI thread when it is costly (the projection of a large plan):
//! made on a worker for a key, the last value made kept and drawn, marked as out of date, while
//! the value for a newer key is being made. Small plans make theirs at once.

use std::sync::mpsc::{Receiver, TryRecvError, channel};

/// How the value for a new key is to be made.
pub enum Start<V> {
    /// Made already (cheap enough for the UI thread).
    Made(V),
    /// To make on a worker; `lost` is shown if the worker stops without a value.
    OnWorker {
        make: Box<dyn FnOnce() -> V + Send>,
        lost: V,
    },
    /// Not possible yet (the plan is being computed): asked again on a later frame.
    Later,
    /// Nothing can be made for this key (the plan has no results): nothing is shown.
    Nothing,
}

/// A value taken for drawing, to give back with [`Background::keep`].
pub struct Taken<K, V> {
    pub key: K,
    pub value: V,
    /// Made for the key asked for; otherwise an older one, shown while the new one is made.
    pub fresh: bool,
}

pub struct Background<K, V> {
    shown: Option<(K, V)>,
    /// The key being made, the worker's answer, and what to show if it never comes.
    pending: Option<(K, Receiver<V>, V)>,
}

impl<K, V> Default for Background<K, V> {
    fn default() -> Self {
        Background {
            shown: None,
            pending: None,
        }
    }
}

impl<K: PartialEq + Clone, V: Send + 'static> Background<K, V> {
    /// Takes the value for `key` out, or the last one made while `key`'s is being made;
    /// `start` says how to make it when nothing is made or being made for `key` yet.
    pub fn take(&mut self, key: &K, start: impl FnOnce() -> Start<V>) -> Option<Taken<K, V>> {
        self.poll();
        let fresh = matches!(&self.shown, Some((shown, _)) if shown == key);
        let started = matches!(&self.pending, Some((pending, ..)) if pending == key);
        if !fresh && !started {
            match start() {
                Start::Made(value) => {
                    self.pending = None;
                    self.shown = Some((key.clone(), value));
                }
                Start::OnWorker { make, lost } => {
                    let (sender, receiver) = channel();
                    std::thread::spawn(move || {
                        sender.send(make()).ok();
                    });
                    self.pending = Some((key.clone(), receiver, lost));
                }
                Start::Later => {}
                Start::Nothing => {
                    self.pending = None;
                    self.shown = None;
                }
            }
        }
        let (shown, value) = self.shown.take()?;
        Some(Taken {
            fresh: shown == *key,
            key: shown,
            value,
        })
    }

    /// Gives back a value taken with [`Background::take`].
    pub fn keep(&mut self, taken: Taken<K, V>) {
        // A value that arrived meanwhile is newer: it stays.
        if self.shown.is_none() {
            self.shown = Some((taken.key, taken.value));
        }
    }

    /// Drops the value kept if `unrelated` says it no longer may stand in for a newer one
    /// (made for another document).
    pub fn forget_if(&mut self, unrelated: impl Fn(&K) -> bool) {
        if self.shown.as_ref().is_some_and(|(key, _)| unrelated(key)) {
            self.shown = None;
        }
    }

    /// Whether a value is being made on a worker.
    pub fn is_pending(&self) -> bool {
        self.pending.is_some()
    }

    /// Waits for the value being made (tests and benchmarks).
    pub fn wait(&mut self) {
        if let Some((key, receiver, lost)) = self.pending.take() {
            self.shown = Some((key, receiver.recv().unwrap_or(lost)));
        }
    }

    fn poll(&mut self) {
        let Some((_, receiver, _)) = &self.pending else {
            return;
        };
        let arrived = match receiver.try_recv() {
            Ok(value) => Some(value),
            Err(TryRecvError::Empty) => return,
            Err(TryRecvError::Disconnected) => None,
        };
        if let Some((key, _, lost)) = self.pending.take() {
            self.shown = Some((key, arrived.unwrap_or(lost)));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_last_value_is_shown_until_the_new_one_arrives() {
        let mut background: Background<u32, Result<u32, String>> = Background::default();
        let taken = background.take(&1, || Start::Made(Ok(10))).unwrap();
        assert!(taken.fresh);
        assert_eq!(taken.value, Ok(10));
        background.keep(taken);
        let (go, wait) = channel::<()>();
        let taken = background
            .take(&2, move || Start::OnWorker {
                make: Box::new(move || {
                    wait.recv().ok();
                    Ok(20)
                }),
                lost: Err("lost".into()),
            })
            .unwrap();
        assert!(!taken.fresh);
        assert_eq!((taken.key, &taken.value), (1, &Ok(10)));
        background.keep(taken);
        assert!(background.is_pending());
        // Asked again for the same key: not started twice.
        let taken = background.take(&2, || panic!("started again")).unwrap();
        background.keep(taken);
        go.send(()).unwrap();
        background.wait();
        let taken = background.take(&2, || panic!("made again")).unwrap();
        assert!(taken.fresh);
        assert_eq!(taken.value, Ok(20));
    }

    #[test]
    fn a_value_made_for_another_document_is_forgotten() {
        let mut background: Background<(u32, u32), u32> = Background::default();
        let taken = background.take(&(1, 1), || Start::Made(11)).unwrap();
        background.keep(taken);
        background.forget_if(|(document, _)| *document != 1);
        let stale = background.take(&(1, 2), || Start::Later).unwrap();
        assert!(!stale.fresh);
        background.keep(stale);
        background.forget_if(|(document, _)| *document != 2);
        assert!(background.take(&(2, 1), || Start::Later).is_none());
    }

    #[test]
    fn nothing_clears_and_a_lost_worker_says_so() {
        let mut background: Background<u32, Result<u32, String>> = Background::default();
        let taken = background.take(&1, || Start::Made(Ok(1))).unwrap();
        background.keep(taken);
        assert!(background.take(&2, || Start::Nothing).is_none());
        let taken = background.take(&3, || Start::OnWorker {
            make: Box::new(|| panic!("the worker stops")),
            lost: Err("lost".into()),
        });
        assert!(taken.is_none());
        background.wait();
        let taken = background.take(&3, || panic!("made again")).unwrap();
        assert_eq!(taken.value, Err("lost".into()));
    }
}
