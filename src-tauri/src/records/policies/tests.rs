use chrono::NaiveDate;

use super::*;
use crate::records::test_db;
use crate::reminders::DueStatus;
use crate::store::audit::Actor;

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("test dates are real")
}

fn today() -> NaiveDate {
    day(2026, 11, 22)
}

fn dsl() -> Actor {
    Actor::Admin("admin-dsl".into())
}

const ONLINE_SAFETY: &str = "policy-online-safety";

fn review(version: &str, on: NaiveDate, lead: &str, trigger: ReviewTrigger, change: Option<&str>) -> PolicyReview {
    PolicyReview {
        version: version.into(),
        reviewed_on: on,
        lead: lead.into(),
        change: change.map(Into::into),
        trigger,
        approved_by: Some("Board of trustees".into()),
        approved_on: Some(on),
        next_review: None,
    }
}

#[test]
fn the_register_starts_with_the_policies_online_safety_links_to_and_no_reviews() {
    let conn = test_db();
    let all = list(&conn, today(), false).expect("list");
    assert_eq!(all.len(), 11);
    assert_eq!(all[0].name, "Online safety");
    assert_eq!(all[0].topic, Topic::OnlineSafety);
    assert!(all.iter().any(|p| p.topic == Topic::FilteringMonitoring));
    assert!(all.iter().all(|p| p.status == DueStatus::NeverDone && p.review_months == 12));
}

#[test]
fn a_history_like_a_real_policy_gives_the_current_version_and_next_review() {
    let mut conn = test_db();
    record_review(
        &mut conn,
        &dsl(),
        ONLINE_SAFETY,
        &review("1", day(2023, 9, 1), "A. Patel", ReviewTrigger::NewPolicy, None),
        today(),
    )
    .expect("v1");
    record_review(
        &mut conn,
        &dsl(),
        ONLINE_SAFETY,
        &review("2", day(2024, 9, 3), "B. Jones", ReviewTrigger::Scheduled, None),
        today(),
    )
    .expect("v2");
    let third = review("3", day(2025, 9, 8), "C. Okafor", ReviewTrigger::Scheduled, Some("Added AI chatbots"));
    let v3 = record_review(&mut conn, &dsl(), ONLINE_SAFETY, &third, today()).expect("v3");
    assert_eq!(v3.next_review, day(2026, 9, 8));
    assert_eq!(v3.purpose, "Annual review: Added AI chatbots");

    let detail = get(&conn, ONLINE_SAFETY, today()).expect("get");
    let purposes: Vec<&str> = detail.history.iter().map(|v| v.purpose.as_str()).collect();
    assert_eq!(purposes, vec!["New policy", "Annual review: no change", "Annual review: Added AI chatbots"]);
    let leads: Vec<&str> = detail.history.iter().map(|v| v.lead.as_str()).collect();
    assert_eq!(leads, vec!["A. Patel", "B. Jones", "C. Okafor"]);
    assert_eq!(detail.policy.current_version.as_deref(), Some("3"));
    assert_eq!(detail.policy.next_review, Some(day(2026, 9, 8)));
    assert_eq!(detail.policy.status, DueStatus::Overdue);

    // Recording this year's review moves the next review a year on.
    let now = review("4", day(2026, 11, 20), "C. Okafor", ReviewTrigger::Scheduled, None);
    record_review(&mut conn, &dsl(), ONLINE_SAFETY, &now, today()).expect("v4");
    let after = get(&conn, ONLINE_SAFETY, today()).expect("get");
    assert_eq!(after.policy.next_review, Some(day(2027, 11, 20)));
    assert_eq!(after.policy.status, DueStatus::InDate);
    assert_eq!(after.history.len(), 4);
}

#[test]
fn an_early_review_records_its_trigger_and_restarts_the_cycle() {
    let mut conn = test_db();
    record_review(
        &mut conn,
        &dsl(),
        ONLINE_SAFETY,
        &review("1", day(2026, 1, 5), "A", ReviewTrigger::NewPolicy, None),
        today(),
    )
    .expect("v1");
    let early = review("1.1", day(2026, 6, 30), "A", ReviewTrigger::Incident, Some("Clearer reporting route"));
    let v = record_review(&mut conn, &dsl(), ONLINE_SAFETY, &early, today()).expect("early");
    assert_eq!(v.purpose, "Review after an incident: Clearer reporting route");
    assert_eq!(v.trigger, ReviewTrigger::Incident);
    assert_eq!(get(&conn, ONLINE_SAFETY, today()).expect("get").policy.next_review, Some(day(2027, 6, 30)));
}

