import { render, screen, within } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import type { ImportPreview, PersonDraft } from "../../lib/bindings";
import { fakeRust, rustError, type Handler } from "../../test/tauriFake";

vi.mock("@tauri-apps/api/core", () => ({ invoke: vi.fn() }));

const { invoke } = await import("@tauri-apps/api/core");
const { default: ImportPage } = await import("./ImportPage.svelte");

const CSV = "name,group\nAmira Khan,staff\nJS,staff\nSam Patel,volunteer\nAmira Khan,staff\n";

const draft = (fullName: string, group: PersonDraft["group"]): PersonDraft => ({
  group,
  fullName,
  preferredName: null,
  dateOfBirth: null,
  startDate: null,
  leaveDate: null,
  email: null,
  phone: null,
});

const preview: ImportPreview = {
  toAdd: [
    { line: 2, draft: draft("Amira Khan", "staff") },
    { line: 4, draft: draft("Sam Patel", "volunteer") },
  ],
  duplicates: [{ line: 5, reason: "Same as line 2." }],
  rejected: [{ line: 3, reason: "Enter the person's full name: first name and last name, not only initials." }],
  ignoredColumns: [],
};

function open(handlers: Record<string, Handler>) {
  vi.mocked(invoke).mockImplementation(fakeRust(handlers));
  const onImported = vi.fn();
  const onBack = vi.fn();
  render(ImportPage, { onBack, onImported });
  return { onImported, onBack };
}

async function chooseAndCheck(text = CSV) {
  const user = userEvent.setup();
  await user.upload(screen.getByTestId("import-file"), new File([text], "people.csv", { type: "text/csv" }));
  await user.click(screen.getByTestId("import-check"));
  return user;
}

describe("CSV import", () => {
  it("sends the file's text and lists every row with its line number and reason", async () => {
    const previewCall = vi.fn(() => preview);
    const commit = vi.fn();
    open({ people_import_preview: previewCall, people_import_commit: commit });
    await chooseAndCheck();

    await screen.findByTestId("import-preview");
    expect(previewCall).toHaveBeenCalledWith({ csv: CSV });
    expect(commit).not.toHaveBeenCalled();

    const added = screen.getAllByTestId("import-add-row");
    const cells = (row: HTMLElement) => within(row).getAllByRole("cell").map((cell) => cell.textContent?.trim());
    expect(added.map(cells)).toEqual([
      ["2", "Amira Khan", "Staff"],
      ["4", "Sam Patel", "Volunteer"],
    ]);
    const rejected = screen.getByTestId("import-rejected-row");
    expect(within(rejected).getAllByRole("cell")[0]).toHaveTextContent("3");
    expect(rejected).toHaveTextContent("not only initials");
    const duplicate = screen.getByTestId("import-duplicate-row");
    expect(within(duplicate).getAllByRole("cell")[0]).toHaveTextContent("5");
    expect(duplicate).toHaveTextContent("Already in the register: Same as line 2.");

    expect(screen.getByTestId("import-count-add")).toHaveTextContent("2 people");
    expect(screen.getByTestId("import-count-duplicate")).toHaveTextContent("1 row is");
    expect(screen.getByTestId("import-count-rejected")).toHaveTextContent("1 row has");
  });

  it("adds the previewed people only when 'Add N people' is pressed", async () => {
    const commit = vi.fn(() => ({ added: 2 }));
    const { onImported } = open({ people_import_preview: () => preview, people_import_commit: commit });
    const user = await chooseAndCheck();

    const add = await screen.findByTestId("import-commit");
    expect(add).toHaveTextContent("Add 2 people");
    await user.click(add);
    expect(commit).toHaveBeenCalledTimes(1);
    expect(onImported).toHaveBeenCalledWith(2);
  });

  it("offers no way to add when nobody is new", async () => {
    const commit = vi.fn();
    open({
      people_import_preview: () => ({ ...preview, toAdd: [] }),
      people_import_commit: commit,
    });
    const user = await chooseAndCheck();
    const add = await screen.findByTestId("import-commit");
    expect(add).toBeDisabled();
    expect(add).toHaveTextContent("Add 0 people");
    await user.click(add);
    expect(commit).not.toHaveBeenCalled();
  });

  it("Cancel leaves without committing", async () => {
    const commit = vi.fn();
    const { onBack } = open({ people_import_preview: () => preview, people_import_commit: commit });
    const user = await chooseAndCheck();
    await user.click(await screen.findByTestId("import-cancel"));
    expect(onBack).toHaveBeenCalled();
    expect(commit).not.toHaveBeenCalled();
  });

  it("shows a whole-file problem beside the file box", async () => {
    open({
      people_import_preview: () => {
        throw rustError("import.noNameColumn", "The file needs a column headed 'Name'.");
      },
    });
    await chooseAndCheck("group\nstaff\n");
    expect(await screen.findByRole("link", { name: "The file needs a column headed 'Name'." })).toHaveAttribute(
      "href",
      "#people-import-file",
    );
  });

  it("asks for a file before checking", async () => {
    const previewCall = vi.fn();
    open({ people_import_preview: previewCall });
    await userEvent.click(screen.getByTestId("import-check"));
    expect(await screen.findByRole("link", { name: "Choose a CSV file to import" })).toBeInTheDocument();
    expect(previewCall).not.toHaveBeenCalled();
  });
});
