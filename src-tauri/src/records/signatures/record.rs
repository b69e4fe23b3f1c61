//! Storing, reading and confirming signatures. Every change runs in one transaction with its audit
//! entry; audit details hold ids, version numbers and hashes, never names.

use chrono::{DateTime, NaiveDate, Utc};
use rusqlite::{params, Connection, OptionalExtension, Row};

use super::{
    check_mark, scan_media_type, OnScreenSignature, PaperSignature, Signature, SignatureError, SignatureMark,
    SignatureSource, Signer, SigningMethod, MAX_SCAN_BYTES,
};
use crate::records::aup::{self, AupError, AupVersion, VersionStatus};
use crate::records::people::{self, name_key, validate_full_name, PeopleError, Person, PersonDraft, PersonGroup};
use crate::records::text::single_spaced;
use crate::records::{date_column, date_text, new_id, now_utc};
use crate::store::audit::{self, Actor, Entry};

const COLUMNS: &str = "s.id, v.aup_id, s.aup_version_id, v.number, s.content_hash, s.person_id, s.declared_name, \
     s.self_declared, s.method, s.source, s.signed_at, s.recorded_at, s.receipt, s.mark_png IS NOT NULL, s.mark_typed, \
     s.counter_name, s.counter_png IS NOT NULL, s.counter_typed, s.paper_signed_on, s.paper_filed_at, sc.media_type, \
     s.confirmed_at, s.confirmed_by";
const FROM: &str = "signatures s JOIN aup_versions v ON v.id = s.aup_version_id \
     LEFT JOIN signature_scans sc ON sc.signature_id = s.id";

fn from_row(r: &Row<'_>) -> rusqlite::Result<Signature> {
    Ok(Signature {
        id: r.get(0)?,
        aup_id: r.get(1)?,
        version_id: r.get(2)?,
        version_number: r.get(3)?,
        content_hash: r.get(4)?,
        person_id: r.get(5)?,
        declared_name: r.get(6)?,
        self_declared: r.get::<_, i64>(7)? == 1,
        method: if r.get::<_, String>(8)? == "paper" { SigningMethod::Paper } else { SigningMethod::OnScreen },
        source: if r.get::<_, String>(9)? == "admin" {
            SignatureSource::Admin
        } else {
            SignatureSource::SigningStation
        },
        signed_at: r.get(10)?,
        recorded_at: r.get(11)?,
        receipt: r.get(12)?,
        drawn: r.get(13)?,
        typed_mark: r.get(14)?,
        countersigned_by: r.get(15)?,
        countersignature_drawn: r.get(16)?,
        countersignature_typed: r.get(17)?,
        paper_signed_on: date_column(r, 18)?,
        paper_filed_at: r.get(19)?,
        scan_media_type: r.get(20)?,
        confirmed_at: r.get(21)?,
        confirmed_by: r.get(22)?,
    })
}

fn query(conn: &Connection, filter: &str, args: impl rusqlite::Params) -> Result<Vec<Signature>, SignatureError> {
    let mut stmt = conn.prepare_cached(&format!("SELECT {COLUMNS} FROM {FROM} WHERE {filter}"))?;
    let rows = stmt.query_map(args, from_row)?.collect::<Result<Vec<_>, _>>()?;
    Ok(rows)
}

/// One signature by id, without its images; `NotFound` when there is none.
pub fn get(conn: &Connection, id: &str) -> Result<Signature, SignatureError> {
    query(conn, "s.id = ?1", [id])?.pop().ok_or(SignatureError::NotFound)
}

/// A person's signatures, newest first. A paper signature counts from the day the paper was
/// signed, not the day it was recorded.
pub fn for_person(conn: &Connection, person_id: &str) -> Result<Vec<Signature>, SignatureError> {
    query(conn, "s.person_id = ?1 ORDER BY coalesce(s.paper_signed_on, s.signed_at) DESC, s.id", [person_id])
}

/// Signatures waiting for an admin to confirm who signed, oldest first.
pub fn unconfirmed(conn: &Connection) -> Result<Vec<Signature>, SignatureError> {
    query(conn, "s.self_declared = 1 ORDER BY s.recorded_at, s.id", [])
}

/// The signer's drawn signature (PNG bytes); `None` for a typed or paper signature, `NotFound` when
/// no signature has that id.
pub fn mark_png(conn: &Connection, id: &str) -> Result<Option<Vec<u8>>, SignatureError> {
    conn.query_row("SELECT mark_png FROM signatures WHERE id = ?1", [id], |r| r.get(0))
        .optional()?
        .ok_or(SignatureError::NotFound)
}

