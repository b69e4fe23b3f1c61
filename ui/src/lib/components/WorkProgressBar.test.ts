import { render, screen } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import type { WorkProgress } from "../bindings";
import { fakeRust } from "../../test/tauriFake";

// Rust's progress events, delivered by hand: each test calls `emit` as Rust would.
const listeners: Array<(event: { payload: WorkProgress }) => void> = [];
vi.mock("@tauri-apps/api/event", () => ({
  listen: vi.fn(async (name: string, handler: (event: { payload: WorkProgress }) => void) => {
    if (name === "work-progress") listeners.push(handler);
    return () => listeners.splice(listeners.indexOf(handler), 1);
  }),
}));
vi.mock("@tauri-apps/api/core", () => ({ invoke: vi.fn() }));

const { invoke } = await import("@tauri-apps/api/core");
const { default: WorkProgressBar } = await import("./WorkProgressBar.svelte");
const { default: HandoverSection } = await import("../../admin/settings/HandoverSection.svelte");
const { default: ImportPage } = await import("../../admin/people/ImportPage.svelte");
const { flushSync } = await import("svelte");

function emit(progress: WorkProgress) {
  for (const listener of [...listeners]) listener({ payload: progress });
  flushSync();
}

describe("Progress of long work", () => {
  it("shows only its own work's reports, as a bar and a sentence, and only while the work runs", async () => {
    listeners.length = 0;
    const view = render(WorkProgressBar, { work: "subjectAccess", active: true, testid: "bar" });
    await vi.waitFor(() => expect(listeners).toHaveLength(1));
    // Nothing yet: the admin may still be choosing the folder.
    expect(screen.queryByTestId("bar")).toBeNull();

    emit({ work: "handover", step: "writingTables", done: 3, total: 40 });
    expect(screen.queryByTestId("bar")).toBeNull();

    emit({ work: "subjectAccess", step: "drawing", done: 1, total: 3 });
    const bar = screen.getByTestId("bar");
    expect(bar).toHaveTextContent("Drawing the PDF.");
    const progress = bar.querySelector("progress");
    expect(progress?.getAttribute("value")).toBe("1");
    expect(progress?.getAttribute("max")).toBe("3");

    emit({ work: "subjectAccess", step: "saving", done: 2, total: 3 });
    expect(screen.getByTestId("bar")).toHaveTextContent("Saving the two files.");

    await view.rerender({ work: "subjectAccess", active: false, testid: "bar" });
    expect(screen.queryByTestId("bar")).toBeNull();
    // A late report after the work ended does not bring it back, nor does starting again.
    emit({ work: "subjectAccess", step: "saving", done: 2, total: 3 });
    await view.rerender({ work: "subjectAccess", active: true, testid: "bar" });
    expect(screen.queryByTestId("bar")).toBeNull();
  });

  it("counts the hand-over's parts as Rust writes them, then shows the result", async () => {
    listeners.length = 0;
    let finish: (value: unknown) => void = () => {};
    vi.mocked(invoke).mockImplementation(
      fakeRust({ handover_export: () => new Promise((resolve) => (finish = resolve)) }),
    );
    render(HandoverSection);
    const user = userEvent.setup();
    await user.click(screen.getByTestId("handover-understood"));
    await user.click(screen.getByTestId("handover-export"));
    await vi.waitFor(() => expect(listeners.length).toBeGreaterThan(0));

    emit({ work: "handover", step: "writingTables", done: 11, total: 41 });
    expect(screen.getByTestId("handover-progress")).toHaveTextContent("Writing the records: part 12 of 41.");
    emit({ work: "handover", step: "finishing", done: 40, total: 41 });
    expect(screen.getByTestId("handover-progress")).toHaveTextContent("putting the folder in place");

    finish({ folder: "/media/usb/Safekeeper hand-over 2026-12-07 1900", tables: 40, rows: 1200, files: 3 });
    expect(await screen.findByTestId("handover-done")).toBeInTheDocument();
    expect(screen.queryByTestId("handover-progress")).toBeNull();
  });

  it("counts the rows of a CSV as Rust checks them, then shows what it found", async () => {
    listeners.length = 0;
    let finish: (value: unknown) => void = () => {};
    vi.mocked(invoke).mockImplementation(
      fakeRust({ people_import_preview: () => new Promise((resolve) => (finish = resolve)) }),
    );
    render(ImportPage, { onBack: vi.fn(), onImported: vi.fn() });
    const user = userEvent.setup();
    const file = new File(["Full name,Role\nAisha Khan,Staff\n"], "people.csv", { type: "text/csv" });
    await user.upload(screen.getByTestId("import-file"), file);
    await user.click(screen.getByTestId("import-check"));
    await vi.waitFor(() => expect(listeners.length).toBeGreaterThan(0));

    emit({ work: "handover", step: "writingTables", done: 1, total: 41 });
    expect(screen.queryByTestId("import-progress")).toBeNull();
    emit({ work: "peopleImport", step: "checkingRows", done: 2500, total: 9000 });
    expect(screen.getByTestId("import-progress")).toHaveTextContent("Checking the file: 2,500 of 9,000 rows.");

    finish({ toAdd: [], duplicates: [], rejected: [], ignoredColumns: [] });
    await vi.waitFor(() => expect(screen.queryByTestId("import-progress")).toBeNull());
  });
});
