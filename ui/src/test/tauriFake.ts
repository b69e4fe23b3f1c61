// A stand-in for Rust behind `invoke`: each test lists the commands it expects and what they
// return or throw. A command nobody listed is refused the way Tauri's permission layer refuses
// one, with a plain string.

import type { InvokeArgs } from "@tauri-apps/api/core";
import type { CommandError, ErrorCode } from "../lib/bindings";

export type Handler = (args: Record<string, unknown>) => unknown;

export function fakeRust(handlers: Record<string, Handler>) {
  return async (command: string, args?: InvokeArgs) => {
    const handler = handlers[command];
    if (!handler) throw `Command ${command} not allowed by ACL`;
    return handler((args ?? {}) as Record<string, unknown>);
  };
}

export function rustError(code: ErrorCode, message: string): CommandError {
  return { code, message };
}

export function strength(score: number, extra: Partial<{ warning: string; suggestions: string[] }> = {}) {
  return {
    score,
    acceptable: score >= 3,
    warning: extra.warning ?? null,
    suggestions: extra.suggestions ?? [],
  };
}
