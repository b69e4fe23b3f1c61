import { render, screen } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { fakeRust } from "../../test/tauriFake";

vi.mock("@tauri-apps/api/core", () => ({ invoke: vi.fn() }));

const { invoke } = await import("@tauri-apps/api/core");
const { default: StatusPanel } = await import("./StatusPanel.svelte");

describe("StatusPanel", () => {
  it("names what is missing before closing, and sends the sign-off once it is there", async () => {
    const change = vi.fn();
    vi.mocked(invoke).mockImplementation(fakeRust({ incident_change_status: change }));
    const onChanged = vi.fn();
    const { rerender } = render(StatusPanel, { incidentId: "i1", status: "open", hasOutcome: false, onChanged });
    const user = userEvent.setup();
    await user.click(screen.getByTestId("incident-close"));
    await user.click(screen.getByTestId("close-confirm"));
    const summary = await screen.findByTestId("status-errors");
    expect(summary).toHaveTextContent("Record the outcome first");
    expect(summary).toHaveTextContent("Enter the reviewing admin's name");
    expect(change).not.toHaveBeenCalled();

    await rerender({ incidentId: "i1", status: "open", hasOutcome: true, onChanged });
    await user.type(screen.getByTestId("signoff-name"), "Morgan Ellis");
    await user.click(screen.getByTestId("close-confirm"));
    expect(change).toHaveBeenCalledWith({
      id: "i1",
      change: { to: "closed", signOff: { name: "Morgan Ellis", on: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) }, reason: null },
    });
    expect(onChanged).toHaveBeenCalled();
  });

  it("asks why before reopening a closed incident", async () => {
    const change = vi.fn();
    vi.mocked(invoke).mockImplementation(fakeRust({ incident_change_status: change }));
    render(StatusPanel, { incidentId: "i1", status: "closed", hasOutcome: true, onChanged: vi.fn() });
    const user = userEvent.setup();
    await user.click(screen.getByTestId("incident-reopen"));
    await user.click(screen.getByTestId("reopen-confirm"));
    expect(await screen.findByTestId("status-errors")).toHaveTextContent("Say why the incident is being reopened");
    await user.type(screen.getByTestId("reopen-reason"), "The family raised something new.");
    await user.click(screen.getByTestId("reopen-confirm"));
    expect(change).toHaveBeenCalledWith({ id: "i1", change: { to: "open", signOff: null, reason: "The family raised something new." } });
  });
});
