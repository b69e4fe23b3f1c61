import { render, screen, waitFor, within } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import type { Settings } from "../../lib/bindings";
import { fakeRust, rustError, strength, type Handler } from "../../test/tauriFake";

vi.mock("@tauri-apps/api/core", () => ({ invoke: vi.fn() }));

const { invoke } = await import("@tauri-apps/api/core");
const { default: SettingsPage } = await import("./SettingsPage.svelte");

const settings: Settings = {
  orgName: "Riverside Youth Club",
  autoLockMinutes: 5,
  admins: [
    { id: "a1", name: "Sam Patel", createdAt: "2025-11-01T10:00:00Z", isCurrent: true },
    { id: "a2", name: "Jo Okafor", createdAt: "2025-11-08T10:00:00Z", isCurrent: false },
  ],
  audit: { rows: 12, head: "9f2c4e7a1b", verified: true, firstBadRow: null },
  about: {
    version: "0.1.0",
    recordsFolder: "/home/sam/.local/share/uk.org.safekeeper.desktop",
    licence: "AGPL-3.0-or-later",
  },
};

function open<H extends Record<string, Handler>>(handlers: H = {} as H) {
  const rust = { settings_get: vi.fn(() => settings), ...handlers };
  vi.mocked(invoke).mockImplementation(fakeRust(rust));
  const onSettingsChanged = vi.fn();
  render(SettingsPage, { onSettingsChanged });
  return { rust, onSettingsChanged };
}

describe("Settings: organisation", () => {
  it.each([
    ["0", "between 1 and 120"],
    ["121", "between 1 and 120"],
    ["2.5", "whole number"],
    ["five", "whole number"],
    ["", "Enter how many minutes"],
  ])("refuses %j auto-lock minutes without saving", async (typed, message) => {
    const { rust } = open({ settings_update: vi.fn() });
    const user = userEvent.setup();
    const minutes = await screen.findByTestId("auto-lock-minutes");
    await user.clear(minutes);
    if (typed) await user.type(minutes, typed);
    await user.click(screen.getByTestId("settings-save"));

    expect(await screen.findByRole("link", { name: new RegExp(message) })).toHaveAttribute(
      "href",
      "#settings-auto-lock-minutes",
    );
    expect(rust.settings_update).not.toHaveBeenCalled();
  });

  it("saves, confirms, and passes the new settings up", async () => {
    const saved = { ...settings, orgName: "Riverside Youth Trust", autoLockMinutes: 15 };
    const { rust, onSettingsChanged } = open({ settings_update: vi.fn(() => saved) });
    const user = userEvent.setup();
    const org = await screen.findByTestId("settings-org-name");
    await user.clear(org);
    await user.type(org, "Riverside Youth Trust");
    await user.clear(screen.getByTestId("auto-lock-minutes"));
    await user.type(screen.getByTestId("auto-lock-minutes"), "15");
    await user.click(screen.getByTestId("settings-save"));

    expect(await screen.findByTestId("settings-saved")).toHaveTextContent("Your changes have been saved.");
    expect(rust.settings_update).toHaveBeenCalledWith({ orgName: "Riverside Youth Trust", autoLockMinutes: 15 });
    expect(onSettingsChanged).toHaveBeenCalledWith(saved);
  });

  it("puts Rust's refusal by the field it is about", async () => {
    open({
      settings_update: () => {
        throw rustError("settings.invalidAutoLock", "Choose between 1 and 120 minutes.");
      },
    });
    await userEvent.click(await screen.findByTestId("settings-save"));
    expect(await screen.findByRole("link", { name: "Choose between 1 and 120 minutes." })).toHaveAttribute(
      "href",
      "#settings-auto-lock-minutes",
    );
  });
});

