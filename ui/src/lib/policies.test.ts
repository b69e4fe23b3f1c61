import { describe, expect, it } from "vitest";
import { addMonths, cycleText, suggestNextVersion } from "./policies";

describe("policy words", () => {
  it("suggests the next version number from the current one", () => {
    expect(suggestNextVersion(null)).toBe("1");
    expect(suggestNextVersion("2")).toBe("3");
    expect(suggestNextVersion("2.9")).toBe("2.10");
    expect(suggestNextVersion("v4")).toBe("v5");
    expect(suggestNextVersion("draft")).toBe("");
  });

  it("says review cycles in years where it can", () => {
    expect(cycleText(12)).toBe("Every year");
    expect(cycleText(24)).toBe("Every 2 years");
    expect(cycleText(18)).toBe("Every 18 months");
  });
});

describe("addMonths: the next review when none is set by hand", () => {
  it("adds whole months and keeps the day", () => {
    expect(addMonths("2022-01-12", 12)).toBe("2023-01-12");
    expect(addMonths("2025-11-20", 18)).toBe("2027-05-20");
  });

  it("uses the last day of a shorter month, as Rust does", () => {
    expect(addMonths("2026-01-31", 1)).toBe("2026-02-28");
    expect(addMonths("2024-02-29", 12)).toBe("2025-02-28");
    expect(addMonths("2023-08-31", 6)).toBe("2024-02-29");
  });
});
