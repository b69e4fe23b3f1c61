use chrono::NaiveDate;

use super::*;
use crate::records::aup::{self, Audience};
use crate::records::people::{self, PersonDraft, PersonGroup};
use crate::records::test_db;
use crate::records::test_support;
use crate::store::audit::Actor;

fn admin() -> Actor {
    Actor::Admin("admin-1".into())
}

const PNG: &[u8] = b"\x89PNG\r\n\x1a\nfake-but-headed";

fn person(conn: &mut rusqlite::Connection, group: PersonGroup, name: &str) -> String {
    let draft = PersonDraft {
        date_of_birth: (group == PersonGroup::YoungPerson).then(|| NaiveDate::from_ymd_opt(2010, 1, 1).expect("date")),
        ..test_support::draft(group, name)
    };
    people::add(conn, &admin(), &draft).expect("add person").id
}

fn published_staff_aup(conn: &mut rusqlite::Connection) -> (String, aup::AupVersion) {
    let a = aup::create(
        conn,
        &admin(),
        Audience::StaffVolunteers,
        &aup::template(Audience::StaffVolunteers, "R", "Sam Okafor"),
    )
    .expect("create");
    let v = aup::publish(conn, &admin(), &a.id).expect("publish");
    (a.id, v)
}

fn on_screen(version_id: &str, person_id: &str) -> OnScreenSignature {
    OnScreenSignature {
        version_id: version_id.into(),
        signer: Signer::Person { person_id: person_id.into() },
        signed_at: "2025-03-01T10:15:00+00:00".into(),
        mark: SignatureMark::Drawn { png: PNG.to_vec() },
        countersignature: None,
        receipt: None,
    }
}

#[test]
fn publishing_a_new_version_moves_earlier_signers_to_needs_resign() {
    let mut conn = test_db();
    let (aup_id, v1) = published_staff_aup(&mut conn);
    let aisha = person(&mut conn, PersonGroup::Staff, "Aisha Khan");
    let ben = person(&mut conn, PersonGroup::Volunteer, "Ben Jones");
    let _cara = person(&mut conn, PersonGroup::Trustee, "Cara Lee");
    let _kid = person(&mut conn, PersonGroup::YoungPerson, "Kai Turner");
    record_on_screen(&mut conn, &admin(), &on_screen(&v1.id, &aisha)).expect("sign");
    record_on_screen(&mut conn, &admin(), &on_screen(&v1.id, &ben)).expect("sign");

    let c = coverage(&conn, &aup_id).expect("coverage");
    assert_eq!(c.signed_current.len(), 2);
    assert_eq!(c.never_signed.len(), 1, "the young person is not counted for the staff AUP");
    assert!(c.needs_resign.is_empty());

    let mut changed = v1.content.clone();
    changed.rules[0] = "I will keep every password to myself.".into();
    aup::save_draft(&mut conn, &admin(), &aup_id, &changed).expect("draft");
    let c = coverage(&conn, &aup_id).expect("coverage");
    assert_eq!(c.signed_current.len(), 2, "a draft changes nothing");
    let v2 = aup::publish(&mut conn, &admin(), &aup_id).expect("publish v2");

    let c = coverage(&conn, &aup_id).expect("coverage");
    assert_eq!(c.current_version, Some(2));
    assert!(c.signed_current.is_empty());
    let resign: Vec<&str> = c.needs_resign.iter().map(|e| e.person_id.as_str()).collect();
    assert_eq!(resign.len(), 2);
    assert!(resign.contains(&aisha.as_str()) && resign.contains(&ben.as_str()));

    record_on_screen(&mut conn, &admin(), &on_screen(&v2.id, &aisha)).expect("re-sign");
    let c = coverage(&conn, &aup_id).expect("coverage");
    assert_eq!(c.signed_current.iter().map(|e| e.person_id.as_str()).collect::<Vec<_>>(), vec![aisha.as_str()]);
    assert_eq!(c.needs_resign.len(), 1);
    assert_eq!(c.never_signed.len(), 1);

    // The dashboard's line for this AUP counts who must sign again and who never has; AUPs with
    // no published version are left out.
    let due = due_items(&conn).expect("due");
    assert_eq!(due.len(), 1, "only the published staff AUP");
    assert_eq!(
        (due[0].aup_id.as_str(), due[0].version, due[0].needs_resign, due[0].never_signed),
        (aup_id.as_str(), 2, 1, 1)
    );

    people::archive(&mut conn, &admin(), &ben, None).expect("archive");
    assert!(coverage(&conn, &aup_id).expect("coverage").needs_resign.is_empty(), "leavers drop out");
}

