import { render, screen } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import type { IncidentDetail } from "../../lib/bindings";
import { fakeRust } from "../../test/tauriFake";

vi.mock("@tauri-apps/api/core", () => ({ invoke: vi.fn() }));

const { invoke } = await import("@tauri-apps/api/core");
const { default: IncidentView } = await import("./IncidentView.svelte");

const report = {
  entry: "report" as const,
  occurredOn: "2026-11-20",
  occurredAtTime: "15:40",
  reportedOn: "2026-11-21",
  howReported: "At the signing station (receipt C7QM-4TXD)",
  reportedBy: "Ada Pennington",
  reportedTo: "The safeguarding lead, through the signing station",
  place: "Computer room",
  platform: "",
  device: "",
  category: "notYetClassified" as const,
  kind: "other" as const,
  facts: "A learner was sent messages asking to meet.",
  ownWords: "He said he was sixteen.",
  opinion: null,
};

const detail: IncidentDetail = {
  incident: {
    id: "i1",
    reference: "INC-2026-0001",
    source: "signingStation",
    selfDeclared: true,
    receipt: "C7QM-4TXD",
    staffAllegation: false,
    restricted: false,
    status: "open",
    occurredOn: "2026-11-20",
    category: "contact",
    kind: "sexualAbuseOrExploitation",
    createdAt: "2026-11-21T10:00:00Z",
    updatedAt: "2026-11-21T11:00:00Z",
    imageDecisionNeeded: true,
  },
  chronology: [
    { id: "e1", seq: 1, body: report, amends: null, reason: null, recordedAt: "2026-11-21T10:00:00Z", recordedBy: "signing-station" },
    {
      id: "e2",
      seq: 2,
      body: { ...report, category: "contact", kind: "sexualAbuseOrExploitation" },
      amends: "e1",
      reason: "Classified after reading the messages.",
      recordedAt: "2026-11-21T11:00:00Z",
      recordedBy: "admin:a1",
    },
  ],
  current: [["e1", "e2"]],
  access: [],
  route: { judgement: "notYetDecided", decided: null, steps: [], awaitingPolice: false },
  files: [],
  fromFiltering: null,
};

describe("IncidentView", () => {
  it("shows the current report, the young person's words apart, and every entry with its amendment", async () => {
    vi.mocked(invoke).mockImplementation(fakeRust({ incident_get: () => detail }));
    render(IncidentView, { id: "i1", onBack: vi.fn() });
    expect(await screen.findByTestId("incident-reference")).toHaveTextContent("INC-2026-0001");
    expect(screen.getByTestId("incident-report")).toHaveTextContent("Contact: Online sexual abuse or exploitation");
    expect(screen.getByTestId("incident-facts")).toHaveTextContent("asking to meet");
    expect(screen.getByTestId("incident-own-words")).toHaveTextContent("He said he was sixteen.");
    const entries = screen.getAllByTestId("incident-entry");
    expect(entries).toHaveLength(2);
    expect(entries[0]).toHaveTextContent("saved 21 November 2026 at 10:00 by the signing station");
    expect(entries[1]).toHaveTextContent("amendment to entry 1");
    expect(entries[1]).toHaveTextContent("Why it was corrected: Classified after reading the messages.");
    expect(screen.getByText(/identity self-declared/)).toBeInTheDocument();
    // An image in this kind of incident may be indecent: it is never stored, and the viewing
    // decision is asked for.
    expect(screen.getByTestId("incident-image-viewing")).toHaveTextContent("Safekeeper never stores it");
    expect(screen.getByTestId("viewing-none")).toHaveTextContent("No decision recorded yet.");
  });

  it("names the filtering-log breach it was recorded from", async () => {
    const fromLog = { ...detail, fromFiltering: { filteringId: "f1", happenedOn: "2026-11-18", what: "A gambling site loaded." } };
    vi.mocked(invoke).mockImplementation(fakeRust({ incident_get: () => fromLog, settings_get: () => ({ admins: [] }) }));
    render(IncidentView, { id: "i1", onBack: vi.fn() });
    expect(await screen.findByTestId("incident-from-filtering")).toHaveTextContent(
      "Recorded from the filtering log: the breach on 18 November 2026 (“A gambling site loaded.”)",
    );
  });

  it("says so when the incident cannot be opened", async () => {
    vi.mocked(invoke).mockImplementation(
      fakeRust({
        incident_get: () => {
          throw { code: "incident.notFound", message: "That incident was not found, or you do not have access to it." };
        },
      }),
    );
    render(IncidentView, { id: "i9", onBack: vi.fn() });
    expect(await screen.findByTestId("incident-error")).toHaveTextContent("do not have access");
  });

  it("saves the filled report for this incident and says where it went", async () => {
    const print = vi.fn(() => ({ path: "/home/dsl/Incident report INC-2026-0001.pdf" }));
    vi.mocked(invoke).mockImplementation(fakeRust({ incident_get: () => detail, incident_print_report: print }));
    render(IncidentView, { id: "i1", onBack: vi.fn() });
    await userEvent.setup().click(await screen.findByTestId("incident-print-report"));
    expect(await screen.findByTestId("incident-print-report-saved")).toHaveTextContent(
      "Saved to /home/dsl/Incident report INC-2026-0001.pdf",
    );
    expect(print).toHaveBeenCalledWith({ id: "i1" });
  });
});
