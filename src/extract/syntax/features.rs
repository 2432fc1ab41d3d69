//! The features of the three classifiers, hashed from a template number
//! (FNV-1a) and the hashes or small numbers they combine: the tagger's (a word,
//! its affixes, shape and neighbours, the two tags before it), the parser's
//! moves' (the classic set of Zhang and Nivre 2011: stack and buffer words and
//! tags, the outer children and their relations, distance, valency) and the
//! relation of an arc (its two ends, direction, their children so far).

use super::transition::{Move, State};
use super::words::{BASIS, EDGE, NONE, WordInfo};
use crate::extract::perceptron::fnv;

/// One multiply per value (FxHash's step) rather than FNV's one per byte:
/// hashing was a third of parsing's instructions.
fn mix(hash: u32, value: u32) -> u32 {
    (hash.rotate_left(5) ^ value).wrapping_mul(0x9e37_79b9)
}

fn f1(template: u8, a: u32) -> u32 {
    mix(fnv(BASIS, &[template]), a)
}

fn f2(template: u8, a: u32, b: u32) -> u32 {
    mix(f1(template, a), b)
}

fn f3(template: u8, a: u32, b: u32, c: u32) -> u32 {
    mix(f2(template, a, b), c)
}

fn f4(template: u8, a: u32, b: u32, c: u32, d: u32) -> u32 {
    mix(f3(template, a, b, c), d)
}

/// The tagger's features of word `i`, whose two predicted predecessors'
/// tags are `previous` and `second` (tag + 1; 0 before the sentence).
pub(super) fn tagger_features(words: &[WordInfo], i: usize, previous: u32, second: u32, out: &mut Vec<u32>) {
    let at = |offset: isize| i.checked_add_signed(offset).and_then(|j| words.get(j)).unwrap_or(&EDGE);
    let (w, before, after) = (at(0), at(-1), at(1));
    out.clear();
    out.extend([
        f1(0, 0),
        f1(1, w.lower),
        f1(2, w.form),
        f1(3, w.shape),
        f1(4, w.suffix[0]),
        f1(5, w.suffix[1]),
        f1(6, w.suffix[2]),
        f1(7, w.suffix[3]),
        f1(8, w.prefix[0]),
        f1(9, w.prefix[2]),
        f1(10, previous),
        f2(11, second, previous),
        f2(12, previous, w.lower),
        f1(13, before.lower),
        f1(14, before.suffix[2]),
        f1(15, at(-2).lower),
        f1(16, after.lower),
        f1(17, after.suffix[2]),
        f1(18, at(2).lower),
        f2(19, before.lower, w.lower),
        f2(20, w.lower, after.lower),
        f2(21, previous, after.lower),
        f2(22, u32::from(i == 0), w.shape),
        f2(23, before.shape, after.shape),
    ]);
}

/// A node as the parser's features read it: its word (lower case) and tag.
#[derive(Clone, Copy)]
struct Slot {
    word: u32,
    tag: u32,
}

const ROOT_WORD: u32 = 3;

/// What the features read of a sentence being parsed: the words and the predicted tags.
pub(super) struct Sentence<'a> {
    pub words: &'a [WordInfo],
    pub tags: &'a [u8],
}

impl Sentence<'_> {
    /// Whether a comma or other punctuation lies between two nodes (1), a verb (2), both (3).
    fn punctuation_between(&self, a: Option<u32>, b: Option<u32>) -> u32 {
        let (Some(a), Some(b)) = (a, b) else { return 4 };
        let (punct, verb) = (super::labels::Upos::Punct as u8, super::labels::Upos::Verb as u8);
        let mut found = 0;
        for &tag in self.tags.get(a as usize..(b as usize).saturating_sub(1)).unwrap_or_default() {
            found |= u32::from(tag == punct) | (u32::from(tag == verb) << 1);
        }
        found
    }

    fn slot(&self, node: Option<u32>) -> Slot {
        match node {
            None => Slot { word: NONE, tag: 0 },
            Some(0) => Slot { word: ROOT_WORD, tag: 1 },
            Some(n) => {
                let i = n as usize - 1;
                Slot { word: self.words[i].lower, tag: u32::from(self.tags[i]) + 2 }
            }
        }
    }
}

