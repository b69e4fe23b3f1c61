import { render, screen } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import type { Incident, IncidentFilter } from "../../lib/bindings";
import { fakeRust } from "../../test/tauriFake";

vi.mock("@tauri-apps/api/core", () => ({ invoke: vi.fn() }));

const { invoke } = await import("@tauri-apps/api/core");
const { default: IncidentList } = await import("./IncidentList.svelte");

const incident = (n: number): Incident => ({
  id: `i${n}`,
  reference: `INC-2026-${String(n).padStart(4, "0")}`,
  source: "admin",
  selfDeclared: false,
  receipt: null,
  staffAllegation: false,
  restricted: false,
  status: "open",
  occurredOn: "2026-11-20",
  category: "conduct",
  kind: "cyberbullying",
  createdAt: "2026-11-20T10:00:00Z",
  updatedAt: "2026-11-20T10:00:00Z",
  imageDecisionNeeded: false,
});

/** A log of `count` incidents that answers as Rust does: at most `limit`, newest first. */
function log(count: number) {
  const all = Array.from({ length: count }, (_, n) => incident(count - n));
  const asked: IncidentFilter[] = [];
  vi.mocked(invoke).mockImplementation(
    fakeRust({
      incidents_list: (args) => {
        const filter = args.filter as IncidentFilter;
        asked.push(filter);
        const found = filter.text ? all.filter((i) => i.reference.includes(filter.text)) : all;
        return filter.limit === null ? found : found.slice(0, filter.limit);
      },
      people_search: () => [],
    }),
  );
  render(IncidentList, { onOpen: vi.fn(), onRecord: vi.fn(), onTrends: vi.fn() });
  return asked;
}

describe("The incident list", () => {
  it("shows the newest hundred of a long log, and a hundred more at each press", async () => {
    const asked = log(230);
    expect(await screen.findAllByTestId("incident-row")).toHaveLength(100);
    expect(asked[0].limit).toBe(101);
    expect(screen.getByTestId("incidents-count")).toHaveTextContent("The newest 100 incidents. More match");
    expect(screen.getAllByTestId("incident-link")[0]).toHaveTextContent("INC-2026-0230");

    const user = userEvent.setup();
    await user.click(screen.getByTestId("incidents-show-more"));
    await vi.waitFor(() => expect(screen.getAllByTestId("incident-row")).toHaveLength(200));
    expect(asked.at(-1)?.limit).toBe(201);

    await user.click(screen.getByTestId("incidents-show-more"));
    await vi.waitFor(() => expect(screen.getAllByTestId("incident-row")).toHaveLength(230));
    expect(screen.queryByTestId("incidents-show-more")).toBeNull();
    expect(screen.getByTestId("incidents-count")).toHaveTextContent("230 incidents");
    expect(screen.getAllByTestId("incident-link").at(-1)).toHaveTextContent("INC-2026-0001");
  });

  it("starts again from the first page for a new search", async () => {
    const asked = log(230);
    await screen.findAllByTestId("incident-row");
    const user = userEvent.setup();
    await user.click(screen.getByTestId("incidents-show-more"));
    await vi.waitFor(() => expect(screen.getAllByTestId("incident-row")).toHaveLength(200));
    await user.type(screen.getByTestId("incidents-search"), "INC-2026-01");
    await user.click(screen.getByTestId("incidents-search-submit"));
    await vi.waitFor(() => expect(asked.at(-1)?.text).toBe("INC-2026-01"));
    expect(asked.at(-1)?.limit).toBe(101);
    // INC-2026-0100 to INC-2026-0199: exactly a hundred, so nothing more to show.
    await vi.waitFor(() => expect(screen.getAllByTestId("incident-row")).toHaveLength(100));
    expect(screen.queryByTestId("incidents-show-more")).toBeNull();
    expect(screen.getByTestId("incidents-count")).toHaveTextContent("100 incidents");
  });

  it("shows a short log whole, with no button", async () => {
    log(3);
    expect(await screen.findAllByTestId("incident-row")).toHaveLength(3);
    expect(screen.getByTestId("incidents-count")).toHaveTextContent("3 incidents");
    expect(screen.queryByTestId("incidents-show-more")).toBeNull();
  });
});
