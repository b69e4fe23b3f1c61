// Plain-English words for the incident log: categories, kinds, roles, agencies and statuses, and
// a one-line summary of each kind of entry for the chronology.

import type {
  IncidentCategory,
  IncidentEntryBody,
  IncidentKind,
  IncidentRole,
  IncidentStatus,
  Judgement,
  ReferralAgency,
  RouteStepKind,
} from "./bindings";
import { formatDate } from "./format";

export const CATEGORY_LABELS: Record<IncidentCategory, string> = {
  content: "Content",
  contact: "Contact",
  conduct: "Conduct",
  commerce: "Commerce",
  notYetClassified: "Not yet classified",
};

export const KIND_LABELS: Record<IncidentKind, string> = {
  cyberbullying: "Cyberbullying",
  nudesOrSemiNudes: "Sharing nudes or semi-nudes",
  sexualAbuseOrExploitation: "Online sexual abuse or exploitation",
  indecentImages: "Indecent images of children",
  onlineHate: "Online hate",
  radicalisationOrExtremism: "Radicalisation or extremism",
  filteringBreachOrExposure: "Filtering breach or accidental exposure",
  staffMisuse: "Misuse by staff",
  dataBreach: "Data or personal-information breach",
  other: "Other",
};

export const ROLE_LABELS: Record<IncidentRole, string> = {
  subjectOrVictim: "Subject or victim",
  instigator: "Instigator",
  witness: "Witness",
  memberOfStaff: "Member of staff",
  other: "Other",
};

export const AGENCY_LABELS: Record<ReferralAgency, string> = {
  police: "Police",
  childrensSocialCare: "Children's social care (MASH)",
  lado: "LADO",
  internetWatchFoundation: "Internet Watch Foundation",
  ceop: "CEOP",
  preventOrChannel: "Prevent or Channel",
  charityCommission: "Charity Commission (serious incident report)",
  other: "Other",
};

export const STATUS_LABELS: Record<IncidentStatus, string> = {
  open: "Open",
  underReview: "Under review",
  closed: "Closed",
};

/** The judgements the e-safety procedure asks for, as the incident page and the report say them. */
export const JUDGEMENT_LABELS: Record<Judgement, string> = {
  notYetDecided: "Not yet decided",
  unsuitable: "Unsuitable material or activity",
  illegal: "Illegal material or activity",
};

/** Each step of a route, as a checklist line (the same words as the printed report). */
export const STEP_LABELS: Record<RouteStepKind, string> = {
  coordinatorTold: "Reported to the e-safety co-ordinator (DSL)",
  policeTold: "Reported to the police",
  evidenceSecured: "Evidence secured",
  policeOutcome: "Police response",
  backToInternal: "No illegal material found: back to internal procedures",
  reviewed: "Incident reviewed",
  actionAndSanctions: "Action and sanctions decided",
  policiesAndToolsReviewed: "Policies and tools reviewed",
};

/** What each step's notes are for, as the box is labelled; `required` when the step needs them. */
export const STEP_DETAILS: Record<RouteStepKind, { label: string; required: boolean }> = {
  coordinatorTold: { label: "Notes (optional)", required: false },
  policeTold: { label: "Notes (optional)", required: false },
  evidenceSecured: { label: "Where the evidence is secured", required: true },
  policeOutcome: { label: "What the police said", required: true },
  backToInternal: { label: "Notes (optional)", required: false },
  reviewed: { label: "What the review found (optional)", required: false },
  actionAndSanctions: { label: "The action and sanctions decided", required: true },
  policiesAndToolsReviewed: { label: "What changed, if anything (optional)", required: false },
};

/** What kind of entry this is, as a heading in the chronology. */
export function entryTitle(body: IncidentEntryBody): string {
  switch (body.entry) {
    case "report":
      return "Report";
    case "person":
      return "Person involved";
    case "action":
      return "Action taken";
    case "evidence":
      return "Evidence";
    case "decision":
      return "Decision";
    case "referral":
      return "Referral";
    case "parentsInformed":
      return "Parents or carers";
    case "outcome":
      return "Outcome";
    case "status":
      return "Status changed";
    case "judgement":
      return "Judgement";
    case "step":
      return "Route step";
    case "imageViewing":
      return "Image viewing decision";
  }
}

/** The entry's content in one or two plain sentences. */
export function entrySummary(body: IncidentEntryBody): string {
  switch (body.entry) {
    case "report": {
      const what = body.kind === "other" ? CATEGORY_LABELS[body.category] : `${CATEGORY_LABELS[body.category]}: ${KIND_LABELS[body.kind]}`;
      return `${what}. Happened ${formatDate(body.occurredOn)}. ${body.facts}`;
    }
    case "person":
      return `${body.name}: ${ROLE_LABELS[body.role]}.`;
    case "action":
      return `${formatDate(body.on)}, ${body.by}: ${body.what}`;
    case "evidence":
      return `${body.what} Held: ${body.heldWhere}.${body.deviceSecured ? " Device secured." : ""}`;
    case "decision":
      return `${formatDate(body.on)}, ${body.by}: ${body.decision} Reason: ${body.reason}`;
    case "referral": {
      const agency = body.agency === "other" ? (body.otherAgency ?? "Other") : AGENCY_LABELS[body.agency];
      const parts = [`${agency}, ${formatDate(body.on)}.`];
      if (body.reference) parts.push(`Reference ${body.reference}.`);
      if (body.outcome) parts.push(`Outcome: ${body.outcome}`);
      return parts.join(" ");
    }
    case "parentsInformed":
      return body.informed
        ? `Told on ${formatDate(body.on ?? "")} by ${body.by ?? "not recorded"}.`
        : `Not told. Why: ${body.whyNot ?? "not recorded"}`;
    case "outcome":
      return body.outcome;
    case "status": {
      const parts = [`Now ${STATUS_LABELS[body.to].toLowerCase()}.`];
      if (body.signOff) parts.push(`Signed off by ${body.signOff.name} on ${formatDate(body.signOff.on)}.`);
      if (body.reason) parts.push(`Reason: ${body.reason}`);
      return parts.join(" ");
    }
    case "judgement":
      return `${formatDate(body.on)}, ${body.by}: judged as ${JUDGEMENT_LABELS[body.judgement].toLowerCase()}. Why: ${body.reason}`;
    case "step": {
      const parts = [`${STEP_LABELS[body.step]}: ${formatDate(body.on)}, ${body.by}.`];
      if (body.reference) parts.push(`Police reference ${body.reference}.`);
      if (body.illegalFound !== null) parts.push(body.illegalFound ? "Illegal material or activity found." : "Nothing illegal found.");
      if (body.details) parts.push(body.details);
      return parts.join(" ");
    }
    case "imageViewing":
      return body.viewed
        ? `${formatDate(body.on)}: viewed by ${body.by}. Why: ${body.justification ?? "not recorded"} Device: ${body.device ?? "not recorded"}`
        : `${formatDate(body.on)}: not viewed (decided by ${body.by}). Why: ${body.reasonNotViewed ?? "not recorded"}`;
  }
}

/** Kinds where an image may be indecent: never stored, and a viewing decision is recorded. */
export const NEEDS_IMAGE_DECISION: IncidentKind[] = ["nudesOrSemiNudes", "indecentImages", "sexualAbuseOrExploitation"];