#[test]
fn bad_reviews_are_refused_with_what_to_fix() {
    let mut conn = test_db();
    let ok = review("1", day(2026, 1, 5), "A. Patel", ReviewTrigger::NewPolicy, None);
    record_review(&mut conn, &dsl(), ONLINE_SAFETY, &ok, today()).expect("v1");
    assert!(matches!(
        record_review(&mut conn, &dsl(), ONLINE_SAFETY, &ok, today()),
        Err(PolicyError::DuplicateVersion(v)) if v == "1"
    ));
    let refusal = |r: &PolicyReview, conn: &mut rusqlite::Connection| match record_review(
        conn,
        &dsl(),
        ONLINE_SAFETY,
        r,
        today(),
    ) {
        Err(e) => e,
        other => panic!("expected a refusal, got {other:?}"),
    };
    let future =
        refusal(&PolicyReview { reviewed_on: day(2026, 11, 23), version: "2".into(), ..ok.clone() }, &mut conn);
    assert!(matches!(future, PolicyError::DateInFuture(PolicyDate::Reviewed)));
    assert_eq!(future.to_string(), "The review date cannot be in the future.");
    let no_lead = refusal(&PolicyReview { lead: " ".into(), version: "2".into(), ..ok.clone() }, &mut conn);
    assert!(matches!(no_lead, PolicyError::Missing(PolicyField::Lead)));
    assert_eq!(no_lead.to_string(), "Enter who led the review.");
    let approved_early =
        refusal(&PolicyReview { approved_on: Some(day(2025, 12, 1)), version: "2".into(), ..ok.clone() }, &mut conn);
    assert!(matches!(approved_early, PolicyError::ApprovedBeforeReview));
    assert_eq!(approved_early.to_string(), "The approval date cannot be before the review date.");
    let long_owner = PolicyDraft { name: "X".into(), owner: "o".repeat(101), review_months: 12 };
    let refused = save(&mut conn, &dsl(), None, &long_owner, today()).expect_err("owner too long");
    assert!(matches!(refused, PolicyError::TooLong { field: PolicyField::Owner, max: 100 }));
    assert_eq!(refused.to_string(), "Shorten the owner to 100 characters or fewer.");
    assert!(matches!(record_review(&mut conn, &dsl(), "nope", &ok, today()), Err(PolicyError::NotFound)));
}

#[test]
fn policies_can_be_renamed_added_and_retired_with_their_history_kept() {
    let mut conn = test_db();
    let draft = PolicyDraft { name: "E-safety".into(), owner: "The DSL".into(), review_months: 24 };
    let renamed = save(&mut conn, &dsl(), Some(ONLINE_SAFETY), &draft, today()).expect("rename");
    assert_eq!((renamed.name.as_str(), renamed.owner.as_str(), renamed.review_months), ("E-safety", "The DSL", 24));
    record_review(
        &mut conn,
        &dsl(),
        ONLINE_SAFETY,
        &review("1", day(2026, 1, 5), "A", ReviewTrigger::NewPolicy, None),
        today(),
    )
    .expect("v1");
    assert_eq!(get(&conn, ONLINE_SAFETY, today()).expect("get").policy.next_review, Some(day(2028, 1, 5)));

    let added = save(
        &mut conn,
        &dsl(),
        None,
        &PolicyDraft { name: "Lone working".into(), owner: String::new(), review_months: 12 },
        today(),
    )
    .expect("add");
    assert_eq!(list(&conn, today(), false).expect("list").last().map(|p| p.id.clone()), Some(added.id.clone()));
    retire(&mut conn, &dsl(), &added.id, true).expect("retire");
    assert!(!list(&conn, today(), false).expect("list").iter().any(|p| p.id == added.id));
    assert!(list(&conn, today(), true).expect("all").iter().any(|p| p.id == added.id && p.retired));
    let bad = PolicyDraft { name: "X".into(), owner: String::new(), review_months: 0 };
    assert!(matches!(save(&mut conn, &dsl(), None, &bad, today()), Err(PolicyError::ReviewCycleOutOfRange)));
}

