// Plain-English wording for values that come from Rust: dates and the audit trail's state.

import type { AuditStatus } from "./bindings";

const longDate = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "long",
  year: "numeric",
});

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** "22 November 2025" for an ISO date or date-time; the text unchanged if it is not one. */
export function formatDate(iso: string): string {
  // A calendar date ("2025-11-22") is parsed as UTC midnight by `Date`, which shows the day
  // before in any time zone west of Greenwich; build it from its parts instead.
  const dateOnly = DATE_ONLY.exec(iso);
  const date = dateOnly
    ? new Date(Number(dateOnly[1]), Number(dateOnly[2]) - 1, Number(dateOnly[3]))
    : new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : longDate.format(date);
}

const ukDateTime = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "long",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  timeZone: "Europe/London",
});

/** "22 November 2026 at 09:37", in UK time, for a stored instant; the text unchanged if it is not one. */
export function formatDateTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const parts = Object.fromEntries(ukDateTime.formatToParts(date).map((p) => [p.type, p.value]));
  return `${parts.day} ${parts.month} ${parts.year} at ${parts.hour}:${parts.minute}`;
}

/** What the audit check found, in words a DSL can write down. */
export function auditStatusText(audit: AuditStatus): string {
  if (!audit.verified) {
    return audit.firstBadRow === null
      ? "Problem found: the audit trail could not be checked"
      : `Problem found at entry ${audit.firstBadRow}`;
  }
  if (audit.rows === 0) return "Verified: there are no entries yet";
  if (audit.rows === 1) return "Verified: the 1 entry is intact";
  return `Verified: all ${audit.rows.toLocaleString("en-GB")} entries are intact`;
}
