//! Rules for a person's name: what counts as a full name (initials alone are refused, because
//! registers kept as "J. S." cannot be matched, searched or printed on a record), and the
//! normalised key used to spot the same person twice. Owns no storage.

use crate::records::text::single_spaced;

/// The longest name accepted, in characters.
pub const MAX_NAME_CHARS: usize = 100;

/// Why a full name was refused. The message never repeats the name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NameProblem {
    /// Nothing but spaces was entered.
    Empty,
    /// The name is over `MAX_NAME_CHARS` characters.
    TooLong,
    /// The name holds a character other than letters, spaces, hyphens, apostrophes and full stops
    /// (or, for a preferred name, no letter at all).
    BadCharacters,
    /// The full name has only one part, e.g. a first name alone.
    OnePart,
    /// Every part of the full name is a single letter, e.g. "J. S.".
    InitialsOnly,
}

fn is_name_char(c: char) -> bool {
    // Combining accents (U+0300–U+036F) cover names typed in decomposed form.
    c.is_alphabetic()
        || matches!(c, ' ' | '-' | '\'' | '\u{2019}' | '.' | '\u{2010}')
        || ('\u{0300}'..='\u{036F}').contains(&c)
}

/// Checks a full name and returns it tidied (trimmed, single-spaced).
///
/// A full name needs at least two parts that contain letters, and at least one part with two or
/// more letters: "Li Na" and "J Smith" pass, "JS", "J. S." and "Smith" do not.
pub fn validate_full_name(raw: &str) -> Result<String, NameProblem> {
    let folded = single_spaced(raw);
    if folded.is_empty() {
        return Err(NameProblem::Empty);
    }
    if folded.chars().count() > MAX_NAME_CHARS {
        return Err(NameProblem::TooLong);
    }
    if !folded.chars().all(is_name_char) {
        return Err(NameProblem::BadCharacters);
    }
    // Parts are split on spaces, and on full stops too, so "J.S." counts as two initials.
    let letter_counts: Vec<usize> = folded
        .split([' ', '.'])
        .map(|part| part.chars().filter(|c| c.is_alphabetic()).count())
        .filter(|&letters| letters > 0)
        .collect();
    if letter_counts.len() < 2 {
        return Err(if letter_counts.iter().any(|&n| n >= 2) || letter_counts.is_empty() {
            NameProblem::OnePart
        } else {
            NameProblem::InitialsOnly
        });
    }
    if letter_counts.iter().all(|&n| n < 2) {
        return Err(NameProblem::InitialsOnly);
    }
    Ok(folded)
}

/// Checks an optional preferred name: any single word or more, letters required.
pub fn validate_preferred_name(raw: &str) -> Result<Option<String>, NameProblem> {
    let folded = single_spaced(raw);
    if folded.is_empty() {
        return Ok(None);
    }
    if folded.chars().count() > MAX_NAME_CHARS {
        return Err(NameProblem::TooLong);
    }
    if !folded.chars().all(is_name_char) || !folded.chars().any(char::is_alphabetic) {
        return Err(NameProblem::BadCharacters);
    }
    Ok(Some(folded))
}

/// The key two spellings of one name share: lower case, punctuation as spaces, single-spaced.
/// "Mary-Jane  O'Neil" and "mary jane o neil" have the same key.
pub fn name_key(name: &str) -> String {
    let spaced: String =
        name.chars().map(|c| if c.is_alphabetic() { c } else { ' ' }).flat_map(char::to_lowercase).collect();
    single_spaced(&spaced)
}

/// What name search looks in: the full and preferred names, lower-cased.
pub fn search_text(full_name: &str, preferred_name: Option<&str>) -> String {
    let mut text = full_name.to_lowercase();
    if let Some(p) = preferred_name {
        text.push('\n');
        text.push_str(&p.to_lowercase());
    }
    text
}

/// How the signing station shows a person: preferred (or first) name and the initial of the last
/// part of the full name, e.g. "Sam O." Enough to find yourself, not a full register.
pub fn display_name(full_name: &str, preferred_name: Option<&str>) -> String {
    let mut parts = full_name.split(' ');
    let first = parts.next().unwrap_or_default();
    let last_initial = full_name.split(' ').next_back().and_then(|p| p.chars().find(|c| c.is_alphabetic()));
    let shown = preferred_name.unwrap_or(first);
    match last_initial {
        Some(initial) => format!("{shown} {}.", initial.to_uppercase()),
        None => shown.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ordinary_full_names_pass_and_are_tidied() {
        assert_eq!(validate_full_name("  Aisha   Khan ").as_deref(), Ok("Aisha Khan"));
        assert_eq!(validate_full_name("J Smith").as_deref(), Ok("J Smith"));
        assert_eq!(validate_full_name("Li Na").as_deref(), Ok("Li Na"));
        assert_eq!(validate_full_name("Mary-Jane O\u{2019}Neil").as_deref(), Ok("Mary-Jane O\u{2019}Neil"));
        assert_eq!(validate_full_name("Zoë Ødegård").as_deref(), Ok("Zoë Ødegård"));
    }

    #[test]
    fn initials_alone_are_refused() {
        for initials in ["J. S.", "J.S.", "J S", "j s"] {
            assert_eq!(validate_full_name(initials), Err(NameProblem::InitialsOnly), "{initials}");
        }
        assert_eq!(validate_full_name("JS"), Err(NameProblem::OnePart));
        assert_eq!(validate_full_name("J."), Err(NameProblem::InitialsOnly));
    }

    #[test]
    fn single_names_digits_and_blanks_are_refused() {
        assert_eq!(validate_full_name("Smith"), Err(NameProblem::OnePart));
        assert_eq!(validate_full_name("   "), Err(NameProblem::Empty));
        assert_eq!(validate_full_name("Agent 47"), Err(NameProblem::BadCharacters));
        assert_eq!(validate_full_name(&format!("A {}", "b".repeat(100))), Err(NameProblem::TooLong));
    }

    #[test]
    fn name_key_ignores_case_punctuation_and_spacing() {
        assert_eq!(name_key("Mary-Jane  O'Neil"), name_key("mary jane o neil"));
        assert_ne!(name_key("Mary Jane"), name_key("Mary Janet"));
    }

    #[test]
    fn display_name_uses_preferred_name_and_last_initial() {
        assert_eq!(display_name("Samuel Okafor", Some("Sam")), "Sam O.");
        assert_eq!(display_name("Aisha Bibi Khan", None), "Aisha K.");
    }
}
