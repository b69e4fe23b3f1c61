import { render, screen, waitFor } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { rustError, strength } from "../../test/tauriFake";

vi.mock("../../lib/api", async (importOriginal) => ({
  ...(await importOriginal<typeof import("../../lib/api")>()),
  passphraseStrength: vi.fn(),
  setupBegin: vi.fn(),
}));

const { passphraseStrength, setupBegin } = await import("../../lib/api");
const { default: AdminStep } = await import("./AdminStep.svelte");

function setup() {
  const handlers = {
    onBack: vi.fn(),
    onBegun: vi.fn(),
    onOrgNameRejected: vi.fn(),
    onAlreadySetUp: vi.fn(),
  };
  render(AdminStep, { orgName: "Riverside Youth Club", adminName: "", ...handlers });
  return handlers;
}

async function fill(name: string, passphrase: string, confirmation: string) {
  const user = userEvent.setup();
  if (name) await user.type(screen.getByTestId("admin-name"), name);
  if (passphrase) await user.type(screen.getByTestId("passphrase"), passphrase);
  if (confirmation) await user.type(screen.getByTestId("passphrase-confirm"), confirmation);
  await user.click(screen.getByTestId("continue"));
}

describe("setup: the first admin's passphrase", () => {
  beforeEach(() => {
    vi.mocked(passphraseStrength).mockResolvedValue(strength(4));
    vi.mocked(setupBegin).mockResolvedValue({
      recoveryKey: "AGE-SECRET-KEY-1QQQQ",
      groups: ["AGE-SECRET-KEY-1", "QQQQ"],
    });
  });

  it("refuses a confirmation that does not match, without calling setup", async () => {
    setup();
    await fill("Sam Patel", "kettle orbit velvet number", "kettle orbit velvet numbers");

    const summary = await screen.findByTestId("error-summary");
    expect(summary).toHaveFocus();
    const link = screen.getByRole("link", { name: /passphrases do not match/ });
    expect(link).toHaveAttribute("href", "#setup-passphrase-confirm");
    expect(screen.getByTestId("passphrase-confirm")).toHaveAttribute("aria-invalid", "true");
    expect(setupBegin).not.toHaveBeenCalled();
  });

  it("refuses a passphrase rated below Strong, without calling setup", async () => {
    vi.mocked(passphraseStrength).mockResolvedValue(strength(2));
    setup();
    await fill("Sam Patel", "riverside2024", "riverside2024");

    expect(await screen.findByRole("link", { name: /Choose a stronger passphrase/ })).toHaveAttribute(
      "href",
      "#setup-passphrase",
    );
    expect(setupBegin).not.toHaveBeenCalled();
  });

  it("asks for every missing answer at once", async () => {
    setup();
    await fill("", "", "");
    await screen.findByTestId("error-summary");
    expect(screen.getByRole("link", { name: "Enter your name" })).toBeInTheDocument();
    expect(screen.getByRole("link", { name: "Enter a passphrase" })).toBeInTheDocument();
    expect(screen.getByRole("link", { name: /Type your passphrase again/ })).toBeInTheDocument();
    expect(setupBegin).not.toHaveBeenCalled();
  });

  it("sends good answers to Rust, then clears the passphrase boxes", async () => {
    const { onBegun } = setup();
    await fill("  Sam Patel ", "kettle orbit velvet number", "kettle orbit velvet number");

    await waitFor(() => expect(onBegun).toHaveBeenCalled());
    expect(setupBegin).toHaveBeenCalledWith({
      orgName: "Riverside Youth Club",
      adminName: "Sam Patel",
      passphrase: "kettle orbit velvet number",
    });
    expect(screen.getByTestId("passphrase")).toHaveValue("");
    expect(screen.getByTestId("passphrase-confirm")).toHaveValue("");
  });

  it("puts Rust's reason beside the field it is about", async () => {
    vi.mocked(setupBegin).mockRejectedValue(
      rustError("setup.invalidName", "Enter your full name (at least two letters)."),
    );
    setup();
    await fill("S", "kettle orbit velvet number", "kettle orbit velvet number");

    expect(await screen.findByRole("link", { name: /at least two letters/ })).toHaveAttribute(
      "href",
      "#setup-admin-name",
    );
    expect(screen.getByText(/at least two letters/, { selector: "p" })).toBeInTheDocument();
  });

  it("sends an organisation name Rust refuses back to that step", async () => {
    vi.mocked(setupBegin).mockRejectedValue(
      rustError("setup.invalidOrgName", "Enter your organisation's name (up to 120 characters)."),
    );
    const { onOrgNameRejected } = setup();
    await fill("Sam Patel", "kettle orbit velvet number", "kettle orbit velvet number");
    await waitFor(() =>
      expect(onOrgNameRejected).toHaveBeenCalledWith(
        "Enter your organisation's name (up to 120 characters).",
      ),
    );
  });
});
