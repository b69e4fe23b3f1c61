//! Who the AUPs name for safeguarding: the Designated Safeguarding Lead and the chair of trustees.
//! A new vault starts with the first admin as the DSL, which may not be right, so before the
//! first AUP is published the app asks; the answer is written into every draft, so the AUPs
//! people sign name the right people. Published versions keep the names they were published with.

use rusqlite::{Connection, OptionalExtension};
use serde::Serialize;
use ts_rs::TS;

use super::content::AupContent;
use super::templates::dsl_name;
use super::{versions, AupError};
use crate::records::people::validate_full_name;
use crate::store::audit::{self, Actor, Entry};

/// The staff AUP's words for who to tell when the DSL cannot be told, as the template has them.
const CHAIR_WORDS: &str = "tell the chair of trustees";

/// The safeguarding contacts the AUPs name, and whether an admin has confirmed them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SafeguardingContacts {
    /// The Designated Safeguarding Lead's name; `None` until one is set.
    pub dsl_name: Option<String>,
    /// The chair of trustees' name; `None` when not given.
    pub chair_name: Option<String>,
    /// An admin has said who these are (or an AUP was published before the question was asked).
    pub confirmed: bool,
}

fn setting(conn: &Connection, key: &str) -> Result<Option<String>, AupError> {
    Ok(conn.query_row("SELECT value FROM settings WHERE key = ?1", [key], |r| r.get(0)).optional()?)
}

/// The contacts as they stand. An AUP already published counts as confirmed: that organisation
/// published before the question existed, and its admins chose the names then.
pub fn contacts(conn: &Connection) -> Result<SafeguardingContacts, AupError> {
    let published: i64 =
        conn.query_row("SELECT count(*) FROM aup_versions WHERE status = 'published'", [], |r| r.get(0))?;
    Ok(SafeguardingContacts {
        dsl_name: dsl_name(conn)?,
        chair_name: setting(conn, "chair_name")?,
        confirmed: published > 0 || setting(conn, "contacts_confirmed")?.is_some(),
    })
}

/// Words in `text` naming `old` become `new`.
fn renamed(text: &str, old: &str, new: &str) -> String {
    if old.is_empty() || old == new {
        text.to_owned()
    } else {
        text.replace(old, new)
    }
}

/// The draft's text with the DSL's and chair's names put right.
fn with_names(content: &AupContent, old_dsl: &str, dsl: &str, chair: Option<&str>) -> AupContent {
    let fix = |text: &str| {
        let text = renamed(text, old_dsl, dsl);
        match chair {
            Some(chair) if text.contains(CHAIR_WORDS) && !text.contains(chair) => {
                text.replacen(CHAIR_WORDS, &format!("{CHAIR_WORDS}, {chair}"), 1)
            }
            _ => text,
        }
    };
    AupContent {
        title: fix(&content.title),
        intro: fix(&content.intro),
        rules: content.rules.iter().map(|r| fix(r)).collect(),
        consequences: fix(&content.consequences),
        monitoring: fix(&content.monitoring),
        report_concerns: fix(&content.report_concerns),
    }
}

/// Records who the DSL and the chair of trustees are, and writes their names into every AUP
/// draft. The chair may be left out. Both must be full names.
pub fn confirm_contacts(
    conn: &mut Connection,
    actor: &Actor,
    dsl: &str,
    chair: Option<&str>,
) -> Result<SafeguardingContacts, AupError> {
    let dsl = validate_full_name(dsl).map_err(|_| AupError::InvalidDslName)?;
    let chair = match chair.map(str::trim).filter(|c| !c.is_empty()) {
        Some(c) => Some(validate_full_name(c).map_err(|_| AupError::InvalidChairName)?),
        None => None,
    };
    let old_dsl = dsl_name(conn)?.unwrap_or_default();
    for aup in versions::list(conn)? {
        if let Some(draft) = versions::detail(conn, &aup.id)?.draft {
            let fixed = with_names(&draft.content, &old_dsl, &dsl, chair.as_deref());
            if fixed != draft.content {
                versions::save_draft(conn, actor, &aup.id, &fixed)?;
            }
        }
    }
    let tx = conn.transaction()?;
    tx.execute("INSERT OR REPLACE INTO settings (key, value) VALUES ('dsl_name', ?1)", [&dsl])?;
    match &chair {
        Some(c) => tx.execute("INSERT OR REPLACE INTO settings (key, value) VALUES ('chair_name', ?1)", [c])?,
        None => tx.execute("DELETE FROM settings WHERE key = 'chair_name'", [])?,
    };
    tx.execute("INSERT OR REPLACE INTO settings (key, value) VALUES ('contacts_confirmed', '1')", [])?;
    let detail = format!("chair={}", if chair.is_some() { "named" } else { "none" });
    audit::append(
        &tx,
        actor,
        &Entry { action: "settings.contactsConfirmed", subject_kind: "settings", subject_id: "dsl", detail: &detail },
    )?;
    tx.commit()?;
    contacts(conn)
}
