//! Dates and clock times as people in the UK read them: "today" is the calendar date in
//! Europe/London, clock times are GMT in winter and BST in summer, dates are written
//! "3 September 2025", and due dates move by whole years the way a calendar does.
//!
//! Owns telling the time. Every other module asks here for today's date, so the whole app agrees
//! with the UI (which shows due distances by the Europe/London date) whatever time zone the laptop
//! is set to. Records store instants in UTC; only display converts them. The summer-time rule
//! comes from the IANA time-zone database through `chrono-tz` (built with Europe/London and UTC
//! only), so a future change to the UK's rule arrives with a dependency update. Imports nothing
//! else of Safekeeper's: `records`, `reminders`, `forms`, `kiosk`, `vault` and the shell all
//! import it. Does not decide when a record falls due (see `reminders`).

use chrono::{DateTime, Datelike, Months, NaiveDate, NaiveDateTime, TimeZone, Utc};
use chrono_tz::{Europe::London, OffsetComponents};

/// A moment on UK clocks, with its offset from UTC (for file names and export stamps).
pub type UkDateTime = DateTime<chrono_tz::Tz>;

/// Today's calendar date in the UK.
pub fn today() -> NaiveDate {
    uk_day(Utc::now())
}

/// Now, on UK clocks.
pub fn uk_now() -> UkDateTime {
    Utc::now().with_timezone(&London)
}

/// The UK calendar date at `instant`.
pub fn uk_day(instant: DateTime<Utc>) -> NaiveDate {
    london_time(instant).date()
}

/// Whether UK clocks show British Summer Time at `instant`.
pub fn is_bst(instant: DateTime<Utc>) -> bool {
    !London.offset_from_utc_datetime(&instant.naive_utc()).dst_offset().is_zero()
}

/// `instant` as the wall-clock time in the UK.
pub fn london_time(instant: DateTime<Utc>) -> NaiveDateTime {
    instant.with_timezone(&London).naive_local()
}

/// A date as UK readers write it: "22 November 2026" (no leading zero on the day).
pub fn uk_date(date: NaiveDate) -> String {
    const MONTHS: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    // month0() is 0..=11 by chrono's contract, so the index is always in range.
    let month = MONTHS[date.month0() as usize];
    format!("{} {} {}", date.day(), month, date.year())
}

/// "3 September 2025 at 10:12", in UK local time.
pub fn uk_date_time(instant: DateTime<Utc>) -> String {
    let local = london_time(instant);
    format!("{} at {}", uk_date(local.date()), local.format("%H:%M"))
}

/// As [`uk_date_time`] for a stored RFC 3339 instant; `None` if the text is not one.
pub fn uk_date_time_text(rfc3339: &str) -> Option<String> {
    DateTime::parse_from_rfc3339(rfc3339).ok().map(|t| uk_date_time(t.with_timezone(&Utc)))
}

/// The UK calendar date of a stored RFC 3339 instant; `None` if the text is not one.
pub fn uk_day_of(rfc3339: &str) -> Option<NaiveDate> {
    DateTime::parse_from_rfc3339(rfc3339).ok().map(|t| uk_day(t.with_timezone(&Utc)))
}

/// `date` plus whole years; 29 February moves back to 28 February in a year that has none.
/// Saturates at the last date chrono can hold rather than failing.
pub fn add_years(date: NaiveDate, years: u32) -> NaiveDate {
    date.checked_add_months(Months::new(years.saturating_mul(12))).unwrap_or(NaiveDate::MAX)
}

#[cfg(test)]
mod tests {
    use chrono::FixedOffset;

    use super::*;