/// The dashboard counts who must still sign each AUP with SQLite alone; the counts must always
/// be the lengths of the coverage page's lists.
fn assert_dashboard_counts_match_coverage(conn: &rusqlite::Connection, step: &str) {
    let due = due_items(conn).expect("due");
    for found in aup::list(conn).expect("list") {
        let Some(current) = found.current else { continue };
        let c = coverage(conn, &found.id).expect("coverage");
        let line = due.iter().find(|d| d.aup_id == found.id);
        let expected = (c.needs_resign.len(), c.never_signed.len());
        match line {
            Some(d) => {
                assert_eq!((d.needs_resign, d.never_signed), expected, "{step}: {:?}", found.audience);
                assert_eq!(d.version, current.number);
            }
            None => assert_eq!(expected, (0, 0), "{step}: an AUP left off the dashboard has no one to sign"),
        }
    }
}

#[test]
fn the_dashboards_counts_are_always_the_coverage_lists_lengths() {
    let mut conn = test_db();
    let (staff_aup, v1) = published_staff_aup(&mut conn);
    let young = aup::create(
        &mut conn,
        &admin(),
        Audience::YoungPeople,
        &aup::template(Audience::YoungPeople, "R", "Sam Okafor"),
    )
    .expect("create");
    let y1 = aup::publish(&mut conn, &admin(), &young.id).expect("publish");
    let groups = [PersonGroup::Staff, PersonGroup::Volunteer, PersonGroup::YoungPerson, PersonGroup::Trustee];
    let names = ["Ada", "Bea", "Cal", "Dev", "Eli", "Fay", "Gus", "Hal", "Ivy", "Jon", "Kit", "Lou"];
    let mut ids = Vec::new();
    for (i, name) in names.iter().enumerate() {
        ids.push((groups[i % groups.len()], person(&mut conn, groups[i % groups.len()], &format!("{name} Okafor"))));
    }
    assert_dashboard_counts_match_coverage(&conn, "nobody signed");
    for (i, (group, id)) in ids.iter().enumerate() {
        let version = if *group == PersonGroup::YoungPerson { &y1 } else { &v1 };
        if i % 3 != 0 && *group != PersonGroup::Trustee {
            record_on_screen(&mut conn, &admin(), &on_screen(&version.id, id)).expect("sign");
        }
    }
    assert_dashboard_counts_match_coverage(&conn, "some signed");
    let mut changed = v1.content.clone();
    changed.rules[0] = "I will keep every password to myself.".into();
    aup::save_draft(&mut conn, &admin(), &staff_aup, &changed).expect("draft");
    let v2 = aup::publish(&mut conn, &admin(), &staff_aup).expect("publish v2");
    assert_dashboard_counts_match_coverage(&conn, "a new version");
    record_on_screen(&mut conn, &admin(), &on_screen(&v2.id, &ids[1].1)).expect("re-sign");
    people::archive(&mut conn, &admin(), &ids[4].1, None).expect("archive");
    assert_dashboard_counts_match_coverage(&conn, "one re-signed, one left");
    let due = due_items(&conn).expect("due");
    assert!(due.iter().any(|d| d.aup_id == staff_aup && d.needs_resign > 0 && d.never_signed > 0), "{due:?}");
}

