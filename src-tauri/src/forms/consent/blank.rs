//! The blank image consent form for paper: who the images are of and who is answering, a Yes and
//! a No box for every use, the choice about names, any conditions, what withdrawing means, and
//! lines to sign. Holds no personal data, so the signing station may print it too.

use crate::forms::layout::{FormDocument, Orientation};
use crate::forms::FormError;
use crate::records::consent::wording::{self, UseWording};

/// What the blank image consent form prints; it holds no one's personal data.
pub struct BlankConsentForm {
    /// Printed under the title; `None` when it is not known (it can then be written in).
    pub org_name: Option<String>,
    /// The active social media accounts as (id, name). `None` where they are not known (the
    /// signing station while locked): one line then covers every account.
    pub social_accounts: Option<Vec<(String, String)>>,
    /// The age from which a young person may answer for themselves; `None` prints the usual 16.
    pub own_consent_age: Option<u32>,
    /// How long a consent lasts, in months; `None` leaves the sentence out.
    pub default_months: Option<u32>,
    /// Printed from a demo vault: every page is marked DEMO.
    pub demo: bool,
}

const TITLE: &str = "Image consent form";
/// A use's name, its explanation and its two boxes, kept on one sheet.
const USE_BLOCK_MM: f32 = 17.0;
/// Yes and No sit in the first two of this many columns, close together at the left.
const ANSWER_COLUMNS: usize = 7;

/// The blank image consent form as a PDF.
pub fn blank_consent_pdf(form: &BlankConsentForm) -> Result<Vec<u8>, FormError> {
    let mut doc = FormDocument::new(TITLE, Orientation::Portrait)?;
    doc.set_demo(form.demo);
    doc.set_footer_text(&format!("{} \u{b7} {} once filled in", wording::FORM_VERSION, super::CONFIDENTIAL));

    doc.title(TITLE);
    match &form.org_name {
        Some(name) => doc.paragraph(&format!("{name}\nVersion: {}", wording::FORM_VERSION)),
        None => doc.fill_in_row(&[("Organisation", 1.0)]).paragraph(&format!("Version: {}", wording::FORM_VERSION)),
    };
    doc.paragraph(wording::INTRODUCTION);
    doc.strong(&form.own_consent_age.map_or_else(|| wording::PARENT_RULE.to_owned(), wording::parent_rule));

    doc.heading("1. The person in the photographs and videos");
    doc.fill_in_row(&[("Full name", 1.6), ("Date of birth", 0.8)]);

    doc.heading("2. Who is filling in this form (tick one)");
    doc.tick_grid(&["The person named above", "Their parent or carer"], 2);
    doc.fill_in_row(&[("Parent or carer\u{2019}s full name", 1.4), ("Relationship to the person", 1.0)]);
    doc.spacer(1.5);
    doc.tick_grid(&["I have parental responsibility for the person named above"], 1);

    doc.heading("3. How we may use images");
    doc.note(wording::UNANSWERED_IS_NO);
    for use_wording in uses(form) {
        use_block(&mut doc, &use_wording.label, &use_wording.explanation);
    }

    doc.keep_together(USE_BLOCK_MM + 12.0);
    doc.heading("4. Names with images");
    use_block(&mut doc, wording::NAME_QUESTION, wording::NAME_EXPLANATION);

    doc.keep_together(30.0);
    doc.heading("5. Conditions");
    doc.writing_space(wording::CONDITIONS_PROMPT, 2);

    doc.keep_together(40.0);
    doc.heading("6. Withdrawing consent");
    doc.paragraph(wording::HOW_TO_WITHDRAW);
    doc.paragraph(wording::RECALL_WARNING);
    if let Some(months) = form.default_months {
        doc.paragraph(&wording::consent_length(months));
    }

    doc.keep_together(45.0);
    doc.heading("7. Signature");
    doc.paragraph(wording::DECLARATION);
    doc.fill_in_row(&[("Your full name (in capitals)", 1.0)]);
    doc.signature_line("Signature");

    doc.keep_together(45.0);
    doc.heading("For office use");
    doc.writing_space(
        "If a young person under 18 filled this in themselves: why staff judged they understood what they agreed to",
        2,
    );
    doc.fill_in_row(&[("Recorded in Safekeeper by", 1.3), ("Date", 0.7)]);

    doc.finish()
}

/// The uses this form asks about, in the order the records list them.
fn uses(form: &BlankConsentForm) -> Vec<UseWording> {
    match &form.social_accounts {
        Some(accounts) => wording::all_uses(accounts),
        None => {
            let mut uses = wording::fixed_uses();
            uses.insert(1, wording::any_social_use());
            uses
        }
    }
}

/// A question in bold, its explanation beneath, then a Yes and a No box.
fn use_block(doc: &mut FormDocument, question: &str, explanation: &str) {
    doc.keep_together(USE_BLOCK_MM);
    doc.strong(question);
    doc.note(explanation);
    doc.tick_grid(&["Yes", "No"], ANSWER_COLUMNS);
}
