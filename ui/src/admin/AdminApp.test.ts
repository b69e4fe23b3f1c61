import { fireEvent, render, screen, waitFor } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import type { SessionInfo, Settings } from "../lib/bindings";
import { fakeRust, rustError, strength, type Handler } from "../test/tauriFake";

vi.mock("@tauri-apps/api/core", () => ({ invoke: vi.fn() }));
vi.mock("@tauri-apps/api/event", () => ({ listen: vi.fn(async () => () => {}) }));

const { invoke } = await import("@tauri-apps/api/core");
const { default: AdminApp } = await import("./AdminApp.svelte");

const session: SessionInfo = {
  orgName: "Riverside Youth Club",
  adminId: "a1",
  adminName: "Sam Patel",
  demo: false,
  recoveryMode: false,
  autoLockMinutes: 5,
};

const settings: Settings = {
  orgName: "Riverside Youth Club",
  autoLockMinutes: 5,
  admins: [
    { id: "a1", name: "Sam Patel", createdAt: "2025-11-01T10:00:00Z", isCurrent: true },
    { id: "a2", name: "Jo Okafor", createdAt: "2025-11-08T10:00:00Z", isCurrent: false },
  ],
  audit: { rows: 12, head: "9f2c4e7a1b", verified: true, firstBadRow: null },
  about: { version: "0.1.0", recordsFolder: "/home/sam/.local/share/uk.org.safekeeper.desktop", licence: "AGPL-3.0-or-later" },
};

function open<H extends Record<string, Handler>>(handlers: H = {} as H, props: Record<string, unknown> = {}) {
  const rust = {
    session_info: vi.fn(() => session),
    signatures_unconfirmed: vi.fn(() => []),
    due_list: vi.fn(() => ({ training: [], trainingCounts: [], policies: [], aups: [], consents: [] })),
    policies_due: vi.fn(() => []),
    lock: vi.fn(() => undefined),
    touch: vi.fn(() => undefined),
    settings_get: vi.fn(() => settings),
    ...handlers,
  };
  vi.mocked(invoke).mockImplementation(fakeRust(rust));
  render(AdminApp, props);
  return rust;
}

describe("AdminApp", () => {
  it("opens on the dashboard with its empty state, the admin's name and the Lock button", async () => {
    open();
    expect(await screen.findByTestId("dashboard")).toHaveTextContent("Nothing is due");
    expect(screen.getByTestId("signed-in")).toHaveTextContent("Signed in as Sam Patel");
    expect(screen.getByTestId("lock-button")).toHaveTextContent(/Lock/);
    expect(screen.getByTestId("lock-button")).toHaveTextContent(/Ctrl\s*\+\s*L/);
    expect(screen.getByTestId("nav-dashboard")).toHaveAttribute("aria-current", "page");
    expect(screen.queryByTestId("demo-banner")).toBeNull();
  });

  it("shows DEMO in a demo vault", async () => {
    open({ session_info: () => ({ ...session, demo: true }) });
    expect(await screen.findByTestId("demo-banner")).toHaveTextContent("DEMO");
  });

  it("locks on the button and drops what it was showing", async () => {
    const rust = open();
    await screen.findByTestId("dashboard");
    await userEvent.click(screen.getByTestId("lock-button"));

    expect(await screen.findByTestId("admin-locked")).toHaveTextContent("Safekeeper has locked");
    expect(rust.lock).toHaveBeenCalledTimes(1);
    expect(screen.queryByTestId("dashboard")).toBeNull();
    expect(screen.queryByText("Sam Patel")).toBeNull();
  });

  it.each([
    ["Ctrl+L", { key: "l", ctrlKey: true }],
    ["⌘L", { key: "L", metaKey: true }],
  ])("locks on %s", async (_name, keys) => {
    const rust = open();
    await screen.findByTestId("dashboard");
    await fireEvent.keyDown(window, keys);
    await waitFor(() => expect(rust.lock).toHaveBeenCalledTimes(1));
    expect(await screen.findByTestId("admin-locked")).toBeInTheDocument();
  });

  it("shows 'Safekeeper has locked' when any command finds it locked", async () => {
    open({
      settings_get: () => {
        throw rustError("vault.locked", "Safekeeper is locked.");
      },
    });
    await userEvent.click(await screen.findByTestId("nav-settings"));
    expect(await screen.findByTestId("admin-locked")).toBeInTheDocument();
    expect(screen.queryByTestId("nav-settings")).toBeNull();
  });

  it("reports activity to Rust, at most once per interval", async () => {
    const rust = open({}, { heartbeatMs: 60_000 });
    await screen.findByTestId("dashboard");
    await fireEvent.pointerMove(window);
    await fireEvent.keyDown(window, { key: "a" });
    await fireEvent.wheel(window);
    await waitFor(() => expect(rust.touch).toHaveBeenCalledTimes(1));
  });

  it("in recovery mode offers only 'Set a new passphrase', then the dashboard", async () => {
    const rust = open({
      session_info: () => ({ ...session, adminId: null, adminName: null, recoveryMode: true }),
      passphrase_strength: () => strength(4),
      recovery_set_passphrase: vi.fn(() => ({ ...session, adminId: null, adminName: null })),
    });
    expect(await screen.findByRole("heading", { name: "Set a new passphrase" })).toBeInTheDocument();
    expect(screen.queryByTestId("nav-settings")).toBeNull();
    expect(screen.getByTestId("signed-in")).toHaveTextContent("Unlocked with the recovery key");

    const user = userEvent.setup();
    await user.click(await screen.findByLabelText("Jo Okafor"));
    await user.type(screen.getByTestId("new-passphrase"), "copper meadow lantern frost");
    await user.type(screen.getByTestId("new-passphrase-confirm"), "copper meadow lantern frost");
    await user.click(screen.getByTestId("new-passphrase-submit"));

    expect(await screen.findByTestId("dashboard")).toBeInTheDocument();
    expect(rust.recovery_set_passphrase).toHaveBeenCalledWith({
      adminId: "a2",
      passphrase: "copper meadow lantern frost",
    });
    expect(screen.getByTestId("dashboard-notice")).toHaveTextContent("The passphrase for Jo Okafor has been changed");
    expect(screen.getByTestId("nav-settings")).toBeInTheDocument();
  });

  it("in recovery mode asks which admin before setting anything", async () => {
    const rust = open({
      session_info: () => ({ ...session, adminId: null, adminName: null, recoveryMode: true }),
      passphrase_strength: () => strength(4),
      recovery_set_passphrase: vi.fn(),
    });
    const user = userEvent.setup();
    await screen.findByTestId("recovery-admin");
    await user.type(screen.getByTestId("new-passphrase"), "copper meadow lantern frost");
    await user.type(screen.getByTestId("new-passphrase-confirm"), "copper meadow lantern frost");
    await user.click(screen.getByTestId("new-passphrase-submit"));

    expect(await screen.findByRole("link", { name: /Select the admin/ })).toHaveAttribute("href", "#recovery-admin");
    expect(rust.recovery_set_passphrase).not.toHaveBeenCalled();
  });
});
