import { render, screen, within } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import type { Course, TrainingMatrix } from "../../lib/bindings";
import { fakeRust, rustError, type Handler } from "../../test/tauriFake";

vi.mock("@tauri-apps/api/core", () => ({ invoke: vi.fn() }));

const { invoke } = await import("@tauri-apps/api/core");
const { default: TrainingPage } = await import("./TrainingPage.svelte");
const { default: MatrixView } = await import("./MatrixView.svelte");

const onlineSafety: Course = {
  id: "course-online-safety",
  name: "Online-safety update",
  renewal: { every: "months", months: 12 },
  requiredGroups: ["staff", "volunteer"],
  requiredRoles: [],
  retired: false,
};
const dslCourse: Course = {
  id: "course-dsl",
  name: "Designated safeguarding lead role training",
  renewal: { every: "months", months: 24 },
  requiredGroups: [],
  requiredRoles: ["dsl"],
  retired: false,
};

const matrix: TrainingMatrix = {
  courses: [onlineSafety, dslCourse],
  rows: [
    {
      personId: "p1",
      fullName: "Amira Khan",
      group: "staff",
      roles: ["dsl"],
      cells: [
        { courseId: onlineSafety.id, required: true, lastCompleted: "2025-11-01", nextDue: "2026-11-01", status: "overdue" },
        { courseId: dslCourse.id, required: true, lastCompleted: null, nextDue: null, status: "neverDone" },
      ],
    },
    {
      personId: "p2",
      fullName: "Ben Carter",
      group: "volunteer",
      roles: [],
      cells: [
        { courseId: onlineSafety.id, required: true, lastCompleted: "2026-01-10", nextDue: "2027-01-10", status: "dueIn60" },
        { courseId: dslCourse.id, required: false, lastCompleted: null, nextDue: null, status: null },
      ],
    },
  ],
};

function open(handlers: Record<string, Handler> = {}) {
  const rust = { training_matrix: vi.fn(() => matrix), ...handlers };
  vi.mocked(invoke).mockImplementation(fakeRust(rust));
  render(TrainingPage);
  return rust;
}

describe("Training matrix", () => {
  it("shows each cell's status in words with its date, and counts who needs action", async () => {
    open();
    const rows = await screen.findAllByTestId("training-row");
    expect(rows).toHaveLength(2);
    const [amira, ben] = rows.map((r) => within(r).getAllByTestId("training-cell"));
    expect(amira[0]).toHaveTextContent("Overdue");
    expect(amira[0]).toHaveTextContent("Was due 1 November 2026");
    expect(amira[1]).toHaveTextContent("Never done");
    expect(ben[0]).toHaveTextContent("Due within 60 days");
    expect(ben[1]).toHaveTextContent("Not required");
    expect(screen.getByTestId("training-count")).toHaveTextContent("2 people, 1 with training overdue or never done");
  });

  it("says how far away each due date is, and nothing for a cell with no date", async () => {
    vi.mocked(invoke).mockImplementation(fakeRust({ training_matrix: () => matrix }));
    render(MatrixView, { onRecord: vi.fn(), onCourses: vi.fn(), onImport: vi.fn(), today: "2026-11-22" });
    const rows = await screen.findAllByTestId("training-row");
    const [amira, ben] = rows.map((r) => within(r).getAllByTestId("training-cell"));
    expect(within(amira[0]).getByTestId("training-cell-distance")).toHaveTextContent("3 weeks overdue");
    expect(within(ben[0]).getByTestId("training-cell-distance")).toHaveTextContent("due in 7 weeks");
    expect(within(amira[1]).queryByTestId("training-cell-distance")).toBeNull();
    expect(within(ben[1]).queryByTestId("training-cell-distance")).toBeNull();
  });

  it("asks Rust again when a filter changes", async () => {
    const rust = open();
    await screen.findAllByTestId("training-row");
    await userEvent.setup().selectOptions(screen.getByTestId("training-filter-status"), "overdue");
    expect(rust.training_matrix).toHaveBeenLastCalledWith({ filter: { group: null, status: "overdue", courseId: null, limit: 101 } });
  });

  it("shows a hundred people at a time, asking Rust for one more to know there are more", async () => {
    const row = (n: number) => ({ ...matrix.rows[0], personId: `p${n}`, fullName: `Person ${String(n).padStart(3, "0")}` });
    const everyone = Array.from({ length: 150 }, (_, n) => row(n));
    const rust = open({
      training_matrix: vi.fn((args: Record<string, unknown>) => {
        const limit = (args.filter as { limit: number | null }).limit;
        return { ...matrix, rows: limit === null ? everyone : everyone.slice(0, limit) };
      }),
    });
    expect(await screen.findAllByTestId("training-row")).toHaveLength(100);
    expect(rust.training_matrix).toHaveBeenLastCalledWith({ filter: { group: null, status: null, courseId: null, limit: 101 } });
    expect(screen.getByTestId("training-count")).toHaveTextContent(
      "The first 100 people by name, 100 of them with training overdue or never done. More match",
    );
    await userEvent.setup().click(screen.getByTestId("training-show-more"));
    await vi.waitFor(() => expect(screen.getAllByTestId("training-row")).toHaveLength(150));
    expect(rust.training_matrix).toHaveBeenLastCalledWith({ filter: { group: null, status: null, courseId: null, limit: 201 } });
    expect(screen.queryByTestId("training-show-more")).toBeNull();
    expect(screen.getByTestId("training-count")).toHaveTextContent("150 people, 150 with training overdue or never done");
  });
});

