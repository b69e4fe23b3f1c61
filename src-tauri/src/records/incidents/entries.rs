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
    /// Seeing harmful material: violent, sexual, hateful or otherwise unsuitable content.
    Content,
    /// Harmful contact from others, such as grooming, harassment or pressure.
    Contact,
    /// The young person's own behaviour, such as bullying others or sharing images.
    Conduct,
    /// Commercial harm: scams, gambling, phishing or pressure to pay.
    Commerce,
    /// A concern from the signing station, until the DSL reads it and decides.
    NotYetClassified,
}

/// What sort of incident it is, as the forms and the trends count it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum IncidentKind {
    /// Bullying, harassment or exclusion through phones, apps or games.
    Cyberbullying,
    /// Nudes or semi-nudes shared, sent or asked for.
    NudesOrSemiNudes,
    /// Online sexual abuse or exploitation, including grooming.
    SexualAbuseOrExploitation,
    /// Indecent images of children made, held or passed on.
    IndecentImages,
    /// Online abuse or hate speech aimed at who someone is (race, religion, disability, sexuality,
    /// gender identity).
    OnlineHate,
    /// Radicalisation or extremist material.
    RadicalisationOrExtremism,
    /// The filtering let something through, or someone saw harmful material by accident.
    FilteringBreachOrExposure,
    /// A member of staff or a volunteer misused technology or contact with young people.
    StaffMisuse,
    /// Personal information lost, exposed or sent to the wrong person.
    DataBreach,
    /// Anything else.
    Other,
}

/// A person's part in this incident only.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename = "IncidentRole")]
pub enum Role {
    /// The person the incident happened to, or who was harmed.
    SubjectOrVictim,
    /// The person who caused it or started it.
    Instigator,
    /// Someone who saw or knows about it.
    Witness,
    /// A member of staff or a volunteer involved in it.
    MemberOfStaff,
    /// Any other part in the incident.
    Other,
}

/// An organisation a concern was referred to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename = "ReferralAgency")]
pub enum Agency {
    /// The police.
    Police,
    /// Children's social care (the local multi-agency safeguarding hub, MASH).
    ChildrensSocialCare,
    /// The Local Authority Designated Officer, for allegations about staff or volunteers.
    Lado,
    /// The Internet Watch Foundation, to have child sexual abuse images taken down.
    InternetWatchFoundation,
    /// CEOP, the National Crime Agency's child protection command.
    Ceop,
    /// Prevent or Channel, for concerns about radicalisation.
    PreventOrChannel,
    /// The Charity Commission, as a serious incident report.
    CharityCommission,
    /// Another organisation, named in the referral's `other_agency`.
    Other,
}

/// The facts as first recorded.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename = "IncidentReport")]
pub struct Report {
    /// The UK date it happened (`YYYY-MM-DD`); never in the future.
    #[ts(type = "string")]
    pub occurred_on: NaiveDate,
    /// "HH:MM", when known.
    pub occurred_at_time: Option<String>,
    /// The UK date it was reported (`YYYY-MM-DD`); not before the date it happened, nor in the future.
    #[ts(type = "string")]
    pub reported_on: NaiveDate,
    /// In person, by phone, by email, at the signing station…
    pub how_reported: String,
    /// Who reported it (up to 200 characters).
    pub reported_by: String,
    /// Who it was reported to (up to 200 characters).
    pub reported_to: String,
    /// Where it happened (up to 200 characters); empty when not given.
    pub place: String,
    /// App, platform or website.
    pub platform: String,
    /// The device involved (up to 200 characters); empty when not given.
    pub device: String,
    /// Which of the 4 Cs it falls under.
    pub category: Category,
    /// What sort of incident it is.
    pub kind: IncidentKind,
    /// What happened, in facts.
    pub facts: String,
    /// The young person's own words, kept apart from the facts.
    pub own_words: Option<String>,
    /// Professional opinion, marked as such wherever it is shown.
    pub opinion: Option<String>,
}

/// A person involved in an incident, and their part in it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct InvolvedPerson {
    /// Their id in the people register, when they are in it.
    pub person_id: Option<String>,
    /// Their name as written on the incident (up to 200 characters), kept even when they are in the register.
    pub name: String,
    /// Their part in this incident.
    pub role: Role,
}

