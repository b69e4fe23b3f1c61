import { describe, expect, it } from "vitest";
import { fullNameProblem, INITIALS_MESSAGE, ONE_PART_MESSAGE } from "./people";

describe("fullNameProblem (mirrors Rust's validate_full_name)", () => {
  it.each(["J. S.", "J.S.", "A B", "j s"])("calls %j initials only", (name) => {
    expect(fullNameProblem(name)).toBe(INITIALS_MESSAGE);
  });

  it.each(["JS", "Smith", "Madonna"])("calls %j one part", (name) => {
    expect(fullNameProblem(name)).toBe(ONE_PART_MESSAGE);
  });

  it.each(["Li Na", "J Smith", "Mary-Jane O'Neil", "Zoë Ångström"])("accepts %j", (name) => {
    expect(fullNameProblem(name)).toBeNull();
  });

  it("asks for a name when the box is blank", () => {
    expect(fullNameProblem("   ")).toBe("Enter the person's full name");
  });
});
