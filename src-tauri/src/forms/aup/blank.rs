//! The blank AUP for paper: the whole policy, then lines for the signer (and, for young people, a
//! parent or carer) to print their name, sign and date. Holds no personal data.

use super::{policy_text, short_hash};
use crate::forms::layout::{FormDocument, Orientation};
use crate::forms::FormError;
use crate::records::aup::{Audience, AupContent};

/// The published version to print.
pub struct BlankAup {
    /// The organisation's name, printed under the title.
    pub org_name: String,
    /// Who the AUP is for, printed under the title; a young people's AUP gets a parent or carer's
    /// signing block too.
    pub audience: Audience,
    /// The published version's number, printed under the title and in the footer.
    pub version: i64,
    /// Hex SHA-256 of the version's content; its first characters are printed as the fingerprint.
    pub content_hash: String,
    /// The policy's words: title, introduction, rules and the rest.
    pub content: AupContent,
    /// Printed from a demo vault: every page is marked DEMO.
    pub demo: bool,
}

/// Room for a heading, a sentence, a name line and a signature line, so they stay on one sheet.
const SIGNING_BLOCK_MM: f32 = 62.0;

/// The blank AUP as a PDF: the whole policy, then lines to print a name, sign and date.
pub fn blank_aup_pdf(aup: &BlankAup) -> Result<Vec<u8>, FormError> {
    let content = &aup.content;
    let mut doc = FormDocument::new(&content.title, Orientation::Portrait)?;
    doc.set_demo(aup.demo);
    // The version and fingerprint lead, so they survive if a long title is cut short.
    doc.set_footer_text(&format!(
        "Version {} \u{b7} fingerprint {} \u{b7} {}",
        aup.version,
        short_hash(&aup.content_hash),
        content.title
    ));

    doc.title(&content.title).paragraph(&format!(
        "{}\nFor: {}\nVersion {} (fingerprint {})",
        aup.org_name,
        aup.audience.label(),
        aup.version,
        short_hash(&aup.content_hash)
    ));
    policy_text(&mut doc, content);

    let young_person = aup.audience == Audience::YoungPeople;
    doc.keep_together(SIGNING_BLOCK_MM);
    doc.heading("Your agreement").paragraph(if young_person {
        "I have read these rules, or had them read to me, and I agree to follow them."
    } else {
        "I have read and understood this policy and I agree to follow it."
    });
    doc.fill_in_line("Full name (in capitals)").signature_line("Signature");

    if young_person {
        doc.keep_together(SIGNING_BLOCK_MM);
        doc.heading("Parent or carer")
            .paragraph("I have read this agreement with my child and I will help them to keep to it.")
            .fill_in_line("Parent or carer\u{2019}s full name (in capitals)")
            .signature_line("Parent or carer\u{2019}s signature");
    }

    doc.keep_together(40.0);
    doc.heading("For office use")
        .fill_in_line("Recorded in Safekeeper by")
        .fill_in_line("Where this signed copy is filed");

    doc.finish()
}
