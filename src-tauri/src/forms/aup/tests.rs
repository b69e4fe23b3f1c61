//! AUP form tests: read each PDF back as text, count its images and look at rendered pages.

use std::io::Cursor;

use chrono::NaiveDate;

use super::*;
use crate::forms::pdf_check::{folded, image_count, pages_of, pdf_text, render_pages};
use crate::forms::FormError;
use crate::records::aup::{content_hash, template};
use crate::records::people::PersonGroup;
use crate::records::signatures::{Coverage, CoverageEntry, Signature, SignatureSource, SigningMethod};

const ORG: &str = "Riverside Youth Project";
const DSL: &str = "Sam Okafor";

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("test dates are real calendar dates")
}

fn blank(audience: Audience) -> BlankAup {
    let content = template(audience, ORG, DSL);
    BlankAup {
        org_name: ORG.to_owned(),
        audience,
        version: 2,
        content_hash: content_hash(&content.canonical_json()),
        content,
        demo: false,
    }
}

/// The printed words with every page's footer taken out, folded to single spaces, so text that
/// runs over a page break reads on unbroken.
fn body(text: &str) -> String {
    let kept: Vec<&str> = text.lines().map(|l| l.trim_start_matches('\x0c')).filter(|l| !is_footer(l)).collect();
    folded(&kept.join("\n"))
}

/// The footer's two parts: its text (with its middle dots) and "Page N of M".
fn is_footer(line: &str) -> bool {
    line.contains(" \u{b7} ") || (line.starts_with("Page ") && line.contains(" of "))
}

// ---- blank AUP ----------------------------------------------------------------------------------

#[test]
fn blank_staff_aup_prints_every_rule_numbered_in_order() {
    let aup = blank(Audience::StaffVolunteers);
    let text = body(&pdf_text(&blank_aup_pdf(&aup).expect("the blank AUP renders")));
    let mut from = 0;
    for (i, rule) in aup.content.rules.iter().enumerate() {
        let numbered = format!("{}. {}", i + 1, folded(rule));
        let at = text[from..].find(&numbered).unwrap_or_else(|| panic!("rule {} missing or out of order", i + 1));
        from += at + numbered.len();
    }
    for section in [&aup.content.title, &aup.content.intro, &aup.content.consequences, &aup.content.monitoring] {
        assert!(text.contains(&folded(section)), "missing: {section}");
    }
    assert!(text.contains(&folded(&aup.content.report_concerns)) && text.contains(DSL));
    assert!(text.contains(ORG) && text.contains("Staff and volunteers"));
}

#[test]
fn every_template_prints_all_its_rules() {
    for audience in Audience::ALL {
        let aup = blank(audience);
        let text = body(&pdf_text(&blank_aup_pdf(&aup).expect("renders")));
        for rule in &aup.content.rules {
            assert!(text.contains(&folded(rule)), "{audience:?}: missing rule {rule}");
        }
    }
}

#[test]
fn blank_aup_has_lines_for_name_signature_and_date_and_nothing_personal() {
    let text = pdf_text(&blank_aup_pdf(&blank(Audience::StaffVolunteers)).expect("renders"));
    for label in ["Full name (in capitals)", "Signature", "Date", "Where this signed copy is filed"] {
        assert!(text.contains(label), "missing {label}: {text}");
    }
    assert!(!text.contains("Parent or carer\u{2019}s signature"), "staff AUPs have no parent line");
}

#[test]
fn young_peoples_aup_adds_parent_or_carer_lines() {
    let text = pdf_text(&blank_aup_pdf(&blank(Audience::YoungPeople)).expect("renders"));
    assert!(text.contains("Parent or carer\u{2019}s full name (in capitals)"), "{text}");
    assert!(text.contains("Parent or carer\u{2019}s signature"), "{text}");
    // The child's own lines are there too, before the parent's.
    let own = text.find("Full name (in capitals)").expect("own name line");
    let parent = text.find("Parent or carer\u{2019}s full name").expect("parent name line");
    assert!(own < parent);
}

#[test]
fn every_page_footer_names_the_version_and_short_hash() {
    let aup = blank(Audience::YoungPeople);
    let text = pdf_text(&blank_aup_pdf(&aup).expect("renders"));
    let pages = pages_of(&text);
    let fingerprint = format!("Version 2 \u{b7} fingerprint {}", &aup.content_hash[..12]);
    for (i, page) in pages.iter().enumerate() {
        assert!(page.contains(&fingerprint), "page {} footer: {page}", i + 1);
        assert!(page.contains(&format!("Page {} of {}", i + 1, pages.len())));
    }
}

