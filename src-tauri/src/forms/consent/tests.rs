//! Consent form tests: each PDF made from a real (in-memory) set of records, then read back as
//! text, and the blank form's pages looked at for ink that runs off the sheet.

use chrono::NaiveDate;
use rusqlite::Connection;

use super::*;
use crate::forms::pdf_check::{folded, pages_of, pdf_text, render_pages};
use crate::records::consent::{
    self, wording, ConsentDraft, Giver, Method, PublicationDraft, TakedownDone, UseAnswer, Withdrawal,
};
use crate::records::people::{self, PersonDraft, PersonGroup};
use crate::records::test_db;
use crate::records::test_support;
use crate::store::audit::Actor;

const ORG: &str = "Riverside Youth Project";
const INSTAGRAM: &str = "Instagram @riversideyouth";

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).expect("test dates are real")
}

fn today() -> NaiveDate {
    day(2026, 11, 22)
}

fn dsl() -> Actor {
    Actor::Admin("admin-dsl".into())
}

fn person(conn: &mut Connection, name: &str) -> String {
    let draft =
        PersonDraft { date_of_birth: Some(day(2013, 5, 1)), ..test_support::draft(PersonGroup::YoungPerson, name) };
    people::add(conn, &dsl(), &draft).expect("add person").id
}

/// A parent's consent on paper, saying yes to `yes` and no to every other use the form asks now.
fn consent_from_parent(conn: &mut Connection, person_id: &str, given_on: NaiveDate, yes: &[&str]) -> String {
    let answers = consent::current_uses(conn)
        .expect("uses")
        .into_iter()
        .map(|(key, _)| UseAnswer { allowed: yes.contains(&key.as_str()), use_key: key })
        .collect();
    let draft = ConsentDraft {
        person_id: person_id.into(),
        giver: Giver::ParentCarer,
        giver_name: "Dana Okafor".into(),
        relationship: Some("Mother".into()),
        parental_responsibility: true,
        judgement: None,
        method: Method::PaperForm,
        witness: None,
        given_on,
        form_version: wording::FORM_VERSION.into(),
        expires_on: None,
        answers,
        name_with_image: yes.contains(&"name"),
        notes: yes.contains(&"name").then(|| "Photographs alone only".to_owned()),
    };
    consent::record(conn, &dsl(), &draft, today()).expect("record consent").id
}

fn social_key(conn: &Connection) -> String {
    consent::current_uses(conn)
        .expect("uses")
        .into_iter()
        .map(|(k, _)| k)
        .find(|k| k.starts_with("social:"))
        .expect("one account")
}

fn account_pairs(conn: &Connection) -> Vec<(String, String)> {
    consent::consent_settings(conn).expect("settings").social_accounts.into_iter().map(|a| (a.id, a.name)).collect()
}

// ---- blank form ---------------------------------------------------------------------------------

fn blank_from(conn: &Connection) -> Vec<u8> {
    let settings = consent::consent_settings(conn).expect("settings");
    let accounts = settings.social_accounts.iter().filter(|a| !a.retired).map(|a| (a.id.clone(), a.name.clone()));
    blank_consent_pdf(&BlankConsentForm {
        org_name: Some(ORG.into()),
        social_accounts: Some(accounts.collect()),
        own_consent_age: Some(settings.own_consent_age),
        default_months: Some(settings.default_months),
        demo: false,
    })
    .expect("the blank consent form renders")
}

