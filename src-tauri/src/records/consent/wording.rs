//! The consent form's words, written for Safekeeper: what each use means, the choice about names,
//! and how to withdraw. The printed blank form and the signing station both show these words, and
//! every consent records the version it was given against.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// Changes whenever the words below change in meaning.
pub const FORM_VERSION: &str = "Image consent form 2026-1";

/// One use as the form explains it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct UseWording {
    /// The use, as a use key: `website`, `print`, `press`, `display`, `video` or `social:<account id>`.
    pub use_key: String,
    /// The use's name on the form, such as "Our website".
    pub label: String,
    /// What the use means, in a sentence for whoever gives consent.
    pub explanation: String,
}

/// The form's opening paragraph: what images are taken, and that saying no never stops anyone taking part.
pub const INTRODUCTION: &str = "We sometimes take photographs and videos at our sessions, trips and events. \
We only use them in the ways you agree to below. You can say yes to some uses and no to others, \
and saying no will never stop anyone taking part.";

/// The question on the form about showing a first name beside an image.
pub const NAME_QUESTION: &str = "May we show the person's first name beside a photograph or video of them?";

/// The advice printed under the name question.
pub const NAME_EXPLANATION: &str = "We recommend no. We never show a young person's full name next to their image.";

/// The warning that images already printed or shared online may not all be got back.
pub const RECALL_WARNING: &str = "Once an image has been printed, or shared online and copied by others, \
we may not be able to get every copy back. If you withdraw consent we will take images down from \
everything we control and stop using them.";

/// How to withdraw consent, as the form tells it.
pub const HOW_TO_WITHDRAW: &str = "You can withdraw consent at any time, as easily as you gave it: tell any member \
of staff, email or write to us, or use the signing station in our office. We will record the date and \
stop using the images from that day.";

/// Who must fill in the form: a parent or carer under 16, or a young person of 16 or 17 judged to understand.
pub const PARENT_RULE: &str = "If the person is under 16, a parent or carer with parental responsibility must \
fill in this form. A young person aged 16 or 17 may fill it in themselves if staff are satisfied they \
understand what they are agreeing to.";

/// The fixed uses, in the order forms list them. Social media accounts follow `website`.
pub fn fixed_uses() -> Vec<UseWording> {
    [
        ("website", "Our website", "Photographs or video on our own website, which anyone can see."),
        (
            "print",
            "Printed material and newsletters",
            "Leaflets, posters, annual reports and newsletters that we print or email to supporters.",
        ),
        (
            "press",
            "Press and media",
            "Newspapers, magazines, radio or television reporting on our work. They may keep and reuse what we send.",
        ),
        ("display", "Displays in our building", "Photographs on noticeboards and screens inside our own building."),
        ("video", "Video", "Moving images, with or without sound, for any of the uses you say yes to."),
    ]
    .into_iter()
    .map(|(key, label, explanation)| UseWording {
        use_key: key.to_owned(),
        label: label.to_owned(),
        explanation: explanation.to_owned(),
    })
    .collect()
}

/// How a social media account is described on the form.
pub fn social_use(account_id: &str, account_name: &str) -> UseWording {
    UseWording {
        use_key: format!("social:{account_id}"),
        label: format!("Social media: {account_name}"),
        explanation: "Posts on this account, which the public can see, share and copy.".to_owned(),
    }
}

/// Every use the current form asks about: the fixed ones with each active social account after
/// the website, in that order.
pub fn all_uses(accounts: &[(String, String)]) -> Vec<UseWording> {
    let mut uses = fixed_uses();
    let socials = accounts.iter().map(|(id, name)| social_use(id, name));
    uses.splice(1..1, socials);
    uses
}

/// Where an image appears, to finish "may appear …": "on our website", "on social media (…)".
pub fn use_label(use_key: &str, accounts: &[(String, String)]) -> String {
    if let Some(id) = use_key.strip_prefix("social:") {
        return match accounts.iter().find(|(a, _)| a == id) {
            Some((_, name)) => format!("on social media ({name})"),
            None => "on a social media account no longer listed".to_owned(),
        };
    }
    match use_key {
        "website" => "on our website",
        "print" => "in printed material and newsletters",
        "press" => "in the press and media",
        "display" => "on displays in our building",
        "video" => "in video",
        _ => "in an unknown use",
    }
    .to_owned()
}

/// A use's name as a heading or list entry: "Our website", "Social media: Instagram @…".
pub fn use_title(use_key: &str, accounts: &[(String, String)]) -> String {
    if let Some(id) = use_key.strip_prefix("social:") {
        return match accounts.iter().find(|(a, _)| a == id) {
            Some((_, name)) => social_use(id, name).label,
            None => "Social media: an account no longer listed".to_owned(),
        };
    }
    fixed_uses().into_iter().find(|u| u.use_key == use_key).map(|u| u.label).unwrap_or_else(|| "Unknown use".to_owned())
}

/// [`PARENT_RULE`] for the age the organisation has set, which may not be 16.
pub fn parent_rule(own_consent_age: u32) -> String {
    match own_consent_age {
        16 => PARENT_RULE.to_owned(),
        18.. => "If the person is under 18, a parent or carer with parental responsibility must fill in this form."
            .to_owned(),
        age => {
            let ages = if age == 17 { "aged 17".to_owned() } else { format!("aged {age} to 17") };
            format!(
                "If the person is under {age}, a parent or carer with parental responsibility must fill in this \
                 form. A young person {ages} may fill it in themselves if staff are satisfied they understand \
                 what they are agreeing to."
            )
        }
    }
}

/// How long a consent lasts, for the form: "This consent lasts for one year …".
pub fn consent_length(months: u32) -> String {
    let length = match months {
        12 => "one year".to_owned(),
        m if m % 12 == 0 => format!("{} years", m / 12),
        1 => "one month".to_owned(),
        m => format!("{m} months"),
    };
    format!("This consent lasts for {length} from the date it is signed, unless you withdraw it sooner.")
}

/// Under the list of uses on paper.
pub const UNANSWERED_IS_NO: &str = "Tick Yes or No for each use. If a use is left blank, we will treat it as no.";

/// The prompt for conditions, such as only appearing alone.
pub const CONDITIONS_PROMPT: &str = "Anything we should know, such as photographs alone only";

/// What the person signing the form confirms.
pub const DECLARATION: &str = "The answers on this form are my choices. I have read how to withdraw consent, \
and I know I can change my mind at any time.";

/// A single social media line for a form printed where the accounts are not known (the signing
/// station, while locked): the answer then covers every account the organisation uses.
pub fn any_social_use() -> UseWording {
    UseWording {
        use_key: "social".to_owned(),
        label: "Social media: all our accounts".to_owned(),
        explanation: "Posts on any of our social media accounts, which the public can see, share and copy. \
Staff can tell you which accounts we use."
            .to_owned(),
    }
}
