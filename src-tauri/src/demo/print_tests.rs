//! The demo vault printed: each `forms::…::print_…` function run on a real (demo) vault, checking
//! what each PDF holds, the file name offered, what the audit trail records and the errors an
//! admin sees; and the blank forms the locked home prints from the manifest alone.

use age::secrecy::SecretString;
use chrono::NaiveDate;

use super::{create, DEMO_ORG, DEMO_PASSPHRASE};
use crate::error::{CodedError, ErrorCode};
use crate::forms::pdf_check::{folded, pdf_text};
use crate::forms::{aup as aup_forms, consent as consent_forms, incident as incident_forms, registers, trustee_report};
use crate::kiosk::station::{self, KioskBlankForm};
use crate::records::aup::{self, Audience};
use crate::records::incidents::{
    self, Action, Category, EntryBody, IncidentKind, IncidentSource, InvolvedPerson, NewIncident, Report, Role,
};
use crate::records::people::{self, PeopleQuery, PersonStatus};
use crate::records::policies::{self, PolicyReview, ReviewTrigger};
use crate::records::signatures::{self, Signature};
use crate::records::training::{self, Completion, MatrixFilter};
use crate::vault::UnlockedVault;

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("a real date")
}

fn today() -> NaiveDate {
    day(2026, 11, 22)
}

fn demo_vault() -> (tempfile::TempDir, UnlockedVault) {
    let dir = tempfile::tempdir().expect("temp dir");
    let paths = create(dir.path()).expect("demo vault");
    let vault = UnlockedVault::unlock(&paths, &SecretString::from(DEMO_PASSPHRASE.to_owned())).expect("demo unlocks");
    (dir, vault)
}

/// The demo vault with the signing station's waiting signature arrived.
fn demo_vault_with_outbox() -> (tempfile::TempDir, UnlockedVault) {
    let (dir, mut vault) = demo_vault();
    crate::kiosk::outbox::ingest(&mut vault).expect("the demo outbox arrives");
    (dir, vault)
}

mod aup_forms_tests {
    use super::*;

    fn aup_id(v: &UnlockedVault, audience: Audience) -> String {
        aup::list(v.db().conn()).expect("list AUPs").into_iter().find(|a| a.audience == audience).expect("seeded").id
    }

    fn signature_of(v: &UnlockedVault, name: &str) -> Signature {
        let conn = v.db().conn();
        let query = PeopleQuery { text: name.to_owned(), group: None, status: PersonStatus::All };
        let person = people::search(conn, &query).expect("search").into_iter().next().expect("the demo person exists");
        signatures::for_person(conn, &person.id).expect("signatures").into_iter().next().expect("they signed")
    }

    #[test]
    fn blank_staff_aup_prints_the_published_version_with_every_rule() {
        let (_dir, v) = demo_vault_with_outbox();
        let id = aup_id(&v, Audience::StaffVolunteers);
        let form = aup_forms::print_blank(v.db().conn(), &id, true).expect("prints");
        assert_eq!(form.file_name, "AUP staff v1 blank.pdf");
        let current = aup::current_version(v.db().conn(), &id).expect("read").expect("published");
        let text = pdf_text(&form.pdf);
        let all = folded(&text);
        for rule in &current.content.rules {
            // Rules that run over a page break are checked by the forms tests; here each rule's
            // opening words are enough to show the right version was printed.
            let opening: String = folded(rule).chars().take(40).collect();
            assert!(all.contains(&opening), "missing rule: {rule}");
        }
        assert!(text.contains(&current.content_hash[..12]));
        assert!(text.contains(DEMO_ORG));
        assert!(text.contains("DEMO"), "a demo vault's print is marked DEMO");
    }

    #[test]
    fn an_aup_with_no_published_version_cannot_be_printed_blank() {
        let (_dir, v) = demo_vault_with_outbox();
        let conn = v.db().conn();
        let error = aup_forms::print_blank(conn, &aup_id(&v, Audience::YoungPeople), false).err().expect("refused");
        assert_eq!(error.code(), "forms.aupNotPublished");
        assert!(error.to_string().contains("Publish a version first"));
        assert_eq!(aup_forms::print_blank(conn, "no-such-aup", false).err().expect("refused").code(), "aup.notFound");
    }

