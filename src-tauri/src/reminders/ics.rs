//! The organisation's due dates as an iCalendar file (RFC 5545) that any calendar program can
//! import: one all-day event per training renewal and policy review. The file names staff, so it
//! is only written where the user chooses, after a warning.

use chrono::{NaiveDate, Utc};

/// One date to put in the calendar.
pub struct DueEvent {
    /// Stable across exports, so importing again updates rather than duplicates.
    pub uid: String,
    pub summary: String,
    pub on: NaiveDate,
}

/// The calendar file's text. Lines end in CRLF and are folded at 75 octets, as the standard asks.
pub fn calendar(org_name: &str, events: &[DueEvent]) -> String {
    let stamp = Utc::now().format("%Y%m%dT%H%M%SZ").to_string();
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
        let next = event.on.succ_opt().unwrap_or(event.on);
        lines.push(format!("DTEND;VALUE=DATE:{}", next.format("%Y%m%d")));
        lines.push(format!("SUMMARY:{}", escape(&event.summary)));
        lines.push("TRANSP:TRANSPARENT".to_owned());
        lines.push("END:VEVENT".to_owned());
    }
    lines.push("END:VCALENDAR".to_owned());
    lines.iter().map(|l| fold(l)).collect::<Vec<_>>().join("")
}

/// Escapes text values: backslash, semicolon, comma and line breaks.
fn escape(text: &str) -> String {
    text.replace('\\', "\\\\").replace(';', "\\;").replace(',', "\\,").replace("\r\n", "\\n").replace('\n', "\\n")
}

/// Folds a content line at 75 octets (never inside a UTF-8 character) and ends it with CRLF.
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
}
