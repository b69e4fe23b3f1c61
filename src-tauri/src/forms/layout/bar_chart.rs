//! A horizontal bar chart for counts, and a bordered box for a prompt the reader must act on.
//!
//! Owns the chart's geometry: a label column, bars scaled to the largest value, and the number
//! printed at the end of each bar, so it reads the same on a black and white photocopy as on
//! screen. Does not choose what is counted or in what order.

use super::canvas::{Area, INK};
use super::fonts::Face;
use super::{baseline, line_height, FormDocument, BODY_PT, PARAGRAPH_GAP_MM};

const BAR_ROW_MM: f32 = 7.0;
const BAR_HEIGHT_MM: f32 = 4.6;
/// Mid grey: solid on any printer, and black text beside it stays clear.
const BAR_GREY: f32 = 0.55;
const LABEL_GAP_MM: f32 = 3.0;
/// Room kept to the right of the longest bar for its number.
const VALUE_ROOM_MM: f32 = 14.0;
const BOX_PAD_MM: f32 = 3.5;

/// One bar: what it counts and how many.
pub struct Bar<'a> {
    /// What the bar counts, printed to its left.
    pub label: &'a str,
    /// How many; the bar's length is in proportion to the largest value in the chart.
    pub value: u32,
}

impl FormDocument {
    /// Bars across the column, one per line, kept together on one page. A zero shows no bar and
    /// the number 0, so an empty row is never mistaken for a missing one.
    pub fn bar_chart(&mut self, bars: &[Bar<'_>]) -> &mut Self {
        if bars.is_empty() {
            return self;
        }
        let (left, width) = self.column;
        let widest = bars.iter().map(|b| self.fonts.width_mm(Face::Regular, BODY_PT, b.label)).fold(0.0, f32::max);
        let label_width = widest.min(width * 0.45);
        let axis_x = left + label_width + LABEL_GAP_MM;
        let bar_room = (left + width - VALUE_ROOM_MM - axis_x).max(10.0);
        let max = bars.iter().map(|b| b.value).max().unwrap_or(0).max(1) as f32;
        let height = bars.len() as f32 * BAR_ROW_MM;
        let top = self.ensure_space(height + 2.0);
        let regular = self.fonts.id(Face::Regular).clone();
        let bold = self.fonts.id(Face::Bold).clone();
        for (i, bar) in bars.iter().enumerate() {
            let row_top = top + i as f32 * BAR_ROW_MM;
            let text_baseline = row_top + (BAR_ROW_MM - line_height(BODY_PT)) / 2.0 + baseline(BODY_PT);
            let label =
                self.wrap(bar.label, Face::Regular, BODY_PT, label_width).into_iter().next().unwrap_or_default();
            self.page.text(&regular, BODY_PT, left, text_baseline, INK, &label);
            let length = bar.value as f32 / max * bar_room;
            if bar.value > 0 {
                let area = Area {
                    x: axis_x,
                    top: row_top + (BAR_ROW_MM - BAR_HEIGHT_MM) / 2.0,
                    width: length,
                    height: BAR_HEIGHT_MM,
                };
                self.page.fill_rects(&[area], BAR_GREY);
                self.page.stroke_rect(area, 0.5, INK);
            }
            let value = bar.value.to_string();
            self.page.text(&bold, BODY_PT, axis_x + length + 1.8, text_baseline, INK, &value);
        }
        // The axis the bars grow from.
        self.page.line((axis_x, top), (axis_x, top + height), 0.8, INK);
        self.y = top + height + PARAGRAPH_GAP_MM + 1.0;
        self
    }

    /// A bordered box with a bold `title` and wrapped `text`, kept on one page: for a duty the
    /// reader must not overlook.
    pub fn prompt_box(&mut self, title: &str, text: &str) -> &mut Self {
        let (left, width) = self.column;
        let inner = width - 2.0 * BOX_PAD_MM;
        let title_lines = self.wrap(title, Face::Bold, BODY_PT, inner);
        let body_lines = self.wrap(text, Face::Regular, BODY_PT, inner);
        let pitch = line_height(BODY_PT);
        let height = (title_lines.len() + body_lines.len()) as f32 * pitch + 2.0 * BOX_PAD_MM + 1.5;
        let top = self.ensure_space(height);
        self.page.stroke_rect(Area { x: left, top, width, height }, 1.6, INK);
        let bold = self.fonts.id(Face::Bold).clone();
        let regular = self.fonts.id(Face::Regular).clone();
        let mut line_top = top + BOX_PAD_MM;
        for line in &title_lines {
            self.page.text(&bold, BODY_PT, left + BOX_PAD_MM, line_top + baseline(BODY_PT), INK, line);
            line_top += pitch;
        }
        line_top += 1.5;
        for line in &body_lines {
            self.page.text(&regular, BODY_PT, left + BOX_PAD_MM, line_top + baseline(BODY_PT), INK, line);
            line_top += pitch;
        }
        self.y = top + height + PARAGRAPH_GAP_MM;
        self
    }
}
