use super::*;
use crate::records::test_db;
use crate::store::audit::{self, Actor};

fn admin() -> Actor {
    Actor::Admin("admin-1".into())
}

fn staff_aup(conn: &mut rusqlite::Connection) -> Aup {
    create(conn, &admin(), Audience::StaffVolunteers, &template(Audience::StaffVolunteers, "Riverside", "Sam Okafor"))
        .expect("create")
}

#[test]
fn every_shipped_template_is_valid_with_8_to_14_rules_and_names_the_dsl() {
    for audience in Audience::ALL {
        let t = template(audience, "Riverside Youth Project", "Sam Okafor");
        let valid = t.validated().expect("template passes the AUP rules");
        assert!((8..=14).contains(&valid.rules.len()), "{audience:?} has {} rules", valid.rules.len());
        assert!(valid.report_concerns.contains("Sam Okafor"), "{audience:?}");
        let all = format!("{}{}{:?}{}{}", valid.title, valid.intro, valid.rules, valid.consequences, valid.monitoring);
        assert!(!all.contains('{'), "{audience:?} has an unfilled placeholder");
        assert!(valid.monitoring.to_lowercase().contains("monitor"), "{audience:?}");
    }
    assert!(template(Audience::YoungPeople, "X", "").report_concerns.contains("the Designated Safeguarding Lead"));
}

#[test]
fn seed_defaults_makes_five_drafts_once() {
    let mut conn = test_db();
    assert_eq!(seed_defaults(&mut conn, &admin(), "Sam Okafor").expect("seed"), 5);
    assert_eq!(seed_defaults(&mut conn, &admin(), "Sam Okafor").expect("seed again"), 0);
    let aups = list(&conn).expect("list");
    assert_eq!(aups.iter().map(|a| a.audience).collect::<Vec<_>>(), Audience::ALL.to_vec());
    assert!(aups.iter().all(|a| a.current.is_none() && a.draft.as_ref().is_some_and(|d| d.number == 1)));
}

#[test]
fn publishing_freezes_a_version_and_editing_makes_a_new_draft() {
    let mut conn = test_db();
    let aup = staff_aup(&mut conn);
    let v1 = publish(&mut conn, &admin(), &aup.id).expect("publish");
    assert_eq!((v1.number, v1.status), (1, VersionStatus::Published));
    assert!(matches!(publish(&mut conn, &admin(), &aup.id), Err(AupError::NoDraft)));

    let mut edited = v1.content.clone();
    edited.rules.push("I will not leave my laptop unlocked.".into());
    let v2 = save_draft(&mut conn, &admin(), &aup.id, &edited).expect("draft");
    assert_eq!((v2.number, v2.status), (2, VersionStatus::Draft));
    assert_ne!(v2.content_hash, v1.content_hash);
    assert_eq!(version(&conn, &v1.id).expect("v1"), v1, "the published version is untouched");
    assert_eq!(current_version(&conn, &aup.id).expect("current").map(|v| v.number), Some(1));

    // The database itself refuses to rewrite a published version.
    let rewritten = conn.execute("UPDATE aup_versions SET content = '{}' WHERE id = ?1", [&v1.id]);
    assert!(rewritten.is_err());
    assert!(conn.execute("DELETE FROM aup_versions WHERE id = ?1", [&v1.id]).is_err());

    let p2 = publish(&mut conn, &admin(), &aup.id).expect("publish 2");
    assert_eq!(current_version(&conn, &aup.id).expect("current").map(|v| v.id), Some(p2.id));
    assert_eq!(versions(&conn, &aup.id).expect("versions").len(), 2);
    assert!(audit::has_action(&conn, "aup.published").expect("audit"));
}

#[test]
fn republishing_identical_text_is_refused() {
    let mut conn = test_db();
    let aup = staff_aup(&mut conn);
    let v1 = publish(&mut conn, &admin(), &aup.id).expect("publish");
    save_draft(&mut conn, &admin(), &aup.id, &v1.content).expect("draft");
    assert!(matches!(publish(&mut conn, &admin(), &aup.id), Err(AupError::NothingChanged)));
    discard_draft(&mut conn, &admin(), &aup.id).expect("discard");
    assert!(get(&conn, &aup.id).expect("get").draft.is_none());
}

#[test]
fn a_version_whose_text_no_longer_matches_its_hash_is_refused() {
    let mut conn = test_db();
    let aup = staff_aup(&mut conn);
    let draft = get(&conn, &aup.id).expect("get").draft.expect("draft");
    conn.execute("UPDATE aup_versions SET content = replace(content, 'I will', 'I may') WHERE id = ?1", [&draft.id])
        .expect("tamper with a draft");
    assert!(matches!(version(&conn, &draft.id), Err(AupError::HashMismatch)));
}