#[test]
fn the_blank_form_asks_about_every_current_use_and_names_nobody() {
    let mut conn = test_db();
    consent::add_social_account(&mut conn, &dsl(), INSTAGRAM).expect("account");
    let old = consent::add_social_account(&mut conn, &dsl(), "Twitter @riverside_old").expect("account");
    let old_id = old.social_accounts.iter().find(|a| a.name.starts_with("Twitter")).expect("listed").id.clone();
    consent::retire_social_account(&mut conn, &dsl(), &old_id).expect("retire");
    let kid = person(&mut conn, "Sam Okafor");
    consent_from_parent(&mut conn, &kid, day(2026, 1, 10), &["website"]);

    let text = pdf_text(&blank_from(&conn));
    let all = folded(&text);
    for use_wording in wording::all_uses(&[("a".into(), INSTAGRAM.into())]) {
        assert!(all.contains(&use_wording.label), "missing use {:?}", use_wording.label);
        assert!(all.contains(&folded(&use_wording.explanation)), "missing explanation of {:?}", use_wording.label);
    }
    assert!(!all.contains("Twitter"), "a retired account is not offered on new forms");
    for words in [
        ORG,
        wording::FORM_VERSION,
        wording::INTRODUCTION,
        wording::PARENT_RULE,
        wording::NAME_QUESTION,
        wording::NAME_EXPLANATION,
        wording::RECALL_WARNING,
        wording::HOW_TO_WITHDRAW,
        wording::CONDITIONS_PROMPT,
        wording::DECLARATION,
        "Date of birth",
        "Relationship to the person",
        "I have parental responsibility for the person named above",
        "This consent lasts for one year",
        "Signature",
    ] {
        assert!(all.contains(&folded(words)), "missing {words:?}");
    }
    // Six uses (five fixed, one account) and the name question, each with a Yes and a No box.
    assert_eq!(all.matches(" Yes No ").count(), 6 + 1, "{all}");
    for personal in ["Sam", "Okafor", "Dana", "Mother"] {
        assert!(!all.contains(personal), "the blank form must hold no personal data, found {personal:?}");
    }
    assert!(pages_of(&text).iter().all(|p| p.contains(wording::FORM_VERSION)), "every page names the version");
}

#[test]
fn the_signing_station_form_covers_all_accounts_in_one_line_and_keeps_the_usual_age() {
    let pdf = blank_consent_pdf(&BlankConsentForm {
        org_name: None,
        social_accounts: None,
        own_consent_age: None,
        default_months: None,
        demo: true,
    })
    .expect("renders");
    let all = folded(&pdf_text(&pdf));
    assert!(all.contains("Social media: all our accounts"));
    assert!(all.contains("Organisation"), "a line to write the organisation in");
    assert!(all.contains(&folded(wording::PARENT_RULE)));
    assert!(!all.contains("This consent lasts"), "the length is not known, so it is not promised");
}

#[test]
fn the_blank_form_states_the_age_the_organisation_set() {
    let pdf = blank_consent_pdf(&BlankConsentForm {
        org_name: Some(ORG.into()),
        social_accounts: Some(vec![]),
        own_consent_age: Some(14),
        default_months: Some(60),
        demo: false,
    })
    .expect("renders");
    let all = folded(&pdf_text(&pdf));
    assert!(all.contains("If the person is under 14, a parent or carer"), "{all}");
    assert!(all.contains("aged 14 to 17 may fill it in themselves"));
    assert!(!all.contains("under 16"));
    assert!(all.contains("This consent lasts for 5 years"));
    assert!(!all.contains("Social media"), "no accounts, no social media line");
}

#[test]
fn the_blank_form_fits_two_pages_with_nothing_in_the_margins() {
    let mut conn = test_db();
    consent::add_social_account(&mut conn, &dsl(), INSTAGRAM).expect("account");
    consent::add_social_account(&mut conn, &dsl(), "Facebook Riverside Youth Project").expect("account");
    let pdf = blank_from(&conn);
    let dpi = 60.0;
    let px = |mm: f32| (mm / 25.4 * dpi) as u32;
    let pages = render_pages(&pdf, dpi as u32);
    assert_eq!(pages.len(), 2, "two A4 pages: one sheet printed on both sides");
    for (n, page) in pages.iter().enumerate() {
        let (w, h) = page.dimensions();
        assert!(h > w, "portrait");
        // The margins are 18 mm; only the footer sits below the content, so ink in the outer
        // 10 mm at the sides and top, or just under the content, has run off the layout.
        let edge = px(10.0);
        let bottom_band = px(297.0 - 18.0 + 0.5)..px(297.0 - 18.0 + 3.5);
        let stray = page
            .enumerate_pixels()
            .filter(|(x, y, p)| p.0[0] < 200 && (*x < edge || *x >= w - edge || *y < edge || bottom_band.contains(y)))
            .count();
        assert_eq!(stray, 0, "page {} has ink outside the content area", n + 1);
    }
    let text = pdf_text(&pdf);
    let signing =
        pages_of(&text).into_iter().map(folded).find(|p| p.contains("7. Signature")).expect("signature section");
    for line in ["The answers on this form are my choices", "Your full name (in capitals)", "Signature Date"] {
        assert!(signing.contains(line), "the signing block is split across pages: {line:?} is missing");
    }
}

