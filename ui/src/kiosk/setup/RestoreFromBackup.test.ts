import { render, screen } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { BackupForNewVault } from "../../lib/bindings";
import { rustError, strength } from "../../test/tauriFake";

vi.mock("../../lib/api", async (importOriginal) => ({
  ...(await importOriginal<typeof import("../../lib/api")>()),
  passphraseStrength: vi.fn(),
  setupRestoreRead: vi.fn(),
  setupRestoreFinish: vi.fn(),
}));

const { passphraseStrength, setupRestoreRead, setupRestoreFinish } = await import("../../lib/api");
const { default: RestoreFromBackup } = await import("./RestoreFromBackup.svelte");

const found: BackupForNewVault = {
  manifest: {
    vaultId: "v1",
    createdAt: "2026-11-22T14:32:00Z",
    appVersion: "0.1.0",
    schemaVersion: 10,
    counts: [
      ["people", 12],
      ["incidents", 2],
    ],
    auditHead: "ab12",
  },
  admins: [
    { id: "a1", name: "Alex Morgan", createdAt: "2026-01-01T00:00:00Z", isCurrent: false },
    { id: "a2", name: "Jordan Lee", createdAt: "2026-02-01T00:00:00Z", isCurrent: false },
  ],
};

function setup() {
  const handlers = { onCancel: vi.fn(), onFinished: vi.fn(), onAlreadySetUp: vi.fn() };
  render(RestoreFromBackup, handlers);
  return handlers;
}

describe("first run: restore from a backup", () => {
  beforeEach(() => {
    vi.mocked(passphraseStrength).mockResolvedValue(strength(4));
    vi.mocked(setupRestoreRead).mockReset();
    vi.mocked(setupRestoreFinish).mockReset();
  });

  it("reads the backup with the key, then makes the vault for the admin chosen", async () => {
    vi.mocked(setupRestoreRead).mockResolvedValue(found);
    vi.mocked(setupRestoreFinish).mockResolvedValue(undefined);
    const handlers = setup();
    const user = userEvent.setup();

    await user.click(screen.getByTestId("restore-new-choose"));
    expect(await screen.findByRole("link", { name: /Enter the recovery key/ })).toBeVisible();
    expect(setupRestoreRead).not.toHaveBeenCalled();

    await user.type(screen.getByTestId("restore-new-key"), "AGE-SECRET-KEY-1 QQQQ\nWWWW");
    await user.click(screen.getByTestId("restore-new-choose"));
    expect(setupRestoreRead).toHaveBeenCalledWith("AGE-SECRET-KEY-1QQQQWWWW");
    expect(await screen.findByTestId("restore-new-summary")).toHaveTextContent("22 November 2026 at 14:32");
    expect(screen.getByTestId("restore-new-summary")).toHaveTextContent("12 people");

    // No admin chosen: nothing is made.
    await user.type(screen.getByTestId("restore-new-passphrase"), "kettle orbit velvet number");
    await user.type(screen.getByTestId("restore-new-passphrase-confirm"), "kettle orbit velvet number");
    await user.click(screen.getByTestId("restore-new-finish"));
    expect(await screen.findByRole("link", { name: /Choose which admin you are/ })).toBeVisible();
    expect(setupRestoreFinish).not.toHaveBeenCalled();

    await user.click(screen.getByLabelText("Jordan Lee"));
    await user.click(screen.getByTestId("restore-new-finish"));
    expect(setupRestoreFinish).toHaveBeenCalledWith({
      recoveryKey: "AGE-SECRET-KEY-1QQQQWWWW",
      adminId: "a2",
      passphrase: "kettle orbit velvet number",
    });
    expect(handlers.onFinished).toHaveBeenCalledTimes(1);
  });

  it("shows a wrong key's plain message at the key and stays on the first step", async () => {
    vi.mocked(setupRestoreRead).mockRejectedValue(
      rustError("backup.notForThisVault", "That backup was made for a different organisation's Safekeeper."),
    );
    const handlers = setup();
    const user = userEvent.setup();
    await user.type(screen.getByTestId("restore-new-key"), "AGE-SECRET-KEY-1WRONG");
    await user.click(screen.getByTestId("restore-new-choose"));
    expect(await screen.findByRole("link", { name: /different organisation/ })).toHaveAttribute("href", "#restore-key");
    expect(screen.queryByTestId("restore-new-summary")).toBeNull();
    expect(handlers.onFinished).not.toHaveBeenCalled();
  });
});
