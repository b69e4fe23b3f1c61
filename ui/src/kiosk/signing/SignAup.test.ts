import { render, screen, waitFor } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { beforeEach, describe, expect, it, vi } from "vitest";
import type { KioskAup } from "../../lib/bindings";
import { rustError } from "../../test/tauriFake";

// jsdom has no canvas: a stand-in pad "draws" when the test fires its end-of-stroke event.
vi.mock("signature_pad", () => {
  class FakePad extends EventTarget {
    drawn = false;
    constructor(public canvas: HTMLCanvasElement) {
      super();
      canvas.addEventListener("fake-stroke", () => {
        this.drawn = true;
        this.dispatchEvent(new Event("endStroke"));
      });
    }
    isEmpty() {
      return !this.drawn;
    }
    clear() {
      this.drawn = false;
    }
    off() {}
    toDataURL() {
      return "data:image/png;base64,iVBORw0KGgoFAKE";
    }
  }
  return { default: FakePad };
});

vi.mock("../../lib/api", async (importOriginal) => ({
  ...(await importOriginal<typeof import("../../lib/api")>()),
  kioskSigningOptions: vi.fn(),
  kioskSignAup: vi.fn(),
}));

const { kioskSigningOptions, kioskSignAup } = await import("../../lib/api");
const { default: SignAup } = await import("./SignAup.svelte");

function aup(over: Partial<KioskAup> = {}): KioskAup {
  return {
    aupId: "aup-staff",
    audience: "staffVolunteers",
    versionNumber: 2,
    versionHash: "a".repeat(64),
    content: {
      title: "Staff and volunteer acceptable use policy",
      intro: "This policy covers the laptop and the organisation's accounts.",
      rules: ["I will lock the screen when I step away.", "I will not share my passwords."],
      consequences: "Breaking these rules may lead to disciplinary action.",
      monitoring: "Use of our equipment is monitored.",
      reportConcerns: "Report concerns to Sam Okafor, the DSL.",
    },
    signers: [
      { token: "p1", displayName: "Ros F." },
      { token: "p2", displayName: "Sam O." },
    ],
    ...over,
  };
}

function draw(testid: string) {
  screen.getByTestId(testid).dispatchEvent(new Event("fake-stroke"));
}

beforeEach(() => {
  vi.mocked(kioskSigningOptions).mockReset();
  vi.mocked(kioskSignAup).mockReset();
});

