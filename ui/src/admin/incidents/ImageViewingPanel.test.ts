import { render, screen } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import type { Incident, IncidentFilter } from "../../lib/bindings";
import { fakeRust } from "../../test/tauriFake";

vi.mock("@tauri-apps/api/core", () => ({ invoke: vi.fn() }));

const { invoke } = await import("@tauri-apps/api/core");
const { default: ImageViewingPanel } = await import("./ImageViewingPanel.svelte");
const { default: ImageDecisionsDue } = await import("./ImageDecisionsDue.svelte");

describe("ImageViewingPanel", () => {
  it("asks, when the image was viewed, who, why and what happened to the device, and sends only those answers", async () => {
    const add = vi.fn(() => ({}));
    vi.mocked(invoke).mockImplementation(fakeRust({ incident_add_entry: add }));
    const onSaved = vi.fn();
    render(ImageViewingPanel, { incidentId: "i1", decisions: [], closed: false, onSaved });
    const user = userEvent.setup();
    await user.click(screen.getByTestId("viewing-record"));
    await user.click(screen.getByLabelText("Yes, it was viewed"));
    await user.click(screen.getByTestId("viewing-save"));
    const summary = await screen.findByTestId("viewing-errors");
    expect(summary).toHaveTextContent("Enter who viewed it");
    expect(summary).toHaveTextContent("Say why it had to be viewed");
    expect(summary).toHaveTextContent("Say what happened to the device");
    expect(add).not.toHaveBeenCalled();

    await user.type(screen.getByLabelText("Who viewed it"), "Sam Okafor");
    await user.type(screen.getByLabelText("Why it had to be viewed"), "The police asked us to confirm it.");
    await user.type(screen.getByLabelText("What happened to the device"), "Handed to the police.");
    await user.click(screen.getByTestId("viewing-save"));
    expect(add).toHaveBeenCalledWith({
      id: "i1",
      body: expect.objectContaining({
        entry: "imageViewing",
        viewed: true,
        by: "Sam Okafor",
        justification: "The police asked us to confirm it.",
        device: "Handed to the police.",
        reasonNotViewed: null,
      }),
    });
    expect(onSaved).toHaveBeenCalledWith("The image viewing decision has been recorded.");
  });

  it("shows each recorded decision and offers nothing to record once closed", () => {
    vi.mocked(invoke).mockImplementation(fakeRust({}));
    const decision = {
      viewed: false,
      on: "2026-11-21",
      by: "Sam Okafor",
      whyNotTheDsl: null,
      justification: null,
      othersPresent: null,
      device: null,
      reasonNotViewed: "The description was enough to refer.",
    };
    render(ImageViewingPanel, { incidentId: "i1", decisions: [decision], closed: true, onSaved: vi.fn() });
    expect(screen.getByTestId("viewing-decisions")).toHaveTextContent("Not viewed: decided on 21 November 2026 by Sam Okafor");
    expect(screen.queryByTestId("viewing-none")).toBeNull();
    expect(screen.queryByTestId("viewing-record")).toBeNull();
  });
});

describe("ImageDecisionsDue", () => {
  const incident = (id: string, imageDecisionNeeded: boolean): Incident => ({
    id,
    reference: `INC-2026-000${id}`,
    source: "admin",
    selfDeclared: false,
    receipt: null,
    staffAllegation: false,
    restricted: false,
    status: "open",
    occurredOn: "2026-11-20",
    category: "conduct",
    kind: imageDecisionNeeded ? "nudesOrSemiNudes" : "cyberbullying",
    createdAt: "2026-11-20T10:00:00Z",
    updatedAt: "2026-11-20T10:00:00Z",
    imageDecisionNeeded,
  });

  // As Rust answers: the filter for decisions due leaves the rest out.
  const listing = (all: Incident[]) => (args: Record<string, unknown>) => {
    const filter = args.filter as IncidentFilter;
    return filter.imageDecisionDue ? all.filter((i) => i.imageDecisionNeeded) : all;
  };

  it("asks Rust for only the incidents still needing a viewing decision, each a link to its record", async () => {
    const asked: IncidentFilter[] = [];
    const list = listing([incident("1", true), incident("2", false)]);
    vi.mocked(invoke).mockImplementation(
      fakeRust({
        incidents_list: (args) => {
          asked.push(args.filter as IncidentFilter);
          return list(args);
        },
      }),
    );
    const onOpen = vi.fn();
    render(ImageDecisionsDue, { onOpen });
    const rows = await screen.findAllByTestId("image-decision-due");
    expect(rows).toHaveLength(1);
    expect(screen.getByTestId("image-decisions")).toHaveTextContent("1 incident involves an image that may be indecent");
    await userEvent.click(screen.getByTestId("image-decision-link"));
    expect(onOpen).toHaveBeenCalledWith("1");
    expect(asked).toHaveLength(1);
    expect(asked[0].imageDecisionDue).toBe(true);
  });

  it("shows nothing when every such incident has its decision", async () => {
    vi.mocked(invoke).mockImplementation(fakeRust({ incidents_list: listing([incident("2", false)]) }));
    render(ImageDecisionsDue, { onOpen: vi.fn() });
    await new Promise((r) => setTimeout(r, 20));
    expect(screen.queryByTestId("image-decisions")).toBeNull();
  });
});
