import { render, screen, within } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import type { AupContent, AupDetail, AupVersion, Coverage } from "../../lib/bindings";
import { fakeRust, rustError, type Handler } from "../../test/tauriFake";

vi.mock("@tauri-apps/api/core", () => ({ invoke: vi.fn() }));

const { invoke } = await import("@tauri-apps/api/core");
const { default: AupPage } = await import("./AupPage.svelte");

const content: AupContent = {
  title: "Staff and volunteer acceptable use policy",
  intro: "This policy keeps everyone safe online.",
  rules: ["I will keep my passwords private.", "I will not share photos of young people on my own phone."],
  consequences: "Breaking these rules may lead to disciplinary action.",
  monitoring: "Use of our devices and network is monitored.",
  reportConcerns: "Tell Sam Okafor, our designated safeguarding lead.",
};

const version = (number: number, status: "draft" | "published", extra: Partial<AupContent> = {}): AupVersion => ({
  id: `v${number}`,
  aupId: "aup-staff",
  audience: "staffVolunteers",
  number,
  status,
  content: { ...content, ...extra },
  contentHash: `${number}f3a9c0d1e2b4a5968776655443322110`,
  createdAt: "2026-11-01T09:00:00Z",
  publishedAt: status === "published" ? "2026-11-02T09:00:00Z" : null,
});

const v1 = version(1, "published");
const v2 = version(2, "draft", { rules: [...content.rules, "I will lock my screen."] });

const detail: AupDetail = {
  aup: {
    id: "aup-staff",
    audience: "staffVolunteers",
    kioskPublished: false,
    current: { id: "v1", number: 1, status: "published", title: content.title, contentHash: v1.contentHash, publishedAt: v1.publishedAt },
    draft: { id: "v2", number: 2, status: "draft", title: content.title, contentHash: v2.contentHash, publishedAt: null },
  },
  current: v1,
  draft: v2,
  versions: [],
};

const coverage: Coverage = {
  aupId: "aup-staff",
  audience: "staffVolunteers",
  currentVersion: 1,
  currentHash: v1.contentHash,
  signedCurrent: [
    { personId: "p1", fullName: "Amira Khan", group: "staff", signedVersion: 1, lastSignedAt: "2026-11-03T10:00:00Z" },
    { personId: "p2", fullName: "Sam Patel", group: "volunteer", signedVersion: 1, lastSignedAt: "2026-11-04T10:00:00Z" },
  ],
  needsResign: [],
  neverSigned: [{ personId: "p3", fullName: "Li Na", group: "staff", signedVersion: null, lastSignedAt: null }],
};

function open(handlers: Record<string, Handler> = {}) {
  const rust = {
    aup_get: vi.fn(() => detail),
    aup_coverage: vi.fn(() => coverage),
    safeguarding_contacts: vi.fn(() => ({ dslName: "Sam Okafor", chairName: null, confirmed: true })),
    ...handlers,
  };
  vi.mocked(invoke).mockImplementation(fakeRust(rust));
  render(AupPage, { aupId: "aup-staff", onBack: vi.fn() });
  return rust;
}

const names = (section: HTMLElement) => within(section).queryAllByTestId("coverage-row").map((row) => within(row).getAllByRole("cell")[0].textContent);

