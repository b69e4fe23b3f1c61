import { beforeEach, describe, expect, it, vi } from "vitest";

const invoke = vi.fn();
const listen = vi.fn();
vi.mock("@tauri-apps/api/core", () => ({ invoke: (...args: unknown[]) => invoke(...args) }));
vi.mock("@tauri-apps/api/event", () => ({ listen: (...args: unknown[]) => listen(...args) }));

const api = await import("./api");

beforeEach(() => {
  invoke.mockReset();
  listen.mockReset();
});

describe("toCommandError", () => {
  it("keeps a Rust error's code and message", () => {
    expect(api.toCommandError({ code: "vault.wrongPassphrase", message: "That passphrase is wrong." })).toEqual({
      code: "vault.wrongPassphrase",
      message: "That passphrase is wrong.",
    });
  });

  it("treats a plain string, as Tauri's permission layer sends, as denied", () => {
    const error = api.toCommandError("Command unlock not allowed by ACL");
    expect(error.code).toBe("app.denied");
    expect(error.message).not.toContain("ACL");
  });

  it("turns a JavaScript exception into an unexpected error without leaking its text", () => {
    const error = api.toCommandError(new TypeError("window.__TAURI_INTERNALS__ is undefined"));
    expect(error.code).toBe("app.unexpected");
    expect(error.message).not.toContain("TAURI");
  });

  it.each([null, undefined, 42, { code: 1, message: "x" }, { message: "no code" }])(
    "treats %j as unexpected",
    (thrown) => {
      expect(api.toCommandError(thrown).code).toBe("app.unexpected");
    },
  );
});

describe("commands", () => {
  it("sends camelCase argument names, which Tauri maps to Rust's snake_case", async () => {
    invoke.mockResolvedValue({ recoveryKey: "AGE-SECRET-KEY-1ABC", groups: ["AGE-SECRET-KEY-1", "ABC"] });
    await api.setupBegin({ orgName: "Riverside", adminName: "Sam Patel", passphrase: "p" });
    expect(invoke).toHaveBeenCalledWith("setup_begin", {
      orgName: "Riverside",
      adminName: "Sam Patel",
      passphrase: "p",
    });

    invoke.mockResolvedValue(undefined);
    await api.recoveryUnlock("AGE-SECRET-KEY-1XYZ");
    expect(invoke).toHaveBeenLastCalledWith("recovery_unlock", { recoveryKey: "AGE-SECRET-KEY-1XYZ" });

    invoke.mockResolvedValue({});
    await api.adminRemove("a1");
    expect(invoke).toHaveBeenLastCalledWith("admin_remove", { adminId: "a1" });

    await api.passphraseStrength("words", ["Riverside"]);
    expect(invoke).toHaveBeenLastCalledWith("passphrase_strength", {
      passphrase: "words",
      userInputs: ["Riverside"],
    });
  });

  it("rejects with a normalised CommandError", async () => {
    invoke.mockRejectedValue("not allowed by ACL");
    await expect(api.appStatus()).rejects.toEqual(expect.objectContaining({ code: "app.denied" }));

    invoke.mockRejectedValue({ code: "store.damaged", message: "The records are damaged." });
    await expect(api.unlock("x")).rejects.toEqual({ code: "store.damaged", message: "The records are damaged." });
  });

  it("tells vault-locked listeners when any command finds Safekeeper locked", async () => {
    const locked = vi.fn();
    const stop = api.onVaultLocked(locked);
    invoke.mockRejectedValue({ code: "vault.locked", message: "Safekeeper is locked." });

    await expect(api.settingsGet()).rejects.toMatchObject({ code: "vault.locked" });
    expect(locked).toHaveBeenCalledTimes(1);

    invoke.mockRejectedValue({ code: "settings.invalidAutoLock", message: "Too long." });
    await expect(api.settingsUpdate({ orgName: "R", autoLockMinutes: 500 })).rejects.toBeTruthy();
    expect(locked).toHaveBeenCalledTimes(1);

    stop();
    invoke.mockRejectedValue({ code: "vault.locked", message: "Safekeeper is locked." });
    await expect(api.touch()).rejects.toBeTruthy();
    expect(locked).toHaveBeenCalledTimes(1);
  });

  it("listens for Rust's status event", async () => {
    const unlisten = vi.fn();
    listen.mockResolvedValue(unlisten);
    const handler = vi.fn();
    const stop = await api.onStatusChanged(handler);

    expect(listen).toHaveBeenCalledWith("safekeeper://status", expect.any(Function));
    listen.mock.calls[0][1]({ payload: null });
    expect(handler).toHaveBeenCalledTimes(1);
    expect(stop).toBe(unlisten);
  });
});

describe("whenIdle", () => {
  it("waits for every command in flight, including one started from another's answer, and for failures", async () => {
    const answers: Record<string, (value: unknown) => void> = {};
    const failures: Record<string, (reason: unknown) => void> = {};
    invoke.mockImplementation(
      (command: string) =>
        new Promise((resolve, reject) => {
          answers[command] = resolve;
          failures[command] = reject;
        }),
    );
    let idle = false;
    void api.sessionInfo().then(() => void api.dueList().catch(() => {}));
    void api.retentionDueCount().catch(() => {});
    void api.whenIdle().then(() => (idle = true));
    const tick = () => new Promise((r) => setTimeout(r, 5));

    await tick();
    expect(idle).toBe(false);
    answers.session_info({});
    await tick();
    // due_list was asked for from session_info's answer: still waiting for it.
    expect(invoke).toHaveBeenCalledWith("due_list", undefined);
    expect(idle).toBe(false);
    failures.retention_due_count({ code: "app.unexpected", message: "x" });
    await tick();
    expect(idle).toBe(false);
    answers.due_list({});
    await tick();
    expect(idle).toBe(true);
  });

  it("resolves at once when nothing is in flight", async () => {
    await expect(api.whenIdle()).resolves.toBeUndefined();
  });
});

describe("timing commands for the start-up measurement", () => {
  it("times only a window's first commands, by name, so a long session keeps no growing list", async () => {
    invoke.mockResolvedValue(null);
    for (let n = 0; n < api.TIMED_COMMANDS + 10; n++) await api.touch();
    await api.backupStatus();
    const measures = performance.getEntriesByType("measure");
    // Commands from the tests above count towards the same window's total.
    expect(measures).toHaveLength(api.TIMED_COMMANDS);
    expect(measures.some((m) => m.name === "touch")).toBe(true);
    expect(measures.some((m) => m.name === "backup_status")).toBe(false);
  });
});