/// The parent or carer's drawn countersignature, if they drew one.
pub fn counter_png(conn: &Connection, id: &str) -> Result<Option<Vec<u8>>, SignatureError> {
    conn.query_row("SELECT counter_png FROM signatures WHERE id = ?1", [id], |r| r.get(0))
        .optional()?
        .ok_or(SignatureError::NotFound)
}

/// The scan of a paper signature: media type and bytes.
pub fn scan(conn: &Connection, id: &str) -> Result<Option<(String, Vec<u8>)>, SignatureError> {
    get(conn, id)?;
    Ok(conn
        .query_row("SELECT media_type, bytes FROM signature_scans WHERE signature_id = ?1", [id], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })
        .optional()?)
}

/// Notes in the audit trail that an admin saved a copy of a scan outside the vault.
pub fn note_scan_saved(conn: &Connection, actor: &Actor, id: &str) -> Result<(), SignatureError> {
    get(conn, id)?;
    audit::append(
        conn,
        actor,
        &Entry { action: "signature.scanSaved", subject_kind: "signature", subject_id: id, detail: "" },
    )?;
    Ok(())
}

/// The one active person whose full name matches a typed name exactly (ignoring case, spacing and
/// punctuation). `None` when nobody, or more than one person, matches.
pub fn suggest_person(conn: &Connection, typed_name: &str) -> Result<Option<String>, SignatureError> {
    let key = name_key(typed_name);
    if key.is_empty() {
        return Ok(None);
    }
    let mut stmt = conn.prepare_cached("SELECT id FROM people WHERE name_key = ?1 AND archived_at IS NULL LIMIT 2")?;
    let ids: Vec<String> = stmt.query_map([key], |r| r.get(0))?.collect::<Result<_, _>>()?;
    Ok(if ids.len() == 1 { ids.into_iter().next() } else { None })
}

fn published_version(conn: &Connection, version_id: &str) -> Result<AupVersion, SignatureError> {
    let v = aup::version(conn, version_id).map_err(|e| match e {
        AupError::VersionNotFound => SignatureError::VersionNotFound,
        AupError::Store(s) => SignatureError::Store(s),
        _ => SignatureError::VersionNotFound,
    })?;
    if v.status != VersionStatus::Published {
        return Err(SignatureError::VersionNotPublished);
    }
    Ok(v)
}

fn person_exists(conn: &Connection, person_id: &str) -> Result<(), SignatureError> {
    people::get(conn, person_id).map(|_| ()).map_err(|e| match e {
        PeopleError::Store(s) => SignatureError::Store(s),
        _ => SignatureError::PersonNotFound,
    })
}

fn split_mark(mark: &SignatureMark) -> (Option<&[u8]>, Option<String>) {
    match mark {
        SignatureMark::Drawn { png } => (Some(png.as_slice()), None),
        SignatureMark::Typed { name } => (None, validate_full_name(name).ok()),
    }
}

