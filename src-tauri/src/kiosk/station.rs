//! What the signing station offers and accepts while the vault is locked: the AUPs and names from
//! the manifest, and a signature checked against that same manifest before it is sealed into the
//! outbox. Needs no key and no database.

use serde::Deserialize;
use ts_rs::TS;

use super::manifest::{self, KioskAup, KioskConsentForm};
use super::outbox::{
    self, KioskAupSignature, KioskConcern, KioskCountersignature, KioskImageConsent, KioskMark, OutboxError, Receipt,
    Submission,
};
use crate::error::{CodedError, ErrorCode};
use crate::forms::aup::{self as aup_forms, blank_aup_pdf, BlankAup};
use crate::forms::consent::{self as consent_forms, blank_consent_pdf, BlankConsentForm};
use crate::forms::incident::{self as incident_forms, BlankIncidentForm};
use crate::forms::FormError;
use crate::records::aup::Audience;
use crate::vault::VaultPaths;

/// A signature as the signing station's screen hands it over. The time of signing is taken by
/// Rust, not the page.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct KioskSignInput {
    /// The AUP signed (a UUID), as listed in the manifest.
    pub aup_id: String,
    /// The `version_hash` of the AUP version shown, so the signature points at the exact words.
    pub version_hash: String,
    /// The full name typed, or the display name picked from the list.
    pub name: String,
    /// The id beside the display name picked, if one was.
    pub person_hint: Option<String>,
    /// The signature itself: drawn, or the name typed.
    pub mark: KioskMark,
    /// A parent or carer's countersignature, for a young person's AUP; `None` otherwise.
    pub countersignature: Option<KioskCountersignature>,
}

/// A blank form the signing station may print: it holds no personal data.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, TS)]
#[serde(rename_all = "camelCase", tag = "form")]
pub enum KioskBlankForm {
    /// The blank incident (concern) form.
    Incident,
    /// The image consent form, with the accounts and age rule of the published consent form.
    Consent,
    /// A blank copy of one AUP the manifest offers.
    #[serde(rename_all = "camelCase")]
    Aup {
        /// The AUP to print (a UUID); it must still be in the manifest.
        aup_id: String,
    },
}

/// A blank form, ready to save, with the file name to offer.
pub struct BlankPrint {
    /// The file name to offer when saving; it names the form, never a person.
    pub file_name: String,
    /// The PDF's bytes.
    pub pdf: Vec<u8>,
}

/// Why the signing station could not print a blank form.
#[derive(Debug, thiserror::Error)]
pub enum BlankFormError {
    #[error(
        "That policy is no longer offered here. Go back and choose again, or ask the safeguarding lead for a copy."
    )]
    /// The AUP asked for is no longer in the manifest.
    NotOffered,
    /// Making the PDF failed.
    #[error(transparent)]
    Form(#[from] FormError),
}

impl CodedError for BlankFormError {
    fn code(&self) -> ErrorCode {
        match self {
            BlankFormError::NotOffered => ErrorCode::KioskFormNotOffered,
            BlankFormError::Form(e) => e.code(),
        }
    }
}

/// Lays out a blank form from the manifest alone: the organisation's name and, for an AUP, the
/// published text the signing station shows. No key or database is needed.
pub fn blank_form(paths: &VaultPaths, choice: &KioskBlankForm, demo: bool) -> Result<BlankPrint, BlankFormError> {
    let offered = manifest::read(&paths.manifest());
    match choice {
        KioskBlankForm::Incident => {
            let org_name = offered.map(|m| m.org_name);
            let pdf = incident_forms::blank_incident_pdf(&BlankIncidentForm { org_name, demo })?;
            Ok(BlankPrint { file_name: incident_forms::BLANK_FILE_NAME.to_owned(), pdf })
        }
        KioskBlankForm::Consent => {
            // The published form names the accounts and the age rule; without one the form
            // covers social media in one line and gives the usual age.
            let published = offered.as_ref().and_then(|m| m.consent.as_ref());
            let social_accounts = published.map(|f| {
                f.uses
                    .iter()
                    .filter_map(|u| {
                        let id = u.use_key.strip_prefix("social:")?;
                        let name = u.label.strip_prefix("Social media: ").unwrap_or(&u.label);
                        Some((id.to_owned(), name.to_owned()))
                    })
                    .collect()
            });
            let form = BlankConsentForm {
                own_consent_age: published.map(|f| f.own_consent_age),
                social_accounts,
                org_name: offered.map(|m| m.org_name),
                default_months: None,
                demo,
            };
            Ok(BlankPrint { file_name: consent_forms::BLANK_FILE_NAME.to_owned(), pdf: blank_consent_pdf(&form)? })
        }
        KioskBlankForm::Aup { aup_id } => {
            let manifest = offered.ok_or(BlankFormError::NotOffered)?;
            let aup = manifest.aups.into_iter().find(|a| &a.aup_id == aup_id).ok_or(BlankFormError::NotOffered)?;
            let sheet = BlankAup {
                org_name: manifest.org_name,
                audience: aup.audience,
                version: aup.version_number,
                content_hash: aup.version_hash,
                content: aup.content,
                demo,
            };
            Ok(BlankPrint {
                file_name: aup_forms::blank_file_name(sheet.audience, sheet.version),
                pdf: blank_aup_pdf(&sheet)?,
            })
        }
    }
}

