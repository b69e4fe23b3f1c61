//! The hand-over export, for when the organisation closes or moves to another system: every
//! record in open formats (one JSON file with every table, a CSV file per table, each stored file
//! such as a signature, scan, certificate or policy document as a file of its own, and a README
//! explaining it all) in a new folder inside the one the admin chose.
//!
//! Owns the folder's layout and formats. Does not choose where it goes, and writes nothing that
//! unlocks Safekeeper: the audit chain's key and the demo passphrase stay behind. The output is
//! NOT encrypted, which the admin is warned about before choosing the folder.

mod recorded;

use std::fs;
use std::path::{Path, PathBuf};

use rusqlite::types::ValueRef;
use rusqlite::Connection;
use serde::Serialize;
use serde_json::{json, Map, Value};
use ts_rs::TS;

use crate::store::{StoreError, SECRET_META};
pub use recorded::hand_over;

/// What a finished hand-over export holds, for the confirmation the admin sees.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct HandoverReport {
    /// The full path of the finished export folder, named `Safekeeper hand-over YYYY-MM-DD HHMM`
    /// (UK time).
    pub folder: String,
    /// How many database tables were written (each to `records.json` and its own CSV file).
    #[ts(type = "number")]
    pub tables: u64,
    /// How many rows were written, across every table.
    #[ts(type = "number")]
    pub rows: u64,
    /// Stored files (signatures, scans, certificates, documents) written out.
    #[ts(type = "number")]
    pub files: u64,
}

