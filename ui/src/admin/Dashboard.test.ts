import { render, screen, waitFor } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import type { AupDue, Person, UnconfirmedSignature } from "../lib/bindings";
import { fakeRust } from "../test/tauriFake";

vi.mock("@tauri-apps/api/core", () => ({ invoke: vi.fn() }));

const { invoke } = await import("@tauri-apps/api/core");
const { default: Dashboard } = await import("./Dashboard.svelte");

const amira = { id: "p1", fullName: "Amira Khan", group: "staff" } as Person;

const unconfirmed = {
  signature: {
    id: "s1",
    aupId: "aup-staff",
    versionId: "v1",
    versionNumber: 1,
    declaredName: "Amira Khan",
    selfDeclared: true,
    signedAt: "2026-11-21T15:00:00Z",
    receipt: "R-1",
    drawn: true,
  },
  suggestedPerson: amira,
  forVisitors: false,
} as UnconfirmedSignature;

const staffAup = (neverSigned: number): AupDue => ({
  aupId: "aup-staff",
  title: "Staff AUP",
  audience: "staffVolunteers",
  version: 1,
  needsResign: 0,
  neverSigned,
});

describe("The dashboard", () => {
  it("confirming_a_signature_updates_never_signed_at_once: What is due loads again after a confirmation", async () => {
    let confirmed = false;
    const confirm = vi.fn(() => {
      confirmed = true;
    });
    vi.mocked(invoke).mockImplementation(
      fakeRust({
        signatures_unconfirmed: () => (confirmed ? [] : [unconfirmed]),
        signature_confirm: confirm,
        due_list: () => ({ training: [], trainingCounts: [], policies: [], aups: [staffAup(confirmed ? 2 : 3)], consents: [] }),
        policies_due: () => [],
      }),
    );
    render(Dashboard, {
      onOpenSettings: vi.fn(),
      onOpenIncident: vi.fn(),
      onOpenTraining: vi.fn(),
      onOpenPolicy: vi.fn(),
      onOpenAups: vi.fn(),
    });

    expect(await screen.findByTestId("due-now")).toHaveTextContent("3 have never signed");
    await userEvent.setup().click(await screen.findByTestId("signature-confirm"));

    expect(confirm).toHaveBeenCalledOnce();
    await waitFor(() => expect(screen.getByTestId("due-now")).toHaveTextContent("2 have never signed"));
    expect(screen.getByTestId("signatures-confirmed")).toHaveTextContent("1 signature confirmed.");
  });

  it("marks the moment every panel has its answer, for the unlock-to-dashboard measurement", async () => {
    performance.clearMarks("dashboard-drawn");
    let answerDue: (value: unknown) => void = () => {};
    vi.mocked(invoke).mockImplementation(
      fakeRust({
        signatures_unconfirmed: () => [],
        // What is due answers last, when the test says.
        due_list: () => new Promise((resolve) => (answerDue = resolve)),
        policies_due: () => [],
      }),
    );
    render(Dashboard, {
      onOpenSettings: vi.fn(),
      onOpenIncident: vi.fn(),
      onOpenTraining: vi.fn(),
      onOpenPolicy: vi.fn(),
      onOpenAups: vi.fn(),
    });
    await new Promise((r) => setTimeout(r, 50));
    expect(performance.getEntriesByName("dashboard-drawn")).toHaveLength(0);
    answerDue({ training: [], trainingCounts: [], policies: [], aups: [staffAup(3)], consents: [] });
    await waitFor(() => expect(performance.getEntriesByName("dashboard-drawn")).toHaveLength(1));
    expect(screen.getByTestId("due-now")).toHaveTextContent("3 have never signed");
  });

  it("decisions_come_before_getting_started: a signature to confirm is above Getting started and the reminders", async () => {
    vi.mocked(invoke).mockImplementation(
      fakeRust({
        signatures_unconfirmed: () => [unconfirmed],
        due_list: () => ({ training: [], trainingCounts: [], policies: [], aups: [staffAup(3)], consents: [] }),
        policies_due: () => [],
        outbox_report: () => ({ ingested: 1, alreadyRecorded: 0, problems: [], manifestChanged: false }),
        getting_started: () => ({
          show: true,
          steps: [
            { step: "addPeople", done: true },
            { step: "showStaffAup", done: true },
            { step: "reviewOnlineSafetyPolicy", done: false },
            { step: "recordTraining", done: false },
            { step: "firstBackup", done: false },
          ],
        }),
      }),
    );
    render(Dashboard, {
      onOpenSettings: vi.fn(),
      onOpenIncident: vi.fn(),
      onOpenTraining: vi.fn(),
      onOpenPolicy: vi.fn(),
      onOpenAups: vi.fn(),
    });
    const signature = await screen.findByTestId("signature-row");
    const gettingStarted = await screen.findByTestId("getting-started");
    const outbox = await screen.findByTestId("outbox-report");
    const follows = (a: Element, b: Element) => (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0;
    expect(follows(signature, gettingStarted)).toBe(true);
    // The station's report says the decisions are "listed above": they are.
    expect(follows(signature, outbox)).toBe(true);
    expect(follows(outbox, gettingStarted)).toBe(true);
  });
});
