//! The arc-hybrid transition system (Kuhlmann, Gómez-Rodríguez and Satta
//! 2011) and its dynamic oracle (Goldberg and Nivre 2013). Words are numbered
//! from 1; node 0 is the root, at the bottom of the stack. SHIFT moves the
//! buffer's first word onto the stack; LEFT makes it the head of the stack's
//! top and pops that; RIGHT makes the word under the top its head and pops.
//! The root takes its one dependent last, so every parse is one tree.

/// A transition.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Move {
    Shift = 0,
    Left = 1,
    Right = 2,
}

impl Move {
    pub(super) const ALL: [Move; 3] = [Move::Shift, Move::Left, Move::Right];
}

/// Marks a node without a head yet.
pub(super) const NO_HEAD: u32 = u32::MAX;

/// What the features read of a node: its head, the relation, and the
/// children found so far (two at each end, how many, which relations).
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct Node {
    pub head: u32,
    pub label: u8,
    /// The leftmost child and the one after it (0: none).
    pub left: [u32; 2],
    /// The rightmost child and the one before it (0: none).
    pub right: [u32; 2],
    pub left_count: u8,
    pub right_count: u8,
    /// The relations of its children, one bit each.
    pub left_labels: u64,
    pub right_labels: u64,
}

/// A configuration: the stack, the buffer (the words from `next` on) and the arcs so far.
#[derive(Debug, Default)]
pub(super) struct State {
    pub stack: Vec<u32>,
    pub next: u32,
    /// Node 0 is the root; word `i` is node `i`.
    pub nodes: Vec<Node>,
}

impl State {
    /// The start of parsing `words` words, reusing the vectors.
    pub(super) fn reset(&mut self, words: usize) {
        self.stack.clear();
        self.stack.push(0);
        self.next = 1;
        self.nodes.clear();
        self.nodes.resize(words + 1, Node { head: NO_HEAD, ..Node::default() });
    }

    /// Words in the sentence.
    pub(super) fn words(&self) -> u32 {
        self.nodes.len() as u32 - 1
    }

    pub(super) fn buffer_is_empty(&self) -> bool {
        self.next > self.words()
    }

    pub(super) fn is_final(&self) -> bool {
        self.buffer_is_empty() && self.stack.len() == 1
    }

    /// The `i`-th node from the top of the stack (0: the top), if any; the root counts.
    pub(super) fn stack_at(&self, i: usize) -> Option<u32> {
        self.stack.len().checked_sub(i + 1).map(|at| self.stack[at])
    }

    /// The `i`-th word of the buffer, if any.
    pub(super) fn buffer_at(&self, i: u32) -> Option<u32> {
        let word = self.next + i;
        (word <= self.words()).then_some(word)
    }

    pub(super) fn is_legal(&self, m: Move) -> bool {
        let depth = self.stack.len();
        match m {
            Move::Shift => !self.buffer_is_empty(),
            Move::Left => depth >= 2 && !self.buffer_is_empty(),
            // The root takes its dependent only when nothing else is left.
            Move::Right => depth >= 3 || (depth == 2 && self.buffer_is_empty()),
        }
    }

    /// The head and dependent a move would join.
    pub(super) fn arc(&self, m: Move) -> Option<(u32, u32)> {
        let top = *self.stack.last()?;
        match m {
            Move::Shift => None,
            Move::Left => Some((self.next, top)),
            Move::Right => self.stack_at(1).map(|below| (below, top)),
        }
    }

    /// Applies a legal move; `label` is the relation of the arc it makes.
    pub(super) fn apply(&mut self, m: Move, label: u8) {
        match self.arc(m) {
            None => {
                self.stack.push(self.next);
                self.next += 1;
            }
            Some((head, dependent)) => {
                self.stack.pop();
                self.attach(head, dependent, label);
            }
        }
    }

    fn attach(&mut self, head: u32, dependent: u32, label: u8) {
        let child = &mut self.nodes[dependent as usize];
        child.head = head;
        child.label = label;
        let bit = 1u64 << (label & 63);
        let node = &mut self.nodes[head as usize];
        if dependent < head {
            node.left_count = node.left_count.saturating_add(1);
            node.left_labels |= bit;
            node.left = closer(node.left, dependent, |a, b| a < b);
        } else {
            node.right_count = node.right_count.saturating_add(1);
            node.right_labels |= bit;
            node.right = closer(node.right, dependent, |a, b| a > b);
        }
    }

