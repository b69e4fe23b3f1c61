//! Test helpers that read a PDF back the way a person would: as text and as printed pages.
//!
//! Owns reading the text back and counting the images drawn, in-process with printpdf's own
//! parser so the same assertions run on Linux and, under Wine, on Windows; and rendering pages
//! (poppler's `pdftoppm`, package poppler-utils; hayro on Windows). Does not judge the results;
//! each form's tests do that.

#[cfg(not(windows))]
use std::path::Path;
#[cfg(not(windows))]
use std::process::Command;

/// The PDF's text, one printed line per line, left to right within a line; every page ends with a
/// form feed (`\x0c`), as `pdftotext` writes it.
pub(crate) fn pdf_text(pdf: &[u8]) -> String {
    let mut warnings = Vec::new();
    let doc = printpdf::PdfDocument::parse(pdf, &printpdf::PdfParseOptions::default(), &mut warnings)
        .expect("the form is a PDF printpdf can read back");
    let mut text = String::new();
    for page in doc.extract_text_boxes() {
        for row in printed_lines(&page) {
            text.push_str(&row);
            text.push('\n');
        }
        text.push('\x0c');
    }
    text
}

/// A page's text runs gathered into printed lines: runs whose baselines sit within a fraction of
/// the type size of each other are one line (a table row's cells, a label and its answer), read
/// left to right; lines are read top to bottom.
fn printed_lines(page: &printpdf::text_boxes::PageTextBoxes) -> Vec<String> {
    let mut runs: Vec<(f32, f32, f32, String)> = page
        .lines
        .iter()
        .filter(|line| !line.words.is_empty())
        .map(|line| {
            let size = line.words.iter().map(|w| w.font_size).fold(0.0, f32::max);
            let words: Vec<&str> = line.words.iter().map(|w| w.text.trim()).filter(|w| !w.is_empty()).collect();
            (line.baseline, line.bbox[0], size, words.join(" "))
        })
        .filter(|run| !run.3.is_empty())
        .collect();
    runs.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.total_cmp(&b.1)));
    let mut lines: Vec<(f32, f32, Vec<(f32, String)>)> = Vec::new();
    for (baseline, x, size, text) in runs {
        match lines.last_mut() {
            Some((first, tallest, row)) if (baseline - *first).abs() < 0.3 * tallest.max(size) => {
                *tallest = tallest.max(size);
                row.push((x, text));
            }
            _ => lines.push((baseline, size, vec![(x, text)])),
        }
    }
    lines
        .into_iter()
        .map(|(_, _, mut row)| {
            row.sort_by(|a, b| a.0.total_cmp(&b.0));
            row.into_iter().map(|(_, text)| text).collect::<Vec<_>>().join(" ")
        })
        .collect()
}

/// Every page rendered at `dpi` as a greyscale image, first page first, by poppler's `pdftoppm`.
#[cfg(not(windows))]
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

/// Every page rendered at `dpi` as a greyscale image, first page first, by hayro (a PDF renderer
/// in Rust): poppler has no Windows build here, and a Windows test process cannot start Linux's.
#[cfg(windows)]
pub(crate) fn render_pages(pdf: &[u8], dpi: u32) -> Vec<image::GrayImage> {
    use hayro::hayro_interpret::InterpreterSettings;
    use hayro::vello_cpu::color::palette::css::WHITE;
    use hayro::{PixmapSettings, RenderCache, RenderSettings};

    let pdf = hayro::hayro_syntax::Pdf::new(pdf.to_vec()).expect("the form is a PDF hayro can read");
    let cache = RenderCache::new();
    let scale = dpi as f32 / 72.0;
    let pixmap = PixmapSettings { x_scale: scale, y_scale: scale, bg_color: WHITE };
    pdf.pages()
        .iter()
        .map(|page| {
            let png = hayro::render(page, &cache, &InterpreterSettings::default(), &RenderSettings::default(), &pixmap)
                .into_png()
                .expect("a rendered page encodes as PNG");
            image::load_from_memory(&png).expect("the PNG just made decodes").into_luma8()
        })
        .collect()
}

#[cfg(not(windows))]
fn load_gray(path: &Path) -> image::GrayImage {
    image::open(path).expect("pdftoppm writes a readable PNG").into_luma8()
}

#[cfg(not(windows))]
fn run(command: &mut Command) {
    let output = command.output().expect("poppler-utils (pdftoppm) is installed for the forms tests");
    assert!(output.status.success(), "{command:?} failed: {}", String::from_utf8_lossy(&output.stderr));
}

/// How many images the PDF's pages show: each time a page draws an image, counted once.
pub(crate) fn image_count(pdf: &[u8]) -> usize {
    let mut warnings = Vec::new();
    let doc = printpdf::PdfDocument::parse(pdf, &printpdf::PdfParseOptions::default(), &mut warnings)
        .expect("the form is a PDF printpdf can read back");
    doc.pages
        .iter()
        .flat_map(|page| &page.ops)
        .filter(|op| match op {
            printpdf::Op::UseXobject { id, .. } => {
                matches!(doc.resources.xobjects.map.get(id), Some(printpdf::XObject::Image(_)))
            }
            _ => false,
        })
        .count()
}

/// Whitespace folded to single spaces, so text that wrapped across lines can be searched whole.
pub(crate) fn folded(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The text of each page, first page first, from `pdf_text`'s output.
pub(crate) fn pages_of(text: &str) -> Vec<&str> {
    let mut pages: Vec<&str> = text.split('\x0c').collect();
    // The last page ends with a form feed too, which leaves an empty piece after it.
    pages.pop();
    pages
}
