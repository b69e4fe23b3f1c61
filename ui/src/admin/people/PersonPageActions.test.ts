import { render, screen, within } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import type { PersonDetail } from "../../lib/bindings";
import { fakeRust, type Handler } from "../../test/tauriFake";
import { aupDetail, person, signature, staffAup } from "./fixtures";

vi.mock("@tauri-apps/api/core", () => ({ invoke: vi.fn() }));

const { invoke } = await import("@tauri-apps/api/core");
const { default: PeoplePage } = await import("./PeoplePage.svelte");

const amira = person();
const paper = signature({
  id: "s2",
  method: "paper",
  signedAt: "2026-11-22T09:30:00Z",
  paperSignedOn: "2025-09-03",
  paperFiledAt: "Blue HR folder, office cabinet 2",
  scanMediaType: "image/png",
});

/** Opens Amira's page from the register; `person_get` answers with each detail in turn. */
async function openAmira(details: PersonDetail[], handlers: Record<string, Handler> = {}) {
  let calls = 0;
  const personGet = vi.fn(() => details[Math.min(calls++, details.length - 1)]);
  vi.mocked(invoke).mockImplementation(
    fakeRust({
      people_search: () => [amira],
      person_get: personGet,
      aup_list: () => [staffAup],
      person_training: () => ({ roles: [], records: [] }),
      training_courses: () => [],
      aup_get: () => aupDetail(staffAup),
      ...handlers,
    }),
  );
  render(PeoplePage);
  const user = userEvent.setup();
  await user.click(await screen.findByTestId("person-link"));
  await screen.findByTestId("person-summary");
  return { user, personGet };
}

const detail = (extra: Partial<PersonDetail> = {}): PersonDetail => ({
  person: amira,
  links: { parents: [], youngPeople: [] },
  signatures: [],
  ...extra,
});

describe("A person's page", () => {
  it("shows how each AUP was signed, and where a paper copy is filed", async () => {
    await openAmira([detail({ signatures: [paper, signature({ source: "signingStation" })] })]);
    const [paperRow, screenRow] = screen.getAllByTestId("person-signature-row");
    expect(paperRow).toHaveTextContent("On paper");
    expect(paperRow).toHaveTextContent("Filed at: Blue HR folder, office cabinet 2");
    expect(paperRow).toHaveTextContent("3 September 2025");
    expect(within(paperRow).getByTestId("person-signature-save-scan")).toBeInTheDocument();
    expect(screenRow).toHaveTextContent("On screen at the signing station");
    expect(within(screenRow).queryByTestId("person-signature-save-scan")).toBeNull();
  });

  it("saves a scan where the admin chooses, and says so when the Save window is closed", async () => {
    const save = vi
      .fn()
      .mockReturnValueOnce({ path: "/home/dsl/Documents/Signed AUP scan 2025-09-03.png" })
      .mockReturnValueOnce(null);
    const { user } = await openAmira([detail({ signatures: [paper] })], { signature_save_scan: save });
    await user.click(screen.getByTestId("person-signature-save-scan"));
    expect(save).toHaveBeenCalledWith({ signatureId: "s2" });
    expect(await screen.findByTestId("person-scan-status")).toHaveTextContent(
      "Scan saved to /home/dsl/Documents/Signed AUP scan 2025-09-03.png",
    );
    await user.click(screen.getByTestId("person-signature-save-scan"));
    await vi.waitFor(() => expect(screen.getByTestId("person-scan-status")).toHaveTextContent(/was not saved/));
  });

  it("Edit details, then Cancel, comes back to the page unchanged", async () => {
    const update = vi.fn();
    const { user } = await openAmira([detail()], { person_update: update });
    await user.click(screen.getByTestId("person-edit"));
    await user.clear(await screen.findByTestId("person-full-name"));
    await user.type(screen.getByTestId("person-full-name"), "Somebody Else");
    await user.click(screen.getByTestId("person-edit-cancel"));
    expect(await screen.findByTestId("person-summary")).toHaveTextContent("Amira Khan");
    expect(screen.queryByTestId("person-notice")).toBeNull();
    expect(update).not.toHaveBeenCalled();
  });

  it("Edit details, then Save, shows the new details with a banner", async () => {
    const renamed = { ...amira, fullName: "Amira Khan-Jones" };
    const { user } = await openAmira([detail(), detail({ person: renamed })], { person_update: () => renamed });
    await user.click(screen.getByTestId("person-edit"));
    await user.type(await screen.findByTestId("person-full-name"), "-Jones");
    await user.click(screen.getByTestId("person-edit-save"));
    expect(await screen.findByTestId("person-notice")).toHaveTextContent("Amira Khan-Jones's details have been updated.");
    expect(screen.getByTestId("person-summary")).toHaveTextContent("Amira Khan-Jones");
  });

  it("records a paper signature and shows it on the page", async () => {
    const record = vi.fn(() => paper);
    const { user, personGet } = await openAmira([detail(), detail({ signatures: [paper] })], {
      signature_record_paper: record,
    });
    expect(screen.getByTestId("person-signatures-empty")).toBeInTheDocument();
    await user.click(screen.getByTestId("person-record-paper"));
    await vi.waitFor(() => expect(screen.getByTestId("paper-version")).toHaveValue("v2"));
    await user.type(screen.getByTestId("paper-signed-on-day"), "3");
    await user.type(screen.getByTestId("paper-signed-on-month"), "9");
    await user.type(screen.getByTestId("paper-signed-on-year"), "2025");
    await user.type(screen.getByTestId("paper-filed-at"), "Blue HR folder, office cabinet 2");
    await user.click(screen.getByTestId("paper-continue"));
    await user.click(await screen.findByTestId("paper-save"));

    expect(await screen.findByTestId("person-notice")).toHaveTextContent("paper signature for Amira Khan has been recorded");
    expect(personGet).toHaveBeenCalledTimes(2);
    expect(await screen.findByTestId("person-signature-row")).toHaveTextContent("Filed at: Blue HR folder, office cabinet 2");
  });
});
