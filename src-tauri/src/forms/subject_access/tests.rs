use std::collections::HashMap;

use super::*;
use crate::forms::pdf_check::{folded, image_count, pages_of, pdf_text, render_pages};
use crate::records::subject_access::tests::{plant, today, A_NAME, B_NAME};
use crate::records::subject_access::{gather, SubjectAccessOptions};
use crate::records::test_db;

fn form(redact_others: bool) -> SubjectAccessForm {
    let mut conn = test_db();
    let p = plant(&mut conn);
    let access = gather(&conn, &p.a, SubjectAccessOptions { redact_others }, today()).expect("gather");
    let admin_names = HashMap::from([("admin-dsl".to_owned(), "Sam Okafor".to_owned())]);
    SubjectAccessForm { access, admin_names, accounts: Vec::new(), demo: false }
}

#[test]
fn the_pdf_shows_each_of_the_persons_records_with_page_numbers() {
    let pdf = subject_access_pdf(&form(true)).expect("renders");
    let text = pdf_text(&pdf);
    let all = folded(&text);
    for expected in [
        A_NAME,
        "Riverside Youth Project",
        "Made on: 22 November 2026",
        "Agreements you signed",
        "version 1, for Staff and volunteers",
        "Withdrawn",
        "Spring open day photos",
        "1 other person",
        "Online-safety update",
        "A-TRAINING-PROVIDER",
        "Incident INC-2026-0001",
        "Subject or victim",
        "[another person]",
        "written",
        "Sam Okafor",
    ] {
        assert!(all.contains(expected), "missing {expected:?} in:\n{all}");
    }
    let pages = pages_of(&text);
    assert!(pages.len() >= 3, "a cover and the records: {} pages", pages.len());
    for (n, page) in pages.iter().enumerate() {
        let footer = format!("Page {} of {}", n + 1, pages.len());
        assert!(folded(page).contains(&footer), "page {} has no {footer:?}", n + 1);
    }
    assert_eq!(image_count(&pdf), 1, "the drawn AUP signature is drawn");
}

#[test]
fn with_redaction_the_other_persons_name_is_nowhere_in_the_pdf() {
    let text = folded(&pdf_text(&subject_access_pdf(&form(true)).expect("renders")));
    assert!(!text.contains("Bella") && !text.contains("Brook"), "B is named:\n{text}");
    assert!(text.contains("Spoke with [another person] and with Alfie separately"));
}

#[test]
fn without_redaction_the_other_person_is_named_only_in_the_incident_section() {
    let text = folded(&pdf_text(&subject_access_pdf(&form(false)).expect("renders")));
    let (before, incidents) = text.split_once("Each incident that names you").expect("the incidents section");
    assert!(!before.contains("Bella") && !before.contains("Brook"), "B is named outside the incident");
    assert!(incidents.contains(B_NAME));
    assert!(text.contains("their names have been left in"));
}

#[test]
fn a_demo_export_is_marked_demo() {
    let mut f = form(true);
    f.demo = true;
    let text = pdf_text(&subject_access_pdf(&f).expect("renders"));
    assert!(pages_of(&text).iter().all(|p| p.contains("DEMO")));
}

#[test]
fn the_first_page_renders_with_ink_in_the_margins_left_clear() {
    let pdf = subject_access_pdf(&form(true)).expect("renders");
    let pages = render_pages(&pdf, 50);
    let first = &pages[0];
    let dark = first.pixels().filter(|p| p.0[0] < 128).count();
    assert!(dark > 500, "the cover has text on it");
    // 18 mm margins at 50 dpi are about 35 px: the left edge stays white.
    assert!((0..first.height()).all(|y| (0..20).all(|x| first.get_pixel(x, y).0[0] > 200)));
    if let Some(dir) = std::env::var_os("SAFEKEEPER_FORM_SAMPLES") {
        std::fs::create_dir_all(&dir).expect("sample folder");
        std::fs::write(std::path::Path::new(&dir).join("subject-access.pdf"), &pdf).expect("writable");
    }
}

#[test]
fn file_names_carry_the_name_and_the_date() {
    assert_eq!(pdf_file_name("Ava / Brown", today()), "Subject access Ava Brown 2026-11-22.pdf");
    assert_eq!(json_file_name("Ava Brown", today()), "Subject access Ava Brown 2026-11-22.json");
}
