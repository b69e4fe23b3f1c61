//! The layer rule: a module may use the modules in the layers below its own, never one in its own
//! layer or above. It keeps the domain testable without the desktop shell and stops features
//! growing into each other. ARCHITECTURE.md draws the layers; this test is what holds them.
//!
//! It reads every `.rs` file under `src/`, finds each `crate::…` path (in `use` lines and in
//! code, grouped `crate::{…}` imports included, and `super::` paths that climb out of their
//! module), and fails naming the file and line of each import against the rule. It also checks
//! that nothing outside `app/` names tauri.

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

/// The layers, lowest first. A module may use any module in a lower layer. Modules in the same
/// layer do not use each other. A new top-level module must be placed here before it can be used.
const LAYERS: &[(&str, &[&str])] = &[
    // UK dates and times: today, the clock, printing a date, adding years. Imports nothing of ours.
    ("dates", &["dates"]),
    // The `{ code, message }` shape every error crosses into the UI as, and the progress reports of
    // long work (a step and a count). Neither imports anything of ours.
    ("errors and progress", &["error", "progress"]),
    // Calendar rules: renewal periods and the due/overdue buckets. Record types use them.
    ("calendar rules", &["reminders"]),
    // The encrypted database, its migrations and the audit chain.
    ("database", &["store"]),
    // One module per record type: rules and queries over an open connection.
    ("records", &["records"]),
    // Keys, unlock and lock, backups and restores; and the printed forms. Both work on records;
    // neither needs the other.
    ("keys and forms", &["vault", "forms"]),
    // The signing station: its manifest, the outbox and the ingest at unlock.
    ("signing station", &["kiosk"]),
    // The TypeScript bindings check and the demo vault, which draw on every domain module.
    ("bindings and demo", &["bindings", "demo"]),
    // The desktop shell: the only module that names tauri.
    ("desktop shell", &["app"]),
];

/// Imports allowed against the rule for now, each with the reason and when it goes:
/// (importing module, imported path prefix).
const TEMPORARY_EXCEPTIONS: &[(&str, &str)] = &[];

/// Files that are the crate root, above every layer.
const CRATE_ROOT: &[&str] = &["lib.rs", "main.rs"];

fn src_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("src")
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).expect("src folder is readable") {
        let path = entry.expect("folder entry").path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

fn layer_of(module: &str) -> Option<usize> {
    LAYERS.iter().position(|(_, modules)| modules.contains(&module))
}

/// The module path of a file: `src/vault/session/tests.rs` is `vault::session::tests`.
fn module_path(relative: &Path) -> Vec<String> {
    let mut parts: Vec<String> = relative.iter().map(|p| p.to_string_lossy().into_owned()).collect();
    let file = parts.pop().expect("a file name");
    let stem = file.trim_end_matches(".rs");
    if stem != "mod" && stem != "lib" && stem != "main" {
        parts.push(stem.to_owned());
    }
    parts
}

/// The line without its `//` comment (doc comments included), keeping `//` inside strings.
fn code_of(line: &str) -> &str {
    let mut in_string = false;
    let bytes = line.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'\\' if in_string => i += 1,
            b'"' => in_string = !in_string,
            b'/' if !in_string && bytes.get(i + 1) == Some(&b'/') => return &line[..i],
            _ => {}
        }
        i += 1;
    }
    line
}

fn is_ident(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '_'
}

/// The paths named by a `crate::` reference starting at `rest` (just after `crate::`), each as
/// its segments: `a::b` gives [[a, b]], `{a::b, c}` gives [[a, b], [c]]. Nested groups give their
/// first two segments.
fn paths_after(rest: &str) -> Vec<Vec<String>> {
    let rest = rest.trim_start();
    if let Some(group) = rest.strip_prefix('{') {
        let mut depth = 0;
        let mut item = String::new();
        let mut items = Vec::new();
        for c in group.chars() {
            match c {
                '{' => depth += 1,
                '}' if depth == 0 => break,
                '}' => depth -= 1,
                ',' if depth == 0 => items.push(std::mem::take(&mut item)),
                _ => {}
            }
            if !(c == ',' && depth == 0) {
                item.push(c);
            }
        }
        items.push(item);
        items.iter().flat_map(|i| paths_after(i)).filter(|p| !p.is_empty()).collect()
    } else {
        let mut segments = Vec::new();
        let mut tail = rest;
        loop {
            let ident: String = tail.chars().take_while(|c| is_ident(*c)).collect();
            if ident.is_empty() {
                break;
            }
            tail = &tail[ident.len()..];
            segments.push(ident);
            match tail.strip_prefix("::") {
                Some(after) if !after.starts_with('{') => tail = after,
                _ => break,
            }
        }
        vec![segments]
    }
}

