//! What each kind of incident entry holds, and the checks each must pass before it is saved.
//! Facts, the young person's own words and professional opinion are separate fields, so a reader
//! can always tell which is which.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use super::{IncidentDate, IncidentError, IncidentField};
use crate::records::text::trimmed_with_unix_line_ends;

/// The 4 Cs of online risk.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename = "IncidentCategory")]
pub enum Category {
    Content,
    Contact,
    Conduct,
    Commerce,
    /// A concern from the signing station, until the DSL reads it and decides.
    NotYetClassified,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum IncidentKind {
    Cyberbullying,
    NudesOrSemiNudes,
    SexualAbuseOrExploitation,
    IndecentImages,
    OnlineHate,
    RadicalisationOrExtremism,
    FilteringBreachOrExposure,
    StaffMisuse,
    DataBreach,
    Other,
}

/// A person's part in this incident only.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename = "IncidentRole")]
pub enum Role {
    SubjectOrVictim,
    Instigator,
    Witness,
    MemberOfStaff,
    Other,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename = "ReferralAgency")]
pub enum Agency {
    Police,
    ChildrensSocialCare,
    Lado,
    InternetWatchFoundation,
    Ceop,
    PreventOrChannel,
    CharityCommission,
    Other,
}

/// The facts as first recorded.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename = "IncidentReport")]
pub struct Report {
    #[ts(type = "string")]
    pub occurred_on: NaiveDate,
    /// "HH:MM", when known.
    pub occurred_at_time: Option<String>,
    #[ts(type = "string")]
    pub reported_on: NaiveDate,
    /// In person, by phone, by email, at the signing station…
    pub how_reported: String,
    pub reported_by: String,
    pub reported_to: String,
    pub place: String,
    /// App, platform or website.
    pub platform: String,
    pub device: String,
    pub category: Category,
    pub kind: IncidentKind,
    /// What happened, in facts.
    pub facts: String,
    /// The young person's own words, kept apart from the facts.
    pub own_words: Option<String>,
    /// Professional opinion, marked as such wherever it is shown.
    pub opinion: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct InvolvedPerson {
    /// Their id in the people register, when they are in it.
    pub person_id: Option<String>,
    pub name: String,
    pub role: Role,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename = "IncidentAction")]
pub struct Action {
    #[ts(type = "string")]
    pub on: NaiveDate,
    pub by: String,
    pub what: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename = "IncidentEvidence")]
pub struct Evidence {
    pub what: String,
    pub held_where: String,
    /// A device was taken and kept safe (not searched).
    pub device_secured: bool,
}

/// A decision and the reason for it, including why something was not referred.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename = "IncidentDecision")]
pub struct Decision {
    #[ts(type = "string")]
    pub on: NaiveDate,
    pub by: String,
    pub decision: String,
    pub reason: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename = "IncidentReferral")]
pub struct Referral {
    pub agency: Agency,
    /// Named when `agency` is `other`.
    pub other_agency: Option<String>,
    #[ts(type = "string")]
    pub on: NaiveDate,
    pub reference: Option<String>,
    pub outcome: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ParentsInformed {
    pub informed: bool,
    #[ts(type = "string | null")]
    pub on: Option<NaiveDate>,
    pub by: Option<String>,
    /// Required when they were not told.
    pub why_not: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename = "IncidentOutcome")]
pub struct Outcome {
    pub outcome: String,
    pub sanctions: Option<String>,
    pub lessons_learnt: Option<String>,
    pub policy_changes: Option<String>,
}

/// The reviewing admin's sign-off, needed to close an incident.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename = "IncidentSignOff")]
pub struct SignOff {
    pub name: String,
    #[ts(type = "string")]
    pub on: NaiveDate,
}

/// A move between open, under review and closed. Closing carries the sign-off; reopening a
/// closed incident carries the reason.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename = "IncidentStatusChange")]
pub struct StatusChange {
    pub to: super::Status,
    pub sign_off: Option<SignOff>,
    pub reason: Option<String>,
}

