import { render, screen, within } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import type { Person, PersonDetail } from "../../lib/bindings";
import { fakeRust, rustError, type Handler } from "../../test/tauriFake";

vi.mock("@tauri-apps/api/core", () => ({ invoke: vi.fn() }));

const { invoke } = await import("@tauri-apps/api/core");
const { default: PeoplePage } = await import("./PeoplePage.svelte");

const person = (id: string, fullName: string, extra: Partial<Person> = {}): Person => ({
  id,
  group: "staff",
  fullName,
  preferredName: null,
  dateOfBirth: null,
  startDate: "2025-09-01",
  leaveDate: null,
  email: null,
  phone: null,
  kioskListed: false,
  archivedAt: null,
  createdAt: "2025-09-01T09:00:00Z",
  updatedAt: "2025-09-01T09:00:00Z",
  ...extra,
});

const amira = person("p1", "Amira Khan");
const mum = person("p9", "Nadia Khan", { group: "parentCarer" });

const detail: PersonDetail = {
  person: amira,
  links: { parents: [], youngPeople: [] },
  signatures: [
    {
      id: "s1", aupId: "aup-staff", versionId: "v2", versionNumber: 2, contentHash: "9abcdef0123456789", personId: "p1",
      declaredName: null, selfDeclared: false, method: "onScreen", source: "signingStation",
      signedAt: "2026-11-03T10:00:00Z", recordedAt: "2026-11-03T10:00:00Z", receipt: null, drawn: true, typedMark: null,
      countersignedBy: null, countersignatureDrawn: false, countersignatureTyped: null, paperSignedOn: null,
      paperFiledAt: null, scanMediaType: null, confirmedAt: null, confirmedBy: null,
    },
  ],
};

function open(handlers: Record<string, Handler> = {}) {
  const rust = {
    people_search: vi.fn(() => [amira, mum]),
    person_get: vi.fn(() => detail),
    aup_list: vi.fn(() => [{ id: "aup-staff", audience: "staffVolunteers", kioskPublished: true, current: null, draft: null }]),
    ...handlers,
  };
  vi.mocked(invoke).mockImplementation(fakeRust(rust));
  render(PeoplePage);
  return rust;
}

