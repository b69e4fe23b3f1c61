//! The route an incident takes once it is judged, as the e-safety procedure's flowchart draws
//! it: unsuitable material or activity is dealt with inside the organisation; illegal material or
//! activity goes to the police, who lead. Worked out from the chronology every time, so the route
//! always says what the entries say, and a change of judgement keeps every step already done.

use serde::Serialize;
use ts_rs::TS;

use super::entries::{EntryBody, Judgement, JudgementDecision, RouteStep, RouteStepKind};
use super::IncidentEntry;

/// One step of the current route: done (with the entry that says so) or still open.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct RouteStepState {
    /// Which step.
    pub step: RouteStepKind,
    /// The latest record of this step being done; `None` while it is open.
    pub done: Option<RouteStep>,
}

/// The incident's judgement and where it stands on that judgement's route.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Route {
    /// The current judgement: the latest one recorded, or not yet decided when there is none.
    pub judgement: Judgement,
    /// The entry that made the current judgement (who, when, why); `None` when none is recorded.
    pub decided: Option<JudgementDecision>,
    /// The steps the current judgement's route asks for, in order. Empty until it is decided.
    pub steps: Vec<RouteStepState>,
    /// The police have been told and have not yet responded.
    pub awaiting_police: bool,
}

impl Judgement {
    /// The judgement in words, as the incident page and the printed report show it.
    pub fn label(self) -> &'static str {
        match self {
            Judgement::NotYetDecided => "Not yet decided",
            Judgement::Unsuitable => "Unsuitable material or activity",
            Judgement::Illegal => "Illegal material or activity",
        }
    }
}

impl Judgement {
    /// The judgement in a few words, for a tick box on the blank paper form.
    pub fn short_label(self) -> &'static str {
        match self {
            Judgement::NotYetDecided => "Not yet decided",
            Judgement::Unsuitable => "Unsuitable",
            Judgement::Illegal => "Illegal",
        }
    }
}

impl RouteStepKind {
    /// The step in a few words, for a tick box on the blank paper form.
    pub fn short_label(self) -> &'static str {
        match self {
            RouteStepKind::CoordinatorTold => "DSL told",
            RouteStepKind::PoliceTold => "Police told",
            RouteStepKind::EvidenceSecured => "Evidence secured",
            RouteStepKind::PoliceOutcome => "Police response",
            RouteStepKind::BackToInternal => "Back to internal",
            RouteStepKind::Reviewed => "Reviewed",
            RouteStepKind::ActionAndSanctions => "Action, sanctions",
            RouteStepKind::PoliciesAndToolsReviewed => "Policies, tools",
        }
    }

    /// The step in words, as a checklist line.
    pub fn label(self) -> &'static str {
        match self {
            RouteStepKind::CoordinatorTold => "Reported to the e-safety co-ordinator (DSL)",
            RouteStepKind::PoliceTold => "Reported to the police",
            RouteStepKind::EvidenceSecured => "Evidence secured",
            RouteStepKind::PoliceOutcome => "Police response",
            RouteStepKind::BackToInternal => "No illegal material found: back to internal procedures",
            RouteStepKind::Reviewed => "Incident reviewed",
            RouteStepKind::ActionAndSanctions => "Action and sanctions decided",
            RouteStepKind::PoliciesAndToolsReviewed => "Policies, tools",
        }
    }

    /// What closing the incident still needs while this step is open, as the refusal lists it.
    fn still_needed(self) -> &'static str {
        match self {
            RouteStepKind::CoordinatorTold => {
                "the route step \u{201c}Reported to the e-safety co-ordinator (DSL)\u{201d}"
            }
            RouteStepKind::PoliceTold => "the route step \u{201c}Reported to the police\u{201d}",
            RouteStepKind::EvidenceSecured => "the route step \u{201c}Evidence secured\u{201d}",
            RouteStepKind::PoliceOutcome => "the route step \u{201c}Police response\u{201d}",
            RouteStepKind::BackToInternal => {
                "the route step \u{201c}No illegal material found: back to internal procedures\u{201d}"
            }
            RouteStepKind::Reviewed => "the route step \u{201c}Incident reviewed\u{201d}",
            RouteStepKind::ActionAndSanctions => "the route step \u{201c}Action and sanctions decided\u{201d}",
            RouteStepKind::PoliciesAndToolsReviewed => "the route step \u{201c}Policies and tools reviewed\u{201d}",
        }
    }
}

/// The steps a judgement's route asks for, in order. On the illegal route, a police response
/// that found nothing illegal adds the step back to internal procedures.
pub fn steps_for(judgement: Judgement, police_outcome: Option<&RouteStep>) -> Vec<RouteStepKind> {
    use RouteStepKind::*;
    match judgement {
        Judgement::NotYetDecided => Vec::new(),
        Judgement::Unsuitable => vec![CoordinatorTold, Reviewed, ActionAndSanctions, PoliciesAndToolsReviewed],
        Judgement::Illegal => {
            let mut steps = vec![CoordinatorTold, PoliceTold, EvidenceSecured, PoliceOutcome];
            if police_outcome.and_then(|o| o.illegal_found) == Some(false) {
                steps.push(BackToInternal);
            }
            steps
        }
    }
}

impl Route {
    /// The route as the entries say it: `chronology` in the order saved, `current` mapping each
    /// original entry to its latest version (see `IncidentDetail`).
    pub fn from_chronology(chronology: &[IncidentEntry], current: &[(String, String)]) -> Route {
        let body_of = |id: &str| chronology.iter().find(|e| e.id == id).map(|e| &e.body);
        let bodies = current.iter().filter_map(|(_, now)| body_of(now));
        Route::from_current(bodies)
    }

    /// The route from the current version of each entry, in the order the originals were saved.
    pub fn from_current<'a>(bodies: impl IntoIterator<Item = &'a EntryBody>) -> Route {
        let mut decided: Option<JudgementDecision> = None;
        let mut done: Vec<RouteStep> = Vec::new();
        for body in bodies {
            match body {
                EntryBody::Judgement(j) => decided = Some(j.clone()),
                EntryBody::Step(step) => {
                    done.retain(|d| d.step != step.step);
                    done.push(step.clone());
                }
                _ => {}
            }
        }
        let judgement = decided.as_ref().map_or(Judgement::NotYetDecided, |d| d.judgement);
        let find = |kind: RouteStepKind| done.iter().find(|d| d.step == kind).cloned();
        let police_outcome = find(RouteStepKind::PoliceOutcome);
        let steps: Vec<RouteStepState> = steps_for(judgement, police_outcome.as_ref())
            .into_iter()
            .map(|step| RouteStepState { step, done: find(step) })
            .collect();
        let awaiting_police =
            judgement == Judgement::Illegal && find(RouteStepKind::PoliceTold).is_some() && police_outcome.is_none();
        Route { judgement, decided, steps, awaiting_police }
    }

    /// What closing still needs from the route: a judgement either way, then every step of its
    /// route. Empty when the route is complete.
    pub fn still_needed(&self) -> Vec<&'static str> {
        if self.judgement == Judgement::NotYetDecided {
            return vec!["a judgement: unsuitable or illegal material or activity"];
        }
        self.steps.iter().filter(|s| s.done.is_none()).map(|s| s.step.still_needed()).collect()
    }
}
