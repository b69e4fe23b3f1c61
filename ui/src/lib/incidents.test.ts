import { describe, expect, it } from "vitest";
import { entrySummary, entryTitle } from "./incidents";

describe("entrySummary", () => {
  it("names the agency, date and reference of a referral", () => {
    const text = entrySummary({ entry: "referral", agency: "lado", otherAgency: null, on: "2026-11-21", reference: "L-77", outcome: null });
    expect(text).toBe("LADO, 21 November 2026. Reference L-77.");
  });

  it("uses the organisation's own name for an 'other' referral", () => {
    const text = entrySummary({ entry: "referral", agency: "other", otherAgency: "Youth offending team", on: "2026-11-21", reference: null, outcome: "No further action" });
    expect(text).toBe("Youth offending team, 21 November 2026. Outcome: No further action");
  });

  it("says why parents were not told, and who signed off a closure", () => {
    expect(entrySummary({ entry: "parentsInformed", informed: false, on: null, by: null, whyNot: "Telling them would put the child at risk." })).toBe(
      "Not told. Why: Telling them would put the child at risk.",
    );
    const closed = entrySummary({ entry: "status", to: "closed", signOff: { name: "Morgan Ellis", on: "2026-11-22" }, reason: null });
    expect(closed).toBe("Now closed. Signed off by Morgan Ellis on 22 November 2026.");
    expect(entryTitle({ entry: "status", to: "open", signOff: null, reason: "New information" })).toBe("Status changed");
  });
});
