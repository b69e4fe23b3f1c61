import { render, screen, waitFor } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import type { AppStatus } from "../lib/bindings";
import { fakeRust } from "../test/tauriFake";

vi.mock("@tauri-apps/api/core", () => ({ invoke: vi.fn() }));
vi.mock("@tauri-apps/api/event", () => ({ listen: vi.fn() }));

const { invoke } = await import("@tauri-apps/api/core");
const { listen } = await import("@tauri-apps/api/event");
const { default: KioskApp } = await import("./KioskApp.svelte");

const locked: AppStatus = { phase: "locked", orgName: "Riverside Youth Club", demo: false, demoPassphrase: null, stationChangedOutside: false };

/** Starts the kiosk against a fake Rust whose status the test can change. */
function start(initial: AppStatus, extra: Record<string, (args: Record<string, unknown>) => unknown> = {}) {
  let status = initial;
  let announce: () => void = () => {};
  vi.mocked(listen).mockImplementation(async (_event, handler) => {
    announce = () => handler({ event: "safekeeper://status", id: 1, payload: null });
    return () => {};
  });
  vi.mocked(invoke).mockImplementation(fakeRust({ app_status: () => status, ...extra }));
  render(KioskApp);
  return {
    setStatus: (next: AppStatus) => (status = next),
    announce: () => announce(),
  };
}