#[test]
fn self_declared_signatures_count_only_once_confirmed() {
    let mut conn = test_db();
    let (aup_id, v1) = published_staff_aup(&mut conn);
    let aisha = person(&mut conn, PersonGroup::Staff, "Aisha Khan");
    let mut s = on_screen(&v1.id, &aisha);
    s.signer = Signer::SelfDeclared { name: "aisha  KHAN".into(), claimed_person_id: None };
    s.mark = SignatureMark::Typed { name: "Aisha Khan".into() };
    s.receipt = Some("R-0001".into());
    let id = insert_on_screen(&conn, &Actor::SigningStation, SignatureSource::SigningStation, &s).expect("record");
    assert!(matches!(
        insert_on_screen(&conn, &Actor::SigningStation, SignatureSource::SigningStation, &s),
        Err(SignatureError::DuplicateReceipt)
    ));

    let pending = unconfirmed(&conn).expect("unconfirmed");
    assert_eq!(pending.len(), 1);
    assert!(pending[0].self_declared);
    assert_eq!(pending[0].typed_mark.as_deref(), Some("Aisha Khan"));
    assert_eq!(coverage(&conn, &aup_id).expect("coverage").never_signed.len(), 1);
    assert_eq!(
        suggest_person(&conn, pending[0].declared_name.as_deref().expect("name")).expect("suggest"),
        Some(aisha.clone())
    );

    assert!(matches!(reassign(&mut conn, &admin(), &id, &aisha), Err(SignatureError::NotConfirmed)));
    let confirmed = confirm(&mut conn, &admin(), &id, &aisha).expect("confirm");
    assert!(!confirmed.self_declared);
    assert_eq!(confirmed.confirmed_by.as_deref(), Some("admin-1"));
    assert!(matches!(confirm(&mut conn, &admin(), &id, &aisha), Err(SignatureError::AlreadyConfirmed)));
    assert_eq!(coverage(&conn, &aup_id).expect("coverage").signed_current.len(), 1);
    assert!(unconfirmed(&conn).expect("unconfirmed").is_empty());

    let other = person(&mut conn, PersonGroup::Staff, "Aisha Kahn");
    assert_eq!(reassign(&mut conn, &admin(), &id, &other).expect("reassign").person_id, Some(other));
}

#[test]
fn suggestion_needs_exactly_one_active_match() {
    let mut conn = test_db();
    person(&mut conn, PersonGroup::Staff, "Sam Lee");
    person(&mut conn, PersonGroup::Volunteer, "Sam Lee");
    assert_eq!(suggest_person(&conn, "Sam Lee").expect("suggest"), None, "two people share the name");
    assert_eq!(suggest_person(&conn, "Sam Leigh").expect("suggest"), None);
}

#[test]
fn drafts_cannot_be_signed_and_marks_are_checked() {
    let mut conn = test_db();
    let a = aup::create(
        &mut conn,
        &admin(),
        Audience::StaffVolunteers,
        &aup::template(Audience::StaffVolunteers, "R", "S O"),
    )
    .expect("create");
    let draft = a.draft.expect("draft");
    let aisha = person(&mut conn, PersonGroup::Staff, "Aisha Khan");
    assert!(matches!(
        record_on_screen(&mut conn, &admin(), &on_screen(&draft.id, &aisha)),
        Err(SignatureError::VersionNotPublished)
    ));
    let v = aup::publish(&mut conn, &admin(), &a.id).expect("publish");
    let mut s = on_screen(&v.id, &aisha);
    s.mark = SignatureMark::Drawn { png: b"GIF89a".to_vec() };
    assert!(matches!(record_on_screen(&mut conn, &admin(), &s), Err(SignatureError::BadMark)));
    s.mark = SignatureMark::Typed { name: "A. K.".into() };
    assert!(matches!(record_on_screen(&mut conn, &admin(), &s), Err(SignatureError::BadTypedName)));
}

#[test]
fn young_person_signature_keeps_the_countersignature() {
    let mut conn = test_db();
    let a = aup::create(&mut conn, &admin(), Audience::YoungPeople, &aup::template(Audience::YoungPeople, "R", "S O"))
        .expect("create");
    let v = aup::publish(&mut conn, &admin(), &a.id).expect("publish");
    let kai = person(&mut conn, PersonGroup::YoungPerson, "Kai Turner");
    let mut s = on_screen(&v.id, &kai);
    s.countersignature =
        Some(Countersignature { name: "Dana Turner".into(), mark: SignatureMark::Drawn { png: PNG.to_vec() } });
    let saved = record_on_screen(&mut conn, &admin(), &s).expect("record");
    assert_eq!(saved.countersigned_by.as_deref(), Some("Dana Turner"));
    assert!(saved.countersignature_drawn && saved.drawn);
    assert_eq!(mark_png(&conn, &saved.id).expect("png").as_deref(), Some(PNG));
    assert_eq!(saved.content_hash, v.content_hash);
    assert_eq!(saved.signed_at, "2025-03-01T10:15:00Z");
}

