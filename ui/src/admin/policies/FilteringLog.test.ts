import { render, screen, within } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import type { LoggedFiltering } from "../../lib/bindings";
import { fakeRust } from "../../test/tauriFake";

vi.mock("@tauri-apps/api/core", () => ({ invoke: vi.fn() }));

const { invoke } = await import("@tauri-apps/api/core");
const { default: FilteringLog } = await import("./FilteringLog.svelte");

const breach: LoggedFiltering = {
  id: "f1",
  happenedOn: "2026-11-18",
  kind: "breach",
  what: "A gambling site loaded on the club laptop.",
  who: "Youth worker",
  why: "Reported it to the provider.",
  incident: null,
};
const change: LoggedFiltering = { ...breach, id: "f2", kind: "change", what: "New provider.", incident: null };

describe("FilteringLog", () => {
  it("records a breach as an incident in one step, and the line then names the incident", async () => {
    let recorded = false;
    const make = vi.fn(() => {
      recorded = true;
      return { id: "i9", reference: "INC-2026-0009" };
    });
    const log = () => [recorded ? { ...breach, incident: { id: "i9", reference: "INC-2026-0009" } } : breach, change];
    vi.mocked(invoke).mockImplementation(fakeRust({ filtering_log: log, incident_from_filtering_breach: make }));
    render(FilteringLog, { today: "2026-11-22" });
    const rows = await screen.findAllByTestId("filtering-row");
    expect(within(rows[1]).queryByTestId("filtering-record-incident")).toBeNull();
    await userEvent.click(within(rows[0]).getByTestId("filtering-record-incident"));
    expect(make).toHaveBeenCalledWith({ filteringId: "f1" });
    expect(await screen.findByTestId("filtering-recorded")).toHaveTextContent("recorded as incident INC-2026-0009");
    expect(await screen.findByTestId("filtering-incident")).toHaveTextContent("INC-2026-0009");
    expect(screen.queryByTestId("filtering-record-incident")).toBeNull();
  });
});
