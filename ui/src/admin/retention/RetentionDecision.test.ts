import { render, screen, within } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import type { RetentionItem } from "../../lib/bindings";
import { fakeRust, rustError } from "../../test/tauriFake";

vi.mock("@tauri-apps/api/core", () => ({ invoke: vi.fn() }));

const { invoke } = await import("@tauri-apps/api/core");
const { default: RetentionDecision } = await import("./RetentionDecision.svelte");

const item: RetentionItem = {
  kind: "trainingRecord",
  id: "t1",
  label: "Training: Prevent",
  person: "Marek Nowicki",
  recordDate: "2016-03-01",
  rule: "training",
  dueOn: "2023-07-31",
  dateOfBirthUnknown: false,
  keptBefore: false,
};

function choose(label: RegExp) {
  return userEvent.setup().click(screen.getByLabelText(label));
}

describe("A retention decision", () => {
  it("needs a choice and a reason, and erases only after a second, plain confirmation", async () => {
    const decide = vi.fn(() => null);
    vi.mocked(invoke).mockImplementation(fakeRust({ retention_decide: decide }));
    const decided = vi.fn();
    render(RetentionDecision, { item, onDecided: decided, today: "2026-12-03" });
    const user = userEvent.setup();
    expect(screen.getByText("Marek Nowicki")).toBeInTheDocument();
    expect(screen.getByTestId("retention-due-on")).toHaveTextContent("31 July 2023");

    await user.click(screen.getByTestId("retention-keep"));
    const summary = await screen.findByTestId("error-summary");
    expect(summary).toHaveTextContent("Choose whether to keep, hold or erase this record");
    expect(summary).toHaveTextContent("Say why you are making this decision");

    await choose(/Erase it/);
    await user.type(screen.getByTestId("retention-reason"), "He left over six years ago.");
    await user.click(screen.getByTestId("retention-erase"));
    const confirm = await screen.findByTestId("retention-confirm");
    expect(confirm).toHaveTextContent("cannot be undone");
    expect(decide).not.toHaveBeenCalled();

    await user.click(within(confirm).getByTestId("retention-confirm-erase"));
    await vi.waitFor(() => expect(decided).toHaveBeenCalledWith("Training: Prevent has been erased."));
    expect(decide).toHaveBeenCalledWith({
      kind: "trainingRecord",
      id: "t1",
      decision: { decision: "erase", reason: "He left over six years ago." },
    });
  });

  it("keeps a record only with a next review date after today", async () => {
    const decide = vi.fn(() => null);
    vi.mocked(invoke).mockImplementation(fakeRust({ retention_decide: decide }));
    render(RetentionDecision, { item, onDecided: vi.fn(), today: "2026-12-03" });
    const user = userEvent.setup();
    await choose(/Keep it and review it again later/);
    await user.type(screen.getByTestId("retention-reason"), "A claim may still come.");
    await user.type(screen.getByTestId("retention-next-review-day"), "1");
    await user.type(screen.getByTestId("retention-next-review-month"), "12");
    await user.type(screen.getByTestId("retention-next-review-year"), "2026");
    await user.click(screen.getByTestId("retention-keep"));
    expect(await screen.findByTestId("error-summary")).toHaveTextContent("The next review date must be after today");
    expect(decide).not.toHaveBeenCalled();

    await user.clear(screen.getByTestId("retention-next-review-year"));
    await user.type(screen.getByTestId("retention-next-review-year"), "2028");
    await user.click(screen.getByTestId("retention-keep"));
    await vi.waitFor(() =>
      expect(decide).toHaveBeenCalledWith({
        kind: "trainingRecord",
        id: "t1",
        decision: { decision: "keep", reason: "A claim may still come.", nextReview: "2028-12-01" },
      }),
    );
  });

  it("shows Rust's refusal and leaves the form as it was", async () => {
    vi.mocked(invoke).mockImplementation(
      fakeRust({
        retention_decide: () => {
          throw rustError("retention.legalHold", "This record is under a legal hold, so it cannot be erased.");
        },
      }),
    );
    render(RetentionDecision, { item, onDecided: vi.fn(), today: "2026-12-03" });
    const user = userEvent.setup();
    await choose(/Erase it/);
    await user.type(screen.getByTestId("retention-reason"), "Time is up.");
    await user.click(screen.getByTestId("retention-erase"));
    await user.click(await screen.findByTestId("retention-confirm-erase"));
    expect(await screen.findByTestId("error-summary")).toHaveTextContent("under a legal hold");
    expect(screen.getByTestId("retention-reason")).toHaveValue("Time is up.");
  });
});
