import { render, screen } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import type { Coverage, CoverageEntry } from "../../lib/bindings";
import AupCoverage from "./AupCoverage.svelte";

const entry = (n: number, signedVersion: number | null): CoverageEntry => ({
  personId: `p${n}`,
  fullName: `Person ${String(n).padStart(3, "0")}`,
  group: "staff",
  signedVersion,
  lastSignedAt: signedVersion === null ? null : "2026-03-01",
});

describe("AUP coverage for a large organisation", () => {
  it("shows a hundred names in a table at a time, counting everyone", async () => {
    const coverage: Coverage = {
      aupId: "aup-staff",
      audience: "staffVolunteers",
      currentVersion: 2,
      currentHash: "ab".repeat(32),
      signedCurrent: Array.from({ length: 250 }, (_, n) => entry(n, 2)),
      needsResign: [entry(900, 1)],
      neverSigned: [],
    };
    render(AupCoverage, { coverage });
    const user = userEvent.setup();
    const rowsIn = (key: string) => screen.getByTestId(`coverage-${key}`).querySelectorAll('[data-testid="coverage-row"]').length;

    expect(screen.getByTestId("coverage-current-count")).toHaveTextContent("(250)");
    expect(rowsIn("current")).toBe(100);
    expect(screen.getByTestId("coverage-current-shown")).toHaveTextContent("The first 100 of 250, by name.");
    // A short table has everything and no button.
    expect(rowsIn("resign")).toBe(1);
    expect(screen.queryByTestId("coverage-resign-show-more")).toBeNull();

    await user.click(screen.getByTestId("coverage-current-show-more"));
    expect(rowsIn("current")).toBe(200);
    await user.click(screen.getByTestId("coverage-current-show-more"));
    expect(rowsIn("current")).toBe(250);
    expect(screen.queryByTestId("coverage-current-show-more")).toBeNull();
    expect(screen.queryByTestId("coverage-current-shown")).toBeNull();
    expect(screen.getByTestId("coverage-current")).toHaveTextContent("Person 249");
  });
});
