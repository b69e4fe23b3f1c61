//! Our small layout layer over printpdf: A4 pages that content flows down, top to bottom.
//!
//! Owns margins, type sizes, line wrapping, page breaks, the footer on every page ("Page N of M")
//! and the DEMO marking. Each form module owns its own wording and calls this layer in reading
//! order; nothing here knows what any form says.
//!
//! ```ignore
//! let mut doc = FormDocument::new("Consent form", Orientation::Portrait)?;
//! doc.set_footer_text("Confidential: safeguarding");
//! doc.title("Consent form").paragraph("Please read both sides.").tick_box("I agree");
//! let pdf_bytes = doc.finish()?;
//! ```

mod bar_chart;
mod canvas;
mod fonts;
mod marks;
mod paper;
mod picture;
mod qr;
mod table;
mod wrap;

pub use bar_chart::Bar;
use printpdf::{PdfDocument, PdfParseErrorSeverity, PdfSaveOptions};

use crate::forms::FormError;
use canvas::{Area, Canvas, INK};
use fonts::{Face, FontSet, MM_PER_PT};
use wrap::wrap_lines;

/// Which way up the A4 sheet is printed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Orientation {
    /// Upright: 210 mm wide, 297 mm tall.
    Portrait,
    /// On its side: 297 mm wide, 210 mm tall.
    Landscape,
}

const A4_SHORT_MM: f32 = 210.0;
const A4_LONG_MM: f32 = 297.0;
/// Wide enough for any home or office printer's unprintable edge, with room for the footer.
const MARGIN_MM: f32 = 18.0;
const BODY_PT: f32 = 10.5;
const TITLE_PT: f32 = 20.0;
const HEADING_PT: f32 = 13.0;
/// Line pitch as a multiple of the type size.
const LINE_SPACING: f32 = 1.35;
/// Where the baseline sits below the top of its line, as a multiple of the type size.
const BASELINE_EM: f32 = 0.95;
const PARAGRAPH_GAP_MM: f32 = 2.5;
/// How far list text, tick-box labels and commands sit in from the left margin.
const INDENT_MM: f32 = 7.0;
const TICK_BOX_MM: f32 = 4.0;
const RULE_PT: f32 = 0.6;
const BOX_FILL: f32 = 0.94;
const BOX_EDGE: f32 = 0.55;

/// A PDF being laid out. Content methods add to the page in reading order and start a new page
/// when the next piece would cross the bottom margin.
pub struct FormDocument {
    pdf: PdfDocument,
    fonts: FontSet,
    title: String,
    footer_text: Option<String>,
    demo: bool,
    done: Vec<Canvas>,
    page: Canvas,
    /// Top of the next piece of content, in mm below the top edge of the current page.
    y: f32,
    /// The column content flows into: its left edge and width in mm. Normally the full width
    /// between the margins; narrower beside a QR code (see [`FormDocument::qr_beside`]).
    column: (f32, f32),
}

impl FormDocument {
    /// Starts an empty document. `title` becomes the PDF's title and the footer's left-hand text
    /// unless [`FormDocument::set_footer_text`] replaces it.
    pub fn new(title: &str, orientation: Orientation) -> Result<Self, FormError> {
        let mut pdf = PdfDocument::new(title);
        let fonts = FontSet::embed(&mut pdf)?;
        let (width, height) = match orientation {
            Orientation::Portrait => (A4_SHORT_MM, A4_LONG_MM),
            Orientation::Landscape => (A4_LONG_MM, A4_SHORT_MM),
        };
        Ok(Self {
            pdf,
            fonts,
            title: title.to_owned(),
            footer_text: None,
            demo: false,
            done: Vec::new(),
            page: Canvas::new(width, height),
            y: MARGIN_MM,
            column: (MARGIN_MM, width - 2.0 * MARGIN_MM),
        })
    }

    /// Text for the left of every page's footer, e.g. "Confidential: safeguarding".
    pub fn set_footer_text(&mut self, text: &str) -> &mut Self {
        self.footer_text = Some(text.to_owned());
        self
    }

    /// Marks every page DEMO, for PDFs printed from a demo vault.
    pub fn set_demo(&mut self, demo: bool) -> &mut Self {
        self.demo = demo;
        self
    }

    /// The width between the side margins, in millimetres.
    pub fn content_width_mm(&self) -> f32 {
        self.page.width_mm() - 2.0 * MARGIN_MM
    }

    /// Pages laid out so far, counting the one in progress.
    pub fn page_count(&self) -> usize {
        self.done.len() + 1
    }

    /// The form's name, large and bold, at the top of the first page.
    pub fn title(&mut self, text: &str) -> &mut Self {
        self.text_block(text, Face::Bold, TITLE_PT, 0.0);
        self.y += PARAGRAPH_GAP_MM;
        self
    }

