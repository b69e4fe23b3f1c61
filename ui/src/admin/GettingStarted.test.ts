import { render, screen, within } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import type { GettingStarted as List } from "../lib/bindings";
import { fakeRust, rustError, type Handler } from "../test/tauriFake";

vi.mock("@tauri-apps/api/core", () => ({ invoke: vi.fn() }));

const { invoke } = await import("@tauri-apps/api/core");
const { default: GettingStarted } = await import("./GettingStarted.svelte");

const halfway: List = {
  show: true,
  steps: [
    { step: "addPeople", done: true },
    { step: "showStaffAup", done: true },
    { step: "reviewOnlineSafetyPolicy", done: false },
    { step: "recordTraining", done: false },
    { step: "firstBackup", done: false },
  ],
};

function open(handlers: Record<string, Handler> = {}) {
  const rust = { getting_started: vi.fn(() => halfway), ...handlers };
  vi.mocked(invoke).mockImplementation(fakeRust(rust));
  const go = {
    onOpenPeople: vi.fn(),
    onOpenAups: vi.fn(),
    onOpenPolicy: vi.fn(),
    onOpenTraining: vi.fn(),
    onOpenSettings: vi.fn(),
  };
  render(GettingStarted, go);
  return { rust, go };
}

describe("Getting started on the dashboard", () => {
  it("lists the five first steps, ticks off those the records show done, and links to the rest", async () => {
    const { go } = open();
    const panel = await screen.findByTestId("getting-started");
    expect(within(panel).getByTestId("getting-started-left")).toHaveTextContent("3 steps to go.");
    const steps = within(panel).getAllByTestId("getting-started-step");
    expect(steps.map((s) => s.dataset.step)).toEqual([
      "addPeople",
      "showStaffAup",
      "reviewOnlineSafetyPolicy",
      "recordTraining",
      "firstBackup",
    ]);
    expect(within(steps[0]).getByTestId("getting-started-done")).toHaveTextContent("Done");
    expect(within(steps[0]).queryByTestId("getting-started-link")).toBeNull();
    expect(within(steps[2]).queryByTestId("getting-started-done")).toBeNull();

    const user = userEvent.setup();
    await user.click(within(steps[2]).getByTestId("getting-started-link"));
    expect(go.onOpenPolicy).toHaveBeenCalledWith("policy-online-safety");
    await user.click(within(steps[3]).getByTestId("getting-started-link"));
    expect(go.onOpenTraining).toHaveBeenCalledOnce();
    await user.click(within(steps[4]).getByTestId("getting-started-link"));
    expect(go.onOpenSettings).toHaveBeenCalledOnce();
    expect(go.onOpenPeople).not.toHaveBeenCalled();
  });

  it("go_to_staff_aup_opens_the_staff_aup: the AUP step's link names and opens the staff AUP, not the list", async () => {
    const { go } = open({
      getting_started: vi.fn(() => ({ ...halfway, steps: halfway.steps.map((s) => ({ ...s, done: s.step === "addPeople" })) })),
    });
    const step = (await screen.findAllByTestId("getting-started-step")).find((s) => s.dataset.step === "showStaffAup")!;
    const link = within(step).getByTestId("getting-started-link");
    expect(link).toHaveTextContent("Go to the staff AUP");
    await userEvent.setup().click(link);
    expect(go.onOpenAups).toHaveBeenCalledWith({ audience: "staffVolunteers" });
  });

  it("names each link's step for screen readers", async () => {
    open();
    await screen.findByTestId("getting-started");
    expect(screen.getByRole("link", { name: "Go to Training: record the training your staff have done" })).toBeInTheDocument();
  });

  it("shows nothing once Rust says not to (all done, or hidden)", async () => {
    const { rust } = open({ getting_started: vi.fn(() => ({ ...halfway, show: false })) });
    await vi.waitFor(() => expect(rust.getting_started).toHaveBeenCalled());
    await Promise.resolve();
    expect(screen.queryByTestId("getting-started")).toBeNull();
  });

  it("hides the list for good when asked, and says so if it could not", async () => {
    const hideOk = vi.fn(() => null);
    open({ getting_started_hide: hideOk });
    const user = userEvent.setup();
    await user.click(await screen.findByTestId("getting-started-hide"));
    expect(hideOk).toHaveBeenCalledOnce();
    expect(screen.queryByTestId("getting-started")).toBeNull();
  });

  it("keeps the list and says why when hiding fails", async () => {
    open({
      getting_started_hide: () => {
        throw rustError("vault.io", "Safekeeper could not save that. Try again.");
      },
    });
    const user = userEvent.setup();
    await user.click(await screen.findByTestId("getting-started-hide"));
    expect(await screen.findByTestId("getting-started-error")).toHaveTextContent("could not save that");
    expect(screen.getByTestId("getting-started")).toBeInTheDocument();
  });
});
