// The periods a report can cover, worked out from today: the last term (4 months), the last 12
// months, the year from 1 April (the year many charities report on), or two dates chosen by hand.
// Every period ends today and includes both its first and last day.

export type PeriodPreset = "lastTerm" | "last12" | "fromApril" | "custom";

export type Period = { from: string; to: string };

const iso = (d: Date) =>
  `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, "0")}-${String(d.getUTCDate()).padStart(2, "0")}`;

const parse = (day: string) => {
  const [y, m, d] = day.split("-").map(Number);
  return { y, m, d };
};

/** The day after the same date `months` earlier (clamped to the month's last day), so the period is exactly that long. */
export function monthsBefore(today: string, months: number): string {
  const { y, m, d } = parse(today);
  const first = new Date(Date.UTC(y, m - 1 - months, 1));
  const lastDay = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  const same = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth(), Math.min(d, lastDay)));
  same.setUTCDate(same.getUTCDate() + 1);
  return iso(same);
}

/** 1 April of this year, or of last year before 1 April. */
export function fromApril(today: string): string {
  const { y, m } = parse(today);
  return `${m >= 4 ? y : y - 1}-04-01`;
}

/** The period a preset covers; `null` for custom, which the admin types in. */
export function presetPeriod(preset: PeriodPreset, today: string): Period | null {
  switch (preset) {
    case "lastTerm":
      return { from: monthsBefore(today, 4), to: today };
    case "last12":
      return { from: monthsBefore(today, 12), to: today };
    case "fromApril":
      return { from: fromApril(today), to: today };
    case "custom":
      return null;
  }
}
