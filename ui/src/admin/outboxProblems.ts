// Plain words for what the signing station's outbox held at the last unlock: what each kind of
// problem means and what the admin should do next. Rust's message says what happened to the file;
// these say what to do about it.

import type { IngestReport, KeptSubmission, ProblemKind } from "../lib/bindings";
import { plural } from "../lib/plural";

type Explanation = { title: string; recorded: boolean; next: string };

export const PROBLEM_EXPLANATIONS: Record<ProblemKind, Explanation> = {
  corrupt: {
    title: "Damaged or changed",
    recorded: false,
    next: "Find out who used the signing station since Safekeeper was last unlocked and look them up under People. Anyone whose signature is missing should sign again.",
  },
  otherVault: {
    title: "Not for this vault",
    recorded: false,
    next: "If the file was copied here from another Safekeeper, it belongs to that one. Otherwise find out who used the signing station since Safekeeper was last unlocked and look them up under People: anyone whose signature is missing should sign again.",
  },
  gap: {
    title: "Submissions missing before this one",
    recorded: true,
    next: "Nothing to redo for this one: it was recorded. Someone may have deleted or changed files in the outbox folder, so find out who used the signing station around then and look them up under People; anyone whose signature is missing should sign again. If nobody can explain the missing files, treat it as a security concern.",
  },
  outOfOrder: {
    title: "Out of order",
    recorded: false,
    next: "The file was renamed, moved or put back after later ones were recorded. Find out who used the signing station around then and look them up under People: anyone whose signature is missing should sign again.",
  },
  duplicate: {
    title: "Duplicate",
    recorded: false,
    next: "Nothing to do: the first copy was recorded. Keep this copy aside.",
  },
  unknownManifest: {
    title: "Sealed under a changed signing-station file",
    recorded: true,
    next: "It was recorded. The signing station's list of keys and words had been changed outside Safekeeper when this was handed in, so someone may be able to read it. Find out who had access to the laptop, and tell your data protection lead.",
  },
  extraRecipients: {
    title: "Sealed to keys that are not this vault's",
    recorded: true,
    next: "It was recorded, but someone other than your admins may be able to read it. Treat this as a possible data breach: tell your data protection lead and find out who had access to the laptop.",
  },
  rejected: {
    title: "Refused by the records",
    recorded: false,
    next: "Read the reason given. Once the cause is put right (for example after updating Safekeeper), choose Try again. If it cannot be, ask the person to hand it in again, then keep this one aside.",
  },
  waiting: {
    title: "Waiting for the next unlock",
    recorded: false,
    next: "Nothing to do: it was left in the outbox because more was waiting than one unlock reads, and it will be recorded the next time Safekeeper is unlocked. If this keeps happening, someone may be putting files in the outbox folder.",
  },
};

/** True when the report holds anything the admin should see. */
export function worthReporting(report: IngestReport | null): report is IngestReport {
  return report !== null && (report.ingested > 0 || report.problems.length > 0 || report.manifestChanged);
}

/** What the last unlock recorded from the signing station, in words that say when and what. */
export function recordedText(count: number): string {
  if (count === 0) return "When Safekeeper was last unlocked, it recorded nothing from the signing station.";
  return `When Safekeeper was last unlocked, it recorded ${plural(count, "form", "forms")} handed in at the signing station while it was locked.`;
}

/** What to do about what was recorded: anything that needs a decision is on the dashboard above. */
export const RECORDED_NEXT =
  "Signatures and photo consents to confirm, and new concerns, are listed above. If nothing is listed there, there is nothing more to do.";

/** What a kept file holds, as a heading. */
export function keptKindText(item: KeptSubmission): string {
  switch (item.submission) {
    case "concern":
      return "A concern";
    case "aupSignature":
      return "An AUP signature";
    case "imageConsent":
      return "A photo consent";
    default:
      return "A submission that cannot be read (it may be a concern)";
  }
}

/** What the admin should do about one kept file. */
export function keptNextStep(item: KeptSubmission): string {
  if (item.problem === "duplicate") return PROBLEM_EXPLANATIONS.duplicate.next;
  if (item.submission === "concern") {
    return "Read the concern today. Choose Try again; if it still cannot be recorded, ask the safeguarding lead to record it by hand under Incidents, using the receipt number, then keep this file aside.";
  }
  if (item.problem) return PROBLEM_EXPLANATIONS[item.problem].next;
  return "Choose Try again. If it still cannot be recorded, find out who used the signing station around then, ask them to hand it in again, and keep this file aside.";
}

/** Files that may be a concern about a child and that nobody has decided on yet. */
export function urgentKept(kept: KeptSubmission[]): KeptSubmission[] {
  return kept.filter((k) => k.urgent);
}
