// Plain-English words for training: statuses (words first, colour only repeating them), roles and
// renewal periods. Rust's `DueStatus::label` and `Role::label` use the same words.

import type { DueStatus, PersonGroup, PersonRole, Renewal, TrainingMatrixCell } from "./bindings";
import { howFarAway } from "./dueDistance";
import { formatDate } from "./format";

export const STATUS_LABELS: Record<DueStatus, string> = {
  neverDone: "Never done",
  overdue: "Overdue",
  dueIn30: "Due within 30 days",
  dueIn60: "Due within 60 days",
  dueIn90: "Due within 90 days",
  inDate: "Done",
};

/** The Tag colour for each status. */
export const STATUS_TONES: Record<DueStatus, "red" | "yellow" | "blue" | "green"> = {
  neverDone: "red",
  overdue: "red",
  dueIn30: "yellow",
  dueIn60: "yellow",
  dueIn90: "blue",
  inDate: "green",
};

export const STATUSES = Object.keys(STATUS_LABELS) as DueStatus[];

export const ROLE_LABELS: Record<PersonRole, string> = {
  dsl: "Designated safeguarding lead",
  deputyDsl: "Deputy safeguarding lead",
  preventLead: "Prevent lead",
  dataProtectionLead: "Data protection lead",
};

export const ROLES = Object.keys(ROLE_LABELS) as PersonRole[];

/** The groups a course can be required of, as a course says who must do it. */
export const TRAINED_GROUP_PLURALS: Partial<Record<PersonGroup, string>> = {
  staff: "staff",
  volunteer: "volunteers",
  trustee: "trustees",
  contractor: "contractors",
};

export const TRAINED_GROUPS = Object.keys(TRAINED_GROUP_PLURALS) as PersonGroup[];

/** "Every year", "Every 3 years", "Every 18 months" or "Once only". */
export function renewalText(renewal: Renewal): string {
  if (renewal.every === "never") return "Once only";
  const { months } = renewal;
  if (months % 12 === 0) return months === 12 ? "Every year" : `Every ${months / 12} years`;
  return months === 1 ? "Every month" : `Every ${months} months`;
}

/** The second line of a matrix cell: when it was done or falls due. */
export function cellDetail(cell: TrainingMatrixCell): string {
  if (!cell.required && !cell.lastCompleted) return "Not required";
  if (!cell.lastCompleted) return "No record";
  if (!cell.nextDue) return `Done ${formatDate(cell.lastCompleted)}`;
  const verb = cell.status === "overdue" ? "Was due" : "Due";
  return `${verb} ${formatDate(cell.nextDue)}`;
}

/** The third line of a matrix cell: how far away the next due date is ("due in 3 weeks", "2 months overdue"), or null when nothing falls due. */
export function cellDistance(cell: TrainingMatrixCell, today: string): string | null {
  if (!cell.lastCompleted || !cell.nextDue) return null;
  return howFarAway(cell.nextDue, today);
}
