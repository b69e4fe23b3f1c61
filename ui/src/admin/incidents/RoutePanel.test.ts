import { render, screen, within } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import type { Route } from "../../lib/bindings";
import { fakeRust } from "../../test/tauriFake";

vi.mock("@tauri-apps/api/core", () => ({ invoke: vi.fn() }));

const { invoke } = await import("@tauri-apps/api/core");
const { default: RoutePanel } = await import("./RoutePanel.svelte");

const notJudged: Route = { judgement: "notYetDecided", decided: null, steps: [], awaitingPolice: false };

const illegal: Route = {
  judgement: "illegal",
  decided: { on: "2026-11-21", by: "Sam Okafor", judgement: "illegal", reason: "An adult asked for pictures." },
  steps: [
    {
      step: "coordinatorTold",
      done: { step: "coordinatorTold", on: "2026-11-21", by: "Sam Okafor", details: null, reference: null, illegalFound: null },
    },
    {
      step: "policeTold",
      done: { step: "policeTold", on: "2026-11-21", by: "Sam Okafor", details: null, reference: "CAD 1234", illegalFound: null },
    },
    { step: "evidenceSecured", done: null },
    { step: "policeOutcome", done: null },
  ],
  awaitingPolice: true,
};

describe("RoutePanel", () => {
  it("records a judgement with who, when and why, and says nothing is judged until then", async () => {
    const add = vi.fn(() => ({}));
    vi.mocked(invoke).mockImplementation(fakeRust({ incident_add_entry: add }));
    const onSaved = vi.fn();
    render(RoutePanel, { incidentId: "i1", route: notJudged, closed: false, onSaved });
    expect(screen.getByTestId("route-judgement")).toHaveTextContent("Not yet judged");
    const user = userEvent.setup();
    await user.click(screen.getByTestId("route-judge"));
    // Nothing chosen and nothing typed: each missing answer is named, and Rust is not asked.
    await user.click(screen.getByTestId("route-judge-save"));
    const summary = await screen.findByTestId("route-errors");
    expect(summary).toHaveTextContent("Choose the judgement");
    expect(summary).toHaveTextContent("Enter who made the judgement");
    expect(summary).toHaveTextContent("Say why");
    expect(add).not.toHaveBeenCalled();

    await user.click(screen.getByLabelText("Illegal material or activity"));
    await user.type(screen.getByLabelText("Who made the judgement"), "Sam Okafor");
    await user.type(screen.getByLabelText("Why"), "An adult asked for pictures.");
    await user.click(screen.getByTestId("route-judge-save"));
    expect(add).toHaveBeenCalledWith({
      id: "i1",
      body: expect.objectContaining({ entry: "judgement", judgement: "illegal", by: "Sam Okafor", reason: "An adult asked for pictures." }),
    });
    expect(onSaved).toHaveBeenCalledWith("The judgement has been recorded.");
  });

  it("shows which steps are done and which are open, and that the police have not yet responded", () => {
    vi.mocked(invoke).mockImplementation(fakeRust({}));
    render(RoutePanel, { incidentId: "i1", route: illegal, closed: false, onSaved: vi.fn() });
    expect(screen.getByTestId("route-judgement")).toHaveTextContent("Illegal material or activity, judged by Sam Okafor");
    expect(screen.getByTestId("route-awaiting-police")).toHaveTextContent("Awaiting the police response");
    expect(within(screen.getByTestId("route-step-policeTold")).getByText("Done")).toBeInTheDocument();
    expect(screen.getByTestId("route-step-policeTold")).toHaveTextContent("police reference CAD 1234");
    expect(within(screen.getByTestId("route-step-evidenceSecured")).getByText("Open")).toBeInTheDocument();
    expect(screen.getByTestId("route-record-evidenceSecured")).toBeInTheDocument();
    expect(screen.queryByTestId("route-record-policeTold")).toBeNull();
  });

  it("asks the police response for what was found, and sends the answer with what they said", async () => {
    const add = vi.fn(() => ({}));
    vi.mocked(invoke).mockImplementation(fakeRust({ incident_add_entry: add }));
    render(RoutePanel, { incidentId: "i1", route: illegal, closed: false, onSaved: vi.fn() });
    const user = userEvent.setup();
    await user.click(screen.getByTestId("route-record-policeOutcome"));
    await user.type(screen.getByLabelText("Who did it"), "Sam Okafor");
    await user.click(screen.getByTestId("route-step-save"));
    const summary = await screen.findByTestId("route-errors");
    expect(summary).toHaveTextContent("Say whether the police found illegal material or activity");
    expect(summary).toHaveTextContent("Enter what the police said");
    expect(add).not.toHaveBeenCalled();
    await user.click(screen.getByLabelText("No: the matter goes back to internal procedures"));
    await user.type(screen.getByLabelText("What the police said"), "No offence; no further action.");
    await user.click(screen.getByTestId("route-step-save"));
    expect(add).toHaveBeenCalledWith({
      id: "i1",
      body: expect.objectContaining({ entry: "step", step: "policeOutcome", illegalFound: false, reference: null }),
    });
  });

  it("offers nothing to record on a closed incident", () => {
    vi.mocked(invoke).mockImplementation(fakeRust({}));
    render(RoutePanel, { incidentId: "i1", route: illegal, closed: true, onSaved: vi.fn() });
    expect(screen.queryByTestId("route-judge")).toBeNull();
    expect(screen.queryByTestId("route-record-evidenceSecured")).toBeNull();
  });
});
