import { render, screen, waitFor } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import type { UpgradeNotice as Notice } from "../lib/bindings";
import { fakeRust, rustError } from "../test/tauriFake";

vi.mock("@tauri-apps/api/core", () => ({ invoke: vi.fn() }));

const { invoke } = await import("@tauri-apps/api/core");
const { default: UpgradeNotice } = await import("./UpgradeNotice.svelte");

const notice: Notice = {
  fromSchema: 10,
  toSchema: 11,
  appVersion: "0.2.0",
  backupPath: "/home/sam/.local/share/uk.org.safekeeper.desktop/backups before updates/Safekeeper backup 2026-12-07 0912.age",
  upgradedAt: "2026-12-07T09:12:00Z",
  backupKind: "backup",
};

describe("The dashboard's notice after an update", () => {
  it("names the version and where the backup made before the update is", async () => {
    vi.mocked(invoke).mockImplementation(fakeRust({ upgrade_notice: () => notice }));
    render(UpgradeNotice);
    const shown = await screen.findByTestId("upgrade-notice");
    expect(shown).toHaveTextContent("Safekeeper 0.2.0 updated your records");
    expect(screen.getByTestId("upgrade-backup-path")).toHaveTextContent(notice.backupPath);
  });

  it("says when the records were too large for a backup and an encrypted copy was kept instead", async () => {
    const copy = "/home/sam/.local/share/uk.org.safekeeper.desktop/backups before updates/Safekeeper records 2026-12-07 0912 before update from records version 10 (encrypted copy)";
    vi.mocked(invoke).mockImplementation(
      fakeRust({ upgrade_notice: () => ({ ...notice, backupKind: "encryptedCopy", backupPath: copy }) }),
    );
    render(UpgradeNotice);
    const shown = await screen.findByTestId("upgrade-notice");
    expect(shown).toHaveTextContent("too large for one backup file");
    expect(shown).not.toHaveTextContent("made a verified backup");
    expect(screen.getByTestId("upgrade-backup-path")).toHaveTextContent(copy);
  });

  it("goes away for good once read, and tells Rust so", async () => {
    const dismiss = vi.fn(() => null);
    vi.mocked(invoke).mockImplementation(fakeRust({ upgrade_notice: () => notice, upgrade_notice_dismiss: dismiss }));
    render(UpgradeNotice);
    await userEvent.setup().click(await screen.findByTestId("upgrade-notice-dismiss"));
    await waitFor(() => expect(screen.queryByTestId("upgrade-notice")).not.toBeInTheDocument());
    expect(dismiss).toHaveBeenCalledTimes(1);
  });

  it("stays, with the reason, when it could not be marked as read", async () => {
    vi.mocked(invoke).mockImplementation(
      fakeRust({
        upgrade_notice: () => notice,
        upgrade_notice_dismiss: () => {
          throw rustError("vault.locked", "Safekeeper is locked. Unlock it to carry on.");
        },
      }),
    );
    render(UpgradeNotice);
    await userEvent.setup().click(await screen.findByTestId("upgrade-notice-dismiss"));
    expect(await screen.findByTestId("upgrade-notice-error")).toHaveTextContent("Safekeeper is locked");
    expect(screen.getByTestId("upgrade-notice")).toBeInTheDocument();
  });

  it("shows nothing when there was no update", async () => {
    const asked = vi.fn(() => null);
    vi.mocked(invoke).mockImplementation(fakeRust({ upgrade_notice: asked }));
    render(UpgradeNotice);
    await waitFor(() => expect(asked).toHaveBeenCalled());
    expect(screen.queryByTestId("upgrade-notice")).not.toBeInTheDocument();
  });
});
