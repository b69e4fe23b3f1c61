//! The dashboard's "Getting started" list for a new organisation: five first steps, each ticked
//! off by the records themselves (nobody ticks a box by hand), until all are done or an admin
//! hides the list. Reads across the record types; owns only the "hidden" setting.

use rusqlite::{Connection, OptionalExtension};
use serde::Serialize;
use ts_rs::TS;

use crate::store::audit::{self, Actor, Entry};
use crate::store::StoreError;

const HIDDEN_KEY: &str = "getting_started_hidden";

/// One first step, in the order the list shows them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum FirstStep {
    /// Someone other than the admins is in the people register.
    AddPeople,
    /// The staff and volunteers' AUP has a published version and is on the signing station.
    ShowStaffAup,
    /// The online-safety policy has at least one review in its history.
    ReviewOnlineSafetyPolicy,
    /// Any training has been recorded.
    RecordTraining,
    /// A backup has been made and read back.
    FirstBackup,
}

/// A first step and whether the records show it done.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct StepDone {
    /// Which first step this is.
    pub step: FirstStep,
    /// Whether the records show the step done (never ticked by hand).
    pub done: bool,
}

/// The list as the dashboard shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct GettingStarted {
    /// The five first steps, in the order the list shows them.
    pub steps: Vec<StepDone>,
    /// Whether the dashboard shows the list: not once every step is done, nor once it is hidden.
    pub show: bool,
}

fn exists(conn: &Connection, sql: &str) -> Result<bool, StoreError> {
    Ok(conn.query_row(&format!("SELECT EXISTS ({sql})"), [], |r| r.get(0))?)
}

/// Where a new organisation stands. `backup_made` comes from the vault, which owns backups.
pub fn status(conn: &Connection, backup_made: bool) -> Result<GettingStarted, StoreError> {
    let steps = vec![
        StepDone { step: FirstStep::AddPeople, done: exists(conn, "SELECT 1 FROM people WHERE archived_at IS NULL")? },
        StepDone {
            step: FirstStep::ShowStaffAup,
            done: exists(
                conn,
                "SELECT 1 FROM aups a JOIN aup_versions v ON v.aup_id = a.id
                 WHERE a.audience = 'staffVolunteers' AND a.kiosk_published = 1 AND v.status = 'published'",
            )?,
        },
        StepDone {
            step: FirstStep::ReviewOnlineSafetyPolicy,
            done: exists(
                conn,
                "SELECT 1 FROM policy_versions v JOIN policies p ON p.id = v.policy_id WHERE p.topic = 'onlineSafety'",
            )?,
        },
        StepDone { step: FirstStep::RecordTraining, done: exists(conn, "SELECT 1 FROM training_records")? },
        StepDone { step: FirstStep::FirstBackup, done: backup_made },
    ];
    let hidden = conn
        .query_row("SELECT value FROM settings WHERE key = ?1", [HIDDEN_KEY], |r| r.get::<_, String>(0))
        .optional()?
        .is_some();
    let show = !hidden && steps.iter().any(|s| !s.done);
    Ok(GettingStarted { steps, show })
}

/// An admin hides the list for good; the audit trail records who.
pub fn hide(conn: &mut Connection, actor: &Actor) -> Result<(), StoreError> {
    let tx = conn.transaction()?;
    let changed = tx.execute(
        "INSERT INTO settings (key, value) VALUES (?1, ?2) ON CONFLICT (key) DO NOTHING",
        [HIDDEN_KEY, &crate::records::now_utc()],
    )?;
    if changed > 0 {
        audit::append(
            &tx,
            actor,
            &Entry { action: "gettingStarted.hidden", subject_kind: "organisation", subject_id: "", detail: "" },
        )?;
    }
    tx.commit()?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::records::test_db;

    fn done(list: &GettingStarted) -> Vec<FirstStep> {
        list.steps.iter().filter(|s| s.done).map(|s| s.step).collect()
    }

    #[test]
    fn each_step_is_ticked_off_by_the_records_and_the_list_goes_when_all_are_done() {
        let mut conn = test_db();
        let fresh = status(&conn, false).expect("status");
        assert_eq!(fresh.steps.len(), 5);
        assert!(done(&fresh).is_empty(), "a new vault has done none of them");
        assert!(fresh.show);

        conn.execute(
            "INSERT INTO people (id, person_group, full_name, name_key, search_text, created_at, updated_at)
             VALUES ('p1', 'staff', 'Ada Lovelace', 'ada lovelace', 'ada lovelace', '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z')",
            [],
        )
        .expect("person");
        assert_eq!(done(&status(&conn, false).expect("status")), [FirstStep::AddPeople]);

        // A published staff AUP that is not on the signing station does not count yet.
        let actor = Actor::Admin("admin-1".into());
        crate::records::aup::seed_defaults(&mut conn, &actor, "Ada Lovelace").expect("templates");
        let staff = crate::records::aup::list(&conn)
            .expect("aups")
            .into_iter()
            .find(|a| a.audience == crate::records::aup::Audience::StaffVolunteers)
            .expect("staff AUP");
        crate::records::aup::publish(&mut conn, &actor, &staff.id).expect("publish");
        assert!(!done(&status(&conn, false).expect("status")).contains(&FirstStep::ShowStaffAup));
        crate::records::aup::set_kiosk_published(&mut conn, &actor, &staff.id, true).expect("show");
        assert!(done(&status(&conn, false).expect("status")).contains(&FirstStep::ShowStaffAup));

        conn.execute(
            "INSERT INTO policy_versions (id, policy_id, version, purpose, lead, reviewed_on, next_review, trigger,
                 approved_by, approved_on, recorded_at, recorded_by)
             VALUES ('v1', 'policy-online-safety', '1', 'New policy', 'The DSL', '2026-01-05', '2027-01-05',
                 'newPolicy', NULL, NULL, '2026-01-05T10:00:00Z', 'admin:admin-1')",
            [],
        )
        .expect("review");
        conn.execute(
            "INSERT INTO training_records (id, person_id, course_id, completed_on, provider, notes, recorded_at, recorded_by)
             VALUES ('t1', 'p1', 'course-online-safety', '2026-01-06', 'In house', NULL, '2026-01-06T10:00:00Z', 'admin:admin-1')",
            [],
        )
        .expect("training");
        let nearly = status(&conn, false).expect("status");
        assert_eq!(done(&nearly).len(), 4);
        assert!(nearly.show, "shown while the backup is still to do");

        let all = status(&conn, true).expect("status");
        assert_eq!(done(&all).len(), 5);
        assert!(!all.show, "the list goes once everything is done");
    }

    #[test]
    fn hiding_the_list_is_for_good_and_audited_once() {
        let mut conn = test_db();
        let actor = Actor::Admin("admin-1".into());
        hide(&mut conn, &actor).expect("hide");
        hide(&mut conn, &actor).expect("hide again");
        let list = status(&conn, false).expect("status");
        assert!(!list.show);
        assert!(list.steps.iter().all(|s| !s.done), "hiding ticks nothing off");
        let audited: i64 = conn
            .query_row("SELECT count(*) FROM audit WHERE action = 'gettingStarted.hidden'", [], |r| r.get(0))
            .expect("count");
        assert_eq!(audited, 1);
    }
}
