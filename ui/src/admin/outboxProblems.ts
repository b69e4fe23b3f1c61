// Plain words for what the signing station's outbox held at the last unlock: what each kind of
// problem means and what the admin should do next. Rust's message says what happened to the file;
// these say what to do about it.

import type { IngestReport, ProblemKind } from "../lib/bindings";

export const PROBLEMS_FOLDER = "outbox/problems";

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
    next: "Nothing to do: the first copy was recorded. You can delete this copy.",
  },
  rejected: {
    title: "Refused by the records",
    recorded: false,
    next: "Read the reason given. Most often the AUP was changed after they signed: ask them to sign the version now in force.",
  },
  waiting: {
    title: "Waiting for the next unlock",
    recorded: false,
    next: "Nothing to do: it was left in the outbox because more was waiting than one unlock reads, and it will be recorded the next time Safekeeper is unlocked. If this keeps happening, someone may be putting files in the outbox folder.",
  },
};

/** True when the report holds anything the admin should see. */
export function worthReporting(report: IngestReport | null): report is IngestReport {
  return report !== null && (report.ingested > 0 || report.problems.length > 0);
}

export function recordedText(count: number): string {
  if (count === 0) return "No signing-station submissions were recorded at this unlock.";
  if (count === 1) return "1 signing-station submission was recorded when Safekeeper was unlocked.";
  return `${count} signing-station submissions were recorded when Safekeeper was unlocked.`;
}