/// A child of `node` (`pick` chooses which), if any.
fn child(state: &State, node: Option<u32>, pick: impl Fn(&super::transition::Node) -> u32) -> Option<u32> {
    let child = pick(&state.nodes[node? as usize]);
    (child != 0).then_some(child)
}

/// The relation of a node's arc + 1 (0: no node).
fn label(state: &State, node: Option<u32>) -> u32 {
    node.map_or(0, |n| u32::from(state.nodes[n as usize].label) + 1)
}

/// Distances 1 to 4, then 5 to 7, then more.
fn distance(from: Option<u32>, to: Option<u32>) -> u32 {
    match (from, to) {
        (Some(0), _) => 9,
        (Some(a), Some(b)) => match b.abs_diff(a) {
            d @ 0..=4 => d,
            5..=7 => 5,
            _ => 6,
        },
        _ => 0,
    }
}

/// The move classifier's features of `state`: the words and tags of the
/// stack's top three and the buffer's first three, then `child_features`.
pub(super) fn move_features(state: &State, sentence: &Sentence<'_>, out: &mut Vec<u32>) {
    let (s0n, s1n, s2n) = (state.stack_at(0), state.stack_at(1), state.stack_at(2));
    let (b0n, b1n, b2n) = (state.buffer_at(0), state.buffer_at(1), state.buffer_at(2));
    let (s0, s1, s2) = (sentence.slot(s0n), sentence.slot(s1n), sentence.slot(s2n));
    let (b0, b1, b2) = (sentence.slot(b0n), sentence.slot(b1n), sentence.slot(b2n));
    out.clear();
    out.extend([
        f1(30, s0.word),
        f1(31, s0.tag),
        f2(32, s0.word, s0.tag),
        f1(33, s1.word),
        f1(34, s1.tag),
        f2(35, s1.word, s1.tag),
        f1(36, b0.word),
        f1(37, b0.tag),
        f2(38, b0.word, b0.tag),
        f1(39, b1.word),
        f1(40, b1.tag),
        f2(41, b1.word, b1.tag),
        f1(42, b2.word),
        f1(43, b2.tag),
        f1(44, s2.tag),
        f4(45, s0.word, s0.tag, b0.word, b0.tag),
        f3(46, s0.word, s0.tag, b0.word),
        f3(47, s0.word, b0.word, b0.tag),
        f3(48, s0.word, s0.tag, b0.tag),
        f3(49, s0.tag, b0.word, b0.tag),
        f2(50, s0.word, b0.word),
        f2(51, s0.tag, b0.tag),
        f2(52, b0.tag, b1.tag),
        f2(53, s1.word, s0.word),
        f2(54, s1.tag, s0.tag),
        f2(55, s1.tag, s0.word),
        f2(56, s1.word, s0.tag),
        f3(57, s1.word, s1.tag, s0.tag),
        f3(58, s1.tag, s0.word, s0.tag),
        f3(59, b0.tag, b1.tag, b2.tag),
        f3(60, s0.tag, b0.tag, b1.tag),
        f3(61, s1.tag, s0.tag, b0.tag),
        f3(62, s2.tag, s1.tag, s0.tag),
    ]);
    child_features(state, sentence, out);
}

