//! Reading the audit trail: who did what and who opened what, newest first, filtered by who did it,
//! by kind of record, by the person a record is about, and by UK day; each entry in plain words.
//! Owns the filters and the words for each action, and noting that the trail was printed; does
//! not own appending or verifying the chain (see `store::audit`), and never shows record contents
//! (the trail holds ids and counts only).

mod printed;

use std::collections::HashSet;

use chrono::NaiveDate;
use rusqlite::{params, Connection};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::dates::uk_day_of;
use crate::store::StoreError;
pub use printed::note_printed;

/// The most entries one page holds.
pub const PAGE_LIMIT: u32 = 500;

/// The filters for one page of the audit trail; a `None` filter lets every entry through.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct AuditQuery {
    /// As stored: `admin:<id>`, `recovery-key`, `signing-station` or `system`.
    pub actor: Option<String>,
    /// The kind of record, e.g. `incident`, `person`, `signature`.
    pub subject_kind: Option<String>,
    /// Entries about this person or any record about them.
    pub person_id: Option<String>,
    /// First and last UK day, both included.
    #[ts(type = "string | null")]
    pub from: Option<NaiveDate>,
    /// Last UK day of the range (`YYYY-MM-DD`), included; `None` for no upper bound.
    #[ts(type = "string | null")]
    pub to: Option<NaiveDate>,
    /// Only entries older than this id (the next page).
    #[ts(type = "number | null")]
    pub before_id: Option<i64>,
    /// Entries wanted on the page; 100 when `None`, and never more than `PAGE_LIMIT`.
    #[ts(type = "number | null")]
    pub limit: Option<u32>,
}

/// One audit trail entry as the audit log page shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct AuditRow {
    /// The entry's number in the `audit` table; higher is newer.
    #[ts(type = "number")]
    pub id: i64,
    /// RFC 3339, UTC.
    pub at: String,
    /// Who did it, as stored: `admin:<id>`, `recovery-key`, `signing-station` or `system`.
    pub actor: String,
    /// The admin's name, or "Recovery key", "Signing station", "Safekeeper".
    pub actor_name: String,
    /// The action as stored, e.g. `person.added`.
    pub action: String,
    /// What happened, in words.
    pub what: String,
    /// The kind of record the entry is about, e.g. `incident`, `person`, `signature`.
    pub subject_kind: String,
    /// The id of the record the entry is about (empty when it is about no one record).
    pub subject_id: String,
    /// Ids and counts the entry carries as stored (never record text), e.g. `autoLockMinutes=15`.
    pub detail: String,
}

/// A page of matching audit trail entries, newest first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct AuditPage {
    /// The entries on this page, newest first.
    pub rows: Vec<AuditRow>,
    /// More matching entries are older than the last row.
    pub more: bool,
}

/// Who can appear in the "who" filter: every admin there has ever been, and the other actors.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct AuditActor {
    /// The actor as stored in the trail, e.g. `admin:<id>` or `system`, used as the filter value.
    pub actor: String,
    /// How the filter shows the actor: the admin's name (with "(removed)" for a removed admin) or a
    /// plain label.
    pub name: String,
}

