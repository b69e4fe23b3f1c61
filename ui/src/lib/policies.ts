// Plain-English words for the policy register: why a review happened, and where a policy's next
// review stands (words first; colour only repeats them).

import type { DueStatus, Policy, ReviewTrigger } from "./bindings";
import { formatDate } from "./format";

export const TRIGGER_LABELS: Record<ReviewTrigger, string> = {
  newPolicy: "A new policy",
  scheduled: "The regular review",
  incident: "An early review after an incident",
  lawOrGuidance: "An early review after a change in law or guidance",
  itChange: "An early review after a change to the IT set-up",
  other: "Another reason",
};

export const TRIGGERS = Object.keys(TRIGGER_LABELS) as ReviewTrigger[];

export const REVIEW_STATUS_LABELS: Record<DueStatus, string> = {
  neverDone: "No review recorded",
  overdue: "Review overdue",
  dueIn30: "Review due within 30 days",
  dueIn60: "Review due within 60 days",
  dueIn90: "Review due within 90 days",
  inDate: "Up to date",
};

/** "Every year", "Every 2 years" or "Every 18 months". */
export function cycleText(months: number): string {
  if (months % 12 === 0) return months === 12 ? "Every year" : `Every ${months / 12} years`;
  return months === 1 ? "Every month" : `Every ${months} months`;
}

/**
 * The date `months` after `iso` ("2026-01-31" plus one month is "2026-02-28"), as Rust works out
 * a policy's next review when none is set by hand.
 */
export function addMonths(iso: string, months: number): string {
  const [y, m, d] = iso.split("-").map(Number);
  const total = m - 1 + months;
  const year = y + Math.floor(total / 12);
  const month = total % 12;
  const last = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return new Date(Date.UTC(year, month, Math.min(d, last))).toISOString().slice(0, 10);
}

/** When the next review is, in words. */
export function nextReviewText(policy: Policy): string {
  if (!policy.nextReview) return "Record its latest review to set this";
  return policy.status === "overdue" ? `Was due ${formatDate(policy.nextReview)}` : formatDate(policy.nextReview);
}

/** The version number after `current`: "3" after "2", "2.2" after "2.1"; "1" when there is none. */
export function suggestNextVersion(current: string | null): string {
  if (!current) return "1";
  const match = /^(.*?)(\d+)$/.exec(current.trim());
  return match ? `${match[1]}${Number(match[2]) + 1}` : "";
}