/// One entry in the chronology. Tagged `entry` because a report has a field called `kind`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", tag = "entry")]
#[ts(rename = "IncidentEntryBody")]
pub enum EntryBody {
    Report(Report),
    Person(InvolvedPerson),
    Action(Action),
    Evidence(Evidence),
    Decision(Decision),
    Referral(Referral),
    ParentsInformed(ParentsInformed),
    Outcome(Outcome),
    Status(StatusChange),
}

/// The longest a one-line answer on an incident may be (a place, a name, a reference).
pub const SHORT_TEXT: usize = 200;
/// The longest a free-text answer on an incident may be (what happened, an action, a decision).
pub const LONG_TEXT: usize = 20_000;
const SHORT: usize = SHORT_TEXT;
const LONG: usize = LONG_TEXT;

fn required(text: &str, max: usize, field: IncidentField) -> Result<String, IncidentError> {
    let t = trimmed_with_unix_line_ends(text);
    if t.is_empty() {
        return Err(IncidentError::Missing(field));
    }
    if t.chars().count() > max {
        return Err(IncidentError::TooLong { field, max });
    }
    Ok(t)
}

fn optional(text: &Option<String>, max: usize, field: IncidentField) -> Result<Option<String>, IncidentError> {
    match text.as_deref().map(trimmed_with_unix_line_ends) {
        None => Ok(None),
        Some(t) if t.is_empty() => Ok(None),
        Some(t) if t.chars().count() > max => Err(IncidentError::TooLong { field, max }),
        Some(t) => Ok(Some(t)),
    }
}

fn not_future(on: NaiveDate, today: NaiveDate, date: IncidentDate) -> Result<(), IncidentError> {
    if on > today {
        return Err(IncidentError::DateInFuture(date));
    }
    Ok(())
}

fn valid_time(time: &Option<String>) -> Result<Option<String>, IncidentError> {
    match time.as_deref().map(str::trim) {
        None | Some("") => Ok(None),
        Some(t) => chrono::NaiveTime::parse_from_str(t, "%H:%M")
            .map(|parsed| Some(parsed.format("%H:%M").to_string()))
            .map_err(|_| IncidentError::TimeUnreadable),
    }
}