/// Why the hand-over export failed; a failed export leaves no folder behind.
#[derive(Debug, thiserror::Error)]
pub enum HandoverError {
    /// The folder could not be written: no space, no permission, or an export of the same minute is
    /// already there.
    #[error("The export could not be written there ({0}). Check the folder or USB stick has space and you may write to it, then try again. Your records are unchanged.")]
    Write(#[from] std::io::Error),
    /// The records could not be read from the database.
    #[error(transparent)]
    Store(#[from] StoreError),
    /// The export's work ended before it could say how it went (its thread stopped).
    #[error("The export stopped unexpectedly. Your records are unchanged. Try again.")]
    Stopped,
    /// Safekeeper locked while the export was being written; the half-made folder was removed.
    #[error("The export stopped because Safekeeper locked. Nothing was saved. Unlock and start it again.")]
    StoppedByLock,
}

impl crate::error::CodedError for HandoverError {
    fn code(&self) -> crate::error::ErrorCode {
        match self {
            HandoverError::Write(_) => crate::error::ErrorCode::HandoverWrite,
            HandoverError::Stopped => crate::error::ErrorCode::HandoverFailed,
            HandoverError::StoppedByLock => crate::error::ErrorCode::VaultLocked,
            HandoverError::Store(e) => e.code(),
        }
    }
}

impl From<rusqlite::Error> for HandoverError {
    fn from(e: rusqlite::Error) -> Self {
        HandoverError::Store(e.into())
    }
}

/// The extension a stored file gets, from its first bytes.
fn extension_for(bytes: &[u8]) -> &'static str {
    if bytes.starts_with(b"\x89PNG") {
        "png"
    } else if bytes.starts_with(&[0xff, 0xd8, 0xff]) {
        "jpg"
    } else if bytes.starts_with(b"%PDF") {
        "pdf"
    } else if bytes.starts_with(b"PK\x03\x04") {
        // Word and OpenDocument files are zip archives; the policy documents table keeps the
        // real extension beside the bytes.
        "zip"
    } else {
        "bin"
    }
}

/// One CSV cell. A cell a spreadsheet would run as a formula gets a leading apostrophe (the JSON
/// keeps the exact value).
fn csv_cell(text: &str) -> String {
    let guarded = if text.starts_with(['=', '+', '-', '@']) { format!("'{text}") } else { text.to_owned() };
    if guarded.contains([',', '"', '\n', '\r']) || guarded.starts_with(' ') || guarded.ends_with(' ') {
        format!("\"{}\"", guarded.replace('"', "\"\""))
    } else {
        guarded
    }
}

fn tables(conn: &Connection) -> Result<Vec<String>, HandoverError> {
    let mut stmt =
        conn.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")?;
    let names: Vec<String> = stmt.query_map([], |r| r.get(0))?.collect::<Result<_, _>>()?;
    Ok(names.into_iter().filter(|n| !crate::store::is_derived(n)).collect())
}

struct TableOut {
    rows: Vec<Value>,
    csv: String,
    files: u64,
}

fn export_table(conn: &Connection, table: &str, root: &Path) -> Result<TableOut, HandoverError> {
    let mut stmt = conn
        .prepare(&format!("SELECT rowid AS \"__row\", * FROM \"{table}\""))
        .or_else(|_| conn.prepare(&format!("SELECT NULL AS \"__row\", * FROM \"{table}\"")))?;
    let columns: Vec<String> = stmt.column_names().skip(1).map(str::to_owned).collect();
    let mut csv = columns.iter().map(|c| csv_cell(c)).collect::<Vec<_>>().join(",");
    csv.push_str("\r\n");
    let mut out = Vec::new();
    let mut files = 0;
    let mut rows = stmt.query([])?;
    while let Some(row) = rows.next()? {
        let row_no: Option<i64> = row.get(0)?;
        let mut object = Map::new();
        let mut cells = Vec::with_capacity(columns.len());
        for (i, column) in columns.iter().enumerate() {
            let value = match row.get_ref(i + 1)? {
                ValueRef::Null => Value::Null,
                ValueRef::Integer(n) => json!(n),
                ValueRef::Real(x) => json!(x),
                ValueRef::Text(t) => Value::String(String::from_utf8_lossy(t).into_owned()),
                ValueRef::Blob(b) if table == "audit" => Value::String(hex::encode(b)),
                ValueRef::Blob(b) => {
                    let name = format!("{}-{column}.{}", row_no.unwrap_or(out.len() as i64 + 1), extension_for(b));
                    let relative = format!("files/{table}/{name}");
                    let target = root.join(&relative);
                    fs::create_dir_all(target.parent().expect("a file under files/ has a folder"))?;
                    fs::write(&target, b)?;
                    files += 1;
                    json!({ "file": relative, "bytes": b.len() })
                }
            };
            if table == "meta" && column == "value" {
                let key = object.get("key").and_then(Value::as_str).unwrap_or_default();
                if SECRET_META.contains(&key) {
                    break;
                }
            }
            cells.push(match &value {
                Value::Null => String::new(),
                Value::String(s) => csv_cell(s),
                Value::Object(o) => csv_cell(o.get("file").and_then(Value::as_str).unwrap_or_default()),
                other => other.to_string(),
            });
            object.insert(column.clone(), value);
        }
        if cells.len() < columns.len() {
            continue;
        }
        csv.push_str(&cells.join(","));
        csv.push_str("\r\n");
        out.push(Value::Object(object));
    }
    Ok(TableOut { rows: out, csv, files })
}

const README: &str = "\
Safekeeper hand-over export
===========================

This folder holds every record Safekeeper kept for the organisation named in records.json, as it
stood when the export was made. It is NOT encrypted: anyone who can open this folder can read
everything in it, including safeguarding records about children. Keep it on an encrypted drive,
hand it only to the person or organisation taking the records over, and delete every other copy.

What is here
------------
records.json      Every table, in one file. \"tables\" maps each table's name to its rows; each row
                  maps column names to values. A stored file (a drawn signature, a scanned paper
                  form, a training certificate, a policy document) appears as
                  {\"file\": \"files/<table>/<name>\", \"bytes\": <size>} and the file itself is in
                  the files folder.
csv/<table>.csv   The same rows, one CSV file per table (UTF-8, comma-separated, first line the
                  column names). A stored file appears as its path under files/. A value that a
                  spreadsheet would treat as a formula (starting with = + - or @) has an apostrophe
                  added in front; records.json holds the exact value.
files/            The stored files, named <row>-<column>.<type>. Word and OpenDocument policy
                  documents are saved as .zip: rename them with the extension in the
                  policy_documents table.

How the records fit together
----------------------------
Each table has an id column, and other tables point at it by that id: for example
signatures.person_id is an id in people, and incident_entries.incident_id an id in incidents.
Dates are written yyyy-mm-dd; moments in time are in UTC (RFC 3339), so add an hour for UK summer
time. Incident entries are never changed once saved: a correction is a later entry that names the
one it corrects.

The audit table is the trail of who did what and when. Each entry's mac seals it to the one
before; the key that checks the seals stays inside Safekeeper, so it is not in this export. Keep
the chain head noted in Settings with the export if anyone may later need to show the records
were not changed.
";

/// Writes the export into a new folder inside `parent`. The folder is assembled under a hidden
/// name and renamed when complete, so a half-written export never looks like a whole one. A stop
/// request, looked for before each table, ends it with `StoppedByLock` and removes that folder.
pub fn export(
    conn: &Connection,
    parent: &Path,
    org_name: &str,
    now: crate::dates::UkDateTime,
    stop: &crate::store::stop::StopSignal,
    progress: crate::progress::Report<'_>,
) -> Result<HandoverReport, HandoverError> {
    use crate::progress::{LongWork, WorkProgress, WorkStep};
    let name = format!("Safekeeper hand-over {}", now.format("%Y-%m-%d %H%M"));
    let finished: PathBuf = parent.join(&name);
    if finished.exists() {
        return Err(HandoverError::Write(std::io::Error::new(
            std::io::ErrorKind::AlreadyExists,
            "a hand-over folder with this name is already there",
        )));
    }
    let partial = parent.join(format!(".{name}.partial"));
    let _ = fs::remove_dir_all(&partial);
    let written = (|| -> Result<HandoverReport, HandoverError> {
        fs::create_dir_all(partial.join("csv"))?;
        let mut all = Map::new();
        let (mut rows, mut files) = (0u64, 0u64);
        let names = tables(conn)?;
        // One part per table, and one for the single file and putting the folder in place.
        let parts = names.len() + 1;
        for (done, table) in names.iter().enumerate() {
            if stop.is_raised() {
                return Err(HandoverError::StoppedByLock);
            }
            progress(WorkProgress::new(LongWork::Handover, WorkStep::WritingTables, done, parts));
            let out = export_table(conn, table, &partial)?;
            rows += out.rows.len() as u64;
            files += out.files;
            fs::write(partial.join("csv").join(format!("{table}.csv")), out.csv)?;
            all.insert(table.clone(), Value::Array(out.rows));
        }
        progress(WorkProgress::new(LongWork::Handover, WorkStep::Finishing, names.len(), parts));
        let document = json!({
            "format": "safekeeper-handover/1",
            "organisation": org_name,
            "exportedAt": now.to_rfc3339(),
            "appVersion": env!("CARGO_PKG_VERSION"),
            "tables": all,
        });
        fs::write(partial.join("records.json"), serde_json::to_vec_pretty(&document).expect("JSON values serialise"))?;
        fs::write(partial.join("README.txt"), README)?;
        if stop.is_raised() {
            return Err(HandoverError::StoppedByLock);
        }
        fs::rename(&partial, &finished)?;
        Ok(HandoverReport { folder: finished.display().to_string(), tables: names.len() as u64, rows, files })
    })();
    if written.is_err() {
        let _ = fs::remove_dir_all(&partial);
    }
    written
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::records::people::{self, PersonDraft, PersonGroup};
    use crate::store::audit::Actor;

    #[test]
    fn csv_cells_are_quoted_and_formulas_defused() {
        assert_eq!(csv_cell("plain"), "plain");
        assert_eq!(csv_cell("a, b"), "\"a, b\"");
        assert_eq!(csv_cell("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(csv_cell("=SUM(A1)"), "'=SUM(A1)");
        assert_eq!(csv_cell("line\nbreak"), "\"line\nbreak\"");
    }

    #[test]
    fn every_table_is_exported_with_files_and_no_secret_leaves() {
        let mut conn = crate::records::test_db();
        let draft = PersonDraft {
            group: PersonGroup::Staff,
            full_name: "Asha Patel".into(),
            preferred_name: None,
            date_of_birth: None,
            start_date: None,
            leave_date: None,
            email: None,
            phone: None,
        };
        people::add(&mut conn, &Actor::System, &draft).expect("person");
        conn.execute("INSERT INTO meta (key, value) VALUES ('demo_passphrase', 'secret words here')", [])
            .expect("meta");
        let png = b"\x89PNG\r\n\x1a\nfake image bytes".to_vec();
        conn.execute("CREATE TABLE pictures (id TEXT PRIMARY KEY, image BLOB)", []).expect("table");
        conn.execute("INSERT INTO pictures VALUES ('p1', ?1)", [&png]).expect("picture");
        let audit_key: String =
            conn.query_row("SELECT value FROM meta WHERE key = 'audit_key'", [], |r| r.get(0)).expect("key");

        let dir = tempfile::tempdir().expect("dir");
        let now = crate::dates::uk_now();
        let mut steps = Vec::new();
        let report =
            export(&conn, dir.path(), "Test Youth Trust", now, &crate::store::stop::StopSignal::never(), &mut |p| {
                steps.push(p)
            })
            .expect("export");
        let root = PathBuf::from(&report.folder);
        // Progress: one report as each table starts, then one for the finish, counting up to the end.
        use crate::progress::{LongWork, WorkStep};
        let parts = u32::try_from(report.tables).expect("few tables") + 1;
        assert_eq!(steps.len(), parts as usize);
        assert!(steps.iter().all(|p| p.work == LongWork::Handover && p.total == parts));
        assert!(steps.iter().enumerate().all(|(i, p)| p.done as usize == i), "one more part done each time");
        assert_eq!(steps.last().map(|p| p.step), Some(WorkStep::Finishing));
        assert!(steps[..steps.len() - 1].iter().all(|p| p.step == WorkStep::WritingTables));
        assert!(root.file_name().expect("name").to_string_lossy().starts_with("Safekeeper hand-over "));
        assert_eq!(report.files, 1);

        let json: Value = serde_json::from_slice(&fs::read(root.join("records.json")).expect("json")).expect("parse");
        assert_eq!(json["organisation"], "Test Youth Trust");
        let people = json["tables"]["people"].as_array().expect("people rows");
        assert_eq!(people.len(), 1);
        assert_eq!(people[0]["full_name"], "Asha Patel");
        let picture = &json["tables"]["pictures"][0]["image"];
        assert_eq!(picture["bytes"], png.len());
        let file = root.join(picture["file"].as_str().expect("path"));
        assert_eq!(fs::read(file).expect("file"), png);
        let csv = fs::read_to_string(root.join("csv/people.csv")).expect("csv");
        assert!(csv.lines().nth(1).expect("a row").contains("Asha Patel"));
        assert!(root.join("README.txt").is_file());
        for table in tables(&conn).expect("tables") {
            assert!(root.join(format!("csv/{table}.csv")).is_file(), "{table}.csv");
        }

        // Nothing that unlocks or impersonates Safekeeper leaves the vault.
        for (path, bytes) in walk(&root) {
            let text = String::from_utf8_lossy(&bytes);
            assert!(!text.contains(&audit_key), "{path:?} holds the audit key");
            assert!(!text.contains("secret words here"), "{path:?} holds the demo passphrase");
        }
        // No half-written folder is left beside it.
        assert_eq!(fs::read_dir(dir.path()).expect("dir").count(), 1);
    }

    fn walk(root: &Path) -> Vec<(PathBuf, Vec<u8>)> {
        let mut out = Vec::new();
        let mut stack = vec![root.to_path_buf()];
        while let Some(dir) = stack.pop() {
            for entry in fs::read_dir(&dir).expect("dir") {
                let path = entry.expect("entry").path();
                if path.is_dir() {
                    stack.push(path);
                } else {
                    out.push((path.clone(), fs::read(&path).expect("file")));
                }
            }
        }
        out
    }
}