describe("People register", () => {
  it("lists people and searches by name, group and status", async () => {
    const rust = open();
    const rows = await screen.findAllByTestId("person-row");
    expect(rows).toHaveLength(2);
    expect(rows[1]).toHaveTextContent("Parent or carer");
    expect(rust.people_search).toHaveBeenLastCalledWith({ query: { text: "", group: null, status: "active" } });

    const user = userEvent.setup();
    await user.selectOptions(screen.getByTestId("people-filter-group"), "Young person");
    expect(rust.people_search).toHaveBeenLastCalledWith({ query: { text: "", group: "youngPerson", status: "active" } });
    await user.selectOptions(screen.getByTestId("people-filter-status"), "All");
    await user.type(screen.getByTestId("people-search"), "khan{Enter}");
    expect(rust.people_search).toHaveBeenLastCalledWith({ query: { text: "khan", group: "youngPerson", status: "all" } });
  });

  it("says an empty register has nobody in it yet, and offers to add a person or import a spreadsheet", async () => {
    const rust = open({ people_search: vi.fn(() => []) });
    const empty = await screen.findByTestId("people-register-empty");
    expect(empty).toHaveTextContent("Nobody has been added yet");
    expect(screen.queryByText(/No one matches/)).toBeNull();
    // Nobody active is not enough: archived people would still be in the register.
    expect(rust.people_search).toHaveBeenCalledWith({ query: { text: "", group: null, status: "all" } });

    const user = userEvent.setup();
    await user.click(within(empty).getByTestId("person-add-start"));
    expect(await screen.findByRole("heading", { name: "Add a person" })).toBeInTheDocument();
  });

  it("offers the spreadsheet import from the empty register", async () => {
    open({ people_search: vi.fn(() => []) });
    await userEvent.setup().click(within(await screen.findByTestId("people-register-empty")).getByTestId("people-import-start"));
    expect(await screen.findByRole("heading", { name: /Import/ })).toBeInTheDocument();
  });

  it("empty_register_has_one_way_in: one Add button and no search over an empty register", async () => {
    open({ people_search: vi.fn(() => []) });
    const empty = await screen.findByTestId("people-register-empty");
    expect(screen.getAllByRole("button", { name: "Add a person" })).toHaveLength(1);
    expect(within(empty).getByRole("button", { name: "Add a person" })).toBeInTheDocument();
    expect(within(empty).getByRole("button", { name: "Import from a spreadsheet" })).toBeInTheDocument();
    expect(screen.queryByRole("search")).toBeNull();
    expect(screen.queryByTestId("people-search")).toBeNull();
    expect(screen.queryByTestId("people-filter-group")).toBeNull();
  });

  it("shows the add buttons and the search once someone is in the register", async () => {
    open();
    await screen.findAllByTestId("person-row");
    expect(screen.getAllByRole("button", { name: "Add a person" })).toHaveLength(1);
    expect(screen.getByRole("search", { name: "Search people" })).toBeInTheDocument();
    expect(screen.queryByTestId("people-register-empty")).toBeNull();
  });

  it("says no one matches a search that finds nobody, with people in the register", async () => {
    open({
      people_search: vi.fn((args: Record<string, unknown>) => ((args.query as { text: string }).text === "" ? [amira, mum] : [])),
    });
    await screen.findAllByTestId("person-row");
    await userEvent.setup().type(screen.getByTestId("people-search"), "zed{Enter}");
    expect(await screen.findByTestId("people-empty")).toHaveTextContent("No one matches. Try a different name, group or status.");
    expect(screen.queryByTestId("people-register-empty")).toBeNull();
  });

  it("does not call a register with only archived people empty", async () => {
    open({
      people_search: vi.fn((args: Record<string, unknown>) => ((args.query as { status: string }).status === "all" ? [amira] : [])),
    });
    expect(await screen.findByTestId("people-empty")).toHaveTextContent("No one matches");
    expect(screen.queryByTestId("people-register-empty")).toBeNull();
  });

  it("opens a person's page with their details and signatures", async () => {
    const rust = open();
    const user = userEvent.setup();
    await user.click((await screen.findAllByTestId("person-link"))[0]);
    expect(rust.person_get).toHaveBeenCalledWith({ id: "p1" });
    expect(await screen.findByTestId("person-summary")).toHaveTextContent("1 September 2025");
    const signature = await screen.findByTestId("person-signature-row");
    expect(signature).toHaveTextContent("Staff and volunteers");
    expect(signature).toHaveTextContent("Version 2");
    expect(signature).toHaveTextContent("3 November 2026");
  });

  it("archives a leaver with the leaving date typed", async () => {
    const archived = { ...amira, leaveDate: "2026-07-31", archivedAt: "2026-11-22T09:00:00Z" };
    const archive = vi.fn(() => archived);
    open({ person_archive: archive });
    const user = userEvent.setup();
    await user.click((await screen.findAllByTestId("person-link"))[0]);
    await user.click(await screen.findByTestId("person-archive"));
    await user.type(screen.getByTestId("person-leave-date-day"), "31");
    await user.type(screen.getByTestId("person-leave-date-month"), "7");
    await user.type(screen.getByTestId("person-leave-date-year"), "2026");
    await user.click(screen.getByTestId("person-archive-confirm"));

    expect(archive).toHaveBeenCalledWith({ id: "p1", leaveDate: "2026-07-31" });
    expect(await screen.findByTestId("person-notice")).toHaveTextContent("archived as a leaver");
    expect(screen.getByTestId("person-status")).toHaveTextContent("Archived");
    expect(screen.getByTestId("person-summary")).toHaveTextContent("31 July 2026");
    expect(screen.getByTestId("person-restore")).toBeInTheDocument();
  });

  it("shows Rust's refusal of a leaving date on the date", async () => {
    open({
      person_archive: () => {
        throw rustError("people.leaveBeforeStart", "The leaving date must be the same as or after the start date.");
      },
    });
    const user = userEvent.setup();
    await user.click((await screen.findAllByTestId("person-link"))[0]);
    await user.click(await screen.findByTestId("person-archive"));
    await user.click(screen.getByTestId("person-archive-confirm"));
    const summary = await screen.findByTestId("error-summary");
    expect(within(summary).getByRole("link")).toHaveAttribute("href", "#person-leave-date");
  });
});