impl EntryBody {
    /// The kind as stored beside the JSON, so amendments can be matched to what they correct.
    pub fn kind_name(&self) -> &'static str {
        match self {
            EntryBody::Report(_) => "report",
            EntryBody::Person(_) => "person",
            EntryBody::Action(_) => "action",
            EntryBody::Evidence(_) => "evidence",
            EntryBody::Decision(_) => "decision",
            EntryBody::Referral(_) => "referral",
            EntryBody::ParentsInformed(_) => "parentsInformed",
            EntryBody::Outcome(_) => "outcome",
            EntryBody::Status(_) => "status",
        }
    }

    /// Tidies every text field and checks what must be there. `today` is the local date, so no
    /// date can be in the future.
    pub fn validated(&self, today: NaiveDate) -> Result<EntryBody, IncidentError> {
        Ok(match self {
            EntryBody::Report(r) => {
                not_future(r.occurred_on, today, IncidentDate::Occurred)?;
                not_future(r.reported_on, today, IncidentDate::Reported)?;
                if r.reported_on < r.occurred_on {
                    return Err(IncidentError::ReportedBeforeOccurred);
                }
                EntryBody::Report(Report {
                    occurred_on: r.occurred_on,
                    occurred_at_time: valid_time(&r.occurred_at_time)?,
                    reported_on: r.reported_on,
                    how_reported: required(&r.how_reported, SHORT, IncidentField::HowReported)?,
                    reported_by: required(&r.reported_by, SHORT, IncidentField::ReportedBy)?,
                    reported_to: required(&r.reported_to, SHORT, IncidentField::ReportedTo)?,
                    place: optional(&Some(r.place.clone()), SHORT, IncidentField::Place)?.unwrap_or_default(),
                    platform: optional(&Some(r.platform.clone()), SHORT, IncidentField::Platform)?.unwrap_or_default(),
                    device: optional(&Some(r.device.clone()), SHORT, IncidentField::Device)?.unwrap_or_default(),
                    category: r.category,
                    kind: r.kind,
                    facts: required(&r.facts, LONG, IncidentField::Facts)?,
                    own_words: optional(&r.own_words, LONG, IncidentField::OwnWords)?,
                    opinion: optional(&r.opinion, LONG, IncidentField::Opinion)?,
                })
            }
            EntryBody::Person(p) => EntryBody::Person(InvolvedPerson {
                person_id: p.person_id.clone().filter(|id| !id.trim().is_empty()),
                name: required(&p.name, SHORT, IncidentField::PersonName)?,
                role: p.role,
            }),
            EntryBody::Action(a) => {
                not_future(a.on, today, IncidentDate::Action)?;
                EntryBody::Action(Action {
                    on: a.on,
                    by: required(&a.by, SHORT, IncidentField::ActionBy)?,
                    what: required(&a.what, LONG, IncidentField::ActionWhat)?,
                })
            }
            EntryBody::Evidence(e) => EntryBody::Evidence(Evidence {
                what: required(&e.what, LONG, IncidentField::EvidenceWhat)?,
                held_where: required(&e.held_where, SHORT, IncidentField::EvidenceHeldWhere)?,
                device_secured: e.device_secured,
            }),
            EntryBody::Decision(d) => {
                not_future(d.on, today, IncidentDate::Decision)?;
                EntryBody::Decision(Decision {
                    on: d.on,
                    by: required(&d.by, SHORT, IncidentField::DecidedBy)?,
                    decision: required(&d.decision, LONG, IncidentField::Decision)?,
                    reason: required(&d.reason, LONG, IncidentField::DecisionReason)?,
                })
            }
            EntryBody::Referral(r) => {
                not_future(r.on, today, IncidentDate::Referral)?;
                let other_agency = optional(&r.other_agency, SHORT, IncidentField::OtherAgency)?;
                if r.agency == Agency::Other && other_agency.is_none() {
                    return Err(IncidentError::Missing(IncidentField::OtherAgency));
                }
                EntryBody::Referral(Referral {
                    agency: r.agency,
                    other_agency: if r.agency == Agency::Other { other_agency } else { None },
                    on: r.on,
                    reference: optional(&r.reference, SHORT, IncidentField::ReferralReference)?,
                    outcome: optional(&r.outcome, LONG, IncidentField::ReferralOutcome)?,
                })
            }
            EntryBody::ParentsInformed(p) => {
                if p.informed {
                    let on = p.on.ok_or(IncidentError::Missing(IncidentField::ParentsToldOn))?;
                    not_future(on, today, IncidentDate::ParentsTold)?;
                    EntryBody::ParentsInformed(ParentsInformed {
                        informed: true,
                        on: Some(on),
                        by: Some(required(p.by.as_deref().unwrap_or_default(), SHORT, IncidentField::ParentsToldBy)?),
                        why_not: None,
                    })
                } else {
                    EntryBody::ParentsInformed(ParentsInformed {
                        informed: false,
                        on: None,
                        by: None,
                        why_not: Some(required(
                            p.why_not.as_deref().unwrap_or_default(),
                            LONG,
                            IncidentField::ParentsNotToldWhy,
                        )?),
                    })
                }
            }
            EntryBody::Outcome(o) => EntryBody::Outcome(Outcome {
                outcome: required(&o.outcome, LONG, IncidentField::Outcome)?,
                sanctions: optional(&o.sanctions, LONG, IncidentField::Sanctions)?,
                lessons_learnt: optional(&o.lessons_learnt, LONG, IncidentField::LessonsLearnt)?,
                policy_changes: optional(&o.policy_changes, LONG, IncidentField::PolicyChanges)?,
            }),
            EntryBody::Status(s) => EntryBody::Status(StatusChange {
                to: s.to,
                sign_off: match &s.sign_off {
                    Some(so) => {
                        not_future(so.on, today, IncidentDate::SignOff)?;
                        Some(SignOff { name: required(&so.name, SHORT, IncidentField::SignOffName)?, on: so.on })
                    }
                    None => None,
                },
                reason: optional(&s.reason, LONG, IncidentField::StatusReason)?,
            }),
        })
    }
}
