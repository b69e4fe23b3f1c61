// The incident forms' state: every field as the text a person types (dates as day/month/year
// boxes), turned into the entry Rust stores, and back again when an entry is being corrected.
// Rust makes the real checks; this only catches what the boxes themselves get wrong.

import type {
  IncidentCategory,
  IncidentEntryBody,
  IncidentKind,
  IncidentReport,
  IncidentRole,
  ReferralAgency,
} from "./bindings";
import { emptyDate, parseDateParts, partsFromIso, type DateParts } from "./dateInput";

/** The kinds of entry an admin can add after the report. */
export type AddableKind = "person" | "action" | "evidence" | "decision" | "referral" | "parentsInformed" | "outcome";
export type EditableKind = AddableKind | "report";

export const ADDABLE_KINDS: { value: AddableKind; label: string }[] = [
  { value: "person", label: "A person involved" },
  { value: "action", label: "An action taken" },
  { value: "evidence", label: "Evidence or a device secured" },
  { value: "decision", label: "A decision and the reason for it" },
  { value: "referral", label: "A referral" },
  { value: "parentsInformed", label: "Whether parents or carers were told" },
  { value: "outcome", label: "The outcome" },
];

export type EntryFields = {
  // Report
  occurredOn: DateParts;
  occurredAtTime: string;
  reportedOn: DateParts;
  howReported: string;
  reportedBy: string;
  reportedTo: string;
  place: string;
  platform: string;
  device: string;
  category: IncidentCategory | "";
  kind: IncidentKind | "";
  facts: string;
  ownWords: string;
  opinion: string;
  // Person
  personId: string;
  name: string;
  role: IncidentRole | "";
  // Action, decision, referral, parents: a date and who
  on: DateParts;
  by: string;
  what: string;
  // Evidence
  heldWhere: string;
  deviceSecured: boolean;
  // Decision
  decision: string;
  reason: string;
  // Referral
  agency: ReferralAgency | "";
  otherAgency: string;
  reference: string;
  referralOutcome: string;
  // Parents or carers
  informed: "yes" | "no" | "";
  whyNot: string;
  // Outcome
  outcome: string;
  sanctions: string;
  lessonsLearnt: string;
  policyChanges: string;
};

export function emptyFields(todayIso: string): EntryFields {
  return {
    occurredOn: emptyDate(),
    occurredAtTime: "",
    reportedOn: partsFromIso(todayIso),
    howReported: "",
    reportedBy: "",
    reportedTo: "",
    place: "",
    platform: "",
    device: "",
    category: "",
    kind: "",
    facts: "",
    ownWords: "",
    opinion: "",
    personId: "",
    name: "",
    role: "",
    on: partsFromIso(todayIso),
    by: "",
    what: "",
    heldWhere: "",
    deviceSecured: false,
    decision: "",
    reason: "",
    agency: "",
    otherAgency: "",
    reference: "",
    referralOutcome: "",
    informed: "",
    whyNot: "",
    outcome: "",
    sanctions: "",
    lessonsLearnt: "",
    policyChanges: "",
  };
}

/** The form filled from a saved entry, for a correction. */
export function fieldsFrom(body: IncidentEntryBody, todayIso: string): EntryFields {
  const f = emptyFields(todayIso);
  switch (body.entry) {
    case "report":
      return {
        ...f,
        occurredOn: partsFromIso(body.occurredOn),
        occurredAtTime: body.occurredAtTime ?? "",
        reportedOn: partsFromIso(body.reportedOn),
        howReported: body.howReported,
        reportedBy: body.reportedBy,
        reportedTo: body.reportedTo,
        place: body.place,
        platform: body.platform,
        device: body.device,
        category: body.category,
        kind: body.kind,
        facts: body.facts,
        ownWords: body.ownWords ?? "",
        opinion: body.opinion ?? "",
      };
    case "person":
      return { ...f, personId: body.personId ?? "", name: body.name, role: body.role };
    case "action":
      return { ...f, on: partsFromIso(body.on), by: body.by, what: body.what };
    case "evidence":
      return { ...f, what: body.what, heldWhere: body.heldWhere, deviceSecured: body.deviceSecured };
    case "decision":
      return { ...f, on: partsFromIso(body.on), by: body.by, decision: body.decision, reason: body.reason };
    case "referral":
      return {
        ...f,
        agency: body.agency,
        otherAgency: body.otherAgency ?? "",
        on: partsFromIso(body.on),
        reference: body.reference ?? "",
        referralOutcome: body.outcome ?? "",
      };
    case "parentsInformed":
      return {
        ...f,
        informed: body.informed ? "yes" : "no",
        on: body.on ? partsFromIso(body.on) : f.on,
        by: body.by ?? "",
        whyNot: body.whyNot ?? "",
      };
    case "outcome":
      return {
        ...f,
        outcome: body.outcome,
        sanctions: body.sanctions ?? "",
        lessonsLearnt: body.lessonsLearnt ?? "",
        policyChanges: body.policyChanges ?? "",
      };
    // Changed in the route panel or by the status buttons, never through this form.
    case "status":
    case "judgement":
    case "step":
    case "imageViewing":
      return f;
  }
}

