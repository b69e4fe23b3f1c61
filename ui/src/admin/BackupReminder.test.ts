import { render, screen } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import type { BackupStatus } from "../lib/bindings";
import { fakeRust } from "../test/tauriFake";

vi.mock("@tauri-apps/api/core", () => ({ invoke: vi.fn() }));

const { invoke } = await import("@tauri-apps/api/core");
const { default: BackupReminder } = await import("./BackupReminder.svelte");

const recent: BackupStatus = {
  lastVerified: "2026-11-30T10:00:00Z",
  reminderDays: 14,
  due: false,
  recordsBytes: 20_000_000,
  sizeLimitBytes: 1_073_741_824,
  nearSizeLimit: false,
};

describe("The dashboard's backup notices", () => {
  it("says when a backup is due, with the organisation's number of days", async () => {
    vi.mocked(invoke).mockImplementation(
      fakeRust({ backup_status: () => ({ ...recent, due: true }), restore_status: () => null }),
    );
    render(BackupReminder, { onOpenSettings: vi.fn() });
    expect(await screen.findByTestId("backup-reminder")).toHaveTextContent("14 or more days ago");
    expect(screen.queryByTestId("restore-waiting")).not.toBeInTheDocument();
  });

  it("warns when the records near the largest backup there can be, and says what to do", async () => {
    vi.mocked(invoke).mockImplementation(
      fakeRust({
        backup_status: () => ({ ...recent, recordsBytes: 900_000_000, nearSizeLimit: true }),
        restore_status: () => null,
      }),
    );
    render(BackupReminder, { onOpenSettings: vi.fn() });
    const warning = await screen.findByTestId("backup-size-warning");
    expect(warning).toHaveTextContent("about 900 MB");
    expect(warning).toHaveTextContent("at most 1074 MB");
    expect(warning).toHaveTextContent("Remove scans, certificates or policy documents you no longer need");
    expect(screen.queryByTestId("backup-reminder")).not.toBeInTheDocument();
  });

  it("says nothing about size while the records are far from the largest backup", async () => {
    vi.mocked(invoke).mockImplementation(fakeRust({ backup_status: () => ({ ...recent, due: true }), restore_status: () => null }));
    render(BackupReminder, { onOpenSettings: vi.fn() });
    await screen.findByTestId("backup-reminder");
    expect(screen.queryByTestId("backup-size-warning")).not.toBeInTheDocument();
  });

  it("says a restore is waiting to be kept or undone, and leads to Settings", async () => {
    vi.mocked(invoke).mockImplementation(
      fakeRust({ backup_status: () => recent, restore_status: () => ({ backupCreatedAt: "2026-11-22T14:32:00Z" }) }),
    );
    const open = vi.fn();
    render(BackupReminder, { onOpenSettings: open });
    const waiting = await screen.findByTestId("restore-waiting");
    expect(waiting).toHaveTextContent("made on 22 November 2026 at 14:32");
    expect(screen.queryByTestId("backup-reminder")).not.toBeInTheDocument();
    await userEvent.setup().click(screen.getByTestId("restore-waiting-link"));
    expect(open).toHaveBeenCalledOnce();
  });
});
