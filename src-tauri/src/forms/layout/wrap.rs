//! Breaking text into lines that fit a width.
//!
//! Owns the line-breaking rule: break at spaces, keep the writer's own line breaks, and split a
//! word only when it is wider than the whole line. Does not measure text itself: the caller passes
//! a measuring function, so the rule can be tested with any font.

/// Splits `text` into lines no wider than `max_width`, as measured by `measure`.
///
/// Each `\n` in `text` starts a new line; an empty line is kept as an empty string. Runs of spaces
/// between words collapse to one.
pub(crate) fn wrap_lines(text: &str, max_width: f32, measure: impl Fn(&str) -> f32) -> Vec<String> {
    let mut lines = Vec::new();
    for paragraph in text.split('\n') {
        let mut line = String::new();
        for word in paragraph.split_whitespace() {
            let candidate = if line.is_empty() { word.to_owned() } else { format!("{line} {word}") };
            if measure(&candidate) <= max_width {
                line = candidate;
                continue;
            }
            if !line.is_empty() {
                lines.push(std::mem::take(&mut line));
            }
            if measure(word) <= max_width {
                line = word.to_owned();
            } else {
                // A word wider than the line (a long address or key) is split between
                // characters; the last piece stays open so following words can join it.
                let mut pieces = split_long_word(word, max_width, &measure);
                line = pieces.pop().unwrap_or_default();
                lines.extend(pieces);
            }
        }
        lines.push(line);
    }
    lines
}

fn split_long_word(word: &str, max_width: f32, measure: &impl Fn(&str) -> f32) -> Vec<String> {
    let mut pieces = Vec::new();
    let mut piece = String::new();
    for c in word.chars() {
        piece.push(c);
        // Never leave a piece empty: a single glyph wider than the line still has to print.
        if measure(&piece) > max_width && piece.chars().count() > 1 {
            piece.pop();
            pieces.push(std::mem::take(&mut piece));
            piece.push(c);
        }
    }
    pieces.push(piece);
    pieces
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::forms::layout::fonts::{Face, FontSet};
    use printpdf::PdfDocument;

    /// Ten units per character: easy to reason about in the rule tests.
    fn fixed(text: &str) -> f32 {
        text.chars().count() as f32 * 10.0
    }

    #[test]
    fn long_sentence_wraps_to_lines_that_each_fit_the_real_font() {
        let fonts = FontSet::embed(&mut PdfDocument::new("test")).expect("bundled fonts parse");
        let measure = |s: &str| fonts.width_mm(Face::Regular, 10.5, s);
        let sentence = "Anyone who holds this sheet can open and read every record your \
            organisation keeps in Safekeeper, including notes about children and adults at risk, \
            so keep it locked away from the laptop and never photograph or email it.";
        let width = 80.0;
        let lines = wrap_lines(sentence, width, measure);
        assert!(lines.len() >= 3, "expected several lines, got {lines:?}");
        for line in &lines {
            assert!(measure(line) <= width, "{line:?} is {} mm wide", measure(line));
        }
        // Nothing lost or reordered: the words come back in order.
        let rejoined = lines.join(" ");
        assert_eq!(rejoined.split_whitespace().collect::<Vec<_>>(), sentence.split_whitespace().collect::<Vec<_>>());
        // Greedy: no line could have taken the first word of the next one.
        for pair in lines.windows(2) {
            let first_next = pair[1].split(' ').next().expect("wrapped lines are not empty");
            assert!(measure(&format!("{} {first_next}", pair[0])) > width);
        }
    }

    #[test]
    fn writer_line_breaks_and_blank_lines_are_kept() {
        assert_eq!(wrap_lines("one\n\ntwo", 100.0, fixed), vec!["one", "", "two"]);
    }

    #[test]
    fn word_wider_than_the_line_is_split_between_characters() {
        let lines = wrap_lines("ab ABCDEFGHIJ cd", 40.0, fixed);
        assert_eq!(lines, vec!["ab", "ABCD", "EFGH", "IJ", "cd"]);
        assert!(lines.iter().all(|l| fixed(l) <= 40.0));
    }

    #[test]
    fn empty_text_gives_one_empty_line() {
        assert_eq!(wrap_lines("", 50.0, fixed), vec![String::new()]);
    }
}
