import { render, screen } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import type { KioskAup } from "../../lib/bindings";
import { fakeRust, rustError, type Handler } from "../../test/tauriFake";

vi.mock("@tauri-apps/api/core", () => ({ invoke: vi.fn() }));

const { invoke } = await import("@tauri-apps/api/core");
const { default: BlankForms } = await import("./BlankForms.svelte");

const staffAup: KioskAup = {
  aupId: "aup-staff",
  audience: "staffVolunteers",
  versionNumber: 3,
  versionHash: "0123456789abcdef",
  content: {
    title: "Staff and volunteer acceptable use policy",
    intro: "",
    rules: [],
    consequences: "",
    monitoring: "",
    reportConcerns: "",
  },
  signers: [{ token: "p1", displayName: "Sam O." }],
};

function open(handlers: Record<string, Handler>) {
  const rust = { kiosk_signing_options: vi.fn(() => [staffAup]), ...handlers };
  vi.mocked(invoke).mockImplementation(fakeRust(rust));
  const onExit = vi.fn();
  render(BlankForms, { onExit });
  return { rust, onExit };
}

describe("Print a blank form (locked home)", () => {
  it("offers the incident form and each AUP shown here, and lists nobody's name", async () => {
    open({});
    expect(await screen.findByRole("heading", { name: "Staff and volunteer acceptable use policy" })).toBeInTheDocument();
    expect(screen.getByRole("heading", { name: "Online-safety incident form" })).toBeInTheDocument();
    expect(screen.getByText(/staff and volunteers, version 3/)).toBeInTheDocument();
    expect(screen.queryByText("Sam O.")).toBeNull();
  });

  it("asks Rust for the blank incident form and says where it was saved", async () => {
    const folder = "/home/staff/Documents/Safekeeper blank forms";
    const print = vi.fn(() => ({ path: `${folder}/Incident form blank.pdf`, folder, opened: true }));
    open({ kiosk_print_blank_form: print });
    await userEvent.setup().click(await screen.findByTestId("blank-incident"));
    const done = await screen.findByTestId("blank-incident-saved");
    expect(done).toHaveTextContent("opening in your PDF viewer");
    expect(screen.getByTestId("blank-incident-folder")).toHaveTextContent(folder);
    expect(screen.getByTestId("blank-incident-name")).toHaveTextContent(/^Incident form blank\.pdf$/);
    expect(print).toHaveBeenCalledWith({ form: { form: "incident" } });
  });

  it("offers the blank photo consent form", async () => {
    const folder = "/home/staff/Documents/Safekeeper blank forms";
    const print = vi.fn(() => ({ path: `${folder}/Image consent form blank.pdf`, folder, opened: false }));
    open({ kiosk_print_blank_form: print });
    await userEvent.setup().click(await screen.findByTestId("blank-consent"));
    expect(await screen.findByTestId("blank-consent-saved")).toHaveTextContent("PDF viewer could not be opened");
    expect(screen.getByTestId("blank-consent-folder")).toHaveTextContent(folder);
    expect(screen.getByTestId("blank-consent-name")).toHaveTextContent(/^Image consent form blank\.pdf$/);
    expect(print).toHaveBeenCalledWith({ form: { form: "consent" } });
  });

  it("asks for the AUP by its id, and shows Rust's message when it is no longer offered", async () => {
    const print = vi.fn(() => {
      throw rustError("kiosk.formNotOffered", "That policy is no longer offered here. Go back and choose again.");
    });
    open({ kiosk_print_blank_form: print });
    await userEvent.setup().click(await screen.findByTestId("blank-aup-0"));
    expect(await screen.findByTestId("blank-aup-0-error")).toHaveTextContent("no longer offered here");
    expect(print).toHaveBeenCalledWith({ form: { form: "aup", aupId: "aup-staff" } });
  });

  it("still offers the incident form when the AUPs cannot be read", async () => {
    open({
      kiosk_signing_options: () => {
        throw rustError("store.io", "Could not read");
      },
    });
    expect(await screen.findByTestId("blank-forms-aups-unavailable")).toHaveTextContent("only the incident form is listed");
    expect(screen.getByTestId("blank-incident")).toBeInTheDocument();
  });

  it("says when no AUP is shown on this laptop, and goes back when done", async () => {
    const { onExit } = open({ kiosk_signing_options: () => [] });
    expect(await screen.findByTestId("blank-forms-no-aups")).toBeInTheDocument();
    await userEvent.setup().click(screen.getByTestId("blank-forms-done"));
    expect(onExit).toHaveBeenCalledOnce();
  });
});