    #[test]
    fn signed_record_names_the_person_and_the_full_hash() {
        let (_dir, v) = demo_vault_with_outbox();
        let sam = signature_of(&v, "Sam Okafor");
        let form = aup_forms::print_signed(v.db().conn(), &sam.id, false, today()).expect("prints");
        assert_eq!(form.file_name, "Signed AUP Sam Okafor 2025-09-03.pdf");
        let text = pdf_text(&form.pdf);
        assert!(text.contains("Sam Okafor"));
        assert!(text.contains(&sam.content_hash), "the full hash: {text}");
        assert!(folded(&text).contains("3 September 2025 at 10:12 (UK time)"));
        assert!(!text.contains("DEMO"));
    }

    #[test]
    fn an_unconfirmed_signing_station_signature_prints_the_name_typed() {
        let (_dir, v) = demo_vault_with_outbox();
        let waiting = signatures::unconfirmed(v.db().conn()).expect("read").pop().expect("Gareth is waiting");
        let form = aup_forms::print_signed(v.db().conn(), &waiting.id, false, today()).expect("prints");
        assert!(form.file_name.starts_with("Signed AUP Gareth Llewellyn "), "{}", form.file_name);
        let text = folded(&pdf_text(&form.pdf));
        assert!(text.contains("On screen at the signing station"));
        assert!(text.contains("Self-declared"));
    }

    #[test]
    fn a_confirmed_signature_names_the_admin_who_confirmed_it() {
        let (_dir, mut v) = demo_vault_with_outbox();
        let waiting = signatures::unconfirmed(v.db().conn()).expect("read").pop().expect("Gareth is waiting");
        let declared = waiting.declared_name.clone().expect("the name typed");
        let person_id = signatures::suggest_person(v.db().conn(), &declared).expect("suggest").expect("Gareth");
        let (conn, actor) = v.conn_and_actor();
        signatures::confirm(conn, actor, &waiting.id, &person_id).expect("confirm");
        let form = aup_forms::print_signed(v.db().conn(), &waiting.id, false, today()).expect("prints");
        let me = v.admins().expect("admins").into_iter().find(|a| a.is_current).expect("me");
        let text = folded(&pdf_text(&form.pdf));
        assert!(text.contains(&format!("Confirmed by an admin ({})", me.name)), "{text}");
    }

    #[test]
    fn an_unknown_signature_is_refused_with_its_code() {
        let (_dir, v) = demo_vault_with_outbox();
        let error = aup_forms::print_signed(v.db().conn(), "nope", false, today()).err().expect("refused");
        assert_eq!(error.code(), "signature.notFound");
    }

    #[test]
    fn coverage_list_prints_who_signed_and_who_has_not() {
        let (_dir, v) = demo_vault_with_outbox();
        let id = aup_id(&v, Audience::StaffVolunteers);
        let form = aup_forms::print_coverage(v.db().conn(), &id, false, today()).expect("prints");
        let title = aup::current_version(v.db().conn(), &id).expect("read").expect("published").content.title;
        assert_eq!(form.file_name, format!("AUP coverage {} 2026-11-22.pdf", aup_forms::file_name_part(&title)));
        let text = folded(&pdf_text(&form.pdf));
        let current = text.find("Signed the current version (3)").expect("three signed");
        let never = text.find("Never signed (").expect("never signed");
        for name in ["Sam Okafor", "Priya Raman", "Hannah Oduya"] {
            let at = text.find(name).expect("listed");
            assert!(at > current && at < never, "{name} signed the current version");
        }
        // Gareth's signature is still self-declared, so he does not count yet.
        assert!(text.find("Gareth Llewellyn").expect("listed") > never);
        assert!(text.find("Elizabeth Ashworth").expect("listed") > never);
    }
}

