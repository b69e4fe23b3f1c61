//! How strong a passphrase is, and the minimum Safekeeper accepts for an admin.
//! Owns the rule; the UI only displays what this says, and `session` refuses weak ones itself.

use serde::Serialize;
use ts_rs::TS;

/// zxcvbn score 3 means roughly 10^10 guesses: four random common words pass, a name plus a year
/// does not.
pub const MIN_SCORE: u8 = 3;
/// The fewest characters an admin passphrase may have, whatever its score.
pub const MIN_LENGTH: usize = 10;

/// How strong a passphrase is, as the passphrase fields show it while the admin types.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PassphraseStrength {
    /// zxcvbn's score: 0 (very weak) to 4 (very strong).
    pub score: u8,
    /// True when Safekeeper accepts it for an admin: a score of at least `MIN_SCORE` and at least
    /// `MIN_LENGTH` characters.
    pub acceptable: bool,
    /// zxcvbn's warning about the passphrase (in English), such as that it is a common word;
    /// `None` when there is nothing to warn about.
    pub warning: Option<String>,
    /// Hints for a stronger passphrase, the length rule first when it is too short.
    pub suggestions: Vec<String>,
}

/// Rates a passphrase. `user_inputs` are words the attacker would try first (the organisation's
/// and the admin's names); they are used in memory only.
pub fn strength(passphrase: &str, user_inputs: &[&str]) -> PassphraseStrength {
    if passphrase.is_empty() {
        return PassphraseStrength { score: 0, acceptable: false, warning: None, suggestions: vec![] };
    }
    // zxcvbn splits inputs on nothing, so give it each word of a name as well.
    let words: Vec<String> = user_inputs
        .iter()
        .flat_map(|s| s.split_whitespace().map(str::to_lowercase).chain(std::iter::once(s.to_lowercase())))
        .collect();
    let refs: Vec<&str> = words.iter().map(String::as_str).collect();
    let entropy = zxcvbn::zxcvbn(passphrase, &refs);
    let score = u8::from(entropy.score());
    let long_enough = passphrase.chars().count() >= MIN_LENGTH;
    let mut suggestions: Vec<String> =
        entropy.feedback().map(|f| f.suggestions().iter().map(ToString::to_string).collect()).unwrap_or_default();
    if !long_enough {
        suggestions.insert(0, format!("Use at least {MIN_LENGTH} characters; four or more random words work well."));
    }
    PassphraseStrength {
        score,
        acceptable: score >= MIN_SCORE && long_enough,
        warning: entropy.feedback().and_then(|f| f.warning()).map(|w| w.to_string()),
        suggestions,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn four_random_words_are_acceptable() {
        assert!(strength("copper lantern orchard whistle", &[]).acceptable);
    }

    #[test]
    fn common_and_short_passphrases_are_not() {
        assert!(!strength("password123", &[]).acceptable);
        assert!(!strength("Tr0ub4d!x", &[]).acceptable, "under the minimum length");
        assert!(!strength("", &[]).acceptable);
    }

    #[test]
    fn organisation_name_counts_against_the_passphrase() {
        let with_inputs = strength("Riverside Youth Project", &["Riverside Youth Project"]);
        assert!(!with_inputs.acceptable, "{with_inputs:?}");
    }
}
