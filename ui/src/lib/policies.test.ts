import { describe, expect, it } from "vitest";
import { cycleText, suggestNextVersion } from "./policies";

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
