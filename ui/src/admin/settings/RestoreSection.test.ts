import { render, screen } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import type { RestoreAwaiting, RestorePreview } from "../../lib/bindings";
import { fakeRust, rustError } from "../../test/tauriFake";

vi.mock("@tauri-apps/api/core", () => ({ invoke: vi.fn() }));

const { invoke } = await import("@tauri-apps/api/core");
const { default: RestoreSection } = await import("./RestoreSection.svelte");

const preview: RestorePreview = {
  fileName: "Safekeeper backup 2026-11-22 1432.age",
  origin: "thisVault",
  manifest: {
    vaultId: "v1",
    createdAt: "2026-11-22T14:32:00Z",
    appVersion: "0.1.0",
    schemaVersion: 9,
    counts: [
      ["people", 12],
      ["incidents", 2],
    ],
    auditHead: "ab12",
  },
  currentCounts: [
    ["people", 14],
    ["incidents", 3],
  ],
};
const awaiting: RestoreAwaiting = { backupCreatedAt: "2026-11-22T14:32:00Z" };

describe("Restore from a backup", () => {
  it("shows what the backup holds beside what is there now before anything changes, then waits to be kept", async () => {
    let waiting: RestoreAwaiting | null = null;
    const commit = vi.fn(() => (waiting = awaiting));
    const keep = vi.fn(() => (waiting = null));
    const changed = vi.fn();
    vi.mocked(invoke).mockImplementation(
      fakeRust({
        restore_status: () => waiting,
        restore_choose: () => preview,
        restore_commit: commit,
        restore_keep: keep,
      }),
    );
    render(RestoreSection, { onRecordsChanged: changed });
    const user = userEvent.setup();
    await user.click(await screen.findByTestId("restore-choose"));
    const shown = await screen.findByTestId("restore-preview");
    expect(shown).toHaveTextContent("22 November 2026 at 14:32");
    expect(screen.getByTestId("restore-origin")).toHaveTextContent("made by this vault on");
    expect(screen.queryByTestId("restore-key-step")).toBeNull();
    const rows = screen
      .getAllByRole("row")
      .map((r) => [...r.querySelectorAll("th, td")].map((cell) => cell.textContent?.trim()).join(" "));
    expect(rows).toContain("People 12 14");
    expect(rows).toContain("Incidents 2 3");
    expect(commit).not.toHaveBeenCalled();

    await user.click(screen.getByTestId("restore-commit"));
    expect(await screen.findByTestId("restore-awaiting")).toHaveTextContent("kept aside until you decide");
    expect(changed).toHaveBeenCalledTimes(1);
    await user.click(screen.getByTestId("restore-keep"));
    expect(await screen.findByTestId("restore-done")).toHaveTextContent("Restore kept");
    expect(keep).toHaveBeenCalledTimes(1);
    expect(screen.queryByTestId("restore-awaiting")).toBeNull();
  });

  it("asks for the paper recovery key before restoring a backup this vault did not make", async () => {
    const keys: unknown[] = [];
    const commit = vi.fn((args: Record<string, unknown>) => {
      keys.push(args.recoveryKey);
      if (args.recoveryKey !== "AGE-SECRET-KEY-1RIGHT") {
        throw rustError("vault.cannotUnlock", "That recovery key belongs to a different Safekeeper vault.");
      }
      return awaiting;
    });
    const changed = vi.fn();
    vi.mocked(invoke).mockImplementation(
      fakeRust({
        restore_status: () => null,
        restore_choose: () => ({ ...preview, origin: "unverified" }),
        restore_commit: commit,
      }),
    );
    render(RestoreSection, { onRecordsChanged: changed });
    const user = userEvent.setup();
    await user.click(await screen.findByTestId("restore-choose"));
    expect(await screen.findByTestId("restore-origin")).toHaveTextContent(
      "not made by this vault, or it has been changed since it was made",
    );
    expect(screen.getByTestId("restore-key-step")).toHaveTextContent("enter the paper recovery key");

    // Without the key nothing is sent to Rust.
    await user.click(screen.getByTestId("restore-commit"));
    expect(await screen.findByText("Enter the recovery key from the Emergency Kit")).toBeVisible();
    expect(commit).not.toHaveBeenCalled();

    await user.type(screen.getByTestId("restore-recovery-key"), "AGE-SECRET-KEY-1WRONG");
    await user.click(screen.getByTestId("restore-commit"));
    expect(await screen.findByText(/belongs to a different Safekeeper vault/)).toBeVisible();
    expect(screen.queryByTestId("restore-awaiting")).toBeNull();
    expect(changed).not.toHaveBeenCalled();

    await user.clear(screen.getByTestId("restore-recovery-key"));
    await user.type(screen.getByTestId("restore-recovery-key"), "age-secret-key-1 RIGHT".toUpperCase());
    await user.click(screen.getByTestId("restore-commit"));
    expect(await screen.findByTestId("restore-awaiting")).toBeVisible();
    expect(keys).toEqual(["AGE-SECRET-KEY-1WRONG", "AGE-SECRET-KEY-1RIGHT"]);
    expect(changed).toHaveBeenCalledTimes(1);
  });

  it("shows Rust's plain message for a bad file and offers nothing to restore", async () => {
    vi.mocked(invoke).mockImplementation(
      fakeRust({
        restore_status: () => null,
        restore_choose: () => {
          throw rustError("backup.damaged", "That backup is damaged or incomplete. Try another backup. Nothing has been changed.");
        },
      }),
    );
    render(RestoreSection);
    await userEvent.setup().click(await screen.findByTestId("restore-choose"));
    expect(await screen.findByTestId("restore-error")).toHaveTextContent("Nothing has been changed.");
    expect(screen.queryByTestId("restore-preview")).toBeNull();
    expect(screen.queryByTestId("restore-commit")).toBeNull();
  });

  it("offers undo for a restore left waiting, and says the records are back", async () => {
    const undo = vi.fn(() => null);
    const changed = vi.fn();
    vi.mocked(invoke).mockImplementation(fakeRust({ restore_status: () => awaiting, restore_undo: undo }));
    render(RestoreSection, { onRecordsChanged: changed });
    await userEvent.setup().click(await screen.findByTestId("restore-undo"));
    expect(await screen.findByTestId("restore-done")).toHaveTextContent("back exactly as they were");
    expect(undo).toHaveBeenCalledTimes(1);
    expect(changed).toHaveBeenCalledTimes(1);
  });
});
