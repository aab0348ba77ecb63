//! One keyed memo for the views that derive something costly from the plan (the dashboard's
//! breakdown, the explanation of a position, the roster rows, the comparisons): the value is
//! kept with the key it was made from and made again when asked for with another key.
//!
//! A key names everything the value depends on. [`AppState::view_key`] gives the document's
//! part of it (which document, which revision, which language), so replacing the document or
//! editing it needs no reset by hand: the old key simply no longer matches.
//!
//! [`AppState::view_key`]: super::state::AppState::view_key

/// The document's part of a view's key: the document's generation (bumped when another
/// document is opened), its revision (bumped by each edit, undo or redo), and the interface
/// language (messages in the value are in it).
pub type ViewKey = (u64, u64, crate::language::Language);

/// A value made from a key, kept until it is asked for with another key.
#[derive(Debug, Clone)]
pub struct Memo<K, V> {
    entry: Option<(K, V)>,
}

impl<K, V> Default for Memo<K, V> {
    fn default() -> Self {
        Memo { entry: None }
    }
}

impl<K: PartialEq, V> Memo<K, V> {
    /// The value for `key`, made by `make` unless the kept one was made from the same key.
    pub fn get_or_make(&mut self, key: K, make: impl FnOnce() -> V) -> &V {
        let fresh = matches!(&self.entry, Some((kept, _)) if *kept == key);
        if !fresh {
            self.entry = None;
        }
        let (_, value) = self.entry.get_or_insert_with(|| {
            let value = make();
            (key, value)
        });
        value
    }

    /// As [`Memo::get_or_make`], when making the value can find that it cannot be made yet
    /// (no results): nothing is kept then.
    pub fn get_or_try_make(&mut self, key: K, make: impl FnOnce() -> Option<V>) -> Option<&V> {
        let fresh = matches!(&self.entry, Some((kept, _)) if *kept == key);
        if !fresh {
            self.entry = make().map(|value| (key, value));
        }
        self.entry.as_ref().map(|(_, value)| value)
    }

    /// The value kept for `key`, if it was made from that key.
    pub fn get(&self, key: &K) -> Option<&V> {
        match &self.entry {
            Some((kept, value)) if kept == key => Some(value),
            _ => None,
        }
    }

    /// Moves the value out for `key` (when it was made from that key), to be put back with
    /// [`Memo::keep`] once used.
    pub fn take(&mut self, key: &K) -> Option<V> {
        match self.entry.take() {
            Some((kept, value)) if kept == *key => Some(value),
            _ => None,
        }
    }

    /// Keeps `value` as made from `key`.
    pub fn keep(&mut self, key: K, value: V) {
        self.entry = Some((key, value));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_value_is_made_again_only_for_another_key() {
        let mut memo: Memo<(u64, String), usize> = Memo::default();
        let mut made = 0;
        let mut make = |n: usize| {
            made += 1;
            n
        };
        assert_eq!(*memo.get_or_make((1, "a".into()), || make(10)), 10);
        assert_eq!(*memo.get_or_make((1, "a".into()), || make(20)), 10);
        assert_eq!(*memo.get_or_make((2, "a".into()), || make(30)), 30);
        assert_eq!(memo.get(&(2, "a".into())), Some(&30));
        assert_eq!(memo.get(&(1, "a".into())), None);
        assert_eq!(memo.get_or_try_make((3, "b".into()), || None), None);
        assert_eq!(memo.get(&(2, "a".into())), None, "the old value is gone");
        assert_eq!(memo.take(&(4, "c".into())), None);
        memo.keep((4, "c".into()), 40);
        assert_eq!(memo.take(&(4, "c".into())), Some(40));
        assert_eq!(made, 2);
    }
}