/// The move features that read the arcs made so far: the outer children of
/// the top two and of the buffer's first, their relations, distance, valency.
fn child_features(state: &State, sentence: &Sentence<'_>, out: &mut Vec<u32>) {
    let (s0n, s1n, s2n) = (state.stack_at(0), state.stack_at(1), state.stack_at(2));
    let (b0n, b1n, b2n) = (state.buffer_at(0), state.buffer_at(1), state.buffer_at(2));
    let (s0, s1, s2) = (sentence.slot(s0n), sentence.slot(s1n), sentence.slot(s2n));
    let (b0, b1, b2) = (sentence.slot(b0n), sentence.slot(b1n), sentence.slot(b2n));
    let (s0ln, s0rn) = (child(state, s0n, |n| n.left[0]), child(state, s0n, |n| n.right[0]));
    let (s0l2n, s0r2n) = (child(state, s0n, |n| n.left[1]), child(state, s0n, |n| n.right[1]));
    let (s1ln, s1rn) = (child(state, s1n, |n| n.left[0]), child(state, s1n, |n| n.right[0]));
    let (b0ln, b0l2n) = (child(state, b0n, |n| n.left[0]), child(state, b0n, |n| n.left[1]));
    let (s0l, s0r, s1l, s1r, b0l) =
        (sentence.slot(s0ln), sentence.slot(s0rn), sentence.slot(s1ln), sentence.slot(s1rn), sentence.slot(b0ln));
    let (s0l2, s0r2, b0l2) = (sentence.slot(s0l2n), sentence.slot(s0r2n), sentence.slot(b0l2n));
    let node = |n: Option<u32>| n.map(|n| state.nodes[n as usize]).unwrap_or_default();
    let (s0node, s1node, b0node) = (node(s0n), node(s1n), node(b0n));
    let d = distance(s0n, b0n);
    let d1 = distance(s1n, s0n);
    let (s0ll, s0rl, b0ll) = (label(state, s0ln), label(state, s0rn), label(state, b0ln));
    let (s0vl, s0vr, b0vl) =
        (u32::from(s0node.left_count), u32::from(s0node.right_count), u32::from(b0node.left_count));
    out.extend([
        f3(63, s0.tag, s0l.tag, b0.tag),
        f3(64, s0.tag, s0r.tag, b0.tag),
        f3(65, s0.tag, b0.tag, b0l.tag),
        f3(66, s1.tag, s0.tag, s0l.tag),
        f3(67, s1.tag, s0.tag, s0r.tag),
        f3(68, s1.tag, s1r.tag, s0.tag),
        f3(69, s1.tag, s1l.tag, s0.tag),
        f2(70, s0.word, d),
        f2(71, s0.tag, d),
        f2(72, b0.word, d),
        f2(73, b0.tag, d),
        f3(74, s0.word, b0.word, d),
        f3(75, s0.tag, b0.tag, d),
        f3(76, s1.tag, s0.tag, d1),
        f2(77, s0.word, s0vr),
        f2(78, s0.tag, s0vr),
        f2(79, s0.word, s0vl),
        f2(80, s0.tag, s0vl),
        f2(81, b0.word, b0vl),
        f2(82, b0.tag, b0vl),
        f2(83, s0.word, s0ll),
        f2(84, s0.tag, s0ll),
        f2(85, s0.word, s0rl),
        f2(86, s0.tag, s0rl),
        f2(87, b0.word, b0ll),
        f2(88, b0.tag, b0ll),
        f3(89, s0.tag, s0ll, label(state, s0l2n)),
        f3(90, s0.tag, s0rl, label(state, s0r2n)),
        f3(91, b0.tag, b0ll, label(state, b0l2n)),
        f2(92, s1.tag, label(state, s1rn)),
        f3(93, s0.word, s0node.right_labels as u32, (s0node.right_labels >> 32) as u32),
        f3(94, s0.tag, s0node.left_labels as u32, (s0node.left_labels >> 32) as u32),
        f3(95, b0.tag, b0node.left_labels as u32, (b0node.left_labels >> 32) as u32),
        f3(96, s1.tag, s1node.right_labels as u32, (s1node.right_labels >> 32) as u32),
        f1(97, s0l.word),
        f1(98, s0r.word),
        f1(99, b0l.word),
        f3(100, s0.tag, s1.tag, b0.word),
        f2(101, s1.word, b0.word),
        f2(102, s1.tag, b0.tag),
        f3(103, s1.tag, s0.tag, b0.word),
        f2(104, s0l.tag, s0ll),
        f2(105, s0r.tag, s0rl),
        f2(106, b0l.tag, b0ll),
        f3(107, s0.tag, b0.word, b1.tag),
        f3(108, s0.word, b0.tag, b1.tag),
        f1(109, s2.word),
        f2(110, s0l2.word, s0l2.tag),
        f2(111, s0r2.word, s0r2.tag),
        f2(112, b0l2.word, b0l2.tag),
        f3(113, s0.tag, s0l.tag, s0l2.tag),
        f3(114, s0.tag, s0r.tag, s0r2.tag),
        f3(115, b0.tag, b0l.tag, b0l2.tag),
        f2(116, b2.word, b2.tag),
        f2(117, s1r.word, s1r.tag),
        f2(118, s1l.word, s1l.tag),
        f3(119, s0.tag, b0.tag, sentence.punctuation_between(s0n, b0n)),
        f3(120, s1.tag, s0.tag, sentence.punctuation_between(s1n, s0n)),
    ]);
}

