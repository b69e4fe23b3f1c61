import { fireEvent, render, screen } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { strength } from "../../test/tauriFake";

vi.mock("../api", async (importOriginal) => ({
  ...(await importOriginal<typeof import("../api")>()),
  passphraseStrength: vi.fn(),
}));

const { passphraseStrength } = await import("../api");
const { default: PassphraseField } = await import("./PassphraseField.svelte");

describe("PassphraseField", () => {
  beforeEach(() => {
    vi.mocked(passphraseStrength).mockResolvedValue(strength(3));
  });

  afterEach(() => vi.useRealTimers());

  it("hides the passphrase until Show is pressed", async () => {
    render(PassphraseField, { id: "p", label: "Passphrase", value: "", testid: "passphrase" });
    const input = screen.getByTestId("passphrase");
    expect(input).toHaveAttribute("type", "password");
    expect(input).toHaveAttribute("autocomplete", "off");

    await userEvent.click(screen.getByRole("button", { name: "Show passphrase" }));
    expect(input).toHaveAttribute("type", "text");
    await userEvent.click(screen.getByRole("button", { name: "Hide passphrase" }));
    expect(input).toHaveAttribute("type", "password");
  });

  it("asks for strength once typing pauses for 150 ms, with the names to avoid", async () => {
    vi.useFakeTimers();
    render(PassphraseField, {
      id: "p",
      label: "Passphrase",
      value: "",
      meter: true,
      userInputs: ["Riverside Youth Club", "", "Sam"],
      testid: "passphrase",
    });
    const input = screen.getByTestId("passphrase");

    for (const typed of ["o", "or", "orb", "orbit"]) {
      await fireEvent.input(input, { target: { value: typed } });
      await vi.advanceTimersByTimeAsync(100);
    }
    expect(passphraseStrength).not.toHaveBeenCalled();

    await vi.advanceTimersByTimeAsync(50);
    expect(passphraseStrength).toHaveBeenCalledTimes(1);
    expect(passphraseStrength).toHaveBeenCalledWith("orbit", ["Riverside Youth Club", "Sam"]);
    expect(screen.getByTestId("passphrase-strength-label")).toHaveTextContent("Strength: Strong.");
  });

  it("states the minimum under a new passphrase", () => {
    render(PassphraseField, { id: "p", label: "Passphrase", value: "", meter: true });
    expect(
      screen.getByText("Use 4 or more random words, or a passphrase rated Strong."),
    ).toBeInTheDocument();
  });
});