// ---- register -----------------------------------------------------------------------------------

struct Group {
    conn: Connection,
    group_id: String,
}

/// A club night with Amira (website only), Ben (everything, with his name and a condition), Cara
/// (no consent), Dev (consent withdrawn) and Esi (consent expired); Finn has consented to
/// everything but is not in the group.
fn club_night() -> Group {
    let mut conn = test_db();
    consent::add_social_account(&mut conn, &dsl(), INSTAGRAM).expect("account");
    let social = social_key(&conn);
    let all = ["website", social.as_str(), "print", "press", "display", "video", "name"];
    let group = consent::save_group(&mut conn, &dsl(), None, "Tuesday club night").expect("group");
    for (name, given, yes) in [
        ("Amira Khan", Some(day(2026, 3, 1)), &["website"][..]),
        ("Ben Carter", Some(day(2026, 3, 1)), &all[..]),
        ("Cara Jones", None, &[][..]),
        ("Dev Patel", Some(day(2026, 3, 1)), &all[..]),
        ("Esi Mensah", Some(day(2025, 6, 1)), &all[..]),
    ] {
        let id = person(&mut conn, name);
        if let Some(given) = given {
            let consent_id = consent_from_parent(&mut conn, &id, given, yes);
            if name == "Dev Patel" {
                let withdrawal =
                    Withdrawal { on: day(2026, 9, 1), how: "By email".into(), recorded_by: String::new(), note: None };
                consent::withdraw(&mut conn, &dsl(), &consent_id, &withdrawal, today()).expect("withdraw");
            }
        }
        consent::add_group_member(&mut conn, &dsl(), &group.id, &id).expect("member");
    }
    let finn = person(&mut conn, "Finn Walsh");
    consent_from_parent(&mut conn, &finn, day(2026, 3, 1), &all);
    Group { conn, group_id: group.id }
}

fn register_pdf(g: &Group) -> Vec<u8> {
    register_pdf_as_at(g, today())
}

fn register_pdf_as_at(g: &Group, on: NaiveDate) -> Vec<u8> {
    let (group_name, people) = consent::group_members(&g.conn, &g.group_id).expect("members");
    let uses = consent::current_uses(&g.conn).expect("uses");
    let members = consent::statuses(&g.conn, &people, &uses, on).expect("statuses");
    consent_register_pdf(&ConsentRegister {
        org_name: ORG.into(),
        group_name,
        uses,
        accounts: account_pairs(&g.conn),
        members,
        on,
        printed: today(),
        demo: false,
    })
    .expect("the register renders")
}

#[test]
fn a_register_as_at_a_later_trip_prints_no_for_a_consent_that_ends_before_it() {
    // Ben's consent (given 1 March 2026, for a year) is a yes today and ends on 1 March 2027.
    let g = club_night();
    let today_sheet = folded(&pdf_text(&register_pdf(&g)));
    assert!(today_sheet.contains("Ben Carter Yes Yes"), "{today_sheet}");
    assert!(!today_sheet.contains("shows where each person will stand"), "a register for today needs no such note");

    let trip = folded(&pdf_text(&register_pdf_as_at(&g, day(2027, 3, 5))));
    let all_no = ["\u{25a0} NO"; 7].join(" ");
    assert!(trip.contains(&format!("Ben Carter {all_no}")), "{trip}");
    assert!(trip.contains("Consent ends 1 March 2027: renew it first"), "{trip}");
    assert!(trip.contains("As at 5 March 2027"), "{trip}");
    assert!(trip.contains("will stand on 5 March 2027"), "{trip}");
    assert!(trip.contains("Printed 22 November 2026"), "{trip}");
    // Cara never consented: no renewal note, just NO.
    assert_eq!(trip.matches("renew it first").count(), 2, "Ben and Amira's consents end before the trip: {trip}");
}

