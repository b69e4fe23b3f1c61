import { render, screen, within } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import type { CheckAnswer, ConsentSetup, ImageConsent, PersonConsent, Person, TakedownItem } from "../../lib/bindings";
import { fakeRust, rustError, type Handler } from "../../test/tauriFake";

vi.mock("@tauri-apps/api/core", () => ({ invoke: vi.fn() }));

const { invoke } = await import("@tauri-apps/api/core");
const { default: ConsentPage } = await import("./ConsentPage.svelte");
const { default: PersonConsentSection } = await import("./PersonConsentSection.svelte");

const setup: ConsentSetup = {
  settings: { defaultMonths: 12, ownConsentAge: 16, socialAccounts: [{ id: "insta", name: "Instagram @riverside", retired: false }] },
  formVersion: "Image consent form 2026-1",
  uses: [
    { useKey: "website", label: "Our website", explanation: "On our own website." },
    { useKey: "social:insta", label: "Social media: Instagram @riverside", explanation: "Posts on this account." },
    { useKey: "print", label: "Printed material and newsletters", explanation: "Leaflets." },
  ],
};

const sam: Person = {
  id: "p-sam",
  group: "youngPerson",
  fullName: "Sam Okafor",
  preferredName: null,
  dateOfBirth: "2013-05-01",
  startDate: null,
  leaveDate: null,
  email: null,
  phone: null,
  kioskListed: false,
  archivedAt: null,
  createdAt: "2026-01-01T00:00:00Z",
  updatedAt: "2026-01-01T00:00:00Z",
};
const lee: Person = { ...sam, id: "p-lee", fullName: "Lee Marsh" };

const consent: ImageConsent = {
  id: "c1",
  personId: "p-sam",
  aboutName: "Sam Okafor",
  giver: "parentCarer",
  giverName: "Dana Okafor",
  relationship: "Mother",
  parentalResponsibility: true,
  judgement: null,
  method: "paperForm",
  witness: null,
  givenOn: "2026-03-01",
  formVersion: "Image consent form 2026-1",
  expiresOn: "2027-03-01",
  answers: [
    { useKey: "website", allowed: true },
    { useKey: "social:insta", allowed: false },
    { useKey: "print", allowed: true },
  ],
  nameWithImage: false,
  notes: "Photographs alone only",
  selfDeclared: false,
  receipt: null,
  hasDrawnMark: false,
  typedMark: null,
  withdrawal: null,
  createdAt: "2026-03-01T10:00:00Z",
};

function answer(allowed: boolean): CheckAnswer {
  return {
    allowed,
    summary: allowed ? "Yes: Sam Okafor may appear on our website." : "No: Lee Marsh cannot appear on our website. Leave them out, or do not use this image.",
    useKey: "website",
    useLabel: "on our website",
    withName: false,
    on: "2026-11-22",
    people: [
      ...(allowed
        ? []
        : [{ personId: "p-lee", useKey: "website", displayName: "Lee Marsh", allowed: false, reason: "noConsent" as const, explanation: "No: there is no image consent on record.", conditions: null, consentId: null }]),
      { personId: "p-sam", useKey: "website", displayName: "Sam Okafor", allowed: true, reason: "consented" as const, explanation: "Yes: consent given by their mother on 1 March 2026; it expires on 1 March 2027.", conditions: "Photographs alone only", consentId: "c1" },
    ],
  };
}

function openPage(handlers: Record<string, Handler> = {}) {
  const rust = {
    consent_setup: vi.fn(() => setup),
    takedowns_list: vi.fn(() => []),
    takedowns_count: vi.fn(() => ({ count: 0, more: false })),
    consent_unconfirmed: vi.fn(() => []),
    groups_list: vi.fn(() => []),
    people_search: vi.fn(() => [sam, lee]),
    ...handlers,
  };
  vi.mocked(invoke).mockImplementation(fakeRust(rust));
  render(ConsentPage);
  return rust;
}

async function choose(user: ReturnType<typeof userEvent.setup>, prefix: string, id: string) {
  await user.type(await screen.findByTestId(`${prefix}-search`), "a");
  await user.click(screen.getByTestId(`${prefix}-search-button`));
  await user.click(await screen.findByTestId(`${prefix}-add-${id}`));
}

