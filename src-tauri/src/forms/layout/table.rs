//! Bordered tables: a shaded header row, wrapped cells, and the header repeated after a page break.
//!
//! Owns column widths and row placement. Does not sort, filter or format the values it is given.

use super::canvas::{Area, INK};
use super::fonts::Face;
use super::{baseline, line_height, FormDocument, BOX_FILL, MARGIN_MM, PARAGRAPH_GAP_MM};

const CELL_PAD_X: f32 = 1.8;
const CELL_PAD_Y: f32 = 1.4;
const TABLE_PT: f32 = 9.5;
const BORDER_PT: f32 = 0.5;
const BORDER_GREY: f32 = 0.35;
/// No column is squeezed narrower than this, so every column can hold a few letters.
const MIN_COLUMN_MM: f32 = 12.0;
/// Room above a column's longest word, so rounding in the measure never breaks that word.
const WORD_SLACK_MM: f32 = 0.5;

/// One row's cells, each already wrapped into lines.
type WrappedRow = Vec<Vec<String>>;

impl FormDocument {
    /// A table across the page. `headers` may be empty for a table without a header row; rows
    /// shorter than the header are padded with empty cells.
    pub fn table(&mut self, headers: &[&str], rows: &[Vec<String>]) -> &mut Self {
        let columns = rows.iter().map(Vec::len).chain([headers.len()]).max().unwrap_or(0);
        if columns == 0 {
            return self;
        }
        let header_cells: Vec<String> =
            (0..columns).map(|i| headers.get(i).copied().unwrap_or("").to_owned()).collect();

        let widths = {
            let measure = |face, s: &str| self.fonts.width_mm(face, TABLE_PT, s);
            let mut natural = vec![0.0_f32; columns];
            let mut minimum = vec![MIN_COLUMN_MM; columns];
            let all_rows = rows.iter().map(|r| (Face::Regular, r.as_slice()));
            let header_row = (!headers.is_empty()).then_some((Face::Bold, header_cells.as_slice()));
            for (face, row) in header_row.into_iter().chain(all_rows) {
                for i in 0..columns {
                    let text = cell(row, i);
                    let widest_line = text.lines().map(|l| measure(face, l)).fold(0.0, f32::max);
                    let widest_word = text.split_whitespace().map(|w| measure(face, w)).fold(0.0, f32::max);
                    natural[i] = natural[i].max(widest_line + 2.0 * CELL_PAD_X);
                    minimum[i] = minimum[i].max(widest_word + 2.0 * CELL_PAD_X + WORD_SLACK_MM);
                }
            }
            column_widths(&natural, &minimum, self.column.1)
        };

        let wrap_row = |doc: &Self, face, row: &[String]| -> WrappedRow {
            (0..columns).map(|i| doc.wrap(cell(row, i), face, TABLE_PT, widths[i] - 2.0 * CELL_PAD_X)).collect()
        };
        let header = (!headers.is_empty()).then(|| wrap_row(self, Face::Bold, &header_cells));
        let body: Vec<WrappedRow> = rows.iter().map(|r| wrap_row(self, Face::Regular, r)).collect();

        if let Some(h) = &header {
            // Keep the header with at least the first line of the first row.
            self.ensure_space(row_height(line_count(h)) + row_height(1));
            self.draw_row_lines(h, 0..line_count(h), &widths, Face::Bold);
        }
        for row in &body {
            self.place_row(row, header.as_ref(), &widths);
        }
        self.y += PARAGRAPH_GAP_MM;
        self
    }

    /// Draws a row, moving it whole to the next page if it fits there, or splitting it between
    /// lines if it is taller than a page. The header is repeated at the top of each new page.
    fn place_row(&mut self, row: &WrappedRow, header: Option<&WrappedRow>, widths: &[f32]) {
        let total = line_count(row);
        let mut done = 0;
        let mut on_fresh_page = false;
        while done < total {
            let room_lines = ((self.bottom_limit() - self.y - 2.0 * CELL_PAD_Y) / line_height(TABLE_PT)).floor();
            let room_lines = room_lines.max(0.0) as usize;
            let remaining = total - done;
            let header_lines = header.map(line_count);
            let fresh_page_lines = {
                let header_height = header_lines.map(row_height).unwrap_or(0.0);
                let room = self.bottom_limit() - MARGIN_MM - header_height - 2.0 * CELL_PAD_Y;
                (room / line_height(TABLE_PT)).floor().max(1.0) as usize
            };
            // Split only a row that would not fit even on a fresh page; otherwise move it whole.
            // On a fresh page always place at least one line, so a huge header cannot loop.
            let take = if remaining <= room_lines {
                remaining
            } else if on_fresh_page {
                room_lines.max(1)
            } else if remaining <= fresh_page_lines || room_lines == 0 {
                0
            } else {
                room_lines
            };
            if take > 0 {
                self.draw_row_lines(row, done..done + take, widths, Face::Regular);
                done += take;
            }
            if done < total {
                self.new_page();
                if let Some(h) = header {
                    self.draw_row_lines(h, 0..line_count(h), widths, Face::Bold);
                }
                on_fresh_page = true;
            }
        }
    }

