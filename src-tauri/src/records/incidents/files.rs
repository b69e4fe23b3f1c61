//! Evidence files attached to an incident: a screenshot of bullying messages, a letter as a PDF.
//! Kept inside the encrypted database, size- and type-checked like AUP scans, each with an
//! evidence entry in the chronology that says what it is. Never for incidents where an image may
//! be indecent (the policy forbids saving or copying such content). Opening one asks for the
//! reason, which is kept with who opened it and when; the audit trail records the opening by id.

use chrono::NaiveDate;
use rusqlite::{params, Connection, OptionalExtension};
use serde::Serialize;
use ts_rs::TS;

use super::entries::{EntryBody, Evidence, SHORT_TEXT};
use super::store::{insert_added_entry, visible_to};
use super::{IncidentError, IncidentField, Status, LONG_TEXT};
use crate::records::attachments::{decode_base64, UploadError};
use crate::records::signatures::{scan_media_type, MAX_SCAN_BYTES};
use crate::records::{new_id, now_utc};
use crate::store::audit::{self, Actor, Entry as AuditEntry};

/// The largest evidence file, the same cap as a scanned AUP.
pub const MAX_EVIDENCE_BYTES: usize = MAX_SCAN_BYTES;

/// A file attached to an incident, as the incident page lists it (without its bytes).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename = "IncidentFile")]
pub struct IncidentFileInfo {
    /// The file's id (a UUID).
    pub id: String,
    /// The evidence entry that describes it.
    pub entry_id: String,
    /// The name it had when attached, without any folder.
    pub file_name: String,
    /// `image/png`, `image/jpeg` or `application/pdf`.
    pub media_type: String,
    /// Its size in bytes.
    #[ts(type = "number")]
    pub size: i64,
    /// When it was attached (RFC 3339, UTC).
    pub added_at: String,
    /// Who attached it, as the audit trail names actors.
    pub added_by: String,
    /// Every time it was opened, oldest first.
    pub openings: Vec<FileOpening>,
}

/// One opening of an evidence file: who, when and why.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct FileOpening {
    /// When (RFC 3339, UTC).
    pub opened_at: String,
    /// Who, as the audit trail names actors (`admin:<id>`, `recovery-key`).
    pub opened_by: String,
    /// The reason they gave.
    pub reason: String,
}

/// A file handed over for saving, after its opening was recorded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OpenedFile {
    /// The name it had when attached.
    pub file_name: String,
    /// `image/png`, `image/jpeg` or `application/pdf`.
    pub media_type: String,
    /// The file itself.
    pub bytes: Vec<u8>,
}

/// What to attach: the file and a description of what it shows.
pub struct NewFile<'a> {
    /// What the file is and shows, for the evidence entry.
    pub description: &'a str,
    /// Its name on the admin's computer; any folder part is dropped.
    pub file_name: &'a str,
    /// The file itself.
    pub bytes: &'a [u8],
}

/// The file name without any folder, tidied, at most 200 characters.
fn tidy_file_name(name: &str) -> Result<String, IncidentError> {
    let base = name.rsplit(['/', '\\']).next().unwrap_or_default().trim();
    let clean: String = base.chars().filter(|c| !c.is_control()).collect();
    if clean.is_empty() {
        return Err(IncidentError::Missing(IncidentField::FileName));
    }
    if clean.chars().count() > SHORT_TEXT {
        return Err(IncidentError::TooLong { field: IncidentField::FileName, max: SHORT_TEXT });
    }
    Ok(clean)
}

/// Attaches an evidence file, with an evidence entry in the chronology that describes it.
/// Refused for incidents where an image may be indecent, for a closed incident, for files over
/// the cap and for anything but a PNG or JPEG picture or a PDF.
pub fn attach_file(
    conn: &mut Connection,
    actor: &Actor,
    incident_id: &str,
    file: &NewFile<'_>,
    today: NaiveDate,
) -> Result<IncidentFileInfo, IncidentError> {
    let tx = conn.transaction()?;
    let incident = visible_to(&tx, actor, incident_id)?;
    if incident.kind.needs_image_decision() {
        return Err(IncidentError::ImagesNeverStored);
    }
    if incident.status == Status::Closed {
        return Err(IncidentError::Closed);
    }
    if file.bytes.len() > MAX_EVIDENCE_BYTES {
        return Err(IncidentError::FileTooLarge);
    }
    let media_type = scan_media_type(file.bytes).ok_or(IncidentError::FileWrongType)?;
    let file_name = tidy_file_name(file.file_name)?;
    let evidence = EntryBody::Evidence(Evidence {
        what: file.description.to_owned(),
        held_where: format!("Attached in Safekeeper as \u{201c}{file_name}\u{201d}"),
        device_secured: false,
    });
    let entry = insert_added_entry(&tx, actor, incident_id, &evidence, today)?;
    let id = new_id();
    let now = now_utc();
    tx.execute(
        "INSERT INTO incident_files (id, incident_id, entry_id, file_name, media_type, bytes, added_at, added_by)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
        params![id, incident_id, entry.id, file_name, media_type, file.bytes, now, actor.as_stored()],
    )?;
    let detail = format!("file={id};type={media_type};bytes={}", file.bytes.len());
    audit::append(
        &tx,
        actor,
        &AuditEntry {
            action: "incident.fileAttached",
            subject_kind: "incident",
            subject_id: incident_id,
            detail: &detail,
        },
    )?;
    tx.commit()?;
    Ok(IncidentFileInfo {
        id,
        entry_id: entry.id,
        file_name,
        media_type: media_type.to_owned(),
        size: file.bytes.len() as i64,
        added_at: now,
        added_by: actor.as_stored(),
        openings: Vec::new(),
    })
}