/// The relation classifier's features of the arc `m` would make in `state`.
pub(super) fn label_features(state: &State, m: Move, sentence: &Sentence<'_>, out: &mut Vec<u32>) {
    out.clear();
    let Some((head, dependent)) = state.arc(m) else { return };
    let dir = m as u32;
    let (h, d) = (sentence.slot(Some(head)), sentence.slot(Some(dependent)));
    let (hn, dn) = (state.nodes[head as usize], state.nodes[dependent as usize]);
    let some = |n: u32| (n != 0).then_some(n);
    let (dl, dr, hl) = (some(dn.left[0]), some(dn.right[0]), some(hn.left[0]));
    let (before, after) = (sentence.slot(dependent.checked_sub(1)), sentence.slot(state.buffer_at(0)));
    let after = if m == Move::Left { sentence.slot(state.buffer_at(1)) } else { after };
    let before = if dependent == 1 { Slot { word: NONE, tag: 0 } } else { before };
    let dist = distance(Some(dependent), Some(head));
    out.extend([
        f2(140, dir, d.tag),
        f2(141, dir, d.word),
        f2(142, dir, h.tag),
        f2(143, dir, h.word),
        f3(144, dir, d.tag, h.tag),
        f3(145, dir, d.word, h.tag),
        f3(146, dir, d.tag, h.word),
        f3(147, dir, d.word, h.word),
        f4(148, dir, d.tag, h.tag, dist),
        f3(149, dir, d.tag, label(state, dl)),
        f3(150, dir, d.tag, label(state, dr)),
        f3(151, dir, d.tag, sentence.slot(dl).word),
        f3(152, dir, h.tag, label(state, hl)),
        f4(153, dir, d.tag, hn.left_labels as u32, (hn.left_labels >> 32) as u32),
        f3(154, dir, d.tag, after.tag),
        f3(155, dir, d.tag, before.tag),
        f4(156, dir, d.tag, dn.left_labels as u32, (dn.left_labels >> 32) as u32),
        f4(157, dir, d.tag, dn.right_labels as u32, (dn.right_labels >> 32) as u32),
        f3(158, dir, d.word, sentence.slot(dl).word),
        f4(159, dir, h.tag, h.word, d.tag),
        f3(160, dir, d.tag, sentence.slot(state.stack_at(1)).tag),
        f3(161, dir, h.tag, sentence.slot(hl).word),
        f4(162, dir, d.tag, h.tag, sentence.slot(dl).word),
        f3(163, dir, d.tag, u32::from(dn.left_count) * 8 + u32::from(dn.right_count)),
        f4(164, dir, d.tag, h.tag, after.word),
    ]);
}