describe("KioskApp", () => {
  it("welcomes a laptop with no vault yet", async () => {
    start({ phase: "setup", orgName: null, demo: false, demoPassphrase: null, stationChangedOutside: false });
    expect(await screen.findByRole("heading", { name: "Welcome to Safekeeper" })).toBeInTheDocument();
    expect(screen.getByTestId("setup-start")).toBeInTheDocument();
    expect(screen.getByTestId("demo-start")).toBeInTheDocument();
    expect(screen.queryByTestId("demo-banner")).toBeNull();
  });

  it("walks from the welcome into the first setup question and back", async () => {
    start({ phase: "setup", orgName: null, demo: false, demoPassphrase: null, stationChangedOutside: false });
    const user = userEvent.setup();
    await user.click(await screen.findByTestId("setup-start"));
    expect(screen.getByLabelText("What is your organisation called?")).toBe(screen.getByTestId("org-name"));

    await user.click(screen.getByTestId("continue"));
    expect(await screen.findByRole("link", { name: "Enter the name of your organisation" })).toBeInTheDocument();

    await user.type(screen.getByTestId("org-name"), "Riverside Youth Club");
    await user.click(screen.getByTestId("continue"));
    expect(await screen.findByRole("heading", { name: "You, the first admin" })).toBeInTheDocument();

    await user.click(screen.getByTestId("back"));
    expect(screen.getByTestId("org-name")).toHaveValue("Riverside Youth Club");
  });

  it("runs the whole first-run setup, then forgets the recovery key", async () => {
    const groups = ["AGE-SECRET-KEY-1", "QYQSZQGP", "7H4KXZ"];
    const finish = vi.fn();
    const kiosk = start(
      { phase: "setup", orgName: null, demo: false, demoPassphrase: null, stationChangedOutside: false },
      {
        passphrase_strength: () => ({ score: 4, acceptable: true, warning: null, suggestions: [] }),
        setup_begin: () => ({ recoveryKey: groups.join(""), groups }),
        setup_save_kit: () => ({ path: "/media/usb/kit.pdf", cloudSync: null }),
        setup_delete_kit: () => 1,
        setup_finish: (args) => {
          finish(args);
          // Rust creates the vault and unlocks; the admin window opens elsewhere.
          kiosk.setStatus({ ...locked, phase: "unlocked" });
        },
      },
    );
    const user = userEvent.setup();
    await user.click(await screen.findByTestId("setup-start"));
    await user.type(screen.getByTestId("org-name"), "Riverside Youth Club");
    await user.click(screen.getByTestId("continue"));
    await user.type(screen.getByTestId("admin-name"), "Sam Patel");
    await user.type(screen.getByTestId("passphrase"), "kettle orbit velvet number");
    await user.type(screen.getByTestId("passphrase-confirm"), "kettle orbit velvet number");
    await user.click(screen.getByTestId("continue"));

    expect(await screen.findByTestId("recovery-key")).toHaveTextContent("7H4KXZ");
    await user.click(screen.getByTestId("save-kit"));
    expect(await screen.findByTestId("kit-saved")).toHaveTextContent("/media/usb/kit.pdf");
    await user.type(screen.getByTestId("confirm-last6"), "7H4KXZ");
    await user.click(screen.getByTestId("create-vault"));
    await user.click(await screen.findByTestId("kit-delete-and-create"));

    expect(await screen.findByTestId("locked-home")).toBeInTheDocument();
    expect(finish).toHaveBeenCalledWith({ confirmation: "7H4KXZ" });
    expect(document.body).not.toHaveTextContent("QYQSZQGP");
  });

  it("starts the demo, which shows DEMO and its passphrase", async () => {
    const demo: AppStatus = { phase: "locked", orgName: "Demo Community Trust", demo: true, demoPassphrase: "otter lantern quiet meadow", stationChangedOutside: false };
    start({ phase: "setup", orgName: null, demo: false, demoPassphrase: null, stationChangedOutside: false }, { start_demo: () => demo });
    const user = userEvent.setup();
    await user.click(await screen.findByTestId("demo-start"));

    expect(await screen.findByTestId("locked-home")).toBeInTheDocument();
    expect(screen.getByTestId("demo-banner")).toHaveTextContent("DEMO");
    await user.click(screen.getByTestId("tile-unlock"));
    expect(screen.getByTestId("demo-passphrase")).toHaveTextContent("otter lantern quiet meadow");
    expect(screen.getByTestId("demo-banner")).toBeInTheDocument();
  });

  it("shows the signing station with what is not ready marked and inert", async () => {
    start(locked, { kiosk_signing_options: () => [], kiosk_consent_form: () => null });
    expect(await screen.findByTestId("locked-home")).toHaveTextContent("Riverside Youth Club");
    // With no policy published for signing, the AUP tile says so and does nothing.
    await waitFor(() => expect(screen.getByTestId("tile-aup")).toHaveAttribute("aria-disabled", "true"));
    expect(screen.getByTestId("tile-aup")).toHaveAccessibleName(expect.stringContaining("Ask a member of staff"));
    // The screen names itself, and tells an admin how to put an AUP here.
    expect(screen.getByTestId("home-station-intro")).toHaveTextContent("This laptop is Safekeeper's signing station.");
    const hint = screen.getByTestId("home-aup-admin-hint");
    expect(hint).toHaveTextContent("For admins:");
    expect(hint).toHaveTextContent(/Admin: unlock, go to AUPs, open the AUP and choose "Publish and show at the signing station"/);
    expect(hint).toHaveTextContent(/choose "Open the signing station" to lock Safekeeper/);
    const user = userEvent.setup();
    await user.click(screen.getByTestId("tile-aup"));
    expect(screen.getByTestId("locked-home")).toBeInTheDocument();

    expect(screen.getByTestId("tile-concern")).not.toHaveAttribute("aria-disabled");
    await user.click(screen.getByTestId("tile-concern"));
    expect(screen.getByTestId("report-concern")).toBeInTheDocument();
    await user.click(screen.getByTestId("concern-cancel"));
    // Consent opens its form, which says when no form has been published yet.
    expect(await screen.findByTestId("tile-consent")).not.toHaveAttribute("aria-disabled");
    await user.click(screen.getByTestId("tile-consent"));
    expect(await screen.findByTestId("kiosk-consent-not-ready")).toHaveTextContent("not ready on this laptop yet");
    await user.click(screen.getByTestId("kiosk-consent-back"));
    expect(await screen.findByTestId("locked-home")).toBeInTheDocument();

    await user.click(screen.getByTestId("home-print-forms"));
    expect(await screen.findByTestId("blank-forms")).toBeInTheDocument();
    await user.click(screen.getByTestId("blank-forms-back"));
    expect(await screen.findByTestId("locked-home")).toBeInTheDocument();

    expect(screen.getByTestId("tile-unlock")).not.toHaveAttribute("aria-disabled");
    await user.click(screen.getByTestId("tile-unlock"));
    expect(screen.getByTestId("unlock-view")).toBeInTheDocument();
  });

  it("says plainly when the station's settings were changed outside Safekeeper, and takes nothing in", async () => {
    start({ ...locked, orgName: null, stationChangedOutside: true }, { kiosk_signing_options: () => [] });
    const warning = await screen.findByTestId("station-changed-outside");
    expect(warning).toHaveTextContent("The signing station's settings were changed outside Safekeeper");
    expect(warning).toHaveTextContent("Ask an admin to open Safekeeper once; that puts them right.");
    expect(warning).toHaveTextContent("If you are worried about a child now, tell the safeguarding lead in person.");
    for (const tile of ["tile-aup", "tile-consent", "tile-concern"]) {
      await waitFor(() => expect(screen.getByTestId(tile)).toHaveAttribute("aria-disabled", "true"));
      expect(screen.getByTestId(tile)).toHaveAccessibleName(expect.stringContaining("Paused"));
    }
    expect(screen.getByTestId("tile-concern")).toHaveAccessibleName(expect.stringContaining("safeguarding lead in person"));
    const user = userEvent.setup();
    await user.click(screen.getByTestId("tile-concern"));
    expect(screen.queryByTestId("report-concern")).toBeNull();
    // An admin can still come in, which is what puts the settings right.
    expect(screen.getByTestId("tile-unlock")).not.toHaveAttribute("aria-disabled");
    await user.click(screen.getByTestId("tile-unlock"));
    expect(screen.getByTestId("unlock-view")).toBeInTheDocument();
  });

  it("opens signing when a policy is published, and drops a half-finished signing when left untouched", async () => {
    const staff = {
      aupId: "a1",
      audience: "staffVolunteers",
      versionNumber: 1,
      versionHash: "b".repeat(64),
      content: { title: "Staff AUP", intro: "i", rules: ["r"], consequences: "c", monitoring: "m", reportConcerns: "rc" },
      signers: [],
    };
    vi.mocked(listen).mockResolvedValue(() => {});
    vi.mocked(invoke).mockImplementation(fakeRust({ app_status: () => locked, kiosk_signing_options: () => [staff] }));
    render(KioskApp, { idleResetMs: 400 });
    const user = userEvent.setup();
    const tile = await screen.findByTestId("tile-aup");
    await waitFor(() => expect(tile).not.toHaveAttribute("aria-disabled"));
    expect(screen.getByTestId("home-station-intro")).toHaveTextContent("signing station");
    expect(screen.queryByTestId("home-aup-admin-hint")).toBeNull();
    await user.click(tile);
    await user.type(await screen.findByTestId("signer-name"), "Ada Pennington");
    await waitFor(() => expect(screen.queryByTestId("signer-name")).toBeNull(), { timeout: 2000 });
    expect(document.body.textContent).not.toContain("Ada Pennington");
  });

  it("goes back to the locked home, with nothing typed left, when Rust announces a lock", async () => {
    const kiosk = start(locked);
    const user = userEvent.setup();
    await user.click(await screen.findByTestId("tile-unlock"));
    await user.type(screen.getByTestId("unlock-passphrase"), "half typed");

    kiosk.setStatus({ ...locked, orgName: "Riverside Youth Club (renamed)" });
    kiosk.announce();

    expect(await screen.findByTestId("locked-home")).toHaveTextContent("Riverside Youth Club (renamed)");
    expect(screen.queryByTestId("unlock-passphrase")).toBeNull();
  });

  it("re-reads the status when the window regains focus", async () => {
    const kiosk = start(locked);
    await screen.findByTestId("locked-home");
    kiosk.setStatus({ ...locked, orgName: "New name" });
    window.dispatchEvent(new Event("focus"));
    await waitFor(() => expect(screen.getByTestId("header-org-name")).toHaveTextContent("New name"));
  });

  it("returns to the locked home when an unlock screen is left untouched", async () => {
    vi.mocked(listen).mockResolvedValue(() => {});
    vi.mocked(invoke).mockImplementation(fakeRust({ app_status: () => locked }));
    render(KioskApp, { idleResetMs: 50 });
    await userEvent.click(await screen.findByTestId("tile-unlock"));
    expect(screen.getByTestId("unlock-view")).toBeInTheDocument();
    expect(await screen.findByTestId("locked-home", {}, { timeout: 1000 })).toBeInTheDocument();
  });

  it("explains when Safekeeper cannot read its status", async () => {
    vi.mocked(listen).mockResolvedValue(() => {});
    vi.mocked(invoke).mockRejectedValue({ code: "vault.io", message: "The data folder cannot be read." });
    render(KioskApp);
    expect(await screen.findByTestId("kiosk-error")).toHaveTextContent("The data folder cannot be read.");
  });
});
