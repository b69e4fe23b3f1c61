import { render, screen, within } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import type { Person } from "../../lib/bindings";
import { fakeRust, rustError, type Handler } from "../../test/tauriFake";

vi.mock("@tauri-apps/api/core", () => ({ invoke: vi.fn() }));

const { invoke } = await import("@tauri-apps/api/core");
const { default: AddPersonPage } = await import("./AddPersonPage.svelte");

const saved: Person = {
  id: "p1",
  group: "youngPerson",
  fullName: "Amira Khan",
  preferredName: null,
  dateOfBirth: "2012-03-27",
  startDate: null,
  leaveDate: null,
  email: null,
  phone: null,
  kioskListed: false,
  archivedAt: null,
  createdAt: "2026-11-22T09:00:00Z",
  updatedAt: "2026-11-22T09:00:00Z",
};

function open(handlers: Record<string, Handler> = {}) {
  vi.mocked(invoke).mockImplementation(fakeRust(handlers));
  const onAdded = vi.fn();
  render(AddPersonPage, { onBack: vi.fn(), onAdded });
  return { onAdded };
}

async function fill(user: ReturnType<typeof userEvent.setup>, name: string, group: string) {
  await user.type(screen.getByTestId("person-full-name"), name);
  await user.click(screen.getByLabelText(group));
}

describe("Add a person", () => {
  it.each([
    ["J. S.", /not only initials/],
    ["J.S.", /not only initials/],
    ["A B", /not only initials/],
    ["JS", /at least a first name and a last name/],
  ])("refuses the name %j on the field, before asking Rust", async (name, message) => {
    const personAdd = vi.fn();
    open({ person_add: personAdd });
    const user = userEvent.setup();
    await fill(user, name, "Staff");
    await user.click(screen.getByTestId("person-continue"));

    const link = await screen.findByRole("link", { name: message });
    expect(link).toHaveAttribute("href", "#person-full-name");
    expect(screen.getByTestId("person-full-name")).toHaveAttribute("aria-invalid", "true");
    expect(screen.getByTestId("person-full-name")).toHaveAccessibleDescription(message);
    expect(screen.queryByTestId("person-check")).toBeNull();
    expect(personAdd).not.toHaveBeenCalled();
  });

  it("asks for a young person's date of birth and says why", async () => {
    const personAdd = vi.fn();
    open({ person_add: personAdd });
    const user = userEvent.setup();
    await fill(user, "Amira Khan", "Young person");
    await user.click(screen.getByTestId("person-continue"));

    expect(await screen.findByRole("link", { name: /consent and how long records are kept/ })).toHaveAttribute(
      "href",
      "#person-dob",
    );
    expect(personAdd).not.toHaveBeenCalled();
  });

  it("refuses a date that does not exist", async () => {
    open();
    const user = userEvent.setup();
    await fill(user, "Amira Khan", "Young person");
    await user.type(screen.getByTestId("person-dob-day"), "31");
    await user.type(screen.getByTestId("person-dob-month"), "2");
    await user.type(screen.getByTestId("person-dob-year"), "2012");
    await user.click(screen.getByTestId("person-continue"));
    expect(await screen.findByRole("link", { name: "Date of birth must be a real date" })).toHaveAttribute("href", "#person-dob");
  });

  it("shows the answers to check, then saves the draft Rust expects", async () => {
    const personAdd = vi.fn(() => saved);
    const { onAdded } = open({ person_add: personAdd });
    const user = userEvent.setup();
    await fill(user, "  Amira   Khan ", "Young person");
    await user.type(screen.getByTestId("person-dob-day"), "27");
    await user.type(screen.getByTestId("person-dob-month"), "3");
    await user.type(screen.getByTestId("person-dob-year"), "2012");
    await user.click(screen.getByTestId("person-continue"));

    const summary = await screen.findByTestId("person-check-summary");
    expect(summary).toHaveTextContent("Amira Khan");
    expect(summary).toHaveTextContent("Young person");
    expect(summary).toHaveTextContent("27 March 2012");
    expect(personAdd).not.toHaveBeenCalled();

    await user.click(screen.getByTestId("person-save"));
    expect(personAdd).toHaveBeenCalledWith({
      draft: {
        group: "youngPerson",
        fullName: "Amira Khan",
        preferredName: null,
        dateOfBirth: "2012-03-27",
        startDate: null,
        leaveDate: null,
        email: null,
        phone: null,
      },
    });
    expect(onAdded).toHaveBeenCalledWith(saved);
  });

  it("saves and opens an empty form naming who was just added, with Save and add another", async () => {
    const personAdd = vi.fn((args: Record<string, unknown>) => {
      const draft = args.draft as { fullName: string; group: Person["group"] };
      return { ...saved, id: `id-${draft.fullName}`, fullName: draft.fullName, group: draft.group, dateOfBirth: null };
    });
    const { onAdded } = open({ person_add: personAdd });
    const user = userEvent.setup();
    await fill(user, "Ben Carter", "Staff");
    await user.click(screen.getByTestId("person-continue"));
    await user.click(await screen.findByTestId("person-save-and-add"));

    expect(personAdd).toHaveBeenCalledWith({ draft: expect.objectContaining({ fullName: "Ben Carter", group: "staff" }) });
    expect(onAdded).not.toHaveBeenCalled();
    const notice = await screen.findByTestId("person-added-another");
    expect(notice).toHaveTextContent("Ben Carter has been added to the register. Add the next person below.");
    expect(notice).toHaveFocus();
    expect(screen.getByTestId("person-add-page")).toBeInTheDocument();
    expect(screen.getByTestId("person-full-name")).toHaveValue("");
    expect(screen.getByLabelText("Staff")).not.toBeChecked();
    expect(screen.getByTestId("person-add-cancel")).toHaveTextContent("Back to the register");

    await fill(user, "Cara Doyle", "Volunteer");
    await user.click(screen.getByTestId("person-continue"));
    await user.click(await screen.findByTestId("person-save-and-add"));
    const second = await screen.findByTestId("person-added-another");
    expect(second).toHaveTextContent("Cara Doyle has been added to the register.");
    expect(second).toHaveTextContent("2 people added so far.");
    expect(second).toHaveFocus();
    expect(personAdd).toHaveBeenCalledTimes(2);
    expect(onAdded).not.toHaveBeenCalled();
  });

  it("takes Rust's refusal back to the form, beside the name", async () => {
    open({
      person_add: () => {
        throw rustError("people.initialsOnly", "Enter the person's full name: first name and last name, not only initials.");
      },
    });
    const user = userEvent.setup();
    await fill(user, "Jo Smith", "Staff");
    await user.click(screen.getByTestId("person-continue"));
    await user.click(await screen.findByTestId("person-save"));

    const summary = await screen.findByTestId("error-summary");
    expect(within(summary).getByRole("link", { name: /not only initials/ })).toHaveAttribute("href", "#person-full-name");
    expect(screen.getByTestId("person-full-name")).toHaveValue("Jo Smith");
    expect(screen.getByTestId("person-full-name")).toHaveAttribute("aria-invalid", "true");
  });
});
