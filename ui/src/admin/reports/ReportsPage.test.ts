import { render, screen } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { fakeRust, rustError } from "../../test/tauriFake";

vi.mock("@tauri-apps/api/core", () => ({ invoke: vi.fn() }));

const { invoke } = await import("@tauri-apps/api/core");
const { default: ReportsPage } = await import("./ReportsPage.svelte");

const TODAY = "2026-12-02";
const SAVED = { path: "/media/usb/Trustee report.pdf" };

function show(print: (args: Record<string, unknown>) => unknown) {
  const call = vi.fn(print);
  vi.mocked(invoke).mockImplementation(fakeRust({ trustee_report_print: call }));
  render(ReportsPage, { today: TODAY });
  return { call, user: userEvent.setup() };
}

describe("ReportsPage", () => {
  it("sends the last term by default and says where the report was saved", async () => {
    const { call, user } = show(() => SAVED);
    await user.click(screen.getByTestId("report-trustee-save"));
    expect(await screen.findByTestId("report-trustee-save-saved")).toHaveTextContent("Saved to /media/usb/Trustee report.pdf");
    expect(call).toHaveBeenCalledWith({ from: "2026-08-03", to: TODAY });
  });

  it("sends the last 12 months and the year from 1 April when chosen", async () => {
    const { call, user } = show(() => SAVED);
    await user.click(screen.getByTestId("report-period-last12"));
    expect(screen.getByText("3 December 2025 to 2 December 2026")).toBeInTheDocument();
    await user.click(screen.getByTestId("report-trustee-save"));
    await screen.findByTestId("report-trustee-save-saved");
    expect(call).toHaveBeenLastCalledWith({ from: "2025-12-03", to: TODAY });

    await user.click(screen.getByTestId("report-period-april"));
    await user.click(screen.getByTestId("report-trustee-save"));
    await vi.waitFor(() => expect(call).toHaveBeenLastCalledWith({ from: "2026-04-01", to: TODAY }));
  });

  it("sends the dates typed for a custom period", async () => {
    const { call, user } = show(() => SAVED);
    await user.click(screen.getByTestId("report-period-custom"));
    const day = screen.getByTestId("report-from-day");
    const month = screen.getByTestId("report-from-month");
    const year = screen.getByTestId("report-from-year");
    await user.clear(day);
    await user.type(day, "1");
    await user.clear(month);
    await user.type(month, "9");
    await user.clear(year);
    await user.type(year, "2026");
    await user.click(screen.getByTestId("report-trustee-save"));
    await screen.findByTestId("report-trustee-save-saved");
    expect(call).toHaveBeenCalledWith({ from: "2026-09-01", to: TODAY });
  });

  it("names a date that is not a date in the error summary instead of asking Rust", async () => {
    const { call, user } = show(() => SAVED);
    await user.click(screen.getByTestId("report-period-custom"));
    const month = screen.getByTestId("report-to-month");
    await user.clear(month);
    await user.type(month, "13");
    await user.click(screen.getByTestId("report-trustee-save"));
    const summary = await screen.findByTestId("error-summary");
    expect(summary).toHaveTextContent("The end of the period must be a real date");
    expect(screen.getByRole("link", { name: /The end of the period/ })).toHaveAttribute("href", "#report-to");
    expect(call).not.toHaveBeenCalled();
    expect(screen.queryByTestId("report-trustee-save-saved")).toBeNull();
  });

  it("puts Rust's refusal in the error summary", async () => {
    const { user } = show(() => {
      throw rustError("report.periodInFuture", "The period cannot end after today. Choose an end date of today or earlier.");
    });
    await user.click(screen.getByTestId("report-trustee-save"));
    expect(await screen.findByTestId("error-summary")).toHaveTextContent("The period cannot end after today");
    expect(screen.queryByTestId("report-trustee-save-saved")).toBeNull();
  });
});
