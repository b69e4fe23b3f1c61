import { render, screen, waitFor } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { rustError } from "../test/tauriFake";

vi.mock("../lib/api", async (importOriginal) => ({
  ...(await importOriginal<typeof import("../lib/api")>()),
  unlock: vi.fn(),
}));

const { unlock } = await import("../lib/api");
const { default: UnlockView } = await import("./UnlockView.svelte");

function show(demoPassphrase: string | null = null) {
  const handlers = { onBack: vi.fn(), onRecovery: vi.fn(), onUnlocked: vi.fn() };
  render(UnlockView, { demoPassphrase, ...handlers });
  return handlers;
}

describe("UnlockView", () => {
  it("shows Rust's message for a wrong passphrase, in the summary and by the field, and clears it", async () => {
    const message = "That passphrase is not right. Check it and try again.";
    vi.mocked(unlock).mockRejectedValue(rustError("vault.wrongPassphrase", message));
    const { onUnlocked } = show();
    const user = userEvent.setup();

    const field = screen.getByTestId("unlock-passphrase");
    await user.type(field, "wrong horse battery");
    await user.click(screen.getByTestId("unlock-submit"));

    const summary = await screen.findByTestId("error-summary");
    expect(summary).toHaveFocus();
    expect(screen.getByRole("link", { name: message })).toHaveAttribute("href", "#unlock-passphrase");
    expect(screen.getByText(message, { selector: "p" })).toBeInTheDocument();
    expect(field).toHaveValue("");
    expect(field).toHaveAttribute("aria-invalid", "true");
    expect(unlock).toHaveBeenCalledWith("wrong horse battery");
    expect(onUnlocked).not.toHaveBeenCalled();
  });

  it("asks for a passphrase before trying to unlock", async () => {
    show();
    await userEvent.click(screen.getByTestId("unlock-submit"));
    expect(await screen.findByRole("link", { name: "Enter your passphrase" })).toBeInTheDocument();
    expect(unlock).not.toHaveBeenCalled();
  });

  it("shows that it is busy while unlocking, and cannot be pressed twice", async () => {
    let finish: () => void = () => {};
    vi.mocked(unlock).mockImplementation(() => new Promise<void>((resolve) => (finish = resolve)));
    const { onUnlocked } = show();
    const user = userEvent.setup();

    await user.type(screen.getByTestId("unlock-passphrase"), "kettle orbit velvet number");
    await user.click(screen.getByTestId("unlock-submit"));
    const button = screen.getByTestId("unlock-submit");
    expect(button).toHaveTextContent("Unlocking…");
    expect(button).toHaveAttribute("aria-disabled", "true");
    expect(screen.getAllByRole("status").map((region) => region.textContent)).toContain("Unlocking…");

    await user.click(button);
    expect(unlock).toHaveBeenCalledTimes(1);

    finish();
    await waitFor(() => expect(onUnlocked).toHaveBeenCalled());
    expect(screen.getByTestId("unlock-passphrase")).toHaveValue("");
  });

  it("shows a problem that is not about the passphrase without blaming the field", async () => {
    vi.mocked(unlock).mockRejectedValue(
      rustError("store.damaged", "The records on this laptop are damaged."),
    );
    show();
    const user = userEvent.setup();
    await user.type(screen.getByTestId("unlock-passphrase"), "anything at all");
    await user.click(screen.getByTestId("unlock-submit"));

    expect(await screen.findByText("The records on this laptop are damaged.")).toBeInTheDocument();
    expect(screen.queryByRole("link", { name: /damaged/ })).toBeNull();
    expect(screen.getByTestId("unlock-passphrase")).not.toHaveAttribute("aria-invalid");
  });

  it("shows the demo passphrase in a demo", () => {
    show("demo-otter-lantern");
    expect(screen.getByTestId("demo-passphrase")).toHaveTextContent("Demo passphrase: demo-otter-lantern");
  });

  it("offers the recovery key when the passphrase is forgotten", async () => {
    const { onRecovery } = show();
    await userEvent.click(screen.getByTestId("recovery-link"));
    expect(onRecovery).toHaveBeenCalled();
  });
});