describe("AUP page", () => {
  it("shows the published text with numbered rules and a short hash", async () => {
    open();
    const text = await screen.findByTestId("aup-current-text");
    expect(within(text).getByRole("heading", { name: content.title })).toBeInTheDocument();
    const rules = within(within(text).getByTestId("aup-current-text-rules")).getAllByRole("listitem");
    expect(rules.map((rule) => rule.textContent)).toEqual(content.rules);
    expect(text).toHaveTextContent(content.reportConcerns);
    expect(screen.getByTestId("aup-hash")).toHaveTextContent(/^1f3a9c0d1e2b$/);
    expect(screen.getByTestId("aup-current-version")).toHaveTextContent("Version 1, published 2 November 2026");
  });

  it("lists who signed the current version, who must re-sign and who never signed, with counts", async () => {
    open();
    await screen.findByTestId("aup-coverage");
    expect(screen.getByTestId("coverage-current-count")).toHaveTextContent("(2)");
    expect(names(screen.getByTestId("coverage-current"))).toEqual(["Amira Khan", "Sam Patel"]);
    expect(screen.getByTestId("coverage-resign-count")).toHaveTextContent("(0)");
    expect(names(screen.getByTestId("coverage-resign"))).toEqual([]);
    expect(screen.getByTestId("coverage-never-count")).toHaveTextContent("(1)");
    expect(names(screen.getByTestId("coverage-never"))).toEqual(["Li Na"]);
  });

  it("warns that earlier signers must sign again, and publishes only when confirmed", async () => {
    const published: AupDetail = {
      ...detail,
      current: { ...v2, status: "published", publishedAt: "2026-11-22T09:00:00Z" },
      draft: null,
    };
    const after: Coverage = { ...coverage, currentVersion: 2, signedCurrent: [], needsResign: coverage.signedCurrent };
    const aupPublish = vi.fn(() => {
      rust.aup_get.mockReturnValue(published);
      rust.aup_coverage.mockReturnValue(after);
      return published.current;
    });
    const rust = open({ aup_publish: aupPublish });
    const user = userEvent.setup();

    expect(screen.queryByTestId("aup-publish-warning")).toBeNull();
    await user.click(await screen.findByTestId("aup-publish"));
    expect(screen.getByTestId("aup-publish-warning")).toHaveTextContent(
      "Everyone who signed an earlier version will need to sign again",
    );
    expect(screen.getByTestId("aup-publish-confirm")).toHaveTextContent("2 people have signed version 1");
    expect(aupPublish).not.toHaveBeenCalled();

    await user.click(screen.getByTestId("aup-publish-confirm-button"));
    expect(aupPublish).toHaveBeenCalledWith({ aupId: "aup-staff" });
    expect(await screen.findByTestId("aup-notice")).toHaveTextContent("marked as needing to sign again");
    expect(names(screen.getByTestId("coverage-resign"))).toEqual(["Amira Khan", "Sam Patel"]);
    expect(screen.getByTestId("aup-current-version")).toHaveTextContent("Version 2");
  });

  it("publishes and shows at the signing station in one step when it is not shown yet", async () => {
    const published: AupDetail = {
      ...detail,
      aup: { ...detail.aup, kioskPublished: true },
      current: { ...v2, status: "published", publishedAt: "2026-11-22T09:00:00Z" },
      draft: null,
    };
    const calls: string[] = [];
    const rust = open({
      aup_publish: vi.fn(() => {
        calls.push("publish");
        return published.current;
      }),
      aup_set_kiosk: vi.fn((args) => {
        calls.push(`show ${String(args.shown)}`);
        rust.aup_get.mockReturnValue(published);
        return null;
      }),
    });
    const user = userEvent.setup();
    await user.click(await screen.findByTestId("aup-publish"));
    expect(screen.getByTestId("aup-publish-confirm-button")).toHaveTextContent("Publish only");
    await user.click(screen.getByTestId("aup-publish-and-show"));
    expect(calls).toEqual(["publish", "show true"]);
    expect(await screen.findByTestId("aup-notice")).toHaveTextContent("the signing station offers it");
    expect(screen.getByTestId("aup-kiosk-status")).toHaveTextContent("Shown on the signing station");
    expect(screen.getByTestId("aup-open-station")).toHaveTextContent("Open the signing station");
  });

  it("says the version is published but not shown when showing it fails", async () => {
    const published: AupDetail = { ...detail, current: { ...v2, status: "published", publishedAt: "2026-11-22T09:00:00Z" }, draft: null };
    const rust = open({
      aup_publish: vi.fn(() => {
        rust.aup_get.mockReturnValue(published);
        return published.current;
      }),
      aup_set_kiosk: () => {
        throw rustError("vault.io", "The signing station's file could not be written.");
      },
    });
    const user = userEvent.setup();
    await user.click(await screen.findByTestId("aup-publish"));
    await user.click(screen.getByTestId("aup-publish-and-show"));
    const summary = await screen.findByTestId("error-summary");
    expect(summary).toHaveTextContent("Version 2 is published, but it could not be put on the signing station");
    expect(summary).toHaveTextContent("could not be written");
    expect(screen.queryByTestId("aup-notice")).toBeNull();
  });

  it("publishes only, with no second step, when the station already shows the AUP", async () => {
    const shown: AupDetail = { ...detail, aup: { ...detail.aup, kioskPublished: true } };
    const setKiosk = vi.fn();
    open({ aup_get: vi.fn(() => shown), aup_publish: vi.fn(() => ({ ...v2, status: "published" })), aup_set_kiosk: setKiosk });
    const user = userEvent.setup();
    await user.click(await screen.findByTestId("aup-publish"));
    expect(screen.queryByTestId("aup-publish-and-show")).toBeNull();
    expect(screen.getByTestId("aup-publish-confirm")).toHaveTextContent("will offer version 2 straight away");
    await user.click(screen.getByTestId("aup-publish-confirm-button"));
    expect(await screen.findByTestId("aup-notice")).toBeInTheDocument();
    expect(setKiosk).not.toHaveBeenCalled();
  });

  it("opens the signing station by locking Safekeeper", async () => {
    const lock = vi.fn(() => null);
    open({ aup_get: vi.fn(() => ({ ...detail, aup: { ...detail.aup, kioskPublished: true } })), lock });
    const user = userEvent.setup();
    await user.click(await screen.findByTestId("aup-open-station"));
    expect(lock).toHaveBeenCalledOnce();
  });

  it("saves the edited draft with one rule per line", async () => {
    const save = vi.fn(() => v2);
    open({ aup_save_draft: save });
    const user = userEvent.setup();
    await user.click(await screen.findByTestId("aup-edit-draft"));
    const rules = screen.getByTestId("aup-edit-rules");
    expect(rules).toHaveValue(v2.content.rules.join("\n"));
    await user.clear(rules);
    await user.type(rules, "I will be kind online.{Enter}{Enter}  I will not share passwords.  ");
    await user.click(screen.getByTestId("aup-save-draft"));
    expect(save).toHaveBeenCalledWith({
      aupId: "aup-staff",
      content: { ...v2.content, rules: ["I will be kind online.", "I will not share passwords."] },
    });
  });

  it("puts Rust's refusal of the rules beside the rules box", async () => {
    open({
      aup_save_draft: () => {
        throw rustError("aup.invalidRules", "Each rule must be a single line of up to 300 characters.");
      },
    });
    const user = userEvent.setup();
    await user.click(await screen.findByTestId("aup-edit-draft"));
    await user.click(screen.getByTestId("aup-save-draft"));
    expect(await screen.findByRole("link", { name: /Each rule must be/ })).toHaveAttribute("href", "#aup-rules-input");
  });

  it("shows the AUP on the signing station when asked", async () => {
    const setKiosk = vi.fn();
    const rust = open({ aup_set_kiosk: setKiosk });
    const user = userEvent.setup();
    const toggle = await screen.findByTestId("aup-kiosk-toggle");
    expect(toggle).toHaveTextContent("Show on the signing station");
    rust.aup_get.mockReturnValue({ ...detail, aup: { ...detail.aup, kioskPublished: true } });
    await user.click(toggle);
    expect(setKiosk).toHaveBeenCalledWith({ aupId: "aup-staff", shown: true });
    expect(await screen.findByTestId("aup-kiosk-status")).toHaveTextContent("Shown on the signing station");
  });

  it("prints the blank AUP and says where it was saved", async () => {
    const print = vi.fn(() => ({ path: "/home/sam/AUP staff v1 blank.pdf" }));
    open({ aup_print_blank: print });
    const user = userEvent.setup();
    await user.click(await screen.findByTestId("aup-print-blank"));
    expect(print).toHaveBeenCalledWith({ aupId: "aup-staff" });
    expect(await screen.findByTestId("aup-print-blank-saved")).toHaveTextContent("Saved to /home/sam/AUP staff v1 blank.pdf");
  });

  it("says nothing when the Save dialog for the blank AUP is cancelled", async () => {
    const print = vi.fn(() => null);
    open({ aup_print_blank: print });
    const user = userEvent.setup();
    await user.click(await screen.findByTestId("aup-print-blank"));
    await vi.waitFor(() => expect(print).toHaveBeenCalled());
    expect(screen.queryByTestId("aup-print-blank-saved")).toBeNull();
    expect(screen.queryByTestId("aup-print-blank-error")).toBeNull();
  });

  it("offers no blank AUP to print until a version is published", async () => {
    open({ aup_get: vi.fn(() => ({ ...detail, aup: { ...detail.aup, current: null }, current: null })) });
    await screen.findByTestId("aup-not-published");
    expect(screen.queryByTestId("aup-print-blank")).toBeNull();
  });

  it("prints the coverage list, and shows Rust's message if saving fails", async () => {
    const print = vi.fn(() => {
      throw rustError("save.failed", "The file could not be saved there. Choose another folder.");
    });
    open({ aup_coverage_print: print });
    const user = userEvent.setup();
    await user.click(await screen.findByTestId("aup-coverage-print"));
    expect(print).toHaveBeenCalledWith({ aupId: "aup-staff" });
    expect(await screen.findByTestId("aup-coverage-print-error")).toHaveTextContent("Choose another folder");
    expect(screen.queryByTestId("aup-coverage-print-saved")).toBeNull();
  });
  it("asks who the AUPs name before the first publish, and writes the answer into the drafts", async () => {
    let confirmed = false;
    const confirm = vi.fn(() => {
      confirmed = true;
      return { dslName: "Priya Raman", chairName: "Tom Hale", confirmed: true };
    });
    const rust = open({
      safeguarding_contacts: vi.fn(() => ({ dslName: "Sam Okafor", chairName: null, confirmed })),
      safeguarding_contacts_confirm: confirm,
    });
    const user = userEvent.setup();
    await user.click(await screen.findByTestId("aup-publish"));
    const form = await screen.findByTestId("contacts-form");
    expect(within(form).getByLabelText("Designated Safeguarding Lead (DSL)")).toHaveValue("Sam Okafor");
    expect(screen.queryByTestId("aup-publish-confirm-button")).toBeNull();
    await user.clear(within(form).getByLabelText("Designated Safeguarding Lead (DSL)"));
    await user.type(within(form).getByLabelText("Designated Safeguarding Lead (DSL)"), "Priya Raman");
    await user.type(within(form).getByLabelText("Chair of trustees (optional)"), "Tom Hale");
    await user.click(screen.getByTestId("contacts-save"));
    expect(confirm).toHaveBeenCalledWith({ dslName: "Priya Raman", chairName: "Tom Hale" });
    // The drafts were rewritten, so the page loads the AUP again before offering to publish.
    expect(await screen.findByTestId("aup-publish-confirm-button")).toBeInTheDocument();
    expect(rust.aup_get).toHaveBeenCalledTimes(2);
  });

  describe("the first publish, for a newcomer", () => {
    const unpublished: AupDetail = {
      ...detail,
      aup: { ...detail.aup, current: null, draft: { ...detail.aup.draft!, number: 1 } },
      current: null,
      draft: { ...v2, number: 1 },
    };
    const nobody: Coverage = { ...coverage, currentVersion: null, currentHash: null, signedCurrent: [], needsResign: [] };

    it("first_publish_does_not_warn_about_signing_again: says plainly what publishing version 1 means", async () => {
      open({ aup_get: vi.fn(() => unpublished), aup_coverage: vi.fn(() => nobody) });
      await userEvent.setup().click(await screen.findByTestId("aup-publish"));
      const panel = screen.getByTestId("aup-publish-confirm");
      expect(screen.queryByTestId("aup-publish-warning")).toBeNull();
      expect(panel).not.toHaveTextContent("sign again");
      expect(panel).not.toHaveTextContent("cannot be changed");
      expect(screen.getByTestId("aup-publish-first")).toHaveTextContent("Once published, version 1 is the one people sign.");
      expect(screen.getByTestId("aup-publish-first")).toHaveTextContent("your changes become a new version");
    });

    it("publish_panel_shows_the_text_to_check: the draft can be read before publishing", async () => {
      open({ aup_get: vi.fn(() => unpublished), aup_coverage: vi.fn(() => nobody) });
      await userEvent.setup().click(await screen.findByTestId("aup-publish"));
      const text = within(screen.getByTestId("aup-publish-text"));
      expect(text.getByText("Read version 1 before you publish it")).toBeInTheDocument();
      const rules = within(text.getByTestId("aup-publish-draft-text-rules")).getAllByRole("listitem");
      expect(rules.map((rule) => rule.textContent)).toEqual(v2.content.rules);
      // The text comes before the buttons, so it is read before the choice is made.
      const shown = screen.getByTestId("aup-publish-text");
      expect(shown.compareDocumentPosition(screen.getByTestId("aup-publish-and-show")) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    });

    it("publish_button_is_not_a_danger_button: publishing uses the primary style", async () => {
      open({ aup_get: vi.fn(() => unpublished), aup_coverage: vi.fn(() => nobody) });
      await userEvent.setup().click(await screen.findByTestId("aup-publish"));
      const main = screen.getByTestId("aup-publish-and-show");
      expect(main).toHaveClass("button--primary");
      expect(main).not.toHaveClass("button--warning");
    });

    it("after saving the DSL and chair, the notice points at text that is really there", async () => {
      let confirmed = false;
      open({
        aup_get: vi.fn(() => unpublished),
        aup_coverage: vi.fn(() => nobody),
        safeguarding_contacts: vi.fn(() => ({ dslName: "Sam Okafor", chairName: null, confirmed })),
        safeguarding_contacts_confirm: vi.fn(() => {
          confirmed = true;
          return { dslName: "Sam Okafor", chairName: "Tom Hale", confirmed: true };
        }),
      });
      const user = userEvent.setup();
      await user.click(await screen.findByTestId("aup-publish"));
      await user.type(await screen.findByLabelText("Chair of trustees (optional)"), "Tom Hale");
      await user.click(screen.getByTestId("contacts-save"));
      expect(await screen.findByTestId("aup-notice")).toHaveTextContent("You can read this one below before you publish it.");
      expect(screen.getByTestId("aup-publish-draft-text")).toHaveTextContent(content.reportConcerns);
      expect(screen.getByTestId("aup-publish-first")).toBeInTheDocument();
    });
  });

  it("names_come_before_opening_the_station: listing the names is above the Open button", async () => {
    open({ aup_get: vi.fn(() => ({ ...detail, aup: { ...detail.aup, kioskPublished: true } })) });
    const names = await screen.findByTestId("kiosk-names");
    const openButton = screen.getByTestId("aup-open-station");
    expect(names.compareDocumentPosition(openButton) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(within(names).getByTestId("kiosk-names-list")).toBeInTheDocument();
    expect(names).toHaveTextContent("Do this before you open the signing station.");
  });

  it("after publishing and showing, says that listing the names comes next", async () => {
    const published: AupDetail = {
      ...detail,
      aup: { ...detail.aup, kioskPublished: true },
      current: { ...v2, status: "published", publishedAt: "2026-11-22T09:00:00Z" },
      draft: null,
    };
    const rust = open({
      aup_publish: vi.fn(() => published.current),
      aup_set_kiosk: vi.fn(() => {
        rust.aup_get.mockReturnValue(published);
        return null;
      }),
    });
    const user = userEvent.setup();
    await user.click(await screen.findByTestId("aup-publish"));
    await user.click(screen.getByTestId("aup-publish-and-show"));
    expect(await screen.findByTestId("aup-notice")).toHaveTextContent(
      "Next, put the names of everyone expected to sign on the station’s list, then open the signing station.",
    );
  });
});