/// Records an on-screen signature inside the caller's transaction (the outbox ingest uses this).
pub fn insert_on_screen(
    conn: &Connection,
    actor: &Actor,
    source: SignatureSource,
    new: &OnScreenSignature,
) -> Result<String, SignatureError> {
    let version = published_version(conn, &new.version_id)?;
    check_mark(&new.mark)?;
    let signed_at = DateTime::parse_from_rfc3339(&new.signed_at).map_err(|_| SignatureError::BadTime)?;
    let signed_at = signed_at.with_timezone(&Utc).to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
    let (person_id, declared_name, self_declared) = match &new.signer {
        Signer::Person { person_id } => {
            person_exists(conn, person_id)?;
            (Some(person_id.clone()), None, false)
        }
        Signer::SelfDeclared { name, claimed_person_id } => {
            let name = validate_full_name(name).map_err(|_| SignatureError::BadTypedName)?;
            // A claimed id that no longer exists is dropped, not trusted: the admin confirms later.
            let claimed = claimed_person_id.as_ref().filter(|id| person_exists(conn, id).is_ok()).cloned();
            (claimed, Some(name), true)
        }
    };
    let counter = match &new.countersignature {
        Some(c) => {
            check_mark(&c.mark).map_err(|_| SignatureError::BadCountersignature)?;
            Some((validate_full_name(&c.name).map_err(|_| SignatureError::BadCountersignature)?, split_mark(&c.mark)))
        }
        None => None,
    };
    if let Some(receipt) = &new.receipt {
        let seen = conn.query_row("SELECT 1 FROM signatures WHERE receipt = ?1", [receipt], |_| Ok(())).optional()?;
        if seen.is_some() {
            return Err(SignatureError::DuplicateReceipt);
        }
    }
    let (mark_png, mark_typed) = split_mark(&new.mark);
    let id = new_id();
    conn.execute(
        "INSERT INTO signatures (id, aup_version_id, content_hash, person_id, declared_name, self_declared, method, source,
             signed_at, recorded_at, receipt, mark_typed, counter_name, counter_typed, mark_png, counter_png)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, 'onScreen', ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)",
        params![
            id,
            version.id,
            version.content_hash,
            person_id,
            declared_name,
            i64::from(self_declared),
            if source == SignatureSource::Admin { "admin" } else { "signingStation" },
            signed_at,
            now_utc(),
            new.receipt,
            mark_typed,
            counter.as_ref().map(|(n, _)| n.clone()),
            counter.as_ref().and_then(|(_, (_, t))| t.clone()),
            mark_png,
            counter.as_ref().and_then(|(_, (p, _))| *p),
        ],
    )?;
    let detail =
        format!("version={};hash={};selfDeclared={}", version.id, version.content_hash, u8::from(self_declared));
    audit::append(
        conn,
        actor,
        &Entry { action: "signature.recorded", subject_kind: "signature", subject_id: &id, detail: &detail },
    )?;
    Ok(id)
}

/// Records an on-screen signature witnessed by an admin.
pub fn record_on_screen(
    conn: &mut Connection,
    actor: &Actor,
    new: &OnScreenSignature,
) -> Result<Signature, SignatureError> {
    let tx = conn.transaction()?;
    let id = insert_on_screen(&tx, actor, SignatureSource::Admin, new)?;
    let saved = get(&tx, &id)?;
    tx.commit()?;
    Ok(saved)
}

/// Records that a paper copy was signed and where it is filed, with an optional scan.
pub fn record_paper(conn: &mut Connection, actor: &Actor, new: &PaperSignature) -> Result<Signature, SignatureError> {
    let today = crate::dates::today();
    if new.signed_on > today {
        return Err(SignatureError::BadPaperDate);
    }
    let filed_at = single_spaced(&new.filed_at);
    if filed_at.is_empty() || filed_at.chars().count() > 200 {
        return Err(SignatureError::BadFiledAt);
    }
    let countersigned_by = match new.countersigned_by.as_deref().map(str::trim).filter(|n| !n.is_empty()) {
        Some(n) => Some(validate_full_name(n).map_err(|_| SignatureError::BadCountersignature)?),
        None => None,
    };
    let scan = match &new.scan {
        Some(bytes) if bytes.len() <= MAX_SCAN_BYTES => {
            Some((scan_media_type(bytes).ok_or(SignatureError::ScanWrongType)?, bytes))
        }
        Some(_) => return Err(SignatureError::ScanTooLarge),
        None => None,
    };
    let tx = conn.transaction()?;
    let version = published_version(&tx, &new.version_id)?;
    person_exists(&tx, &new.person_id)?;
    let id = new_id();
    let now = now_utc();
    tx.execute(
        "INSERT INTO signatures (id, aup_version_id, content_hash, person_id, self_declared, method, source, signed_at,
             recorded_at, counter_name, paper_signed_on, paper_filed_at)
         VALUES (?1, ?2, ?3, ?4, 0, 'paper', 'admin', ?5, ?5, ?6, ?7, ?8)",
        params![
            id,
            version.id,
            version.content_hash,
            new.person_id,
            now,
            countersigned_by,
            date_text(new.signed_on),
            filed_at
        ],
    )?;
    if let Some((media_type, bytes)) = scan {
        tx.execute(
            "INSERT INTO signature_scans (signature_id, media_type, bytes) VALUES (?1, ?2, ?3)",
            params![id, media_type, bytes],
        )?;
    }
    let detail =
        format!("version={};hash={};paper=1;scan={}", version.id, version.content_hash, u8::from(new.scan.is_some()));
    audit::append(
        &tx,
        actor,
        &Entry { action: "signature.recorded", subject_kind: "signature", subject_id: &id, detail: &detail },
    )?;
    let saved = get(&tx, &id)?;
    tx.commit()?;
    Ok(saved)
}

