import { render, screen, waitFor } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { rustError } from "../../test/tauriFake";

vi.mock("../../lib/api", async (importOriginal) => ({
  ...(await importOriginal<typeof import("../../lib/api")>()),
  setupSaveKit: vi.fn(),
  setupDeleteKit: vi.fn(),
  setupFinish: vi.fn(),
}));

const { setupDeleteKit, setupFinish, setupSaveKit } = await import("../../lib/api");
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
    vi.mocked(setupSaveKit).mockResolvedValueOnce({ path: "/media/usb/Safekeeper Emergency Kit.pdf", cloudSync: null });
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
    expect(screen.queryByTestId("kit-cloud-warning")).toBeNull();
  });

  it("warns when the kit went into a folder cloud sync usually copies", async () => {
    vi.mocked(setupSaveKit).mockResolvedValueOnce({ path: "/home/sam/Documents/Kit.pdf", cloudSync: "Documents" });
    render(RecoveryKeyStep, { recovery, onBack: vi.fn() });
    await userEvent.setup().click(screen.getByTestId("save-kit"));
    expect(await screen.findByTestId("kit-cloud-warning")).toHaveTextContent(/Documents folder, which OneDrive/);
  });

  it("needs exactly 6 characters before asking Rust", async () => {
    render(RecoveryKeyStep, { recovery, onBack: vi.fn() });
    const user = userEvent.setup();
    await user.type(screen.getByTestId("confirm-last6"), "4KXZ");
    await user.click(screen.getByTestId("create-vault"));

    expect(await screen.findByRole("link", { name: /Enter exactly 6 letters or numbers/ })).toHaveAttribute(
      "href",
      "#setup-confirm-last6",
    );
    expect(setupFinish).not.toHaveBeenCalled();
  });

  it("says by the field when the characters are wrong, before asking anything else", async () => {
    render(RecoveryKeyStep, { recovery, onBack: vi.fn() });
    const user = userEvent.setup();
    await user.type(screen.getByTestId("confirm-last6"), "ABCDEF");
    await user.click(screen.getByTestId("create-vault"));

    expect(
      await screen.findByRole("link", { name: /Those are not the last 6 characters of your recovery key/ }),
    ).toHaveAttribute("href", "#setup-confirm-last6");
    expect(setupFinish).not.toHaveBeenCalled();
    expect(screen.queryByTestId("kit-printed-question")).toBeNull();
  });

  it("shows Rust's message by the field when Rust refuses the characters", async () => {
    const message = "Those are not the last 6 characters of your recovery key.";
    vi.mocked(setupFinish).mockRejectedValueOnce(rustError("setup.confirmationMismatch", message));
    render(RecoveryKeyStep, { recovery, onBack: vi.fn() });
    const user = userEvent.setup();
    await user.type(screen.getByTestId("confirm-last6"), "7H4KXZ");
    await user.click(screen.getByTestId("create-vault"));

    expect(await screen.findByRole("link", { name: message })).toHaveAttribute("href", "#setup-confirm-last6");
    expect(setupFinish).toHaveBeenCalledWith("7H4KXZ");
  });

  it("after the 6 characters, asks whether the saved kit is printed and deletes it on request", async () => {
    vi.mocked(setupSaveKit).mockResolvedValueOnce({ path: "/home/sam/Desktop/Kit.pdf", cloudSync: "Desktop" });
    vi.mocked(setupDeleteKit).mockResolvedValueOnce(1);
    vi.mocked(setupFinish).mockResolvedValueOnce(undefined);
    render(RecoveryKeyStep, { recovery, onBack: vi.fn() });
    const user = userEvent.setup();
    await user.click(screen.getByTestId("save-kit"));
    await screen.findByTestId("kit-saved");
    await user.type(screen.getByTestId("confirm-last6"), "7H4KXZ");
    await user.click(screen.getByTestId("create-vault"));

    const question = await screen.findByTestId("kit-printed-question");
    expect(question).toHaveTextContent("Have you printed the Emergency Kit?");
    expect(question).toHaveTextContent(/Desktop folder, which OneDrive/);
    expect(screen.getByRole("heading", { name: "Have you printed the Emergency Kit?" })).toHaveFocus();
    expect(setupFinish).not.toHaveBeenCalled();

    await user.click(screen.getByTestId("kit-delete-and-create"));
    await waitFor(() => expect(setupFinish).toHaveBeenCalledWith("7H4KXZ"));
    expect(setupDeleteKit).toHaveBeenCalledTimes(1);
    expect(vi.mocked(setupDeleteKit).mock.invocationCallOrder[0]).toBeLessThan(
      vi.mocked(setupFinish).mock.invocationCallOrder[0],
    );
    expect(await screen.findByTestId("vault-created")).toBeInTheDocument();
  });

  it("keeps the saved kit when asked to", async () => {
    vi.mocked(setupDeleteKit).mockClear();
    vi.mocked(setupSaveKit).mockResolvedValueOnce({ path: "/media/usb/Kit.pdf", cloudSync: null });
    vi.mocked(setupFinish).mockResolvedValueOnce(undefined);
    render(RecoveryKeyStep, { recovery, onBack: vi.fn() });
    const user = userEvent.setup();
    await user.click(screen.getByTestId("save-kit"));
    await screen.findByTestId("kit-saved");
    await user.type(screen.getByTestId("confirm-last6"), "7h4kxz");
    await user.click(screen.getByTestId("create-vault"));
    await user.click(await screen.findByTestId("kit-keep-and-create"));
    await waitFor(() => expect(setupFinish).toHaveBeenCalledWith("7h4kxz"));
    expect(setupDeleteKit).not.toHaveBeenCalled();
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

  // A real key is "AGE-SECRET-KEY-1" and 58 characters in groups of 8, so its last group holds 2
  // and the last 6 straddle a space.
  const realShape = {
    recoveryKey: `AGE-SECRET-KEY-1${"QYQSZQGP".repeat(6)}QYQS4KXZ7H`,
    groups: ["AGE-SECRET-KEY-1", ...Array(6).fill("QYQSZQGP"), "QYQS4KXZ", "7H"],
  };

  it("recovery_key_last_six_typed_across_the_space_is_accepted: the space and lower case are ignored", async () => {
    vi.mocked(setupFinish).mockResolvedValueOnce(undefined);
    render(RecoveryKeyStep, { recovery: realShape, onBack: vi.fn() });
    expect(screen.getByText(/the last 4 of the group before last, then the 2 of the last group\. Spaces do not count\./)).toBeInTheDocument();
    const user = userEvent.setup();
    await user.type(screen.getByTestId("confirm-last6"), "4kxz 7h");
    await user.click(screen.getByTestId("create-vault"));

    await waitFor(() => expect(setupFinish).toHaveBeenCalledWith("4kxz7h"));
    expect(screen.queryByTestId("error-summary")).toBeNull();
  });

  it("recovery_key_space_counted_as_a_character: says spaces do not count rather than only 'You entered 5'", async () => {
    render(RecoveryKeyStep, { recovery: realShape, onBack: vi.fn() });
    const user = userEvent.setup();
    // Six characters as shown, one of them the space between the groups.
    await user.type(screen.getByTestId("confirm-last6"), "KXZ 7H");
    await user.click(screen.getByTestId("create-vault"));

    expect(
      await screen.findByRole("link", { name: /You entered 5 \(spaces do not count\)/ }),
    ).toHaveAttribute("href", "#setup-confirm-last6");
    expect(setupFinish).not.toHaveBeenCalled();
  });
});
