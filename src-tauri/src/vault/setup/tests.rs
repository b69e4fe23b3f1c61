use super::*;

const ORG: &str = "Northfield Youth Trust";
const ADMIN: &str = "Morgan Ellis";
const PASSPHRASE: &str = "marble otter lantern harvest";

fn paths(dir: &Path) -> VaultPaths {
    VaultPaths::new(dir.join("data"))
}

fn begun(dir: &Path) -> Option<PendingSetup> {
    let mut pending = None;
    begin(&mut pending, &paths(dir), ORG, ADMIN, PASSPHRASE.to_owned()).expect("begin");
    pending
}

fn last_six(key: &str) -> String {
    key[key.len() - 6..].to_owned()
}

#[test]
fn each_answer_is_checked_with_its_own_code_and_a_refusal_keeps_the_recovery_key() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut pending = begun(dir.path());
    let key = pending.as_ref().expect("begun").recovery_key();
    assert!(key.starts_with("AGE-SECRET-KEY-1"));
    let refused = |org: &str, admin: &str, pass: &str, pending: &mut Option<PendingSetup>| {
        begin(pending, &paths(dir.path()), org, admin, pass.to_owned()).map(|_| ()).expect_err("refused")
    };
    let e = refused("  ", ADMIN, PASSPHRASE, &mut pending);
    assert_eq!(
        (e.code(), e.to_string().as_str()),
        (ErrorCode::SetupInvalidOrgName, "Enter your organisation's name (up to 120 characters).")
    );
    let e = refused(ORG, "M", PASSPHRASE, &mut pending);
    assert_eq!(e.code(), ErrorCode::SetupInvalidName);
    assert!(e.to_string().contains("at least two letters"));
    let e = refused(ORG, ADMIN, "password1", &mut pending);
    assert_eq!(e.code(), ErrorCode::SetupWeakPassphrase);
    assert!(e.to_string().contains("too easy to guess"));
    // A passphrase made of the organisation's own name is weak however long.
    let e = refused(ORG, ADMIN, "Northfield Youth Trust", &mut pending);
    assert_eq!(e.code(), ErrorCode::SetupWeakPassphrase);
    assert_eq!(pending.as_ref().map(PendingSetup::recovery_key), Some(key.clone()), "refusals keep the setup");

    // Going back and changing an answer keeps the key, so a kit already saved stays valid.
    begin(&mut pending, &paths(dir.path()), "Northfield Youth Club", ADMIN, PASSPHRASE.to_owned()).expect("again");
    assert_eq!(pending.as_ref().map(PendingSetup::recovery_key), Some(key));
    assert_eq!(kit(pending.as_ref()).expect("kit").org_name, "Northfield Youth Club");
}

#[test]
fn the_kit_holds_the_recovery_key_and_is_named_for_the_day_setup_began() {
    let dir = tempfile::tempdir().expect("temp dir");
    let pending = begun(dir.path());
    let found = kit(pending.as_ref()).expect("kit");
    assert_eq!(found.org_name, ORG);
    assert_eq!(found.recovery_key, pending.as_ref().expect("begun").recovery_key());
    assert_eq!(found.file_name, format!("Safekeeper Emergency Kit {}.pdf", found.created.format("%Y-%m-%d")));
    let e = kit(None).expect_err("not started");
    assert_eq!(e.code(), ErrorCode::SetupNotStarted);
    assert_eq!(e.to_string(), "Start setup again: the recovery key has not been made yet.");
}

#[test]
fn deleting_the_saved_kit_removes_exactly_the_files_setup_saved() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut pending = begun(dir.path());
    let pdf = b"%PDF-1.7 the emergency kit";
    let name = kit(pending.as_ref()).expect("kit").file_name;
    let documents = dir.path().join("home").join("Documents");
    let usb = dir.path().join("usb");
    std::fs::create_dir_all(&documents).expect("documents");
    std::fs::create_dir_all(&usb).expect("usb");
    let saved = pending.as_mut().expect("begun");
    for target in [documents.join(&name), usb.join(&name)] {
        std::fs::write(&target, pdf).expect("saved");
        saved.kit_saved(&target, pdf);
    }
    // Something else the admin keeps beside it, and a copy they changed, stay.
    let other = usb.join("Minutes.pdf");
    std::fs::write(&other, b"%PDF other").expect("other");
    let third_path = dir.path().join(&name);
    std::fs::write(&third_path, pdf).expect("saved a third");
    saved.kit_saved(&third_path, pdf);
    std::fs::write(&third_path, b"replaced by the admin").expect("replace");

    assert_eq!(delete_saved_kits(pending.as_mut()).expect("deleted"), 2);
    assert!(!documents.join(&name).exists() && !usb.join(&name).exists(), "both saved copies are gone");
    assert!(other.exists(), "an unrelated file stays");
    assert_eq!(std::fs::read(&third_path).expect("kept"), b"replaced by the admin", "a changed file stays");
    assert_eq!(delete_saved_kits(pending.as_mut()).expect("nothing left"), 0);
    assert_eq!(delete_saved_kits(None).map_err(|e| e.code()), Err(ErrorCode::SetupNotStarted));
}

#[test]
fn the_vault_is_written_only_after_the_end_of_the_recovery_key_is_typed() {
    let dir = tempfile::tempdir().expect("temp dir");
    let mut pending = begun(dir.path());
    let key = pending.as_ref().expect("begun").recovery_key();
    let e = confirm(&mut pending, "AAAAAA").map(|_| ()).expect_err("mismatch");
    assert_eq!(e.code(), ErrorCode::SetupConfirmationMismatch);
    assert!(e.to_string().contains("not the last 6 characters"));
    assert!(pending.is_some(), "a mismatch keeps the setup to try again");
    assert!(!paths(dir.path()).exists(), "nothing written");

    // Spaces and lower case are forgiven.
    let typed = last_six(&key).to_lowercase();
    let typed = format!(" {} {} ", &typed[..3], &typed[3..]);
    let confirmed = confirm(&mut pending, &typed).expect("confirmed");
    assert!(pending.is_none(), "the answers are taken to be written");
    let vault = finish(&paths(dir.path()), confirmed).expect("written");
    drop(vault);
    assert!(paths(dir.path()).exists());
    UnlockedVault::unlock(&paths(dir.path()), &SecretString::from(PASSPHRASE.to_owned()))
        .expect("the passphrase opens it");
    UnlockedVault::unlock_with_recovery(&paths(dir.path()), &key).expect("the recovery key opens it");

    // Once a vault exists, setup is refused from the start.
    let e = begin(&mut None, &paths(dir.path()), ORG, ADMIN, PASSPHRASE.to_owned()).map(|_| ()).expect_err("set up");
    assert_eq!(e.code(), ErrorCode::SetupAlreadySetUp);
    assert_eq!(confirm(&mut None, "ABCDEF").map(|_| ()).map_err(|e| e.code()), Err(ErrorCode::SetupNotStarted));
}