#[test]
fn what_is_due_puts_unreviewed_and_overdue_policies_first() {
    let mut conn = test_db();
    for (id, on) in [
        ("policy-acceptable-use", day(2025, 10, 1)),
        ("policy-behaviour", day(2025, 12, 10)),
        ("policy-safeguarding", day(2026, 9, 1)),
    ] {
        record_review(&mut conn, &dsl(), id, &review("1", on, "A", ReviewTrigger::NewPolicy, None), today())
            .expect("review");
    }
    let items = due_items(&conn, today()).expect("due");
    assert_eq!(items.iter().filter(|i| i.status == DueStatus::NeverDone).count(), 8);
    let reviewed: Vec<(&str, DueStatus)> =
        items.iter().filter(|i| i.status != DueStatus::NeverDone).map(|i| (i.policy_id.as_str(), i.status)).collect();
    assert_eq!(reviewed, vec![("policy-acceptable-use", DueStatus::Overdue), ("policy-behaviour", DueStatus::DueIn30)]);
}

#[test]
fn the_filtering_log_keeps_changes_and_breaches_newest_first() {
    let mut conn = test_db();
    let change = FilteringEntry {
        happened_on: day(2026, 3, 2),
        kind: FilteringKind::Change,
        what: "Blocked a proxy site".into(),
        who: "IT contractor".into(),
        why: "Learners were using it to get round the filter".into(),
    };
    add_filtering_entry(&mut conn, &dsl(), &change, today()).expect("change");
    let breach = FilteringEntry { happened_on: day(2026, 5, 9), kind: FilteringKind::Breach, ..change.clone() };
    add_filtering_entry(&mut conn, &dsl(), &breach, today()).expect("breach");
    let log = filtering_log(&conn).expect("log");
    assert_eq!(
        log.iter().map(|e| e.entry.kind).collect::<Vec<_>>(),
        vec![FilteringKind::Breach, FilteringKind::Change]
    );
    let empty = FilteringEntry { why: "  ".into(), ..change };
    let refused = add_filtering_entry(&mut conn, &dsl(), &empty, today()).expect_err("no reason");
    assert!(matches!(refused, PolicyError::Missing(PolicyField::FilteringWhy)));
    assert_eq!(refused.to_string(), "Enter why, or what was done about it.");
    let ahead = FilteringEntry { happened_on: day(2026, 11, 23), ..breach.clone() };
    let refused = add_filtering_entry(&mut conn, &dsl(), &ahead, today()).expect_err("future");
    assert_eq!(refused.to_string(), "The date cannot be in the future.");
    let old = FilteringEntry { happened_on: day(1989, 12, 31), ..breach.clone() };
    let refused = add_filtering_entry(&mut conn, &dsl(), &old, today()).expect_err("too early");
    assert!(matches!(refused, PolicyError::DateBefore1990(PolicyDate::FilteringHappened)));
    assert_eq!(refused.to_string(), "Check the date: it is before 1990.");
    let leaked: i64 =
        conn.query_row("SELECT count(*) FROM audit WHERE detail LIKE '%proxy%'", [], |r| r.get(0)).expect("count");
    assert_eq!(leaked, 0);
}

#[test]
fn the_unlock_notice_follows_the_online_safety_policy_only_and_holds_no_names() {
    let mut conn = test_db();
    assert_eq!(
        yearly_review_notice(&conn, today()).expect("notice"),
        Some("Safekeeper has no review of your online-safety policy on record yet.")
    );
    let old = review("1", day(2025, 9, 8), "Chi Okafor", ReviewTrigger::NewPolicy, None);
    record_review(&mut conn, &dsl(), ONLINE_SAFETY, &old, today()).expect("v1");
    let overdue = yearly_review_notice(&conn, today()).expect("notice").expect("overdue");
    assert!(overdue.contains("overdue") && !overdue.contains("Chi"));
    // Due in 30 days: reviewed on 20 December last year.
    let mut conn = test_db();
    record_review(
        &mut conn,
        &dsl(),
        ONLINE_SAFETY,
        &review("1", day(2025, 12, 20), "A", ReviewTrigger::NewPolicy, None),
        today(),
    )
    .expect("v1");
    assert_eq!(
        yearly_review_notice(&conn, today()).expect("notice"),
        Some("The yearly review of your online-safety policy is due within 30 days.")
    );
    // Reviewed this year: nothing to say, whatever other policies need.
    record_review(
        &mut conn,
        &dsl(),
        ONLINE_SAFETY,
        &review("2", day(2026, 11, 1), "A", ReviewTrigger::Scheduled, None),
        today(),
    )
    .expect("v2");
    assert_eq!(yearly_review_notice(&conn, today()).expect("notice"), None);
}

