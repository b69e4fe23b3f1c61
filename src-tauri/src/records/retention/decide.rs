//! Recording a retention decision, and erasure. Erasing removes the record and every row that
//! depends on it, and leaves a tombstone: the decision row (kind, id, rule, the typed reason, who
//! and when) and an audit entry that holds codes and ids only. One transaction does it all.

use chrono::NaiveDate;
use rusqlite::{params, Connection};

use super::due::{candidates, latest_decisions, standing, Scope, Standing};
use super::{Decision, RecordKind, RetentionError, MAX_KEEP_YEARS, MAX_REASON_CHARS};
use crate::dates::add_years;
use crate::records::{date_text, new_id, now_utc};
use crate::store::audit::{self, Actor, Entry};

fn checked_reason(reason: &str) -> Result<String, RetentionError> {
    let reason = reason.trim();
    if reason.is_empty() || reason.chars().count() > MAX_REASON_CHARS {
        return Err(RetentionError::ReasonNeeded);
    }
    Ok(reason.to_owned())
}

/// Deletes the record and its dependent rows. Every table that points at these records is named
/// here; the tests check no foreign key is left dangling and no planted text survives.
fn erase_content(tx: &Connection, kind: RecordKind, id: &str) -> Result<(), RetentionError> {
    match kind {
        RecordKind::Incident => {
            // Lets the never-delete trigger on incident_entries pass for this incident only.
            tx.execute("INSERT INTO retention_erasing (incident_id) VALUES (?1)", [id])?;
            tx.execute("DELETE FROM incident_people WHERE incident_id = ?1", [id])?;
            tx.execute("DELETE FROM incident_access WHERE incident_id = ?1", [id])?;
            tx.execute(
                "DELETE FROM incident_file_openings
                 WHERE file_id IN (SELECT id FROM incident_files WHERE incident_id = ?1)",
                [id],
            )?;
            tx.execute("DELETE FROM incident_files WHERE incident_id = ?1", [id])?;
            tx.execute("DELETE FROM filtering_incidents WHERE incident_id = ?1", [id])?;
            // Amendments point at their originals, so they go first.
            tx.execute("DELETE FROM incident_entries WHERE incident_id = ?1 AND amends IS NOT NULL", [id])?;
            tx.execute("DELETE FROM incident_entries WHERE incident_id = ?1", [id])?;
            tx.execute("DELETE FROM incidents WHERE id = ?1", [id])?;
            tx.execute("DELETE FROM retention_erasing WHERE incident_id = ?1", [id])?;
        }
        RecordKind::ImageConsent => {
            // The answers, the signing mark and the withdrawal are all columns of this row.
            tx.execute("DELETE FROM image_consents WHERE id = ?1", [id])?;
        }
        RecordKind::AupSignature => {
            tx.execute("DELETE FROM signature_scans WHERE signature_id = ?1", [id])?;
            tx.execute("DELETE FROM signatures WHERE id = ?1", [id])?;
        }
        RecordKind::TrainingRecord => {
            tx.execute("DELETE FROM training_certificates WHERE record_id = ?1", [id])?;
            tx.execute("DELETE FROM training_records WHERE id = ?1", [id])?;
        }
    }
    Ok(())
}

/// Records the admin's decision about one record whose review has come. `Erase` removes the
/// record for good and is refused while it is on legal hold; nothing is erased any other way.
pub fn decide(
    conn: &mut Connection,
    actor: &Actor,
    kind: RecordKind,
    id: &str,
    decision: &Decision,
    today: NaiveDate,
) -> Result<(), RetentionError> {
    let (reason, code, next_review) = match decision {
        Decision::Keep { reason, next_review } => {
            if *next_review <= today || *next_review > add_years(today, MAX_KEEP_YEARS) {
                return Err(RetentionError::BadNextReview);
            }
            (reason, "keep", Some(*next_review))
        }
        Decision::LegalHold { reason } => (reason, "legalHold", None),
        Decision::LiftHold { reason } => (reason, "holdLifted", None),
        Decision::Erase { reason } => (reason, "erased", None),
    };
    let reason = checked_reason(reason)?;
    let erase = matches!(decision, Decision::Erase { .. });
    if erase {
        // Already on for the vault's connection; set again so erasure never depends on that:
        // freed pages are overwritten with zeros rather than left holding the old content.
        conn.execute_batch("PRAGMA secure_delete = ON;")?;
    }

    let tx = conn.transaction()?;
    let mut candidate =
        candidates(&tx, actor, Some(kind), Scope::One(id))?.into_iter().next().ok_or(RetentionError::NotFound)?;
    let latest = latest_decisions(&tx, Some(kind), Scope::One(id))?;
    let key = (kind.as_str().to_owned(), id.to_owned());
    let now = standing(&mut candidate.item, latest.get(&key), today);
    match (decision, &now) {
        (Decision::LegalHold { .. }, Standing::Held) => return Err(RetentionError::AlreadyHeld),
        (Decision::LegalHold { .. }, _) => {}
        (Decision::LiftHold { .. }, Standing::Held) => {}
        (Decision::LiftHold { .. }, _) => return Err(RetentionError::NotHeld),
        (Decision::Erase { .. }, Standing::Held) => return Err(RetentionError::OnLegalHold),
        (_, Standing::Due) => {}
        (_, Standing::Held) => return Err(RetentionError::OnLegalHold),
        (_, Standing::KeptUntil | Standing::NotDue) => return Err(RetentionError::NotDue),
    }

    let decision_id = new_id();
    let rule = candidate.item.rule.as_str();
    tx.execute(
        "INSERT INTO retention_decisions
             (id, record_kind, record_id, rule, decision, reason, next_review, reference, decided_by, decided_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
        params![
            decision_id,
            kind.as_str(),
            id,
            rule,
            code,
            reason,
            next_review.map(date_text),
            candidate.reference,
            actor.as_stored(),
            now_utc()
        ],
    )?;
    if erase {
        erase_content(&tx, kind, id)?;
    }
    let action = match decision {
        Decision::Keep { .. } => "record.kept",
        Decision::LegalHold { .. } => "record.legalHold",
        Decision::LiftHold { .. } => "record.holdLifted",
        Decision::Erase { .. } => "record.erased",
    };
    let mut detail = format!("rule={rule};decision={decision_id}");
    if let Some(next) = next_review {
        detail.push_str(&format!(";nextReview={}", date_text(next)));
    }
    audit::append(&tx, actor, &Entry { action, subject_kind: kind.audit_kind(), subject_id: id, detail: &detail })?;
    tx.commit()?;
    if erase {
        // Fold the write-ahead log back into the main file so the old pages do not linger in it.
        // Best effort: a busy checkpoint is retried by the next one, and the log is encrypted.
        let _ = conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()));
    }
    Ok(())
}
