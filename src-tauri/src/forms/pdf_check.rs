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

/// The PDF's text as `pdftotext` reads it: block by block (a paragraph, a table cell, a label),
/// top to bottom and left to right, one printed line per line, every page ending with a form
/// feed (`\x0c`).
pub(crate) fn pdf_text(pdf: &[u8]) -> String {
    let mut warnings = Vec::new();
    let doc = printpdf::PdfDocument::parse(pdf, &printpdf::PdfParseOptions::default(), &mut warnings)
        .expect("the form is a PDF printpdf can read back");
    let mut text = String::new();
    for page in doc.extract_text_boxes() {
        for block in blocks(&page) {
            for line in block {
                text.push_str(&line);
                text.push('\n');
            }
        }
        text.push('\x0c');
    }
    text
}

/// One printed line: where its baseline and left edge are, its type size, and its words.
struct Line {
    baseline: f32,
    left: f32,
    size: f32,
    text: String,
}

/// A page's printed lines gathered into blocks: a line joins the block above it when it starts at
/// the same left edge one line pitch below (a wrapped paragraph, a table cell's lines). Blocks are
/// read top to bottom, and left to right where they start level (the cells of a table row).
fn blocks(page: &printpdf::text_boxes::PageTextBoxes) -> Vec<Vec<String>> {
    let mut lines: Vec<Line> = page
        .lines
        .iter()
        .map(|line| Line {
            baseline: line.baseline,
            left: line.bbox[0],
            size: line.words.iter().map(|w| w.font_size).fold(0.0, f32::max),
            text: line.words.iter().map(|w| w.text.trim()).filter(|w| !w.is_empty()).collect::<Vec<_>>().join(" "),
        })
        .filter(|line| !line.text.is_empty())
        .collect();
    lines.sort_by(|a, b| a.baseline.total_cmp(&b.baseline).then(a.left.total_cmp(&b.left)));
    let mut blocks: Vec<(f32, f32, Vec<Line>)> = Vec::new();
    for line in lines {
        let joins = blocks.iter_mut().rev().find(|(_, _, block)| {
            let last = block.last().expect("blocks are never empty");
            (last.left - line.left).abs() < 1.0
                && (last.size - line.size).abs() < 0.5
                && line.baseline > last.baseline
                && line.baseline - last.baseline < 1.5 * line.size
        });
        match joins {
            Some((_, _, block)) => block.push(line),
            None => blocks.push((line.baseline, line.left, vec![line])),
        }
    }
    // Blocks whose first lines sit level (within a fraction of the type size) are one row.
    blocks.sort_by(|a, b| a.0.total_cmp(&b.0));
    let mut rows: Vec<Vec<(f32, f32, Vec<Line>)>> = Vec::new();
    for block in blocks {
        match rows.last_mut() {
            Some(row) if (block.0 - row[0].0).abs() < 0.3 * block.2[0].size => row.push(block),
            _ => rows.push(vec![block]),
        }
    }
    rows.into_iter()
        .flat_map(|mut row| {
            row.sort_by(|a, b| a.1.total_cmp(&b.1));
            row.into_iter().map(|(_, _, block)| block.into_iter().map(|line| line.text).collect())
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
            printpdf::Op::UseXobject { id, .. } => match doc.resources.xobjects.map.get(id) {
                Some(printpdf::XObject::Image(_)) => true,
                // Without printpdf's image codecs, a parsed image keeps its stream as it was.
                Some(printpdf::XObject::External(x)) => {
                    matches!(x.stream.dict.get("Subtype"), Some(printpdf::xobject::DictItem::Name(n)) if n == b"Image")
                }
                _ => false,
            },
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