fn long_content(rules: usize) -> AupContent {
    let rule = |n: usize| {
        format!(
            "I will follow rule {n} whenever I use any device, account or network that belongs to the \
             organisation, including at home, on trips and at events, and I will ask the designated \
             safeguarding lead if I am not sure what it means for something I want to do. {}End of rule {n}.",
            "This sentence is here to make the rule long enough to wrap over several lines of print. ".repeat(4)
        )
    };
    AupContent {
        title: "A long acceptable use policy written to test page breaks".to_owned(),
        intro: "Please read every rule. ".repeat(30),
        rules: (1..=rules).map(rule).collect(),
        consequences: "Breaking these rules may lead to action. ".repeat(20),
        monitoring: "Use is monitored. ".repeat(20),
        report_concerns: "Tell the DSL. ".repeat(20),
    }
}

#[test]
fn long_policies_flow_onto_more_pages_without_losing_text() {
    let content = long_content(30);
    let aup = BlankAup {
        org_name: ORG.to_owned(),
        audience: Audience::YoungPeople,
        version: 7,
        content_hash: content_hash(&content.canonical_json()),
        content,
        demo: false,
    };
    let pdf = blank_aup_pdf(&aup).expect("renders");
    let text = pdf_text(&pdf);
    let pages = pages_of(&text);
    assert!(pages.len() >= 4, "30 long rules need several pages, got {}", pages.len());
    let all = body(&text);
    for n in 1..=30 {
        assert!(all.contains(&format!("{n}. I will follow rule {n} ")), "rule {n} start");
        assert!(all.contains(&format!("End of rule {n}.")), "rule {n} end");
    }
    // The signing lines are never split from their heading, and the parent's block stays whole.
    let own = pages.iter().position(|p| p.contains("Your agreement")).expect("agreement heading");
    assert!(pages[own].contains("Full name (in capitals)") && pages[own].contains("Signature"));
    let parent = pages.iter().position(|p| p.contains("I have read this agreement with my child")).expect("parent");
    assert!(pages[parent].contains("Parent or carer\u{2019}s signature"));

    // Nothing printed in the bottom margin band above the footer, on any page.
    let dpi = 50.0;
    let px = |mm: f32| (mm / 25.4 * dpi) as u32;
    for (n, page) in render_pages(&pdf, dpi as u32).iter().enumerate() {
        let (w, _) = page.dimensions();
        let band = px(297.0 - 18.0 + 0.5)..px(297.0 - 18.0 + 3.5);
        let clear = (0..w).all(|x| band.clone().all(|y| page.get_pixel(x, y).0[0] > 250));
        assert!(clear, "text runs into the bottom margin on page {}", n + 1);
    }
}

// ---- signed record -----------------------------------------------------------------------------

const HASH: &str = "de57e1879779fdb248f563142b0831bf285960af215c04aeb46a7c2b09168e05";

fn signature(method: SigningMethod, source: SignatureSource) -> Signature {
    Signature {
        id: "sig-1".to_owned(),
        aup_id: "aup-1".to_owned(),
        version_id: "ver-1".to_owned(),
        version_number: 3,
        content_hash: HASH.to_owned(),
        person_id: Some("person-1".to_owned()),
        declared_name: None,
        self_declared: false,
        method,
        source,
        signed_at: "2025-09-03T09:12:00Z".to_owned(),
        recorded_at: "2025-09-03T09:12:05Z".to_owned(),
        receipt: None,
        drawn: false,
        typed_mark: None,
        countersigned_by: None,
        countersignature_drawn: false,
        countersignature_typed: None,
        paper_signed_on: None,
        paper_filed_at: None,
        scan_media_type: None,
        confirmed_at: None,
        confirmed_by: None,
    }
}

fn record(signature: Signature) -> SignedAup {
    SignedAup {
        org_name: ORG.to_owned(),
        person_name: "Hannah Oduya".to_owned(),
        audience: Audience::StaffVolunteers,
        content: template(Audience::StaffVolunteers, ORG, DSL),
        signature,
        mark_png: None,
        countersignature_png: None,
        confirmed_by_name: None,
        printed: day(2026, 11, 22),
        demo: false,
    }
}

