import { render, screen, within } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import type { Trends } from "../../lib/bindings";
import { fakeRust } from "../../test/tauriFake";

vi.mock("@tauri-apps/api/core", () => ({ invoke: vi.fn() }));

const { invoke } = await import("@tauri-apps/api/core");
const { default: TrendsView } = await import("./TrendsView.svelte");

const month = (m: string, counts: Partial<Record<"content" | "contact" | "conduct" | "commerce" | "notYetClassified", number>>) => ({
  month: m,
  content: 0,
  contact: 0,
  conduct: 0,
  commerce: 0,
  notYetClassified: 0,
  ...counts,
});

const trends: Trends = {
  from: "2025-12-01",
  to: "2026-11-22",
  months: [month("2026-10", { conduct: 2 }), month("2026-11", { contact: 1, notYetClassified: 1 })],
  kinds: [{ kind: "cyberbullying", count: 2 }, { kind: "other", count: 2 }],
  judgements: [
    { judgement: "illegal", count: 1 },
    { judgement: "unsuitable", count: 2 },
    { judgement: "notYetDecided", count: 1 },
  ],
  total: 4,
};

describe("TrendsView", () => {
  it("asks for the last twelve months and shows the numbers in a table as well as the chart", async () => {
    const call = vi.fn(() => trends);
    vi.mocked(invoke).mockImplementation(fakeRust({ incident_trends: call }));
    render(TrendsView, { onBack: vi.fn(), today: "2026-11-22" });
    expect(await screen.findByTestId("trends-total")).toHaveTextContent("4 incidents happened between 1 December 2025 and 22 November 2026");
    expect(call).toHaveBeenCalledWith({ from: "2025-12-01", to: "2026-11-22" });
    const rows = screen.getAllByTestId("trends-row");
    expect(within(rows[1]).getAllByRole("cell").map((c) => c.textContent)).toEqual(["0", "1", "0", "0", "1", "2"]);
    expect(screen.getByRole("img", { name: /same numbers are in the table/ })).toBeInTheDocument();
    expect(screen.getByTestId("trends-kinds")).toHaveTextContent("Cyberbullying");
    const judged = within(screen.getByTestId("trends-judgements")).getAllByRole("row").slice(1);
    expect(judged.map((r) => r.textContent)).toEqual([
      "Illegal material or activity1",
      "Unsuitable material or activity2",
      "Not yet decided1",
    ]);
  });

  it("names a date that is not a date instead of asking Rust", async () => {
    const call = vi.fn(() => trends);
    vi.mocked(invoke).mockImplementation(fakeRust({ incident_trends: call }));
    render(TrendsView, { onBack: vi.fn(), today: "2026-11-22" });
    await screen.findByTestId("trends-total");
    const month = screen.getAllByLabelText("Month")[0];
    await userEvent.clear(month);
    await userEvent.type(month, "13");
    await userEvent.click(screen.getByTestId("trends-show"));
    expect(await screen.findByTestId("error-summary")).toHaveTextContent("The start of the period must be a real date");
    expect(call).toHaveBeenCalledTimes(1);
  });
});
