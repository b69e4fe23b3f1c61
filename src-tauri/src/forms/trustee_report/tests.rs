//! The trustee report read back as text and as a rendered page, from the planted test vault.

use super::*;
use crate::forms::pdf_check::{folded, pdf_text, render_pages};
use crate::records::trustee_report::tests::{planted, planted_figures, today, STAFF_NAME, YOUNG_NAME};

fn report(demo: bool) -> Vec<u8> {
    let conn = planted();
    let sheet = TrusteeReport {
        org_name: "Riverside Youth Project".into(),
        figures: planted_figures(&conn),
        printed: today(),
        demo,
    };
    trustee_report_pdf(&sheet).expect("the report renders")
}

#[test]
fn the_file_is_named_after_the_period() {
    let from = NaiveDate::from_ymd_opt(2026, 9, 1).expect("date");
    let to = NaiveDate::from_ymd_opt(2026, 12, 1).expect("date");
    assert_eq!(file_name(from, to), "Trustee report 2026-09-01 to 2026-12-01.pdf");
}

#[test]
fn the_report_prints_the_period_and_each_figure() {
    let text = folded(&pdf_text(&report(false)));
    assert!(text.contains(TITLE));
    assert!(text.contains("Riverside Youth Project"));
    assert!(text.contains("Period: 1 September 2026 to 1 December 2026"), "{text}");
    assert!(text.contains("Printed 2 December 2026"));
    assert!(text.contains("4 online-safety incidents happened in this period, and 1 is not yet closed."), "{text}");
    assert!(text.contains("1 is restricted"), "{text}");
    assert!(text.contains("Conduct (own behaviour) 2 50%"), "{text}");
    assert!(text.contains("Closed: sanctions applied 1 25%"), "{text}");
    assert!(text.contains("3 referrals were made in this period."));
    assert!(text.contains("Internet Watch Foundation 1"));
    assert!(!text.contains("Police 1") && !text.contains("CEOP 1"), "{text}");
    assert!(text.contains("Online-safety update 2 1 50% 1 0"), "{text}");
    assert!(text.contains("1 of 2 (50%)"), "{text}");
    assert!(text.contains("1 of 3 young people has image consent in force (33%)."), "{text}");
    assert!(text.contains("Online safety 1 September 2026"), "{text}");
    assert!(text.contains("No verified backup of these records has been made."));
}

#[test]
fn the_charity_commission_prompt_and_sign_off_are_printed() {
    let text = folded(&pdf_text(&report(false)));
    assert!(text.contains("Serious incidents and the Charity Commission"));
    assert!(text.contains("must report a serious incident to the Charity Commission promptly"), "{text}");
    assert!(text.contains("records 0 serious incident reports to the Charity Commission in this period"), "{text}");
    assert!(text.contains("Chair of trustees (name)"));
}

#[test]
fn no_one_planted_in_the_records_is_named_in_the_report() {
    let text = pdf_text(&report(false));
    for name in [YOUNG_NAME, "Zephyrine", "Quillfeather", "Kit Lowther", "Rue Pemberton", STAFF_NAME, "Mabel"] {
        assert!(!text.contains(name), "{name} appears in the report");
    }
    assert!(!text.contains("Messages about"), "incident text must not appear");
}

#[test]
fn a_demo_report_is_marked_and_the_first_page_renders_with_bars() {
    let pdf = report(true);
    assert!(pdf_text(&pdf).contains("DEMO"));
    let pages = render_pages(&pdf, 60);
    assert!(pages.len() >= 2);
    let page = &pages[0];
    // The bars are mid grey: some of page 1 must be neither white nor black.
    let grey = page.pixels().filter(|p| (100..180).contains(&p.0[0])).count();
    assert!(grey > 500, "no bars drawn on page 1 ({grey} grey pixels)");
    if let Ok(dir) = std::env::var("SAFEKEEPER_RENDER_DIR") {
        std::fs::write(std::path::Path::new(&dir).join("trustee-report.pdf"), &pdf).expect("save pdf");
        for (i, page) in pages.iter().enumerate() {
            page.save(std::path::Path::new(&dir).join(format!("trustee-report-{}.png", i + 1))).expect("save render");
        }
    }
}
