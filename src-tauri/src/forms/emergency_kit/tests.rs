//! Emergency Kit tests: read the printed sheet back as text and scan its QR code from a rendering.

use super::*;
use crate::forms::pdf_check::{pdf_text, render_pages};

/// A real key made by `age-keygen` for these tests only; it protects nothing.
const KEY: &str = "AGE-SECRET-KEY-1MPJJSR5RXZ5TSFJ9YGMVMQR3RDCNZQG20MPVVUVFGKWYLFPXCRLQ0U3UPF";

fn kit(demo: bool) -> EmergencyKit {
    EmergencyKit {
        org_name: "St Anne's Youth Club (Hebden Bridge)".to_owned(),
        created: NaiveDate::from_ymd_opt(2026, 11, 22).expect("a real date"),
        recovery_key: KEY.to_owned(),
        demo,
    }
}

fn pages(text: &str) -> usize {
    text.matches('\x0c').count()
}

#[test]
fn sheet_names_the_organisation_and_date_and_prints_the_key_unbroken() {
    assert_eq!(KEY.len(), 74);
    let text = pdf_text(&emergency_kit_pdf(&kit(false)).expect("the kit renders"));
    assert!(text.contains("Safekeeper Emergency Kit"));
    assert!(text.contains("St Anne's Youth Club (Hebden Bridge)"), "{text}");
    assert!(text.contains("22 November 2026"));
    assert!(
        text.lines().any(|line| line.trim() == KEY),
        "the key must be on a line of its own, unbroken, so it can be copied: {text}"
    );
}

#[test]
fn qr_code_scans_back_to_exactly_the_key() {
    let pdf = emergency_kit_pdf(&kit(false)).expect("the kit renders");
    let page = render_pages(&pdf, 150).into_iter().next().expect("the kit has a page");
    let mut prepared = rqrr::PreparedImage::prepare(page);
    let grids = prepared.detect_grids();
    assert_eq!(grids.len(), 1, "expected exactly one QR code on the sheet");
    let (_meta, content) = grids[0].decode().expect("the QR code decodes");
    assert_eq!(content, KEY);
}

#[test]
fn qr_code_still_scans_through_the_demo_watermark() {
    let pdf = emergency_kit_pdf(&kit(true)).expect("the kit renders");
    let page = render_pages(&pdf, 150).into_iter().next().expect("the kit has a page");
    let mut prepared = rqrr::PreparedImage::prepare(page);
    let grids = prepared.detect_grids();
    let decoded: Vec<String> = grids.iter().filter_map(|g| g.decode().ok()).map(|(_, c)| c).collect();
    assert_eq!(decoded, vec![KEY.to_owned()]);
}

#[test]
fn demo_kit_says_demo_and_a_real_one_does_not() {
    let demo = pdf_text(&emergency_kit_pdf(&kit(true)).expect("renders"));
    assert!(demo.contains("DEMO"));
    let real = pdf_text(&emergency_kit_pdf(&kit(false)).expect("renders"));
    assert!(!real.contains("DEMO"));
}

#[test]
fn whole_kit_fits_on_one_sheet() {
    for demo in [false, true] {
        let text = pdf_text(&emergency_kit_pdf(&kit(demo)).expect("renders"));
        assert_eq!(pages(&text), 1, "demo: {demo}");
        assert!(text.contains("Page 1 of 1"));
    }
}

#[test]
fn restore_commands_are_printed_whole() {
    let text = pdf_text(&emergency_kit_pdf(&kit(false)).expect("renders"));
    for command in ["age -d -i key.txt -o safekeeper.sqlite backup.age", "sqlite3 safekeeper.sqlite"] {
        assert!(text.lines().any(|l| l.trim() == command), "{command} not on a line of its own: {text}");
    }
}

#[test]
fn a_very_long_organisation_name_wraps_instead_of_running_off_the_page() {
    let mut long = kit(false);
    long.org_name =
        "The Friends of the Upper Calder Valley Community Sports, Arts and Youth Partnership Trust".to_owned();
    let text = pdf_text(&emergency_kit_pdf(&long).expect("renders"));
    assert!(text.contains("Youth Partnership Trust"));
    assert_eq!(pages(&text), 1);
}

#[test]
fn an_empty_or_multi_line_key_is_refused() {
    for bad in ["", "AGE-SECRET-KEY-1ABC\nAGE-SECRET-KEY-1DEF", " AGE-SECRET-KEY-1ABC"] {
        let mut k = kit(false);
        k.recovery_key = bad.to_owned();
        assert!(matches!(emergency_kit_pdf(&k), Err(FormError::RecoveryKeyMalformed)));
    }
}

#[test]
fn folders_that_cloud_sync_usually_covers_are_named() {
    use std::path::Path;
    let home = Path::new("/home/morgan");
    let cases: &[(&str, Option<&str>)] = &[
        ("/home/morgan/Documents/Safekeeper Emergency Kit.pdf", Some("Documents")),
        ("/home/morgan/documents/kits", Some("Documents")),
        ("/home/morgan/Desktop/kit.pdf", Some("Desktop")),
        ("/home/morgan/OneDrive - Northfield Youth Trust/kit.pdf", Some("OneDrive")),
        ("/home/morgan/Dropbox/Admin/kit.pdf", Some("Dropbox")),
        ("/Volumes/GoogleDrive/My Drive/kit.pdf", Some("Google Drive")),
        ("/home/morgan/Google Drive/kit.pdf", Some("Google Drive")),
        ("/Users/morgan/Library/Mobile Documents/com~apple~CloudDocs/kit.pdf", Some("iCloud Drive")),
        ("/Users/morgan/iCloud Drive/kit.pdf", Some("iCloud Drive")),
        ("/media/morgan/USB STICK/kit.pdf", None),
        ("/home/morgan/Downloads/kit.pdf", None),
        ("/home/morgan/kit.pdf", None),
        // Only the home folder's own Documents counts, not any folder of that name.
        ("/media/morgan/USB/Documents/kit.pdf", None),
    ];
    for (path, expected) in cases {
        assert_eq!(cloud_synced_folder(Path::new(path), Some(home)), *expected, "{path}");
    }
    assert_eq!(cloud_synced_folder(Path::new("/home/morgan/Documents/kit.pdf"), None), None);
}
