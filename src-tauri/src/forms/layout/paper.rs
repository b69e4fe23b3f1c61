//! Pieces for forms filled in by hand: ruled writing space, tick boxes in columns, several short
//! answers on one line, and small notes on how to fill a field in.
//!
//! Owns spacing that suits a pen (a ruled line every 7 mm, boxes big enough to tick) and stays
//! readable on a photocopy: black rules, no shading behind anything a person writes on.

use super::canvas::{Area, INK};
use super::fonts::{Face, MM_PER_PT};
use super::{baseline, line_height, FormDocument, BODY_PT, INDENT_MM, PARAGRAPH_GAP_MM, RULE_PT, TICK_BOX_MM};

/// Distance between ruled lines: comfortable handwriting, even for large writing.
const WRITING_PITCH_MM: f32 = 7.0;
const NOTE_PT: f32 = 9.0;
const NOTE_GREY: f32 = 0.2;
/// Space between tick-box columns.
const GUTTER_MM: f32 = 4.0;

impl FormDocument {
    /// `label` in bold, then `lines` ruled lines across the column for a written answer. The label
    /// stays on the same page as at least two of its lines.
    pub fn writing_space(&mut self, label: &str, lines: usize) -> &mut Self {
        self.writing_columns(&[(label, lines)])
    }

    /// Writing spaces side by side, each a bold label over its own ruled lines, sharing the
    /// width equally. Labels and the first two lines of each stay on one page.
    pub fn writing_columns(&mut self, fields: &[(&str, usize)]) -> &mut Self {
        if fields.is_empty() {
            return self;
        }
        let (left, width) = self.column;
        let cell_width = (width - GUTTER_MM * (fields.len() as f32 - 1.0)) / fields.len() as f32;
        let labels: Vec<Vec<String>> =
            fields.iter().map(|(label, _)| self.wrap(label, Face::Bold, BODY_PT, cell_width)).collect();
        let label_lines = labels.iter().map(Vec::len).max().unwrap_or(0) as f32;
        let most_lines = fields.iter().map(|(_, lines)| *lines).max().unwrap_or(0);
        let label_height = label_lines * line_height(BODY_PT);
        let top = self.ensure_space(label_height + most_lines.min(2) as f32 * WRITING_PITCH_MM);
        let bold = self.fonts.id(Face::Bold).clone();
        for (i, lines) in labels.iter().enumerate() {
            let x = left + i as f32 * (cell_width + GUTTER_MM);
            for (n, line) in lines.iter().enumerate() {
                let line_top = top + n as f32 * line_height(BODY_PT);
                self.page.text(&bold, BODY_PT, x, line_top + baseline(BODY_PT), INK, line);
            }
        }
        self.y = top + label_height;
        for row in 0..most_lines {
            let line_top = self.ensure_space(WRITING_PITCH_MM);
            let rule_y = line_top + WRITING_PITCH_MM - 0.5;
            for (i, (_, lines)) in fields.iter().enumerate() {
                if row < *lines {
                    let x = left + i as f32 * (cell_width + GUTTER_MM);
                    self.page.line((x, rule_y), (x + cell_width, rule_y), RULE_PT, INK);
                }
            }
            self.y = line_top + WRITING_PITCH_MM;
        }
        self.y += PARAGRAPH_GAP_MM;
        self
    }

    /// Tick boxes with their labels in `columns` columns, filled across and then down. Each row
    /// is as tall as its longest label and is never split across pages.
    pub fn tick_grid(&mut self, labels: &[&str], columns: usize) -> &mut Self {
        let columns = columns.max(1);
        let (left, width) = self.column;
        let cell_width = (width - GUTTER_MM * (columns as f32 - 1.0)) / columns as f32;
        let text_width = cell_width - INDENT_MM;
        let font = self.fonts.id(Face::Regular).clone();
        let pitch = line_height(BODY_PT);
        for row in labels.chunks(columns) {
            let wrapped: Vec<Vec<String>> =
                row.iter().map(|label| self.wrap(label, Face::Regular, BODY_PT, text_width)).collect();
            let tallest = wrapped.iter().map(Vec::len).max().unwrap_or(1).max(1) as f32;
            let top = self.ensure_space(tallest * pitch);
            for (i, lines) in wrapped.iter().enumerate() {
                // An empty label leaves its cell empty, box and all, so columns can differ in length.
                if lines.iter().all(|l| l.is_empty()) {
                    continue;
                }
                let x = left + i as f32 * (cell_width + GUTTER_MM);
                let cap_middle = top + baseline(BODY_PT) - 0.36 * BODY_PT * MM_PER_PT;
                let area = Area { x, top: cap_middle - TICK_BOX_MM / 2.0, width: TICK_BOX_MM, height: TICK_BOX_MM };
                self.page.stroke_rect(area, 0.8, INK);
                for (n, line) in lines.iter().enumerate() {
                    let line_baseline = top + n as f32 * pitch + baseline(BODY_PT);
                    self.page.text(&font, BODY_PT, x + INDENT_MM, line_baseline, INK, line);
                }
            }
            self.y = top + tallest * pitch + 1.0;
        }
        self.y += PARAGRAPH_GAP_MM * 0.6;
        self
    }

    /// Several "label ____" answers on one line, 9 mm apart row to row (a little closer than
    /// [`FormDocument::fill_in_line`], for forms that must fit on few sheets). Each field takes its
    /// share of the width, in proportion to the number paired with it.
    pub fn fill_in_row(&mut self, fields: &[(&str, f32)]) -> &mut Self {
        let total: f32 = fields.iter().map(|(_, share)| share.max(0.0)).sum();
        if fields.is_empty() || total <= 0.0 {
            return self;
        }
        let baseline_y = self.ensure_space(9.0) + 6.8;
        let (left, width) = self.column;
        let usable = width - GUTTER_MM * (fields.len() as f32 - 1.0);
        let mut x = left;
        for (label, share) in fields {
            let field_width = usable * share.max(0.0) / total;
            self.labelled_rule(label, x, x + field_width, baseline_y);
            x += field_width + GUTTER_MM;
        }
        self.y = baseline_y + 2.2;
        self
    }

    /// A small note in dark grey, such as how to fill in the field below it.
    pub fn note(&mut self, text: &str) -> &mut Self {
        let lines = self.wrap(text, Face::Regular, NOTE_PT, self.column.1);
        let font = self.fonts.id(Face::Regular).clone();
        for line in lines {
            let top = self.ensure_space(line_height(NOTE_PT));
            self.page.text(&font, NOTE_PT, self.column.0, top + baseline(NOTE_PT), NOTE_GREY, &line);
            self.y += line_height(NOTE_PT);
        }
        self.y += PARAGRAPH_GAP_MM * 0.5;
        self
    }
}
