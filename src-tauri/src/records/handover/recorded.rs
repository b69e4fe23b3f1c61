//! The hand-over export as an admin asks for it: under the organisation's name, and noted in the
//! audit chain with its size (tables, rows and files), never its contents.

use std::path::Path;

use rusqlite::Connection;

use super::{export, HandoverError, HandoverReport};
use crate::dates::UkDateTime;
use crate::records::organisation;
use crate::store::audit::{self, Actor, Entry};
use crate::store::stop::StopSignal;
use crate::store::StoreError;

/// Writes the export into a new folder inside `parent` as at `now`, and records as
/// `handover.exported` that `actor` made it. A lock (`stop`) ends it with nothing written.
pub fn hand_over(
    conn: &Connection,
    actor: &Actor,
    parent: &Path,
    now: UkDateTime,
    stop: &StopSignal,
    progress: crate::progress::Report<'_>,
) -> Result<HandoverReport, HandoverError> {
    let org = organisation::get(conn)?.org_name;
    let report = export(conn, parent, &org, now, stop, progress)?;
    note_exported(conn, actor, &report)?;
    Ok(report)
}

/// Records as `handover.exported` that `actor` wrote the export `report` describes.
fn note_exported(conn: &Connection, actor: &Actor, report: &HandoverReport) -> Result<(), StoreError> {
    let detail = format!("tables={};rows={};files={}", report.tables, report.rows, report.files);
    let tx = conn.unchecked_transaction()?;
    audit::append(
        &tx,
        actor,
        &Entry { action: "handover.exported", subject_kind: "vault", subject_id: "", detail: &detail },
    )?;
    tx.commit()?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_export_is_noted_with_its_size_only() {
        let conn = crate::records::test_db();
        crate::records::organisation::initialise(&conn, "Test Youth Trust").expect("organisation");
        let dir = tempfile::tempdir().expect("dir");
        let report = hand_over(
            &conn,
            &Actor::Admin("admin-dsl".into()),
            dir.path(),
            crate::dates::uk_now(),
            &StopSignal::never(),
            &mut crate::progress::ignore,
        )
        .expect("export");
        assert!(Path::new(&report.folder).join("records.json").is_file());
        let (actor, kind, subject, detail): (String, String, String, String) = conn
            .query_row(
                "SELECT actor, subject_kind, subject_id, detail FROM audit WHERE action = 'handover.exported'",
                [],
                |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?)),
            )
            .expect("one entry");
        assert_eq!((actor.as_str(), kind.as_str(), subject.as_str()), ("admin:admin-dsl", "vault", ""));
        assert_eq!(detail, format!("tables={};rows={};files={}", report.tables, report.rows, report.files));
        assert!(report.tables > 0);
    }

    #[test]
    fn an_export_stopped_by_a_lock_leaves_no_folder_and_is_not_noted() {
        let conn = crate::records::test_db();
        crate::records::organisation::initialise(&conn, "Test Youth Trust").expect("organisation");
        let dir = tempfile::tempdir().expect("dir");
        let requests = crate::store::stop::StopRequests::default();
        let stop = requests.signal();
        requests.request();
        let error =
            hand_over(&conn, &Actor::System, dir.path(), crate::dates::uk_now(), &stop, &mut crate::progress::ignore)
                .expect_err("stopped");
        assert!(matches!(error, HandoverError::StoppedByLock), "{error}");
        assert!(error.to_string().starts_with("The export stopped because Safekeeper locked."));
        assert_eq!(std::fs::read_dir(dir.path()).expect("read").count(), 0, "not even the hidden partial folder");
        let noted: i64 = conn
            .query_row("SELECT count(*) FROM audit WHERE action = 'handover.exported'", [], |r| r.get(0))
            .expect("count");
        assert_eq!(noted, 0);
    }

    #[test]
    fn a_failed_export_is_not_noted() {
        let conn = crate::records::test_db();
        crate::records::organisation::initialise(&conn, "Test Youth Trust").expect("organisation");
        let file = tempfile::NamedTempFile::new().expect("a file, not a folder");
        let error = hand_over(
            &conn,
            &Actor::System,
            file.path(),
            crate::dates::uk_now(),
            &StopSignal::never(),
            &mut crate::progress::ignore,
        )
        .expect_err("refused");
        assert!(matches!(error, HandoverError::Write(_)), "{error}");
        let noted: i64 = conn
            .query_row("SELECT count(*) FROM audit WHERE action = 'handover.exported'", [], |r| r.get(0))
            .expect("count");
        assert_eq!(noted, 0);
    }
}