/// Plain words for each action the trail records. Anything not listed is shown as stored.
const WORDS: &[(&str, &str)] = &[
    ("vault.created", "Set up Safekeeper"),
    ("vault.keyRotated", "Changed the database key"),
    ("vault.restoredFromBackup", "Restored the records from a backup onto a new computer"),
    ("session.unlocked", "Unlocked"),
    ("session.locked", "Locked"),
    ("session.recoveryKeyUsed", "Unlocked with the recovery key"),
    ("admin.added", "Added an admin"),
    ("admin.removed", "Removed an admin"),
    ("admin.passphraseSet", "Set a new passphrase"),
    ("settings.changed", "Changed the organisation's settings"),
    ("settings.dslNamed", "Named the DSL"),
    ("backup.verified", "Made a verified backup"),
    ("backup.restored", "Restored a backup"),
    ("backup.restoreKept", "Kept a restore"),
    ("backup.restoreUndone", "Undid a restore"),
    ("outbox.ingested", "Took in signing-station submissions"),
    ("outbox.problemRecorded", "Recorded a signing-station submission that had been kept"),
    ("outbox.problemSetAside", "Kept aside a signing-station submission that could not be recorded"),
    ("person.added", "Added a person"),
    ("person.updated", "Changed a person's details"),
    ("person.archived", "Archived a person"),
    ("person.unarchived", "Brought back an archived person"),
    ("person.parentLinked", "Linked a parent or carer"),
    ("person.parentUnlinked", "Unlinked a parent or carer"),
    ("person.rolesChanged", "Changed a person's roles"),
    ("person.kioskListed", "Changed who is listed at the signing station"),
    ("people.imported", "Imported people from a CSV file"),
    ("aup.created", "Created an AUP"),
    ("aup.draftSaved", "Saved an AUP draft"),
    ("aup.draftDiscarded", "Discarded an AUP draft"),
    ("aup.published", "Published an AUP version"),
    ("aup.kioskPublished", "Changed what the signing station offers"),
    ("signature.recorded", "Recorded an AUP signature"),
    ("signature.confirmed", "Confirmed who signed an AUP"),
    ("signature.reassigned", "Attached an AUP signature to another person"),
    ("signature.discarded", "Discarded an AUP signature"),
    ("signature.scanSaved", "Saved a copy of a signed paper form"),
    ("signature.printed", "Printed a signed AUP"),
    ("incident.created", "Recorded an incident"),
    ("incident.opened", "Opened an incident"),
    ("incident.entryAdded", "Added to an incident"),
    ("incident.amended", "Amended an incident"),
    ("incident.status", "Changed an incident's status"),
    ("incident.closed", "Closed an incident"),
    ("incident.reopened", "Reopened an incident"),
    ("incident.access", "Changed who may see an incident"),
    ("incident.printed", "Printed an incident report"),
    ("course.added", "Added a training course"),
    ("course.changed", "Changed a training course"),
    ("course.retired", "Retired a training course"),
    ("course.restored", "Brought back a training course"),
    ("training.recorded", "Recorded training"),
    ("training.removed", "Removed a training record"),
    ("training.imported", "Imported past training"),
    ("training.certificateAdded", "Added a training certificate"),
    ("training.certificateSaved", "Saved a copy of a training certificate"),
    ("policy.added", "Added a policy"),
    ("policy.changed", "Changed a policy"),
    ("policy.retired", "Retired a policy"),
    ("policy.restored", "Brought back a policy"),
    ("policy.reviewed", "Recorded a policy review"),
    ("policy.documentAdded", "Stored a policy document"),
    ("policy.documentSaved", "Saved a copy of a policy document"),
    ("filtering.logged", "Logged a filtering change or breach"),
    ("consent.recorded", "Recorded image consent"),
    ("consent.withdrawn", "Recorded a withdrawal of image consent"),
    ("consent.confirmed", "Confirmed an image consent"),
    ("consent.accountAdded", "Added a social media account"),
    ("consent.accountRetired", "Retired a social media account"),
    ("publication.logged", "Logged a publication"),
    ("publication.takenDown", "Recorded a take-down"),
    ("group.saved", "Saved a group"),
    ("group.memberAdded", "Added someone to a group"),
    ("group.memberRemoved", "Removed someone from a group"),
    ("audit.printed", "Printed the audit trail"),
    ("handover.exported", "Exported every record for hand-over"),
    ("subjectAccess.exported", "Saved a subject access export"),
    ("report.trusteePrinted", "Saved the trustee report"),
    ("backup.reminderChanged", "Changed the backup reminder"),
    ("retention.rulesChanged", "Changed the retention rules"),
    ("record.kept", "Kept a record at its retention review"),
    ("record.legalHold", "Put a record on legal hold"),
    ("record.holdLifted", "Lifted a legal hold"),
    ("record.erased", "Erased a record at its retention review"),
    ("consent.printed", "Printed image consent records"),
    ("consent.settingsChanged", "Changed the image consent settings"),
];

/// The plain words for an action (e.g. `person.added` becomes "Added a person"); an action with no
/// words is returned as stored.
pub fn words_for(action: &str) -> String {
    WORDS.iter().find(|(a, _)| *a == action).map_or_else(|| action.to_owned(), |(_, w)| (*w).to_owned())
}

