//! The organisation's due dates as an iCalendar file (RFC 5545) that any calendar program can
//! import: one all-day event per training renewal and policy review. The file names staff, so it
//! is only written where the user chooses, after a warning.
//!
//! Written here rather than with the `icalendar` crate: the file is one fixed shape (all-day
//! events with a summary), and that crate's line folding mixes character and byte positions,
//! leaves a carriage return in text unescaped and writes parameters in hash order, so the same
//! calendar would not come out the same twice. The tests below hold this writer to the parts of
//! RFC 5545 it uses: folding at 75 octets, CRLF line ends, TEXT escaping, DTSTAMP, UID and DATE
//! values.

use chrono::{DateTime, NaiveDate, Utc};

/// One date to put in the calendar.
pub struct DueEvent {
    /// Stable across exports, so importing again updates rather than duplicates.
    pub uid: String,
    /// The event's title as the calendar shows it (what falls due, and for whom).
    pub summary: String,
    /// The day it falls due; written as an all-day event.
    pub on: NaiveDate,
}

/// The calendar file's text, stamped now. Lines end in CRLF and are folded at 75 octets, as the
/// standard asks.
pub fn calendar(org_name: &str, events: &[DueEvent]) -> String {
    calendar_stamped(org_name, events, Utc::now())
}

/// [`calendar`], with every event's DTSTAMP (when the file was made) set to `stamp`.
pub fn calendar_stamped(org_name: &str, events: &[DueEvent], stamp: DateTime<Utc>) -> String {
    let stamp = stamp.format("%Y%m%dT%H%M%SZ").to_string();
    let mut lines = vec![
        "BEGIN:VCALENDAR".to_owned(),
        "VERSION:2.0".to_owned(),
        "PRODID:-//Safekeeper//Due dates//EN".to_owned(),
        "CALSCALE:GREGORIAN".to_owned(),
        format!("X-WR-CALNAME:{}", escape(&format!("{org_name}: due dates"))),
    ];
    for event in events {
        lines.push("BEGIN:VEVENT".to_owned());
        lines.push(format!("UID:{}", escape(&event.uid)));
        lines.push(format!("DTSTAMP:{stamp}"));
        lines.push(format!("DTSTART;VALUE=DATE:{}", event.on.format("%Y%m%d")));
        // DTEND is exclusive: an all-day event on one date ends at the start of the next.
        let next = event.on.succ_opt().unwrap_or(event.on);
        lines.push(format!("DTEND;VALUE=DATE:{}", next.format("%Y%m%d")));
        lines.push(format!("SUMMARY:{}", escape(&event.summary)));
        lines.push("TRANSP:TRANSPARENT".to_owned());
        lines.push("END:VEVENT".to_owned());
    }
    lines.push("END:VCALENDAR".to_owned());
    lines.iter().map(|l| fold(l)).collect::<Vec<_>>().join("")
}

/// Escapes a TEXT value (RFC 5545 3.3.11): backslash, semicolon and comma take a backslash, any
/// line break becomes `\n`, and other control characters (which TEXT may not hold) are dropped.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' | ';' | ',' => {
                out.push('\\');
                out.push(c);
            }
            '\r' | '\n' => {
                if c == '\r' && chars.peek() == Some(&'\n') {
                    chars.next();
                }
                out.push_str("\\n");
            }
            '\t' => out.push(c),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Folds a content line at 75 octets (never inside a UTF-8 character) and ends it with CRLF.