mod incident_forms_tests {
    use super::*;

    fn report(facts: &str) -> Report {
        Report {
            occurred_on: day(2026, 11, 18),
            occurred_at_time: None,
            reported_on: day(2026, 11, 19),
            how_reported: "In person".into(),
            reported_by: "Session leader".into(),
            reported_to: "The DSL".into(),
            place: "Computer room".into(),
            platform: "Video site".into(),
            device: "Club laptop".into(),
            category: Category::Content,
            kind: IncidentKind::FilteringBreachOrExposure,
            facts: facts.into(),
            own_words: None,
            opinion: None,
        }
    }

    /// Records an incident with one demo person linked in `role`; returns the incident id.
    fn incident_with(v: &mut UnlockedVault, facts: &str, person: (&str, &str), role: Role) -> String {
        let (conn, actor) = v.conn_and_actor();
        let r = report(facts);
        let new = NewIncident { source: IncidentSource::Admin, receipt: None, staff_allegation: false, report: &r };
        let incident = incidents::create(conn, actor, &new, today()).expect("create");
        let linked =
            EntryBody::Person(InvolvedPerson { person_id: Some(person.0.into()), name: person.1.into(), role });
        incidents::add_entry(conn, actor, &incident.id, &linked, today()).expect("link");
        let action = EntryBody::Action(Action { on: today(), by: "The DSL".into(), what: "Blocked the site.".into() });
        incidents::add_entry(conn, actor, &incident.id, &action, today()).expect("act");
        incident.id
    }

    fn demo_people(v: &UnlockedVault) -> Vec<(String, String)> {
        let query = PeopleQuery { text: String::new(), group: None, status: PersonStatus::All };
        people::search(v.db().conn(), &query).expect("search").into_iter().map(|p| (p.id, p.full_name)).collect()
    }

    fn audit_count(v: &UnlockedVault, action: &str, subject: &str) -> i64 {
        v.db()
            .conn()
            .query_row("SELECT count(*) FROM audit WHERE action = ?1 AND subject_id = ?2", [action, subject], |r| {
                r.get(0)
            })
            .expect("count")
    }

    #[test]
    fn the_filled_report_prints_the_record_and_is_audited() {
        let (_dir, mut v) = demo_vault();
        let (person_id, name) = demo_people(&v).into_iter().next().expect("demo people");
        let id =
            incident_with(&mut v, "A pop-up got past the filter during a session.", (&person_id, &name), Role::Witness);
        let form = incident_forms::print_report(v.db().conn(), v.actor(), &id, true, today()).expect("prints");
        let reference = incidents::get(v.db().conn(), v.actor(), &id).expect("get").incident.reference;
        assert_eq!(form.file_name, format!("Incident report {reference}.pdf"));
        let text = pdf_text(&form.pdf);
        let all = folded(&text);
        assert!(all.contains("A pop-up got past the filter during a session."));
        // The DEMO mark is drawn across the page, so its word can fall between a table's cells.
        let unmarked = all.replace(" DEMO ", " ");
        assert!(unmarked.contains(&format!("{name} Witness")), "{all}");
        assert!(all.contains("Blocked the site."));
        assert!(all.contains(DEMO_ORG));
        assert!(text.contains("Confidential: safeguarding"));
        assert!(text.contains("DEMO"), "a demo vault's print is marked DEMO");
        // The admin's own name, not an id, says who saved each entry.
        let admin = v.admins().expect("admins").into_iter().find(|a| a.is_current).expect("me");
        assert!(all.contains(&format!("by {}", admin.name)));
        assert_eq!(audit_count(&v, "incident.printed", &id), 1);
    }

    #[test]
    fn printing_an_unknown_incident_says_so() {
        let (_dir, v) = demo_vault();
        let error = incident_forms::print_report(v.db().conn(), v.actor(), "no-such-incident", false, today())
            .err()
            .expect("refused");
        assert_eq!(error.code(), "incident.notFound");
    }

