import { render, screen } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import type { RetentionItem, RetentionPage, RetentionRules } from "../../lib/bindings";
import { fakeRust } from "../../test/tauriFake";

vi.mock("@tauri-apps/api/core", () => ({ invoke: vi.fn() }));

const { invoke } = await import("@tauri-apps/api/core");
const { default: RetentionPageView } = await import("./RetentionPage.svelte");

const why = "Long enough to answer any question about it.";
const rules: RetentionRules = {
  childProtection: { years: 25, why },
  staffAllegation: { retirementAge: 67, years: 10, why },
  imageConsent: { years: 5, why },
  aupSignature: { years: 6, why },
  training: { years: 6, why },
};

function item(n: number): RetentionItem {
  return {
    kind: "trainingRecord",
    id: `t${n}`,
    label: "Training: Prevent",
    person: `Person ${n}`,
    recordDate: "2016-03-01",
    rule: "training",
    dueOn: "2023-07-31",
    dateOfBirthUnknown: false,
    keptBefore: false,
  };
}

/** What Rust answers for `limit`: `due` records due and `held` on hold in all, the first `limit` of each. */
function answer(due: number, held: number) {
  return (args: Record<string, unknown>): RetentionPage => {
    const limit = Number(args.limit);
    const cap = (n: number) => ({ count: Math.min(n, 1000), more: n > 1000 });
    return {
      due: Array.from({ length: Math.min(due, limit) }, (_, n) => item(n)),
      dueCount: cap(due),
      onHold: Array.from({ length: Math.min(held, limit) }, (_, n) => item(10_000 + n)),
      onHoldCount: cap(held),
    };
  };
}

describe("The retention review page", () => {
  it("shows the first hundred due, says how many there are, and asks for a hundred more", async () => {
    const due = vi.fn(answer(1500, 2));
    vi.mocked(invoke).mockImplementation(fakeRust({ retention_due: due, retention_rules: () => rules }));
    render(RetentionPageView);
    expect(await screen.findByTestId("retention-due-shown")).toHaveTextContent(
      "The 100 due longest ago are shown, of more than 1,000 records due.",
    );
    expect(screen.getAllByTestId("retention-item")).toHaveLength(100);
    expect(due).toHaveBeenLastCalledWith({ limit: 100 });
    expect(screen.queryByTestId("retention-held-show-more")).toBeNull();

    await userEvent.setup().click(screen.getByTestId("retention-due-show-more"));
    expect(due).toHaveBeenLastCalledWith({ limit: 200 });
    expect(await screen.findByText("The 200 due longest ago are shown, of more than 1,000 records due.", { exact: false })).toBeTruthy();
  });

  it("says nothing of more when every record due is shown", async () => {
    vi.mocked(invoke).mockImplementation(fakeRust({ retention_due: answer(3, 0), retention_rules: () => rules }));
    render(RetentionPageView);
    await screen.findByTestId("retention-due-list");
    expect(screen.getAllByTestId("retention-item")).toHaveLength(3);
    expect(screen.queryByTestId("retention-due-shown")).toBeNull();
    expect(screen.queryByTestId("retention-due-show-more")).toBeNull();
    expect(screen.queryByTestId("retention-held-list")).toBeNull();
  });

  it("counts the records on hold and shows more of them too", async () => {
    const due = vi.fn(answer(0, 140));
    vi.mocked(invoke).mockImplementation(fakeRust({ retention_due: due, retention_rules: () => rules }));
    render(RetentionPageView);
    expect(await screen.findByTestId("retention-none-due")).toBeTruthy();
    expect(screen.getByTestId("retention-held-shown")).toHaveTextContent("100 of the 140 records on hold are shown");
    await userEvent.setup().click(screen.getByTestId("retention-held-show-more"));
    expect(due).toHaveBeenLastCalledWith({ limit: 200 });
    await vi.waitFor(() => expect(screen.queryByTestId("retention-held-shown")).toBeNull());
  });
});