/// The files attached to an incident, oldest first, each with every opening. Read without an
/// audit entry: the caller has already opened the incident.
pub(crate) fn files_of(conn: &Connection, incident_id: &str) -> Result<Vec<IncidentFileInfo>, IncidentError> {
    let mut stmt = conn.prepare_cached(
        "SELECT id, entry_id, file_name, media_type, length(bytes), added_at, added_by FROM incident_files
         WHERE incident_id = ?1 ORDER BY added_at, id",
    )?;
    let mut files: Vec<IncidentFileInfo> = stmt
        .query_map([incident_id], |r| {
            Ok(IncidentFileInfo {
                id: r.get(0)?,
                entry_id: r.get(1)?,
                file_name: r.get(2)?,
                media_type: r.get(3)?,
                size: r.get(4)?,
                added_at: r.get(5)?,
                added_by: r.get(6)?,
                openings: Vec::new(),
            })
        })?
        .collect::<Result<_, _>>()?;
    let mut openings = conn.prepare_cached(
        "SELECT opened_at, opened_by, reason FROM incident_file_openings WHERE file_id = ?1 ORDER BY opened_at, id",
    )?;
    for file in &mut files {
        file.openings = openings
            .query_map([&file.id], |r| {
                Ok(FileOpening { opened_at: r.get(0)?, opened_by: r.get(1)?, reason: r.get(2)? })
            })?
            .collect::<Result<_, _>>()?;
    }
    Ok(files)
}

/// The name and type of one attached file, to offer in a Save dialog before it is opened. Reads
/// no bytes and records nothing.
pub fn file_name_of(
    conn: &Connection,
    actor: &Actor,
    incident_id: &str,
    file_id: &str,
) -> Result<(String, String), IncidentError> {
    visible_to(conn, actor, incident_id)?;
    conn.query_row(
        "SELECT file_name, media_type FROM incident_files WHERE id = ?1 AND incident_id = ?2",
        [file_id, incident_id],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )
    .optional()?
    .ok_or(IncidentError::FileNotFound)
}

/// The bytes of a file sent as base64, within the evidence cap.
pub fn decode_upload(text: &str) -> Result<Vec<u8>, IncidentError> {
    decode_base64(text, MAX_EVIDENCE_BYTES).map_err(|e| match e {
        UploadError::TooLarge => IncidentError::FileTooLarge,
        UploadError::Unreadable => IncidentError::FileUnreadable,
    })
}

/// Hands over an evidence file for saving, recording first who opened it, when and why. The
/// reason is required; the audit trail records the opening by id (never the reason's words).
pub fn open_file(
    conn: &mut Connection,
    actor: &Actor,
    incident_id: &str,
    file_id: &str,
    reason: &str,
) -> Result<OpenedFile, IncidentError> {
    let reason = reason.trim();
    if reason.is_empty() {
        return Err(IncidentError::Missing(IncidentField::OpeningReason));
    }
    if reason.chars().count() > LONG_TEXT {
        return Err(IncidentError::TooLong { field: IncidentField::OpeningReason, max: LONG_TEXT });
    }
    let tx = conn.transaction()?;
    visible_to(&tx, actor, incident_id)?;
    let file = tx
        .query_row(
            "SELECT file_name, media_type, bytes FROM incident_files WHERE id = ?1 AND incident_id = ?2",
            [file_id, incident_id],
            |r| Ok(OpenedFile { file_name: r.get(0)?, media_type: r.get(1)?, bytes: r.get(2)? }),
        )
        .optional()?
        .ok_or(IncidentError::FileNotFound)?;
    let opening = new_id();
    tx.execute(
        "INSERT INTO incident_file_openings (id, file_id, opened_at, opened_by, reason) VALUES (?1, ?2, ?3, ?4, ?5)",
        params![opening, file_id, now_utc(), actor.as_stored(), reason],
    )?;
    let detail = format!("file={file_id};opening={opening}");
    audit::append(
        &tx,
        actor,
        &AuditEntry {
            action: "incident.fileOpened",
            subject_kind: "incident",
            subject_id: incident_id,
            detail: &detail,
        },
    )?;
    tx.commit()?;
    Ok(file)
}
