import { render, screen } from "@testing-library/svelte";
import userEvent from "@testing-library/user-event";
import { describe, expect, it, vi } from "vitest";
import { fakeRust, rustError } from "../../test/tauriFake";

vi.mock("@tauri-apps/api/core", () => ({ invoke: vi.fn() }));

const { invoke } = await import("@tauri-apps/api/core");
const { default: KioskNames } = await import("./KioskNames.svelte");

describe("KioskNames", () => {
  it("lists the whole audience and says how many names were added", async () => {
    const call = vi.fn(() => 12);
    vi.mocked(invoke).mockImplementation(fakeRust({ aup_list_signers_on_kiosk: call }));
    render(KioskNames, { aupId: "aup-1", audienceLabel: "Staff and volunteers" });
    await userEvent.click(screen.getByTestId("kiosk-names-list"));
    expect(await screen.findByTestId("kiosk-names-result")).toHaveTextContent("12 names added");
    expect(call).toHaveBeenCalledWith({ aupId: "aup-1", listed: true });
  });

  it("says so when nothing changed, and shows Rust's reason when it fails", async () => {
    vi.mocked(invoke).mockImplementation(fakeRust({ aup_list_signers_on_kiosk: () => 0 }));
    render(KioskNames, { aupId: "aup-1", audienceLabel: "Staff and volunteers" });
    await userEvent.click(screen.getByTestId("kiosk-names-unlist"));
    expect(await screen.findByTestId("kiosk-names-result")).toHaveTextContent("None of their names were on the list.");

    vi.mocked(invoke).mockImplementation(
      fakeRust({
        aup_list_signers_on_kiosk: () => {
          throw rustError("vault.io", "Safekeeper could not write its files.");
        },
      }),
    );
    await userEvent.click(screen.getByTestId("kiosk-names-list"));
    expect(await screen.findByRole("alert")).toHaveTextContent("could not write its files");
    expect(screen.queryByTestId("kiosk-names-result")).toBeNull();
  });
});
