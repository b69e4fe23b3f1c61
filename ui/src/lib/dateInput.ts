// The rules behind the day/month/year date input: turn three boxes into a calendar date, or say
// in GOV.UK words what is wrong with them.

export type DateParts = { day: string; month: string; year: string };

export const emptyDate = (): DateParts => ({ day: "", month: "", year: "" });

/** "YYYY-MM-DD" as three boxes; empty boxes for null. */
export function partsFromIso(iso: string | null): DateParts {
  const match = iso ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso) : null;
  if (!match) return emptyDate();
  return { day: String(Number(match[3])), month: String(Number(match[2])), year: match[1] };
}

export type ParsedDate = { iso: string | null; problem: string | null };

/**
 * Reads the three boxes. All empty gives `{ iso: null }`; a real date gives its "YYYY-MM-DD";
 * anything else gives a problem that starts with `what` ("Date of birth must include a month").
 */
export function parseDateParts(parts: DateParts, what: string): ParsedDate {
  const day = parts.day.trim();
  const month = parts.month.trim();
  const year = parts.year.trim();
  if (day === "" && month === "" && year === "") return { iso: null, problem: null };
  const missing = [
    day === "" ? "a day" : null,
    month === "" ? "a month" : null,
    year === "" ? "a year" : null,
  ].filter((part): part is string => part !== null);
  if (missing.length > 0) {
    const list = missing.length === 1 ? missing[0] : `${missing.slice(0, -1).join(", ")} and ${missing.at(-1)}`;
    return { iso: null, problem: `${what} must include ${list}` };
  }
  if (![day, month, year].every((part) => /^\d+$/.test(part))) {
    return { iso: null, problem: `${what} must be a real date, written in numbers` };
  }
  if (year.length !== 4) return { iso: null, problem: "Year must include 4 numbers" };
  const d = Number(day);
  const m = Number(month);
  const y = Number(year);
  const date = new Date(Date.UTC(y, m - 1, d));
  if (m < 1 || m > 12 || d < 1 || date.getUTCDate() !== d || date.getUTCMonth() !== m - 1) {
    return { iso: null, problem: `${what} must be a real date` };
  }
  const iso = `${year}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
  return { iso, problem: null };
}

/** Today as "YYYY-MM-DD" in local time. */
export function todayIso(now = new Date()): string {
  const month = String(now.getMonth() + 1).padStart(2, "0");
  const day = String(now.getDate()).padStart(2, "0");
  return `${now.getFullYear()}-${month}-${day}`;
}
