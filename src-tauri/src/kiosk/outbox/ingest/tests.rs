use std::fs;

use super::super::chain::ChainHead;
use super::super::tests::{admin, outbox_files, publish, signature, station, Station};
use super::super::{submit, KioskMark, OutboxError, Submission, CHAIN_HEAD_FILE, PROBLEMS_DIR};
use super::*;
use crate::records::signatures;
use crate::records::test_support;

fn run(s: &mut Station) -> IngestReport {
    read_outbox(&s.paths, &s.admin).expect("read").ingest(&mut s.conn, &admin()).expect("ingest")
}

fn kinds(report: &IngestReport) -> Vec<ProblemKind> {
    report.problems.iter().map(|p| p.kind).collect()
}

fn kept(s: &Station) -> usize {
    fs::read_dir(s.paths.outbox_dir().join(PROBLEMS_DIR)).map(|d| d.count()).unwrap_or(0)
}

fn signature_count(s: &Station) -> i64 {
    s.conn.query_row("SELECT count(*) FROM signatures", [], |r| r.get(0)).expect("count")
}

fn submit_names(s: &Station, names: &[&str]) -> Vec<String> {
    names.iter().map(|n| submit(&s.paths, &signature(&s.version, n)).expect("submit").number).collect()
}

#[test]
fn recorded_submissions_are_self_declared_and_their_files_go() {
    let mut s = station();
    let mut sub = signature(&s.version, "Aisha Khan");
    let Submission::AupSignature(a) = &mut sub else { unreachable!("the fixture is an AUP signature") };
    a.mark = KioskMark::Typed { name: "Aisha Khan".into() };
    a.person_hint = Some("no-longer-listed".into());
    let receipt = submit(&s.paths, &sub).expect("submit").number;

    let report = run(&mut s);
    assert_eq!(report, IngestReport { ingested: 1, already_recorded: 0, problems: vec![], manifest_changed: false });
    let pending = signatures::unconfirmed(&s.conn).expect("unconfirmed");
    assert_eq!(pending.len(), 1);
    let sig = &pending[0];
    assert!(sig.self_declared);
    assert_eq!(sig.source, signatures::SignatureSource::SigningStation);
    assert_eq!(sig.version_id, s.version.id);
    assert_eq!(sig.receipt.as_deref(), Some(receipt.as_str()));
    assert_eq!(sig.declared_name.as_deref(), Some("Aisha Khan"));
    assert_eq!(sig.person_id, None, "a hint naming nobody in the register is dropped");
    assert!(outbox_files(&s.paths).is_empty());
    assert_eq!(ChainHead::read_file(&s.paths.outbox_dir()).map(|h| h.seq), Some(1));
    assert_eq!(ChainHead::read_db(&s.conn).expect("db head").map(|h| h.seq), Some(1));

    assert_eq!(run(&mut s), IngestReport::default(), "nothing left to ingest");
    assert_eq!(signature_count(&s), 1);
}

#[test]
fn same_keys_but_another_vault_id_is_kept_as_other_vault() {
    let mut s = station();
    submit_names(&s, &["Aisha Khan"]);
    publish(&s.paths, "vault-2", &[&s.admin]);
    submit_names(&s, &["Ben Jones"]);
    let report = run(&mut s);
    assert_eq!(report.ingested, 1);
    assert_eq!(kinds(&report), vec![ProblemKind::OtherVault]);
    assert!(report.problems[0].file_name.starts_with("00000002-"));
    assert_eq!(kept(&s), 1);
    assert_eq!(signature_count(&s), 1);
}

#[test]
fn a_renamed_file_is_out_of_order_and_kept() {
    let mut s = station();
    submit_names(&s, &["Aisha Khan", "Ben Jones"]);
    let second = outbox_files(&s.paths).pop().expect("second");
    let renamed = second.with_file_name(format!("00000009-{}.age", uuid::Uuid::new_v4()));
    fs::rename(&second, &renamed).expect("rename");
    let report = run(&mut s);
    assert_eq!(report.ingested, 1);
    assert_eq!(kinds(&report), vec![ProblemKind::OutOfOrder]);
    assert_eq!(kept(&s), 1);
}

