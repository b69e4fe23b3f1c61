//! The fonts embedded in every printed form, and measuring text set in them.
//!
//! Owns the bundled font files (Liberation, SIL OFL 1.1, see `assets/fonts/OFL.txt`) and the
//! glyph-width maths that line wrapping relies on. Does not decide where text goes on a page.

use printpdf::{FontId, ParsedFont, PdfDocument};

use crate::forms::FormError;

const SANS_REGULAR: &[u8] =
    include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/../assets/fonts/LiberationSans-Regular.ttf"));
const SANS_BOLD: &[u8] =
    include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/../assets/fonts/LiberationSans-Bold.ttf"));
const MONO_REGULAR: &[u8] =
    include_bytes!(concat!(env!("CARGO_MANIFEST_DIR"), "/../assets/fonts/LiberationMono-Regular.ttf"));

/// Millimetres in one typographic point.
pub(crate) const MM_PER_PT: f32 = 25.4 / 72.0;

/// Which of the embedded typefaces a run of text is set in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Face {
    Regular,
    Bold,
    /// Fixed-width, for keys and commands that must be copied character by character.
    Mono,
}

/// One parsed face and the id the PDF knows it by.
struct LoadedFace {
    parsed: ParsedFont,
    units_per_em: f32,
    id: FontId,
}

/// The three faces, embedded into one PDF document.
pub(crate) struct FontSet {
    regular: LoadedFace,
    bold: LoadedFace,
    mono: LoadedFace,
}

impl FontSet {
    /// Parses the bundled fonts and registers them with `pdf`, so text set in them is embedded
    /// (subset, with a ToUnicode map, which keeps the PDF's text searchable and copyable).
    pub(crate) fn embed(pdf: &mut PdfDocument) -> Result<Self, FormError> {
        Ok(Self {
            regular: load(pdf, SANS_REGULAR, "Liberation Sans")?,
            bold: load(pdf, SANS_BOLD, "Liberation Sans Bold")?,
            mono: load(pdf, MONO_REGULAR, "Liberation Mono")?,
        })
    }

    pub(crate) fn id(&self, face: Face) -> &FontId {
        &self.face(face).id
    }

    /// The width of `text` set in `face` at `size_pt`, in millimetres.
    ///
    /// Sums each glyph's advance from the font's own metrics table. printpdf places glyphs by
    /// exactly these advances (no kerning), so a line measured here is the line printed.
    pub(crate) fn width_mm(&self, face: Face, size_pt: f32, text: &str) -> f32 {
        let loaded = self.face(face);
        let units: u32 = text
            .chars()
            .map(|c| {
                // A character the font lacks prints as its "missing glyph" (id 0); measure that.
                let glyph = loaded.parsed.lookup_glyph_index(u32::from(c)).unwrap_or(0);
                u32::from(loaded.parsed.get_horizontal_advance(glyph))
            })
            .sum();
        units as f32 / loaded.units_per_em * size_pt * MM_PER_PT
    }

    fn face(&self, face: Face) -> &LoadedFace {
        match face {
            Face::Regular => &self.regular,
            Face::Bold => &self.bold,
            Face::Mono => &self.mono,
        }
    }
}

fn load(pdf: &mut PdfDocument, bytes: &[u8], name: &'static str) -> Result<LoadedFace, FormError> {
    let parsed = ParsedFont::from_bytes(bytes, 0, &mut Vec::new()).ok_or(FormError::FontInvalid { face: name })?;
    let units_per_em = f32::from(parsed.pdf_font_metrics.units_per_em);
    if units_per_em <= 0.0 {
        return Err(FormError::FontInvalid { face: name });
    }
    let id = pdf.add_font(&parsed);
    Ok(LoadedFace { parsed, units_per_em, id })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fonts() -> FontSet {
        FontSet::embed(&mut PdfDocument::new("test")).expect("bundled fonts parse")
    }

    #[test]
    fn mono_glyphs_all_share_one_advance() {
        let fonts = fonts();
        let one = fonts.width_mm(Face::Mono, 10.0, "W");
        let many = fonts.width_mm(Face::Mono, 10.0, "AGE-SECRET-KEY-1");
        assert!((many - one * 16.0).abs() < 1e-3, "{many} vs 16 x {one}");
        // Liberation Mono's advance is 0.6 em: 10 pt gives 6 pt, about 2.117 mm.
        assert!((one - 6.0 * MM_PER_PT).abs() < 0.01, "{one}");
    }

    #[test]
    fn proportional_widths_differ_by_glyph_and_scale_with_size() {
        let fonts = fonts();
        let narrow = fonts.width_mm(Face::Regular, 10.0, "iiii");
        let wide = fonts.width_mm(Face::Regular, 10.0, "WWWW");
        assert!(wide > narrow * 3.0, "W should be far wider than i: {wide} vs {narrow}");
        let double = fonts.width_mm(Face::Regular, 20.0, "WWWW");
        assert!((double - wide * 2.0).abs() < 1e-3);
        assert!(fonts.width_mm(Face::Bold, 10.0, "Safeguarding") > fonts.width_mm(Face::Regular, 10.0, "Safeguarding"));
    }
}
