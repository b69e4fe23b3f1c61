//! The print commands' work on a real (demo) vault: what each PDF holds, the file name offered,
//! and the errors an admin sees.

use age::secrecy::SecretString;
use chrono::NaiveDate;

use super::*;
use crate::demo::{self, DEMO_ORG, DEMO_PASSPHRASE};
use crate::forms::pdf_check::{folded, pdf_text};
use crate::records::aup::Audience;
use crate::records::signatures::Signature;

fn demo_vault() -> (tempfile::TempDir, UnlockedVault) {
    let dir = tempfile::tempdir().expect("temp dir");
    let paths = demo::create(dir.path()).expect("demo vault");
    let mut vault =
        UnlockedVault::unlock(&paths, &SecretString::from(DEMO_PASSPHRASE.to_owned())).expect("demo unlocks");
    crate::kiosk::outbox::ingest(&mut vault).expect("the demo outbox arrives");
    (dir, vault)
}

fn aup_id(v: &UnlockedVault, audience: Audience) -> String {
    aup::list(v.db().conn()).expect("list AUPs").into_iter().find(|a| a.audience == audience).expect("seeded").id
}

fn signature_of(v: &UnlockedVault, name: &str) -> Signature {
    let conn = v.db().conn();
    let query = people::PeopleQuery { text: name.to_owned(), group: None, status: people::PersonStatus::All };
    let person = people::search(conn, &query).expect("search").into_iter().next().expect("the demo person exists");
    signatures::for_person(conn, &person.id).expect("signatures").into_iter().next().expect("they signed")
}

const TODAY: (i32, u32, u32) = (2026, 11, 22);

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(TODAY.0, TODAY.1, TODAY.2).expect("a real date")
}

#[test]
fn blank_staff_aup_prints_the_published_version_with_every_rule() {
    let (_dir, v) = demo_vault();
    let id = aup_id(&v, Audience::StaffVolunteers);
    let form = blank_form(&v, &id, true).expect("prints");
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
    let (_dir, v) = demo_vault();
    let error = blank_form(&v, &aup_id(&v, Audience::YoungPeople), false).err().expect("refused");
    assert_eq!(error.code, "forms.aupNotPublished");
    assert!(error.message.contains("Publish a version first"));
    assert_eq!(blank_form(&v, "no-such-aup", false).err().expect("refused").code, "aup.notFound");
}

#[test]
fn signed_record_names_the_person_and_the_full_hash() {
    let (_dir, v) = demo_vault();
    let sam = signature_of(&v, "Sam Okafor");
    let form = signed_form(&v, &sam.id, false, today()).expect("prints");
    assert_eq!(form.file_name, "Signed AUP Sam Okafor 2025-09-03.pdf");
    let text = pdf_text(&form.pdf);
    assert!(text.contains("Sam Okafor"));
    assert!(text.contains(&sam.content_hash), "the full hash: {text}");
    assert!(folded(&text).contains("3 September 2025 at 10:12 (UK time)"));
    assert!(!text.contains("DEMO"));
}

#[test]
fn an_unconfirmed_signing_station_signature_prints_the_name_typed() {
    let (_dir, v) = demo_vault();
    let waiting = signatures::unconfirmed(v.db().conn()).expect("read").pop().expect("Gareth is waiting");
    let form = signed_form(&v, &waiting.id, false, today()).expect("prints");
    assert!(form.file_name.starts_with("Signed AUP Gareth Llewellyn "), "{}", form.file_name);
    let text = folded(&pdf_text(&form.pdf));
    assert!(text.contains("On screen at the signing station"));
    assert!(text.contains("Self-declared"));
}

#[test]
fn an_unknown_signature_is_refused_with_its_code() {
    let (_dir, v) = demo_vault();
    assert_eq!(signed_form(&v, "nope", false, today()).err().expect("refused").code, "signature.notFound");
}

#[test]
fn coverage_list_prints_who_signed_and_who_has_not() {
    let (_dir, v) = demo_vault();
    let id = aup_id(&v, Audience::StaffVolunteers);
    let form = coverage_form(&v, &id, false, today()).expect("prints");
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

#[test]
fn print_commands_are_granted_to_the_admin_window_only() {
    let read = |file: &str| {
        std::fs::read_to_string(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("capabilities").join(file))
            .expect("capability file")
    };
    for permission in ["allow-aup-print-blank", "allow-signature-print", "allow-aup-coverage-print"] {
        assert!(read("admin.json").contains(&format!("\"{permission}\"")), "admin lacks {permission}");
        assert!(!read("kiosk.json").contains(permission), "the kiosk must not print records");
    }
}
