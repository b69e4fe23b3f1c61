import { describe, expect, it } from "vitest";
import { parseDateParts, partsFromIso } from "./dateInput";

const parts = (day: string, month: string, year: string) => ({ day, month, year });

describe("parseDateParts", () => {
  it("sends a real date as YYYY-MM-DD and empty boxes as null", () => {
    expect(parseDateParts(parts("7", "3", "2012"), "Date of birth")).toEqual({ iso: "2012-03-07", problem: null });
    expect(parseDateParts(parts(" ", "", ""), "Date of birth")).toEqual({ iso: null, problem: null });
  });

  it.each([
    [parts("31", "2", "2012"), "Date of birth must be a real date"],
    [parts("29", "2", "2023"), "Date of birth must be a real date"],
    [parts("1", "13", "2012"), "Date of birth must be a real date"],
    [parts("", "3", "2012"), "Date of birth must include a day"],
    [parts("7", "", ""), "Date of birth must include a month and a year"],
    [parts("7", "3", "12"), "Year must include 4 numbers"],
    [parts("7", "March", "2012"), "Date of birth must be a real date, written in numbers"],
  ])("refuses %j", (input, problem) => {
    expect(parseDateParts(input, "Date of birth")).toEqual({ iso: null, problem });
  });

  it("accepts 29 February in a leap year", () => {
    expect(parseDateParts(parts("29", "2", "2024"), "Date").iso).toBe("2024-02-29");
  });

  it("fills the boxes back from a stored date", () => {
    expect(partsFromIso("2012-03-07")).toEqual(parts("7", "3", "2012"));
    expect(partsFromIso(null)).toEqual(parts("", "", ""));
  });
});
