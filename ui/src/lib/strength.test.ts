import { describe, expect, it } from "vitest";
import { strengthLabel } from "./strength";

describe("strengthLabel", () => {
  it("clamps scores outside zxcvbn's 0 to 4", () => {
    expect(strengthLabel(-1)).toBe("Too weak");
    expect(strengthLabel(9)).toBe("Very strong");
  });
});