#[test]
fn the_register_prints_no_for_a_refused_use_and_yes_for_a_consented_one() {
    let g = club_night();
    let pdf = register_pdf(&g);
    let pages = render_pages(&pdf, 30);
    assert!(pages[0].width() > pages[0].height(), "A4 landscape");
    let text = pdf_text(&pdf);
    let all = folded(&text);
    let no = "\u{25a0} NO";
    // Name, Website, Instagram, Print, Press, Display, Video, Name with image, Conditions.
    assert!(all.contains(&format!("Amira Khan Yes {no} {no} {no} {no} {no} {no}")), "{all}");
    assert!(all.contains("Ben Carter Yes Yes Yes Yes Yes Yes Yes"), "{all}");
    assert_eq!(all.matches("Photographs alone only").count(), 1, "only Ben's consent in force has conditions");
    let all_no = [no; 7].join(" ");
    for refused in ["Cara Jones", "Dev Patel"] {
        assert!(all.contains(&format!("{refused} {all_no}")), "{refused} should be all NO: {all}");
    }
    assert!(!all.contains("Finn Walsh"), "people outside the group are left out");
    for words in
        ["Tuesday club night", ORG, "As at 22 November 2026", "5 people", "Website", INSTAGRAM, "Name with image"]
    {
        assert!(all.contains(words), "missing {words:?}");
    }
    for words in ["refused, withdrawn, expired or not yet confirmed", "no consent at all", "shred it after the event"] {
        assert!(all.contains(words), "the key or the warning is missing {words:?}");
    }
    assert!(pages_of(&text).iter().all(|p| p.contains("Confidential")), "every page says confidential");
}

#[test]
fn an_expired_consent_prints_no_for_the_name_too() {
    // Esi's consent allowed her name, but it expired on 1 June 2026: nothing of it stands.
    let g = club_night();
    let all = folded(&pdf_text(&register_pdf(&g)));
    let all_no = ["\u{25a0} NO"; 7].join(" ");
    assert!(all.contains(&format!("Esi Mensah {all_no}")), "{all}");
    assert!(!all.contains("Esi Mensah Yes"), "{all}");
}

#[test]
fn an_empty_group_prints_a_sheet_that_says_so() {
    let mut conn = test_db();
    let group = consent::save_group(&mut conn, &dsl(), None, "Summer trip").expect("group");
    let g = Group { conn, group_id: group.id };
    let all = folded(&pdf_text(&register_pdf(&g)));
    assert!(all.contains("Nobody is in this group yet"));
    assert!(!all.contains("Name with image"), "no table without rows");
}

// ---- history ------------------------------------------------------------------------------------

/// Sam: a consent given in January 2025 and withdrawn that September, then a new one in February
/// 2026 for print only. Two publications: the website one already taken down, the display one
/// still to come down. Ben is in the website photo too.
fn sam_history() -> (Connection, String) {
    let mut conn = test_db();
    let sam = person(&mut conn, "Sam Okafor");
    let ben = person(&mut conn, "Ben Carter");
    let first = consent_from_parent(&mut conn, &sam, day(2025, 1, 10), &["website", "video", "display"]);
    consent_from_parent(&mut conn, &ben, day(2025, 1, 10), &["website"]);
    let website = consent::add_publication(
        &mut conn,
        &dsl(),
        &PublicationDraft {
            published_on: day(2025, 3, 1),
            use_key: "website".into(),
            description: "Summer fair photos, news page".into(),
            link: Some("https://example.org/news/summer-fair".into()),
            person_ids: vec![sam.clone(), ben],
        },
        today(),
    )
    .expect("publication");
    consent::add_publication(
        &mut conn,
        &dsl(),
        &PublicationDraft {
            published_on: day(2025, 4, 1),
            use_key: "display".into(),
            description: "Noticeboard by the front door".into(),
            link: None,
            person_ids: vec![sam.clone()],
        },
        today(),
    )
    .expect("publication");
    let withdrawal = Withdrawal {
        on: day(2025, 9, 1),
        how: "Email to the office".into(),
        recorded_by: String::new(),
        note: Some("Family moving away".into()),
    };
    consent::withdraw(&mut conn, &dsl(), &first, &withdrawal, today()).expect("withdraw");
    let done = TakedownDone {
        publication_id: website.id,
        person_id: sam.clone(),
        removed: true,
        done_on: day(2025, 9, 3),
        done_by: "Chi Okafor".into(),
        note: None,
    };
    consent::record_takedown(&mut conn, &dsl(), &done, today()).expect("take-down");
    consent_from_parent(&mut conn, &sam, day(2026, 2, 1), &["print"]);
    (conn, sam)
}

