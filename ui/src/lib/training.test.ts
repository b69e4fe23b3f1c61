import { describe, expect, it } from "vitest";
import { cellDetail, cellDistance, renewalText } from "./training";

describe("training words", () => {
  it("says renewal periods in years where it can", () => {
    expect(renewalText({ every: "never" })).toBe("Once only");
    expect(renewalText({ every: "months", months: 12 })).toBe("Every year");
    expect(renewalText({ every: "months", months: 36 })).toBe("Every 3 years");
    expect(renewalText({ every: "months", months: 18 })).toBe("Every 18 months");
    expect(renewalText({ every: "months", months: 1 })).toBe("Every month");
  });

  it("says when a cell was done or falls due", () => {
    const base = { courseId: "c", required: true, lastCompleted: null, nextDue: null, status: null };
    expect(cellDetail({ ...base, required: false })).toBe("Not required");
    expect(cellDetail({ ...base, status: "neverDone" })).toBe("No record");
    expect(cellDetail({ ...base, lastCompleted: "2025-09-01", status: "inDate" })).toBe("Done 1 September 2025");
    expect(cellDetail({ ...base, lastCompleted: "2025-11-01", nextDue: "2026-11-01", status: "overdue" })).toBe(
      "Was due 1 November 2026",
    );
    expect(cellDetail({ ...base, lastCompleted: "2026-01-10", nextDue: "2027-01-10", status: "dueIn60" })).toBe(
      "Due 10 January 2027",
    );
  });

  it("says how far away a cell's next due date is, and nothing when none falls due", () => {
    const base = { courseId: "c", required: true, lastCompleted: null, nextDue: null, status: null };
    const today = "2026-11-22";
    expect(cellDistance({ ...base, lastCompleted: "2025-11-01", nextDue: "2026-11-01", status: "overdue" }, today)).toBe(
      "3 weeks overdue",
    );
    expect(cellDistance({ ...base, lastCompleted: "2025-11-23", nextDue: "2026-11-23", status: "dueIn30" }, today)).toBe(
      "due tomorrow",
    );
    expect(cellDistance({ ...base, lastCompleted: "2026-01-10", nextDue: "2027-01-10", status: "dueIn60" }, today)).toBe(
      "due in 7 weeks",
    );
    expect(cellDistance({ ...base, lastCompleted: "2025-09-01", status: "inDate" }, today)).toBeNull();
    expect(cellDistance({ ...base, status: "neverDone" }, today)).toBeNull();
  });
});