describe("Record training", () => {
  it("names every missing answer, then records a group session for everyone ticked", async () => {
    const record = vi.fn((args: Record<string, unknown>) =>
      (args.completion as { personIds: string[] }).personIds.map((id) => ({ id: `t-${id}` })),
    );
    open({ training_record: record });
    const user = userEvent.setup();
    await user.click(await screen.findByTestId("training-record-start"));
    await user.click(await screen.findByTestId("training-save"));
    const summary = await screen.findByTestId("error-summary");
    expect(summary).toHaveTextContent("Choose the course");
    expect(summary).toHaveTextContent("Enter the date the course was completed");
    expect(summary).toHaveTextContent("Enter who provided the training");
    expect(summary).toHaveTextContent("Choose at least one person");
    expect(record).not.toHaveBeenCalled();

    await user.click(screen.getByLabelText(/Online-safety update/));
    await user.click(screen.getByTestId("training-tick-required"));
    await user.type(screen.getByLabelText("Day"), "2");
    await user.type(screen.getByLabelText("Month"), "11");
    await user.type(screen.getByLabelText("Year"), "2026");
    await user.type(screen.getByTestId("training-provider"), "In house");
    await user.click(screen.getByTestId("training-save"));
    expect(await screen.findByTestId("training-saved")).toHaveTextContent("Online-safety update recorded for 2 people.");
    expect(record).toHaveBeenCalledWith({
      completion: {
        courseId: "course-online-safety",
        completedOn: "2026-11-02",
        provider: "In house",
        notes: null,
        personIds: ["p1", "p2"],
      },
    });
  });

  it("shows Rust's refusal and keeps what was typed", async () => {
    open({
      training_record: () => {
        throw rustError("training.personNotFound", "One of the people chosen was not found, or has been archived.");
      },
    });
    const user = userEvent.setup();
    await user.click(await screen.findByTestId("training-record-start"));
    await user.click(await screen.findByLabelText(/Designated safeguarding lead role training/));
    await user.click(screen.getByTestId("training-tick-required"));
    await user.type(screen.getByLabelText("Day"), "2");
    await user.type(screen.getByLabelText("Month"), "11");
    await user.type(screen.getByLabelText("Year"), "2026");
    await user.type(screen.getByTestId("training-provider"), "Local partnership");
    await user.click(screen.getByTestId("training-save"));
    expect(await screen.findByTestId("error-summary")).toHaveTextContent("has been archived");
    expect(screen.getByTestId("training-provider")).toHaveValue("Local partnership");
  });
});

describe("Courses", () => {
  it("lists how often and who, and saves a changed renewal period", async () => {
    const save = vi.fn((args: Record<string, unknown>) => ({ ...onlineSafety, name: (args.draft as Course).name }));
    open({ training_courses: () => [onlineSafety, dslCourse], training_course_save: save });
    const user = userEvent.setup();
    await user.click(await screen.findByTestId("training-courses-start"));
    const rows = await screen.findAllByTestId("course-row");
    expect(rows[0]).toHaveTextContent("Every year");
    expect(rows[0]).toHaveTextContent("All staff and all volunteers");
    expect(rows[1]).toHaveTextContent("Every 2 years");
    expect(rows[1]).toHaveTextContent("Designated safeguarding lead");

    await user.click(within(rows[0]).getByTestId("course-edit"));
    const months = await screen.findByTestId("course-months");
    await user.clear(months);
    await user.type(months, "0");
    await user.click(screen.getByTestId("course-save"));
    expect(await screen.findByTestId("error-summary")).toHaveTextContent("from 1 to 120");
    await user.clear(months);
    await user.type(months, "24");
    await user.click(screen.getByTestId("course-save"));
    expect(await screen.findByTestId("courses-saved")).toHaveTextContent("Online-safety update saved.");
    expect(save).toHaveBeenCalledWith({
      id: "course-online-safety",
      draft: {
        name: "Online-safety update",
        renewal: { every: "months", months: 24 },
        requiredGroups: ["staff", "volunteer"],
        requiredRoles: [],
      },
    });
  });
});

