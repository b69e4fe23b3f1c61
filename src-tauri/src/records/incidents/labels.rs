//! Plain-English words for categories, kinds, roles, agencies and statuses, as printed forms and
//! the audit show them. The UI keeps the same words in `ui/src/lib/incidents.ts`: change both
//! together, so paper and screen always agree.

use super::entries::{Agency, Category, EntryBody, IncidentKind, Role};
use super::Status;

impl Category {
    /// The 4 Cs, in the order the forms list them; leaves out "not yet classified".
    pub const ALL_FOUR: [Category; 4] = [Category::Content, Category::Contact, Category::Conduct, Category::Commerce];

    /// The category's name as forms and the audit show it.
    pub fn label(self) -> &'static str {
        match self {
            Category::Content => "Content",
            Category::Contact => "Contact",
            Category::Conduct => "Conduct",
            Category::Commerce => "Commerce",
            Category::NotYetClassified => "Not yet classified",
        }
    }

    /// A few words on what falls under the category, for the paper form.
    pub fn hint(self) -> &'static str {
        match self {
            Category::Content => "seeing harmful material",
            Category::Contact => "harmful contact",
            Category::Conduct => "own behaviour",
            Category::Commerce => "scams, gambling",
            Category::NotYetClassified => "for the DSL to decide",
        }
    }
}

impl IncidentKind {
    /// Every kind, in the order the forms list them.
    pub const ALL: [IncidentKind; 10] = [
        IncidentKind::Cyberbullying,
        IncidentKind::NudesOrSemiNudes,
        IncidentKind::SexualAbuseOrExploitation,
        IncidentKind::IndecentImages,
        IncidentKind::OnlineHate,
        IncidentKind::RadicalisationOrExtremism,
        IncidentKind::FilteringBreachOrExposure,
        IncidentKind::StaffMisuse,
        IncidentKind::DataBreach,
        IncidentKind::Other,
    ];

    /// The kind's name as forms and the audit show it.
    pub fn label(self) -> &'static str {
        match self {
            IncidentKind::Cyberbullying => "Cyberbullying",
            IncidentKind::NudesOrSemiNudes => "Sharing nudes or semi-nudes",
            IncidentKind::SexualAbuseOrExploitation => "Online sexual abuse or exploitation",
            IncidentKind::IndecentImages => "Indecent images of children",
            IncidentKind::OnlineHate => "Online hate",
            IncidentKind::RadicalisationOrExtremism => "Radicalisation or extremism",
            IncidentKind::FilteringBreachOrExposure => "Filtering breach or accidental exposure",
            IncidentKind::StaffMisuse => "Misuse by staff",
            IncidentKind::DataBreach => "Data or personal-information breach",
            IncidentKind::Other => "Other",
        }
    }
}

impl Role {
    /// Every role, in the order the forms list them.
    pub const ALL: [Role; 5] =
        [Role::SubjectOrVictim, Role::Instigator, Role::Witness, Role::MemberOfStaff, Role::Other];

    /// The role's name as forms and the audit show it.
    pub fn label(self) -> &'static str {
        match self {
            Role::SubjectOrVictim => "Subject or victim",
            Role::Instigator => "Instigator",
            Role::Witness => "Witness",
            Role::MemberOfStaff => "Member of staff",
            Role::Other => "Other",
        }
    }
}

impl Agency {
    /// Every agency, in the order the forms list them.
    pub const ALL: [Agency; 8] = [
        Agency::Police,
        Agency::ChildrensSocialCare,
        Agency::Lado,
        Agency::InternetWatchFoundation,
        Agency::Ceop,
        Agency::PreventOrChannel,
        Agency::CharityCommission,
        Agency::Other,
    ];

    /// The agency's name as forms and the audit show it.
    pub fn label(self) -> &'static str {
        match self {
            Agency::Police => "Police",
            Agency::ChildrensSocialCare => "Children\u{2019}s social care (MASH)",
            Agency::Lado => "LADO",
            Agency::InternetWatchFoundation => "Internet Watch Foundation",
            Agency::Ceop => "CEOP",
            Agency::PreventOrChannel => "Prevent or Channel",
            Agency::CharityCommission => "Charity Commission (serious incident report)",
            Agency::Other => "Other",
        }
    }
}

impl Status {
    /// The status as forms and the audit show it.
    pub fn label(self) -> &'static str {
        match self {
            Status::Open => "Open",
            Status::UnderReview => "Under review",
            Status::Closed => "Closed",
        }
    }
}

impl EntryBody {
    /// What kind of entry this is, as a heading in the chronology.
    pub fn title(&self) -> &'static str {
        match self {
            EntryBody::Report(_) => "Report",
            EntryBody::Person(_) => "Person involved",
            EntryBody::Action(_) => "Action taken",
            EntryBody::Evidence(_) => "Evidence",
            EntryBody::Decision(_) => "Decision",
            EntryBody::Referral(_) => "Referral",
            EntryBody::ParentsInformed(_) => "Parents or carers",
            EntryBody::Outcome(_) => "Outcome",
            EntryBody::Status(_) => "Status changed",
            EntryBody::Judgement(_) => "Judgement",
            EntryBody::Step(_) => "Route step",
            EntryBody::ImageViewing(_) => "Image viewing decision",
        }
    }
}
