import { render, screen, within } from "@testing-library/svelte";
import { describe, expect, it, vi } from "vitest";
import type { IngestReport } from "../lib/bindings";
import { fakeRust } from "../test/tauriFake";

vi.mock("@tauri-apps/api/core", () => ({ invoke: vi.fn() }));

const { invoke } = await import("@tauri-apps/api/core");
const { default: OutboxReport } = await import("./OutboxReport.svelte");

function open(report: IngestReport | null) {
  vi.mocked(invoke).mockImplementation(fakeRust({ outbox_report: () => report }));
  render(OutboxReport);
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

describe("The signing station's report on the dashboard", () => {
  it.each([
    ["no ingest ran", null],
    ["the outbox was empty", { ingested: 0, alreadyRecorded: 0, problems: [], manifestChanged: false }],
    ["only left-overs of an earlier ingest were tidied", { ingested: 0, alreadyRecorded: 2, problems: [], manifestChanged: false }],
  ])("shows nothing when %s", async (_, report) => {
    open(report);
    await settle();
    expect(vi.mocked(invoke)).toHaveBeenCalledWith("outbox_report", undefined);
    expect(screen.queryByTestId("outbox-report")).toBeNull();
  });

  it("recorded_count_says_when_and_what: says plainly what the last unlock recorded, and what to do", async () => {
    open({ ingested: 3, alreadyRecorded: 0, problems: [], manifestChanged: false });
    expect(await screen.findByTestId("outbox-recorded")).toHaveTextContent(
      "When Safekeeper was last unlocked, it recorded 3 forms handed in at the signing station while it was locked.",
    );
    expect(screen.getByTestId("outbox-recorded")).not.toHaveTextContent("submission");
    expect(screen.getByTestId("outbox-recorded-next")).toHaveTextContent(
      "Signatures and photo consents to confirm, and new concerns, are listed above. If nothing is listed there, there is nothing more to do.",
    );
    expect(screen.queryAllByTestId("outbox-problem")).toHaveLength(0);
  });

  it("explains each problem file, what to do next, and that the valid ones were recorded", async () => {
    open({
      ingested: 1,
      alreadyRecorded: 0,
      problems: [
        { fileName: "00000002-5c1d.age", receipt: null, kind: "corrupt", message: "This submission is damaged or was changed after it was written." },
        { fileName: "00000005-77aa.age", receipt: "K7QM-4TXD", kind: "gap", message: "Submissions 3 to 4 are missing or could not be read." },
        { fileName: "00000001-9e0f.age", receipt: "ABCD-EFGH", kind: "duplicate", message: "This is a second copy of a submission." },
      ],
      manifestChanged: false,
    });
    const panel = await screen.findByTestId("outbox-report");
    expect(within(panel).getByRole("heading", { level: 2 })).toHaveTextContent("some submissions need your attention");
    expect(screen.getByTestId("outbox-recorded")).toHaveTextContent("it recorded 1 form handed in at the signing station");
    expect(panel).toHaveTextContent("2 files could not be recorded. Every other submission was recorded as usual.");
    expect(panel).toHaveTextContent("Nothing was thrown away");
    expect(within(panel).getByTestId("outbox-kept-link")).toHaveTextContent("See the submissions not recorded");

    const [corrupt, gap, duplicate] = screen.getAllByTestId("outbox-problem");
    expect(corrupt).toHaveTextContent("Damaged or changed");
    expect(corrupt).toHaveTextContent("Not recorded");
    expect(corrupt).toHaveTextContent("00000002-5c1d.age");
    expect(within(corrupt).getByTestId("outbox-problem-next")).toHaveTextContent(/sign again/);
    expect(gap).toHaveTextContent("Submissions missing before this one");
    expect(gap).toHaveTextContent("Receipt K7QM-4TXD");
    expect(gap).toHaveTextContent("Recorded");
    expect(gap).not.toHaveTextContent("Not recorded");
    expect(within(gap).getByTestId("outbox-problem-next")).toHaveTextContent(/security concern/);
    expect(within(duplicate).getByTestId("outbox-problem-next")).toHaveTextContent("Nothing to do");
  });

  it("says nothing was recorded, with no next step, when every file was kept aside", async () => {
    open({
      ingested: 0,
      alreadyRecorded: 0,
      problems: [{ fileName: "00000002-5c1d.age", receipt: null, kind: "corrupt", message: "This submission is damaged." }],
      manifestChanged: false,
    });
    expect(await screen.findByTestId("outbox-recorded")).toHaveTextContent("When Safekeeper was last unlocked, it recorded nothing from the signing station.");
    expect(screen.queryByTestId("outbox-recorded-next")).toBeNull();
  });

  it("says all were recorded when the only problem is a gap", async () => {
    open({
      ingested: 2,
      alreadyRecorded: 0,
      problems: [{ fileName: "00000004-77aa.age", receipt: null, kind: "gap", message: "Submission number 3 is missing." }],
      manifestChanged: false,
    });
    expect(await screen.findByTestId("outbox-report")).toHaveTextContent("Every submission was recorded");
  });

  it("says plainly when the signing station's file had been changed, and names what was sealed under it", async () => {
    open({
      ingested: 1,
      alreadyRecorded: 0,
      problems: [
        { fileName: "00000003-aa11.age", receipt: "WXYZ-2345", kind: "extraRecipients", message: "This submission was sealed to keys other than this vault's." },
      ],
      manifestChanged: true,
    });
    const panel = await screen.findByTestId("outbox-report");
    expect(within(panel).getByTestId("outbox-manifest-changed")).toHaveTextContent("changed outside Safekeeper");
    expect(within(panel).getByTestId("outbox-manifest-changed")).toHaveTextContent("is listed below");
    const [sealed] = screen.getAllByTestId("outbox-problem");
    expect(sealed).toHaveTextContent("Sealed to keys that are not this vault's");
    expect(sealed).toHaveTextContent("Receipt WXYZ-2345");
    expect(within(sealed).getByTestId("outbox-problem-next")).toHaveTextContent("possible data breach");
  });

  it("reports a changed signing-station file even when nothing was handed in", async () => {
    open({ ingested: 0, alreadyRecorded: 0, problems: [], manifestChanged: true });
    expect(await screen.findByTestId("outbox-manifest-changed")).toHaveTextContent(
      "Nothing handed in was sealed under the changed file.",
    );
  });
});