/// Something someone did about the incident.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename = "IncidentAction")]
pub struct Action {
    /// The UK date it was done (`YYYY-MM-DD`); never in the future.
    #[ts(type = "string")]
    pub on: NaiveDate,
    /// Who did it (up to 200 characters).
    pub by: String,
    /// What was done.
    pub what: String,
}

/// Evidence kept about the incident.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename = "IncidentEvidence")]
pub struct Evidence {
    /// What the evidence is.
    pub what: String,
    /// Where it is kept (up to 200 characters).
    pub held_where: String,
    /// A device was taken and kept safe (not searched).
    pub device_secured: bool,
}

/// A decision and the reason for it, including why something was not referred.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename = "IncidentDecision")]
pub struct Decision {
    /// The UK date it was decided (`YYYY-MM-DD`); never in the future.
    #[ts(type = "string")]
    pub on: NaiveDate,
    /// Who decided (up to 200 characters).
    pub by: String,
    /// What was decided.
    pub decision: String,
    /// Why it was decided.
    pub reason: String,
}

/// A referral of the incident to an outside organisation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename = "IncidentReferral")]
pub struct Referral {
    /// The organisation referred to.
    pub agency: Agency,
    /// Named when `agency` is `other`.
    pub other_agency: Option<String>,
    /// The UK date of the referral (`YYYY-MM-DD`); never in the future.
    #[ts(type = "string")]
    pub on: NaiveDate,
    /// The agency's own reference number, if they gave one (up to 200 characters).
    pub reference: Option<String>,
    /// What came of the referral, once known.
    pub outcome: Option<String>,
}

/// Whether the parents or carers were told, and when and by whom, or why not.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ParentsInformed {
    /// True when they were told; then `on` and `by` are set and `why_not` is `None`.
    pub informed: bool,
    /// The UK date they were told (`YYYY-MM-DD`); `None` when they were not told.
    #[ts(type = "string | null")]
    pub on: Option<NaiveDate>,
    /// Who told them (up to 200 characters); `None` when they were not told.
    pub by: Option<String>,
    /// Required when they were not told.
    pub why_not: Option<String>,
}

/// How the incident ended, and what was learnt from it. Closing needs one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename = "IncidentOutcome")]
pub struct Outcome {
    /// What the outcome was.
    pub outcome: String,
    /// Any sanctions given; `None` when there were none.
    pub sanctions: Option<String>,
    /// The lessons learnt; `None` when none were written.
    pub lessons_learnt: Option<String>,
    /// Changes made to policy because of it; `None` when none were.
    pub policy_changes: Option<String>,
}

/// The reviewing admin's sign-off, needed to close an incident.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename = "IncidentSignOff")]
pub struct SignOff {
    /// The reviewing admin's name as they sign (up to 200 characters).
    pub name: String,
    /// The UK date of the sign-off (`YYYY-MM-DD`); never in the future.
    #[ts(type = "string")]
    pub on: NaiveDate,
}

/// A move between open, under review and closed. Closing carries the sign-off; reopening a
/// closed incident carries the reason.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename = "IncidentStatusChange")]
pub struct StatusChange {
    /// The status the incident moves to.
    pub to: super::Status,
    /// The reviewing admin's sign-off; needed when the move is to closed.
    pub sign_off: Option<SignOff>,
    /// Why the status changed; needed when a closed incident is reopened.
    pub reason: Option<String>,
}

/// How an incident is judged, as the e-safety procedure's flowchart asks once it is recorded:
/// unsuitable material or activity, or illegal material or activity. Each has its own route.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum Judgement {
    /// Recorded, but not yet judged either way.
    NotYetDecided,
    /// Unsuitable material or activity: dealt with inside the organisation.
    Unsuitable,
    /// Illegal material or activity: the police are told and lead.
    Illegal,
}

/// The judgement on an incident, with who made it, when and why. A later judgement replaces
/// this one as the incident's route; both stay in the chronology.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename = "IncidentJudgement")]
pub struct JudgementDecision {
    /// The UK date the judgement was made; never in the future.
    #[ts(type = "string")]
    pub on: NaiveDate,
    /// Who made the judgement (usually the DSL), as typed.
    pub by: String,
    /// Unsuitable, illegal, or not yet decided.
    pub judgement: Judgement,
    /// Why: what was seen or heard that decides it.
    pub reason: String,
}