#[test]
fn only_published_aups_go_to_the_signing_station() {
    let mut conn = test_db();
    let aup = staff_aup(&mut conn);
    assert!(matches!(set_kiosk_published(&mut conn, &admin(), &aup.id, true), Err(AupError::NotPublished)));
    publish(&mut conn, &admin(), &aup.id).expect("publish");
    set_kiosk_published(&mut conn, &admin(), &aup.id, true).expect("show");
    assert!(get(&conn, &aup.id).expect("get").kiosk_published);
}

#[test]
fn dsl_name_is_saved_and_checked() {
    let mut conn = test_db();
    assert_eq!(dsl_name(&conn).expect("read"), None);
    assert!(matches!(set_dsl_name(&mut conn, &admin(), "S. O."), Err(AupError::InvalidDslName)));
    set_dsl_name(&mut conn, &admin(), " Sam  Okafor ").expect("save");
    assert_eq!(dsl_name(&conn).expect("read").as_deref(), Some("Sam Okafor"));
}

#[test]
fn an_aup_s_detail_holds_its_published_version_the_draft_in_full_and_the_history() {
    let mut conn = test_db();
    let aup = staff_aup(&mut conn);
    let first = detail(&conn, &aup.id).expect("detail");
    assert_eq!((first.current, first.draft.as_ref().map(|d| d.number)), (None, Some(1)));
    let v1 = publish(&mut conn, &admin(), &aup.id).expect("publish");
    let mut edited = v1.content.clone();
    edited.rules.push("I will lock my screen when I leave it.".into());
    let v2 = save_draft(&mut conn, &admin(), &aup.id, &edited).expect("draft");
    let both = detail(&conn, &aup.id).expect("detail");
    assert_eq!(both.current, Some(v1));
    assert_eq!(both.draft, Some(v2));
    assert_eq!(both.versions.iter().map(|v| v.number).collect::<Vec<_>>(), vec![2, 1]);
    assert_eq!(both.aup, get(&conn, &aup.id).expect("get"));
    assert!(matches!(detail(&conn, "nope"), Err(AupError::NotFound)));
}

#[test]
fn the_dsl_and_chair_asked_before_the_first_publish_are_written_into_every_draft() {
    let mut conn = test_db();
    set_dsl_name(&mut conn, &admin(), "Sam Okafor").expect("the first admin, as at setup");
    seed_defaults(&mut conn, &admin(), "Sam Okafor").expect("seed");
    assert!(!contacts(&conn).expect("contacts").confirmed, "nobody has been asked yet");

    let refused = confirm_contacts(&mut conn, &admin(), "Priya", None).expect_err("not a full name");
    assert!(matches!(refused, AupError::InvalidDslName));
    let refused = confirm_contacts(&mut conn, &admin(), "Priya Raman", Some("J")).expect_err("chair not a full name");
    assert!(matches!(refused, AupError::InvalidChairName));

    let saved = confirm_contacts(&mut conn, &admin(), "Priya Raman", Some("Tom Hale")).expect("confirmed");
    assert_eq!(
        saved,
        SafeguardingContacts {
            dsl_name: Some("Priya Raman".into()),
            chair_name: Some("Tom Hale".into()),
            confirmed: true
        }
    );
    for aup in list(&conn).expect("list") {
        let draft = detail(&conn, &aup.id).expect("detail").draft.expect("a draft").content;
        let text = serde_json::to_string(&draft).expect("json");
        assert!(!text.contains("Sam Okafor"), "{:?} still names the first admin", aup.audience);
        assert!(text.contains("Priya Raman"), "{:?} names the DSL", aup.audience);
        if aup.audience == Audience::StaffVolunteers {
            assert!(
                draft.report_concerns.contains("tell the chair of trustees, Tom Hale"),
                "{}",
                draft.report_concerns
            );
        }
    }
    let (action, detail_text): (String, String) = conn
        .query_row("SELECT action, detail FROM audit ORDER BY id DESC LIMIT 1", [], |r| Ok((r.get(0)?, r.get(1)?)))
        .expect("audit");
    assert_eq!((action.as_str(), detail_text.as_str()), ("settings.contactsConfirmed", "chair=named"));
}

#[test]
fn an_organisation_that_published_before_the_question_counts_as_confirmed() {
    let mut conn = test_db();
    let aup = staff_aup(&mut conn);
    assert!(!contacts(&conn).expect("contacts").confirmed);
    publish(&mut conn, &admin(), &aup.id).expect("publish");
    assert!(contacts(&conn).expect("contacts").confirmed);
}