    #[test]
    fn a_persons_chronology_covers_their_incidents_with_their_own_role() {
        let (_dir, mut v) = demo_vault();
        let people = demo_people(&v);
        let ((person_id, name), (other_id, other_name)) = (people[0].clone(), people[1].clone());
        let first =
            incident_with(&mut v, "First filter breach in the computer room.", (&person_id, &name), Role::Witness);
        let second = incident_with(&mut v, "Second, unrelated incident.", (&other_id, &other_name), Role::Instigator);
        let form = incident_forms::print_person(v.db().conn(), v.actor(), &person_id, false, today()).expect("prints");
        assert_eq!(form.file_name, format!("Incident chronology {name} 2026-11-22.pdf"));
        let all = folded(&pdf_text(&form.pdf));
        assert!(all.contains("First filter breach in the computer room."));
        assert!(all.contains("Witness"));
        assert!(!all.contains("Second, unrelated incident."), "only incidents the person is linked to");
        assert!(!all.contains("Instigator"));
        assert_eq!(audit_count(&v, "incident.printed", &first), 1);
        assert_eq!(audit_count(&v, "incident.printed", &second), 0);
    }

    #[test]
    fn the_admin_windows_blank_incident_form_names_the_organisation() {
        let (_dir, v) = demo_vault();
        let form = incident_forms::print_blank(v.db().conn(), true).expect("prints");
        assert_eq!(form.file_name, "Incident form blank.pdf");
        let text = folded(&pdf_text(&form.pdf));
        assert!(text.contains("Online-safety incident form") && text.contains(DEMO_ORG));
    }
}

mod locked_home_tests {
    use super::*;

    #[test]
    fn the_locked_home_prints_blank_forms_from_the_manifest_alone() {
        let dir = tempfile::tempdir().expect("temp dir");
        let paths = create(dir.path()).expect("demo vault");
        // The demo vault is locked: only the manifest is readable.
        let incident = station::blank_form(&paths, &KioskBlankForm::Incident, true).expect("blank incident form");
        assert_eq!(incident.file_name, "Incident form blank.pdf");
        let text = folded(&pdf_text(&incident.pdf));
        assert!(text.contains("Online-safety incident form") && text.contains(DEMO_ORG));

        let offered = station::signing_options(&paths);
        let aup = offered.first().expect("the demo shows an AUP at the signing station");
        let choice = KioskBlankForm::Aup { aup_id: aup.aup_id.clone() };
        let printed = station::blank_form(&paths, &choice, true).expect("blank AUP");
        let text = pdf_text(&printed.pdf);
        assert!(text.contains(&aup.version_hash[..12]), "the version shown is the version printed");
        assert!(folded(&text).contains(&folded(&aup.content.title)));
        for signer in &aup.signers {
            assert!(!text.contains(&signer.display_name), "a blank form lists nobody");
        }

        let hidden = KioskBlankForm::Aup { aup_id: "not-offered".into() };
        let error = station::blank_form(&paths, &hidden, true).err().expect("refused");
        assert_eq!(error.code(), "kiosk.formNotOffered");
    }

    #[test]
    fn the_locked_home_prints_the_blank_consent_form_from_the_manifest_alone() {
        let dir = tempfile::tempdir().expect("temp dir");
        let paths = create(dir.path()).expect("demo vault");
        let printed = station::blank_form(&paths, &KioskBlankForm::Consent, true).expect("blank consent form");
        assert_eq!(printed.file_name, consent_forms::BLANK_FILE_NAME);
        let text = folded(&pdf_text(&printed.pdf));
        assert!(text.contains("Image consent form") && text.contains(DEMO_ORG));
        // The published form names the demo's Instagram account, one question of its own.
        assert!(text.contains("Instagram @riversideyouth"), "{text}");
        assert!(!text.contains("Social media: all our accounts"));
    }
}

mod register_forms_tests {
    use super::*;

