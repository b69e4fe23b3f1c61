import { render, screen } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import type { BackupReport, BackupStatus } from "../../lib/bindings";
import { fakeRust, rustError } from "../../test/tauriFake";

vi.mock("@tauri-apps/api/core", () => ({ invoke: vi.fn() }));

const { invoke } = await import("@tauri-apps/api/core");
const { default: BackupSection } = await import("./BackupSection.svelte");
const { default: BackupReminder } = await import("../BackupReminder.svelte");

const never: BackupStatus = { lastVerified: null, reminderDays: 7, due: true, recordsBytes: 20_000_000, sizeLimitBytes: 1_073_741_824, nearSizeLimit: false };
const report: BackupReport = {
  path: "/media/usb/Safekeeper backup 2026-11-22 1432.age",
  bytes: 81920,
  manifest: {
    vaultId: "v1",
    createdAt: "2026-11-22T14:32:00Z",
    appVersion: "0.1.0",
    schemaVersion: 9,
    counts: [
      ["people", 12],
      ["signatures", 0],
      ["audit", 40],
    ],
    auditHead: "ab12cd34ef56ab12cd34ef56",
  },
};

describe("Backups", () => {
  it("says Backup verified only after Rust reports it, with what the backup holds", async () => {
    let status = never;
    const now = vi.fn(() => {
      status = { lastVerified: "2026-11-22T14:32:00Z", reminderDays: 7, due: false, recordsBytes: 20_000_000, sizeLimitBytes: 1_073_741_824, nearSizeLimit: false };
      return report;
    });
    vi.mocked(invoke).mockImplementation(fakeRust({ backup_status: () => status, backup_now: now }));
    render(BackupSection);
    expect(await screen.findByTestId("backup-last")).toHaveTextContent("No backup has been made yet.");
    await userEvent.setup().click(screen.getByTestId("backup-now"));
    const verified = await screen.findByTestId("backup-verified");
    expect(verified).toHaveTextContent("Backup verified");
    expect(verified).toHaveTextContent("12 people, 40 audit entries");
    expect(verified).not.toHaveTextContent("AUP signatures");
    expect(screen.getByTestId("backup-path")).toHaveTextContent("/media/usb/Safekeeper backup 2026-11-22 1432.age");
    expect(await screen.findByTestId("backup-last")).toHaveTextContent("Last verified backup: 22 November 2026 at 14:32");
    expect(now).toHaveBeenCalledTimes(1);
  });

  it("shows Rust's plain message when the backup fails, and no verified line", async () => {
    vi.mocked(invoke).mockImplementation(
      fakeRust({
        backup_status: () => never,
        backup_now: () => {
          throw rustError("backup.write", "The backup could not be written to that folder (disk full). Check the USB stick is still in and has space, then try again. Your records are unchanged.");
        },
      }),
    );
    render(BackupSection);
    await userEvent.setup().click(await screen.findByTestId("backup-now"));
    expect(await screen.findByTestId("backup-error")).toHaveTextContent("Check the USB stick is still in and has space");
    expect(screen.queryByTestId("backup-verified")).toBeNull();
  });

  it("reminds on the dashboard only when a backup is due", async () => {
    vi.mocked(invoke).mockImplementation(fakeRust({ backup_status: () => never }));
    const { unmount } = render(BackupReminder, { onOpenSettings: () => {} });
    expect(await screen.findByTestId("backup-reminder")).toHaveTextContent("No backup of these records has been made yet.");
    unmount();
    vi.mocked(invoke).mockImplementation(
      fakeRust({ backup_status: () => ({ lastVerified: "2026-11-21T09:00:00Z", reminderDays: 7, due: false, recordsBytes: 20_000_000, sizeLimitBytes: 1_073_741_824, nearSizeLimit: false }) }),
    );
    render(BackupReminder, { onOpenSettings: () => {} });
    await new Promise((r) => setTimeout(r, 20));
    expect(screen.queryByTestId("backup-reminder")).toBeNull();
  });
});