/// Every module path a line reaches into, as seen from `module` (the file's own module path).
fn referenced(module: &[String], code: &str) -> Vec<Vec<String>> {
    let mut found = Vec::new();
    for (at, _) in code.match_indices("crate::") {
        let before = code[..at].chars().next_back();
        // `$crate::` in a macro is the macro's own crate, so it counts like `crate::`.
        if before.is_some_and(is_ident) {
            continue;
        }
        found.extend(paths_after(&code[at + "crate::".len()..]));
    }
    // `super::super::x` climbs out of the module; resolve it to the crate path it names.
    for (at, _) in code.match_indices("super::") {
        let before = code[..at].chars().next_back();
        if before.is_some_and(|c| is_ident(c) || c == ':') {
            continue;
        }
        let mut rest = &code[at..];
        let mut ups = 0;
        while let Some(after) = rest.strip_prefix("super::") {
            ups += 1;
            rest = after;
        }
        if ups > module.len() {
            continue;
        }
        let base = &module[..module.len() - ups];
        for tail in paths_after(rest) {
            let mut full: Vec<String> = base.to_vec();
            full.extend(tail);
            found.push(full);
        }
    }
    found
}

/// Whether `line` names the tauri crate or one of its plugins as a path.
fn names_tauri(code: &str) -> bool {
    code.match_indices("tauri").any(|(at, _)| {
        let before = code[..at].chars().next_back();
        if before.is_some_and(|c| is_ident(c) || c == '"' || c == '.') {
            return false;
        }
        let after: String = code[at..].chars().take_while(|c| is_ident(*c)).collect();
        (after == "tauri" || after.starts_with("tauri_plugin_")) && code[at + after.len()..].starts_with("::")
    })
}

struct Finding {
    file: String,
    line: usize,
    text: String,
}

/// The crate's top-level modules: each folder and file directly under `src/`, but the root.
fn top_level_modules(src: &Path, files: &[PathBuf]) -> BTreeSet<String> {
    files.iter().filter_map(|f| module_path(f.strip_prefix(src).expect("under src")).first().cloned()).collect()
}

fn wrong_way_imports() -> (Vec<Finding>, Vec<Finding>, BTreeSet<String>) {
    let src = src_dir();
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    files.sort();
    let modules = top_level_modules(&src, &files);
    let mut wrong = Vec::new();
    let mut tauri = Vec::new();
    let mut unplaced = BTreeSet::new();
    for path in files {
        let relative = path.strip_prefix(&src).expect("under src");
        let shown = format!("src/{}", relative.to_string_lossy().replace('\\', "/"));
        let module = module_path(relative);
        let text = fs::read_to_string(&path).expect("source file is readable");
        let Some(own) = module.first().cloned() else {
            assert!(CRATE_ROOT.contains(&relative.to_string_lossy().as_ref()), "{shown} is the crate root");
            continue;
        };
        let own_layer = layer_of(&own);
        if own_layer.is_none() {
            unplaced.insert(own.clone());
        }
        for (n, line) in text.lines().enumerate() {
            let code = code_of(line);
            if own != "app" && names_tauri(code) {
                tauri.push(Finding { file: shown.clone(), line: n + 1, text: line.trim().to_owned() });
            }
            for path in referenced(&module, code) {
                let Some(target) = path.first() else { continue };
                // Paths that do not start at a top-level module (an item of the crate root, or an
                // inline module's `super::` resolved one level too high) are not imports between
                // modules.
                if *target == own || !modules.contains(target) {
                    continue;
                }
                let Some(target_layer) = layer_of(target) else {
                    unplaced.insert(target.clone());
                    continue;
                };
                let joined = path.join("::");
                let excepted = TEMPORARY_EXCEPTIONS
                    .iter()
                    .any(|(from, to)| *from == own && (joined == *to || joined.starts_with(&format!("{to}::"))));
                if own_layer.is_some_and(|l| target_layer >= l) && !excepted {
                    wrong.push(Finding { file: shown.clone(), line: n + 1, text: line.trim().to_owned() });
                }
            }
        }
    }
    (wrong, tauri, unplaced)
}

