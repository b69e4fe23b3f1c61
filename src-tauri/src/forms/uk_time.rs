//! Clock times as people in the UK read them: Europe/London local time, GMT in winter and BST in
//! summer, written "3 September 2025 at 10:12".
//!
//! Owns the UK's summer-time rule. Records store instants in UTC; only printing converts them.
//! The rule has been the same since 1996 (summer time from 01:00 UTC on the last Sunday of March
//! to 01:00 UTC on the last Sunday of October), so a fixed rule is exact for every record this
//! app can hold, without shipping a time-zone database.

use chrono::{DateTime, Datelike, Duration, NaiveDate, NaiveDateTime, TimeZone, Utc, Weekday};

use super::uk_date;

/// The last Sunday of `month` in `year`, at 01:00 UTC: when UK clocks change.
fn change_instant(year: i32, month: u32) -> DateTime<Utc> {
    let last_day = NaiveDate::from_ymd_opt(year, month, 31).expect("March and October have 31 days");
    let back = last_day.weekday().num_days_from_sunday();
    let sunday = last_day - Duration::days(i64::from(back));
    debug_assert_eq!(sunday.weekday(), Weekday::Sun);
    Utc.from_utc_datetime(&sunday.and_hms_opt(1, 0, 0).expect("01:00 is a valid time"))
}

/// Whether UK clocks show British Summer Time at `instant`.
pub fn is_bst(instant: DateTime<Utc>) -> bool {
    let year = instant.year();
    instant >= change_instant(year, 3) && instant < change_instant(year, 10)
}

/// `instant` as the wall-clock time in the UK.
pub fn london_time(instant: DateTime<Utc>) -> NaiveDateTime {
    let offset = if is_bst(instant) { Duration::hours(1) } else { Duration::zero() };
    instant.naive_utc() + offset
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
    DateTime::parse_from_rfc3339(rfc3339).ok().map(|t| london_time(t.with_timezone(&Utc)).date())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn utc(text: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(text).expect("test instants are RFC 3339").with_timezone(&Utc)
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
    fn a_late_evening_signature_in_summer_falls_on_the_next_uk_day() {
        assert_eq!(uk_day_of("2026-06-30T23:30:00Z"), NaiveDate::from_ymd_opt(2026, 7, 1));
        assert_eq!(uk_date_time_text("2026-06-30T23:30:00+00:00").as_deref(), Some("1 July 2026 at 00:30"));
        assert_eq!(uk_date_time_text("yesterday"), None);
    }
}