fn history_pdf(conn: &Connection, person_id: &str) -> Vec<u8> {
    consent_history_pdf(&ConsentHistory {
        org_name: ORG.into(),
        person: consent::person_view(conn, person_id, today()).expect("person view"),
        taken_down: consent::takedowns_for_person(conn, person_id).expect("take-downs"),
        uses: consent::current_uses(conn).expect("uses"),
        accounts: account_pairs(conn),
        printed: today(),
        demo: false,
    })
    .expect("the history renders")
}

#[test]
fn the_history_shows_the_withdrawal_and_lists_consents_newest_first() {
    let (conn, sam) = sam_history();
    let all = folded(&pdf_text(&history_pdf(&conn, &sam)));
    // Each heading says where the consent stands on the day printed, in the words the screen uses.
    let newer =
        all.find("Given 1 February 2026 \u{b7} In force; it expires on 1 February 2027").expect("the newer consent");
    let older = all.find("Given 10 January 2025 \u{b7} Withdrawn on 1 September 2025").expect("the withdrawn consent");
    assert!(newer < older, "newest first");
    assert!(all.contains("Withdrawn 1 September 2025 How: Email to the office Recorded by:"), "{all}");
    assert!(all.contains("Note: Family moving away"));
    assert!(all.contains("Given by Dana Okafor (Mother), with parental responsibility"));
    assert!(all.contains(&format!("Form version {}", wording::FORM_VERSION)));
    assert!(all.contains("Said yes to Printed material and newsletters Said no to Our website"), "{all}");
    assert!(all.contains("Expires 1 February 2027"));
    assert!(all.contains("Expires 10 January 2026 (expired)"));
}

#[test]
fn the_history_gives_each_publication_with_where_its_take_down_stands() {
    let (conn, sam) = sam_history();
    let all = folded(&pdf_text(&history_pdf(&conn, &sam)));
    assert!(all.contains("Summer fair photos, news page https://example.org/news/summer-fair Taken down 3 September 2025 by Chi Okafor"), "{all}");
    assert!(
        all.contains("Noticeboard by the front door To take down: Consent for this use refused on 1 February 2026."),
        "{all}"
    );
    assert!(!all.contains("Ben Carter"), "others in the same photo are not named");
    assert!(all.contains("Printed material and newsletters Yes: consent given by their mother on 1 February 2026"));
}

#[test]
fn a_person_with_no_records_gets_a_history_that_says_so() {
    let mut conn = test_db();
    let sam = person(&mut conn, "Sam Okafor");
    let all = folded(&pdf_text(&history_pdf(&conn, &sam)));
    assert!(all.contains("No image consent has been recorded for this person."));
    assert!(all.contains("No publication showing this person has been logged."));
    assert!(all.contains("No: there is no image consent on record."));
}

#[test]
fn file_names_carry_the_group_or_person_and_the_date() {
    assert_eq!(
        register_file_name("Trip: Lake District", day(2026, 7, 4)),
        "Image consent register Trip Lake District 2026-07-04.pdf"
    );
    assert_eq!(history_file_name("Sam Okafor", today()), "Image consent history Sam Okafor 2026-11-22.pdf");
}

// ---- one rule on every page ---------------------------------------------------------------------

/// A self-given consent, as a young person aged 16 or over gives it with a judgement written down.
fn consent_from_themselves(conn: &mut Connection, person_id: &str, given_on: NaiveDate) -> String {
    let answers = consent::current_uses(conn)
        .expect("uses")
        .into_iter()
        .map(|(key, _)| UseAnswer { allowed: true, use_key: key });
    let draft = ConsentDraft {
        person_id: person_id.into(),
        giver: Giver::Myself,
        giver_name: String::new(),
        relationship: None,
        parental_responsibility: false,
        judgement: Some("Talked it through; understood who would see the photographs.".into()),
        method: Method::PaperForm,
        witness: None,
        given_on,
        form_version: wording::FORM_VERSION.into(),
        expires_on: None,
        answers: answers.collect(),
        name_with_image: true,
        notes: None,
    };
    consent::record(conn, &dsl(), &draft, today()).expect("record own consent").id
}