describe("Can I use this photo?", () => {
  it("asks for the people and the use before checking", async () => {
    const check = vi.fn(() => answer(true));
    openPage({ consent_check: check });
    const user = userEvent.setup();
    await user.click(await screen.findByTestId("check-submit"));
    const summary = await screen.findByTestId("error-summary");
    expect(summary).toHaveTextContent("Choose the people in the image");
    expect(summary).toHaveTextContent("Choose where the image will be used");
    expect(check).not.toHaveBeenCalled();
  });

  it("shows a no with who and why, and offers no logging", async () => {
    const check = vi.fn(() => answer(false));
    openPage({ consent_check: check });
    const user = userEvent.setup();
    await choose(user, "check-people", "p-sam");
    await choose(user, "check-people", "p-lee");
    await user.click(within(screen.getByTestId("check-use")).getByLabelText("Our website"));
    await user.click(screen.getByTestId("check-submit"));
    const shown = await screen.findByTestId("check-answer");
    expect(shown).toHaveAttribute("data-allowed", "false");
    expect(screen.getByTestId("check-summary")).toHaveTextContent("No: Lee Marsh cannot appear on our website.");
    expect(screen.getByTestId("check-person-p-lee")).toHaveTextContent("there is no image consent on record");
    expect(check).toHaveBeenCalledWith(
      expect.objectContaining({ question: { personIds: ["p-sam", "p-lee"], useKey: "website", withName: false } }),
    );
    expect(screen.queryByTestId("check-log")).toBeNull();
  });

  it("logs a yes as a publication in one step, with the condition shown", async () => {
    const publish = vi.fn(() => ({ id: "pub1", publishedOn: "2026-11-22", useKey: "website", useLabel: "Our website", description: "Club night", link: null, people: [{ personId: "p-sam", displayName: "Sam Okafor" }], recordedBy: "Alex" }));
    openPage({ consent_check: vi.fn(() => answer(true)), consent_publish_checked: publish });
    const user = userEvent.setup();
    await choose(user, "check-people", "p-sam");
    await user.click(within(screen.getByTestId("check-use")).getByLabelText("Our website"));
    await user.click(screen.getByTestId("check-submit"));
    expect(await screen.findByTestId("check-person-p-sam")).toHaveTextContent("Condition on the consent: Photographs alone only");
    await user.type(screen.getByTestId("check-description"), "Club night");
    await user.click(screen.getByTestId("check-log-submit"));
    expect(await screen.findByTestId("check-logged")).toHaveTextContent("Logged: Club night (Our website, 1 person).");
    expect(publish).toHaveBeenCalledWith(expect.objectContaining({ description: "Club night", link: null }));
  });
});

describe("Take-down list", () => {
  const item: TakedownItem = {
    publicationId: "pub1",
    personId: "p-sam",
    displayName: "Sam Okafor",
    publishedOn: "2026-04-01",
    useLabel: "Our website",
    description: "Spring fair",
    link: "https://example.org/news",
    why: "Consent withdrawn on 4 May 2026.",
    reason: "withdrawn",
  };

  it("ticks an item off with who took it down, and needs a reason when it cannot be removed", async () => {
    let items = [item];
    const record = vi.fn(() => {
      items = [];
      return null;
    });
    openPage({ takedowns_list: vi.fn(() => items), takedowns_count: vi.fn(() => ({ count: items.length, more: false })), takedown_record: record });
    const user = userEvent.setup();
    // The tab counts what is outstanding, from the count Rust sends rather than the whole list.
    expect(await screen.findByTestId("consent-tab-takedowns")).toHaveTextContent("Take-down list (1)");
    await user.click(screen.getByTestId("consent-tab-takedowns"));
    const row = await screen.findByTestId("takedown-pub1-p-sam");
    expect(row).toHaveTextContent("Sam Okafor in “Spring fair”");
    expect(row).toHaveTextContent("Consent withdrawn on 4 May 2026.");

    await user.click(screen.getByTestId("takedown-cannot-pub1-p-sam"));
    await user.type(screen.getByTestId("takedown-by"), "Web volunteer");
    await user.click(screen.getByTestId("takedown-save"));
    expect(await screen.findByTestId("error-summary")).toHaveTextContent("Say why it cannot be removed");
    expect(record).not.toHaveBeenCalled();

    await user.type(screen.getByTestId("takedown-note"), "Shared by the local paper");
    await user.click(screen.getByTestId("takedown-save"));
    expect(await screen.findByTestId("takedowns-empty")).toBeInTheDocument();
    expect(record).toHaveBeenCalledWith(
      expect.objectContaining({ done: expect.objectContaining({ removed: false, doneBy: "Web volunteer", note: "Shared by the local paper" }) }),
    );
  });

  it("shows the oldest hundred, then a hundred more, asking Rust for one page at a time", async () => {
    const all: TakedownItem[] = Array.from({ length: 150 }, (_, n) => ({ ...item, publicationId: `pub${n}` }));
    const list = vi.fn((args: Record<string, unknown>) => all.slice(0, (args.limit as number | null) ?? all.length));
    openPage({ takedowns_list: list, takedowns_count: vi.fn(() => ({ count: 100, more: true })) });
    const user = userEvent.setup();
    // Past the cap the tab says there are more than it counted.
    expect(await screen.findByTestId("consent-tab-takedowns")).toHaveTextContent("Take-down list (100+)");
    await user.click(screen.getByTestId("consent-tab-takedowns"));
    await screen.findByTestId("takedown-pub0-p-sam");
    expect(screen.getAllByTestId(/^takedown-pub\d+-p-sam$/)).toHaveLength(100);
    expect(screen.getByTestId("takedowns-more-note")).toHaveTextContent("The oldest 100 are shown");
    expect(list).toHaveBeenLastCalledWith(expect.objectContaining({ limit: 101 }));

    await user.click(screen.getByTestId("takedowns-show-more"));
    await screen.findByTestId("takedown-pub149-p-sam");
    expect(screen.getAllByTestId(/^takedown-pub\d+-p-sam$/)).toHaveLength(150);
    expect(list).toHaveBeenLastCalledWith(expect.objectContaining({ limit: 201 }));
    expect(screen.queryByTestId("takedowns-show-more")).toBeNull();
    expect(screen.queryByTestId("takedowns-more-note")).toBeNull();
  });
});

