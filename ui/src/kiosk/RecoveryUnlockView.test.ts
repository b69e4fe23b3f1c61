import { render, screen, waitFor } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { rustError } from "../test/tauriFake";

vi.mock("../lib/api", async (importOriginal) => ({
  ...(await importOriginal<typeof import("../lib/api")>()),
  recoveryUnlock: vi.fn(),
}));

const { recoveryUnlock } = await import("../lib/api");
const { default: RecoveryUnlockView } = await import("./RecoveryUnlockView.svelte");

describe("RecoveryUnlockView", () => {
  it("sends the key without the spaces and line breaks copied from the printout", async () => {
    vi.mocked(recoveryUnlock).mockResolvedValueOnce(undefined);
    const onUnlocked = vi.fn();
    render(RecoveryUnlockView, { onBack: vi.fn(), onUnlocked });
    const user = userEvent.setup();
    await user.type(screen.getByTestId("recovery-key-input"), "AGE-SECRET-KEY-1 QYQSZQGP{Enter}7H4KXZ");
    await user.click(screen.getByTestId("recovery-submit"));

    await waitFor(() => expect(onUnlocked).toHaveBeenCalled());
    expect(recoveryUnlock).toHaveBeenCalledWith("AGE-SECRET-KEY-1QYQSZQGP7H4KXZ");
    expect(screen.getByTestId("recovery-key-input")).toHaveValue("");
  });

  it("shows Rust's message by the box for a key that is not right", async () => {
    const message = "That is not a recovery key. Check each character against your Emergency Kit.";
    vi.mocked(recoveryUnlock).mockRejectedValueOnce(rustError("vault.badRecoveryKey", message));
    render(RecoveryUnlockView, { onBack: vi.fn(), onUnlocked: vi.fn() });
    const user = userEvent.setup();
    await user.type(screen.getByTestId("recovery-key-input"), "AGE-SECRET-KEY-1TYPO");
    await user.click(screen.getByTestId("recovery-submit"));

    expect(await screen.findByRole("link", { name: message })).toHaveAttribute("href", "#recovery-key-input");
  });
});