#[test]
fn a_file_behind_the_head_with_a_new_receipt_is_out_of_order() {
    let mut s = station();
    submit_names(&s, &["Aisha Khan", "Ben Jones"]);
    assert_eq!(run(&mut s).ingested, 2);
    // Without the plain head the writer starts again at 1; the database's head catches it.
    fs::remove_file(s.paths.outbox_dir().join(CHAIN_HEAD_FILE)).expect("remove head");
    submit_names(&s, &["Cara Lee"]);
    assert!(outbox_files(&s.paths)[0].file_name().expect("name").to_string_lossy().starts_with("00000001-"));
    let report = run(&mut s);
    assert_eq!(report.ingested, 0);
    assert_eq!(kinds(&report), vec![ProblemKind::OutOfOrder]);
    assert_eq!(kept(&s), 1);
    assert_eq!(signature_count(&s), 2);
}

#[test]
fn a_version_the_records_do_not_hold_is_rejected_and_kept() {
    let mut s = station();
    let mut sub = signature(&s.version, "Aisha Khan");
    let Submission::AupSignature(a) = &mut sub else { unreachable!("the fixture is an AUP signature") };
    a.version_hash = "0".repeat(64);
    submit(&s.paths, &sub).expect("submit");
    submit_names(&s, &["Ben Jones"]);
    let report = run(&mut s);
    assert_eq!(report.ingested, 1);
    assert_eq!(kinds(&report), vec![ProblemKind::Rejected]);
    assert!(report.problems[0].message.contains("AUP version"), "{}", report.problems[0].message);
    assert_eq!(kept(&s), 1);
}

#[test]
fn files_left_by_an_ingest_that_stopped_after_its_commit_are_not_recorded_twice() {
    let mut s = station();
    submit_names(&s, &["Aisha Khan", "Ben Jones"]);
    let saved: Vec<_> = outbox_files(&s.paths).into_iter().map(|p| (fs::read(&p).expect("read"), p)).collect();
    assert_eq!(run(&mut s).ingested, 2);
    // The crash: the commit landed, but neither the head file nor the deletions did.
    for (bytes, path) in &saved {
        fs::write(path, bytes).expect("restore");
    }
    fs::remove_file(s.paths.outbox_dir().join(CHAIN_HEAD_FILE)).expect("remove head");
    submit_names(&s, &["Cara Lee"]);

    let report = run(&mut s);
    assert_eq!(report, IngestReport { ingested: 1, already_recorded: 2, problems: vec![], manifest_changed: false });
    assert_eq!(signature_count(&s), 3);
    assert!(outbox_files(&s.paths).is_empty());
}

#[test]
fn an_ingest_that_fails_before_its_commit_leaves_every_file_in_place() {
    let mut s = station();
    submit_names(&s, &["Aisha Khan", "Ben Jones"]);
    let before = outbox_files(&s.paths);
    s.conn.execute_batch("PRAGMA query_only = ON;").expect("read only");
    let result = read_outbox(&s.paths, &s.admin).expect("read").ingest(&mut s.conn, &admin());
    assert!(matches!(result, Err(OutboxError::Store(_))), "{result:?}");
    s.conn.execute_batch("PRAGMA query_only = OFF;").expect("writable");
    assert_eq!(outbox_files(&s.paths), before);
    assert!(!s.paths.outbox_dir().join(CHAIN_HEAD_FILE).exists());
    assert_eq!(signature_count(&s), 0);
    assert_eq!(run(&mut s).ingested, 2, "the next unlock records them");
}

#[test]
fn the_audit_entry_holds_counts_only() {
    let mut s = station();
    submit_names(&s, &["Zephyrine Quillfeather"]);
    fs::write(s.paths.outbox_dir().join(format!("00000002-{}.age", uuid::Uuid::new_v4())), b"not age").expect("junk");
    let report = run(&mut s);
    assert_eq!((report.ingested, kinds(&report)), (1, vec![ProblemKind::Corrupt]));
    let detail: String = s
        .conn
        .query_row("SELECT detail FROM audit WHERE action = 'outbox.ingested'", [], |r| r.get(0))
        .expect("audit row");
    assert_eq!(detail, "files=2;ingested=1;alreadyRecorded=0;problems=1;head=1");
    let trail: String =
        s.conn.query_row("SELECT group_concat(detail, '|') FROM audit", [], |r| r.get(0)).expect("trail");
    assert!(!trail.contains("Quillfeather"), "{trail}");
}

