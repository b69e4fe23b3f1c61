import { render, screen, within } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { createRawSnippet } from "svelte";
import { describe, expect, it, vi } from "vitest";
import { rustError } from "../../test/tauriFake";
import CsvImport, { type CsvImportKind, type CsvImportPreview } from "./CsvImport.svelte";

type CourseRow = { line: number; name: string; months: number };

const found: CsvImportPreview<CourseRow> = {
  toAdd: [
    { line: 2, name: "First aid", months: 36 },
    { line: 5, name: "Fire safety", months: 12 },
  ],
  duplicates: [{ line: 3, reason: "Same as line 2." }],
  rejected: [
    { line: 6, reason: "Enter how often it is due." },
    { line: 4, reason: "Enter the course's name." },
  ],
  ignoredColumns: ["Room", "Trainer"],
};

function kind(overrides: Partial<CsvImportKind<CourseRow>> = {}): CsvImportKind<CourseRow> {
  return {
    testidPrefix: "course-import",
    work: "peopleImport",
    pageTestid: "course-import-page",
    chooseCancelTestid: "course-import-back",
    fileId: "course-import-file",
    title: "Import courses from a CSV file",
    backLabel: "Back to courses",
    one: "course",
    many: "courses",
    duplicateWhere: "already listed",
    duplicatePrefix: "Skipped: ",
    nothingNew: "There is no new course in this file.",
    columns: [
      { heading: "Course", cell: (row) => row.name },
      { heading: "Every", cell: (row) => `${row.months} months` },
    ],
    preview: vi.fn(async () => found),
    commit: vi.fn(async () => 2),
    ...overrides,
  };
}

const instructions = createRawSnippet(() => ({ render: () => "<p>One course a row.</p>" }));

function show(k: CsvImportKind<CourseRow>) {
  const onBack = vi.fn();
  const onImported = vi.fn();
  render(CsvImport<CourseRow>, { kind: k, instructions, onBack, onImported });
  return { onBack, onImported };
}

async function chooseAndCheck(text = "Course,Every\nFirst aid,36\n") {
  const user = userEvent.setup();
  await user.upload(screen.getByTestId("course-import-file"), new File([text], "courses.csv", { type: "text/csv" }));
  await user.click(screen.getByTestId("course-import-check"));
  return user;
}

const cells = (row: HTMLElement) => within(row).getAllByRole("cell").map((cell) => cell.textContent?.trim());