#[test]
fn paper_signature_records_filing_and_a_capped_scan() {
    let mut conn = test_db();
    let (aup_id, v1) = published_staff_aup(&mut conn);
    let aisha = person(&mut conn, PersonGroup::Staff, "Aisha Khan");
    let mut paper = PaperSignature {
        version_id: v1.id.clone(),
        person_id: aisha.clone(),
        signed_on: NaiveDate::from_ymd_opt(2025, 2, 3).expect("date"),
        filed_at: "HR folder, cabinet 2".into(),
        countersigned_by: None,
        scan: Some(b"%PDF-1.7 scan".to_vec()),
    };
    let saved = record_paper(&mut conn, &admin(), &paper).expect("record");
    assert_eq!(saved.method, SigningMethod::Paper);
    assert_eq!(saved.scan_media_type.as_deref(), Some("application/pdf"));
    assert_eq!(scan(&conn, &saved.id).expect("scan").map(|(_, b)| b), Some(b"%PDF-1.7 scan".to_vec()));
    assert_eq!(coverage(&conn, &aup_id).expect("coverage").signed_current.len(), 1);
    assert_eq!(for_person(&conn, &aisha).expect("list").len(), 1);

    paper.scan = Some(vec![b'%'; MAX_SCAN_BYTES + 1]);
    assert!(matches!(record_paper(&mut conn, &admin(), &paper), Err(SignatureError::ScanTooLarge)));
    paper.scan = Some(b"MZ not a scan".to_vec());
    assert!(matches!(record_paper(&mut conn, &admin(), &paper), Err(SignatureError::ScanWrongType)));
    paper.scan = None;
    paper.filed_at = "  ".into();
    assert!(matches!(record_paper(&mut conn, &admin(), &paper), Err(SignatureError::BadFiledAt)));
    assert_eq!(for_person(&conn, &aisha).expect("list").len(), 1, "refused records leave nothing");
}

#[test]
fn only_an_unconfirmed_signature_can_be_discarded_and_the_audit_keeps_no_name() {
    let mut conn = test_db();
    let (_aup_id, v1) = published_staff_aup(&mut conn);
    let aisha = person(&mut conn, PersonGroup::Staff, "Aisha Khan");
    let mut s = on_screen(&v1.id, &aisha);
    s.signer = Signer::SelfDeclared { name: "Mickey Mouseling".into(), claimed_person_id: None };
    s.mark = SignatureMark::Typed { name: "Mickey Mouseling".into() };
    s.receipt = Some("R-0002".into());
    let junk = insert_on_screen(&conn, &Actor::SigningStation, SignatureSource::SigningStation, &s).expect("junk");
    s.receipt = Some("R-0003".into());
    let real = insert_on_screen(&conn, &Actor::SigningStation, SignatureSource::SigningStation, &s).expect("real");
    confirm(&mut conn, &admin(), &real, &aisha).expect("confirm");

    discard(&mut conn, &admin(), &junk).expect("discard");
    assert!(matches!(get(&conn, &junk), Err(SignatureError::NotFound)));
    assert!(matches!(discard(&mut conn, &admin(), &real), Err(SignatureError::AlreadyConfirmed)));
    assert!(get(&conn, &real).is_ok(), "a confirmed signature stays");
    let details: Vec<String> = conn
        .prepare("SELECT action || ' ' || detail FROM audit WHERE subject_id = ?1")
        .expect("prepare")
        .query_map([&junk], |r| r.get(0))
        .expect("query")
        .collect::<Result<_, _>>()
        .expect("rows");
    assert!(details.iter().any(|d| d.starts_with("signature.discarded") && d.contains("R-0002")));
    assert!(details.iter().all(|d| !d.contains("Mickey")));
}