/// A signature-pad style PNG, 600 by 200: transparent, with ink where `inked` says.
fn png_with(inked: impl Fn((u32, u32)) -> bool) -> Vec<u8> {
    let img = image::RgbaImage::from_fn(600, 200, |x, y| {
        if inked((x, y)) {
            image::Rgba([20, 20, 60, 255])
        } else {
            image::Rgba([0, 0, 0, 0])
        }
    });
    let mut out = Cursor::new(Vec::new());
    img.write_to(&mut out, image::ImageFormat::Png).expect("a PNG encodes into memory");
    out.into_inner()
}

/// A wavy stroke across the pad, a few pixels thick.
fn drawn_png() -> Vec<u8> {
    png_with(|(x, y)| (40..560).contains(&x) && (100.0 + (x as f32 / 30.0).sin() * 60.0 - y as f32).abs() < 3.0)
}

#[test]
fn typed_signature_record_names_the_person_version_hash_and_whole_text() {
    let mut s = signature(SigningMethod::OnScreen, SignatureSource::Admin);
    s.typed_mark = Some("Hannah Oduya".to_owned());
    let r = record(s);
    let pdf = signed_aup_pdf(&r).expect("the record renders");
    let text = pdf_text(&pdf);
    let all = body(&text);
    assert!(text.contains("Hannah Oduya"));
    assert!(text.lines().any(|l| l.contains(HASH)), "the full hash on one line: {text}");
    assert!(all.contains("Version 3"));
    assert!(all.contains("3 September 2025 at 10:12 (UK time)"), "signed_at in BST: {all}");
    assert!(all.contains("On screen, with an admin"));
    assert!(all.contains("Recorded by an admin"));
    assert!(all.contains("Typed name: Hannah Oduya"));
    for (i, rule) in r.content.rules.iter().enumerate() {
        assert!(all.contains(&format!("{}. {}", i + 1, folded(rule))), "rule {}", i + 1);
    }
    for section in [&r.content.intro, &r.content.consequences, &r.content.monitoring, &r.content.report_concerns] {
        assert!(all.contains(&folded(section)));
    }
    assert_eq!(image_count(&pdf), 0, "a typed signature embeds no image");
}

#[test]
fn drawn_signature_is_embedded_as_an_image_on_white() {
    let mut s = signature(SigningMethod::OnScreen, SignatureSource::SigningStation);
    s.drawn = true;
    s.receipt = Some("R-2025-000123".to_owned());
    s.confirmed_at = Some("2025-09-04T08:00:00Z".to_owned());
    s.confirmed_by = Some("admin-2".to_owned());
    s.declared_name = Some("Hattie Oduya".to_owned());
    let mut drawn = record(s.clone());
    drawn.mark_png = Some(drawn_png());
    drawn.confirmed_by_name = Some("Priya Raman".to_owned());
    let pdf = signed_aup_pdf(&drawn).expect("renders");
    assert_eq!(image_count(&pdf), 1);
    let all = folded(&pdf_text(&pdf));
    assert!(all.contains("On screen at the signing station"));
    assert!(all.contains("Confirmed by an admin (Priya Raman) on 4 September 2025 at 09:00."), "{all}");
    assert!(all.contains("Receipt number R-2025-000123"), "{all}");
    assert!(all.contains("Name typed when signing Hattie Oduya"));

    // The stroke prints on white: with the same picture left blank, every page has the same text,
    // so the difference is the stroke alone. Had transparency printed black, the stroke would
    // vanish into a dark block and add nothing.
    let dark = |pdf: &[u8]| -> usize {
        render_pages(pdf, 60).iter().map(|page| page.pixels().filter(|p| p.0[0] < 128).count()).sum()
    };
    let mut empty_pad = record(s);
    empty_pad.mark_png = Some(png_with(|_| false));
    let clear = signed_aup_pdf(&empty_pad).expect("renders");
    let extra = dark(&pdf) as i64 - dark(&clear) as i64;
    assert!(extra > 100, "the stroke should add dark pixels, added {extra}");
    // And the blank pad itself adds next to nothing beside a record with no picture at all (the
    // two differ only in one short sentence); a dark block would add thousands of pixels.
    let mut no_picture = record(empty_pad.signature.clone());
    no_picture.mark_png = None;
    let block = dark(&clear) as i64 - dark(&signed_aup_pdf(&no_picture).expect("renders")) as i64;
    assert!(block.abs() < 1500, "a blank signature pad printed as a dark block ({block} dark pixels)");
}

