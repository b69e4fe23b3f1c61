import { describe, expect, it } from "vitest";
import { auditStatusText, formatDate } from "./format";

describe("auditStatusText", () => {
  const base = { head: "ab12", firstBadRow: null };

  it("says every entry is intact when verified", () => {
    expect(auditStatusText({ ...base, rows: 42, verified: true })).toBe(
      "Verified: all 42 entries are intact",
    );
    expect(auditStatusText({ ...base, rows: 1, verified: true })).toBe(
      "Verified: the 1 entry is intact",
    );
  });

  it("names the first bad entry when the chain is broken", () => {
    expect(auditStatusText({ ...base, rows: 42, verified: false, firstBadRow: 17 })).toBe(
      "Problem found at entry 17",
    );
  });
});

describe("formatDate", () => {
  it("writes a date the British way", () => {
    expect(formatDate("2025-11-22T09:30:00Z")).toBe("22 November 2025");
  });

  it("leaves text that is not a date alone", () => {
    expect(formatDate("soon")).toBe("soon");
  });
});

describe("formatDate for calendar dates", () => {
  it("shows a YYYY-MM-DD date on its own day, whatever the time zone", () => {
    expect(formatDate("2026-11-22")).toBe("22 November 2026");
    expect(formatDate("2012-03-01")).toBe("1 March 2012");
  });
});

describe("formatDateTime", () => {
  it("shows UK time on both sides of the clock change", async () => {
    const { formatDateTime } = await import("./format");
    expect(formatDateTime("2026-07-01T09:37:00Z")).toBe("1 July 2026 at 10:37");
    expect(formatDateTime("2026-11-22T09:37:00Z")).toBe("22 November 2026 at 09:37");
    expect(formatDateTime("not a date")).toBe("not a date");
  });
});