#[test]
fn paper_signature_counts_from_the_day_on_the_paper_not_the_day_it_was_recorded() {
    let mut conn = test_db();
    let (aup_id, v1) = published_staff_aup(&mut conn);
    let aisha = person(&mut conn, PersonGroup::Staff, "Aisha Khan");
    record_on_screen(&mut conn, &admin(), &on_screen(&v1.id, &aisha)).expect("on screen, 1 March 2025");
    let paper = PaperSignature {
        version_id: v1.id.clone(),
        person_id: aisha.clone(),
        signed_on: NaiveDate::from_ymd_opt(2025, 2, 3).expect("date"),
        filed_at: "HR folder".into(),
        countersigned_by: None,
        scan: None,
    };
    let saved = record_paper(&mut conn, &admin(), &paper).expect("record");
    let listed = for_person(&conn, &aisha).expect("list");
    assert_eq!(listed.last().map(|s| s.id.as_str()), Some(saved.id.as_str()), "the older paper copy sorts last");
    let c = coverage(&conn, &aup_id).expect("coverage");
    assert_eq!(c.signed_current[0].last_signed_at.as_deref(), Some("2025-03-01T10:15:00Z"));

    let only_paper = person(&mut conn, PersonGroup::Staff, "Ben Jones");
    record_paper(&mut conn, &admin(), &PaperSignature { person_id: only_paper.clone(), ..paper }).expect("record");
    let c = coverage(&conn, &aup_id).expect("coverage");
    let ben = c.signed_current.iter().find(|e| e.person_id == only_paper).expect("Ben counts as signed");
    assert_eq!(ben.last_signed_at.as_deref(), Some("2025-02-03"));
}

#[test]
fn saving_a_scan_is_noted_in_the_audit_trail_by_id_only() {
    let mut conn = test_db();
    let (_, v1) = published_staff_aup(&mut conn);
    let aisha = person(&mut conn, PersonGroup::Staff, "Aisha Khan");
    let paper = PaperSignature {
        version_id: v1.id.clone(),
        person_id: aisha,
        signed_on: NaiveDate::from_ymd_opt(2025, 2, 3).expect("date"),
        filed_at: "HR folder".into(),
        countersigned_by: None,
        scan: Some(PNG.to_vec()),
    };
    let saved = record_paper(&mut conn, &admin(), &paper).expect("record");
    note_scan_saved(&conn, &admin(), &saved.id).expect("noted");
    let (action, subject): (String, String) = conn
        .query_row("SELECT action, subject_id FROM audit ORDER BY rowid DESC LIMIT 1", [], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })
        .expect("audit row");
    assert_eq!((action.as_str(), subject.as_str()), ("signature.scanSaved", saved.id.as_str()));
    assert!(matches!(note_scan_saved(&conn, &admin(), "no-such-id"), Err(SignatureError::NotFound)));
}

#[test]
fn the_paper_form_is_read_into_a_signature_and_its_scan_copied_out_under_the_paper_date() {
    use base64::engine::general_purpose::STANDARD;
    use base64::Engine;
    let mut conn = test_db();
    let (_, v1) = published_staff_aup(&mut conn);
    let aisha = person(&mut conn, PersonGroup::Staff, "Aisha Khan");
    let form = |signed_on: &str, scan: Option<String>| PaperSignatureForm {
        person_id: aisha.clone(),
        version_id: v1.id.clone(),
        signed_on: signed_on.into(),
        filed_at: "HR folder".into(),
        countersigned_by: None,
        scan_base64: scan,
    };
    let refused = |conn: &mut rusqlite::Connection, f| record_paper_form(conn, &admin(), f).expect_err("refused");
    assert!(matches!(refused(&mut conn, form("2025-02-31", None)), SignatureError::BadPaperDate));
    assert!(matches!(
        refused(&mut conn, form("2025-02-03", Some("not base64!".into()))),
        SignatureError::ScanUnreadable
    ));
    let too_long = "A".repeat(MAX_SCAN_BYTES.div_ceil(3) * 4 + 4);
    assert!(matches!(refused(&mut conn, form("2025-02-03", Some(too_long))), SignatureError::ScanTooLarge));
    assert!(for_person(&conn, &aisha).expect("list").is_empty(), "nothing refused was stored");

    let saved = record_paper_form(&mut conn, &admin(), form(" 2025-02-03 ", Some(STANDARD.encode(PNG)))).expect("ok");
    let copy = scan_copy(&conn, &saved.id).expect("scan");
    assert_eq!((copy.file_name.as_str(), copy.extension.as_str()), ("Signed AUP scan 2025-02-03.png", "png"));
    assert_eq!(copy.bytes, PNG);
    let without = record_paper_form(&mut conn, &admin(), form("2025-02-04", None)).expect("no scan");
    assert!(matches!(scan_copy(&conn, &without.id), Err(SignatureError::NoScan)));
    assert!(matches!(scan_copy(&conn, "no-such-id"), Err(SignatureError::NotFound)));
}

