//! A group's consent register on A4 landscape, for whoever leads a trip or event: one row per
//! member, a Yes or NO for each use and for showing their name, and the conditions they set.
//!
//! A NO is printed in capitals after a solid square so it cannot be missed on a black and white
//! photocopy; every answer comes from the consent rules, never from this form.

use chrono::NaiveDate;

use super::{column_name, CONFIDENTIAL};
use crate::forms::layout::{FormDocument, Orientation};
use crate::forms::{uk_date, FormError};
use crate::records::consent::{PersonConsentStatus, Reason};

/// Everything a group's image consent register prints, gathered by the caller.
pub struct ConsentRegister {
    /// The organisation's name, printed under the title.
    pub org_name: String,
    /// The group's name, printed in the title and footer.
    pub group_name: String,
    /// The uses the current form asks about, as `records::consent::current_uses` gives them; each
    /// member's answers are in this order.
    pub uses: Vec<(String, String)>,
    /// Every social media account as (id, name), retired ones too, to name the columns.
    pub accounts: Vec<(String, String)>,
    /// Each member's standing on `on`, by name.
    pub members: Vec<PersonConsentStatus>,
    /// The UK day the register shows each member's standing for: today, or the day of an event.
    pub on: NaiveDate,
    /// The UK day it was printed.
    pub printed: NaiveDate,
    /// Printed from a demo vault: every page is marked DEMO.
    pub demo: bool,
}

const TITLE: &str = "Image consent register";
pub(super) const YES: &str = "Yes";
pub(super) const NO: &str = "\u{25a0} NO";

/// A group's image consent register as a PDF: one row per member, one column per use, on
/// landscape pages.
pub fn consent_register_pdf(sheet: &ConsentRegister) -> Result<Vec<u8>, FormError> {
    let mut doc = FormDocument::new(&format!("{TITLE}: {}", sheet.group_name), Orientation::Landscape)?;
    doc.set_demo(sheet.demo);
    doc.set_footer_text(&format!("{CONFIDENTIAL} \u{b7} {} \u{b7} as at {}", sheet.group_name, uk_date(sheet.on)));

    doc.title(&format!("{TITLE}: {}", sheet.group_name));
    let count = match sheet.members.len() {
        1 => "1 person".to_owned(),
        n => format!("{n} people"),
    };
    doc.paragraph(&format!("{}\nAs at {} \u{b7} {count}", sheet.org_name, uk_date(sheet.on)));
    doc.strong(
        "Confidential. Keep this sheet with you, and shred it after the event. Consent can change, so print \
         a new one for each event.",
    );
    if sheet.on != sheet.printed {
        doc.paragraph(&format!(
            "This sheet shows where each person will stand on {}, as their consents stood when it was printed on \
             {}. A consent that ends before {} shows as NO.",
            uk_date(sheet.on),
            uk_date(sheet.printed),
            uk_date(sheet.on)
        ));
    }

    if sheet.members.is_empty() {
        doc.paragraph("Nobody is in this group yet. Add its members in Safekeeper, then print again.");
        return doc.finish();
    }
    let use_names: Vec<String> = sheet.uses.iter().map(|(key, _)| column_name(key, &sheet.accounts)).collect();
    let mut headers: Vec<&str> = vec!["Name"];
    headers.extend(use_names.iter().map(String::as_str));
    headers.extend(["Name with image", "Conditions"]);
    let rows: Vec<Vec<String>> = sheet.members.iter().map(|m| member_row(m, sheet.printed)).collect();
    doc.table(&headers, &rows);

    doc.keep_together(40.0);
    doc.heading("Key");
    doc.table(
        &[],
        &[
            vec![
                YES.to_owned(),
                "They may appear in images used this way. Follow anything written under Conditions.".to_owned(),
            ],
            vec![
                NO.to_owned(),
                "Do not use images of them this way. NO covers consent refused, withdrawn, expired or not yet \
                 confirmed, consent not valid for their age, and no consent at all."
                    .to_owned(),
            ],
            vec![
                "Name with image".to_owned(),
                "Whether their first name may be shown beside an image of them.".to_owned(),
            ],
        ],
    );
    doc.note(&format!(
        "Printed {} from Safekeeper. If you are unsure about anyone, leave them out of the picture.",
        uk_date(sheet.printed)
    ));
    doc.finish()
}

fn yes_no(allowed: bool) -> String {
    if allowed { YES } else { NO }.to_owned()
}

fn member_row(member: &PersonConsentStatus, printed: NaiveDate) -> Vec<String> {
    let mut cells = vec![member.display_name.clone()];
    cells.extend(member.uses.iter().map(|answer| yes_no(answer.allowed)));
    // The name's answer follows the same rules as the screen's (see `rules::name_answer`).
    cells.push(yes_no(member.name_with_image));
    let mut conditions = member.uses.iter().find_map(|answer| answer.conditions.clone()).unwrap_or_default();
    // Still in force when printed but ended by the day of the event: say so, so it can be renewed.
    let ends = member.current.as_ref().map(|c| c.expires_on).filter(|&ends| ends > printed);
    if let Some(ends) = ends.filter(|_| member.uses.iter().any(|a| a.reason == Reason::Expired)) {
        let note = format!("Consent ends {}: renew it first", uk_date(ends));
        conditions = if conditions.is_empty() { note } else { format!("{note}\n{conditions}") };
    }
    cells.push(conditions);
    cells
}