/// Everyone who may appear as "who": admins (removed ones included) and the other actors.
pub fn actors(conn: &Connection) -> Result<Vec<AuditActor>, StoreError> {
    let mut stmt = conn.prepare("SELECT id, name, removed_at FROM admins ORDER BY name")?;
    let mut out: Vec<AuditActor> = stmt
        .query_map([], |r| {
            let removed: Option<String> = r.get(2)?;
            let name: String = r.get(1)?;
            Ok(AuditActor {
                actor: format!("admin:{}", r.get::<_, String>(0)?),
                name: if removed.is_some() { format!("{name} (removed)") } else { name },
            })
        })?
        .collect::<Result<_, _>>()?;
    for (actor, name) in
        [("recovery-key", "Recovery key"), ("signing-station", "Signing station"), ("system", "Safekeeper")]
    {
        out.push(AuditActor { actor: actor.to_owned(), name: name.to_owned() });
    }
    Ok(out)
}

/// The ids of the person and of every record about them, for the person filter.
fn ids_about(conn: &Connection, person_id: &str) -> Result<HashSet<String>, StoreError> {
    let mut ids = HashSet::from([person_id.to_owned()]);
    for sql in [
        "SELECT id FROM signatures WHERE person_id = ?1",
        "SELECT id FROM image_consents WHERE person_id = ?1",
        "SELECT id FROM training_records WHERE person_id = ?1",
        "SELECT DISTINCT incident_id FROM incident_people WHERE person_id = ?1",
        "SELECT DISTINCT publication_id FROM publication_people WHERE person_id = ?1",
    ] {
        let mut stmt = conn.prepare(sql)?;
        for id in stmt.query_map([person_id], |r| r.get::<_, String>(0))? {
            ids.insert(id?);
        }
    }
    Ok(ids)
}

