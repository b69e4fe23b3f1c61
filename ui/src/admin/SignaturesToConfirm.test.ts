import { render, screen, within } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import type { Person, Signature, UnconfirmedSignature } from "../lib/bindings";
import { fakeRust, rustError, type Handler } from "../test/tauriFake";

vi.mock("@tauri-apps/api/core", () => ({ invoke: vi.fn() }));

const { invoke } = await import("@tauri-apps/api/core");
const { default: SignaturesToConfirm } = await import("./SignaturesToConfirm.svelte");

const signature = (id: string, declaredName: string): Signature => ({
  id,
  aupId: "aup-staff",
  versionId: "v1",
  versionNumber: 1,
  contentHash: "abc",
  personId: null,
  declaredName,
  selfDeclared: true,
  method: "onScreen",
  source: "signingStation",
  signedAt: "2026-11-21T15:00:00Z",
  recordedAt: "2026-11-22T09:00:00Z",
  receipt: "R-1",
  drawn: true,
  typedMark: null,
  countersignedBy: null,
  countersignatureDrawn: false,
  countersignatureTyped: null,
  paperSignedOn: null,
  paperFiledAt: null,
  scanMediaType: null,
  confirmedAt: null,
  confirmedBy: null,
});

const amira = { id: "p1", fullName: "Amira Khan", group: "staff" } as Person;

const waiting: UnconfirmedSignature[] = [
  { signature: signature("s1", "Amira Khan"), suggestedPerson: amira, forVisitors: false },
  { signature: signature("s2", "Someone New"), suggestedPerson: null, forVisitors: false },
];

function open(handlers: Record<string, Handler>) {
  vi.mocked(invoke).mockImplementation(fakeRust({ signatures_unconfirmed: () => waiting, ...handlers }));
  render(SignaturesToConfirm);
}

describe("Signatures to confirm", () => {
  it("lists each signature with its suggested person, and confirms against that person", async () => {
    const confirm = vi.fn();
    open({ signature_confirm: confirm });
    const rows = await screen.findAllByTestId("signature-row");
    expect(rows).toHaveLength(2);
    expect(rows[0]).toHaveTextContent("Amira Khan");
    expect(rows[0]).toHaveTextContent("Identity self-declared");
    expect(rows[1]).toHaveTextContent("No match in the register");
    expect(rows[0]).toHaveTextContent("Receipt R-1");
    expect(within(rows[1]).queryByTestId("signature-confirm")).toBeNull();

    await userEvent.click(within(rows[0]).getByTestId("signature-confirm"));
    expect(confirm).toHaveBeenCalledWith({ signatureId: "s1", personId: "p1" });
    expect(await screen.findByTestId("signatures-confirmed")).toHaveTextContent("1 signature confirmed");
    expect(screen.getAllByTestId("signature-row")).toHaveLength(1);
  });

  it("keeps the row and says why when Rust refuses", async () => {
    open({
      signature_confirm: () => {
        throw rustError("signature.alreadyConfirmed", "This signature has already been confirmed.");
      },
    });
    await userEvent.click(await screen.findByTestId("signature-confirm"));
    expect(await screen.findByRole("alert")).toHaveTextContent("already been confirmed");
    expect(screen.getAllByTestId("signature-row")).toHaveLength(2);
  });

  it("finds someone else by name and confirms the signature as them", async () => {
    const confirm = vi.fn();
    const search = vi.fn(() => [{ id: "p9", fullName: "Samuel Newington", group: "volunteer" } as Person]);
    open({ signature_confirm: confirm, people_search: search });
    const rows = await screen.findAllByTestId("signature-row");
    await userEvent.click(within(rows[1]).getByTestId("signature-match-other"));
    // The search starts from the name given, and only looks at active people.
    expect(await screen.findByTestId("signature-match-result")).toHaveTextContent("Samuel Newington");
    expect(search).toHaveBeenCalledWith({ query: { text: "Someone", group: null, status: "active" } });
    await userEvent.click(screen.getByTestId("signature-match-confirm"));
    expect(confirm).toHaveBeenCalledWith({ signatureId: "s2", personId: "p9" });
    expect(await screen.findByTestId("signatures-confirmed")).toHaveTextContent("1 signature confirmed");
    expect(screen.getAllByTestId("signature-row")).toHaveLength(1);
  });

  it("says what to do when nobody matches", async () => {
    open({ people_search: () => [] });
    const rows = await screen.findAllByTestId("signature-row");
    await userEvent.click(within(rows[1]).getByTestId("signature-match-other"));
    expect(await screen.findByTestId("signature-match-none")).toHaveTextContent(/Add them on the People page/);
  });

  it("removes a signature only after the admin says so", async () => {
    const discard = vi.fn();
    open({ signature_discard: discard });
    const rows = await screen.findAllByTestId("signature-row");
    await userEvent.click(within(rows[1]).getByTestId("signature-remove"));
    expect(screen.getByTestId("signature-remove-question")).toHaveTextContent(/deleted for good/);
    expect(discard).not.toHaveBeenCalled();
    await userEvent.click(screen.getByTestId("signature-remove-confirm"));
    expect(discard).toHaveBeenCalledWith({ signatureId: "s2" });
    expect(await screen.findByTestId("signatures-confirmed")).toHaveTextContent("1 signature removed");
    expect(screen.getAllByTestId("signature-row")).toHaveLength(1);
  });

  it("adds a visitor who is not in the register and confirms their signature in one step", async () => {
    const add = vi.fn();
    const visitor = { signature: signature("s3", "Dev Contractor"), suggestedPerson: null, forVisitors: true };
    vi.mocked(invoke).mockImplementation(
      fakeRust({ signatures_unconfirmed: () => [...waiting, visitor], signature_confirm_as_visitor: add }),
    );
    render(SignaturesToConfirm);
    const rows = await screen.findAllByTestId("signature-row");
    // Only a signature on the visitors' AUP with no match offers it.
    expect(within(rows[1]).queryByTestId("signature-add-visitor")).toBeNull();
    await userEvent.click(within(rows[2]).getByTestId("signature-add-visitor"));
    expect(add).toHaveBeenCalledWith({ signatureId: "s3" });
    expect(await screen.findByTestId("signatures-confirmed")).toHaveTextContent(
      "1 signature confirmed. 1 visitor was added to the people register.",
    );
    expect(screen.getAllByTestId("signature-row")).toHaveLength(2);
  });

  it("shows nothing when no signature is waiting", async () => {
    vi.mocked(invoke).mockImplementation(fakeRust({ signatures_unconfirmed: () => [] }));
    render(SignaturesToConfirm);
    await Promise.resolve();
    expect(screen.queryByTestId("signatures-to-confirm")).toBeNull();
  });
});