    /// Draws lines `range` of every cell in `row` as one bordered band at the cursor.
    fn draw_row_lines(&mut self, row: &WrappedRow, range: std::ops::Range<usize>, widths: &[f32], face: Face) {
        let height = row_height(range.len());
        let top = self.y;
        let font = self.fonts.id(face).clone();
        let mut x = self.column.0;
        for (cell, width) in row.iter().zip(widths) {
            let area = Area { x, top, width: *width, height };
            if face == Face::Bold {
                self.page.fill_rects(&[area], BOX_FILL);
            }
            self.page.stroke_rect(area, BORDER_PT, BORDER_GREY);
            let shown = cell.iter().skip(range.start).take(range.len());
            for (i, line) in shown.enumerate() {
                let line_top = top + CELL_PAD_Y + i as f32 * line_height(TABLE_PT);
                self.page.text(&font, TABLE_PT, x + CELL_PAD_X, line_top + baseline(TABLE_PT), INK, line);
            }
            x += width;
        }
        self.y = top + height;
    }
}

/// Column `i` of `row`, or an empty cell if the row is short.
fn cell(row: &[String], i: usize) -> &str {
    row.get(i).map(String::as_str).unwrap_or("")
}

fn line_count(row: &WrappedRow) -> usize {
    row.iter().map(Vec::len).max().unwrap_or(0).max(1)
}

fn row_height(lines: usize) -> f32 {
    lines as f32 * line_height(TABLE_PT) + 2.0 * CELL_PAD_Y
}

/// Shares `total` mm between columns. Narrow columns (dates, references) keep their natural
/// width so short values never wrap just because another column is long; the long columns share
/// what is left, each keeping at least its `minimum` (its longest word) while that is possible.
fn column_widths(natural: &[f32], minimum: &[f32], total: f32) -> Vec<f32> {
    let natural: Vec<f32> = natural.iter().zip(minimum).map(|(n, m)| n.max(*m)).collect();
    let natural_sum: f32 = natural.iter().sum();
    if natural_sum <= total {
        // Everything fits unwrapped: spread the spare width in proportion, so the table fills
        // the page and a short column never looks squashed beside a long one.
        return natural.iter().map(|n| n * total / natural_sum).collect();
    }
    // A column keeps its natural width if that is no more than an even share of the width the
    // other columns leave; repeat, since each kept column changes the others' shares.
    let mut kept = vec![false; natural.len()];
    loop {
        let free = kept.iter().filter(|k| !**k).count();
        let left: f32 = total - sum_where(&natural, &kept, true);
        let fair = left / free as f32;
        let mut changed = false;
        for (i, n) in natural.iter().enumerate() {
            if !kept[i] && *n <= fair {
                kept[i] = true;
                changed = true;
            }
        }
        if !changed {
            break;
        }
    }
    let left = total - sum_where(&natural, &kept, true);
    let free_natural = sum_where(&natural, &kept, false);
    let free_minimum = sum_where(minimum, &kept, false);
    if free_minimum <= left {
        let share = (left - free_minimum) / (free_natural - free_minimum);
        return (0..natural.len())
            .map(|i| if kept[i] { natural[i] } else { minimum[i] + (natural[i] - minimum[i]) * share })
            .collect();
    }
    let minimum_sum: f32 = minimum.iter().sum();
    if minimum_sum <= total {
        let share = (total - minimum_sum) / (natural_sum - minimum_sum);
        return natural.iter().zip(minimum).map(|(n, m)| m + (n - m) * share).collect();
    }
    // Even the longest words do not fit: scale down and let words break between letters.
    minimum.iter().map(|m| m * total / minimum_sum).collect()
}

fn sum_where(values: &[f32], kept: &[bool], want: bool) -> f32 {
    values.iter().zip(kept).filter(|(_, k)| **k == want).map(|(v, _)| v).sum()
}

#[cfg(test)]
mod tests {
    use super::column_widths;

    fn sum(v: &[f32]) -> f32 {
        v.iter().sum()
    }

    #[test]
    fn columns_always_fill_the_width_exactly() {
        for (natural, minimum) in [
            (vec![20.0, 30.0], vec![12.0, 12.0]),
            (vec![200.0, 30.0, 90.0], vec![40.0, 12.0, 20.0]),
            (vec![300.0, 300.0], vec![150.0, 150.0]),
        ] {
            let w = column_widths(&natural, &minimum, 174.0);
            assert!((sum(&w) - 174.0).abs() < 1e-3, "{w:?}");
        }
    }

    #[test]
    fn short_columns_keep_their_natural_width_beside_a_long_one() {
        // Reference, date, a long description and an outcome, as in an incident log.
        let natural = [20.0, 24.0, 250.0, 55.0];
        let w = column_widths(&natural, &[14.0, 14.0, 20.0, 20.0], 261.0);
        assert!((sum(&w) - 261.0).abs() < 1e-3, "{w:?}");
        assert_eq!(&w[..2], &natural[..2], "{w:?}");
        assert_eq!(w[3], natural[3], "{w:?}");
        assert!(w[2] < natural[2]);
    }

    #[test]
    fn squeezed_columns_keep_their_longest_word() {
        let minimum = [40.0, 12.0, 20.0];
        let w = column_widths(&[200.0, 30.0, 90.0], &minimum, 174.0);
        for (width, min) in w.iter().zip(minimum) {
            assert!(*width >= min - 1e-3, "{w:?}");
        }
        assert!(w[0] > w[2] && w[2] > w[1], "longest text gets most room: {w:?}");
    }
}
