//! What is printed on every page whatever the form: the footer and, for demo vaults, DEMO.
//!
//! Owns the footer ("Page N of M" and a line of text) and the DEMO banner and watermark. Does not
//! decide whether a vault is a demo (the caller says so).

use super::canvas::{Canvas, INK};
use super::fonts::{Face, FontSet, MM_PER_PT};

const FOOTER_PT: f32 = 8.5;
const FOOTER_GREY: f32 = 0.3;
/// Light enough to read through, dark enough to survive a cheap printer and a photocopy.
const WATERMARK_GREY: f32 = 0.86;
const BANNER_PT: f32 = 9.5;
/// Printed at the top of every demo page, so a photocopy of part of a page is still marked.
pub(crate) const DEMO_BANNER: &str = "DEMO \u{2013} practice data only, not real records";

/// The marks added to each page when the document is finished.
pub(crate) struct PageMarks<'a> {
    pub footer_left: &'a str,
    pub demo: bool,
    pub margin: f32,
}

impl PageMarks<'_> {
    pub(crate) fn stamp(&self, page: &mut Canvas, fonts: &FontSet, number: usize, total: usize) {
        self.footer(page, fonts, number, total);
        if self.demo {
            self.demo_banner(page, fonts);
            let mut under = Canvas::new(page.width_mm(), page.height_mm());
            watermark(&mut under, fonts);
            page.draw_underneath(under);
        }
    }

    fn footer(&self, page: &mut Canvas, fonts: &FontSet, number: usize, total: usize) {
        let left = self.margin;
        let right = page.width_mm() - self.margin;
        // Halfway down the bottom margin: clear of the content and of the printer's edge.
        let rule_y = page.height_mm() - self.margin + 4.0;
        let baseline = rule_y + 4.5;
        page.line((left, rule_y), (right, rule_y), 0.4, 0.6);

        let numbering = format!("Page {number} of {total}");
        let numbering_width = fonts.width_mm(Face::Regular, FOOTER_PT, &numbering);
        let regular = fonts.id(Face::Regular).clone();
        page.text(&regular, FOOTER_PT, right - numbering_width, baseline, FOOTER_GREY, &numbering);

        let room = right - left - numbering_width - 8.0;
        let text = fit_with_ellipsis(self.footer_left, room, |s| fonts.width_mm(Face::Regular, FOOTER_PT, s));
        page.text(&regular, FOOTER_PT, left, baseline, FOOTER_GREY, &text);
    }

    fn demo_banner(&self, page: &mut Canvas, fonts: &FontSet) {
        let width = fonts.width_mm(Face::Bold, BANNER_PT, DEMO_BANNER);
        let x = (page.width_mm() - width) / 2.0;
        let bold = fonts.id(Face::Bold).clone();
        page.text(&bold, BANNER_PT, x, self.margin - 7.0, INK, DEMO_BANNER);
    }
}

/// "DEMO" across the page from bottom-left to top-right, behind the content.
fn watermark(under: &mut Canvas, fonts: &FontSet) {
    const WORD: &str = "DEMO";
    let (w, h) = (under.width_mm(), under.height_mm());
    let angle = h.atan2(w);
    let diagonal = w.hypot(h);
    // Size the word to about half the diagonal, measured rather than guessed.
    let size_pt = 0.5 * diagonal / fonts.width_mm(Face::Bold, 1.0, WORD);
    let text_width = fonts.width_mm(Face::Bold, size_pt, WORD);
    let cap_height = 0.73 * size_pt * MM_PER_PT;
    // Start the baseline so the word's centre lands on the page's centre. Our y runs down the
    // page, so "up the page" along the rotated text is (-sin, -cos).
    let (sin, cos) = angle.sin_cos();
    let x = w / 2.0 - text_width / 2.0 * cos + cap_height / 2.0 * sin;
    let y = h / 2.0 + text_width / 2.0 * sin + cap_height / 2.0 * cos;
    let bold = fonts.id(Face::Bold).clone();
    under.rotated_text(&bold, size_pt, (x, y), angle.to_degrees(), WATERMARK_GREY, WORD);
}

/// `text` if it fits in `room`, else as much as fits followed by an ellipsis.
fn fit_with_ellipsis(text: &str, room: f32, measure: impl Fn(&str) -> f32) -> String {
    if measure(text) <= room {
        return text.to_owned();
    }
    let mut kept: String = text.to_owned();
    while !kept.is_empty() && measure(&format!("{kept}\u{2026}")) > room {
        kept.pop();
    }
    format!("{}\u{2026}", kept.trim_end())
}

#[cfg(test)]
mod tests {
    use super::fit_with_ellipsis;

    #[test]
    fn long_footer_text_is_cut_with_an_ellipsis_to_fit() {
        let measure = |s: &str| s.chars().count() as f32;
        assert_eq!(fit_with_ellipsis("short", 10.0, measure), "short");
        let cut = fit_with_ellipsis("Confidential: safeguarding", 10.0, measure);
        assert_eq!(cut, "Confident\u{2026}");
        assert!(measure(&cut) <= 10.0);
    }
}