export type Built = { body: IncidentEntryBody; problems: [] } | { body: null; problems: { fieldId: string; message: string }[] };

const optional = (text: string) => (text.trim() ? text.trim() : null);

/**
 * The entry to send, or what to fix first. `prefix` is the form's id prefix, so each problem
 * links to its box.
 */
export function buildEntry(kind: EditableKind, f: EntryFields, prefix: string): Built {
  const problems: { fieldId: string; message: string }[] = [];
  const date = (parts: DateParts, field: string, what: string, required = true): string | null => {
    const parsed = parseDateParts(parts, what);
    if (parsed.problem) problems.push({ fieldId: `${prefix}-${field}`, message: parsed.problem });
    else if (!parsed.iso && required) problems.push({ fieldId: `${prefix}-${field}`, message: `Enter ${what.toLowerCase()}` });
    return parsed.iso;
  };
  const choose = (value: string, field: string, message: string) => {
    if (!value) problems.push({ fieldId: `${prefix}-${field}`, message });
  };
  let body: IncidentEntryBody | null = null;
  switch (kind) {
    case "report": {
      const occurredOn = date(f.occurredOn, "occurred-on", "The date it happened");
      const reportedOn = date(f.reportedOn, "reported-on", "The date it was reported");
      choose(f.category, "category", "Choose a category");
      choose(f.kind, "kind", "Choose what kind of incident it is");
      if (occurredOn && reportedOn && f.category && f.kind) {
        body = {
          entry: "report",
          occurredOn,
          occurredAtTime: optional(f.occurredAtTime),
          reportedOn,
          howReported: f.howReported,
          reportedBy: f.reportedBy,
          reportedTo: f.reportedTo,
          place: f.place,
          platform: f.platform,
          device: f.device,
          category: f.category,
          kind: f.kind,
          facts: f.facts,
          ownWords: optional(f.ownWords),
          opinion: optional(f.opinion),
        } satisfies IncidentReport & { entry: "report" };
      }
      break;
    }
    case "person":
      choose(f.role, "role", "Choose their role in this incident");
      if (f.role) body = { entry: "person", personId: f.personId || null, name: f.name, role: f.role };
      break;
    case "action": {
      const on = date(f.on, "on", "The date of the action");
      if (on) body = { entry: "action", on, by: f.by, what: f.what };
      break;
    }
    case "evidence":
      body = { entry: "evidence", what: f.what, heldWhere: f.heldWhere, deviceSecured: f.deviceSecured };
      break;
    case "decision": {
      const on = date(f.on, "on", "The date of the decision");
      if (on) body = { entry: "decision", on, by: f.by, decision: f.decision, reason: f.reason };
      break;
    }
    case "referral": {
      choose(f.agency, "agency", "Choose who it was referred to");
      const on = date(f.on, "on", "The date of the referral");
      if (on && f.agency) {
        body = {
          entry: "referral",
          agency: f.agency,
          otherAgency: optional(f.otherAgency),
          on,
          reference: optional(f.reference),
          outcome: optional(f.referralOutcome),
        };
      }
      break;
    }
    case "parentsInformed": {
      choose(f.informed, "informed", "Say whether the parents or carers were told");
      if (f.informed === "yes") {
        const on = date(f.on, "on", "The date they were told");
        if (on) body = { entry: "parentsInformed", informed: true, on, by: f.by, whyNot: null };
      } else if (f.informed === "no") {
        body = { entry: "parentsInformed", informed: false, on: null, by: null, whyNot: f.whyNot };
      }
      break;
    }
    case "outcome":
      body = {
        entry: "outcome",
        outcome: f.outcome,
        sanctions: optional(f.sanctions),
        lessonsLearnt: optional(f.lessonsLearnt),
        policyChanges: optional(f.policyChanges),
      };
      break;
  }
  return problems.length > 0 || !body ? { body: null, problems } : { body, problems: [] };
}