describe("Settings: admins", () => {
  it("lists admins, marks you, and offers Remove only for others", async () => {
    open();
    const rows = await screen.findAllByTestId("admin-row");
    expect(rows).toHaveLength(2);
    expect(rows[0]).toHaveTextContent("Sam Patel (you)");
    expect(rows[0]).toHaveTextContent("Added 1 November 2025");
    expect(within(rows[0]).queryByTestId("admin-remove")).toBeNull();
    expect(within(rows[1]).getByTestId("admin-remove")).toHaveAccessibleName("Remove Jo Okafor");
  });

  it("removes an admin only after a confirm step that explains the key change", async () => {
    const after = { ...settings, admins: [settings.admins[0]] };
    const { rust } = open({ admin_remove: vi.fn(() => after) });
    const user = userEvent.setup();
    await user.click(await screen.findByTestId("admin-remove"));

    expect(screen.getByRole("heading", { name: "Remove Jo Okafor as an admin?" })).toBeInTheDocument();
    expect(screen.getByTestId("admin-remove-page")).toHaveTextContent("changes the database key");
    expect(rust.admin_remove).not.toHaveBeenCalled();

    await user.click(screen.getByTestId("admin-remove-confirm"));
    expect(await screen.findByTestId("settings-notice")).toHaveTextContent("Jo Okafor can no longer unlock");
    expect(rust.admin_remove).toHaveBeenCalledWith({ adminId: "a2" });
    expect(screen.getAllByTestId("admin-row")).toHaveLength(1);
  });

  it("shows Rust's reason when a removal is refused", async () => {
    open({
      admin_remove: () => {
        throw rustError("admin.lastAdmin", "Safekeeper needs at least one admin.");
      },
    });
    const user = userEvent.setup();
    await user.click(await screen.findByTestId("admin-remove"));
    await user.click(screen.getByTestId("admin-remove-confirm"));
    expect(await screen.findByTestId("error-summary")).toHaveTextContent("Safekeeper needs at least one admin.");
  });

  it("adds an admin after checking the passphrase, and refuses a mismatch first", async () => {
    const after = {
      ...settings,
      admins: [...settings.admins, { id: "a3", name: "Priya Shah", createdAt: "2025-11-20T10:00:00Z", isCurrent: false }],
    };
    const { rust } = open({ passphrase_strength: () => strength(4), admin_add: vi.fn(() => after) });
    const user = userEvent.setup();
    await user.click(await screen.findByTestId("admin-add-start"));
    await user.type(screen.getByTestId("admin-add-name"), "Priya Shah");
    await user.type(screen.getByTestId("admin-add-passphrase"), "harbour violet pencil glacier");
    await user.type(screen.getByTestId("admin-add-passphrase-confirm"), "harbour violet pencil");
    await user.click(screen.getByTestId("admin-add-submit"));

    expect(await screen.findByRole("link", { name: /do not match/ })).toBeInTheDocument();
    expect(rust.admin_add).not.toHaveBeenCalled();

    await user.type(screen.getByTestId("admin-add-passphrase-confirm"), " glacier");
    await user.click(screen.getByTestId("admin-add-submit"));
    expect(await screen.findByTestId("settings-notice")).toHaveTextContent("Priya Shah is now an admin");
    expect(rust.admin_add).toHaveBeenCalledWith({ name: "Priya Shah", passphrase: "harbour violet pencil glacier" });
    expect(screen.getAllByTestId("admin-row")).toHaveLength(3);
  });
});

describe("Settings: audit trail", () => {
  it("shows the count, the chain head and the state in words", async () => {
    open();
    expect(await screen.findByTestId("audit-rows")).toHaveTextContent("12");
    expect(screen.getByTestId("audit-head")).toHaveTextContent("9f2c4e7a1b");
    expect(screen.getByTestId("audit-status")).toHaveTextContent("Verified: all 12 entries are intact");
  });

  it("checks again on request and names the first bad entry", async () => {
    const { rust } = open({
      audit_verify: vi.fn(() => ({ rows: 13, head: "00aa", verified: false, firstBadRow: 7 })),
    });
    await userEvent.click(await screen.findByTestId("audit-check"));
    await waitFor(() => expect(screen.getByTestId("audit-status")).toHaveTextContent("Problem found at entry 7"));
    expect(rust.audit_verify).toHaveBeenCalledTimes(1);
    expect(screen.getByTestId("audit-problem")).toBeInTheDocument();
    expect(screen.getByTestId("audit-head")).toHaveTextContent("00aa");
  });
});

describe("Settings: About Safekeeper", () => {
  it("names the version, where the records are and the licence in words", async () => {
    open();
    const about = await screen.findByTestId("settings-about");
    expect(within(about).getByTestId("about-version")).toHaveTextContent("0.1.0");
    expect(within(about).getByTestId("about-records-folder")).toHaveTextContent(
      "/home/sam/.local/share/uk.org.safekeeper.desktop",
    );
    expect(within(about).getByTestId("about-licence")).toHaveTextContent(
      "GNU Affero General Public License, version 3 or later",
    );
    expect(about).toHaveTextContent(/uninstalling Safekeeper/);
  });
});
