//! Reading spreadsheet CSV exports as Excel and LibreOffice really write them: a UTF-8 byte-order
//! mark, CRLF or LF or CR line ends, quoted fields holding separators, doubled quotes and line
//! breaks, and Windows-1252 text when the file is not UTF-8 (Excel's plain "CSV" on a UK Windows
//! laptop). Owns turning bytes into records with the line each starts on, and refusing a file
//! whose quoted cell never closes. The `csv` crate splits the records and `encoding_rs` decodes
//! Windows-1252; what stays here is what they leave to the caller: choosing the separator,
//! spreadsheet line numbers, skipping blank lines, and the unclosed quote (the `csv` crate reads
//! one silently to the end of the file, which would swallow every row after it).

/// One record and the line of the file it starts on (1-based, as a spreadsheet shows it).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Record {
    pub line: usize,
    pub fields: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CsvProblem {
    /// A quoted field opened on this line never closes.
    UnterminatedQuote { line: usize },
}

/// Bytes to text: UTF-8 (without its BOM) when valid, otherwise Windows-1252.
pub fn decode(bytes: &[u8]) -> String {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(text) => text.to_owned(),
        Err(_) => encoding_rs::WINDOWS_1252.decode_without_bom_handling(bytes).0.into_owned(),
    }
}

/// Comma, unless the first line has none and has semicolons or tabs (some European exports).
fn separator(text: &str) -> u8 {
    let first = text.lines().next().unwrap_or_default();
    if first.contains(',') {
        b','
    } else if first.contains(';') {
        b';'
    } else if first.contains('\t') {
        b'\t'
    } else {
        b','
    }
}

/// Splits text into records. Blank lines are skipped but counted. A stray quote inside an
/// unquoted field, or text after a closing quote, is kept as written rather than refused.
pub fn parse(text: &str) -> Result<Vec<Record>, CsvProblem> {
    // One line-break convention before splitting: the reader then counts lines as a spreadsheet
    // does, and a break inside a quoted cell reads as "\n" whatever program wrote the file.
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    let sep = separator(&text);
    let mut reader =
        ::csv::ReaderBuilder::new().has_headers(false).flexible(true).delimiter(sep).from_reader(text.as_bytes());
    let mut lines = LineCounter::default();
    let mut records = Vec::new();
    let mut last_start = None;
    for read in reader.records() {
        // Reading UTF-8 text from memory with records of any length leaves the reader nothing to
        // fail on: no I/O, no invalid UTF-8, no length check.
        let record = read.expect("a flexible CSV reader over in-memory text cannot fail");
        let position = record.position().expect("the reader gives each record its position");
        // The reader's position is where the previous record ended, before any blank lines.
        let start = usize::try_from(position.byte()).expect("the text is in memory");
        let start = start + text[start..].bytes().take_while(|&b| b == b'\n').count();
        last_start = Some(start);
        let blank = record.len() == 1 && record[0].trim().is_empty();
        if !blank {
            records
                .push(Record { line: lines.line_at(&text, start), fields: record.iter().map(str::to_owned).collect() });
        }
    }
    if let Some(opened) = last_start.and_then(|start| unclosed_quote(&text[start..], sep).map(|at| start + at)) {
        return Err(CsvProblem::UnterminatedQuote { line: lines.line_at(&text, opened) });
    }
    Ok(records)
}

/// Line numbers of byte offsets met in increasing order, counting each newline once.
#[derive(Default)]
struct LineCounter {
    offset: usize,
    line: usize,
}

impl LineCounter {
    fn line_at(&mut self, text: &str, offset: usize) -> usize {
        self.line += text.as_bytes()[self.offset..offset].iter().filter(|&&b| b == b'\n').count();
        self.offset = offset;
        self.line + 1
    }
}