    /// Records the online-safety update for the first person in the matrix and one policy review.
    fn with_records(v: &mut UnlockedVault) -> String {
        let person =
            training::matrix(v.db().conn(), today(), &MatrixFilter::default()).expect("matrix").rows[0].clone();
        let completion = Completion {
            course_id: "course-online-safety".into(),
            completed_on: day(2026, 3, 2),
            provider: "In house".into(),
            notes: None,
            person_ids: vec![person.person_id.clone()],
        };
        let (conn, actor) = v.conn_and_actor();
        training::record(conn, actor, &completion, today()).expect("record");
        let review = PolicyReview {
            version: "1".into(),
            reviewed_on: day(2026, 2, 1),
            lead: "The DSL".into(),
            change: None,
            trigger: ReviewTrigger::NewPolicy,
            approved_by: None,
            approved_on: None,
            next_review: None,
        };
        policies::record_review(conn, actor, "policy-online-safety", &review, today()).expect("review");
        person.full_name
    }

    #[test]
    fn the_checklist_and_matrix_print_from_the_vault() {
        let (_dir, mut v) = demo_vault();
        let name = with_records(&mut v);
        let conn = v.db().conn();
        let checklist = registers::print_checklist(conn, true, today()).expect("checklist");
        assert_eq!(checklist.file_name, "Annual review checklist 2026-11-22.pdf");
        let all = folded(&pdf_text(&checklist.pdf));
        assert!(all.contains(DEMO_ORG));
        assert!(all.contains("Online safety Not set 1 1 February 2026 1 February 2027"), "{all}");
        assert!(all.contains("Acceptable use of technology"));

        let matrix = registers::print_matrix(conn, &MatrixFilter::default(), true, today()).expect("matrix");
        let all = folded(&pdf_text(&matrix.pdf));
        assert!(all.contains(&name));
        assert!(all.contains("due 2 March 2027"));
        // The screen shows a page at a time; the paper has everyone, whatever page was asked for.
        let paged = MatrixFilter { limit: Some(0), ..MatrixFilter::default() };
        let printed = folded(&pdf_text(&registers::print_matrix(conn, &paged, true, today()).expect("matrix").pdf));
        assert!(printed.contains(&name));

        let history = registers::print_history(conn, "policy-online-safety", true, today()).expect("history");
        assert_eq!(history.file_name, "Policy history Online safety.pdf");
        assert!(folded(&pdf_text(&history.pdf)).contains("1 New policy The DSL 1 February 2026 1 February 2027"));
        assert_eq!(
            registers::print_history(conn, "nope", true, today()).err().map(|e| e.code()),
            Some(ErrorCode::PolicyNotFound)
        );
    }
}

mod trustee_report_tests {
    use super::*;

    #[test]
    fn the_report_prints_from_the_vault_and_the_audit_records_only_the_period() {
        let (_dir, v) = demo_vault();
        let (conn, actor) = (v.db().conn(), v.actor());
        let form = trustee_report::print(conn, actor, day(2026, 9, 1), day(2026, 12, 1), true, day(2026, 12, 2))
            .expect("report");
        assert_eq!(form.file_name, "Trustee report 2026-09-01 to 2026-12-01.pdf");
        assert!(folded(&pdf_text(&form.pdf)).contains("Period: 1 September 2026 to 1 December 2026"));
        let detail: String = conn
            .query_row("SELECT detail FROM audit WHERE action = 'report.trusteePrinted'", [], |r| r.get(0))
            .expect("the printing is audited");
        assert_eq!(detail, "from=2026-09-01;to=2026-12-01");

        let future = trustee_report::print(conn, actor, day(2026, 9, 1), day(2026, 12, 3), true, day(2026, 12, 2));
        assert_eq!(future.err().map(|e| e.code()), Some(ErrorCode::ReportPeriodInFuture));
        let entries: i64 = conn
            .query_row("SELECT count(*) FROM audit WHERE action = 'report.trusteePrinted'", [], |r| r.get(0))
            .expect("count");
        assert_eq!(entries, 1, "a report that was not made is not audited");
    }
}