/// The AUPs offered for signing, or none when no admin has published any (or the manifest is
/// missing, which the locked home treats the same way).
pub fn signing_options(paths: &VaultPaths) -> Vec<KioskAup> {
    // Words whose hash does not match were changed outside Safekeeper: never shown for signing.
    manifest::read(&paths.manifest())
        .map(|m| m.aups.into_iter().filter(KioskAup::is_intact).collect())
        .unwrap_or_default()
}

/// Checks `input` against what the manifest offers and seals it into the outbox.
pub fn sign_aup(paths: &VaultPaths, input: KioskSignInput) -> Result<Receipt, OutboxError> {
    let (offered, _) = outbox::usable_manifest(paths)?;
    let aup = offered
        .aups
        .iter()
        .find(|a| a.aup_id == input.aup_id && a.version_hash == input.version_hash && a.is_intact())
        .ok_or(OutboxError::UnknownPolicy)?;
    // A hint must be the token of someone on this AUP's list, under the name shown for them;
    // otherwise the name typed stands alone.
    let person_hint = input
        .person_hint
        .filter(|token| aup.signers.iter().any(|p| &p.token == token && p.display_name == input.name.trim()));
    if input.countersignature.is_some() && aup.audience != Audience::YoungPeople {
        return Err(OutboxError::BadCountersignature);
    }
    let submission = Submission::AupSignature(KioskAupSignature {
        aup_id: input.aup_id,
        version_hash: input.version_hash,
        typed_name: input.name.split_whitespace().collect::<Vec<_>>().join(" "),
        person_hint,
        signed_at: outbox::now_utc(),
        mark: input.mark,
        countersignature: input.countersignature,
    });
    outbox::submit(paths, &submission)
}

/// The image consent form the last admin session published, if any.
pub fn consent_form(paths: &VaultPaths) -> Option<KioskConsentForm> {
    // Words whose hash does not match were changed outside Safekeeper: the form is not offered.
    manifest::read(&paths.manifest()).and_then(|m| m.consent).filter(KioskConsentForm::is_intact)
}

/// Seals an image consent (or a withdrawal) into the outbox. The uses must be the ones the
/// published form asks about, so an answer always refers to words the person was shown.
pub fn give_consent(paths: &VaultPaths, mut consent: KioskImageConsent) -> Result<Receipt, OutboxError> {
    let (offered, _) = outbox::usable_manifest(paths)?;
    let form = offered.consent.filter(KioskConsentForm::is_intact).ok_or(OutboxError::NotReady)?;
    // The time of signing is the station's, never the page's; the words are the ones shown.
    consent.signed_at = outbox::now_utc();
    consent.form_hash = Some(form.form_hash.clone());
    let asked: Vec<&str> = form.uses.iter().map(|u| u.use_key.as_str()).collect();
    let answered: Vec<&str> = consent.answers.iter().map(|a| a.use_key.as_str()).collect();
    if consent.form_version != form.form_version || asked != answered {
        return Err(OutboxError::BadConsent("The form has changed since it was opened. Go back and start again."));
    }
    outbox::submit(paths, &Submission::ImageConsent(consent))
}

/// Seals a concern into the outbox for the admins. Nothing about it can be read back here.
pub fn report_concern(paths: &VaultPaths, concern: KioskConcern) -> Result<Receipt, OutboxError> {
    outbox::submit(paths, &Submission::Concern(concern))
}
