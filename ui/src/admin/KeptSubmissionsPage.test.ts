import { render, screen, within } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import type { KeptSubmission } from "../lib/bindings";
import { fakeRust, rustError } from "../test/tauriFake";

vi.mock("@tauri-apps/api/core", () => ({ invoke: vi.fn() }));

const { invoke } = await import("@tauri-apps/api/core");
const { default: KeptSubmissionsPage } = await import("./KeptSubmissionsPage.svelte");
const { default: NewConcerns } = await import("./incidents/NewConcerns.svelte");

const concern: KeptSubmission = {
  fileName: "00000004-aaaa.age",
  problem: "rejected",
  submission: "concern",
  receipt: "K7QM-4TXD",
  handedInAt: "2026-11-30T10:15:00Z",
  reason: "This submission could be read but the records refused it. The reason: Shorten where it happened.",
  setAside: false,
  urgent: true,
};

const duplicate: KeptSubmission = {
  fileName: "00000002-bbbb.age",
  problem: "duplicate",
  submission: "aupSignature",
  receipt: "ABCD-EFGH",
  handedInAt: "2026-11-29T09:00:00Z",
  reason: "This is a second copy of a submission (same receipt number).",
  setAside: false,
  urgent: false,
};

describe("Signing-station submissions not recorded", () => {
  it("lists each kept file with its kind, receipt, time and reason, the urgent one marked", async () => {
    vi.mocked(invoke).mockImplementation(fakeRust({ outbox_kept: () => [concern, duplicate] }));
    render(KeptSubmissionsPage);
    const items = await screen.findAllByTestId("kept-item");
    expect(items).toHaveLength(2);
    expect(items[0]).toHaveAttribute("data-urgent", "true");
    expect(within(items[0]).getByText("A concern")).toBeInTheDocument();
    expect(within(items[0]).getByTestId("kept-receipt")).toHaveTextContent("K7QM-4TXD");
    expect(within(items[0]).getByText("30 November 2026 at 10:15")).toBeInTheDocument();
    expect(within(items[0]).getByTestId("kept-reason")).toHaveTextContent("Shorten where it happened");
    expect(within(items[1]).getByText("An AUP signature")).toBeInTheDocument();
  });

  it("says so when Try again records the file, and lists it no more", async () => {
    let kept = [concern];
    vi.mocked(invoke).mockImplementation(
      fakeRust({
        outbox_kept: () => kept,
        outbox_kept_retry: ({ fileName }) => {
          expect(fileName).toBe(concern.fileName);
          kept = [];
          return { recorded: true, reason: "" };
        },
      }),
    );
    render(KeptSubmissionsPage);
    await userEvent.click(await screen.findByTestId("kept-retry"));
    expect(await screen.findByTestId("kept-outcome")).toHaveTextContent("The concern (receipt K7QM-4TXD) is now recorded");
    expect(await screen.findByTestId("kept-empty")).toBeInTheDocument();
  });

  it("gives the reason when it still cannot be recorded, and keeps the file listed", async () => {
    vi.mocked(invoke).mockImplementation(
      fakeRust({
        outbox_kept: () => [concern],
        outbox_kept_retry: () => ({ recorded: false, reason: "The AUP version it was signed against is not in the records." }),
      }),
    );
    render(KeptSubmissionsPage);
    await userEvent.click(await screen.findByTestId("kept-retry"));
    const outcome = await screen.findByTestId("kept-outcome");
    expect(outcome).toHaveTextContent("It still could not be recorded");
    expect(outcome).toHaveTextContent("not in the records");
    expect(screen.getAllByTestId("kept-item")).toHaveLength(1);
  });

  it("moves a file to Kept aside, where it can still be tried again", async () => {
    let kept = [concern];
    vi.mocked(invoke).mockImplementation(
      fakeRust({
        outbox_kept: () => kept,
        outbox_kept_set_aside: () => {
          kept = [{ ...concern, setAside: true, urgent: false }];
          return null;
        },
      }),
    );
    render(KeptSubmissionsPage);
    await userEvent.click(await screen.findByTestId("kept-set-aside"));
    const aside = await screen.findByTestId("kept-aside");
    expect(within(aside).getByText("Kept aside")).toBeInTheDocument();
    expect(within(aside).getByTestId("kept-retry")).toBeInTheDocument();
    expect(within(aside).queryByTestId("kept-set-aside")).toBeNull();
    expect(screen.queryByTestId("kept-waiting")).toBeNull();
  });

  it("shows Rust's refusal in words", async () => {
    vi.mocked(invoke).mockImplementation(
      fakeRust({ outbox_kept: () => Promise.reject(rustError("vault.locked", "Safekeeper is locked.")) }),
    );
    render(KeptSubmissionsPage);
    expect(await screen.findByTestId("kept-error")).toHaveTextContent("Safekeeper is locked.");
  });
});

describe("The dashboard's new concerns panel", () => {
  it("shows a concern that could not be recorded beside the new ones, with its receipt", async () => {
    const onOpenKept = vi.fn();
    vi.mocked(invoke).mockImplementation(
      fakeRust({ incidents_list: () => [], outbox_kept: () => [concern, duplicate] }),
    );
    render(NewConcerns, { onOpen: () => {}, onOpenKept });
    const panel = await screen.findByTestId("new-concerns");
    expect(panel).toHaveTextContent("Concerns from the signing station (1)");
    expect(within(panel).getByTestId("new-concern-not-recorded")).toHaveTextContent("K7QM-4TXD");
    await userEvent.click(within(panel).getByTestId("new-concern-kept-link"));
    expect(onOpenKept).toHaveBeenCalled();
  });

  it("shows nothing when every concern was recorded and none is new", async () => {
    vi.mocked(invoke).mockImplementation(fakeRust({ incidents_list: () => [], outbox_kept: () => [duplicate] }));
    render(NewConcerns, { onOpen: () => {} });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(screen.queryByTestId("new-concerns")).toBeNull();
  });
});