/// Each continuation line starts with one space, which counts towards its 75 octets.
fn fold(line: &str) -> String {
    let mut out = String::with_capacity(line.len() + 8);
    let mut used = 0;
    for ch in line.chars() {
        let width = ch.len_utf8();
        if used + width > 75 {
            out.push_str("\r\n ");
            used = 1;
        }
        out.push(ch);
        used += width;
    }
    out.push_str("\r\n");
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("real date")
    }

    #[test]
    fn each_due_date_is_an_all_day_event_with_escaped_text() {
        let events = [DueEvent {
            uid: "training-p1-os@safekeeper".into(),
            summary: "Training due: Online safety, Amira; v2".into(),
            on: day(2027, 1, 10),
        }];
        let text = calendar("Riverside Youth Project", &events);
        assert!(text.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"));
        assert!(text.contains("DTSTART;VALUE=DATE:20270110\r\nDTEND;VALUE=DATE:20270111\r\n"));
        assert!(text.contains("SUMMARY:Training due: Online safety\\, Amira\\; v2\r\n"));
        assert!(text.ends_with("END:VEVENT\r\nEND:VCALENDAR\r\n"));
        assert_eq!(text.matches("BEGIN:VEVENT").count(), 1);
    }

    #[test]
    fn long_lines_are_folded_at_75_octets_without_splitting_a_character() {
        let summary = format!("Policy review due: {}", "é".repeat(60));
        let text = calendar("Org", &[DueEvent { uid: "u".into(), summary, on: day(2027, 1, 1) }]);
        for line in text.split("\r\n") {
            assert!(line.len() <= 75, "{} octets: {line}", line.len());
        }
        let unfolded = text.replace("\r\n ", "");
        assert!(unfolded.contains(&format!("SUMMARY:Policy review due: {}", "é".repeat(60))));
    }

    fn stamp() -> DateTime<Utc> {
        DateTime::parse_from_rfc3339("2026-12-07T09:05:03Z").expect("instant").with_timezone(&Utc)
    }

    /// The content lines a calendar program sees: unfolded, split on CRLF. Panics on a bare CR or
    /// LF, which RFC 5545 does not allow outside a CRLF.
    fn content_lines(text: &str) -> Vec<String> {
        assert!(text.ends_with("\r\n"), "the file ends with CRLF");
        let unfolded = text.replace("\r\n ", "");
        let lines: Vec<String> = unfolded.trim_end_matches("\r\n").split("\r\n").map(str::to_owned).collect();
        for line in &lines {
            assert!(!line.contains('\r') && !line.contains('\n'), "bare line break in {line:?}");
        }
        lines
    }

    #[test]
    fn a_calendar_is_exactly_the_rfc_5545_text_expected() {
        let events = [
            DueEvent {
                uid: "training-p1-os@safekeeper".into(),
                summary: "Training due: Online safety".into(),
                on: day(2027, 1, 10),
            },
            DueEvent {
                uid: "policy-7@safekeeper".into(),
                summary: "Policy review due: E-safety".into(),
                on: day(2027, 12, 31),
            },
        ];
        let expected = "BEGIN:VCALENDAR\r\n\
            VERSION:2.0\r\n\
            PRODID:-//Safekeeper//Due dates//EN\r\n\
            CALSCALE:GREGORIAN\r\n\
            X-WR-CALNAME:Riverside\\, Youth Project: due dates\r\n\
            BEGIN:VEVENT\r\n\
            UID:training-p1-os@safekeeper\r\n\
            DTSTAMP:20261207T090503Z\r\n\
            DTSTART;VALUE=DATE:20270110\r\n\
            DTEND;VALUE=DATE:20270111\r\n\
            SUMMARY:Training due: Online safety\r\n\
            TRANSP:TRANSPARENT\r\n\
            END:VEVENT\r\n\
            BEGIN:VEVENT\r\n\
            UID:policy-7@safekeeper\r\n\
            DTSTAMP:20261207T090503Z\r\n\
            DTSTART;VALUE=DATE:20271231\r\n\
            DTEND;VALUE=DATE:20280101\r\n\
            SUMMARY:Policy review due: E-safety\r\n\
            TRANSP:TRANSPARENT\r\n\
            END:VEVENT\r\n\
            END:VCALENDAR\r\n";
        assert_eq!(calendar_stamped("Riverside, Youth Project", &events, stamp()), expected);
    }

    #[test]
    fn every_event_has_one_uid_one_utc_dtstamp_and_all_day_dates() {
        let events: Vec<DueEvent> = (1..=3u64)
            .map(|n| DueEvent {
                uid: format!("u{n}@safekeeper"),
                summary: format!("Due {n}"),
                on: day(2028, 2, 27) + chrono::Days::new(n),
            })
            .collect();
        let lines = content_lines(&calendar("Org", &events));
        let events_text: Vec<&[String]> = lines.split(|l| l == "BEGIN:VEVENT").skip(1).collect();
        assert_eq!(events_text.len(), 3);
        for (n, event) in events_text.iter().enumerate() {
            let with = |name: &str| event.iter().filter(|l| l.starts_with(name)).cloned().collect::<Vec<_>>();
            assert_eq!(with("UID:"), vec![format!("UID:u{}@safekeeper", n + 1)]);
            let stamps = with("DTSTAMP:");
            assert_eq!(stamps.len(), 1);
            let value = &stamps[0]["DTSTAMP:".len()..];
            assert!(chrono::NaiveDateTime::parse_from_str(value, "%Y%m%dT%H%M%SZ").is_ok(), "{value}");
            assert!(value.ends_with('Z'), "DTSTAMP is in UTC");
        }
        // 2028 is a leap year: 28 Feb, 29 Feb and 1 March, each ending on the next day.
        assert!(lines.contains(&"DTSTART;VALUE=DATE:20280229".to_owned()));
        assert!(lines.contains(&"DTEND;VALUE=DATE:20280301".to_owned()));
        assert!(lines.contains(&"DTEND;VALUE=DATE:20280302".to_owned()));
    }

    #[test]
    fn text_escaping_follows_rfc_5545_section_3_3_11() {
        assert_eq!(escape(r"a\b;c,d:e"), r"a\\b\;c\,d:e");
        assert_eq!(escape("one\ntwo\r\nthree\rfour"), r"one\ntwo\nthree\nfour");
        // A backslash already before a comma is escaped once, not read as an escape.
        assert_eq!(escape(r"\,"), r"\\\,");
        // TEXT may hold a tab but no other control character.
        assert_eq!(escape("tab\there\u{7}\u{0}"), "tab\there");
        assert_eq!(escape("Zoë O’Neil"), "Zoë O’Neil");
    }

    #[test]
    fn a_line_of_exactly_75_octets_is_not_folded_and_76_folds_once() {
        let exactly = format!("SUMMARY:{}", "x".repeat(75 - "SUMMARY:".len()));
        assert_eq!(fold(&exactly), format!("{exactly}\r\n"));
        let longer = format!("{exactly}y");
        assert_eq!(fold(&longer), format!("{exactly}\r\n y\r\n"));
        // A continuation line holds 74 octets after its space, so 75 + 74 + 1 folds twice.
        let twice = "z".repeat(75 + 74 + 1);
        assert_eq!(fold(&twice), format!("{}\r\n {}\r\n z\r\n", "z".repeat(75), "z".repeat(74)));
    }

    #[test]
    fn a_multibyte_character_on_the_75th_octet_moves_whole_to_the_next_line() {
        // 74 ASCII octets, then "é" (2 octets) would end on octet 76: the line breaks before it.
        let line = format!("{}é", "a".repeat(74));
        assert_eq!(fold(&line), format!("{}\r\n é\r\n", "a".repeat(74)));
        // A 4-octet character starting on octet 73 would end on 76.
        let line = format!("{}🙂b", "a".repeat(72));
        assert_eq!(fold(&line), format!("{}\r\n 🙂b\r\n", "a".repeat(72)));
        // A 3-octet character ending exactly on octet 75 stays.
        let line = format!("{}’x", "a".repeat(72));
        assert_eq!(fold(&line), format!("{}’\r\n x\r\n", "a".repeat(72)));
    }

    proptest::proptest! {
        #[test]
        fn folding_never_exceeds_75_octets_and_unfolds_to_the_original(text in "\\PC{0,300}") {
            let line = format!("SUMMARY:{}", escape(&text));
            let folded = fold(&line);
            proptest::prop_assert!(folded.ends_with("\r\n"));
            for physical in folded.trim_end_matches("\r\n").split("\r\n") {
                proptest::prop_assert!(physical.len() <= 75, "{} octets", physical.len());
            }
            proptest::prop_assert_eq!(folded.trim_end_matches("\r\n").replace("\r\n ", ""), line);
        }
    }
}
