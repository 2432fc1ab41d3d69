//! The weight table the three learned models read (the name tagger, the pair
//! classifier, the parser): a flat open-addressed hash table built once at
//! load (power-of-two slots of key and row number, linear probing, at most
//! a quarter full) over the rows kept densely in key order. Probing it costs a
//! fraction of the std `HashMap` that training keeps (`perceptron::Weights`):
//! no control bytes, no SIMD group scan.

use crate::extract::perceptron::Weights;

/// Marks an empty slot.
const EMPTY: u32 = u32::MAX;

#[derive(Clone, Copy)]
struct Slot {
    key: u32,
    row: u32,
}

/// Weight rows of `N` classes by feature hash, read-only once built.
#[derive(Clone)]
pub(crate) struct Table<const N: usize> {
    slots: Vec<Slot>,
    keys: Vec<u32>,
    rows: Vec<[f32; N]>,
    shift: u32,
}

impl<const N: usize> Default for Table<N> {
    fn default() -> Self {
        Table::from_rows(Vec::new(), Vec::new())
    }
}

impl<const N: usize> Table<N> {
    /// The table of `keys[i]` → `rows[i]`; a repeated key keeps its last row.
    pub(crate) fn from_rows(keys: Vec<u32>, rows: Vec<[f32; N]>) -> Self {
        debug_assert_eq!(keys.len(), rows.len());
        // At most a quarter full: most features probed are absent, and an
        // absent key's probe runs to the first empty slot. Half full, the
        // probe loop's mispredictions cost more time than the instructions
        // it saved (pair table on 3 MB of news: 1.21 M -> 0.88 M mispredicted
        // branches; farm-bench 0.985x CPU; same peak memory).
        let capacity = (4 * keys.len()).next_power_of_two().max(2);
        let mut table = Table {
            slots: vec![Slot { key: 0, row: EMPTY }; capacity],
            keys,
            rows,
            shift: 32 - capacity.trailing_zeros(),
        };
        let mask = capacity - 1;
        for (row, &key) in table.keys.iter().enumerate() {
            let mut i = table.start(key);
            while table.slots[i].row != EMPTY && table.slots[i].key != key {
                i = (i + 1) & mask;
            }
            table.slots[i] = Slot { key, row: row as u32 };
        }
        table
    }

    /// The first slot to probe: Fibonacci hashing, so keys whose low bits agree spread.
    #[inline]
    fn start(&self, key: u32) -> usize {
        (key.wrapping_mul(0x9e37_79b9) >> self.shift) as usize
    }

    /// The row of `key`, if it has one.
    #[inline]
    pub(crate) fn get(&self, key: u32) -> Option<&[f32; N]> {
        let mask = self.slots.len() - 1;
        let mut i = self.start(key);
        loop {
            let slot = self.slots[i & mask];
            if slot.row == EMPTY {
                return None;
            }
            if slot.key == key {
                return Some(&self.rows[slot.row as usize]);
            }
            i = (i + 1) & mask;
        }
    }

    /// Rows (a repeated key counts each time).
    pub(crate) fn len(&self) -> usize {
        self.keys.len()
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.keys.is_empty()
    }

    /// Every key and its row (a repeated key's last row).
    pub(crate) fn iter(&self) -> impl Iterator<Item = (u32, &[f32; N])> {
        self.keys.iter().enumerate().filter_map(|(i, &key)| {
            let row = self.get(key)?;
            std::ptr::eq(row, &self.rows[i]).then_some((key, row))
        })
    }
}

impl<const N: usize> From<Weights<[f32; N]>> for Table<N> {
    fn from(weights: Weights<[f32; N]>) -> Self {
        let mut pairs: Vec<(u32, [f32; N])> = weights.into_iter().collect();
        pairs.sort_unstable_by_key(|p| p.0);
        let (keys, rows) = pairs.into_iter().unzip();
        Table::from_rows(keys, rows)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A deterministic stream of pseudo-random numbers (xorshift).
    fn numbers(mut seed: u32) -> impl FnMut() -> u32 {
        move || {
            seed ^= seed << 13;
            seed ^= seed >> 17;
            seed ^= seed << 5;
            seed
        }
    }

    #[test]
    fn the_table_scores_as_the_hash_map_does() {
        for (size, seed) in [(0usize, 1u32), (1, 2), (7, 3), (1000, 4), (50_000, 5)] {
            let mut next = numbers(seed);
            let mut map = Weights::<[f32; 3]>::default();
            for _ in 0..size {
                // Keys from a small range too, so that neighbours crowd.
                let key = if next().is_multiple_of(2) { next() } else { next() % 4096 };
                map.insert(key, [next() as f32, -(next() as f32), 0.5]);
            }
            let table = Table::from(map.clone());
            assert_eq!(table.len(), map.len());
            for _ in 0..20_000 {
                let key = if next().is_multiple_of(2) { next() } else { next() % 8192 };
                assert_eq!(table.get(key), map.get(&key), "key {key}");
            }
            for key in map.keys() {
                assert_eq!(table.get(*key), map.get(key));
            }
            assert_eq!(table.iter().count(), map.len());
        }
    }

    #[test]
    fn a_repeated_key_keeps_its_last_row() {
        let table = Table::from_rows(vec![5, 9, 5], vec![[1.0], [2.0], [3.0]]);
        assert_eq!(table.get(5), Some(&[3.0]));
        assert_eq!(table.get(9), Some(&[2.0]));
        assert_eq!(table.get(6), None);
        assert_eq!(table.iter().collect::<Vec<_>>(), [(9, &[2.0]), (5, &[3.0])]);
    }
}
