//! Hiding other people's names in the incident entries a subject access export carries.
//!
//! Names are matched as whole words, ignoring case, in every text field of an entry. A first name
//! on its own is hidden too (people write "Sam said…"), unless the person the export is about
//! shares it: hiding their own name from them would make their record unreadable.

use crate::records::incidents::{EntryBody, IncidentEntry};

/// What stands in for another person's name.
pub const ANOTHER_PERSON: &str = "[another person]";

/// Fields of an entry that hold fixed words, not free text, and so are never rewritten.
const FIXED_FIELDS: [&str; 9] = ["entry", "role", "category", "kind", "agency", "to", "personId", "judgement", "step"];

/// The names to hide: each other person's names and their first names, minus any word in the
/// subject's own names. Longest first, so a full name is hidden whole before its parts.
pub(super) fn names_to_hide<'a>(others: impl IntoIterator<Item = &'a str>, own_names: &[&str]) -> Vec<Vec<char>> {
    let own_words: Vec<Vec<char>> = own_names.iter().flat_map(|n| n.split_whitespace()).map(lowered).collect();
    let mut names: Vec<Vec<char>> = Vec::new();
    for name in others {
        let whole = lowered(name.trim());
        if whole.is_empty() || own_names.iter().any(|own| lowered(own.trim()) == whole) {
            continue;
        }
        names.push(whole);
        if let Some(first) = name.split_whitespace().next().map(lowered) {
            // Two letters is an initial or a word like "Jo": too likely to be something else.
            if first.len() >= 3 && !own_words.contains(&first) {
                names.push(first);
            }
        }
    }
    names.sort_by(|a, b| b.len().cmp(&a.len()).then_with(|| a.cmp(b)));
    names.dedup();
    names
}

fn lowered(text: &str) -> Vec<char> {
    text.chars().map(lower_char).collect()
}

/// One character lowered to one character, so positions in the lowered text match the original.
fn lower_char(c: char) -> char {
    c.to_lowercase().next().unwrap_or(c)
}

/// `text` with every whole-word occurrence of any of `names` replaced.
pub(super) fn hide_names(text: &str, names: &[Vec<char>]) -> String {
    let original: Vec<char> = text.chars().collect();
    let lower: Vec<char> = original.iter().copied().map(lower_char).collect();
    let word_edge = |i: usize| i == 0 || i >= lower.len() || !lower[i - 1].is_alphanumeric();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < original.len() {
        let found = names.iter().find(|name| {
            let end = i + name.len();
            end <= lower.len()
                && lower[i..end] == name[..]
                && word_edge(i)
                && (end == lower.len() || !lower[end].is_alphanumeric())
        });
        match found {
            Some(name) => {
                out.push_str(ANOTHER_PERSON);
                i += name.len();
            }
            None => {
                out.push(original[i]);
                i += 1;
            }
        }
    }
    out
}

fn hide_in_value(value: &mut serde_json::Value, names: &[Vec<char>]) {
    match value {
        serde_json::Value::String(s) => *s = hide_names(s, names),
        serde_json::Value::Array(items) => items.iter_mut().for_each(|v| hide_in_value(v, names)),
        serde_json::Value::Object(fields) => {
            for (key, v) in fields.iter_mut() {
                if !FIXED_FIELDS.contains(&key.as_str()) {
                    hide_in_value(v, names);
                }
            }
        }
        _ => {}
    }
}

/// An entry with the names hidden in every free-text field. Another person's own "person" entry
/// also loses its link to the register, so not even their id is handed over.
pub(super) fn redact_entry(entry: &IncidentEntry, subject_id: &str, names: &[Vec<char>]) -> IncidentEntry {
    let mut body = match &entry.body {
        EntryBody::Person(p) if p.person_id.as_deref() != Some(subject_id) => {
            let mut p = p.clone();
            p.person_id = None;
            p.name = ANOTHER_PERSON.to_owned();
            EntryBody::Person(p)
        }
        body => body.clone(),
    };
    let mut value = serde_json::to_value(&body).expect("an entry body always serialises");
    hide_in_value(&mut value, names);
    // Replacing words inside strings keeps the shape, so this always reads back.
    if let Ok(hidden) = serde_json::from_value(value) {
        body = hidden;
    }
    IncidentEntry { body, reason: entry.reason.as_deref().map(|r| hide_names(r, names)), ..entry.clone() }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn full_and_first_names_are_hidden_as_whole_words_ignoring_case() {
        let names = names_to_hide(["Bella Brook"], &["Alfie Archer"]);
        let text = hide_names("BELLA BROOK sent it; later bella said so. Bellamy was not there.", &names);
        assert_eq!(text, "[another person] sent it; later [another person] said so. Bellamy was not there.");
    }

    #[test]
    fn a_first_name_the_subject_shares_is_not_hidden_alone() {
        let names = names_to_hide(["Sam Other"], &["Sam Subject"]);
        assert_eq!(hide_names("Sam Other told Sam.", &names), "[another person] told Sam.");
    }
}
