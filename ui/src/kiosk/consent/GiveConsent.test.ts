import { render, screen, within } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import type { KioskConsentForm } from "../../lib/bindings";
import { fakeRust, rustError } from "../../test/tauriFake";

vi.mock("@tauri-apps/api/core", () => ({ invoke: vi.fn() }));

// jsdom has no canvas: these tests type their signatures, so the pad only has to exist.
vi.mock("signature_pad", () => {
  class FakePad extends EventTarget {
    isEmpty() {
      return true;
    }
    clear() {}
    off() {}
    toDataURL() {
      return "";
    }
  }
  return { default: FakePad };
});

const { invoke } = await import("@tauri-apps/api/core");
const { default: GiveConsent } = await import("./GiveConsent.svelte");

const form: KioskConsentForm = {
  formVersion: "Image consent form 2026-1",
  introduction: "We sometimes take photographs.",
  uses: [
    { useKey: "website", label: "Our website", explanation: "On our own website." },
    { useKey: "social:insta", label: "Social media: Instagram @riverside", explanation: "Posts on this account." },
  ],
  nameQuestion: "May we show the person's first name beside a photograph or video of them?",
  nameExplanation: "We recommend no.",
  recallWarning: "Once an image has been printed we may not get every copy back.",
  howToWithdraw: "You can withdraw consent at any time.",
  ageRule: "If the person is under 16, a parent or carer with parental responsibility must fill in this form.",
  ownConsentAge: 16,
  formHash: "f0",
};

function open(give = vi.fn((_: Record<string, unknown>) => ({ number: "K7AB-CD12" }))) {
  vi.mocked(invoke).mockImplementation(fakeRust({ kiosk_consent_form: () => form, kiosk_give_consent: give }));
  const onExit = vi.fn();
  render(GiveConsent, { onExit });
  return { give, onExit };
}

describe("Give consent at the signing station", () => {
  it("names every missing answer and sends nothing", async () => {
    const { give } = open();
    const user = userEvent.setup();
    await user.click(within(await screen.findByTestId("kiosk-consent-action")).getByLabelText(/Give consent/));
    await user.click(within(screen.getByTestId("kiosk-consent-giver")).getByLabelText(/A parent or carer/));
    await user.click(screen.getByTestId("kiosk-consent-submit"));
    const summary = await screen.findByTestId("error-summary");
    for (const text of [
      "Type your first name and your last name in full",
      "Say how you are related to them",
      "Type the child or young person's first name and last name in full",
      "Answer yes or no for our website",
      "Answer yes or no for social media: instagram @riverside",
      "Answer whether their name may appear with a photo",
      "Sign in the box, or type your name instead",
    ]) {
      expect(summary).toHaveTextContent(text);
    }
    expect(give).not.toHaveBeenCalled();
  });

  it("sends a parent's answers use by use and shows the receipt, clearing what was typed", async () => {
    const { give } = open();
    const user = userEvent.setup();
    await user.click(within(await screen.findByTestId("kiosk-consent-action")).getByLabelText(/Give consent/));
    await user.click(within(screen.getByTestId("kiosk-consent-giver")).getByLabelText(/A parent or carer/));
    await user.type(screen.getByTestId("kiosk-consent-giver-name"), "Laura  Fenwick");
    await user.type(screen.getByTestId("kiosk-consent-relationship"), "Mother");
    await user.click(screen.getByTestId("kiosk-consent-pr"));
    await user.type(screen.getByTestId("kiosk-consent-about"), "Ruby Fenwick");
    await user.click(within(screen.getByTestId("kiosk-consent-use-website")).getByLabelText("Yes"));
    await user.click(within(screen.getByTestId("kiosk-consent-use-social:insta")).getByLabelText("No"));
    await user.click(within(screen.getByTestId("kiosk-consent-name")).getByLabelText("No"));
    await user.click(screen.getByTestId("kiosk-consent-signer-type-instead"));
    await user.type(screen.getByTestId("kiosk-consent-signer-typed"), "Laura Fenwick");
    await user.click(screen.getByTestId("kiosk-consent-submit"));
    expect(await screen.findByTestId("receipt-number")).toHaveTextContent("K7AB-CD12");
    const sent = give.mock.calls[0][0].consent as Record<string, unknown>;
    expect(sent).toMatchObject({
      aboutName: "Ruby Fenwick",
      giver: "parentCarer",
      giverName: "Laura Fenwick",
      relationship: "Mother",
      parentalResponsibility: true,
      answers: [
        { useKey: "website", allowed: true },
        { useKey: "social:insta", allowed: false },
      ],
      nameWithImage: false,
      withdrawAll: false,
      formVersion: "Image consent form 2026-1",
      mark: { kind: "typed", name: "Laura Fenwick" },
    });
    expect(document.body.textContent).not.toMatch(/Ruby/);
  });

  it("withdraws everything in one go with every answer no", async () => {
    const { give } = open();
    const user = userEvent.setup();
    await user.click(within(await screen.findByTestId("kiosk-consent-action")).getByLabelText(/Withdraw all consent/));
    expect(screen.queryByTestId("kiosk-consent-use-website")).toBeNull();
    await user.click(within(screen.getByTestId("kiosk-consent-giver")).getByLabelText(/I am the person/));
    await user.type(screen.getByTestId("kiosk-consent-giver-name"), "Amira Haddad");
    await user.click(screen.getByTestId("kiosk-consent-signer-type-instead"));
    await user.type(screen.getByTestId("kiosk-consent-signer-typed"), "Amira Haddad");
    await user.click(screen.getByTestId("kiosk-consent-submit"));
    expect(await screen.findByText("Your withdrawal of consent has been sent")).toBeInTheDocument();
    expect(give.mock.calls[0][0].consent).toMatchObject({
      aboutName: "Amira Haddad",
      giver: "self",
      withdrawAll: true,
      nameWithImage: false,
      answers: [
        { useKey: "website", allowed: false },
        { useKey: "social:insta", allowed: false },
      ],
    });
  });

  it("shows Rust's refusal and keeps the answers", async () => {
    open(
      vi.fn(() => {
        throw rustError("outbox.badConsent", "The form has changed since it was opened. Go back and start again.");
      }),
    );
    const user = userEvent.setup();
    await user.click(within(await screen.findByTestId("kiosk-consent-action")).getByLabelText(/Withdraw all consent/));
    await user.click(within(screen.getByTestId("kiosk-consent-giver")).getByLabelText(/I am the person/));
    await user.type(screen.getByTestId("kiosk-consent-giver-name"), "Amira Haddad");
    await user.click(screen.getByTestId("kiosk-consent-signer-type-instead"));
    await user.type(screen.getByTestId("kiosk-consent-signer-typed"), "Amira Haddad");
    await user.click(screen.getByTestId("kiosk-consent-submit"));
    expect(await screen.findByTestId("error-summary")).toHaveTextContent("The form has changed since it was opened");
    expect(screen.getByTestId("kiosk-consent-giver-name")).toHaveValue("Amira Haddad");
  });
});
