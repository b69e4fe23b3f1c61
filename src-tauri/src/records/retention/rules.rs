//! The retention rules as the organisation set them, stored as one JSON value in `settings`.
//! Defaults follow UK guidance for voluntary organisations; each comes with a reason the
//! organisation can rewrite, and saving a rule without a reason is refused.

use rusqlite::{Connection, OptionalExtension};

use super::{RetentionError, RetentionRules, StaffAllegationRule, YearsRule, MAX_REASON_CHARS};
use crate::store::audit::{self, Actor, Entry};

const SETTINGS_KEY: &str = "retention_rules";

impl Default for RetentionRules {
    fn default() -> Self {
        RetentionRules {
            child_protection: YearsRule {
                years: 25,
                why: "Guidance for organisations working with children is to keep child-protection records until the \
                      young person is 25, so that they, the police or an inquiry can rely on them later in life."
                    .into(),
            },
            staff_allegation: StaffAllegationRule {
                retirement_age: 67,
                years: 10,
                why: "Allegations about staff are kept until the person reaches normal retirement age or for 10 years \
                      from the allegation, whichever is longer, so that a pattern can be seen and references answered \
                      truthfully."
                    .into(),
            },
            image_consent: YearsRule {
                years: 5,
                why: "We keep a consent for 5 years after it ends, so that we can show what was agreed when an image \
                      was published."
                    .into(),
            },
            aup_signature: YearsRule {
                years: 6,
                why: "Six years after someone leaves covers the time in which most claims about their use of our IT \
                      could be brought."
                    .into(),
            },
            training: YearsRule {
                years: 6,
                why: "Six years after someone leaves, so that we can show inspectors and insurers that they were \
                      trained while they worked with us."
                    .into(),
            },
        }
    }
}

/// The rules in force: the saved ones, or the defaults before any were saved.
pub fn rules(conn: &Connection) -> Result<RetentionRules, RetentionError> {
    let stored: Option<String> =
        conn.query_row("SELECT value FROM settings WHERE key = ?1", [SETTINGS_KEY], |r| r.get(0)).optional()?;
    // Saved rules were validated before they were written; anything unreadable means defaults.
    Ok(stored.and_then(|s| serde_json::from_str(&s).ok()).unwrap_or_default())
}

fn checked_why(why: &str, what: &str) -> Result<String, RetentionError> {
    let why = why.trim();
    if why.is_empty() || why.chars().count() > MAX_REASON_CHARS {
        return Err(RetentionError::InvalidRule(format!(
            "Write why your organisation keeps {what} for this long (up to 2,000 characters)."
        )));
    }
    Ok(why.to_owned())
}

fn checked_years(rule: &YearsRule, what: &str) -> Result<YearsRule, RetentionError> {
    if !(1..=100).contains(&rule.years) {
        return Err(RetentionError::InvalidRule(format!("Keep {what} for a whole number of years from 1 to 100.")));
    }
    Ok(YearsRule { years: rule.years, why: checked_why(&rule.why, what)? })
}

fn validated(wanted: &RetentionRules) -> Result<RetentionRules, RetentionError> {
    let staff = &wanted.staff_allegation;
    if !(50..=80).contains(&staff.retirement_age) {
        return Err(RetentionError::InvalidRule("Normal retirement age must be from 50 to 80.".into()));
    }
    if !(1..=100).contains(&staff.years) {
        return Err(RetentionError::InvalidRule(
            "Keep allegations about staff for a whole number of years from 1 to 100 after the allegation.".into(),
        ));
    }
    Ok(RetentionRules {
        child_protection: checked_years(&wanted.child_protection, "child-protection records")?,
        staff_allegation: StaffAllegationRule {
            retirement_age: staff.retirement_age,
            years: staff.years,
            why: checked_why(&staff.why, "allegations about staff")?,
        },
        image_consent: checked_years(&wanted.image_consent, "image consents")?,
        aup_signature: checked_years(&wanted.aup_signature, "AUP signatures")?,
        training: checked_years(&wanted.training, "training records")?,
    })
}

/// Validates and saves every rule, with the organisation's reasons, in one audited transaction.
pub fn save_rules(
    conn: &mut Connection,
    actor: &Actor,
    wanted: &RetentionRules,
) -> Result<RetentionRules, RetentionError> {
    let rules = validated(wanted)?;
    let json = serde_json::to_string(&rules).expect("retention rules always serialise");
    let tx = conn.transaction()?;
    tx.execute("INSERT OR REPLACE INTO settings (key, value) VALUES (?1, ?2)", [SETTINGS_KEY, &json])?;
    let detail = format!(
        "childProtection={};staffAllegation={}/{};imageConsent={};aupSignature={};training={}",
        rules.child_protection.years,
        rules.staff_allegation.retirement_age,
        rules.staff_allegation.years,
        rules.image_consent.years,
        rules.aup_signature.years,
        rules.training.years
    );
    audit::append(
        &tx,
        actor,
        &Entry { action: "retention.rulesChanged", subject_kind: "settings", subject_id: "retention", detail: &detail },
    )?;
    tx.commit()?;
    Ok(rules)
}
