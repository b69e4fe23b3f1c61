//! Drawing a QR code as vector squares, so it prints sharp at any size and any printer resolution.
//!
//! Owns the module geometry and the quiet zone. Does not choose what a code holds or its error
//! correction: callers build the `qrcode::QrCode` themselves.

use qrcode::{Color, QrCode};

use super::canvas::{Area, INK};
use super::{FormDocument, MARGIN_MM, PARAGRAPH_GAP_MM};

/// Light modules around the code that scanners need to find its edges (the QR standard's 4).
pub(crate) const QUIET_ZONE_MODULES: usize = 4;

impl FormDocument {
    /// `code`, centred in the column, `size_mm` square including its quiet zone.
    pub fn qr(&mut self, code: &QrCode, size_mm: f32) -> &mut Self {
        let size = self.qr_size(size_mm);
        let top = self.ensure_space(size);
        let (left, width) = self.column;
        self.draw_qr(code, left + (width - size) / 2.0, top, size);
        self.y = top + size + PARAGRAPH_GAP_MM;
        self
    }

    /// `code` at the left, `size_mm` square, with whatever `beside` lays out flowing in a column
    /// to its right. Content after this starts below whichever of the two ends lower.
    pub fn qr_beside(&mut self, code: &QrCode, size_mm: f32, beside: impl FnOnce(&mut Self)) -> &mut Self {
        const GUTTER_MM: f32 = 3.0;
        let size = self.qr_size(size_mm);
        let top = self.ensure_space(size);
        let (left, width) = self.column;
        // The quiet zone is blank, so let it reach into the margin: the code's visible edge then
        // lines up with the text above and below it.
        let quiet = quiet_zone_mm(code, size);
        self.draw_qr(code, left - quiet, top, size);
        let used = size - quiet + GUTTER_MM;
        let pages_before = self.page_count();
        self.column = (left + used, width - used);
        beside(self);
        if self.page_count() == pages_before {
            self.column = (left, width);
            // The quiet zone below the code is blank, so what follows may start inside it.
            self.y = self.y.max(top + size - quiet + PARAGRAPH_GAP_MM);
        }
        self
    }

    fn qr_size(&self, size_mm: f32) -> f32 {
        let page_room = self.bottom_limit() - MARGIN_MM;
        size_mm.min(self.column.1).min(page_room)
    }

    fn draw_qr(&mut self, code: &QrCode, x: f32, top: f32, size: f32) {
        let area = Area { x, top, width: size, height: size };
        // Paint the quiet zone white so nothing beneath (such as the DEMO watermark) reaches it.
        self.page.fill_rects(&[area], 1.0);
        self.page.fill_rects(&dark_runs(code, area), INK);
    }
}

fn quiet_zone_mm(code: &QrCode, size: f32) -> f32 {
    size / (code.width() + 2 * QUIET_ZONE_MODULES) as f32 * QUIET_ZONE_MODULES as f32
}

/// Each horizontal run of dark modules as one rectangle, inside `area` with the quiet zone.
fn dark_runs(code: &QrCode, area: Area) -> Vec<Area> {
    let n = code.width();
    let module = area.width / (n + 2 * QUIET_ZONE_MODULES) as f32;
    let mut runs = Vec::new();
    for row in 0..n {
        let mut col = 0;
        while col < n {
            if code[(col, row)] != Color::Dark {
                col += 1;
                continue;
            }
            let start = col;
            while col < n && code[(col, row)] == Color::Dark {
                col += 1;
            }
            runs.push(Area {
                x: area.x + (QUIET_ZONE_MODULES + start) as f32 * module,
                top: area.top + (QUIET_ZONE_MODULES + row) as f32 * module,
                width: (col - start) as f32 * module,
                height: module,
            });
        }
    }
    runs
}

#[cfg(test)]
mod tests {
    use super::*;
    use qrcode::EcLevel;

    #[test]
    fn runs_cover_exactly_the_dark_modules_inside_the_quiet_zone() {
        let code =
            QrCode::with_error_correction_level("AGE-SECRET-KEY-1TEST", EcLevel::M).expect("short text fits a QR code");
        let area = Area { x: 10.0, top: 20.0, width: 50.0, height: 50.0 };
        let n = code.width();
        let module = 50.0 / (n + 2 * QUIET_ZONE_MODULES) as f32;
        let runs = dark_runs(&code, area);

        let dark = code.to_colors().iter().filter(|c| **c == Color::Dark).count();
        let covered: f32 = runs.iter().map(|r| r.width * r.height).sum();
        assert!((covered - dark as f32 * module * module).abs() < 1e-2);

        let quiet = QUIET_ZONE_MODULES as f32 * module;
        for r in &runs {
            assert!(r.x >= area.x + quiet - 1e-3 && r.x + r.width <= area.x + area.width - quiet + 1e-3);
            assert!(r.top >= area.top + quiet - 1e-3 && r.top + r.height <= area.top + area.height - quiet + 1e-3);
        }
    }
}
