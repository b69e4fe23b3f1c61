import { render, screen } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { strength } from "../../test/tauriFake";
import type { ErrorItem } from "../formErrors";

vi.mock("../api", async (importOriginal) => ({
  ...(await importOriginal<typeof import("../api")>()),
  passphraseStrength: vi.fn(),
}));

const { passphraseStrength } = await import("../api");
const { default: NewPassphraseFields } = await import("./NewPassphraseFields.svelte");

function show(errors: ErrorItem[] = []) {
  return render(NewPassphraseFields, {
    id: "new-passphrase",
    label: "New passphrase",
    confirmLabel: "Type the new passphrase again",
    passphrase: "",
    errors,
    userInputs: ["Riverside Youth Club", "Sam Carter"],
    testid: "new-passphrase",
  });
}

async function fill(passphrase: string, confirmation: string) {
  const user = userEvent.setup();
  if (passphrase) await user.type(screen.getByTestId("new-passphrase"), passphrase);
  if (confirmation) await user.type(screen.getByTestId("new-passphrase-confirm"), confirmation);
}

describe("NewPassphraseFields", () => {
  beforeEach(() => {
    vi.mocked(passphraseStrength).mockReset();
    vi.mocked(passphraseStrength).mockResolvedValue(strength(4));
  });

  it("labels both boxes, states the minimum, and gives the repeat the passphrase's id and test id with -confirm", () => {
    show();
    const passphrase = screen.getByLabelText("New passphrase");
    const repeat = screen.getByLabelText("Type the new passphrase again");
    expect(passphrase).toHaveAttribute("id", "new-passphrase");
    expect(repeat).toHaveAttribute("id", "new-passphrase-confirm");
    expect(repeat).toHaveAttribute("data-testid", "new-passphrase-confirm");
    expect(screen.getByText("Use 4 or more random words, or a passphrase rated Strong.")).toBeInTheDocument();
    // One meter, under the passphrase: the repeat is not rated.
    expect(screen.getAllByTestId(/strength$/)).toHaveLength(1);
    expect(screen.getByTestId("new-passphrase-strength")).toBeInTheDocument();
  });

  it("asks for both boxes when nothing is typed", async () => {
    const { component } = show();
    expect(await component.validate()).toEqual([
      { fieldId: "new-passphrase", message: "Enter a passphrase" },
      { fieldId: "new-passphrase-confirm", message: "Type your passphrase again to confirm it" },
    ]);
    expect(passphraseStrength).not.toHaveBeenCalled();
  });

  it("names the repeat box when the two do not match", async () => {
    const { component } = show();
    await fill("kettle orbit velvet number", "kettle orbit velvet numbers");
    expect(await component.validate()).toEqual([
      {
        fieldId: "new-passphrase-confirm",
        message: "The passphrases do not match. Type the same passphrase in both boxes",
      },
    ]);
  });

  it("refuses a passphrase Rust rates below the minimum, rated against the names to avoid", async () => {
    vi.mocked(passphraseStrength).mockResolvedValue(strength(2));
    const { component } = show();
    await fill("riverside sam", "riverside sam");
    const problems = await component.validate();
    expect(problems).toEqual([
      {
        fieldId: "new-passphrase",
        message:
          "Choose a stronger passphrase. Use 4 or more random words, or keep adding words until it is rated Strong",
      },
    ]);
    expect(passphraseStrength).toHaveBeenLastCalledWith("riverside sam", ["Riverside Youth Club", "Sam Carter"]);
  });

  it("finds nothing wrong with a strong passphrase typed twice, and clears both boxes when asked", async () => {
    const { component } = show();
    await fill("kettle orbit velvet number", "kettle orbit velvet number");
    expect(await component.validate()).toEqual([]);

    component.clear();
    await vi.waitFor(() => expect(screen.getByTestId("new-passphrase")).toHaveValue(""));
    expect(screen.getByTestId("new-passphrase-confirm")).toHaveValue("");
  });

  it("shows each error beside the box it names", async () => {
    const { rerender } = show();
    await rerender({
      errors: [
        { fieldId: "new-passphrase-confirm", message: "The passphrases do not match. Type the same passphrase in both boxes" },
        { fieldId: "elsewhere", message: "Enter the new admin's name" },
      ],
    });
    expect(screen.getByTestId("new-passphrase-confirm")).toHaveAttribute("aria-invalid", "true");
    expect(screen.getByTestId("new-passphrase")).not.toHaveAttribute("aria-invalid");
    expect(screen.getByText(/The passphrases do not match/)).toBeInTheDocument();
    expect(screen.queryByText(/Enter the new admin's name/)).not.toBeInTheDocument();
  });
});