    /// A section heading, kept on the same page as the two lines after it.
    pub fn heading(&mut self, text: &str) -> &mut Self {
        self.y += 3.0;
        let keep_with_next = 2.0 * line_height(BODY_PT);
        let lines = self.wrap(text, Face::Bold, HEADING_PT, self.column.1);
        self.ensure_space(lines.len() as f32 * line_height(HEADING_PT) + keep_with_next);
        self.text_block(text, Face::Bold, HEADING_PT, 0.0);
        self.y += 1.0;
        self
    }

    /// Body text, wrapped to the margins. A `\n` starts a new line.
    pub fn paragraph(&mut self, text: &str) -> &mut Self {
        self.text_block(text, Face::Regular, BODY_PT, 0.0);
        self.y += PARAGRAPH_GAP_MM;
        self
    }

    /// Body text in bold, for the one sentence a reader must not miss.
    pub fn strong(&mut self, text: &str) -> &mut Self {
        self.text_block(text, Face::Bold, BODY_PT, 0.0);
        self.y += PARAGRAPH_GAP_MM;
        self
    }

    /// One item of a list: `marker` ("1.", "•") in the margin, `text` wrapped beside it.
    pub fn list_item(&mut self, marker: &str, text: &str) -> &mut Self {
        let first_line_y = self.ensure_space(line_height(BODY_PT));
        let font = self.fonts.id(Face::Bold).clone();
        self.page.text(&font, BODY_PT, self.column.0, first_line_y + baseline(BODY_PT), INK, marker);
        self.text_block(text, Face::Regular, BODY_PT, INDENT_MM);
        self.y += PARAGRAPH_GAP_MM * 0.6;
        self
    }

    /// Fixed-width text in a shaded box across the page, as large as fits on one line (up to
    /// 14 pt), for a key that must be copied exactly. Text too long even at 7 pt is wrapped.
    pub fn monospace_block(&mut self, text: &str) -> &mut Self {
        self.mono_box(text, 0.0, 14.0)
    }

    /// A command to type, in fixed-width text, indented to line up with list text.
    pub fn code(&mut self, text: &str) -> &mut Self {
        self.mono_box(text, INDENT_MM, BODY_PT)
    }

    /// An empty square to tick, with its label wrapped beside it.
    pub fn tick_box(&mut self, label: &str) -> &mut Self {
        let top = self.ensure_space(line_height(BODY_PT));
        // Centre the box on the middle of the capitals of the label's first line.
        let cap_middle = top + baseline(BODY_PT) - 0.36 * BODY_PT * MM_PER_PT;
        let area =
            Area { x: self.column.0, top: cap_middle - TICK_BOX_MM / 2.0, width: TICK_BOX_MM, height: TICK_BOX_MM };
        self.page.stroke_rect(area, 0.8, INK);
        self.text_block(label, Face::Regular, BODY_PT, INDENT_MM);
        self.y += PARAGRAPH_GAP_MM;
        self
    }

    /// "`label` ________  Date ________", with room above the lines to sign.
    pub fn signature_line(&mut self, label: &str) -> &mut Self {
        let (left, width) = self.column;
        let baseline_y = self.ensure_space(14.0) + 10.0;
        let split = left + width * 0.64;
        self.labelled_rule(label, left, split - 6.0, baseline_y);
        self.labelled_rule("Date", split, left + width, baseline_y);
        self.y = baseline_y + 4.0;
        self
    }

    /// "`label` ________" to the right margin, for a short handwritten answer.
    pub fn fill_in_line(&mut self, label: &str) -> &mut Self {
        let baseline_y = self.ensure_space(12.0) + 9.0;
        let (left, width) = self.column;
        self.labelled_rule(label, left, left + width, baseline_y);
        self.y = baseline_y + 3.0;
        self
    }

    /// Starts a new page unless `height_mm` of content still fits on this one, so a block such
    /// as a set of signature lines is never split across two sheets.
    pub fn keep_together(&mut self, height_mm: f32) -> &mut Self {
        self.ensure_space(height_mm);
        self
    }

    /// Empty vertical space.
    pub fn spacer(&mut self, mm: f32) -> &mut Self {
        self.y += mm.max(0.0);
        self
    }

    /// Starts the next piece of content on a fresh page.
    pub fn page_break(&mut self) -> &mut Self {
        self.new_page();
        self
    }