describe("Training on a person's page", () => {
  it("adds a certificate to a record and offers to save a copy of one already stored", async () => {
    const { default: PersonTrainingSection } = await import("./PersonTrainingSection.svelte");
    const record = (id: string, has: boolean) => ({
      id,
      personId: "p1",
      courseId: onlineSafety.id,
      completedOn: "2026-11-02",
      provider: "In house",
      notes: null,
      nextDue: "2027-11-02",
      recordedAt: "2026-11-02T10:00:00Z",
      hasCertificate: has,
    });
    let stored = false;
    const attach = vi.fn(() => {
      stored = true;
    });
    vi.mocked(invoke).mockImplementation(
      fakeRust({
        person_training: () => ({ roles: ["dsl"], records: [record("t1", stored)] }),
        training_courses: () => [onlineSafety, dslCourse],
        training_certificate_attach: attach,
      }),
    );
    render(PersonTrainingSection, { personId: "p1", personName: "Amira Khan" });
    const row = await screen.findByTestId("person-training-row");
    expect(row).toHaveTextContent("Online-safety update2 November 2026In house2 November 2027");
    expect(screen.getAllByTestId("person-role")[0]).toBeChecked();

    // Let a file the picker would hide through, as a "All files" choice in the dialog can.
    const user = userEvent.setup({ applyAccept: false });
    await user.upload(screen.getByTestId("person-certificate-file"), new File(["GIF89a"], "cert.gif", { type: "image/gif" }));
    expect(await screen.findByTestId("person-training-status")).toHaveTextContent("can be a PNG or JPEG image or a PDF");
    expect(attach).not.toHaveBeenCalled();

    await user.upload(screen.getByTestId("person-certificate-file"), new File(["%PDF-1.7"], "cert.pdf", { type: "application/pdf" }));
    expect(await screen.findByTestId("person-training-status")).toHaveTextContent("Certificate added to the Online-safety update record.");
    expect(attach).toHaveBeenCalledWith({ recordId: "t1", base64: btoa("%PDF-1.7") });
    expect(await screen.findByTestId("person-certificate-save")).toBeInTheDocument();
  });
});

describe("Importing past training", () => {
  it("shows what each line would do, then adds the rows when confirmed", async () => {
    const preview = vi.fn(() => ({
      toAdd: [
        { line: 2, personId: "p1", personName: "Amira Khan", courseId: onlineSafety.id, courseName: onlineSafety.name, completedOn: "2025-11-01", provider: "In house", notes: null },
      ],
      duplicates: [{ line: 3, reason: "Repeats line 2." }],
      rejected: [{ line: 4, reason: "Nobody in the register has this name. Add them under People first, or check the spelling." }],
      ignoredColumns: ["Room"],
    }));
    const commit = vi.fn(() => 1);
    open({ training_import_preview: preview, training_import_commit: commit });
    const user = userEvent.setup();
    await user.click(await screen.findByTestId("training-import-start"));
    await user.click(screen.getByTestId("training-import-check"));
    expect(await screen.findByTestId("error-summary")).toHaveTextContent("Choose a CSV file to import");

    const csv = "Name,Course,Date completed,Provider\nAmira Khan,Online-safety update,01/11/2025,In house\n";
    await user.upload(screen.getByTestId("training-import-file"), new File([csv], "training.csv", { type: "text/csv" }));
    await user.click(screen.getByTestId("training-import-check"));
    expect(await screen.findByTestId("training-import-counts")).toHaveTextContent("1 training record will be added");
    expect(preview).toHaveBeenCalledWith({ csv });
    expect(screen.getByTestId("training-import-add-row")).toHaveTextContent("2Amira KhanOnline-safety update1 November 2025In house");
    expect(screen.getByTestId("training-import-rejected-row")).toHaveTextContent("4Problem: Nobody in the register");
    expect(screen.getByTestId("training-import-duplicate-row")).toHaveTextContent("3Skipped: Repeats line 2.");

    await user.click(screen.getByTestId("training-import-commit"));
    expect(await screen.findByTestId("training-saved")).toHaveTextContent("1 training record imported.");
    expect(commit).toHaveBeenCalledOnce();
  });
});