#[test]
fn a_damaged_signature_image_is_refused_not_printed_blank() {
    let mut s = signature(SigningMethod::OnScreen, SignatureSource::Admin);
    s.drawn = true;
    let mut r = record(s);
    r.mark_png = Some(b"\x89PNG\r\n\x1a\nnot really".to_vec());
    assert!(matches!(signed_aup_pdf(&r), Err(FormError::ImageUnreadable)));
}

#[test]
fn paper_record_says_where_the_copy_is_filed_and_the_date_on_it() {
    let mut s = signature(SigningMethod::Paper, SignatureSource::Admin);
    s.paper_signed_on = Some(day(2026, 1, 5));
    s.paper_filed_at = Some("Blue HR folder, office cabinet 2".to_owned());
    s.countersigned_by = Some("Denise Clarke".to_owned());
    s.scan_media_type = Some("application/pdf".to_owned());
    let text = folded(&pdf_text(&signed_aup_pdf(&record(s)).expect("renders")));
    assert!(text.contains("How it was signed On paper"), "{text}");
    assert!(text.contains("5 January 2026 (as written on the paper copy)"));
    assert!(text.contains("Blue HR folder, office cabinet 2"));
    assert!(text.contains("A scan of the signed paper copy is stored"));
    assert!(text.contains("Countersigned by Denise Clarke, parent or carer."));
}

#[test]
fn an_unconfirmed_signing_station_signature_says_it_is_self_declared() {
    let mut s = signature(SigningMethod::OnScreen, SignatureSource::SigningStation);
    s.self_declared = true;
    s.person_id = None;
    s.declared_name = Some("Gareth Llewellyn".to_owned());
    s.typed_mark = Some("Gareth Llewellyn".to_owned());
    let text = folded(&pdf_text(&signed_aup_pdf(&record(s)).expect("renders")));
    assert!(text.contains("Self-declared"), "{text}");
    assert!(text.contains("An admin has not yet confirmed who signed."));
    assert!(!text.contains("Confirmed by an admin"));
}

// ---- coverage list -----------------------------------------------------------------------------

fn entry(name: &str, group: PersonGroup, version: Option<i64>, at: Option<&str>) -> CoverageEntry {
    CoverageEntry {
        person_id: name.to_lowercase().replace(' ', "-"),
        full_name: name.to_owned(),
        group,
        signed_version: version,
        last_signed_at: at.map(str::to_owned),
    }
}

fn coverage_list() -> CoverageList {
    CoverageList {
        org_name: ORG.to_owned(),
        title: "Staff and volunteer acceptable use policy".to_owned(),
        coverage: Coverage {
            aup_id: "aup-1".to_owned(),
            audience: Audience::StaffVolunteers,
            current_version: Some(2),
            current_hash: Some(HASH.to_owned()),
            signed_current: vec![
                entry("Priya Raman", PersonGroup::Staff, Some(2), Some("2026-10-01T08:30:00Z")),
                entry("Sam Okafor", PersonGroup::Staff, Some(2), Some("2026-10-02T23:30:00Z")),
            ],
            needs_resign: vec![entry("Hannah Oduya", PersonGroup::Volunteer, Some(1), Some("2025-10-14T17:05:00Z"))],
            never_signed: vec![
                entry("Elizabeth Ashworth", PersonGroup::Trustee, None, None),
                entry("Marek Nowicki", PersonGroup::Volunteer, None, None),
            ],
        },
        printed: day(2026, 11, 22),
        demo: false,
    }
}

#[test]
fn coverage_puts_each_name_under_its_own_heading_with_counts() {
    let text = folded(&pdf_text(&coverage_pdf(&coverage_list()).expect("renders")));
    let at = |s: &str| text.find(s).unwrap_or_else(|| panic!("missing {s}: {text}"));
    let current = at("Signed the current version (2)");
    let resign = at("Signed an older version \u{2013} needs to sign again (1)");
    let never = at("Never signed (2)");
    assert!(current < resign && resign < never);
    for name in ["Priya Raman", "Sam Okafor"] {
        assert!((current..resign).contains(&at(name)), "{name} belongs under signed the current version");
    }
    assert!((resign..never).contains(&at("Hannah Oduya")));
    for name in ["Elizabeth Ashworth", "Marek Nowicki"] {
        assert!(at(name) > never, "{name} belongs under never signed");
    }
    assert!(
        text.contains("2 of 5 signed the current version. 1 person needs to sign again. 2 people have never signed.")
    );
    assert!(text.contains(&format!("Current version: 2 (fingerprint {})", &HASH[..12])));
    assert!(text.contains("Printed 22 November 2026"));
    // 23:30 UTC on 2 October is 00:30 on 3 October in the UK.
    assert!(text.contains("Sam Okafor Staff Version 2 3 October 2026"), "{text}");
    assert!(text.contains("Hannah Oduya Volunteer Version 1 14 October 2025"));
}

