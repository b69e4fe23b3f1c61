import { render, screen } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import type { Aup, AupDetail, Coverage } from "../../lib/bindings";
import { fakeRust } from "../../test/tauriFake";

vi.mock("@tauri-apps/api/core", () => ({ invoke: vi.fn() }));

const { invoke } = await import("@tauri-apps/api/core");
const { default: AupsPage } = await import("./AupsPage.svelte");

const aups: Aup[] = [
  { id: "aup-young", audience: "youngPeople", kioskPublished: false, current: null, draft: null },
  { id: "aup-staff", audience: "staffVolunteers", kioskPublished: false, current: null, draft: null },
];

const detail = (aup: Aup): AupDetail => ({ aup, current: null, draft: null, versions: [] });

const coverage: Coverage = {
  aupId: "aup-staff",
  audience: "staffVolunteers",
  currentVersion: null,
  currentHash: null,
  signedCurrent: [],
  needsResign: [],
  neverSigned: [],
};

function open(props: Record<string, unknown> = {}) {
  const rust = {
    aup_list: vi.fn(() => aups),
    aup_get: vi.fn((args: Record<string, unknown>) => detail(aups.find((a) => a.id === args.aupId)!)),
    aup_coverage: vi.fn(() => coverage),
  };
  vi.mocked(invoke).mockImplementation(fakeRust(rust));
  render(AupsPage, props);
  return rust;
}

describe("The AUPs page", () => {
  it("opens on the list of AUPs when no AUP is named", async () => {
    open();
    expect(await screen.findByTestId("aup-list")).toBeInTheDocument();
    expect(screen.queryByTestId("aup-page")).toBeNull();
  });

  it("opens the staff AUP straight away when asked for it by audience, and goes back to the list", async () => {
    const rust = open({ open: { audience: "staffVolunteers" } });
    const page = await screen.findByTestId("aup-page");
    expect(page).toHaveTextContent("Staff and volunteers");
    expect(rust.aup_get).toHaveBeenCalledWith({ aupId: "aup-staff" });
    expect(screen.queryByTestId("aup-list")).toBeNull();

    await userEvent.setup().click(screen.getByRole("button", { name: "Back to AUPs" }));
    expect(await screen.findByTestId("aup-list")).toBeInTheDocument();
  });

  it("opens one AUP by its id without reading the list first", async () => {
    const rust = open({ open: { aupId: "aup-young" } });
    expect(await screen.findByTestId("aup-page")).toHaveTextContent("Young people and learners");
    expect(rust.aup_list).not.toHaveBeenCalled();
  });
});
