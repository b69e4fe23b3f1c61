//! Test helpers that read a PDF back the way a person would: as text and as printed pages.
//!
//! Owns calling poppler's `pdftotext`, `pdftoppm` and `pdfimages` (package poppler-utils). Does
//! not judge the results; each form's tests do that.

use std::path::Path;
use std::process::Command;

/// The PDF's text as `pdftotext` extracts it; pages are separated by a form feed (`\x0c`).
pub(crate) fn pdf_text(pdf: &[u8]) -> String {
    let dir = tempfile::tempdir().expect("the system temp dir is writable");
    let input = dir.path().join("form.pdf");
    std::fs::write(&input, pdf).expect("the temp dir is writable");
    let output = dir.path().join("form.txt");
    run(Command::new("pdftotext").arg("-enc").arg("UTF-8").arg(&input).arg(&output));
    std::fs::read_to_string(&output).expect("pdftotext writes UTF-8 text")
}

/// Every page rendered at `dpi` as a greyscale image, first page first.
pub(crate) fn render_pages(pdf: &[u8], dpi: u32) -> Vec<image::GrayImage> {
    let dir = tempfile::tempdir().expect("the system temp dir is writable");
    let input = dir.path().join("form.pdf");
    std::fs::write(&input, pdf).expect("the temp dir is writable");
    let prefix = dir.path().join("page");
    run(Command::new("pdftoppm").arg("-r").arg(dpi.to_string()).arg("-png").arg(&input).arg(&prefix));
    let mut pngs: Vec<_> = std::fs::read_dir(dir.path())
        .expect("the temp dir is readable")
        .map(|entry| entry.expect("the temp dir is readable").path())
        .filter(|path| path.extension().is_some_and(|ext| ext == "png"))
        .collect();
    // pdftoppm zero-pads page numbers to a common width, so name order is page order.
    pngs.sort();
    pngs.iter().map(|path| load_gray(path)).collect()
}

fn load_gray(path: &Path) -> image::GrayImage {
    image::open(path).expect("pdftoppm writes a readable PNG").into_luma8()
}

fn run(command: &mut Command) {
    let output = command.output().expect("poppler-utils (pdftotext, pdftoppm) is installed for the forms tests");
    assert!(output.status.success(), "{command:?} failed: {}", String::from_utf8_lossy(&output.stderr));
}

/// How many images the PDF's pages show, as `pdfimages -list` counts them.
pub(crate) fn image_count(pdf: &[u8]) -> usize {
    let dir = tempfile::tempdir().expect("the system temp dir is writable");
    let input = dir.path().join("form.pdf");
    std::fs::write(&input, pdf).expect("the temp dir is writable");
    let output = Command::new("pdfimages").arg("-list").arg(&input).output().expect("poppler-utils is installed");
    assert!(output.status.success(), "pdfimages failed: {}", String::from_utf8_lossy(&output.stderr));
    // Two header lines, then one line per image drawn.
    String::from_utf8_lossy(&output.stdout).lines().skip(2).filter(|l| !l.trim().is_empty()).count()
}

/// Whitespace folded to single spaces, so text that wrapped across lines can be searched whole.
pub(crate) fn folded(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The text of each page, first page first, from `pdf_text`'s output.
pub(crate) fn pages_of(text: &str) -> Vec<&str> {
    let mut pages: Vec<&str> = text.split('\x0c').collect();
    // pdftotext ends the last page with a form feed too, which leaves an empty piece after it.
    pages.pop();
    pages
}
