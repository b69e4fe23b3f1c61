//! What an AUP version says, its validation, and the canonical form its SHA-256 is taken over.
//!
//! The hash is `SHA-256("safekeeper-aup/1\n" ‖ content)`, where `content` is the JSON stored in
//! `aup_versions.content`: the fields below in this order, serde_json's compact form, text trimmed
//! and with `\n` line ends. Anyone holding a backup can recompute it without this app.

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use ts_rs::TS;

use super::AupError;
use crate::records::text::trimmed_with_unix_line_ends;

const CANONICAL_PREFIX: &[u8] = b"safekeeper-aup/1\n";
/// The most numbered rules one AUP version may have.
pub const MAX_RULES: usize = 30;

/// What an AUP version says, as stored (as canonical JSON) in `aup_versions.content` and hashed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct AupContent {
    /// The AUP's title: one line, up to 120 characters.
    pub title: String,
    /// The opening paragraph(s), up to 4,000 characters.
    pub intro: String,
    /// Numbered in order from 1 when shown and printed: "I will…" / "I will not…".
    pub rules: Vec<String>,
    /// What happens if the rules are broken, up to 4,000 characters.
    pub consequences: String,
    /// The statement that use is monitored.
    pub monitoring: String,
    /// Who to report concerns to, with the DSL's name written in.
    pub report_concerns: String,
}

fn within(text: &str, max: usize) -> bool {
    !text.is_empty() && text.chars().count() <= max
}

impl AupContent {
    /// Trims every part, normalises line ends and drops empty rules, then checks the limits.
    pub fn validated(&self) -> Result<AupContent, AupError> {
        let tidied = AupContent {
            title: trimmed_with_unix_line_ends(&self.title),
            intro: trimmed_with_unix_line_ends(&self.intro),
            rules: self.rules.iter().map(|r| trimmed_with_unix_line_ends(r)).filter(|r| !r.is_empty()).collect(),
            consequences: trimmed_with_unix_line_ends(&self.consequences),
            monitoring: trimmed_with_unix_line_ends(&self.monitoring),
            report_concerns: trimmed_with_unix_line_ends(&self.report_concerns),
        };
        if !within(&tidied.title, 120) || tidied.title.contains('\n') {
            return Err(AupError::InvalidTitle);
        }
        if tidied.rules.is_empty() || tidied.rules.len() > MAX_RULES || !tidied.rules.iter().all(|r| within(r, 600)) {
            return Err(AupError::InvalidRules);
        }
        let sections = [&tidied.intro, &tidied.consequences, &tidied.monitoring, &tidied.report_concerns];
        if !sections.iter().all(|s| within(s, 4000)) {
            return Err(AupError::MissingSection);
        }
        Ok(tidied)
    }

    /// The stored JSON, which the hash covers.
    pub fn canonical_json(&self) -> String {
        serde_json::to_string(self).expect("an AUP's strings always serialise")
    }

    /// Reads content back from the JSON stored in `aup_versions.content`; errors when the JSON does
    /// not have exactly these fields.
    pub fn from_canonical_json(json: &str) -> Result<AupContent, serde_json::Error> {
        serde_json::from_str(json)
    }
}

/// Hex SHA-256 over the canonical prefix and the stored JSON.
pub fn content_hash(canonical_json: &str) -> String {
    let mut hasher = Sha256::new();
    hasher.update(CANONICAL_PREFIX);
    hasher.update(canonical_json.as_bytes());
    hex::encode(hasher.finalize())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> AupContent {
        AupContent {
            title: "Staff AUP".into(),
            intro: "Read this.".into(),
            rules: vec!["I will keep my password private.".into(), "I will not share images.".into()],
            consequences: "Breaking these rules may lead to action.".into(),
            monitoring: "Use is monitored.".into(),
            report_concerns: "Tell Sam Okafor.".into(),
        }
    }

    #[test]
    fn hash_is_stable_across_runs_and_tidying() {
        let a = sample().validated().expect("valid");
        let mut messy = sample();
        messy.title = "  Staff AUP \r\n".into();
        messy.rules.push("   ".into());
        let b = messy.validated().expect("valid");
        assert_eq!(content_hash(&a.canonical_json()), content_hash(&b.canonical_json()));
        // Pinned (computed independently with Python's json and hashlib): a change to the
        // canonical form would silently orphan every signature ever recorded.
        assert_eq!(
            a.canonical_json(),
            r#"{"title":"Staff AUP","intro":"Read this.","rules":["I will keep my password private.","I will not share images."],"consequences":"Breaking these rules may lead to action.","monitoring":"Use is monitored.","reportConcerns":"Tell Sam Okafor."}"#
        );
        assert_eq!(
            content_hash(&a.canonical_json()),
            "de57e1879779fdb248f563142b0831bf285960af215c04aeb46a7c2b09168e05"
        );
    }

    #[test]
    fn hash_changes_with_any_word_or_rule_order() {
        let base = content_hash(&sample().canonical_json());
        let mut one_word = sample();
        one_word.rules[1] = "I will not share photos.".into();
        assert_ne!(content_hash(&one_word.canonical_json()), base);
        let mut swapped = sample();
        swapped.rules.swap(0, 1);
        assert_ne!(content_hash(&swapped.canonical_json()), base);
        let mut dsl = sample();
        dsl.report_concerns = "Tell Priya Raman.".into();
        assert_ne!(content_hash(&dsl.canonical_json()), base);
    }

    #[test]
    fn canonical_json_round_trips() {
        let json = sample().canonical_json();
        assert_eq!(AupContent::from_canonical_json(&json).expect("parse"), sample());
    }

    #[test]
    fn empty_rules_or_sections_are_refused() {
        let mut no_rules = sample();
        no_rules.rules = vec!["  ".into()];
        assert!(matches!(no_rules.validated(), Err(AupError::InvalidRules)));
        let mut no_monitoring = sample();
        no_monitoring.monitoring = " ".into();
        assert!(matches!(no_monitoring.validated(), Err(AupError::MissingSection)));
    }
}