describe("CsvImport", () => {
  it("opens on the kind's page, with its title, back link and what the file must hold", () => {
    show(kind());
    const page = screen.getByTestId("course-import-page");
    expect(within(page).getByRole("heading", { level: 1 })).toHaveTextContent("Import courses from a CSV file");
    expect(within(page).getByTestId("back")).toHaveTextContent("Back to courses");
    expect(within(page).getByText("One course a row.")).toBeInTheDocument();
    expect(within(page).getByLabelText("CSV file")).toHaveAttribute("id", "course-import-file");
  });

  it("asks for a file before sending anything", async () => {
    const k = kind();
    show(k);
    await userEvent.click(screen.getByTestId("course-import-check"));
    expect(await screen.findByRole("link", { name: "Choose a CSV file to import" })).toHaveAttribute(
      "href",
      "#course-import-file",
    );
    expect(k.preview).not.toHaveBeenCalled();
  });

  it("sends the file's text, then counts, lists and explains every row in line order", async () => {
    const k = kind();
    show(k);
    await chooseAndCheck();
    await screen.findByTestId("course-import-preview");
    expect(k.preview).toHaveBeenCalledExactlyOnceWith("Course,Every\nFirst aid,36\n");
    expect(k.commit).not.toHaveBeenCalled();

    expect(screen.getByTestId("course-import-count-add")).toHaveTextContent(/^2 courses$/);
    expect(screen.getByTestId("course-import-counts")).toHaveTextContent(
      "2 courses will be added 1 row is already listed and will be skipped 2 rows have a problem and will not be added",
    );
    expect(screen.getByTestId("course-import-ignored-columns")).toHaveTextContent(
      "These columns were not recognised and will not be imported: Room, Trainer.",
    );

    const addList = screen.getByTestId("course-import-add-list");
    expect(within(addList).getAllByRole("columnheader").map((h) => h.textContent)).toEqual(["Line", "Course", "Every"]);
    expect(screen.getAllByTestId("course-import-add-row").map(cells)).toEqual([
      ["2", "First aid", "36 months"],
      ["5", "Fire safety", "12 months"],
    ]);

    const issues = within(screen.getByTestId("course-import-issue-list")).getAllByRole("row").slice(1);
    expect(issues.map((row) => row.getAttribute("data-testid"))).toEqual([
      "course-import-duplicate-row",
      "course-import-rejected-row",
      "course-import-rejected-row",
    ]);
    expect(issues.map(cells)).toEqual([
      ["3", "Skipped: Same as line 2."],
      ["4", "Problem: Enter the course's name."],
      ["6", "Problem: Enter how often it is due."],
    ]);
    expect(screen.getByText(/correct them in your spreadsheet and import the file again/)).toBeInTheDocument();
  });

  it("adds the previewed rows only when 'Add N …' is pressed, and reports how many were added", async () => {
    const k = kind();
    const { onImported } = show(k);
    const user = await chooseAndCheck();
    const add = await screen.findByTestId("course-import-commit");
    expect(add).toHaveTextContent("Add 2 courses");
    await user.click(add);
    expect(k.commit).toHaveBeenCalledOnce();
    expect(onImported).toHaveBeenCalledExactlyOnceWith(2);
  });

  it("says so, and offers only a disabled button, when the file holds nothing new", async () => {
    const k = kind({ preview: vi.fn(async () => ({ ...found, toAdd: [], rejected: [] })) });
    show(k);
    const user = await chooseAndCheck();
    expect(await screen.findByTestId("course-import-nothing")).toHaveTextContent("There is no new course in this file.");
    const add = screen.getByTestId("course-import-commit");
    expect(add).toBeDisabled();
    expect(add).toHaveTextContent("Add 0 courses");
    expect(screen.getByTestId("course-import-count-add")).toHaveTextContent(/^0 courses$/);
    expect(screen.queryByTestId("course-import-add-list")).toBeNull();
    expect(screen.queryByText(/correct them in your spreadsheet/)).toBeNull();
    await user.click(add);
    expect(k.commit).not.toHaveBeenCalled();
  });

  it("puts a whole-file problem beside the file box", async () => {
    show(kind({ preview: vi.fn(async () => Promise.reject(rustError("import.noNameColumn", "The file needs a column headed 'Course'."))) }));
    await chooseAndCheck("Every\n36\n");
    expect(await screen.findByRole("link", { name: "The file needs a column headed 'Course'." })).toHaveAttribute(
      "href",
      "#course-import-file",
    );
    expect(screen.getByTestId("course-import-page")).toBeInTheDocument();
  });

  it("goes back to choosing the file, with Rust's reason, when adding fails", async () => {
    const k = kind({ commit: vi.fn(async () => Promise.reject(rustError("import.changedSincePreview", "The file changed. Check it again."))) });
    const { onImported } = show(k);
    const user = await chooseAndCheck();
    await user.click(await screen.findByTestId("course-import-commit"));
    expect(await screen.findByRole("link", { name: "The file changed. Check it again." })).toHaveAttribute(
      "href",
      "#course-import-file",
    );
    expect(screen.getByTestId("course-import-page")).toBeInTheDocument();
    expect(onImported).not.toHaveBeenCalled();
  });

  it("leaves without adding from either page's Cancel", async () => {
    const k = kind();
    const { onBack } = show(k);
    await userEvent.click(screen.getByTestId("course-import-back"));
    expect(onBack).toHaveBeenCalledTimes(1);

    const user = await chooseAndCheck();
    await user.click(await screen.findByTestId("course-import-cancel"));
    expect(onBack).toHaveBeenCalledTimes(2);
    expect(k.commit).not.toHaveBeenCalled();
  });

  it("'Choose a different file' returns to the file box without leaving", async () => {
    const { onBack } = show(kind());
    const user = await chooseAndCheck();
    await user.click(await screen.findByRole("button", { name: "Choose a different file" }));
    expect(screen.getByTestId("course-import-page")).toBeInTheDocument();
    expect(onBack).not.toHaveBeenCalled();
  });
});
