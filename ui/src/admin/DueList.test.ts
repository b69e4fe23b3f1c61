import { render, screen, within } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import type { AupDue, ConsentDue, DueCount, DueStatus, PolicyDue, TrainingDue } from "../lib/bindings";
import { fakeRust, rustError, type Handler } from "../test/tauriFake";

vi.mock("@tauri-apps/api/core", () => ({ invoke: vi.fn() }));

const { invoke } = await import("@tauri-apps/api/core");
const { default: DueList } = await import("./DueList.svelte");
const { default: ReviewReminder } = await import("./ReviewReminder.svelte");

const training = (status: TrainingDue["status"], person: string, date: string | null): TrainingDue => ({
  personId: person,
  personName: person,
  courseId: "course-online-safety",
  courseName: "Online-safety update",
  due: date,
  status,
});

const policy = (id: string, name: string, status: PolicyDue["status"], date: string | null, topic: PolicyDue["topic"] = "other"): PolicyDue => ({
  policyId: id,
  name,
  topic,
  due: date,
  status,
});

type Due = { training?: TrainingDue[]; trainingCounts?: DueCount[]; policies?: PolicyDue[]; aups?: AupDue[]; consents?: ConsentDue[] };

// As Rust counts them when it sends every line.
function countsOf(lines: TrainingDue[] = []): DueCount[] {
  const statuses: DueStatus[] = ["neverDone", "overdue", "dueIn30", "dueIn60", "dueIn90", "inDate"];
  return statuses.map((status) => ({ status, count: lines.filter((l) => l.status === status).length }));
}

function show(due: Due | Handler) {
  const dueList: Handler =
    typeof due === "function"
      ? due
      : () => ({ training: [], policies: [], aups: [], consents: [], ...due, trainingCounts: due.trainingCounts ?? countsOf(due.training) });
  vi.mocked(invoke).mockImplementation(fakeRust({ due_list: dueList }));
  const onOpenTraining = vi.fn();
  const onOpenPolicy = vi.fn();
  const onOpenAups = vi.fn();
  const onOpenPerson = vi.fn();
  render(DueList, { onOpenTraining, onOpenPolicy, onOpenAups, onOpenPerson, today: "2026-11-22" });
  return { onOpenTraining, onOpenPolicy, onOpenAups, onOpenPerson };
}

const consent = (name: string, status: ConsentDue["status"], lastDay: string, ask: string): ConsentDue => ({
  personId: `p-${name}`,
  personName: name,
  consentId: `c-${name}`,
  lastDay,
  status,
  ask,
});

