import { describe, expect, it } from "vitest";
import { daysUntil, howFarAway, ukToday } from "./dueDistance";

const today = "2026-12-07";

describe("How far away a due date is", () => {
  it("says today and tomorrow in words", () => {
    expect(howFarAway("2026-12-07", today)).toBe("due today");
    expect(howFarAway("2026-12-08", today)).toBe("due tomorrow");
  });

  it("counts days up to 13, then whole weeks", () => {
    expect(howFarAway("2026-12-09", today)).toBe("due in 2 days");
    expect(howFarAway("2026-12-13", today)).toBe("due in 6 days");
    expect(howFarAway("2026-12-14", today)).toBe("due in 7 days");
    expect(howFarAway("2026-12-20", today)).toBe("due in 13 days");
    expect(howFarAway("2026-12-21", today)).toBe("due in 2 weeks");
    expect(howFarAway("2026-12-27", today)).toBe("due in 2 weeks");
    expect(howFarAway("2026-12-28", today)).toBe("due in 3 weeks");
  });

  it("counts whole weeks until two calendar months, then whole months, then years", () => {
    expect(howFarAway("2027-03-09", "2027-01-10")).toBe("due in 8 weeks");
    expect(howFarAway("2027-03-10", "2027-01-10")).toBe("due in 2 months");
    expect(howFarAway("2027-02-06", today)).toBe("due in 8 weeks");
    expect(howFarAway("2027-02-07", today)).toBe("due in 2 months");
    expect(howFarAway("2027-06-06", today)).toBe("due in 5 months");
    expect(howFarAway("2028-12-06", today)).toBe("due in 23 months");
    expect(howFarAway("2028-12-07", today)).toBe("due in 2 years");
  });

  it("says how long overdue a past date is, with the same steps", () => {
    expect(howFarAway("2026-12-06", today)).toBe("1 day overdue");
    expect(howFarAway("2026-12-01", today)).toBe("6 days overdue");
    expect(howFarAway("2026-11-30", today)).toBe("7 days overdue");
    expect(howFarAway("2026-11-24", today)).toBe("13 days overdue");
    expect(howFarAway("2026-11-23", today)).toBe("2 weeks overdue");
    expect(howFarAway("2026-11-16", today)).toBe("3 weeks overdue");
    expect(howFarAway("2026-10-08", today)).toBe("8 weeks overdue");
    expect(howFarAway("2026-10-07", today)).toBe("2 months overdue");
    expect(howFarAway("2025-12-07", today)).toBe("12 months overdue");
    expect(howFarAway("2024-12-07", today)).toBe("2 years overdue");
  });

  it("counts across the clock changes and month ends without slipping a day", () => {
    // The UK clocks go forward on 29 March 2026 and back on 25 October 2026.
    expect(howFarAway("2026-03-30", "2026-03-29")).toBe("due tomorrow");
    expect(howFarAway("2026-04-04", "2026-03-28")).toBe("due in 7 days");
    expect(howFarAway("2026-10-26", "2026-10-25")).toBe("due tomorrow");
    expect(howFarAway("2026-10-20", "2026-10-27")).toBe("7 days overdue");
    expect(howFarAway("2027-03-01", "2027-02-28")).toBe("due tomorrow");
    expect(howFarAway("2028-03-01", "2028-02-28")).toBe("due in 2 days");
  });

  it("gives nothing for something that is not a calendar date", () => {
    expect(howFarAway("", today)).toBeNull();
    expect(howFarAway("2026-12-07T10:00:00Z", today)).toBeNull();
    expect(howFarAway("2026-12-07", "soon")).toBeNull();
  });
});

describe("Today in the UK", () => {
  it("is the UK date around midnight in winter, whatever the laptop's zone", () => {
    expect(ukToday(new Date("2026-12-06T23:59:00Z"))).toBe("2026-12-06");
    expect(ukToday(new Date("2026-12-07T00:01:00Z"))).toBe("2026-12-07");
  });

  it("is already tomorrow at half past midnight in British Summer Time, while UTC is still today", () => {
    expect(ukToday(new Date("2026-03-29T00:30:00Z"))).toBe("2026-03-29");
    expect(ukToday(new Date("2026-03-29T23:30:00Z"))).toBe("2026-03-30");
    expect(ukToday(new Date("2026-07-14T23:15:00Z"))).toBe("2026-07-15");
    expect(ukToday(new Date("2026-10-24T23:30:00Z"))).toBe("2026-10-25");
    expect(ukToday(new Date("2026-10-25T23:30:00Z"))).toBe("2026-10-25");
  });
});

describe("Days until a date", () => {
  it("is negative once the date has passed, and null for something that is not a date", () => {
    expect(daysUntil("2026-12-08", today)).toBe(1);
    expect(daysUntil("2026-12-07", today)).toBe(0);
    expect(daysUntil("2026-11-30", today)).toBe(-7);
    expect(daysUntil("next week", today)).toBeNull();
  });
});