/// A step on an incident's route. The illegal route: the DSL is told, the police are told,
/// the evidence is secured, the police respond (and, when they find nothing illegal, the matter
/// goes back to internal procedures). The unsuitable route: the DSL is told, the incident is
/// reviewed, action and sanctions are decided, and policies and tools are reviewed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum RouteStepKind {
    /// The e-safety co-ordinator (the DSL) was told. Both routes.
    CoordinatorTold,
    /// The police were told, with their reference. Illegal route.
    PoliceTold,
    /// The evidence was secured (not searched, copied or shared), and where it is. Illegal route.
    EvidenceSecured,
    /// The police responded after investigating, saying whether they found anything illegal.
    PoliceOutcome,
    /// Nothing illegal was found, so the matter went back to internal disciplinary procedures.
    BackToInternal,
    /// The incident was reviewed. Unsuitable route.
    Reviewed,
    /// Action and sanctions were decided. Unsuitable route.
    ActionAndSanctions,
    /// Policies and tools (filtering, monitoring, training) were reviewed. Unsuitable route.
    PoliciesAndToolsReviewed,
}

/// One step of the route, done: when, by whom and what it recorded.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename = "IncidentRouteStep")]
pub struct RouteStep {
    /// Which step this is.
    pub step: RouteStepKind,
    /// The UK date it was done; never in the future.
    #[ts(type = "string")]
    pub on: NaiveDate,
    /// Who did it, as typed.
    pub by: String,
    /// What the step found or decided: where the evidence is held, what the police said, the
    /// action and sanctions, what changed in the policies. Required where the step needs it.
    pub details: Option<String>,
    /// The police reference number; required when the police were told.
    pub reference: Option<String>,
    /// For the police outcome only: whether illegal material or activity was found.
    pub illegal_found: Option<bool>,
}

/// What was decided about viewing an image that may be youth-produced sexual imagery or
/// indecent. The policy: nobody views such an image unless there is no other option or a clear
/// reason; if it is viewed, only the DSL views it (or someone else, with the reason why) and
/// the justification is written down; nobody sends, shares, saves or copies it. Safekeeper never
/// stores the image itself.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename = "IncidentImageViewing")]
pub struct ImageViewing {
    /// Whether anyone viewed the image.
    pub viewed: bool,
    /// The UK date it was viewed (when viewed), or the date of the decision not to.
    #[ts(type = "string")]
    pub on: NaiveDate,
    /// Who viewed it, or who decided not to.
    pub by: String,
    /// When someone other than the DSL viewed it: why it was them. `None` when the DSL did.
    pub why_not_the_dsl: Option<String>,
    /// When viewed: why there was no other option, or the clear reason for viewing.
    pub justification: Option<String>,
    /// When viewed: who else was in the room, if anyone.
    pub others_present: Option<String>,
    /// When viewed: what happened to the device afterwards (kept safe, handed to the police…).
    pub device: Option<String>,
    /// When not viewed: why not.
    pub reason_not_viewed: Option<String>,
}