#[test]
fn a_policy_document_is_judged_by_its_bytes_and_replaced_by_a_newer_one() {
    let mut conn = test_db();
    assert!(matches!(document(&conn, ONLINE_SAFETY), Err(PolicyError::NoDocument)));
    assert!(matches!(
        attach_document(&mut conn, &dsl(), ONLINE_SAFETY, "policy.docx", b"not really a document"),
        Err(PolicyError::DocumentNotAccepted)
    ));
    // A ZIP named .pdf is neither a PDF nor a Word file.
    assert!(matches!(
        attach_document(&mut conn, &dsl(), ONLINE_SAFETY, "policy.pdf", b"PK\x03\x04zip"),
        Err(PolicyError::DocumentNotAccepted)
    ));
    let too_big = [b"%PDF-".as_slice(), &vec![b'x'; MAX_DOCUMENT_BYTES]].concat();
    assert!(matches!(
        attach_document(&mut conn, &dsl(), ONLINE_SAFETY, "p.pdf", &too_big),
        Err(PolicyError::DocumentNotAccepted)
    ));
    assert!(matches!(attach_document(&mut conn, &dsl(), "nope", "p.pdf", b"%PDF-1.7"), Err(PolicyError::NotFound)));

    attach_document(&mut conn, &dsl(), ONLINE_SAFETY, "Online safety v3.pdf", b"%PDF-1.7 v3").expect("pdf");
    assert!(get(&conn, ONLINE_SAFETY, today()).expect("get").policy.has_document);
    attach_document(&mut conn, &dsl(), ONLINE_SAFETY, "Online safety v4.DOCX", b"PK\x03\x04 v4").expect("docx");
    let stored = document(&conn, ONLINE_SAFETY).expect("document");
    assert_eq!((stored.extension.as_str(), stored.bytes.as_slice()), ("docx", b"PK\x03\x04 v4".as_slice()));
    assert!(!get(&conn, "policy-behaviour", today()).expect("get").policy.has_document);

    let (name, named) = named_document(&conn, ONLINE_SAFETY).expect("named");
    assert_eq!(name, get(&conn, ONLINE_SAFETY, today()).expect("get").policy.name);
    assert_eq!(named, stored);
    assert!(matches!(named_document(&conn, "policy-behaviour"), Err(PolicyError::NoDocument)));
    assert!(matches!(named_document(&conn, "nope"), Err(PolicyError::NotFound)), "no policy, before no document");
}

#[test]
fn a_next_review_set_by_hand_is_kept_as_the_policys_own_table_set_it() {
    let mut conn = test_db();
    // A real history: reviewed in January 2022, with the next review set for March 2023.
    let set = PolicyReview {
        next_review: Some(day(2023, 3, 1)),
        ..review("1", day(2022, 1, 12), "A. Patel", ReviewTrigger::NewPolicy, None)
    };
    let v1 = record_review(&mut conn, &dsl(), ONLINE_SAFETY, &set, today()).expect("v1");
    assert_eq!(v1.next_review, day(2023, 3, 1));
    let detail = get(&conn, ONLINE_SAFETY, today()).expect("get");
    assert_eq!(detail.history[0].next_review, day(2023, 3, 1), "the history keeps the date that was set");
    assert_eq!(detail.policy.next_review, Some(day(2023, 3, 1)));

    // Left empty, the next review is the policy's cycle on from the review, as before.
    let v2 = record_review(
        &mut conn,
        &dsl(),
        ONLINE_SAFETY,
        &review("2", day(2023, 2, 20), "A. Patel", ReviewTrigger::Scheduled, None),
        today(),
    )
    .expect("v2");
    assert_eq!(v2.next_review, day(2024, 2, 20));
}

#[test]
fn a_next_review_set_by_hand_must_follow_the_review_and_not_be_years_away() {
    let mut conn = test_db();
    let base = review("1", day(2026, 1, 12), "A. Patel", ReviewTrigger::NewPolicy, None);
    for (next, wanted) in [
        (day(2026, 1, 12), "policy.nextReviewNotAfterReview"),
        (day(2025, 12, 1), "policy.nextReviewNotAfterReview"),
        (day(2031, 1, 13), "policy.nextReviewTooFar"),
    ] {
        let refused = record_review(
            &mut conn,
            &dsl(),
            ONLINE_SAFETY,
            &PolicyReview { next_review: Some(next), ..base.clone() },
            today(),
        )
        .expect_err("refused");
        assert_eq!(refused.code().as_str(), wanted, "{next}");
    }
    // Exactly five years on is allowed, and nothing was half-recorded by the refusals.
    let kept = PolicyReview { next_review: Some(day(2031, 1, 12)), ..base };
    record_review(&mut conn, &dsl(), ONLINE_SAFETY, &kept, today()).expect("five years on");
    assert_eq!(get(&conn, ONLINE_SAFETY, today()).expect("get").history.len(), 1);
}
