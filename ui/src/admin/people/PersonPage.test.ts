import { render, screen, within } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import type { PersonDetail, Signature } from "../../lib/bindings";
import { fakeRust, rustError, type Handler } from "../../test/tauriFake";

vi.mock("@tauri-apps/api/core", () => ({ invoke: vi.fn() }));

const { invoke } = await import("@tauri-apps/api/core");
const { default: PersonPage } = await import("./PersonPage.svelte");

const signature = (id: string, versionNumber: number, signedAt: string): Signature => ({
  id, aupId: "aup-staff", versionId: `v${versionNumber}`, versionNumber, contentHash: `${versionNumber}abcdef0123456789`,
  personId: "p1", declaredName: null, selfDeclared: false, method: "onScreen", source: "admin", signedAt,
  recordedAt: signedAt, receipt: null, drawn: false, typedMark: "Amira Khan", countersignedBy: null,
  countersignatureDrawn: false, countersignatureTyped: null, paperSignedOn: null, paperFiledAt: null,
  scanMediaType: null, confirmedAt: null, confirmedBy: null,
});

const detail: PersonDetail = {
  person: {
    id: "p1", group: "staff", fullName: "Amira Khan", preferredName: null, dateOfBirth: null, startDate: "2025-09-01",
    leaveDate: null, email: null, phone: null, kioskListed: false, archivedAt: null,
    createdAt: "2025-09-01T09:00:00Z", updatedAt: "2025-09-01T09:00:00Z",
  },
  links: { parents: [], youngPeople: [] },
  signatures: [signature("s2", 2, "2026-11-03T10:00:00Z"), signature("s1", 1, "2025-09-03T09:12:00Z")],
};

function open(handlers: Record<string, Handler> = {}) {
  const rust = { person_get: vi.fn(() => detail), aup_list: vi.fn(() => []), person_training: vi.fn(() => ({ roles: [], records: [] })), training_courses: vi.fn(() => []), ...handlers };
  vi.mocked(invoke).mockImplementation(fakeRust(rust));
  render(PersonPage, { id: "p1", onBack: vi.fn(), onOpenPerson: vi.fn(), onEdit: vi.fn(), onRecordPaper: vi.fn() });
  return rust;
}

const rows = () => screen.getAllByTestId("person-signature-row");

describe("Person page: printing a signed AUP record", () => {
  it("prints the record of the signature on that row and says where it was saved", async () => {
    const print = vi.fn(() => ({ path: "/home/sam/Signed AUP Amira Khan 2025-09-03.pdf" }));
    open({ signature_print: print });
    const user = userEvent.setup();
    await screen.findByTestId("person-signatures");
    await user.click(within(rows()[1]).getByTestId("person-signature-print"));
    expect(print).toHaveBeenCalledWith({ signatureId: "s1" });
    expect(await within(rows()[1]).findByTestId("person-signature-print-saved")).toHaveTextContent(
      "Saved to /home/sam/Signed AUP Amira Khan 2025-09-03.pdf",
    );
    expect(within(rows()[0]).queryByTestId("person-signature-print-saved")).toBeNull();
  });

  it("names each print button's signature for screen readers", async () => {
    open();
    await screen.findByTestId("person-signatures");
    const buttons = screen.getAllByRole("button", { name: /^Print signed record/ });
    expect(buttons.map((b) => b.textContent?.replace(/\s+/g, " ").trim())).toEqual([
      "Print signed record: AUP, version 2",
      "Print signed record: AUP, version 1",
    ]);
  });

  it("shows Rust's message on the row when the record cannot be printed", async () => {
    open({
      signature_print: () => {
        throw rustError("forms.imageUnreadable", "A picture in this record could not be read, so the PDF was not made.");
      },
    });
    const user = userEvent.setup();
    await screen.findByTestId("person-signatures");
    await user.click(within(rows()[0]).getByTestId("person-signature-print"));
    expect(await within(rows()[0]).findByTestId("person-signature-print-error")).toHaveTextContent(
      "could not be read",
    );
  });

  it("says nothing when the Save dialog is cancelled", async () => {
    const print = vi.fn(() => null);
    open({ signature_print: print });
    const user = userEvent.setup();
    await screen.findByTestId("person-signatures");
    await user.click(within(rows()[0]).getByTestId("person-signature-print"));
    await vi.waitFor(() => expect(print).toHaveBeenCalledWith({ signatureId: "s2" }));
    expect(screen.queryByTestId("person-signature-print-saved")).toBeNull();
    expect(screen.queryByTestId("person-signature-print-error")).toBeNull();
  });
});

describe("Person page: incident chronology", () => {
  it("saves this person's chronology across incidents and says where it went", async () => {
    const print = vi.fn(() => ({ path: "/home/dsl/Incident chronology Amira Khan 2026-11-22.pdf" }));
    open({ person_print_incident_chronology: print });
    await userEvent.setup().click(await screen.findByTestId("person-incident-chronology"));
    expect(await screen.findByTestId("person-incident-chronology-saved")).toHaveTextContent(
      "Saved to /home/dsl/Incident chronology Amira Khan 2026-11-22.pdf",
    );
    expect(print).toHaveBeenCalledWith({ personId: "p1" });
  });
});

describe("Person page: nothing moves under the pointer once the signatures show", () => {
  it("waits for the AUP names before showing the table, so its columns do not widen after it appears", async () => {
    let answer: (aups: unknown) => void = () => {};
    const late = new Promise((resolve) => (answer = resolve));
    const staffAup = { id: "aup-staff", audience: "staffVolunteers", kioskPublished: true, current: null, draft: null };
    open({ aup_list: vi.fn(() => late) });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(screen.queryByTestId("person-signatures")).toBeNull();
    answer([staffAup]);
    const table = await screen.findByTestId("person-signatures");
    expect(within(table).getAllByText("Staff and volunteers")).toHaveLength(2);
  });

  it("still shows the signatures when the AUP names cannot be read", async () => {
    open({ aup_list: vi.fn(() => Promise.reject(rustError("vault.io", "The records could not be read."))) });
    await screen.findByTestId("person-signatures");
    expect(rows().map((row) => row.querySelector("td")?.textContent?.trim())).toEqual(["AUP", "AUP"]);
  });
});