describe("A person's photos and video section", () => {
  function view(overrides: Partial<PersonConsent> = {}): PersonConsent {
    return {
      status: {
        personId: "p-sam",
        displayName: "Sam Okafor",
        uses: answer(true).people.slice(-1).concat([
          { personId: "p-sam", useKey: "social:insta", displayName: "Sam Okafor", allowed: false, reason: "refused", explanation: "No: consent to appear on social media (Instagram @riverside) was refused on 1 March 2026.", conditions: null, consentId: "c1" },
          { personId: "p-sam", useKey: "print", displayName: "Sam Okafor", allowed: true, reason: "consented", explanation: "Yes: consent given by their mother on 1 March 2026; it expires on 1 March 2027.", conditions: null, consentId: "c1" },
        ]),
        nameWithImage: false,
        nameExplanation: "No: the consent says their name must not be shown beside an image of them.",
        current: consent,
      },
      history: [consent],
      historyStates: { c1: "In force; it expires on 1 March 2027" },
      publications: [],
      takedowns: [],
      ...overrides,
    };
  }

  it("shows each use in words and withdraws in one step", async () => {
    let current = view();
    const withdraw = vi.fn(() => {
      const withdrawn = { ...consent, withdrawal: { on: "2026-11-22", how: "By email", recordedBy: "Alex", note: null } };
      current = view({
        history: [withdrawn],
        status: { ...current.status, current: withdrawn },
        takedowns: [{ publicationId: "pub1", personId: "p-sam", displayName: "Sam Okafor", publishedOn: "2026-04-01", useLabel: "Our website", description: "Spring fair", link: null, why: "Consent withdrawn on 22 November 2026.", reason: "withdrawn" }],
      });
      return withdrawn;
    });
    vi.mocked(invoke).mockImplementation(
      fakeRust({ consent_person: vi.fn(() => current), consent_setup: vi.fn(() => setup), consent_withdraw: withdraw }),
    );
    render(PersonConsentSection, { personId: "p-sam", personName: "Sam Okafor", dateOfBirth: "2013-05-01", today: "2026-11-22" });
    expect(await screen.findByTestId("person-consent-use-website")).toHaveAttribute("data-allowed", "true");
    expect(screen.getByTestId("person-consent-use-social:insta")).toHaveTextContent("refused on 1 March 2026");
    expect(screen.getByTestId("person-consent-name")).toHaveTextContent("No");
    expect(screen.getByTestId("person-consent-name")).toHaveTextContent("the consent says their name must not be shown");
    expect(screen.getByTestId("person-consent-history")).toHaveTextContent("Dana Okafor (mother)");
    expect(screen.getByTestId("person-consent-history")).toHaveTextContent("1 March 2026: In force; it expires on 1 March 2027");

    const user = userEvent.setup();
    await user.click(screen.getByTestId("consent-withdraw"));
    expect(screen.getByTestId("withdraw-on-day")).toHaveValue("22");
    await user.click(within(screen.getByTestId("withdraw-how")).getByLabelText("By email"));
    await user.click(screen.getByTestId("withdraw-save"));
    expect(await screen.findByTestId("person-consent-notice")).toHaveTextContent(
      "Consent withdrawn. 1 publication of Sam Okafor must now be taken down",
    );
    expect(withdraw).toHaveBeenCalledWith(expect.objectContaining({ id: "c1", withdrawal: expect.objectContaining({ on: "2026-11-22", how: "By email" }) }));
    expect(screen.getByTestId("person-consent-takedowns")).toHaveTextContent("Spring fair");
    expect(screen.queryByTestId("consent-withdraw")).toBeNull();
  });

  it("takes the name's answer and each consent's standing from Rust, so an expired consent says no", async () => {
    // Regression: the page said "Name with the image: Yes" from the consent's own field after it expired.
    const expired = { ...consent, nameWithImage: true, expiresOn: "2026-11-01" };
    const no = "No: consent expired on 1 November 2026. Ask for it to be renewed.";
    const status = {
      ...view().status,
      uses: view().status.uses.map((u) => ({ ...u, allowed: false, reason: "expired" as const, explanation: no })),
      nameWithImage: false,
      nameExplanation: no,
      current: expired,
    };
    vi.mocked(invoke).mockImplementation(
      fakeRust({
        consent_person: vi.fn(() => view({ status, history: [expired], historyStates: { c1: "Expired on 1 November 2026" } })),
        consent_setup: vi.fn(() => setup),
      }),
    );
    render(PersonConsentSection, { personId: "p-sam", personName: "Sam Okafor", dateOfBirth: "2013-05-01", today: "2026-11-22" });
    const name = await screen.findByTestId("person-consent-name");
    expect(name).toHaveTextContent("No");
    expect(name).not.toHaveTextContent("Yes");
    expect(name).toHaveTextContent("consent expired on 1 November 2026. Ask for it to be renewed.");
    expect(screen.getByTestId("consent-history-c1")).toHaveTextContent("Expired on 1 November 2026");
    expect(screen.queryByTestId("consent-withdraw")).toBeNull();
    expect(screen.getByTestId("consent-record")).toHaveTextContent("Record a renewed consent");
  });

  it("records a consent only when every use is answered, and shows Rust's age rule refusal", async () => {
    const record = vi.fn(() => {
      throw rustError("consent.ageRule", "Sam Okafor cannot consent on their own: they were 13 when they consented themselves.");
    });
    vi.mocked(invoke).mockImplementation(
      fakeRust({ consent_person: vi.fn(() => view({ history: [], status: { ...view().status, current: null } })), consent_setup: vi.fn(() => setup), consent_record: record }),
    );
    render(PersonConsentSection, { personId: "p-sam", personName: "Sam Okafor", dateOfBirth: "2013-05-01", today: "2026-11-22" });
    const user = userEvent.setup();
    await user.click(await screen.findByTestId("consent-record"));
    expect(screen.getByTestId("consent-rule")).toHaveTextContent("under 16, a parent or carer with parental responsibility must give consent");
    await user.click(within(screen.getByTestId("consent-giver")).getByLabelText("Sam Okafor themselves"));
    await user.click(within(screen.getByTestId("consent-method")).getByLabelText("Paper form"));
    await user.click(within(screen.getByTestId("consent-use-website")).getByLabelText("Yes"));
    await user.click(screen.getByTestId("consent-save"));
    const summary = await screen.findByTestId("error-summary");
    expect(summary).toHaveTextContent("Answer yes or no for social media: instagram @riverside");
    expect(summary).toHaveTextContent("Answer whether their name may appear with an image");
    expect(record).not.toHaveBeenCalled();

    await user.click(within(screen.getByTestId("consent-use-social:insta")).getByLabelText("No"));
    await user.click(within(screen.getByTestId("consent-use-print")).getByLabelText("No"));
    await user.click(within(screen.getByTestId("consent-name")).getByLabelText("No"));
    await user.click(screen.getByTestId("consent-save"));
    expect(await screen.findByTestId("error-summary")).toHaveTextContent("they were 13");
    expect(record).toHaveBeenCalledWith(
      expect.objectContaining({
        draft: expect.objectContaining({
          giver: "self",
          answers: [
            { useKey: "website", allowed: true },
            { useKey: "social:insta", allowed: false },
            { useKey: "print", allowed: false },
          ],
          nameWithImage: false,
          expiresOn: null,
        }),
      }),
    );
  });
});