    /// What `m` costs: how many gold arcs (of `gold`, the head of each word
    /// by number, `gold[0]` unused) it makes unreachable.
    pub(super) fn cost(&self, m: Move, gold: &[u32]) -> usize {
        let in_buffer = |w: u32| w >= self.next;
        let dependents_in_buffer = |h: u32| (self.next..=self.words()).filter(|&d| gold[d as usize] == h).count();
        let top = self.stack.last().copied().unwrap_or(0);
        let below = self.stack_at(1);
        match m {
            Move::Shift => {
                let b = self.next;
                let head_below_top = self.stack[..self.stack.len() - 1].contains(&gold[b as usize]);
                usize::from(head_below_top) + self.stack.iter().filter(|&&s| s != 0 && gold[s as usize] == b).count()
            }
            Move::Left => {
                let head = gold[top as usize];
                let lost = head != self.next && (Some(head) == below || (in_buffer(head) && head > self.next));
                usize::from(lost) + dependents_in_buffer(top)
            }
            Move::Right => usize::from(in_buffer(gold[top as usize])) + dependents_in_buffer(top),
        }
    }
}

/// `pair` (the child nearest the end and the one after it) with `child` in its place.
fn closer(pair: [u32; 2], child: u32, nearer: impl Fn(u32, u32) -> bool) -> [u32; 2] {
    if pair[0] == 0 || nearer(child, pair[0]) {
        [child, pair[0]]
    } else if pair[1] == 0 || nearer(child, pair[1]) {
        [pair[0], child]
    } else {
        pair
    }
}

/// Whether the tree of `heads` (by word number, 0 the root, `heads[0]`
/// unused) is projective: every word between a head and its dependent
/// descends from the head (the test of the oracle's trees).
#[cfg(test)]
fn is_projective(heads: &[u32]) -> bool {
    let n = heads.len() as u32 - 1;
    let descends = |mut w: u32, from: u32| {
        for _ in 0..=n {
            if w == from {
                return true;
            }
            if w == 0 {
                return false;
            }
            w = heads[w as usize];
        }
        false
    };
    (1..=n).all(|d| {
        let h = heads[d as usize];
        let (lo, hi) = if h < d { (h, d) } else { (d, h) };
        (lo + 1..hi).all(|k| descends(k, h))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Parses by always taking the first zero-cost move.
    fn oracle_parse(gold: &[u32]) -> Vec<u32> {
        let mut state = State::default();
        state.reset(gold.len() - 1);
        while !state.is_final() {
            let m = Move::ALL.into_iter().find(|&m| state.is_legal(m) && state.cost(m, gold) == 0);
            state.apply(m.expect("a projective tree always has a zero-cost move"), 0);
        }
        state.nodes.iter().map(|n| n.head).collect()
    }

    #[test]
    fn the_oracle_reproduces_projective_trees() {
        // "Ann , who left , met Bo and Cy today": heads by word number.
        let trees: [&[u32]; 4] =
            [&[0, 6, 1, 4, 1, 1, 0, 6, 9, 7, 6], &[0, 0], &[0, 2, 0, 2, 3], &[0, 3, 3, 0, 5, 3, 3]];
        for gold in trees {
            assert!(is_projective(gold));
            let mut parsed = oracle_parse(gold);
            parsed[0] = gold[0];
            assert_eq!(parsed, gold);
        }
    }

    #[test]
    fn crossing_arcs_are_not_projective() {
        assert!(!is_projective(&[0, 3, 0, 2, 1]), "1 <- 3 crosses 2 -> 4");
    }

    #[test]
    fn the_root_takes_one_dependent_at_the_end() {
        let mut state = State::default();
        state.reset(2);
        state.apply(Move::Shift, 0);
        assert!(!state.is_legal(Move::Right), "word 1 may not hang from the root while word 2 waits");
        state.apply(Move::Shift, 0);
        assert!(state.is_legal(Move::Right));
        state.apply(Move::Right, 3);
        state.apply(Move::Right, 4);
        assert!(state.is_final());
        assert_eq!((state.nodes[1].head, state.nodes[2].head), (0, 1));
        assert_eq!(state.nodes[1].right, [2, 0]);
    }
}
