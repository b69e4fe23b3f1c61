import { describe, expect, it } from "vitest";
import { fromApril, monthsBefore, presetPeriod } from "./reportPeriod";

describe("report periods", () => {
  it("makes the last 12 months exactly a year, both ends included", () => {
    expect(presetPeriod("last12", "2026-12-02")).toEqual({ from: "2025-12-03", to: "2026-12-02" });
  });

  it("makes the last term four months", () => {
    expect(presetPeriod("lastTerm", "2026-12-02")).toEqual({ from: "2026-08-03", to: "2026-12-02" });
  });

  it("clamps to the end of a shorter month", () => {
    expect(monthsBefore("2026-06-30", 4)).toBe("2026-03-01");
    expect(monthsBefore("2026-03-31", 1)).toBe("2026-03-01");
  });

  it("starts the year on 1 April, last year's before April", () => {
    expect(fromApril("2026-12-02")).toBe("2026-04-01");
    expect(fromApril("2026-04-01")).toBe("2026-04-01");
    expect(fromApril("2026-03-31")).toBe("2025-04-01");
  });

  it("leaves a custom period to the admin", () => {
    expect(presetPeriod("custom", "2026-12-02")).toBeNull();
  });
});