fn consent_submission(person_hint: Option<String>, withdraw_all: bool) -> Submission {
    use crate::records::consent::{Giver, UseAnswer};
    Submission::ImageConsent(super::super::KioskImageConsent {
        about_name: "Ruby Fenwick".into(),
        person_hint,
        giver: Giver::ParentCarer,
        giver_name: "Laura Fenwick".into(),
        relationship: Some("Mother".into()),
        parental_responsibility: true,
        answers: vec![
            UseAnswer { use_key: "website".into(), allowed: !withdraw_all },
            UseAnswer { use_key: "social:insta".into(), allowed: false },
        ],
        name_with_image: false,
        form_version: crate::records::consent::wording::FORM_VERSION.into(),
        form_hash: None,
        withdraw_all,
        signed_at: "2026-06-30T23:30:00Z".into(),
        mark: KioskMark::Typed { name: "Laura Fenwick".into() },
    })
}

#[test]
fn a_consent_arrives_self_declared_for_the_hinted_person_and_a_copy_is_a_duplicate() {
    fn station_copy<'a>(
        receipt: &'a str,
        answers: &'a [crate::records::consent::UseAnswer],
    ) -> crate::records::consent::StationConsent<'a> {
        crate::records::consent::StationConsent {
            about_name: "Ruby Fenwick",
            person_hint: None,
            giver: crate::records::consent::Giver::ParentCarer,
            giver_name: "Laura Fenwick",
            relationship: Some("Mother"),
            parental_responsibility: true,
            given_on: chrono::NaiveDate::from_ymd_opt(2026, 7, 1).expect("date"),
            form_version: crate::records::consent::wording::FORM_VERSION,
            answers,
            name_with_image: false,
            receipt,
            mark_png: None,
            mark_typed: None,
            withdraw_all: false,
        }
    }
    use crate::records::consent;
    use crate::records::people::{self, PersonDraft, PersonGroup};
    let mut s = station();
    let draft = PersonDraft {
        date_of_birth: chrono::NaiveDate::from_ymd_opt(2014, 7, 29),
        ..test_support::draft(PersonGroup::YoungPerson, "Ruby Fenwick")
    };
    let ruby = people::add(&mut s.conn, &admin(), &draft).expect("person").id;
    // The station carries the token the vault's manifest gave Ruby, never her id.
    super::super::tests::publish_recorded(&mut s);
    let salt = crate::kiosk::manifest::newest_record(&s.conn).expect("record").expect("published").token_salt;
    let token = crate::kiosk::manifest::person_token(&salt, &ruby);
    assert_ne!(token, ruby);
    let receipt = submit(&s.paths, &consent_submission(Some(token), false)).expect("submit").number;
    let report = run(&mut s);
    assert_eq!(report, IngestReport { ingested: 1, already_recorded: 0, problems: vec![], manifest_changed: false });
    let waiting = consent::unconfirmed(&s.conn).expect("unconfirmed");
    assert_eq!(waiting.len(), 1);
    let c = &waiting[0];
    assert!(c.self_declared);
    assert_eq!(c.person_id.as_deref(), Some(ruby.as_str()));
    assert_eq!(c.receipt.as_deref(), Some(receipt.as_str()));
    assert_eq!(c.giver_name, "Laura Fenwick");
    assert_eq!(c.answer("website"), Some(true));
    assert_eq!(c.answer("social:insta"), Some(false));
    assert_eq!(
        Some(c.given_on),
        crate::dates::uk_day_of(&super::super::now_utc()),
        "the UK day the station sealed it, never the page's own signedAt (2026-06-30 in the fixture)"
    );
    assert_eq!(c.typed_mark.as_deref(), Some("Laura Fenwick"));

    assert!(outbox_files(&s.paths).is_empty());
    assert!(
        matches!(
            consent::insert_from_station(&s.conn, &station_copy(c.receipt.as_deref().unwrap_or_default(), &c.answers)),
            Err(consent::ConsentError::DuplicateReceipt)
        ),
        "a second copy of the receipt is refused"
    );

    // A withdrawal at the station arrives as a record with every answer no.
    let again = consent_submission(Some(ruby), true);
    submit(&s.paths, &again).expect("withdrawal");
    let report = run(&mut s);
    assert_eq!(report.ingested, 1);
    let all = consent::unconfirmed(&s.conn).expect("unconfirmed");
    assert_eq!(all.len(), 2);
    assert!(all.iter().any(|c| c.answers.iter().all(|a| !a.allowed)), "a withdrawal arrives with every answer no");
}