fn report(findings: &[Finding]) -> String {
    findings.iter().map(|f| format!("\n  {}:{}: {}", f.file, f.line, f.text)).collect()
}

#[test]
fn no_module_imports_a_layer_at_or_above_its_own() {
    let (wrong, _, unplaced) = wrong_way_imports();
    assert!(
        unplaced.is_empty(),
        "these modules have no layer yet; place each in LAYERS (tests/layers.rs) and ARCHITECTURE.md: {unplaced:?}"
    );
    assert!(
        wrong.is_empty(),
        "{} import(s) against the layer rule (see ARCHITECTURE.md, \"Layers\"):{}",
        wrong.len(),
        report(&wrong)
    );
}

#[test]
fn nothing_outside_the_desktop_shell_names_tauri() {
    let (_, tauri, _) = wrong_way_imports();
    assert!(tauri.is_empty(), "tauri is named outside src/app:{}", report(&tauri));
}

#[test]
fn the_exceptions_are_still_needed() {
    // An exception nobody uses any more is a door left open: take it off the list.
    let src = src_dir();
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    for (from, to) in TEMPORARY_EXCEPTIONS {
        let used = files.iter().any(|path| {
            let relative = path.strip_prefix(&src).expect("under src");
            let module = module_path(relative);
            module.first().is_some_and(|m| m == from)
                && fs::read_to_string(path)
                    .expect("source file is readable")
                    .lines()
                    .flat_map(|l| referenced(&module, code_of(l)))
                    .any(|p| p.join("::").starts_with(to))
        });
        assert!(used, "{from} no longer imports {to}: remove it from TEMPORARY_EXCEPTIONS");
    }
}

/// The checker itself: each case is a line that must, or must not, count.
#[test]
fn the_checker_sees_each_way_of_naming_a_module() {
    let in_records: Vec<String> = vec!["records".into(), "trustee_report".into()];
    let firsts = |code: &str| -> Vec<String> {
        referenced(&in_records, code_of(code)).into_iter().filter_map(|p| p.first().cloned()).collect()
    };
    assert_eq!(firsts("use crate::vault::backup;"), ["vault"]);
    assert_eq!(firsts("use crate::{store::StoreError, kiosk::manifest};"), ["store", "kiosk"]);
    assert_eq!(firsts("let s = crate::vault::backup::status(conn, now)?;"), ["vault"]);
    assert_eq!(firsts("use super::super::vault::x;"), ["vault"]);
    assert_eq!(firsts("use super::standing;"), ["records"]);
    assert!(firsts("// see crate::vault for the keys").is_empty());
    assert!(firsts("let url = \"https://example\"; // crate::vault").is_empty());
    assert!(names_tauri("use tauri::State;"));
    assert!(names_tauri("#[tauri::command]"));
    assert!(names_tauri("use tauri_plugin_dialog::DialogExt;"));
    assert!(!names_tauri("let conf = dir.join(\"tauri.conf.json\");"));
    assert!(!names_tauri(code_of("//! tauri::State is named in a comment only")));
}

/// `unsafe` is denied in the whole workspace (Cargo.toml). These files alone call operating-system
/// interfaces that have no safe wrapper, and allow it for themselves, each block with its SAFETY
/// comment. A new one has to be added here, where a review sees it.
const ALLOWED_UNSAFE: &[&str] = &["app/session_lock/macos.rs", "app/session_lock/windows.rs", "app/webview2.rs"];

#[test]
fn unsafe_code_is_allowed_only_in_the_listed_operating_system_modules() {
    let src = src_dir();
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let mut allowing = Vec::new();
    for file in &files {
        let text = fs::read_to_string(file).expect("read a source file");
        if text.contains("allow(unsafe_code)") {
            let relative = file.strip_prefix(&src).expect("under src").to_string_lossy().replace('\\', "/");
            let blocks = text.matches("unsafe {").count() + text.matches("unsafe impl").count();
            let reasons = text.matches("// SAFETY:").count();
            assert!(reasons >= blocks, "{relative}: {blocks} unsafe blocks but {reasons} SAFETY comments");
            allowing.push(relative);
        }
    }
    allowing.sort();
    assert_eq!(allowing, ALLOWED_UNSAFE, "files that allow unsafe code");
}