fn set_person(
    conn: &mut Connection,
    actor: &Actor,
    id: &str,
    person_id: &str,
    confirming: bool,
) -> Result<Signature, SignatureError> {
    let tx = conn.transaction()?;
    let saved = set_person_in(&tx, actor, id, person_id, confirming)?;
    tx.commit()?;
    Ok(saved)
}

/// An admin confirms a signature made by a visitor or contractor who is not in the register yet:
/// their person record (group visitor, the name they typed, starting today) is made and the
/// signature confirmed as theirs, in one step. If the typed name cannot be a person's name in the
/// register, nothing is saved and the refusal says why.
pub fn confirm_as_new_visitor(
    conn: &mut Connection,
    actor: &Actor,
    id: &str,
    today: NaiveDate,
) -> Result<(Signature, Person), SignatureError> {
    let tx = conn.transaction()?;
    let before = get(&tx, id)?;
    if !before.self_declared {
        return Err(SignatureError::AlreadyConfirmed);
    }
    let name = before.declared_name.clone().unwrap_or_default();
    let draft = PersonDraft {
        group: PersonGroup::Visitor,
        full_name: name,
        preferred_name: None,
        date_of_birth: None,
        start_date: Some(today),
        leave_date: None,
        email: None,
        phone: None,
    };
    let valid = people::validate(&draft, today).map_err(|e| SignatureError::VisitorNameUnusable(e.to_string()))?;
    let person_id = people::insert_valid(&tx, actor, &valid, "signature")?;
    let saved = set_person_in(&tx, actor, id, &person_id, true)?;
    let person = people::get(&tx, &person_id).map_err(|_| SignatureError::PersonNotFound)?;
    tx.commit()?;
    Ok((saved, person))
}

fn set_person_in(
    tx: &Connection,
    actor: &Actor,
    id: &str,
    person_id: &str,
    confirming: bool,
) -> Result<Signature, SignatureError> {
    let before = get(tx, id)?;
    match (confirming, before.self_declared) {
        (true, false) => return Err(SignatureError::AlreadyConfirmed),
        (false, true) => return Err(SignatureError::NotConfirmed),
        _ => {}
    }
    person_exists(tx, person_id)?;
    let by = match actor {
        Actor::Admin(admin) => admin.clone(),
        Actor::RecoveryKey => "recovery-key".to_owned(),
        _ => "system".to_owned(),
    };
    tx.execute(
        "UPDATE signatures SET person_id = ?2, self_declared = 0, confirmed_at = ?3, confirmed_by = ?4 WHERE id = ?1",
        params![id, person_id, now_utc(), by],
    )?;
    let (action, detail) = if confirming {
        ("signature.confirmed", format!("person={person_id}"))
    } else {
        ("signature.reassigned", format!("from={};to={person_id}", before.person_id.unwrap_or_default()))
    };
    audit::append(tx, actor, &Entry { action, subject_kind: "signature", subject_id: id, detail: &detail })?;
    get(tx, id)
}

/// An admin confirms that a self-declared signature was made by this person.
pub fn confirm(conn: &mut Connection, actor: &Actor, id: &str, person_id: &str) -> Result<Signature, SignatureError> {
    set_person(conn, actor, id, person_id, true)
}

/// An admin corrects who a confirmed signature belongs to.
pub fn reassign(conn: &mut Connection, actor: &Actor, id: &str, person_id: &str) -> Result<Signature, SignatureError> {
    set_person(conn, actor, id, person_id, false)
}

/// An admin removes a signing-station signature that nobody can vouch for (a test, a made-up name,
/// a child trying the screen). Only an unconfirmed one can go: a confirmed signature is a record.
/// The audit entry keeps the id, the version and the receipt, never the name.
pub fn discard(conn: &mut Connection, actor: &Actor, id: &str) -> Result<(), SignatureError> {
    let tx = conn.transaction()?;
    let before = get(&tx, id)?;
    if !before.self_declared {
        return Err(SignatureError::AlreadyConfirmed);
    }
    tx.execute("DELETE FROM signature_scans WHERE signature_id = ?1", [id])?;
    tx.execute("DELETE FROM signatures WHERE id = ?1", [id])?;
    let detail = format!("version={};receipt={}", before.version_id, before.receipt.unwrap_or_default());
    audit::append(
        &tx,
        actor,
        &Entry { action: "signature.discarded", subject_kind: "signature", subject_id: id, detail: &detail },
    )?;
    tx.commit()?;
    Ok(())
}