/// One entry in the chronology. Tagged `entry` because a report has a field called `kind`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", tag = "entry")]
#[ts(rename = "IncidentEntryBody")]
pub enum EntryBody {
    /// The facts as first recorded, saved when the incident is created; corrected only by amendments.
    Report(Report),
    /// A person involved and their part.
    Person(InvolvedPerson),
    /// Something someone did about it.
    Action(Action),
    /// Evidence kept and where.
    Evidence(Evidence),
    /// A decision and the reason for it.
    Decision(Decision),
    /// A referral to an outside organisation.
    Referral(Referral),
    /// Whether the parents or carers were told.
    ParentsInformed(ParentsInformed),
    /// How it ended.
    Outcome(Outcome),
    /// A move between open, under review and closed.
    Status(StatusChange),
    /// The incident judged unsuitable or illegal (or not yet).
    Judgement(JudgementDecision),
    /// A step of the judgement's route, done.
    Step(RouteStep),
    /// The decision about viewing an image that may be indecent.
    ImageViewing(ImageViewing),
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
            EntryBody::Judgement(_) => "judgement",
            EntryBody::Step(_) => "step",
            EntryBody::ImageViewing(_) => "imageViewing",
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
            EntryBody::Judgement(j) => {
                not_future(j.on, today, IncidentDate::Judgement)?;
                EntryBody::Judgement(JudgementDecision {
                    on: j.on,
                    by: required(&j.by, SHORT, IncidentField::JudgedBy)?,
                    judgement: j.judgement,
                    reason: required(&j.reason, LONG, IncidentField::JudgementReason)?,
                })
            }
            EntryBody::Step(step) => EntryBody::Step(step.validated(today)?),
            EntryBody::ImageViewing(v) => EntryBody::ImageViewing(v.validated(today)?),
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

impl RouteStep {
    /// Tidies the step and checks it holds what its kind needs: the police reference when the
    /// police were told, where the evidence is, what the police found, the action and sanctions.
    /// Fields a step does not use are dropped.
    fn validated(&self, today: NaiveDate) -> Result<RouteStep, IncidentError> {
        not_future(self.on, today, IncidentDate::Step)?;
        let by = required(&self.by, SHORT, IncidentField::StepBy)?;
        let needed = |field: IncidentField, max: usize| {
            required(self.details.as_deref().unwrap_or_default(), max, field).map(Some)
        };
        let (details, reference, illegal_found) = match self.step {
            RouteStepKind::PoliceTold => (
                optional(&self.details, LONG, IncidentField::StepDetails)?,
                Some(required(self.reference.as_deref().unwrap_or_default(), SHORT, IncidentField::PoliceReference)?),
                None,
            ),
            RouteStepKind::EvidenceSecured => (needed(IncidentField::EvidenceSecuredWhere, SHORT)?, None, None),
            RouteStepKind::PoliceOutcome => (
                needed(IncidentField::PoliceOutcome, LONG)?,
                None,
                Some(self.illegal_found.ok_or(IncidentError::Missing(IncidentField::IllegalFound))?),
            ),
            RouteStepKind::ActionAndSanctions => (needed(IncidentField::ActionAndSanctions, LONG)?, None, None),
            RouteStepKind::CoordinatorTold
            | RouteStepKind::BackToInternal
            | RouteStepKind::Reviewed
            | RouteStepKind::PoliciesAndToolsReviewed => {
                (optional(&self.details, LONG, IncidentField::StepDetails)?, None, None)
            }
        };
        Ok(RouteStep { step: self.step, on: self.on, by, details, reference, illegal_found })
    }
}

impl ImageViewing {
    /// Tidies the decision and checks it says what the policy asks: when viewed, who, the
    /// justification and what happened to the device; when not, the reason. Answers that belong
    /// to the other case are dropped.
    fn validated(&self, today: NaiveDate) -> Result<ImageViewing, IncidentError> {
        not_future(self.on, today, IncidentDate::ImageViewing)?;
        let by = required(&self.by, SHORT, IncidentField::ViewedBy)?;
        let needed = |text: &Option<String>, max: usize, field: IncidentField| {
            required(text.as_deref().unwrap_or_default(), max, field).map(Some)
        };
        if self.viewed {
            Ok(ImageViewing {
                viewed: true,
                on: self.on,
                by,
                why_not_the_dsl: optional(&self.why_not_the_dsl, LONG, IncidentField::WhyNotTheDsl)?,
                justification: needed(&self.justification, LONG, IncidentField::ViewingJustification)?,
                others_present: optional(&self.others_present, SHORT, IncidentField::OthersPresent)?,
                device: needed(&self.device, LONG, IncidentField::DeviceAfterViewing)?,
                reason_not_viewed: None,
            })
        } else {
            Ok(ImageViewing {
                viewed: false,
                on: self.on,
                by,
                why_not_the_dsl: None,
                justification: None,
                others_present: None,
                device: None,
                reason_not_viewed: needed(&self.reason_not_viewed, LONG, IncidentField::ReasonNotViewed)?,
            })
        }
    }
}

impl IncidentKind {
    /// Kinds where an image may be youth-produced sexual imagery or indecent: Safekeeper never
    /// takes an image or file as evidence for them, and each needs an image-viewing decision.
    pub fn needs_image_decision(self) -> bool {
        matches!(
            self,
            IncidentKind::NudesOrSemiNudes | IncidentKind::IndecentImages | IncidentKind::SexualAbuseOrExploitation
        )
    }
}