    fn utc(text: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(text).expect("test instants are RFC 3339").with_timezone(&Utc)
    }

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).expect("test dates are real calendar dates")
    }

    #[test]
    fn summer_signatures_show_an_hour_ahead_of_utc() {
        assert_eq!(uk_date_time(utc("2025-09-03T09:12:00Z")), "3 September 2025 at 10:12");
    }

    #[test]
    fn winter_signatures_show_utc_unchanged() {
        assert_eq!(uk_date_time(utc("2025-12-01T16:05:00Z")), "1 December 2025 at 16:05");
    }

    #[test]
    fn clocks_change_at_one_in_the_morning_utc_on_the_last_sundays() {
        // 2026: clocks go forward on 29 March and back on 25 October.
        assert!(!is_bst(utc("2026-03-29T00:59:59Z")));
        assert!(is_bst(utc("2026-03-29T01:00:00Z")));
        assert_eq!(uk_date_time(utc("2026-03-29T01:00:00Z")), "29 March 2026 at 02:00");
        assert!(is_bst(utc("2026-10-25T00:59:59Z")));
        assert!(!is_bst(utc("2026-10-25T01:00:00Z")));
        // 2027: 28 March and 31 October (a month ending on a Sunday).
        assert!(is_bst(utc("2027-03-28T01:00:00Z")));
        assert!(is_bst(utc("2027-10-31T00:30:00Z")));
        assert!(!is_bst(utc("2027-10-31T01:00:00Z")));
    }

    #[test]
    fn the_skipped_spring_hour_never_shows_and_the_repeated_autumn_hour_shows_twice() {
        // Spring: 00:59 GMT is followed by 02:00 BST; no instant reads 01:xx.
        assert_eq!(london_time(utc("2026-03-29T00:59:00Z")).format("%H:%M").to_string(), "00:59");
        assert_eq!(london_time(utc("2026-03-29T01:00:00Z")).format("%H:%M").to_string(), "02:00");
        // Autumn: 01:30 is read twice, an hour apart, first in BST and then in GMT.
        assert_eq!(uk_date_time(utc("2026-10-25T00:30:00Z")), "25 October 2026 at 01:30");
        assert_eq!(uk_date_time(utc("2026-10-25T01:30:00Z")), "25 October 2026 at 01:30");
        assert_eq!(uk_date_time(utc("2026-10-25T02:30:00Z")), "25 October 2026 at 02:30");
    }

    #[test]
    fn every_clock_change_from_1996_to_2040_is_the_last_sunday_at_one_utc() {
        // The rule the hand-written version encoded, checked against the time-zone database.
        for year in 1996..=2040 {
            for month in [3, 10] {
                let last = date(year, month, 31);
                let sunday = last - chrono::Days::new(u64::from(last.weekday().num_days_from_sunday()));
                let change = Utc.from_utc_datetime(&sunday.and_hms_opt(1, 0, 0).expect("01:00"));
                let before = change - chrono::Duration::seconds(1);
                assert_eq!(is_bst(change), month == 3, "{year}-{month}");
                assert_eq!(is_bst(before), month == 10, "{year}-{month}");
            }
        }
    }

    #[test]
    fn a_late_evening_signature_in_summer_falls_on_the_next_uk_day() {
        assert_eq!(uk_day_of("2026-06-30T23:30:00Z"), Some(date(2026, 7, 1)));
        assert_eq!(uk_date_time_text("2026-06-30T23:30:00+00:00").as_deref(), Some("1 July 2026 at 00:30"));
        assert_eq!(uk_date_time_text("yesterday"), None);
    }

    #[test]
    fn today_is_the_uk_date_even_when_the_laptop_clock_is_set_elsewhere_around_midnight() {
        // Due distances on screen count from the Europe/London date. A laptop set to New York
        // reads 30 June at this instant, and one set to Tokyo reads 1 July all day; the UK
        // date is what both the screen and the records use.
        let instant = utc("2026-06-30T23:30:00Z");
        let new_york = FixedOffset::west_opt(4 * 3600).expect("offset");
        assert_eq!(instant.with_timezone(&new_york).date_naive(), date(2026, 6, 30));
        assert_eq!(uk_day(instant), date(2026, 7, 1));
        // In winter, just before midnight UTC, the UK is still on the same day.
        assert_eq!(uk_day(utc("2026-12-31T23:59:00Z")), date(2026, 12, 31));
        // today() is uk_day of now (compare twice to step over a midnight between the calls).
        let before = uk_day(Utc::now());
        let got = today();
        assert!(got == before || got == uk_day(Utc::now()));
        assert_eq!(uk_now().timezone(), London);
    }

    #[test]
    fn uk_date_spells_the_month_and_keeps_day_first() {
        assert_eq!(uk_date(date(2026, 11, 22)), "22 November 2026");
        assert_eq!(uk_date(date(2027, 12, 31)), "31 December 2027");
    }

    #[test]
    fn uk_date_has_no_leading_zero_on_single_digit_days() {
        assert_eq!(uk_date(date(2026, 1, 5)), "5 January 2026");
    }

    #[test]
    fn adding_years_to_29_february_lands_on_28_february() {
        assert_eq!(add_years(date(2024, 2, 29), 1), date(2025, 2, 28));
        assert_eq!(add_years(date(2024, 2, 29), 4), date(2028, 2, 29));
        assert_eq!(add_years(date(2026, 8, 31), 25), date(2051, 8, 31));
        assert_eq!(add_years(date(2026, 1, 1), u32::MAX), NaiveDate::MAX);
    }

    /// Every `.rs` file under `dir`, with its text.
    fn sources(dir: &std::path::Path, out: &mut Vec<(std::path::PathBuf, String)>) {
        for entry in std::fs::read_dir(dir).expect("source folder").flatten() {
            let path = entry.path();
            if path.is_dir() {
                sources(&path, out);
            } else if path.extension().is_some_and(|e| e == "rs") {
                out.push((path.clone(), std::fs::read_to_string(&path).expect("source file")));
            }
        }
    }

    #[test]
    fn no_module_takes_the_date_from_the_laptop_clock_and_dates_imports_nothing_of_ours() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut files = Vec::new();
        sources(&root.join("src"), &mut files);
        sources(&root.join("tests"), &mut files);
        let laptop_clock = ["Local", "::now", "()"].concat();
        let offenders: Vec<_> = files
            .iter()
            .filter(|(_, text)| text.contains(&laptop_clock))
            .map(|(path, _)| path.display().to_string())
            .collect();
        assert!(offenders.is_empty(), "use dates::today() or dates::uk_now() instead in {offenders:?}");

        let own = std::fs::read_to_string(root.join("src/dates.rs")).expect("dates.rs");
        let code = &own[..own.find("#[cfg(test)]").expect("a test module")];
        assert!(!code.contains("crate::") && !code.contains("super::"), "dates must stay a leaf module");
    }
}