describe("SignAup", () => {
  it("takes a listed person through reading, agreeing and a drawn signature to a receipt", async () => {
    vi.mocked(kioskSigningOptions).mockResolvedValue([aup()]);
    vi.mocked(kioskSignAup).mockResolvedValue({ number: "K7QM-4TXD" });
    const onExit = vi.fn();
    render(SignAup, { onExit, receiptMs: 60_000 });
    const user = userEvent.setup();

    // Only one policy is offered, so it starts at the name.
    await screen.findByRole("heading", { name: "What is your name?" });
    await user.click(screen.getByLabelText("Sam O."));
    await user.click(screen.getByTestId("signer-continue"));

    const rules = await screen.findByTestId("sign-aup-text-rules");
    expect(rules.querySelectorAll("li")).toHaveLength(2);
    await user.click(screen.getByTestId("read-continue"));
    expect(await screen.findByRole("link", { name: /Tick the box/ })).toBeInTheDocument();
    await user.click(screen.getByTestId("sign-agree"));
    await user.click(screen.getByTestId("read-continue"));

    expect(await screen.findByTestId("signing-as")).toHaveTextContent("Sam O.");
    await user.click(screen.getByTestId("sign-submit"));
    expect(await screen.findByRole("link", { name: /Sign in the box/ })).toBeInTheDocument();
    expect(kioskSignAup).not.toHaveBeenCalled();
    draw("signer-pad");
    await user.click(screen.getByTestId("sign-submit"));

    expect(await screen.findByTestId("receipt-number")).toHaveTextContent("K7QM-4TXD");
    expect(kioskSignAup).toHaveBeenCalledWith({
      aupId: "aup-staff",
      versionHash: "a".repeat(64),
      name: "Sam O.",
      personHint: "p2",
      mark: { kind: "drawn", png: "iVBORw0KGgoFAKE" },
      countersignature: null,
    });
    // Nothing the signer entered is left on screen with the receipt.
    expect(document.body.textContent).not.toContain("Sam O.");
    await user.click(screen.getByTestId("receipt-done"));
    expect(onExit).toHaveBeenCalled();
  });

  it("clears itself after the receipt has been shown for a while", async () => {
    vi.mocked(kioskSigningOptions).mockResolvedValue([aup({ signers: [] })]);
    vi.mocked(kioskSignAup).mockResolvedValue({ number: "ABCD-EFGH" });
    const onExit = vi.fn();
    render(SignAup, { onExit, receiptMs: 300 });
    const user = userEvent.setup();
    await user.type(await screen.findByTestId("signer-name"), "Ada Pennington");
    await user.click(screen.getByTestId("signer-continue"));
    await user.click(await screen.findByTestId("sign-agree"));
    await user.click(screen.getByTestId("read-continue"));
    await user.click(await screen.findByTestId("signer-type-instead"));
    await user.type(screen.getByTestId("signer-typed"), "Ada Pennington");
    await user.click(screen.getByTestId("sign-submit"));
    await screen.findByTestId("sign-receipt");
    expect(kioskSignAup).toHaveBeenCalledWith(
      expect.objectContaining({ name: "Ada Pennington", personHint: null, mark: { kind: "typed", name: "Ada Pennington" } }),
    );
    await waitFor(() => expect(onExit).toHaveBeenCalled(), { timeout: 2000 });
  });

  it("refuses initials for a typed name before anything is sent", async () => {
    vi.mocked(kioskSigningOptions).mockResolvedValue([aup()]);
    render(SignAup, { onExit: vi.fn() });
    const user = userEvent.setup();
    await user.click(await screen.findByLabelText("My name is not on the list"));
    await user.type(screen.getByTestId("signer-name"), "A. P.");
    await user.click(screen.getByTestId("signer-continue"));
    expect(await screen.findByRole("link", { name: /first name and your last name in full/ })).toBeInTheDocument();
    expect(screen.queryByTestId("sign-aup-text")).not.toBeInTheDocument();
  });

  it("lets a parent or carer countersign a young person's AUP", async () => {
    vi.mocked(kioskSigningOptions).mockResolvedValue([
      aup({ aupId: "aup-yp", audience: "youngPeople", signers: [] }),
    ]);
    vi.mocked(kioskSignAup).mockResolvedValue({ number: "WXYZ-2345" });
    render(SignAup, { onExit: vi.fn(), receiptMs: 60_000 });
    const user = userEvent.setup();
    await user.type(await screen.findByTestId("signer-name"), "Kai Turnbury");
    await user.click(screen.getByTestId("signer-continue"));
    await user.click(await screen.findByTestId("sign-agree"));
    await user.click(screen.getByTestId("read-continue"));
    draw("signer-pad");
    await user.click(await screen.findByTestId("counter-on"));
    await user.click(screen.getByTestId("sign-submit"));
    expect(await screen.findByRole("link", { name: /parent or carer’s full name/ })).toBeInTheDocument();
    await user.type(screen.getByTestId("counter-name"), "Dee Turnbury");
    draw("counter-pad");
    await user.click(screen.getByTestId("sign-submit"));
    await screen.findByTestId("sign-receipt");
    expect(vi.mocked(kioskSignAup).mock.calls[0][0].countersignature).toEqual({
      name: "Dee Turnbury",
      mark: { kind: "drawn", png: "iVBORw0KGgoFAKE" },
    });
  });

  it("keeps everything entered and shows Rust's message when handing in fails", async () => {
    vi.mocked(kioskSigningOptions).mockResolvedValue([aup()]);
    vi.mocked(kioskSignAup).mockRejectedValue(
      rustError("outbox.write", "Your answers could not be saved (disk full). Nothing was kept. Please tell a member of staff."),
    );
    render(SignAup, { onExit: vi.fn() });
    const user = userEvent.setup();
    await user.click(await screen.findByLabelText("Ros F."));
    await user.click(screen.getByTestId("signer-continue"));
    await user.click(await screen.findByTestId("sign-agree"));
    await user.click(screen.getByTestId("read-continue"));
    draw("signer-pad");
    await user.click(await screen.findByTestId("sign-submit"));
    expect(await screen.findByTestId("error-summary")).toHaveTextContent(/disk full/);
    expect(screen.getByTestId("signer-pad")).toHaveAttribute("data-empty", "false");
    expect(screen.queryByTestId("sign-receipt")).not.toBeInTheDocument();
  });

  it("says plainly when no policy is ready to sign", async () => {
    vi.mocked(kioskSigningOptions).mockResolvedValue([]);
    render(SignAup, { onExit: vi.fn() });
    expect(await screen.findByTestId("sign-none")).toHaveTextContent(/ask a member of staff/i);
  });

  it("asks which policy when more than one is offered", async () => {
    vi.mocked(kioskSigningOptions).mockResolvedValue([
      aup(),
      aup({ aupId: "aup-visitors", audience: "visitorsContractors", content: { ...aup().content, title: "Visitor policy" } }),
    ]);
    render(SignAup, { onExit: vi.fn() });
    const user = userEvent.setup();
    await screen.findByRole("heading", { name: "Which policy are you signing?" });
    await user.click(screen.getByTestId("aup-choice-continue"));
    expect(await screen.findByRole("link", { name: "Choose the policy you are signing" })).toBeInTheDocument();
    await user.click(screen.getByLabelText("Visitor policy"));
    await user.click(screen.getByTestId("aup-choice-continue"));
    expect(await screen.findByText("Visitor policy", { selector: ".caption" })).toBeInTheDocument();
  });
});
