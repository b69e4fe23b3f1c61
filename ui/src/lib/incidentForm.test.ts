import { describe, expect, it } from "vitest";
import type { IncidentEntryBody } from "./bindings";
import { buildEntry, emptyFields, fieldsFrom } from "./incidentForm";

const TODAY = "2026-11-22";

describe("buildEntry", () => {
  it("names each box that needs an answer, linked by id", () => {
    const built = buildEntry("report", { ...emptyFields(TODAY), reportedOn: { day: "", month: "", year: "" } }, "report");
    expect(built.body).toBeNull();
    expect(built.problems.map((p) => p.fieldId)).toEqual([
      "report-occurred-on",
      "report-reported-on",
      "report-category",
      "report-kind",
    ]);
  });

  it("sends 'told' with a date and who, and 'not told' with the reason only", () => {
    const told = buildEntry("parentsInformed", { ...emptyFields(TODAY), informed: "yes", by: "Sam Okafor", whyNot: "stale" }, "e");
    expect(told.body).toEqual({ entry: "parentsInformed", informed: true, on: TODAY, by: "Sam Okafor", whyNot: null });
    const notTold = buildEntry("parentsInformed", { ...emptyFields(TODAY), informed: "no", whyNot: "Risk to the child." }, "e");
    expect(notTold.body).toEqual({ entry: "parentsInformed", informed: false, on: null, by: null, whyNot: "Risk to the child." });
  });

  it("leaves empty optional boxes out of a referral", () => {
    const built = buildEntry("referral", { ...emptyFields(TODAY), agency: "lado", reference: "  " }, "e");
    expect(built.body).toEqual({ entry: "referral", agency: "lado", otherAgency: null, on: TODAY, reference: null, outcome: null });
  });
});

describe("fieldsFrom", () => {
  it("fills the form from a saved entry so a correction starts from what it says now", () => {
    const saved: IncidentEntryBody[] = [
      { entry: "action", on: "2026-11-20", by: "DSL", what: "Called the parent." },
      { entry: "referral", agency: "other", otherAgency: "Youth offending team", on: "2026-11-21", reference: "Y-1", outcome: null },
      { entry: "outcome", outcome: "Resolved.", sanctions: null, lessonsLearnt: "Brief staff.", policyChanges: null },
    ];
    for (const body of saved) {
      const kind = body.entry as "action" | "referral" | "outcome";
      expect(buildEntry(kind, fieldsFrom(body, TODAY), "e").body).toEqual(body);
    }
  });
});