#[test]
fn a_consent_the_station_can_catch_is_refused_there() {
    let mut bad = consent_submission(None, true);
    let Submission::ImageConsent(c) = &mut bad else { unreachable!("a consent") };
    c.answers[0].allowed = true;
    assert!(
        matches!(bad.check(crate::dates::today()), Err(OutboxError::BadConsent(m)) if m.contains("cannot say yes"))
    );
    let mut bad = consent_submission(None, false);
    let Submission::ImageConsent(c) = &mut bad else { unreachable!("a consent") };
    c.relationship = None;
    assert!(matches!(bad.check(crate::dates::today()), Err(OutboxError::BadConsent(m)) if m.contains("related")));
    let mut bad = consent_submission(None, false);
    let Submission::ImageConsent(c) = &mut bad else { unreachable!("a consent") };
    c.answers.push(crate::records::consent::UseAnswer { use_key: "billboard".into(), allowed: true });
    assert!(matches!(bad.check(crate::dates::today()), Err(OutboxError::BadConsent(_))));
    let mut bad = consent_submission(None, false);
    let Submission::ImageConsent(c) = &mut bad else { unreachable!("a consent") };
    c.about_name = "Ruby".into();
    assert!(matches!(bad.check(crate::dates::today()), Err(OutboxError::BadConsent(m)) if m.contains("full name")));
    assert!(consent_submission(None, false).check(crate::dates::today()).is_ok());
}

/// Whatever the station accepts, the ingest records: the one set of rules, tried on submissions
/// built around every limit (lengths either side of 200 and 20,000 characters, names with runs
/// of spaces, marks either side of their size cap). A submission the station refuses leaves no
/// file behind.
mod station_and_ingest_agree {
    use proptest::prelude::*;

    use super::super::super::tests::{concern, PNG};
    use super::super::super::{KioskConcern, KioskCountersignature, KioskImageConsent};
    use super::*;
    use crate::records::consent::{Giver, UseAnswer};
    use crate::records::signatures::MAX_MARK_BYTES;

    fn text() -> impl Strategy<Value = String> {
        let len = prop_oneof![Just(0usize), 1..8usize, 195..206usize, 19_985..20_015usize, 9_990..10_010usize];
        let alphabet =
            prop::collection::vec(prop::sample::select(vec!['a', 'Z', ' ', 'é', '\n', '\r', '漢', '.']), 1..6);
        (len, alphabet).prop_map(|(len, chars)| chars.iter().cycle().take(len).collect())
    }

    fn name() -> impl Strategy<Value = String> {
        prop_oneof![
            Just("Ada Pennington".to_owned()),
            Just("Zoë O'Neill-Smith".to_owned()),
            Just("A P".to_owned()),
            Just(String::new()),
            Just(format!("Ada{}Pennington", " ".repeat(300))),
            Just(format!("Ada {}", "n".repeat(97))),
            Just(format!("Ada {}", "n".repeat(96))),
            Just("  Ben   Jones  ".to_owned()),
        ]
    }

    fn mark() -> impl Strategy<Value = KioskMark> {
        prop_oneof![
            name().prop_map(|name| KioskMark::Typed { name }),
            prop_oneof![Just(16usize), Just(MAX_MARK_BYTES), Just(MAX_MARK_BYTES + 1)].prop_map(|len| {
                let mut png = PNG.to_vec();
                png.resize(len.max(PNG.len()), 0);
                KioskMark::Drawn { png }
            }),
            Just(KioskMark::Drawn { png: b"GIF89a-not-a-png".to_vec() }),
        ]
    }

    fn concerns() -> impl Strategy<Value = KioskConcern> {
        (
            (text(), text(), text(), prop::option::of(text()), prop::option::of(text())),
            (name(), 0u64..3, prop::option::of(prop::sample::select(vec!["14:30", "9:05", "25:00", "", "noon"]))),
        )
            .prop_map(|((what, place, people, own, done), (reporter, days_ago, time))| KioskConcern {
                what_happened: what,
                place,
                people_involved: people,
                own_words: own,
                done_so_far: done,
                reporter_name: reporter,
                happened_on: crate::dates::today() - chrono::Days::new(days_ago),
                happened_at_time: time.map(str::to_owned),
                ..concern()
            })
    }

