#![no_main]

#[path = "../../../src-tauri/tests/fuzz_targets/mod.rs"]
mod targets;

libfuzzer_sys::fuzz_target!(|data: &[u8]| targets::run("outbox", data));
