//! The kiosk manifest: the plain, non-secret facts the locked home shows (the organisation's name,
//! whether this is a demo, the AUPs offered for signing and the names the admin chose to list) and
//! the public keys that kiosk submissions are encrypted to.
//! Written by an unlocked admin session; read while locked. It holds display names only when an
//! admin ticked "show on the signing station" for that person, and never anything else about them.

use std::path::Path;

use rusqlite::Connection;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::records::aup::{self, Audience, AupContent, AupError};
use crate::records::consent::{self, wording, wording::UseWording, ConsentError};
use crate::records::people::{display_name, PersonGroup};
use crate::vault::atomic;

pub const FORMAT: u32 = 1;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct KioskManifest {
    pub format: u32,
    pub vault_id: String,
    pub org_name: String,
    /// Only a throwaway demo vault has one; it is shown on the unlock screen.
    pub demo_passphrase: Option<String>,
    /// age X25519 public keys (admins and the recovery key).
    pub recipients: Vec<String>,
    /// The AUPs offered for signing: each one's current published version, in full.
    #[serde(default)]
    pub aups: Vec<KioskAup>,
    /// The image consent form; absent in manifests written before consent existed.
    #[serde(default)]
    pub consent: Option<KioskConsentForm>,
}

/// The image consent form as the signing station shows it: the words, the uses it asks about
/// (each social media account separately) and the age rule, all written by an unlocked admin.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct KioskConsentForm {
    pub form_version: String,
    pub introduction: String,
    pub uses: Vec<UseWording>,
    pub name_question: String,
    pub name_explanation: String,
    pub recall_warning: String,
    pub how_to_withdraw: String,
    /// The organisation's rule in words.
    pub age_rule: String,
    /// The age from which a young person may consent for themselves.
    #[serde(default = "usual_own_age")]
    pub own_consent_age: u32,
}

fn usual_own_age() -> u32 {
    16
}

/// The consent form as the organisation has it set up now.
pub fn consent_form(conn: &Connection) -> Result<KioskConsentForm, ConsentError> {
    let settings = consent::consent_settings(conn)?;
    let accounts: Vec<(String, String)> =
        settings.social_accounts.into_iter().filter(|a| !a.retired).map(|a| (a.id, a.name)).collect();
    let age = settings.own_consent_age;
    let age_rule = if age >= 18 {
        "If the person is under 18, a parent or carer with parental responsibility must fill in this form.".to_owned()
    } else {
        format!(
            "If the person is under {age}, a parent or carer with parental responsibility must fill in this form. From {age} to 17 a young person may fill it in themselves; a member of staff will check they understand what they are agreeing to."
        )
    };
    Ok(KioskConsentForm {
        form_version: wording::FORM_VERSION.to_owned(),
        introduction: wording::INTRODUCTION.to_owned(),
        uses: wording::all_uses(&accounts),
        name_question: wording::NAME_QUESTION.to_owned(),
        name_explanation: wording::NAME_EXPLANATION.to_owned(),
        recall_warning: wording::RECALL_WARNING.to_owned(),
        how_to_withdraw: wording::HOW_TO_WITHDRAW.to_owned(),
        age_rule,
        own_consent_age: age,
    })
}

/// One AUP as the signing station shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct KioskAup {
    pub aup_id: String,
    pub audience: Audience,
    #[ts(type = "number")]
    pub version_number: i64,
    /// What a submission names, so a signature always points at the exact words shown.
    pub version_hash: String,
    pub content: AupContent,
    /// The listed people expected to sign this AUP, by display name, so they can pick theirs.
    pub signers: Vec<KioskPerson>,
}

/// A name someone can pick at the signing station. The id only travels back inside an encrypted
/// submission, as a hint the admin sees when confirming who signed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct KioskPerson {
    pub id: String,
    pub display_name: String,
}

/// The AUPs an admin chose to show on the signing station, each at its current published version,
/// with the listed active people of its audience.
pub fn signing_options(conn: &Connection) -> Result<Vec<KioskAup>, AupError> {
    let mut out = Vec::new();
    for listed in aup::list(conn)?.into_iter().filter(|a| a.kiosk_published) {
        let Some(current) = aup::current_version(conn, &listed.id)? else { continue };
        out.push(KioskAup {
            aup_id: listed.id,
            audience: listed.audience,
            version_number: current.number,
            version_hash: current.content_hash,
            content: current.content,
            signers: listed_people(conn, listed.audience.groups())?,
        });
    }
    Ok(out)
}

fn listed_people(conn: &Connection, groups: &[PersonGroup]) -> Result<Vec<KioskPerson>, AupError> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, full_name, preferred_name, person_group FROM people
         WHERE kiosk_listed = 1 AND archived_at IS NULL",
    )?;
    let rows = stmt.query_map([], |r| {
        Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?, r.get::<_, Option<String>>(2)?, r.get::<_, String>(3)?))
    })?;
    let mut people = Vec::new();
    for row in rows {
        let (id, full_name, preferred, group) = row?;
        if PersonGroup::from_stored(&group).is_some_and(|g| groups.contains(&g)) {
            people.push(KioskPerson { id, display_name: display_name(&full_name, preferred.as_deref()) });
        }
    }
    people.sort_by_cached_key(|p| (p.display_name.to_lowercase(), p.id.clone()));
    Ok(people)
}

pub fn publish(path: &Path, manifest: &KioskManifest) -> std::io::Result<()> {
    let json = serde_json::to_vec_pretty(manifest).map_err(std::io::Error::other)?;
    atomic::write_atomic(path, &json)
}

/// A manifest holds a few AUPs and a list of names; a file far bigger was not written by Safekeeper
/// and is not read into memory.
pub const MAX_MANIFEST_BYTES: u64 = 16 * 1024 * 1024;

/// `None` when missing, unreadable or too big: the locked home then shows no organisation name
/// rather than failing.
pub fn read(path: &Path) -> Option<KioskManifest> {
    use std::io::Read;
    let mut bytes = Vec::new();
    std::fs::File::open(path).ok()?.take(MAX_MANIFEST_BYTES + 1).read_to_end(&mut bytes).ok()?;
    if bytes.len() as u64 > MAX_MANIFEST_BYTES {
        return None;
    }
    serde_json::from_slice(&bytes).ok()
}