describe("What is due on the dashboard", () => {
  it("lists photo consents to renew by when they end, with who to ask, leading to the person's page", async () => {
    const { onOpenPerson } = show({
      consents: [
        consent("Eve Lee", "overdue", "2026-11-01", "Ask Dana Lee (mother)."),
        consent("Sam Okafor", "dueIn30", "2026-11-27", "Ask Dana Okafor (mother)."),
        consent("Tia Okafor", "dueIn60", "2027-01-10", "Ask Tia Okafor, who can now give consent as an adult."),
      ],
    });
    expect(await screen.findByTestId("due-now")).toHaveTextContent(
      "Photo consent to renew: Eve Lee, ended: its last day was 1 November 2026 (3 weeks ago). Ask Dana Lee (mother).",
    );
    expect(screen.getByTestId("due-30")).toHaveTextContent(
      "Photo consent to renew: Sam Okafor, ends in 5 days (last day 27 November 2026). Ask Dana Okafor (mother).",
    );
    expect(screen.getByTestId("due-90")).toHaveTextContent("Tia Okafor, ends in 7 weeks (last day 10 January 2027). Ask Tia Okafor, who can now give consent as an adult.");
    await userEvent.setup().click(screen.getAllByTestId("due-consent-link")[1]);
    expect(onOpenPerson).toHaveBeenCalledWith("p-Sam Okafor");
  });


  it("groups training and policy reviews by when they fall due, each line saying what, who, when and how far away", async () => {
    const { onOpenTraining, onOpenPolicy } = show({
      training: [
        training("neverDone", "Cara Doyle", null),
        training("overdue", "Amira Khan", "2026-11-01"),
        training("dueIn30", "Ben Carter", "2026-12-01"),
        training("dueIn90", "Dev Patel", "2027-02-01"),
      ],
      policies: [
        policy("p-os", "Online safety", "overdue", "2026-09-08", "onlineSafety"),
        policy("p-b", "Behaviour", "dueIn60", "2027-01-10"),
        policy("p-x", "Whistleblowing", "neverDone", null),
        policy("p-y", "Disciplinary", "neverDone", null),
      ],
    });
    const now = await screen.findByTestId("due-now");
    expect(now).toHaveTextContent("Training: Online-safety update for Cara Doyle, never done");
    expect(now).toHaveTextContent("Online-safety update for Amira Khan, was due 1 November 2026 (3 weeks overdue)");
    expect(now).toHaveTextContent("Policy review: Online safety, was due 8 September 2026 (2 months overdue)");
    expect(screen.getByTestId("due-now-title")).toHaveTextContent("Overdue now (3)");
    expect(screen.getByTestId("due-30")).toHaveTextContent("Ben Carter, due in 9 days (1 December 2026)");
    expect(screen.getByTestId("due-90")).toHaveTextContent("Behaviour, due in 7 weeks (10 January 2027)");
    expect(screen.getByTestId("due-90")).toHaveTextContent("Dev Patel, due in 2 months (1 February 2027)");
    expect(screen.getByTestId("due-unreviewed")).toHaveTextContent("2 policies have no review recorded yet.");

    const user = userEvent.setup();
    await user.click(screen.getAllByTestId("due-policy-link")[0]);
    expect(onOpenPolicy).toHaveBeenCalledWith("p-os");
    await user.click(screen.getByTestId("due-open-training"));
    expect(onOpenTraining).toHaveBeenCalledOnce();
  });

  it("says today, tomorrow and yesterday in words", async () => {
    show({
      training: [
        training("overdue", "Amira Khan", "2026-11-21"),
        training("dueIn30", "Ben Carter", "2026-11-22"),
        training("dueIn30", "Cara Doyle", "2026-11-23"),
      ],
    });
    expect(await screen.findByTestId("due-now")).toHaveTextContent("Amira Khan, was due 21 November 2026 (1 day overdue)");
    const soon = screen.getByTestId("due-30");
    expect(soon).toHaveTextContent("Ben Carter, due today (22 November 2026)");
    expect(soon).toHaveTextContent("Cara Doyle, due tomorrow (23 November 2026)");
  });

  it("lists AUPs still to sign with who must sign again and who never has", async () => {
    const { onOpenAups } = show({
      aups: [
        { aupId: "a1", title: "Staff AUP", audience: "staffVolunteers", version: 2, needsResign: 3, neverSigned: 1 },
      ],
    });
    expect(await screen.findByTestId("due-now")).toHaveTextContent(
      "AUP to sign: Staff AUP (version 2), 3 must sign the new version, 1 has never signed",
    );
    await userEvent.setup().click(screen.getByTestId("due-aup-link"));
    // The line names one AUP, so its link opens that AUP rather than the list of five.
    expect(onOpenAups).toHaveBeenCalledExactlyOnceWith({ aupId: "a1" });
  });

  it("counts the training lines Rust did not send in each group, and leads to the Training page for them", async () => {
    const { onOpenTraining } = show({
      training: [training("neverDone", "Cara Doyle", null), training("overdue", "Amira Khan", "2026-11-01"), training("dueIn30", "Ben Carter", "2026-12-01")],
      trainingCounts: [
        { status: "neverDone", count: 1200 },
        { status: "overdue", count: 40 },
        { status: "dueIn30", count: 1 },
        { status: "dueIn60", count: 0 },
        { status: "dueIn90", count: 0 },
        { status: "inDate", count: 9000 },
      ],
      policies: [policy("p-os", "Online safety", "overdue", "2026-09-08", "onlineSafety")],
    });
    // Two training lines and a policy shown, 1,238 more training lines counted.
    expect(await screen.findByTestId("due-now-title")).toHaveTextContent("Overdue now (1,241)");
    expect(screen.getByTestId("due-now")).toHaveTextContent("Policy review: Online safety");
    expect(screen.getByTestId("due-now-more")).toHaveTextContent("And 1,238 more training lines like these. See every one on the Training page.");
    // Nothing more to see in a group whose every line is shown.
    expect(screen.getByTestId("due-30-title")).toHaveTextContent("Due in the next 30 days (1)");
    expect(screen.queryByTestId("due-30-more")).toBeNull();
    expect(screen.queryByTestId("due-90-title")).toBeNull();
    await userEvent.setup().click(within(screen.getByTestId("due-now-more")).getByRole("link"));
    expect(onOpenTraining).toHaveBeenCalledOnce();
  });

  it("says nothing is due when nothing is", async () => {
    show({});
    expect(await screen.findByTestId("dashboard-empty")).toHaveTextContent("Nothing is due");
  });

  it("says so when what is due cannot be checked", async () => {
    show(() => {
      throw rustError("vault.locked", "Safekeeper is locked.");
    });
    expect(await screen.findByRole("alert")).toHaveTextContent("What is due could not be checked: Safekeeper is locked.");
    expect(screen.getByTestId("dashboard-due")).not.toHaveTextContent("Nothing is due");
    expect(screen.queryAllByTestId("due-line")).toHaveLength(0);
  });
});

describe("The yearly review reminder", () => {
  function remind(items: PolicyDue[]) {
    vi.mocked(invoke).mockImplementation(fakeRust({ policies_due: () => items }));
    const onOpenPolicy = vi.fn();
    render(ReviewReminder, { onOpenPolicy });
    return onOpenPolicy;
  }

  it("says prominently when the online-safety review is overdue, and opens that policy", async () => {
    const open = remind([policy("p-os", "Online safety", "overdue", "2026-09-08", "onlineSafety")]);
    const reminder = await screen.findByTestId("review-reminder");
    expect(reminder).toHaveTextContent("The yearly review of your online safety policy is overdue");
    expect(reminder).toHaveTextContent("It was due on 8 September 2026.");
    await userEvent.setup().click(screen.getByTestId("review-reminder-link"));
    expect(open).toHaveBeenCalledWith("p-os");
  });

  it("stays away when the online-safety review is not near, whatever other policies say", async () => {
    remind([
      policy("p-os", "Online safety", "dueIn60", "2027-01-10", "onlineSafety"),
      policy("p-b", "Behaviour", "overdue", "2026-01-10"),
    ]);
    await new Promise((r) => setTimeout(r, 50));
    expect(screen.queryByTestId("review-reminder")).toBeNull();
  });
});
