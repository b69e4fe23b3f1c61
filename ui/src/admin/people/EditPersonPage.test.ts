import { render, screen, within } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { fakeRust, rustError, type Handler } from "../../test/tauriFake";
import { person } from "./fixtures";

vi.mock("@tauri-apps/api/core", () => ({ invoke: vi.fn() }));

const { invoke } = await import("@tauri-apps/api/core");
const { default: EditPersonPage } = await import("./EditPersonPage.svelte");

const leaver = person({ leaveDate: "2026-07-31", archivedAt: "2026-08-01T09:00:00Z" });

function open(handlers: Record<string, Handler> = {}, who = leaver) {
  vi.mocked(invoke).mockImplementation(fakeRust(handlers));
  const onSaved = vi.fn();
  const onCancel = vi.fn();
  render(EditPersonPage, { person: who, onCancel, onSaved });
  return { onSaved, onCancel };
}

describe("Edit a person's details", () => {
  it("starts from what is stored", () => {
    open();
    expect(screen.getByTestId("person-full-name")).toHaveValue("Amira Khan");
    expect(screen.getByLabelText("Staff")).toBeChecked();
    expect(screen.getByTestId("person-start-date-day")).toHaveValue("2");
    expect(screen.getByTestId("person-start-date-month")).toHaveValue("9");
    expect(screen.getByTestId("person-start-date-year")).toHaveValue("2024");
    expect(screen.getByTestId("person-email")).toHaveValue("amira@example.org");
  });

  it("Cancel goes back without asking Rust to change anything", async () => {
    const personUpdate = vi.fn();
    const { onCancel, onSaved } = open({ person_update: personUpdate });
    const user = userEvent.setup();
    await user.clear(screen.getByTestId("person-full-name"));
    await user.type(screen.getByTestId("person-full-name"), "Someone Else");
    await user.click(screen.getByTestId("person-edit-cancel"));
    expect(onCancel).toHaveBeenCalledOnce();
    expect(personUpdate).not.toHaveBeenCalled();
    expect(onSaved).not.toHaveBeenCalled();
  });

  it("checks the answers the same way as adding someone", async () => {
    const personUpdate = vi.fn();
    open({ person_update: personUpdate });
    const user = userEvent.setup();
    await user.clear(screen.getByTestId("person-full-name"));
    await user.type(screen.getByTestId("person-full-name"), "A. K.");
    await user.click(screen.getByLabelText("Young person"));
    await user.click(screen.getByTestId("person-edit-save"));

    const summary = await screen.findByTestId("error-summary");
    expect(within(summary).getByRole("link", { name: /not only initials/ })).toHaveAttribute("href", "#person-full-name");
    expect(within(summary).getByRole("link", { name: /date of birth/ })).toHaveAttribute("href", "#person-dob");
    expect(personUpdate).not.toHaveBeenCalled();
  });

  it("saves the changes and keeps the leaving date it does not show", async () => {
    const updated = { ...leaver, fullName: "Amira Khan-Jones" };
    const personUpdate = vi.fn(() => updated);
    const { onSaved } = open({ person_update: personUpdate });
    const user = userEvent.setup();
    await user.type(screen.getByTestId("person-full-name"), "-Jones");
    await user.clear(screen.getByTestId("person-email"));
    await user.click(screen.getByTestId("person-edit-save"));

    expect(personUpdate).toHaveBeenCalledWith({
      id: "p1",
      draft: {
        group: "staff",
        fullName: "Amira Khan-Jones",
        preferredName: null,
        dateOfBirth: null,
        startDate: "2024-09-02",
        leaveDate: "2026-07-31",
        email: null,
        phone: null,
      },
    });
    expect(onSaved).toHaveBeenCalledWith(updated);
  });

  it("puts Rust's refusal beside the box it is about and keeps what was typed", async () => {
    open({
      person_update: () => {
        throw rustError("people.groupHasLinks", "Remove this person's parent or carer links before changing their group.");
      },
    });
    const user = userEvent.setup();
    await user.click(screen.getByLabelText("Volunteer"));
    await user.click(screen.getByTestId("person-edit-save"));

    const summary = await screen.findByTestId("error-summary");
    expect(within(summary).getByRole("link", { name: /parent or carer links/ })).toHaveAttribute("href", "#person-group");
    expect(screen.getByLabelText("Volunteer")).toBeChecked();
  });
});
