import { describe, expect, it } from "vitest";
import { countsText, stepText, tableLabel } from "./backup";

describe("backup counts in words", () => {
  it("names each table with rows, singular for one, and leaves empty tables out", () => {
    expect(
      countsText([
        ["people", 3],
        ["signatures", 0],
        ["incidents", 1],
        ["audit", 1200],
      ]),
    ).toBe("3 people, 1 incident, 1,200 audit entries");
  });

  it("says so when nothing is counted", () => {
    expect(countsText([["people", 0]])).toBe("no records");
  });

  it("gives a heading label with a capital", () => {
    expect(tableLabel("policy_versions")).toBe("Policy reviews");
  });
});

describe("backup progress in words", () => {
  it("numbers each step out of four, in order", () => {
    expect(stepText("copying")).toBe("Step 1 of 4: Copying the records");
    expect(stepText("checking")).toBe("Step 4 of 4: Reading it back and checking it");
  });
});
