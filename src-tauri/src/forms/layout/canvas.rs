//! One page's drawing operations, in millimetres measured from the top-left corner.
//!
//! Owns the translation from our page coordinates (top-down, millimetres, grey levels) to
//! printpdf operations (bottom-up, points). Does not know about flow, margins or page breaks.

use printpdf::{
    Color, FontId, Greyscale, Line, LinePoint, Mm, Op, PaintMode, PdfFontHandle, PdfPage, Point, Polygon, PolygonRing,
    Pt, TextItem, TextMatrix, WindingOrder, XObjectId, XObjectTransform,
};

/// Black ink, as a grey level (0 is black, 1 is white).
pub(crate) const INK: f32 = 0.0;

/// A rectangle on the page: left edge, top edge, width and height, all in millimetres.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Area {
    pub x: f32,
    pub top: f32,
    pub width: f32,
    pub height: f32,
}

/// The operations drawn on one page so far.
pub(crate) struct Canvas {
    width_mm: f32,
    height_mm: f32,
    ops: Vec<Op>,
}

impl Canvas {
    pub(crate) fn new(width_mm: f32, height_mm: f32) -> Self {
        Self { width_mm, height_mm, ops: Vec::new() }
    }

    pub(crate) fn width_mm(&self) -> f32 {
        self.width_mm
    }

    pub(crate) fn height_mm(&self) -> f32 {
        self.height_mm
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.ops.is_empty()
    }

    /// Draws one line of text with its baseline `baseline` mm below the top of the page.
    pub(crate) fn text(&mut self, font: &FontId, size_pt: f32, x: f32, baseline: f32, grey: f32, text: &str) {
        let pos = self.point(x, baseline);
        self.ops.extend([
            Op::StartTextSection,
            Op::SetFillColor { col: grey_color(grey) },
            Op::SetFont { font: PdfFontHandle::External(font.clone()), size: Pt(size_pt) },
            Op::SetTextCursor { pos },
            Op::ShowText { items: vec![TextItem::Text(text.to_owned())] },
            Op::EndTextSection,
        ]);
    }

    /// Draws text turned `degrees` anticlockwise about the start of its baseline.
    pub(crate) fn rotated_text(
        &mut self,
        font: &FontId,
        size_pt: f32,
        (x, baseline): (f32, f32),
        degrees: f32,
        grey: f32,
        text: &str,
    ) {
        let origin = self.point(x, baseline);
        self.ops.extend([
            Op::StartTextSection,
            Op::SetFillColor { col: grey_color(grey) },
            Op::SetFont { font: PdfFontHandle::External(font.clone()), size: Pt(size_pt) },
            Op::SetTextMatrix { matrix: TextMatrix::TranslateRotate(origin.x, origin.y, degrees) },
            Op::ShowText { items: vec![TextItem::Text(text.to_owned())] },
            Op::EndTextSection,
        ]);
    }

    /// A straight line from (`x1`, `y1`) to (`x2`, `y2`).
    pub(crate) fn line(&mut self, (x1, y1): (f32, f32), (x2, y2): (f32, f32), thickness_pt: f32, grey: f32) {
        let points = vec![self.line_point(x1, y1), self.line_point(x2, y2)];
        self.set_stroke(thickness_pt, grey);
        self.ops.push(Op::DrawLine { line: Line { points, is_closed: false } });
    }

    /// The outline of `area`.
    pub(crate) fn stroke_rect(&mut self, area: Area, thickness_pt: f32, grey: f32) {
        self.set_stroke(thickness_pt, grey);
        let ring = self.ring(area);
        self.ops.push(Op::DrawPolygon {
            polygon: Polygon { rings: vec![ring], mode: PaintMode::Stroke, winding_order: WindingOrder::NonZero },
        });
    }

    /// Fills every area in one path, so touching areas print as one shape without hairline seams.
    pub(crate) fn fill_rects(&mut self, areas: &[Area], grey: f32) {
        if areas.is_empty() {
            return;
        }
        let rings = areas.iter().map(|a| self.ring(*a)).collect();
        self.ops.push(Op::SetFillColor { col: grey_color(grey) });
        self.ops.push(Op::DrawPolygon {
            polygon: Polygon { rings, mode: PaintMode::Fill, winding_order: WindingOrder::NonZero },
        });
    }

    /// Paints an image already added to the document, stretched to fill `area`.
    ///
    /// `pixels` is the image's size in pixels. printpdf first scales an image to one point per
    /// pixel at the given dpi; with 72 dpi that is exactly its pixel size, so the scale below
    /// brings it to the area's size.
    pub(crate) fn image(&mut self, id: &XObjectId, (width_px, height_px): (usize, usize), area: Area) {
        let bottom_left = self.point(area.x, area.top + area.height);
        let transform = XObjectTransform {
            translate_x: Some(bottom_left.x),
            translate_y: Some(bottom_left.y),
            rotate: None,
            scale_x: Some(Pt::from(Mm(area.width)).0 / width_px.max(1) as f32),
            scale_y: Some(Pt::from(Mm(area.height)).0 / height_px.max(1) as f32),
            dpi: Some(72.0),
            no_auto_scale: false,
        };
        self.ops.push(Op::UseXobject { id: id.clone(), transform });
    }

    /// Puts `under` beneath everything drawn so far, for marks that must not hide content.
    pub(crate) fn draw_underneath(&mut self, under: Canvas) {
        let above = std::mem::replace(&mut self.ops, under.ops);
        self.ops.extend(above);
    }

    pub(crate) fn into_page(self) -> PdfPage {
        PdfPage::new(Mm(self.width_mm), Mm(self.height_mm), self.ops)
    }

    fn set_stroke(&mut self, thickness_pt: f32, grey: f32) {
        self.ops.push(Op::SetOutlineColor { col: grey_color(grey) });
        self.ops.push(Op::SetOutlineThickness { pt: Pt(thickness_pt) });
    }

    fn ring(&self, a: Area) -> PolygonRing {
        PolygonRing {
            points: vec![
                self.line_point(a.x, a.top),
                self.line_point(a.x + a.width, a.top),
                self.line_point(a.x + a.width, a.top + a.height),
                self.line_point(a.x, a.top + a.height),
            ],
        }
    }

    /// PDF measures up from the bottom edge; our layout measures down from the top.
    fn point(&self, x: f32, y_from_top: f32) -> Point {
        Point::new(Mm(x), Mm(self.height_mm - y_from_top))
    }

    fn line_point(&self, x: f32, y_from_top: f32) -> LinePoint {
        LinePoint { p: self.point(x, y_from_top), bezier: false }
    }
}

fn grey_color(level: f32) -> Color {
    Color::Greyscale(Greyscale { percent: level.clamp(0.0, 1.0), icc_profile: None })
}