/// One page of the trail, newest first.
pub fn page(conn: &Connection, query: &AuditQuery) -> Result<AuditPage, StoreError> {
    let limit = query.limit.unwrap_or(100).clamp(1, PAGE_LIMIT) as usize;
    let names: std::collections::HashMap<String, String> =
        actors(conn)?.into_iter().map(|a| (a.actor, a.name)).collect();
    let about = query.person_id.as_deref().map(|p| ids_about(conn, p)).transpose()?;
    // UTC bounds a day wider than asked, so that the UK-day test below decides the edges.
    let low = query.from.and_then(|d| d.pred_opt()).map(|d| d.to_string()).unwrap_or_default();
    let high = query.to.and_then(|d| d.succ_opt()).and_then(|d| d.succ_opt()).map(|d| d.to_string());
    let mut stmt = conn.prepare(
        "SELECT id, at, actor, action, subject_kind, subject_id, detail FROM audit
         WHERE id < ?1 AND (?2 IS NULL OR actor = ?2) AND (?3 IS NULL OR subject_kind = ?3)
           AND at >= ?4 AND (?5 IS NULL OR at < ?5)
         ORDER BY id DESC",
    )?;
    let mut rows =
        stmt.query(params![query.before_id.unwrap_or(i64::MAX), query.actor, query.subject_kind, low, high])?;
    let mut out = Vec::new();
    let mut more = false;
    while let Some(row) = rows.next()? {
        let at: String = row.get(1)?;
        let subject_id: String = row.get(5)?;
        if let Some(ids) = &about {
            if !ids.contains(&subject_id) {
                continue;
            }
        }
        let day = uk_day_of(&at);
        if query.from.is_some_and(|f| day.is_none_or(|d| d < f)) || query.to.is_some_and(|t| day.is_none_or(|d| d > t))
        {
            continue;
        }
        if out.len() == limit {
            more = true;
            break;
        }
        let actor: String = row.get(2)?;
        let action: String = row.get(3)?;
        out.push(AuditRow {
            id: row.get(0)?,
            at,
            actor_name: names.get(&actor).cloned().unwrap_or_else(|| actor.clone()),
            actor,
            what: words_for(&action),
            action,
            subject_kind: row.get(4)?,
            subject_id,
            detail: row.get(6)?,
        });
    }
    Ok(AuditPage { rows: out, more })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::records::people::{self, PersonDraft, PersonGroup};
    use crate::store::audit::{self, Actor, Entry};

    fn person(conn: &mut Connection, name: &str) -> String {
        let draft = PersonDraft {
            group: PersonGroup::Staff,
            full_name: name.into(),
            preferred_name: None,
            date_of_birth: None,
            start_date: None,
            leave_date: None,
            email: None,
            phone: None,
        };
        people::add(conn, &Actor::Admin("a1".into()), &draft).expect("person").id
    }

    fn at(conn: &Connection, id: i64, when: &str) {
        // Only the test moves entries in time; the chain is not verified here.
        conn.execute("UPDATE audit SET at = ?1 WHERE id = ?2", params![when, id]).expect("move");
    }

    #[test]
    fn filters_by_who_by_kind_and_by_the_person_a_record_is_about() {
        let mut conn = crate::records::test_db();
        conn.execute(
            "INSERT INTO admins (id, name, recipient, created_at) VALUES ('a1', 'Morgan Ellis', 'r1', 'x')",
            [],
        )
        .expect("admin");
        let asha = person(&mut conn, "Asha Patel");
        let ben = person(&mut conn, "Ben Jones");
        audit::append(
            &conn,
            &Actor::RecoveryKey,
            &Entry { action: "session.recoveryKeyUsed", subject_kind: "admin", subject_id: "", detail: "" },
        )
        .expect("append");
        let all = page(&conn, &AuditQuery::default()).expect("page");
        assert_eq!(all.rows.len(), 3);
        assert_eq!(all.rows[0].what, "Unlocked with the recovery key", "newest first, in words");
        assert_eq!(all.rows[2].actor_name, "Morgan Ellis");

        let by_admin = page(&conn, &AuditQuery { actor: Some("admin:a1".into()), ..Default::default() }).expect("page");
        assert_eq!(by_admin.rows.len(), 2);
        let about_ben = page(&conn, &AuditQuery { person_id: Some(ben.clone()), ..Default::default() }).expect("page");
        assert_eq!(about_ben.rows.iter().map(|r| r.subject_id.as_str()).collect::<Vec<_>>(), vec![ben.as_str()]);
        let people_only =
            page(&conn, &AuditQuery { subject_kind: Some("person".into()), ..Default::default() }).expect("page");
        assert!(people_only.rows.iter().all(|r| r.subject_id == asha || r.subject_id == ben));
        assert_eq!(people_only.rows.len(), 2);
    }

    #[test]
    fn uk_days_decide_the_date_filter_and_pages_continue_where_they_stopped() {
        let conn = crate::records::test_db();
        for _ in 0..5 {
            audit::append(
                &conn,
                &Actor::System,
                &Entry { action: "test.write", subject_kind: "test", subject_id: "", detail: "" },
            )
            .expect("append");
        }
        // 23:30 UTC on 30 June is 00:30 on 1 July in London (BST).
        at(&conn, 1, "2026-06-30T22:59:00Z");
        at(&conn, 2, "2026-06-30T23:30:00Z");
        at(&conn, 3, "2026-07-01T12:00:00Z");
        at(&conn, 4, "2026-07-01T23:30:00Z");
        at(&conn, 5, "2026-07-03T09:00:00Z");
        let july_1 = NaiveDate::from_ymd_opt(2026, 7, 1).expect("date");
        let day =
            page(&conn, &AuditQuery { from: Some(july_1), to: Some(july_1), ..Default::default() }).expect("page");
        assert_eq!(day.rows.iter().map(|r| r.id).collect::<Vec<_>>(), vec![3, 2]);

        let first = page(&conn, &AuditQuery { limit: Some(2), ..Default::default() }).expect("page");
        assert_eq!(first.rows.iter().map(|r| r.id).collect::<Vec<_>>(), vec![5, 4]);
        assert!(first.more);
        let next = page(&conn, &AuditQuery { limit: Some(2), before_id: Some(4), ..Default::default() }).expect("page");
        assert_eq!(next.rows.iter().map(|r| r.id).collect::<Vec<_>>(), vec![3, 2]);
        let last = page(&conn, &AuditQuery { limit: Some(2), before_id: Some(2), ..Default::default() }).expect("page");
        assert_eq!(last.rows.iter().map(|r| r.id).collect::<Vec<_>>(), vec![1]);
        assert!(!last.more);
    }
}