    /// Checks the rule both ways for one submission: refused and nothing written, or accepted
    /// and recorded with no problem.
    fn station_then_ingest(s: &mut Station, sub: &Submission) -> Result<(), TestCaseError> {
        match submit(&s.paths, sub) {
            Err(_) => prop_assert!(outbox_files(&s.paths).is_empty(), "a refused submission leaves no file"),
            Ok(_) => {
                let report = run(s);
                prop_assert_eq!(report.problems, vec![], "accepted at the station, so the ingest must record it");
                prop_assert_eq!(report.ingested, 1);
            }
        }
        Ok(())
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 96, failure_persistence: None, ..ProptestConfig::default() })]

        #[test]
        fn a_concern_the_station_accepts_is_recorded(c in concerns()) {
            station_then_ingest(&mut station(), &Submission::Concern(c))?;
        }

        #[test]
        fn an_aup_signature_the_station_accepts_is_recorded(
            typed in name(),
            m in mark(),
            counter in prop::option::of((name(), mark())),
        ) {
            let mut s = station();
            let mut sub = signature(&s.version, "Aisha Khan");
            let Submission::AupSignature(a) = &mut sub else { unreachable!("the fixture is an AUP signature") };
            a.typed_name = typed;
            a.mark = m;
            a.countersignature = counter.map(|(name, mark)| KioskCountersignature { name, mark });
            station_then_ingest(&mut s, &sub)?;
        }

        #[test]
        fn a_consent_the_station_accepts_is_recorded(
            about in name(),
            giver_name in name(),
            myself in any::<bool>(),
            relationship in prop::option::of(prop_oneof![Just("Mother".to_owned()), Just("m".repeat(120)), Just("m".repeat(121)), Just(String::new())]),
            m in mark(),
            allowed in any::<bool>(),
        ) {
            let sub = Submission::ImageConsent(KioskImageConsent {
                about_name: about,
                person_hint: None,
                giver: if myself { Giver::Myself } else { Giver::ParentCarer },
                giver_name,
                relationship,
                parental_responsibility: !myself,
                answers: vec![
                    UseAnswer { use_key: "website".into(), allowed },
                    UseAnswer { use_key: "social:insta".into(), allowed: false },
                ],
                name_with_image: false,
                form_version: crate::records::consent::wording::FORM_VERSION.into(),
                form_hash: None,
                withdraw_all: false,
                signed_at: "2026-06-30T23:30:00Z".into(),
                mark: m,
            });
            station_then_ingest(&mut station(), &sub)?;
        }
    }

    #[test]
    fn the_concern_limits_that_lost_reports_are_refused_at_the_station() {
        let s = station();
        let too_far = KioskConcern { place: "x".repeat(201), ..concern() };
        assert!(
            matches!(submit(&s.paths, &Submission::Concern(too_far)), Err(OutboxError::BadConcern(m)) if m.contains("where it happened"))
        );
        let together =
            KioskConcern { what_happened: "w".repeat(15_000), people_involved: "p".repeat(6_000), ..concern() };
        assert!(
            matches!(submit(&s.paths, &Submission::Concern(together)), Err(OutboxError::BadConcern(m)) if m.contains("together"))
        );
        let spaced = KioskConcern { reporter_name: format!("Ada{}Pennington", " ".repeat(300)), ..concern() };
        assert!(
            submit(&s.paths, &Submission::Concern(spaced)).is_ok(),
            "a name with a run of spaces is folded, not refused"
        );
        assert_eq!(outbox_files(&s.paths).len(), 1);
    }
}

#[test]
fn the_signing_time_is_the_stations_sealed_time_never_the_pages() {
    let mut s = station();
    let mut sub = signature(&s.version, "Aisha Khan");
    let Submission::AupSignature(a) = &mut sub else { unreachable!("the fixture is an AUP signature") };
    a.signed_at = "2001-01-01T09:00:00Z".into();
    submit(&s.paths, &sub).expect("signed");
    assert_eq!(run(&mut s).ingested, 1);
    let signed_at: String = s.conn.query_row("SELECT signed_at FROM signatures", [], |r| r.get(0)).expect("row");
    assert!(!signed_at.starts_with("2001"), "the page's time was used: {signed_at}");
    let sealed = chrono::DateTime::parse_from_rfc3339(&signed_at).expect("rfc3339");
    assert!((chrono::Utc::now() - sealed.with_timezone(&chrono::Utc)).num_minutes().abs() < 5);
}
