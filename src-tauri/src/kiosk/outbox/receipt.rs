//! Receipt numbers: what the signer is shown, and how a submission is known for ever after.

use rand::Rng;

/// No 0/O, 1/I/L or U/V pairs: a receipt read aloud or copied from a screen comes back right.
const ALPHABET: &[u8] = b"23456789ABCDEFGHJKMNPQRSTWXYZ";
const LENGTH: usize = 8;

/// Eight characters in two groups of four, e.g. `K7QM-4TXD`. 29^8 is about 5 * 10^11, so two
/// submissions sharing a receipt is a one-in-ten-thousand event after 10,000 of them; if it ever
/// happens the ingest keeps the second file and reports it as a duplicate rather than lose it.
pub fn generate() -> String {
    let mut rng = rand::rngs::OsRng;
    let chars: Vec<char> = (0..LENGTH).map(|_| char::from(ALPHABET[rng.gen_range(0..ALPHABET.len())])).collect();
    let (first, second) = chars.split_at(LENGTH / 2);
    format!("{}-{}", first.iter().collect::<String>(), second.iter().collect::<String>())
}

/// Whether `text` has the shape `generate` makes.
pub fn is_well_formed(text: &str) -> bool {
    let bytes = text.as_bytes();
    bytes.len() == LENGTH + 1
        && bytes[LENGTH / 2] == b'-'
        && bytes.iter().enumerate().all(|(i, b)| i == LENGTH / 2 || ALPHABET.contains(b))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn receipts_are_grouped_unambiguous_and_vary() {
        let receipts: Vec<String> = (0..200).map(|_| generate()).collect();
        for r in &receipts {
            assert!(is_well_formed(r), "{r}");
            assert!(!r.contains(['0', 'O', '1', 'I', 'L', 'U', 'V']), "{r}");
        }
        let distinct: std::collections::BTreeSet<_> = receipts.iter().collect();
        assert_eq!(distinct.len(), receipts.len());
        assert!(!is_well_formed("K7QM4TXD") && !is_well_formed("K7QM-4TX0") && is_well_formed("K7QM-4TXD"));
    }
}
