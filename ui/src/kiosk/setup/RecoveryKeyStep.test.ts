import { render, screen, waitFor } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { rustError } from "../../test/tauriFake";

vi.mock("../../lib/api", async (importOriginal) => ({
  ...(await importOriginal<typeof import("../../lib/api")>()),
  setupSaveKit: vi.fn(),
  setupFinish: vi.fn(),
}));

const { setupFinish, setupSaveKit } = await import("../../lib/api");
const { default: RecoveryKeyStep } = await import("./RecoveryKeyStep.svelte");

const recovery = {
  recoveryKey: "AGE-SECRET-KEY-1QYQSZQGPQYQSZQGPQYQSZQGP7H4KXZ",
  groups: ["AGE-SECRET-KEY-1", "QYQSZQGP", "QYQSZQGP", "QYQSZQGP", "7H4KXZ"],
};

describe("setup: the recovery key", () => {
  it("shows the key in its groups, which join back into the key", () => {
    render(RecoveryKeyStep, { recovery, onBack: vi.fn() });
    const groups = screen.getAllByTestId("recovery-key-group").map((group) => group.textContent);
    expect(groups).toEqual(recovery.groups);
    expect(screen.getByTestId("recovery-key").textContent?.replace(/\s+/g, "")).toBe(
      recovery.recoveryKey,
    );
  });

  it("says where the Emergency Kit was saved, or that it was not", async () => {
    vi.mocked(setupSaveKit).mockResolvedValueOnce(null);
    vi.mocked(setupSaveKit).mockResolvedValueOnce({ path: "/media/usb/Safekeeper Emergency Kit.pdf" });
    render(RecoveryKeyStep, { recovery, onBack: vi.fn() });
    const user = userEvent.setup();

    await user.click(screen.getByTestId("save-kit"));
    expect(await screen.findByTestId("kit-save-cancelled")).toBeInTheDocument();
    expect(screen.queryByTestId("kit-saved")).toBeNull();

    await user.click(screen.getByTestId("save-kit"));
    expect(await screen.findByTestId("kit-saved")).toHaveTextContent(
      "Saved to /media/usb/Safekeeper Emergency Kit.pdf",
    );
    expect(screen.queryByTestId("kit-save-cancelled")).toBeNull();
  });

  it("needs exactly 6 characters before asking Rust", async () => {
    render(RecoveryKeyStep, { recovery, onBack: vi.fn() });
    const user = userEvent.setup();
    await user.type(screen.getByTestId("confirm-last6"), "4KXZ");
    await user.click(screen.getByTestId("create-vault"));

    expect(await screen.findByRole("link", { name: /Enter exactly 6 characters/ })).toHaveAttribute(
      "href",
      "#setup-confirm-last6",
    );
    expect(setupFinish).not.toHaveBeenCalled();
  });

  it("shows Rust's message by the field when the characters are wrong", async () => {
    const message = "Those are not the last 6 characters of your recovery key.";
    vi.mocked(setupFinish).mockRejectedValueOnce(rustError("setup.confirmationMismatch", message));
    render(RecoveryKeyStep, { recovery, onBack: vi.fn() });
    const user = userEvent.setup();
    await user.type(screen.getByTestId("confirm-last6"), "ABCDEF");
    await user.click(screen.getByTestId("create-vault"));

    expect(await screen.findByRole("link", { name: message })).toHaveAttribute(
      "href",
      "#setup-confirm-last6",
    );
    expect(setupFinish).toHaveBeenCalledWith("ABCDEF");
  });

  it("creates the vault with the typed characters, spaces removed", async () => {
    vi.mocked(setupFinish).mockResolvedValueOnce(undefined);
    render(RecoveryKeyStep, { recovery, onBack: vi.fn() });
    const user = userEvent.setup();
    await user.type(screen.getByTestId("confirm-last6"), " 7h4 kxz ");
    await user.click(screen.getByTestId("create-vault"));

    await waitFor(() => expect(setupFinish).toHaveBeenCalledWith("7h4kxz"));
    expect(await screen.findByTestId("vault-created")).toBeInTheDocument();
    expect(screen.getByTestId("confirm-last6")).toHaveValue("");
  });
});
