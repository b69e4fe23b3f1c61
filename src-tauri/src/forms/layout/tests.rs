//! Layout tests that read finished PDFs back with poppler, as a person would see them.

use super::*;
use crate::forms::pdf_check::{pdf_text, render_pages};

const SENTENCE: &str = "Staff complete online-safety training every year, and the designated \
    safeguarding lead keeps a record of who has done so and when it falls due again.";

fn pages_of(text: &str) -> Vec<&str> {
    // pdftotext ends every page, the last included, with a form feed.
    let mut pages: Vec<&str> = text.split('\x0c').collect();
    pages.pop();
    pages
}

fn long_document(demo: bool) -> FormDocument {
    let mut doc = FormDocument::new("Training record", Orientation::Portrait).expect("bundled fonts parse");
    doc.set_demo(demo).title("Training record");
    for n in 1..=45 {
        doc.paragraph(&format!("Paragraph {n}. {SENTENCE}"));
    }
    doc
}

#[test]
fn content_longer_than_a_page_flows_onto_numbered_pages() {
    let doc = long_document(false);
    let laid_out = doc.page_count();
    assert!(laid_out >= 2, "45 paragraphs cannot fit one page");
    let text = pdf_text(&doc.finish().expect("the document renders"));
    let pages = pages_of(&text);
    assert_eq!(pages.len(), laid_out);
    for (i, page) in pages.iter().enumerate() {
        assert!(page.contains(&format!("Page {} of {laid_out}", i + 1)), "page {} footer: {page}", i + 1);
    }
    assert!(text.contains("Paragraph 1.") && text.contains("Paragraph 45."));
}

#[test]
fn nothing_is_drawn_in_the_side_margins_or_above_the_footer() {
    let dpi = 50.0;
    let px = |mm: f32| (mm / 25.4 * dpi) as u32;
    // Shift everything down by a different amount each time, so that in some run a line ends
    // right against the bottom margin: a page break one line late would show in the band.
    for step in 0..10 {
        let mut doc = FormDocument::new("Margins", Orientation::Portrait).expect("bundled fonts parse");
        doc.spacer(step as f32 * 0.5);
        doc.paragraph(&[SENTENCE; 12].join("\n"));
        doc.table(&["Name", "Course"], &vec![vec!["A long name for a column".to_owned(), SENTENCE.to_owned()]; 12]);
        doc.paragraph(&["One short line."; 60].join("\n"));
        for (n, page) in render_pages(&doc.finish().expect("renders"), dpi as u32).iter().enumerate() {
            let (w, h) = page.dimensions();
            let blank = |xs: std::ops::Range<u32>, ys: std::ops::Range<u32>| {
                xs.clone().all(|x| ys.clone().all(|y| page.get_pixel(x, y).0[0] > 250))
            };
            let margin = px(MARGIN_MM - 1.0);
            assert!(blank(0..margin, 0..h), "left margin of page {} (step {step})", n + 1);
            assert!(blank(w - margin..w, 0..h), "right margin of page {} (step {step})", n + 1);
            // From the bottom of the content area down to just above the footer rule.
            let band = px(297.0 - MARGIN_MM + 0.5)..px(297.0 - MARGIN_MM + 3.5);
            assert!(blank(0..w, band), "bottom margin of page {} (step {step})", n + 1);
        }
    }
}

#[test]
fn a_trailing_page_break_does_not_print_a_blank_page() {
    let mut doc = FormDocument::new("Short", Orientation::Portrait).expect("bundled fonts parse");
    doc.paragraph("One line.").page_break();
    let text = pdf_text(&doc.finish().expect("renders"));
    assert_eq!(pages_of(&text).len(), 1);
    assert!(text.contains("Page 1 of 1"));
}

#[test]
fn a_long_table_repeats_its_header_on_every_page() {
    let mut doc = FormDocument::new("Incidents", Orientation::Portrait).expect("bundled fonts parse");
    let rows: Vec<Vec<String>> = (1..=70).map(|n| vec![format!("Row {n}"), SENTENCE.to_owned()]).collect();
    doc.table(&["Reference", "What happened"], &rows);
    let pages = doc.page_count();
    assert!(pages >= 2);
    let text = pdf_text(&doc.finish().expect("renders"));
    for page in pages_of(&text) {
        assert!(page.contains("What happened"), "header missing on a page: {page}");
    }
    assert!(text.contains("Row 1\n") && text.contains("Row 70"));
}

#[test]
fn a_row_taller_than_a_page_is_split_between_pages_without_losing_lines() {
    let mut doc = FormDocument::new("Chronology", Orientation::Portrait).expect("bundled fonts parse");
    let long_cell: Vec<String> = (1..=120).map(|n| format!("Entry {n} of the chronology")).collect();
    doc.table(&["When", "What was recorded"], &[vec!["Spring term".to_owned(), long_cell.join("\n")]]);
    let text = pdf_text(&doc.finish().expect("renders"));
    let pages = pages_of(&text);
    assert!(pages.len() >= 2);
    for page in &pages {
        assert!(page.contains("What was recorded"), "header missing: {page}");
    }
    for n in 1..=120 {
        assert_eq!(text.matches(&format!("Entry {n} of")).count(), 1, "entry {n}");
    }
}

#[test]
fn demo_documents_say_demo_on_every_page() {
    let text = pdf_text(&long_document(true).finish().expect("renders"));
    let pages = pages_of(&text);
    assert!(pages.len() >= 2);
    for page in pages {
        assert!(page.contains(marks::DEMO_BANNER), "no DEMO banner on a page: {page}");
    }
}

#[test]
fn real_documents_never_say_demo() {
    let text = pdf_text(&long_document(false).finish().expect("renders"));
    assert!(!text.contains("DEMO"));
}

#[test]
fn footer_text_is_printed_on_every_page() {
    let mut doc = long_document(false);
    doc.set_footer_text("Confidential: safeguarding");
    let text = pdf_text(&doc.finish().expect("renders"));
    for page in pages_of(&text) {
        assert!(page.contains("Confidential: safeguarding"));
    }
}

#[test]
fn landscape_pages_are_a4_on_their_side() {
    let mut doc = FormDocument::new("Register", Orientation::Landscape).expect("bundled fonts parse");
    doc.paragraph("Sign-in register");
    assert!((doc.content_width_mm() - (297.0 - 2.0 * MARGIN_MM)).abs() < 1e-3);
    let pages = render_pages(&doc.finish().expect("renders"), 20);
    let (w, h) = pages[0].dimensions();
    assert!(w > h, "{w}x{h}");
}

#[test]
fn tick_boxes_signature_and_fill_in_lines_keep_their_labels() {
    let mut doc = FormDocument::new("Consent", Orientation::Portrait).expect("bundled fonts parse");
    doc.tick_box("I have read the acceptable use policy").fill_in_line("Name").signature_line("Signature");
    let text = pdf_text(&doc.finish().expect("renders"));
    for label in ["I have read the acceptable use policy", "Name", "Signature", "Date"] {
        assert!(text.contains(label), "{label} missing from {text}");
    }
}