/// Where, in `last_record` (the file's last record, to the end of the file), a quoted field
/// opens and never closes. Only the last record can hold one: an open quote runs to the end.
fn unclosed_quote(last_record: &str, sep: u8) -> Option<usize> {
    let bytes = last_record.as_bytes();
    let (mut open, mut at_field_start, mut i) = (None, true, 0);
    while let Some(&b) = bytes.get(i) {
        if open.is_some() {
            match (b, bytes.get(i + 1)) {
                (b'"', Some(b'"')) => i += 1,
                (b'"', _) => open = None,
                _ => {}
            }
        } else {
            if b == b'"' && at_field_start {
                open = Some(i);
            }
            at_field_start = b == sep || b == b'\n';
        }
        i += 1;
    }
    open
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fields(records: &[Record]) -> Vec<Vec<&str>> {
        records.iter().map(|r| r.fields.iter().map(String::as_str).collect()).collect()
    }

    fn lines(records: &[Record]) -> Vec<usize> {
        records.iter().map(|r| r.line).collect()
    }

    #[test]
    fn bom_and_crlf_are_handled() {
        let text = decode(b"\xEF\xBB\xBFName,Group\r\nAisha Khan,Staff\r\n");
        let records = parse(&text).expect("parse");
        assert_eq!(fields(&records), vec![vec!["Name", "Group"], vec!["Aisha Khan", "Staff"]]);
        assert_eq!(records[1].line, 2);
    }

    #[test]
    fn quoted_fields_keep_commas_quotes_and_line_breaks_and_lines_stay_true() {
        let text = "Name,Notes\n\"Khan, Aisha\",\"said \"\"hi\"\"\"\n\"Ben\r\nJones\",x\nCara Lee,\"\"\n";
        let records = parse(text).expect("parse");
        assert_eq!(
            fields(&records),
            vec![
                vec!["Name", "Notes"],
                vec!["Khan, Aisha", "said \"hi\""],
                vec!["Ben\nJones", "x"],
                vec!["Cara Lee", ""],
            ]
        );
        assert_eq!(lines(&records), vec![1, 2, 3, 5]);
    }

    #[test]
    fn blank_lines_are_skipped_but_counted() {
        let records = parse("a,b\n\n\nc,d").expect("parse");
        assert_eq!(lines(&records), vec![1, 4]);
    }

    #[test]
    fn whitespace_only_lines_and_empty_quoted_lines_are_blank() {
        let records = parse("a,b\n   \n\"\"\r\nc,d\r\n").expect("parse");
        assert_eq!(fields(&records), vec![vec!["a", "b"], vec!["c", "d"]]);
        assert_eq!(lines(&records), vec![1, 4]);
    }

    #[test]
    fn unterminated_quote_names_the_line_it_opened_on() {
        assert_eq!(parse("a,b\nc,\"d\ne,f\n"), Err(CsvProblem::UnterminatedQuote { line: 2 }));
    }

    #[test]
    fn unterminated_quote_after_a_multi_line_cell_names_its_own_line() {
        // The record starts on line 2; the quote that never closes opens on line 3.
        let text = "a,b\n\"two\nlines\",\"never closed\nx,y\n";
        assert_eq!(parse(text), Err(CsvProblem::UnterminatedQuote { line: 3 }));
        // A doubled quote at the end of the file is text, not a closing quote.
        assert_eq!(parse("a,b\n\n\"c\"\""), Err(CsvProblem::UnterminatedQuote { line: 3 }));
        // An unclosed quote holding only spaces is still an unclosed quote, not a blank line.
        assert_eq!(parse("a,b\n\"   "), Err(CsvProblem::UnterminatedQuote { line: 2 }));
    }

    #[test]
    fn stray_quotes_are_kept_as_written() {
        let records = parse("a,b\nO\"Neil,\"Ann\"e\n").expect("parse");
        assert_eq!(fields(&records)[1], vec!["O\"Neil", "Anne"]);
    }

    #[test]
    fn old_mac_line_ends_count_as_lines() {
        let records = parse("Name,Group\r\rAisha Khan,Staff\r\"Ben\rJones\",Volunteer\rCara,Staff").expect("parse");
        assert_eq!(fields(&records)[2], vec!["Ben\nJones", "Volunteer"]);
        assert_eq!(lines(&records), vec![1, 3, 4, 6]);
    }

    #[test]
    fn windows_1252_text_is_read_when_not_utf8() {
        // "Zoë O’Neil" as Excel's plain CSV writes it on a UK laptop.
        assert_eq!(decode(b"Zo\xEB O\x92Neil"), "Zoë O’Neil");
        // The euro sign and the dashes live in 0x80–0x9F, where Windows-1252 differs from Latin-1.
        assert_eq!(decode(b"\x80 5 \x96 \x97"), "€ 5 – —");
    }

    #[test]
    fn utf8_with_and_without_a_bom_reads_the_same() {
        assert_eq!(decode("Zoë".as_bytes()), "Zoë");
        assert_eq!(decode(b"\xEF\xBB\xBFZo\xC3\xAB"), "Zoë");
    }

    #[test]
    fn semicolon_separated_exports_are_read() {
        assert_eq!(fields(&parse("Name;Group\nAisha Khan;Staff").expect("parse"))[1], vec!["Aisha Khan", "Staff"]);
    }

    #[test]
    fn tab_separated_exports_are_read() {
        assert_eq!(fields(&parse("Name\tGroup\nKhan, Aisha\tStaff").expect("parse"))[1], vec!["Khan, Aisha", "Staff"]);
    }

    proptest::proptest! {
        #[test]
        fn any_text_parses_or_names_a_real_line_and_lines_only_go_forward(text in "[a\",;\t \r\n]{0,80}") {
            let last_line = 1 + text.replace("\r\n", "\n").matches(['\r', '\n']).count();
            match parse(&text) {
                Ok(records) => {
                    for pair in records.windows(2) {
                        proptest::prop_assert!(pair[0].line < pair[1].line);
                    }
                    for record in &records {
                        proptest::prop_assert!(record.line >= 1 && record.line <= last_line);
                    }
                }
                Err(CsvProblem::UnterminatedQuote { line }) => {
                    proptest::prop_assert!(line >= 1 && line <= last_line);
                }
            }
        }
    }
}