    /// Adds the footer (and DEMO marking, if set) to every page and writes the PDF.
    pub fn finish(self) -> Result<Vec<u8>, FormError> {
        let Self { mut pdf, fonts, title, footer_text, demo, mut done, page, .. } = self;
        // A trailing page_break() must not leave a blank last page.
        if done.is_empty() || !page.is_empty() {
            done.push(page);
        }
        let total = done.len();
        let page_marks =
            marks::PageMarks { footer_left: footer_text.as_deref().unwrap_or(&title), demo, margin: MARGIN_MM };
        let pages = done
            .into_iter()
            .enumerate()
            .map(|(index, mut canvas)| {
                page_marks.stamp(&mut canvas, &fonts, index + 1, total);
                canvas.into_page()
            })
            .collect();
        let mut warnings = Vec::new();
        let bytes = pdf.with_pages(pages).save(&PdfSaveOptions::default(), &mut warnings);
        let problems = warnings.iter().filter(|w| w.severity == PdfParseErrorSeverity::Error).count();
        if problems > 0 {
            return Err(FormError::Render { problems });
        }
        Ok(bytes)
    }

    // ---- flow -------------------------------------------------------------------------------

    fn bottom_limit(&self) -> f32 {
        self.page.height_mm() - MARGIN_MM
    }

    /// Moves to a new page unless `height_mm` still fits on this one; returns the (possibly new)
    /// top of the content. Content taller than a whole page is placed at the top of a page.
    fn ensure_space(&mut self, height_mm: f32) -> f32 {
        let page_is_fresh = self.y <= MARGIN_MM + f32::EPSILON;
        if self.y + height_mm > self.bottom_limit() && !page_is_fresh {
            self.new_page();
        }
        self.y
    }

    fn new_page(&mut self) {
        let blank = Canvas::new(self.page.width_mm(), self.page.height_mm());
        self.done.push(std::mem::replace(&mut self.page, blank));
        self.y = MARGIN_MM;
        // A side column belongs beside something on the page just finished; start full width.
        self.column = self.full_column();
    }

    fn full_column(&self) -> (f32, f32) {
        (MARGIN_MM, self.content_width_mm())
    }

    fn wrap(&self, text: &str, face: Face, size_pt: f32, width: f32) -> Vec<String> {
        wrap_lines(text, width, |s| self.fonts.width_mm(face, size_pt, s))
    }

    /// Wrapped text from `indent` mm in from the left margin, breaking pages between lines.
    fn text_block(&mut self, text: &str, face: Face, size_pt: f32, indent: f32) {
        let lines = self.wrap(text, face, size_pt, self.column.1 - indent);
        let font = self.fonts.id(face).clone();
        for line in lines {
            let top = self.ensure_space(line_height(size_pt));
            self.page.text(&font, size_pt, self.column.0 + indent, top + baseline(size_pt), INK, &line);
            self.y += line_height(size_pt);
        }
    }

    fn mono_box(&mut self, text: &str, indent: f32, max_pt: f32) -> &mut Self {
        const PAD: f32 = 2.5;
        let inner = self.column.1 - indent - 2.0 * PAD;
        let longest = text.lines().map(|l| self.fonts.width_mm(Face::Mono, 1.0, l)).fold(0.0, f32::max);
        // Width grows linearly with size, so one measurement at 1 pt gives the size that fits.
        let size_pt = if longest > 0.0 { (inner / longest).clamp(7.0, max_pt) } else { max_pt };
        // Round down to a quarter point, so the chosen size never rounds past the box edge.
        let size_pt = (size_pt * 4.0).floor() / 4.0;
        let lines = self.wrap(text, Face::Mono, size_pt, inner);
        let height = lines.len() as f32 * line_height(size_pt) + 2.0 * PAD;
        let top = self.ensure_space(height);
        let area = Area { x: self.column.0 + indent, top, width: inner + 2.0 * PAD, height };
        self.page.fill_rects(&[area], BOX_FILL);
        self.page.stroke_rect(area, 0.5, BOX_EDGE);
        let font = self.fonts.id(Face::Mono).clone();
        for (i, line) in lines.iter().enumerate() {
            let line_top = top + PAD + i as f32 * line_height(size_pt);
            self.page.text(&font, size_pt, area.x + PAD, line_top + baseline(size_pt), INK, line);
        }
        self.y = top + height + PARAGRAPH_GAP_MM;
        self
    }

    /// `label` at `from`, then a rule for handwriting from after the label to `to`.
    fn labelled_rule(&mut self, label: &str, from: f32, to: f32, baseline_y: f32) {
        let font = self.fonts.id(Face::Regular).clone();
        self.page.text(&font, BODY_PT, from, baseline_y, INK, label);
        let rule_start = from + self.fonts.width_mm(Face::Regular, BODY_PT, label) + 2.0;
        self.page.line((rule_start, baseline_y + 0.8), (to, baseline_y + 0.8), RULE_PT, INK);
    }
}

/// Line pitch for text at `size_pt`, in millimetres.
fn line_height(size_pt: f32) -> f32 {
    size_pt * LINE_SPACING * MM_PER_PT
}

/// Distance from the top of a line to its baseline, in millimetres.
fn baseline(size_pt: f32) -> f32 {
    size_pt * BASELINE_EM * MM_PER_PT
}

#[cfg(test)]
mod tests;
