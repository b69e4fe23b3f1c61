//! A small CSV reader for spreadsheet exports (RFC 4180 plus what Excel and LibreOffice really
//! write): a UTF-8 byte-order mark, CRLF or LF or CR line ends, quoted fields holding separators,
//! doubled quotes and line breaks, and Windows-1252 text when the file is not UTF-8 (Excel's plain
//! "CSV" on a UK Windows laptop). Owns only turning bytes into records with their line numbers.

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

/// Windows-1252's printable characters in 0x80–0x9F; the rest of the byte range is Latin-1.
const CP1252_HIGH: [char; 32] = [
    '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8d}', 'Ž', '\u{8f}', '\u{90}', '‘', '’',
    '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9d}', 'ž', 'Ÿ',
];

/// Bytes to text: UTF-8 (without its BOM) when valid, otherwise Windows-1252.
pub fn decode(bytes: &[u8]) -> String {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(text) => text.to_owned(),
        Err(_) => bytes
            .iter()
            .map(|&b| match b {
                0x80..=0x9F => CP1252_HIGH[usize::from(b - 0x80)],
                _ => char::from(b),
            })
            .collect(),
    }
}

/// Comma, unless the first line has none and has semicolons or tabs (some European exports).
fn separator(text: &str) -> char {
    let first = text.lines().next().unwrap_or_default();
    if first.contains(',') {
        ','
    } else if first.contains(';') {
        ';'
    } else if first.contains('\t') {
        '\t'
    } else {
        ','
    }
}

/// Splits text into records. Blank lines are skipped. A stray quote inside an unquoted field, or
/// text after a closing quote, is kept as written rather than refused.
pub fn parse(text: &str) -> Result<Vec<Record>, CsvProblem> {
    let sep = separator(text);
    let mut records = Vec::new();
    let mut chars = text.chars().peekable();
    let mut line = 1;
    let mut fields: Vec<String> = Vec::new();
    let mut field = String::new();
    let mut record_line = 1;
    let mut at_field_start = true;
    let finish_record = |fields: &mut Vec<String>, field: &mut String, records: &mut Vec<Record>, start: usize| {
        fields.push(std::mem::take(field));
        let blank = fields.len() == 1 && fields[0].trim().is_empty();
        if !blank {
            records.push(Record { line: start, fields: std::mem::take(fields) });
        }
        fields.clear();
    };
    while let Some(c) = chars.next() {
        match c {
            '"' if at_field_start => {
                at_field_start = false;
                let opened_on = line;
                loop {
                    match chars.next() {
                        None => return Err(CsvProblem::UnterminatedQuote { line: opened_on }),
                        Some('"') if chars.peek() == Some(&'"') => {
                            chars.next();
                            field.push('"');
                        }
                        Some('"') => break,
                        Some('\r') => {
                            if chars.peek() == Some(&'\n') {
                                chars.next();
                            }
                            line += 1;
                            field.push('\n');
                        }
                        Some('\n') => {
                            line += 1;
                            field.push('\n');
                        }
                        Some(other) => field.push(other),
                    }
                }
            }
            c if c == sep => {
                fields.push(std::mem::take(&mut field));
                at_field_start = true;
            }
            '\r' | '\n' => {
                if c == '\r' && chars.peek() == Some(&'\n') {
                    chars.next();
                }
                finish_record(&mut fields, &mut field, &mut records, record_line);
                line += 1;
                record_line = line;
                at_field_start = true;
            }
            other => {
                field.push(other);
                at_field_start = false;
            }
        }
    }
    if !fields.is_empty() || !field.is_empty() {
        finish_record(&mut fields, &mut field, &mut records, record_line);
    }
    Ok(records)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fields(records: &[Record]) -> Vec<Vec<&str>> {
        records.iter().map(|r| r.fields.iter().map(String::as_str).collect()).collect()
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
        assert_eq!(records.iter().map(|r| r.line).collect::<Vec<_>>(), vec![1, 2, 3, 5]);
    }

    #[test]
    fn blank_lines_are_skipped_but_counted() {
        let records = parse("a,b\n\n\nc,d").expect("parse");
        assert_eq!(records.iter().map(|r| r.line).collect::<Vec<_>>(), vec![1, 4]);
    }

    #[test]
    fn unterminated_quote_names_the_line_it_opened_on() {
        assert_eq!(parse("a,b\nc,\"d\ne,f\n"), Err(CsvProblem::UnterminatedQuote { line: 2 }));
    }

    #[test]
    fn windows_1252_text_is_read_when_not_utf8() {
        // "Zoë O’Neil" as Excel's plain CSV writes it on a UK laptop.
        assert_eq!(decode(b"Zo\xEB O\x92Neil"), "Zoë O’Neil");
    }

    #[test]
    fn semicolon_separated_exports_are_read() {
        assert_eq!(fields(&parse("Name;Group\nAisha Khan;Staff").expect("parse"))[1], vec!["Aisha Khan", "Staff"]);
    }
}
