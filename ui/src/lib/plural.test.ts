import { describe, expect, it } from "vitest";
import { plural } from "./plural";

describe("plural", () => {
  it("uses the singular for exactly one", () => {
    expect(plural(1, "person", "people")).toBe("1 person");
  });

  it("uses the plural for more than one", () => {
    expect(plural(3, "person", "people")).toBe("3 people");
    expect(plural(1000, "row has", "rows have")).toBe("1000 rows have");
  });

  it("uses the plural for none, as English does", () => {
    expect(plural(0, "training record", "training records")).toBe("0 training records");
  });
});
