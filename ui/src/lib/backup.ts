// Words for what a backup holds: the manifest counts rows per table, and pages say them as
// "3 people, 1 incident". Shared by the backup result and the restore summary.

import type { BackupStep } from "./bindings";

const MANY: Record<string, string> = {
  people: "people",
  signatures: "AUP signatures",
  image_consents: "image consents",
  publications: "publications",
  training_records: "training records",
  incidents: "incidents",
  incident_entries: "incident entries",
  policies: "policies",
  policy_versions: "policy reviews",
  audit: "audit entries",
};

const ONE: Record<string, string> = {
  people: "person",
  signatures: "AUP signature",
  image_consents: "image consent",
  publications: "publication",
  training_records: "training record",
  incidents: "incident",
  incident_entries: "incident entry",
  policies: "policy",
  policy_versions: "policy review",
  audit: "audit entry",
};

/** The plural label for a counted table, with a capital letter for a table heading. */
export function tableLabel(table: string): string {
  const words = MANY[table] ?? table;
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** "3 people, 1 incident": the tables with any rows, in the manifest's order. */
export function countsText(counts: Array<[string, number]>): string {
  const parts = counts
    .filter(([, rows]) => rows > 0)
    .map(([table, rows]) => `${rows.toLocaleString("en-GB")} ${(rows === 1 ? ONE[table] : MANY[table]) ?? table}`);
  return parts.length ? parts.join(", ") : "no records";
}

/** The steps of "Back up now" in the order Rust reports them. */
export const BACKUP_STEPS: BackupStep[] = ["copying", "encrypting", "writing", "checking"];

const STEP_LABELS: Record<BackupStep, string> = {
  copying: "Copying the records",
  encrypting: "Encrypting the copy",
  writing: "Writing it to the folder",
  checking: "Reading it back and checking it",
};

/** "Step 2 of 4: Encrypting the copy". */
export function stepText(step: BackupStep): string {
  return `Step ${BACKUP_STEPS.indexOf(step) + 1} of ${BACKUP_STEPS.length}: ${STEP_LABELS[step]}`;
}
