// How far away a due date is, as people say it: "due tomorrow", "due in 3 weeks", "2 months
// overdue". Owns the counting of calendar days in the UK and the words for them; does not decide
// what is due (Rust's `reminders` does that).

import { plural } from "./plural";

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;

const ukParts = new Intl.DateTimeFormat("en-GB", {
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  timeZone: "Europe/London",
});

/**
 * Today's calendar date in the UK as "YYYY-MM-DD", whatever zone the laptop's clock is set to.
 * At 00:30 on the first morning of British Summer Time the UTC date is still yesterday's; asking
 * for the Europe/London date rather than adding an offset keeps that right on both clock changes.
 */
export function ukToday(now: Date = new Date()): string {
  const parts = Object.fromEntries(ukParts.formatToParts(now).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day}`;
}

type CalendarDate = { year: number; month: number; day: number };

function parse(iso: string): CalendarDate | null {
  const match = DATE_ONLY.exec(iso);
  return match ? { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) } : null;
}

const DAY_MS = 24 * 60 * 60 * 1000;

// Calendar dates are counted as UTC midnights: UTC has no clock change, so every day is exactly
// 24 hours long and the difference is always a whole number of days.
function dayNumber(date: CalendarDate): number {
  return Date.UTC(date.year, date.month - 1, date.day) / DAY_MS;
}

/** Calendar days from `today` to `date`, negative when `date` has passed; null if either is not a date. */
export function daysUntil(date: string, today: string): number | null {
  const due = parse(date);
  const now = parse(today);
  return due && now ? dayNumber(due) - dayNumber(now) : null;
}

/** Whole calendar months from `from` to a later `to`: 10 January to 9 March is 1, to 10 March is 2. */
function wholeMonths(from: CalendarDate, to: CalendarDate): number {
  const months = (to.year - from.year) * 12 + (to.month - from.month);
  return to.day < from.day ? months - 1 : months;
}

/** "3 days", "2 weeks", "5 months", "2 years": a span, rounded down to the unit that suits it. */
function span(days: number, from: CalendarDate, to: CalendarDate): string {
  if (days < 14) return plural(days, "day", "days");
  const months = wholeMonths(from, to);
  if (months < 2) return plural(Math.floor(days / 7), "week", "weeks");
  if (months < 24) return plural(months, "month", "months");
  return plural(Math.floor(months / 12), "year", "years");
}

/**
 * How far `date` is from `today`, both "YYYY-MM-DD" calendar dates: "due today", "due tomorrow",
 * "due in 5 days", "due in 3 weeks", "due in 2 months", "1 day overdue", "3 weeks overdue".
 * Days up to 13, then whole weeks until two calendar months, then whole months until two years,
 * then whole years; a span is rounded down, so "due in 2 weeks" may be up to 20 days away.
 * Returns null when either is not a calendar date.
 */
export function howFarAway(date: string, today: string): string | null {
  const due = parse(date);
  const now = parse(today);
  if (!due || !now) return null;
  const days = dayNumber(due) - dayNumber(now);
  if (days === 0) return "due today";
  if (days === 1) return "due tomorrow";
  if (days > 0) return `due in ${span(days, now, due)}`;
  return `${span(-days, due, now)} overdue`;
}
