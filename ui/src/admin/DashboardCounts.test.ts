import { render, screen } from "@testing-library/svelte";
import { describe, expect, it, vi } from "vitest";
import { fakeRust } from "../test/tauriFake";

vi.mock("@tauri-apps/api/core", () => ({ invoke: vi.fn() }));

const { invoke } = await import("@tauri-apps/api/core");
const { default: RetentionReminder } = await import("./retention/RetentionReminder.svelte");
const { default: ConsentAlerts } = await import("./consent/ConsentAlerts.svelte");

// The dashboard's reminders ask Rust for a number, never for the lists behind it: a large
// organisation has thousands of records due for review, which the dashboard would only count.
describe("The dashboard's counted reminders", () => {
  it("says how many records are due for a retention review from the count alone", async () => {
    vi.mocked(invoke).mockImplementation(fakeRust({ retention_due_count: () => ({ count: 268, more: false }) }));
    render(RetentionReminder, { onOpen: vi.fn() });
    expect(await screen.findByTestId("retention-reminder")).toHaveTextContent("268 records are due for a retention review");
  });

  it("says there are more than a thousand records due when Rust stopped counting there", async () => {
    vi.mocked(invoke).mockImplementation(fakeRust({ retention_due_count: () => ({ count: 1000, more: true }) }));
    render(RetentionReminder, { onOpen: vi.fn() });
    expect(await screen.findByTestId("retention-reminder")).toHaveTextContent(
      "More than 1,000 records are due for a retention review",
    );
  });

  it("says how many images are to come down from the count alone", async () => {
    vi.mocked(invoke).mockImplementation(fakeRust({ takedowns_count: () => ({ count: 3, more: false }), consent_unconfirmed: () => [] }));
    render(ConsentAlerts, { onOpen: vi.fn() });
    expect(await screen.findByTestId("consent-alerts-takedowns")).toHaveTextContent("3 images to take down");
    expect(screen.queryByTestId("consent-alerts-unconfirmed")).toBeNull();
  });

  it("says there are more than the count when Rust stopped counting at its cap", async () => {
    vi.mocked(invoke).mockImplementation(fakeRust({ takedowns_count: () => ({ count: 100, more: true }), consent_unconfirmed: () => [] }));
    render(ConsentAlerts, { onOpen: vi.fn() });
    expect(await screen.findByTestId("consent-alerts-takedowns")).toHaveTextContent("More than 100 images to take down");
  });

  it("shows nothing when nothing is due", async () => {
    vi.mocked(invoke).mockImplementation(
      fakeRust({ retention_due_count: () => ({ count: 0, more: false }), takedowns_count: () => ({ count: 0, more: false }), consent_unconfirmed: () => [] }),
    );
    render(RetentionReminder, { onOpen: vi.fn() });
    render(ConsentAlerts, { onOpen: vi.fn() });
    await new Promise((r) => setTimeout(r, 20));
    expect(screen.queryByTestId("retention-reminder")).toBeNull();
    expect(screen.queryByTestId("consent-alerts")).toBeNull();
  });
});