#[test]
fn the_screen_the_check_and_the_printed_register_agree_for_expired_withdrawn_and_under_age_consents() {
    let mut g = club_night();
    // Gus consented himself at 17, which the usual age of 16 allows; the organisation then raised
    // the age to 18, so his consent no longer counts anywhere.
    let draft = PersonDraft {
        date_of_birth: Some(day(2009, 1, 10)),
        ..test_support::draft(PersonGroup::YoungPerson, "Gus Hale")
    };
    let gus = people::add(&mut g.conn, &dsl(), &draft).expect("add Gus").id;
    consent_from_themselves(&mut g.conn, &gus, day(2026, 3, 1));
    consent::add_group_member(&mut g.conn, &dsl(), &g.group_id, &gus).expect("member");
    let months = consent::consent_settings(&g.conn).expect("settings").default_months;
    consent::save_consent_settings(&mut g.conn, &dsl(), months, 18).expect("raise the age");

    let register = folded(&pdf_text(&register_pdf(&g)));
    let (_, members) = consent::group_members(&g.conn, &g.group_id).expect("members");
    let uses = consent::current_uses(&g.conn).expect("uses");
    let all_no = ["\u{25a0} NO"; 7].join(" ");
    for (name, reason, state) in [
        ("Dev Patel", consent::Reason::Withdrawn, "Withdrawn on 1 September 2026"),
        ("Esi Mensah", consent::Reason::Expired, "Expired on 1 June 2026"),
        ("Gus Hale", consent::Reason::UnderAgeWithoutParent, "Does not count: they were 17"),
    ] {
        let id = &members.iter().find(|p| p.full_name == name).expect("a member").id;
        // The person's page.
        let screen = consent::person_view(&g.conn, id, today()).expect("person view");
        assert!(screen.status.uses.iter().all(|a| !a.allowed && a.reason == reason), "{name}: {:?}", screen.status);
        assert!(!screen.status.name_with_image, "{name}'s name must not be shown");
        assert_eq!(
            screen.status.name_explanation, screen.status.uses[0].explanation,
            "{name}: the name gives the same reason"
        );
        let current = screen.history.first().expect("a consent");
        assert!(screen.history_states[&current.id].starts_with(state), "{name}: {:?}", screen.history_states);
        // The point-of-use check, with the name, for every use.
        for (key, _) in &uses {
            let question =
                consent::CheckQuestion { person_ids: vec![id.clone()], use_key: key.clone(), with_name: true };
            let checked = consent::check(&g.conn, &question, today()).expect("check");
            assert!(!checked.allowed, "{name} {key}");
            assert_eq!(checked.people[0].reason, reason, "{name} {key}");
            let on_screen = screen.status.uses.iter().find(|a| &a.use_key == key).expect("the same use on screen");
            assert_eq!(checked.people[0].explanation, on_screen.explanation, "{name} {key}: the same words");
        }
        // The printed register.
        assert!(register.contains(&format!("{name} {all_no}")), "{name} should be all NO: {register}");
    }
    // And a yes is a yes everywhere, name included.
    let ben = &members.iter().find(|p| p.full_name == "Ben Carter").expect("Ben").id;
    let screen = consent::person_view(&g.conn, ben, today()).expect("person view");
    assert!(screen.status.name_with_image && screen.status.uses.iter().all(|a| a.allowed));
    let question = consent::CheckQuestion { person_ids: vec![ben.clone()], use_key: "website".into(), with_name: true };
    assert!(consent::check(&g.conn, &question, today()).expect("check").allowed);
    assert!(register.contains("Ben Carter Yes Yes Yes Yes Yes Yes Yes"), "{register}");
}

#[test]
fn the_name_row_no_longer_says_yes_once_the_consent_has_expired() {
    // Regression: the person's page said "Name with the image: Yes" after the consent expired.
    let g = club_night();
    let (_, members) = consent::group_members(&g.conn, &g.group_id).expect("members");
    let ben = &members.iter().find(|p| p.full_name == "Ben Carter").expect("Ben").id;
    let before = consent::person_view(&g.conn, ben, day(2027, 2, 28)).expect("the day before it ends");
    assert!(before.status.name_with_image, "{}", before.status.name_explanation);
    let after = consent::person_view(&g.conn, ben, day(2027, 3, 1)).expect("the day it ends");
    assert!(!after.status.name_with_image);
    assert_eq!(after.status.name_explanation, "No: consent expired on 1 March 2027. Ask for it to be renewed.");
}