#[test]
fn signatures_awaiting_confirmation_come_with_the_person_they_most_likely_are() {
    let conn_and = |name: &str| {
        let mut conn = test_db();
        let (_, v1) = published_staff_aup(&mut conn);
        let aisha = person(&mut conn, PersonGroup::Staff, "Aisha Khan");
        let mut s = on_screen(&v1.id, &aisha);
        s.signer = Signer::SelfDeclared { name: name.into(), claimed_person_id: None };
        s.mark = SignatureMark::Typed { name: "Aisha Khan".into() };
        insert_on_screen(&conn, &Actor::SigningStation, SignatureSource::SigningStation, &s).expect("record");
        (conn, aisha)
    };
    let (conn, aisha) = conn_and("aisha  KHAN");
    let waiting = unconfirmed_with_suggestions(&conn).expect("waiting");
    assert_eq!(waiting.len(), 1);
    assert_eq!(waiting[0].suggested_person.as_ref().map(|p| p.id.as_str()), Some(aisha.as_str()));
    let (conn, _) = conn_and("Someone Else");
    let waiting = unconfirmed_with_suggestions(&conn).expect("waiting");
    assert_eq!(waiting.len(), 1);
    assert_eq!(waiting[0].suggested_person, None, "no exact match, no suggestion");
}

#[test]
fn a_visitor_not_in_the_register_is_added_and_their_signature_confirmed_in_one_step() {
    let mut conn = test_db();
    let (aup_id, v1) = published_staff_aup(&mut conn);
    let someone = person(&mut conn, PersonGroup::Staff, "Aisha Khan");
    let today = NaiveDate::from_ymd_opt(2026, 11, 22).expect("date");
    let mut s = on_screen(&v1.id, &someone);
    s.signer = Signer::SelfDeclared { name: "Dev  Contractor-Smith".into(), claimed_person_id: None };
    s.receipt = Some("R-0100".into());
    let id = insert_on_screen(&conn, &Actor::SigningStation, SignatureSource::SigningStation, &s).expect("record");

    let (confirmed, visitor) = confirm_as_new_visitor(&mut conn, &admin(), &id, today).expect("added and confirmed");
    assert!(!confirmed.self_declared);
    assert_eq!(confirmed.person_id.as_deref(), Some(visitor.id.as_str()));
    assert_eq!((visitor.group, visitor.full_name.as_str()), (PersonGroup::Visitor, "Dev Contractor-Smith"));
    assert_eq!(visitor.start_date, Some(today));
    assert!(unconfirmed(&conn).expect("unconfirmed").is_empty());
    assert!(coverage(&conn, &aup_id).is_ok());
    assert!(matches!(confirm_as_new_visitor(&mut conn, &admin(), &id, today), Err(SignatureError::AlreadyConfirmed)));

    // A typed name the register cannot hold (one a signing-station file from an older version could
    // carry) saves nothing: no person, and the signature still waits.
    let mut bad = on_screen(&v1.id, &someone);
    bad.signer = Signer::SelfDeclared { name: "Sam Older".into(), claimed_person_id: None };
    bad.receipt = Some("R-0101".into());
    let waiting =
        insert_on_screen(&conn, &Actor::SigningStation, SignatureSource::SigningStation, &bad).expect("record");
    conn.execute("UPDATE signatures SET declared_name = 'X' WHERE id = ?1", [&waiting]).expect("older name");
    let people_before: i64 = conn.query_row("SELECT count(*) FROM people", [], |r| r.get(0)).expect("count");
    let refused = confirm_as_new_visitor(&mut conn, &admin(), &waiting, today).expect_err("not a full name");
    assert!(matches!(refused, SignatureError::VisitorNameUnusable(_)));
    assert!(refused.to_string().starts_with("The name typed at the signing station cannot go in the people register"));
    let people_after: i64 = conn.query_row("SELECT count(*) FROM people", [], |r| r.get(0)).expect("count");
    assert_eq!(people_before, people_after);
    assert_eq!(unconfirmed(&conn).expect("unconfirmed").len(), 1);
}
