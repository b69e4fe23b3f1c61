// Checked by `npm run check`, never run: `call` in api.ts takes a `CommandName`, the union Rust
// generates from app/command_list.rs. The `@ts-expect-error` below fails the check if a misspelt
// or removed command ever compiles, which proves the union is closed.

import type { CommandName } from "./bindings";

export const aDeclaredCommand: CommandName = "app_status";

// @ts-expect-error "app_stauts" is misspelt, and no such command is declared.
export const aMisspeltCommand: CommandName = "app_stauts";
