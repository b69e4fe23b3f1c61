//! Image consent settings: the default length of a consent, the age from which a young person may
//! consent for themselves, and the organisation's social media accounts.

use rusqlite::{params, Connection, OptionalExtension};

use super::{ConsentError, ConsentSettings, SocialAccount, MAX_MONTHS, MAX_OWN_AGE, MIN_MONTHS, MIN_OWN_AGE};
use crate::records::{new_id, now_utc};
use crate::store::audit::{self, Actor, Entry};

fn read(conn: &Connection, key: &str, default: u32) -> Result<u32, ConsentError> {
    let value: Option<String> =
        conn.query_row("SELECT value FROM settings WHERE key = ?1", [key], |r| r.get(0)).optional()?;
    Ok(value.and_then(|v| v.parse().ok()).unwrap_or(default))
}

/// Account ids and names; retired ones too when asked (old consents still name them).
pub(crate) fn account_pairs(conn: &Connection, with_retired: bool) -> Result<Vec<(String, String)>, ConsentError> {
    Ok(accounts(conn)?.into_iter().filter(|a| with_retired || !a.retired).map(|a| (a.id, a.name)).collect())
}

fn accounts(conn: &Connection) -> Result<Vec<SocialAccount>, ConsentError> {
    let mut stmt =
        conn.prepare_cached("SELECT id, name, retired_at IS NOT NULL FROM social_accounts ORDER BY created_at, id")?;
    let rows = stmt
        .query_map([], |r| Ok(SocialAccount { id: r.get(0)?, name: r.get(1)?, retired: r.get(2)? }))?
        .collect::<Result<_, _>>()?;
    Ok(rows)
}

/// The image consent settings, with the defaults (12 months; own consent from 16) where none were
/// saved, and every social media account.
pub fn consent_settings(conn: &Connection) -> Result<ConsentSettings, ConsentError> {
    Ok(ConsentSettings {
        default_months: read(conn, "consent_months", 12)?,
        own_consent_age: read(conn, "consent_own_age", 16)?,
        social_accounts: accounts(conn)?,
    })
}

/// Saves the default length and the age rule; the accounts are changed one at a time.
pub fn save_consent_settings(
    conn: &mut Connection,
    actor: &Actor,
    default_months: u32,
    own_consent_age: u32,
) -> Result<ConsentSettings, ConsentError> {
    if !(MIN_MONTHS..=MAX_MONTHS).contains(&default_months) {
        return Err(ConsentError::DefaultMonthsOutOfRange { min: MIN_MONTHS, max: MAX_MONTHS });
    }
    if !(MIN_OWN_AGE..=MAX_OWN_AGE).contains(&own_consent_age) {
        return Err(ConsentError::OwnConsentAgeOutOfRange { min: MIN_OWN_AGE, max: MAX_OWN_AGE });
    }
    let tx = conn.transaction()?;
    for (key, value) in [("consent_months", default_months), ("consent_own_age", own_consent_age)] {
        tx.execute("INSERT OR REPLACE INTO settings (key, value) VALUES (?1, ?2)", params![key, value.to_string()])?;
    }
    let detail = format!("months={default_months};ownAge={own_consent_age}");
    audit::append(
        &tx,
        actor,
        &Entry {
            action: "consent.settingsChanged",
            subject_kind: "settings",
            subject_id: "imageConsent",
            detail: &detail,
        },
    )?;
    tx.commit()?;
    consent_settings(conn)
}

const ACCOUNT_NAME_MAX: usize = 80;

/// Adds a social media account, which new forms then ask about as a use of its own. Spaces in the
/// name are tidied; refuses an empty name, one over 80 characters, or one an account still offered
/// already has. Returns the settings as they now stand.
pub fn add_social_account(conn: &mut Connection, actor: &Actor, name: &str) -> Result<ConsentSettings, ConsentError> {
    let name = name.split_whitespace().collect::<Vec<_>>().join(" ");
    if name.is_empty() || name.chars().count() > ACCOUNT_NAME_MAX {
        return Err(ConsentError::AccountNameLength { max: ACCOUNT_NAME_MAX });
    }
    let tx = conn.transaction()?;
    let taken: bool = tx.query_row(
        "SELECT EXISTS (SELECT 1 FROM social_accounts WHERE lower(name) = lower(?1) AND retired_at IS NULL)",
        [&name],
        |r| r.get(0),
    )?;
    if taken {
        return Err(ConsentError::AccountAlreadyListed);
    }
    let id = new_id();
    tx.execute("INSERT INTO social_accounts (id, name, created_at) VALUES (?1, ?2, ?3)", params![id, name, now_utc()])?;
    audit::append(
        &tx,
        actor,
        &Entry { action: "consent.accountAdded", subject_kind: "socialAccount", subject_id: &id, detail: "" },
    )?;
    tx.commit()?;
    consent_settings(conn)
}

/// Stops offering an account on new forms. Consents that name it keep it.
pub fn retire_social_account(conn: &mut Connection, actor: &Actor, id: &str) -> Result<ConsentSettings, ConsentError> {
    let tx = conn.transaction()?;
    let changed = tx.execute(
        "UPDATE social_accounts SET retired_at = ?2 WHERE id = ?1 AND retired_at IS NULL",
        params![id, now_utc()],
    )?;
    if changed == 0 {
        return Err(ConsentError::AccountNotFound);
    }
    audit::append(
        &tx,
        actor,
        &Entry { action: "consent.accountRetired", subject_kind: "socialAccount", subject_id: id, detail: "" },
    )?;
    tx.commit()?;
    consent_settings(conn)
}