#[test]
fn coverage_of_an_unpublished_aup_says_so_and_still_lists_people() {
    let mut list = coverage_list();
    list.coverage.current_version = None;
    list.coverage.current_hash = None;
    list.coverage.signed_current.clear();
    list.coverage.needs_resign.clear();
    let text = folded(&pdf_text(&coverage_pdf(&list).expect("renders")));
    assert!(text.contains("No version has been published yet"));
    assert!(text.contains("Nobody has signed the current version yet."));
    assert!(text.contains("Marek Nowicki"));
}

#[test]
fn a_long_coverage_list_runs_onto_numbered_pages_with_everyone_on_it() {
    let mut list = coverage_list();
    list.coverage.never_signed =
        (1..=120).map(|n| entry(&format!("Person Number {n:03}"), PersonGroup::Volunteer, None, None)).collect();
    let text = pdf_text(&coverage_pdf(&list).expect("renders"));
    let pages = pages_of(&text);
    assert!(pages.len() >= 3, "120 rows need several pages, got {}", pages.len());
    for n in 1..=120 {
        assert!(text.contains(&format!("Person Number {n:03}")), "row {n}");
    }
    assert!(pages.last().expect("a page").contains(&format!("Page {0} of {0}", pages.len())));
}

// ---- file names --------------------------------------------------------------------------------

#[test]
fn file_names_are_safe_on_every_desktop() {
    assert_eq!(blank_file_name(Audience::StaffVolunteers, 2), "AUP staff v2 blank.pdf");
    assert_eq!(signed_file_name("Hannah Oduya", day(2025, 9, 3)), "Signed AUP Hannah Oduya 2025-09-03.pdf");
    assert_eq!(
        coverage_file_name("Staff: rules / guidance?", day(2026, 11, 22)),
        "AUP coverage Staff rules guidance 2026-11-22.pdf"
    );
    assert_eq!(file_name_part("Ends with dots..."), "Ends with dots");
    assert!(file_name_part(&"x".repeat(300)).chars().count() <= 80);
}

/// Writes each form to `$SAFEKEEPER_FORM_SAMPLES` for a person to look at:
/// `SAFEKEEPER_FORM_SAMPLES=/tmp/forms cargo test --no-default-features forms::aup -- --ignored`.
#[test]
#[ignore = "writes sample PDFs for review; run by hand"]
fn write_samples_for_review() {
    let dir = std::path::PathBuf::from(std::env::var_os("SAFEKEEPER_FORM_SAMPLES").expect("set the sample folder"));
    std::fs::create_dir_all(&dir).expect("sample folder");
    let write = |name: &str, pdf: Vec<u8>| std::fs::write(dir.join(name), pdf).expect("writable");
    write("blank-staff.pdf", blank_aup_pdf(&blank(Audience::StaffVolunteers)).expect("renders"));
    let mut young = blank(Audience::YoungPeople);
    young.demo = true;
    write("blank-young-people-demo.pdf", blank_aup_pdf(&young).expect("renders"));
    let mut s = signature(SigningMethod::OnScreen, SignatureSource::SigningStation);
    s.drawn = true;
    s.receipt = Some("R-2025-000123".to_owned());
    s.confirmed_at = Some("2025-09-04T08:00:00Z".to_owned());
    s.countersigned_by = Some("Denise Clarke".to_owned());
    s.countersignature_drawn = true;
    let mut r = record(s);
    r.mark_png = Some(drawn_png());
    r.countersignature_png = Some(drawn_png());
    write("signed-drawn.pdf", signed_aup_pdf(&r).expect("renders"));
    write("coverage.pdf", coverage_pdf(&coverage_list()).expect("renders"));
    let content = long_content(30);
    let long = BlankAup {
        org_name: ORG.to_owned(),
        audience: Audience::YoungPeople,
        version: 7,
        content_hash: content_hash(&content.canonical_json()),
        content,
        demo: false,
    };
    write("blank-long.pdf", blank_aup_pdf(&long).expect("renders"));
}
