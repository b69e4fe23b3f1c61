//! How text typed into a form is cleaned before it is checked and stored, one function per way of
//! cleaning. Each record module picks the one that fits a field: a name or a one-line label is
//! single-spaced, a free-text field that may hold paragraphs keeps its line breaks, an optional
//! note becomes `None` when left blank. Owns no rules about what a field must contain; the record
//! modules check lengths and required fields themselves.

/// Trims the ends and folds every run of whitespace inside (spaces, tabs, line breaks) into one
/// space: `"  Tuesday \n  club "` becomes `"Tuesday club"`. For names and one-line labels.
pub fn single_spaced(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// As [`single_spaced`], for an optional field: `None` when nothing but whitespace was given.
pub fn single_spaced_or_none(text: Option<&str>) -> Option<String> {
    text.map(single_spaced).filter(|t| !t.is_empty())
}

/// Trims the ends and leaves the inside as typed; `None` when nothing but whitespace was given.
/// For optional notes and descriptions whose spacing and line breaks are the writer's own.
pub fn trimmed_or_none(text: Option<&str>) -> Option<String> {
    text.map(str::trim).filter(|t| !t.is_empty()).map(str::to_owned)
}

/// Trims the ends and turns Windows (`\r\n`) and old Mac (`\r`) line ends into `\n`, keeping every
/// line break and the spacing inside lines. For text written in paragraphs, such as an incident
/// account or an AUP section, so the same words read back the same on every platform.
pub fn trimmed_with_unix_line_ends(text: &str) -> String {
    text.replace("\r\n", "\n").replace('\r', "\n").trim().to_owned()
}

/// Only the letters and digits, lower-cased: `"Parent / Carer"` becomes `"parentcarer"`. For
/// matching a spreadsheet's label to a known word whatever its spacing, punctuation or case.
pub fn letters_and_digits_lowercased(text: &str) -> String {
    text.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn single_spaced_trims_and_folds_every_inner_run_of_whitespace() {
        assert_eq!(single_spaced("  Tuesday \t\n  club  "), "Tuesday club");
        assert_eq!(single_spaced("Li Na"), "Li Na");
        assert_eq!(single_spaced(" \r\n\t "), "");
    }

    #[test]
    fn single_spaced_or_none_is_none_only_when_blank() {
        assert_eq!(single_spaced_or_none(Some("  07700  900 123 ")), Some("07700 900 123".to_owned()));
        assert_eq!(single_spaced_or_none(Some(" \n ")), None);
        assert_eq!(single_spaced_or_none(None), None);
    }

    #[test]
    fn trimmed_or_none_keeps_the_inside_as_typed() {
        assert_eq!(trimmed_or_none(Some("  Mum,  by phone\nat 6pm  ")), Some("Mum,  by phone\nat 6pm".to_owned()));
        assert_eq!(trimmed_or_none(Some("   ")), None);
        assert_eq!(trimmed_or_none(None), None);
    }

    #[test]
    fn trimmed_with_unix_line_ends_keeps_paragraphs_and_inner_spacing() {
        assert_eq!(
            trimmed_with_unix_line_ends("\r\n  First line\r\nsecond  line\rthird\n\n "),
            "First line\nsecond  line\nthird"
        );
        assert_eq!(trimmed_with_unix_line_ends(" \r\n "), "");
    }

    #[test]
    fn letters_and_digits_lowercased_drops_spacing_punctuation_and_case() {
        assert_eq!(letters_and_digits_lowercased("Parent / Carer"), "parentcarer");
        assert_eq!(letters_and_digits_lowercased("  Date-of-Birth (DD/MM/YYYY) "), "dateofbirthddmmyyyy");
        assert_eq!(letters_and_digits_lowercased("Éloïse 2"), "éloïse2");
    }
}