describe("Parents and carers", () => {
  it("links a parent or carer to a young person and shows the link", async () => {
    const child = person("c1", "Yusuf Khan", { group: "youngPerson", dateOfBirth: "2012-03-27" });
    const linked: PersonDetail = { person: child, links: { parents: [mum], youngPeople: [] }, signatures: [] };
    const link = vi.fn(() => {
      rust.person_get.mockReturnValue(linked);
    });
    const rust = open({
      people_search: vi.fn(() => [child, mum]),
      person_get: vi.fn((): PersonDetail => ({ person: child, links: { parents: [], youngPeople: [] }, signatures: [] })),
      person_link_parent: link,
    });
    const user = userEvent.setup();
    await user.click((await screen.findAllByTestId("person-link"))[0]);
    await user.click(await screen.findByTestId("person-link-parent"));
    expect(rust.people_search).toHaveBeenLastCalledWith({ query: { text: "", group: "parentCarer", status: "active" } });
    await user.selectOptions(await screen.findByTestId("person-link-parent-choice"), "Nadia Khan");
    await user.click(screen.getByTestId("person-link-parent-confirm"));

    expect(link).toHaveBeenCalledWith({ youngPersonId: "c1", parentId: "p9" });
    expect(await screen.findByTestId("person-parents")).toHaveTextContent("Nadia Khan");
  });

  describe("after adding someone, what comes next", () => {
    const chloe = person("p3", "Chloe Evans", { group: "volunteer" });
    const steps = (staffAupDone: boolean) => ({
      show: true,
      steps: [
        { step: "addPeople", done: true },
        { step: "showStaffAup", done: staffAupDone },
        { step: "reviewOnlineSafetyPolicy", done: false },
        { step: "recordTraining", done: false },
        { step: "firstBackup", done: false },
      ],
    });

    async function addChloe(gettingStarted: Handler) {
      const rust = {
        people_search: vi.fn(() => [amira]),
        person_add: vi.fn(() => chloe),
        person_get: vi.fn(() => ({ ...detail, person: chloe, signatures: [] })),
        aup_list: vi.fn(() => []),
        getting_started: vi.fn(gettingStarted),
      };
      vi.mocked(invoke).mockImplementation(fakeRust(rust));
      const go = { onOpenAups: vi.fn(), onOpenDashboard: vi.fn() };
      render(PeoplePage, go);
      const user = userEvent.setup();
      await user.click(await screen.findByTestId("person-add-start"));
      await user.type(screen.getByTestId("person-full-name"), "Chloe Evans");
      await user.click(screen.getByLabelText("Volunteer"));
      await user.click(screen.getByTestId("person-continue"));
      await user.click(await screen.findByTestId("person-save"));
      await screen.findByRole("heading", { name: "Chloe Evans", level: 1 });
      return { rust, go, user };
    }

    it("person_added_points_to_the_next_step: says where Getting started is and links to the staff AUP", async () => {
      const { go, user } = await addChloe(() => steps(false));
      const notice = screen.getByTestId("person-notice");
      expect(notice).toHaveTextContent("Chloe Evans has been added to the register.");
      const next = await within(notice).findByTestId("person-next-step");
      expect(next).toHaveTextContent("Getting started: 4 steps to go.");
      const link = within(next).getByTestId("person-next-step-link");
      expect(link).toHaveTextContent("Next: publish the staff AUP");
      await user.click(link);
      expect(go.onOpenAups).toHaveBeenCalledExactlyOnceWith({ audience: "staffVolunteers" });
    });

    it("offers to add another person from the same banner", async () => {
      const { user } = await addChloe(() => steps(false));
      await user.click(await screen.findByTestId("person-next-add-another"));
      expect(await screen.findByTestId("person-add-page")).toBeInTheDocument();
    });

    it("points back to Getting started, not to the staff AUP, once that step is done", async () => {
      const { go, user } = await addChloe(() => steps(true));
      const next = await screen.findByTestId("person-next-step");
      expect(next).toHaveTextContent("Getting started: 3 steps to go.");
      expect(within(next).queryByTestId("person-next-step-link")).toBeNull();
      await user.click(within(next).getByTestId("person-next-dashboard"));
      expect(go.onOpenDashboard).toHaveBeenCalledOnce();
    });

    it("says nothing more once Getting started is finished or hidden, or cannot be read", async () => {
      const { rust } = await addChloe(() => ({ ...steps(false), show: false }));
      await vi.waitFor(() => expect(rust.getting_started).toHaveBeenCalled());
      await Promise.resolve();
      expect(screen.getByTestId("person-notice")).toHaveTextContent("has been added");
      expect(screen.queryByTestId("person-next-step")).toBeNull();
    });

    it("does not ask about Getting started when a person is only opened from the list", async () => {
      const gettingStarted = vi.fn(() => steps(false));
      open({ getting_started: gettingStarted });
      await userEvent.setup().click((await screen.findAllByTestId("person-link"))[0]);
      await screen.findByTestId("person-summary");
      expect(gettingStarted).not.toHaveBeenCalled();
      expect(screen.queryByTestId("person-next-step")).toBeNull();
    });
  });
});
